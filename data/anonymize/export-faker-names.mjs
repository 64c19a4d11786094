// Exports the given names and surnames of every locale of @faker-js/faker
// (MIT) to OUTDIR/first.txt and OUTDIR/last.txt, for build-world-faker.py.
// Usage: node data/anonymize/export-faker-names.mjs OUTDIR  (with @faker-js/faker 10.6.0 installed)
import * as F from '@faker-js/faker';
import fs from 'fs';
const out = process.argv[2] || '.';
const first = new Set(), last = new Set(), per = {};
const skip = new Set(['EN_BORK', 'EN_AU_ocker']); // joke locales
for (const [k, v] of Object.entries(F)) {
  if (!k.startsWith('fakerJS') && k.startsWith('faker') && v && v.rawDefinitions) {
    const loc = k.slice(5);
    if (skip.has(loc)) continue;
    const p = v.rawDefinitions.person;
    if (!p) continue;
    const grab = (o, set) => { if (!o) return 0; let n = 0; for (const g of ['generic', 'female', 'male']) for (const x of (o[g] || [])) { if (typeof x === 'string') { set.add(x.trim()); n++; } } return n; };
    per[loc] = [grab(p.first_name, first), grab(p.last_name, last)];
  }
}
fs.writeFileSync(out + '/first.txt', [...first].sort().join('\n') + '\n');
fs.writeFileSync(out + '/last.txt', [...last].sort().join('\n') + '\n');
console.log(first.size, last.size);

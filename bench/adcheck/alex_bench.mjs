// Runs alex (retext-equality + retext-profanities) over the same ads as
// bench_adcheck, on one thread, and writes one JSON line per ad with its
// findings as byte offsets (alex reports UTF-16 offsets).
// usage: node alex_bench.mjs ADS.jsonl ROUNDS OUT.jsonl   (prints ads_per_sec)
import { readFileSync, writeFileSync } from 'node:fs';
import { text as alex } from 'alex';

const [adsPath, roundsArg, outPath] = process.argv.slice(2);
const rounds = Number(roundsArg || 1);
const ads = readFileSync(adsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const byteOffset = (s, i) => Buffer.byteLength(s.slice(0, i), 'utf8');
const out = [];
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) {
  for (const ad of ads) {
    const file = alex(ad.text);
    if (r !== 0) continue;
    out.push(JSON.stringify({
      id: ad.id,
      findings: file.messages.map((m) => ({
        rule: `${m.source}/${m.ruleId}`,
        start: byteOffset(ad.text, m.place?.start?.offset ?? m.position?.start?.offset ?? 0),
        end: byteOffset(ad.text, m.place?.end?.offset ?? m.position?.end?.offset ?? 0),
        text: m.actual ?? '',
      })),
    }));
  }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1e6; // includes the garbage collector's threads
writeFileSync(outPath, out.join('\n') + '\n');
const checked = ads.length * rounds;
console.log(`ads=${ads.length} checked=${checked} seconds=${secs.toFixed(3)} cpu_seconds=${cpu.toFixed(3)} ads_per_sec=${(checked / secs).toFixed(1)} ads_per_cpu_sec=${(checked / cpu).toFixed(1)}`);

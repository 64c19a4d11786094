// Runs the npm peers on the same documents as our anonymiser and prints
// {"name": {"texts": [...], "seconds": s, "errors": n}} as JSON.
// Called by eval.py from bench/out/npm (where run installs the packages).
'use strict';
const fs = require('fs');
const path = require('path');
const req = (m) => require(path.join(process.cwd(), 'node_modules', m));

async function runAll(name, docs, fn) {
  const texts = [];
  let errors = 0;
  const t0 = process.hrtime.bigint();
  for (const d of docs) {
    try {
      texts.push(await fn(d));
    } catch (e) {
      errors++;
      texts.push(d);
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { texts, seconds, errors };
}

(async () => {
  const docs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const out = {};
  const { SyncRedactor } = req('redact-pii');
  const rp = new SyncRedactor();
  out['redact-pii'] = await runAll('redact-pii', docs, (d) => rp.redact(d));
  const { OpenRedaction } = req('@openredaction/openredaction');
  const or = new OpenRedaction();
  out['openredaction'] = await runAll('openredaction', docs, async (d) => (await or.detect(d)).redacted);
  process.stdout.write(JSON.stringify(out));
})();

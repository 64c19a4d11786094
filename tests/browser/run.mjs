// Browser tests: every page in every language passes axe-core (WCAG 2.2 A/AA),
// is reachable by keyboard, reflows at 320 px and works without JavaScript.
// usage: node tests/browser/run.mjs --binary build/techdiv
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { check, done, launch, startServer } from './lib.mjs';
import * as accounts from './suite_accounts.mjs';
import * as foundation from './suite_foundation.mjs';
import * as jobs from './suite_jobs.mjs';
import * as iapedit from './suite_iapedit.mjs';
import * as profile from './suite_profile.mjs';
import * as actions from './suite_actions.mjs';
import * as roadmap from './suite_roadmap.mjs';

const ALL = { foundation, jobs, accounts, iapedit, profile, actions, roadmap };
// --only NAME runs one suite (while developing).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const SUITES = Object.entries(ALL).filter(([name]) => !only || name === only).map(([, s]) => s);
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const binary = process.argv[process.argv.indexOf('--binary') + 1];

export async function axeCheck(page, label) {
  await page.addScriptTag({ content: axeSource });
  const res = await page.evaluate(async () => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  const detail = res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((x) => x.target.join(' ')).slice(0, 3).join(', ')})`).join('\n');
  return check(res.violations.length === 0, `axe-core: no WCAG 2.2 A/AA violations on ${label}`, detail);
}

const srv = await startServer(binary);
const browser = await launch();
try {
  for (const s of SUITES) await s.run({ browser, base: srv.base, db: srv.db, binary, axeCheck, check });
} catch (e) {
  check(false, 'browser suite ran to the end', e.stack);
} finally {
  await browser.close();
  srv.stop();
  done();
}

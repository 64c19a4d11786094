// Shared helpers for browser tests: TAP output, a real techdiv server, Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

let n = 0, failed = 0;
export function check(cond, name, detail) {
  n++;
  if (cond) console.log(`ok ${n} - ${name}`);
  else {
    failed++;
    console.log(`not ok ${n} - ${name}`);
    if (detail) for (const line of String(detail).split('\n').slice(0, 25)) console.log(`#   ${line}`);
  }
  return cond;
}
export function done() {
  console.log(`1..${n}\n# ${n - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

export async function startServer(binary) {
  const dir = mkdtempSync(join(tmpdir(), 'techdiv-browser-'));
  const db = `sqlite:${dir}/t.db`;
  const init = spawnSync(binary, ['init', '--db', db, '--demo'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  const port = await freePort();
  const proc = spawn(binary, ['serve', '--quiet', '--db', db, '--listen', `127.0.0.1:${port}`], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  return { base, db, stop: () => { proc.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }); } };
}

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

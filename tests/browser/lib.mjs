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

// ---- helpers shared by the suites ----
export const LANGS = ['en', 'el', 'it', 'pt', 'pl', 'ro', 'sl'];
export const PW = 'four random words here';

export function withLang(path, lang) { return path + (path.includes('?') ? '&' : '?') + `lang=${lang}`; }

// Presses Tab until an element matching selector has focus (keyboard-only use).
export async function tabTo(page, selector, max = 250) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector)) {
      return true;
    }
  }
  return false;
}

// Presses Enter and waits for the page it leads to.
export async function enter(page) {
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

export function addUser(binary, db, email, role, extra, pw = PW) {
  const r = spawnSync(binary, ['user', 'add', '--db', db, '--email', email, '--role', role, '--password-stdin', ...extra],
    { input: pw + '\n', encoding: 'utf8' });
  return r.status === 0;
}

// A new browser context signed in as email (CSP bypassed so axe-core can be injected).
export async function signIn(browser, base, email, pw = PW) {
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.fill('#email', email);
  await page.fill('#password', pw);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  return { ctx, page };
}

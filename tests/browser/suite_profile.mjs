// Candidate profiles in the browser: in each of the seven languages a keyboard-only user registers,
// imports a Europass CV, fixes their skills and sees and approves their anonymised profile; every
// profile page (and a counsellor's view) passes axe-core in all seven languages.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { LANGS, PW, addUser, enter, tabTo } from './lib.mjs';

const EUROPASS = resolve('../shared/data/cvs/europass_examples/Europass_CV_V3.4.0_Example.xml');
const DATA_ANALYST = 'http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2';

// Opens the focused file field's dialog from the keyboard and picks path (a
// headless browser sometimes misses the first key press on a file field).
async function chooseFile(page, path) {
  for (const key of ['Space', 'Enter', 'Space']) {
    try {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), page.keyboard.press(key)]);
      await chooser.setFiles(path);
      return true;
    } catch { /* try the next key */ }
  }
  return false;
}

async function register(page, base, lang, email) {
  await page.goto(`${base}/register?lang=${lang}`);
  await tabTo(page, '#email');
  await page.keyboard.type(email);
  await tabTo(page, '#name');
  await page.keyboard.type('Zofia Klawiatura');
  await tabTo(page, '#password');
  await page.keyboard.type(PW);
  await tabTo(page, '#consent');
  await page.keyboard.press('Space');
  await tabTo(page, 'main button[type=submit]');
  await enter(page);
}

async function keyboardFlow({ browser, base, check }, lang) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await register(page, base, lang, `keys.${lang}@example.org`);
  check(await tabTo(page, 'nav a[href="/profile"]'), `[${lang}] the navigation leads to the profile`);
  await enter(page);
  check(new URL(page.url()).pathname === '/profile', `[${lang}] the profile page opens by keyboard`, page.url());
  check(await tabTo(page, '#europass'), `[${lang}] keyboard reaches the Europass file field`);
  check(await chooseFile(page, EUROPASS), `[${lang}] the file dialog opens from the keyboard`);
  check(await tabTo(page, 'form[action="/profile/import"] button'), `[${lang}] keyboard reaches the import button`);
  await enter(page);
  check(new URL(page.url()).pathname === '/profile/skills', `[${lang}] the import lands on the skills page`, page.url());
  const proposed = await page.locator('#h-proposed').count();
  check(proposed === 1, `[${lang}] skills found in the CV wait for confirmation`);
  check(await tabTo(page, 'form input[value="confirm_all"] ~ button'), `[${lang}] keyboard reaches "confirm all"`);
  await enter(page);
  check(await page.locator('#h-proposed').count() === 0 && await page.locator('#h-mine').count() === 1,
    `[${lang}] the proposed skills are confirmed`);
  check(await tabTo(page, '#q'), `[${lang}] keyboard reaches the skill search`);
  await page.keyboard.type('python');
  await enter(page);
  check(await tabTo(page, 'form[action="/profile/skills/add"] button'), `[${lang}] keyboard reaches an "add" button`);
  await enter(page);
  check((await page.textContent('#h-mine + p, #h-mine ~ div table')).includes('Python'),
    `[${lang}] Python is added to the skills`);
  check(await tabTo(page, 'select[name=level]'), `[${lang}] keyboard reaches a level`);
  await page.keyboard.press('ArrowDown');
  check(await tabTo(page, 'form:has(select[name=level]) button'), `[${lang}] keyboard reaches "set level"`);
  await enter(page);
  check(await tabTo(page, '.crumbs a'), `[${lang}] keyboard goes back to the profile`);
  await enter(page);
  check(await tabTo(page, 'a[href="/profile/preview"]'), `[${lang}] keyboard reaches the anonymised view`);
  await enter(page);
  const view = await page.textContent('#anonview');
  check(!/NORRIS|Chuck|Klawiatura/.test(view), `[${lang}] the anonymised view has no name`, view.slice(0, 300));
  check(await page.locator('#anonview mark').count() > 0, `[${lang}] removals are highlighted`);
  check(await tabTo(page, 'form[action="/profile/preview/approve"] button'), `[${lang}] keyboard reaches approval`);
  await enter(page);
  check(await page.locator('form[action="/profile/preview/approve"]').count() === 0,
    `[${lang}] the anonymised profile is approved by keyboard`);
  await ctx.close();
}

async function counsellorPage({ browser, base, db, binary, check }) {
  spawnSync(binary, ['org', 'add', '--db', db, '--slug', 'prof-ngo', '--name', 'Profile NGO', '--kind', 'ngo']);
  check(addUser(binary, db, 'prof.ngo@example.org', 'ngo', ['--org', 'prof-ngo']), 'a counsellor is created');
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.fill('#email', 'prof.ngo@example.org');
  await page.fill('#password', PW);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  await page.goto(base + '/orgs/prof-ngo/candidates');
  await page.fill('#email', 'prof.cand@example.org');
  await page.fill('#name', 'Counselled Candidate');
  await page.check('#consent');
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  const href = await page.getAttribute('main ul a', 'href');
  return { ctx, page, base: `${href}/profile` };
}

async function axeAll(t) {
  const { browser, base, axeCheck, check } = t;
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  await register(page, base, 'en', 'axe.profile@example.org');
  await page.goto(base + '/profile');
  await page.setInputFiles('#europass', EUROPASS);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/profile/import"] button')]);
  const paths = ['/profile', '/profile/about', '/profile/skills?q=python', '/profile/experience', '/profile/education',
    '/profile/languages', '/profile/projects', '/profile/preview', `/profile/guidance?occupation=${DATA_ANALYST}&q=data`];
  const counsellor = await counsellorPage(t);
  for (const lang of LANGS) {
    for (const path of paths) {
      await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      await axeCheck(page, `${path} [${lang}]`);
    }
    await page.goto(`${base}/profile/experience?lang=${lang}`);
    await page.fill('#role', 'Tester');
    await page.fill('#start', '2024-05');
    await page.fill('#end', '2023-01');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/profile/experience"] button')]);
    check(await page.locator('[role=alert]').count() === 1, `[${lang}] a wrong date shows an error`);
    await axeCheck(page, `/profile/experience with an error [${lang}]`);
    await counsellor.page.goto(`${base}${counsellor.base}?lang=${lang}`);
    await axeCheck(counsellor.page, `the counsellor's view of a profile [${lang}]`);
  }
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/profile/skills', '/profile/preview']) {
    await page.goto(`${base}${path}?lang=el`);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    check(sw <= 320, `${path} [el] fits 320 px without horizontal scrolling`, `scrollWidth ${sw}`);
  }
  await ctx.close();
  await counsellor.ctx.close();
}

export async function run(t) {
  for (const lang of LANGS) await keyboardFlow(t, lang);
  await axeAll(t);
}

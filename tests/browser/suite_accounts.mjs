// Accounts in the browser: register → account → export → sign out → sign in, by keyboard
// only; every account page passes axe-core in all seven languages.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { LANGS, PW, addUser, signIn, tabTo, withLang } from './lib.mjs';

const EMAIL = 'keyboard.user@example.org';

async function focusVisible(page) {
  return page.evaluate(() => {
    const cs = getComputedStyle(document.activeElement);
    return cs.outlineStyle !== 'none' || cs.boxShadow !== 'none';
  });
}

async function keyboardFlow({ browser, base, check }) {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(base + '/register?lang=en');
  check(await tabTo(page, '#email'), 'keyboard reaches the e-mail field');
  await page.keyboard.type(EMAIL);
  check(await tabTo(page, '#name'), 'keyboard reaches the name field');
  await page.keyboard.type('Keyboard User');
  check(await tabTo(page, '#password'), 'keyboard reaches the password field');
  check(await focusVisible(page), 'the focused field shows a visible focus indicator');
  await page.keyboard.type(PW);
  check(await tabTo(page, '#consent'), 'keyboard reaches the consent checkbox');
  await page.keyboard.press('Space');
  check(await tabTo(page, 'main button[type=submit]'), 'keyboard reaches the submit button');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(new URL(page.url()).pathname === '/account', 'registration by keyboard lands on the account page', page.url());
  check((await page.textContent('main')).includes(EMAIL), 'the account page shows the e-mail address');
  check(await tabTo(page, 'a[href="/account/export"]'), 'keyboard reaches the export link');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const data = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  check(data.account && data.account.email === EMAIL && data.consents.length === 1,
    'export by keyboard downloads own data as JSON', JSON.stringify(data.account));
  check(await tabTo(page, 'form[action="/logout"] button'), 'keyboard reaches the sign-out button');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(new URL(page.url()).pathname === '/', 'sign-out by keyboard', page.url());
  check(await tabTo(page, 'a[href="/login"]'), 'keyboard reaches the sign-in link');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(await tabTo(page, '#email'), 'keyboard reaches the sign-in e-mail field');
  await page.keyboard.type(EMAIL);
  await tabTo(page, '#password');
  await page.keyboard.type(PW);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(new URL(page.url()).pathname === '/account', 'sign-in by keyboard (Enter in the form)', page.url());
  await ctx.close();
}

async function axeAll({ browser, base, db, binary, axeCheck, check }) {
  spawnSync(binary, ['org', 'add', '--db', db, '--slug', 'acme', '--name', 'Acme', '--kind', 'employer']);
  check(addUser(binary, db, 'axe.city@example.org', 'city', ['--city', 'idrija']) &&
    addUser(binary, db, 'axe.admin@example.org', 'admin', []) &&
    addUser(binary, db, 'axe.emp@example.org', 'employer', ['--org', 'acme']), 'test users created');
  const anon = await browser.newContext({ bypassCSP: true });
  const ap = await anon.newPage();
  const bad = await signIn(browser, base, 'axe.city@example.org'); // signed in: pages with the account link
  const sets = [
    [ap, ['/login', '/register', '/password/forgot', '/password/reset?token=x', '/invite?token=x']],
    [bad.page, ['/account', '/cities/idrija/workspace']],
  ];
  const admin = await signIn(browser, base, 'axe.admin@example.org');
  sets.push([admin.page, ['/admin', '/orgs/acme']]);
  spawnSync(binary, ['org', 'add', '--db', db, '--slug', 'helpers', '--name', 'Helpers', '--kind', 'ngo']);
  check(addUser(binary, db, 'axe.ngo@example.org', 'ngo', ['--org', 'helpers']), 'ngo staff created');
  const ngo = await signIn(browser, base, 'axe.ngo@example.org');
  await ngo.page.goto(base + '/orgs/helpers/candidates');
  await ngo.page.fill('#email', 'axe.cand@example.org');
  await ngo.page.fill('#name', 'Axe Candidate');
  await ngo.page.check('#consent');
  await Promise.all([ngo.page.waitForNavigation(), ngo.page.click('main button[type=submit]')]);
  const candHref = await ngo.page.getAttribute('main ul a', 'href');
  check(!!candHref, 'ngo staff registered a candidate', candHref);
  sets.push([ngo.page, ['/orgs/helpers/candidates', candHref || '/candidates/0']]);
  for (const lang of LANGS) {
    for (const [page, paths] of sets) {
      for (const path of paths) {
        await page.goto(base + withLang(path, lang));
        await axeCheck(page, `${path} [${lang}]`);
      }
    }
    // A form with an error message, and the one-time token page.
    await ap.goto(base + withLang('/login', lang));
    await ap.fill('#email', 'nobody@example.org');
    await ap.fill('#password', 'wrong password here');
    await Promise.all([ap.waitForNavigation(), ap.click('main button[type=submit]')]);
    await axeCheck(ap, `/login with an error [${lang}]`);
  }
  await bad.page.goto(base + '/account?lang=en');
  await Promise.all([bad.page.waitForNavigation(), bad.page.click('form[action="/account/tokens"] button')]);
  await axeCheck(bad.page, 'the new API token page');
  check((await bad.page.textContent('#token')).trim().length === 43, 'the new token is shown once');
  for (const width of [320]) {
    await bad.page.setViewportSize({ width, height: 640 });
    await bad.page.goto(base + '/account?lang=el');
    const sw = await bad.page.evaluate(() => document.documentElement.scrollWidth);
    check(sw <= width, `/account [el] fits ${width} px without horizontal scrolling`, `scrollWidth ${sw}`);
  }
  await anon.close();
  await bad.ctx.close();
  await admin.ctx.close();
  await ngo.ctx.close();
}

async function noScript({ browser, base, check }) {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.fill('#email', 'axe.emp@example.org');
  await page.fill('#password', PW);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  check(new URL(page.url()).pathname === '/account', 'sign-in works without JavaScript', page.url());
  await ctx.close();
}

export async function run(t) {
  await keyboardFlow(t);
  await axeAll(t);
  await noScript(t);
}

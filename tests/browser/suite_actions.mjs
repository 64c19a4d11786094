// An action's milestones in the browser: a city officer opens an action, adds
// a milestone and ticks it done by keyboard alone (Tab, Enter and typing), in
// the city's language, and sees the progress move; the action list, the action
// page, the milestones page and a milestone's editor pass axe-core in all seven
// languages, also with errors, and the milestones page reflows at 320 px.
import { LANGS, PW, addUser, enter, signIn, tabTo, withLang } from './lib.mjs';

const WS = '/cities/larnaka/workspace';
const ACTION = `${WS}/actions/a1`;
const MS = `${ACTION}/milestones`;

async function keyboardSignIn(page, base, email, check) {
  await page.goto(base + '/login?lang=el');
  check(await tabTo(page, '#email'), 'keyboard reaches the sign-in e-mail field');
  await page.keyboard.type(email);
  await tabTo(page, '#password');
  await page.keyboard.type(PW);
  await enter(page);
}

async function keyboardMilestone({ browser, base, check }) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await keyboardSignIn(page, base, 'kbact.officer@example.org', check);
  await page.goto(base + ACTION + '?lang=el');
  check(await tabTo(page, `a[href="${MS}"]`), 'keyboard reaches the link to the action\'s milestones');
  await enter(page);
  check(page.url().includes(MS), 'the milestones page opens by keyboard', page.url());
  check(await tabTo(page, '#f-title_local'), 'keyboard reaches the milestone title (Greek)');
  await page.keyboard.type('Έναρξη εγγραφών');
  check(await tabTo(page, '#f-due'), 'keyboard reaches the due date');
  await page.keyboard.type('2025-10-01');
  check(await tabTo(page, '#f-weight'), 'keyboard reaches the weight');
  await page.keyboard.type('2');
  check(await tabTo(page, 'form.ws-form button[type=submit]'), 'keyboard reaches "add the milestone"');
  await enter(page);
  const rows = page.locator('#h-ms ~ div tbody tr');
  check(page.url().includes('saved=1') && await rows.count() === 1 &&
    (await rows.first().textContent()).includes('Έναρξη εγγραφών'), 'the milestone is added by keyboard', page.url());
  check((await page.textContent('#progress-text')).includes('0 %'), 'the progress reads 0 % before the tick');
  check(await tabTo(page, 'form[action$="/m1/done"] button'), 'keyboard reaches "mark as done"');
  await enter(page);
  check(await page.locator('form[action$="/m1/done"] input[name="done"][value="0"]').count() === 1,
    'the milestone is ticked done by keyboard (its button now unticks it)');
  const text = await page.textContent('#progress-text');
  check(text.includes('100 %'), 'the progress reads 100 % after the tick', text);
  check(await page.getAttribute('progress', 'value') === '1000', 'and the <progress> element agrees');
  await ctx.close();
}

async function axeAll({ browser, base, axeCheck, check }) {
  const city = await signIn(browser, base, 'kbact.officer@example.org');
  const p = city.page;
  const paths = [`${WS}/actions`, ACTION, MS, `${MS}/m1`];
  for (const lang of LANGS) {
    for (const path of paths) {
      await p.goto(base + withLang(path, lang));
      await axeCheck(p, `${path} [${lang}]`);
    }
    await p.goto(base + withLang(MS, lang));
    await p.fill('#f-due', '2025-13-45');
    await Promise.all([p.waitForNavigation(), p.click('form.ws-form button[type=submit]')]);
    check(await p.locator('.errors').count() === 1, `a refused milestone shows its errors [${lang}]`);
    await axeCheck(p, `${MS} with errors [${lang}]`);
    await p.goto(base + withLang(`${MS}/m1`, lang));
    await p.fill('#f-weight', '0');
    await Promise.all([p.waitForNavigation(), p.click('form.ws-form button[type=submit]')]);
    check(await p.locator('.errors').count() === 1, `a refused milestone edit shows its errors [${lang}]`);
    await axeCheck(p, `${MS}/m1 with errors [${lang}]`);
  }
  await p.setViewportSize({ width: 320, height: 640 });
  await p.goto(base + MS + '?lang=el');
  const sw = await p.evaluate(() => document.documentElement.scrollWidth);
  check(sw <= 320, `${MS} [el] fits 320 px without horizontal scrolling`, `scrollWidth ${sw}`);
  await city.ctx.close();
}

export async function run(env) {
  const { binary, db, check } = env;
  check(addUser(binary, db, 'kbact.officer@example.org', 'city', ['--city', 'larnaka']), 'action test user created');
  await keyboardMilestone(env);
  await axeAll(env);
}

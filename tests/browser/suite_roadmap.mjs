// The network roadmap in the browser: a coordinator adds a milestone and
// marks it done by keyboard alone (Tab, typing, Space and Enter); the
// roadmap, an entry's editor and the form with its errors pass axe-core in
// all seven languages and reflow at 320 px.
import { LANGS, PW, addUser, enter, signIn, tabTo, withLang } from './lib.mjs';

const RM = '/network/roadmap';
const EMAIL = 'rm.coordinator@example.org';

async function keyboardSignIn(page, base, check) {
  await page.goto(base + '/login?lang=en');
  check(await tabTo(page, '#email'), 'keyboard reaches the sign-in e-mail field');
  await page.keyboard.type(EMAIL);
  await tabTo(page, '#password');
  await page.keyboard.type(PW);
  await enter(page);
}

async function keyboardAdd(page, base, check) {
  await page.goto(base + RM + '?lang=en');
  check(await tabTo(page, '#f-title'), 'keyboard reaches the title');
  await page.keyboard.type('Keyboard milestone: IAP sent to the URBACT secretariat');
  check(await tabTo(page, '#f-kind'), 'keyboard reaches the kind');
  check(await page.inputValue('#f-kind') === 'milestone', 'a new entry is a milestone unless chosen otherwise');
  check(await tabTo(page, '#f-city'), 'keyboard reaches the city');
  await page.keyboard.type('Idr');
  check(await page.inputValue('#f-city') === 'idrija', 'typing "Idr" chooses Idrija');
  check(await tabTo(page, '#f-starts_on'), 'keyboard reaches the first day');
  await page.keyboard.type('2099-06-30');
  check(await tabTo(page, 'form.ws-form button[type=submit]'), 'keyboard reaches "add to the roadmap"');
  await enter(page);
  const m = page.url().match(/added=(\d+)/);
  check(m, 'the milestone is added by keyboard', page.url());
  const id = m ? m[1] : '0';
  const item = (await page.locator(`#e-${id}`).count()) ? await page.textContent(`#e-${id}`) : '';
  check(item.includes('Keyboard milestone') && item.includes('Idrija') && item.includes('Not yet due'),
    'the roadmap lists it for Idrija, not yet due', item);
  return id;
}

async function keyboardDone(page, id, check) {
  check(await tabTo(page, `a[href="${RM}/${id}"]`), 'keyboard reaches the new entry');
  await enter(page);
  check(page.url().endsWith(`${RM}/${id}`), 'its editor opens', page.url());
  check(await tabTo(page, '#f-done'), 'keyboard reaches "done"');
  await page.keyboard.press('Space');
  check(await page.isChecked('#f-done'), 'Space ticks "done"');
  check(await tabTo(page, 'form.ws-form button[type=submit]'), 'keyboard reaches "save"');
  await enter(page);
  check(page.url().includes('saved='), 'the entry is saved by keyboard', page.url());
  const item = (await page.locator(`#e-${id}`).count()) ? await page.textContent(`#e-${id}`) : '';
  check(item.includes('Done'), 'the milestone is done', item);
}

async function keyboardFlow({ browser, base, check }) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await keyboardSignIn(page, base, check);
  const id = await keyboardAdd(page, base, check);
  await keyboardDone(page, id, check);
  await ctx.close();
  return id;
}

async function axeAll({ browser, base, axeCheck, check }, id) {
  const net = await signIn(browser, base, EMAIL);
  const p = net.page;
  for (const lang of LANGS) {
    for (const path of [RM, `${RM}?city=idrija`, `${RM}/${id}`, '/calendar']) {
      await p.goto(base + withLang(path, lang));
      await axeCheck(p, `${path} as a coordinator [${lang}]`);
    }
    // The form with its errors: no title, 30 February, a meeting marked done.
    await p.goto(base + withLang(RM, lang));
    await p.fill('#f-starts_on', '2025-02-30');
    await p.selectOption('#f-kind', 'network-meeting');
    await p.check('#f-done');
    await Promise.all([p.waitForNavigation(), p.click('form.ws-form button[type=submit]')]);
    check(await p.locator('.errors li').count() === 3 && await p.locator('[aria-invalid=true]').count() === 3,
      `a refused entry shows its three errors [${lang}]`);
    await axeCheck(p, `${RM} with errors [${lang}]`);
    await p.goto(base + withLang(`${RM}/${id}`, lang));
    await p.fill('#f-ends_on', '2000-01-01');
    await Promise.all([p.waitForNavigation(), p.click('form.ws-form button[type=submit]')]);
    check(await p.locator('#f-ends_on[aria-invalid=true]').count() === 1, `a refused edit marks its field [${lang}]`);
    await axeCheck(p, `${RM}/${id} with errors [${lang}]`);
  }
  await p.setViewportSize({ width: 320, height: 640 });
  for (const path of [RM, `${RM}/${id}`]) {
    await p.goto(base + withLang(path, 'el'));
    const sw = await p.evaluate(() => document.documentElement.scrollWidth);
    check(sw <= 320, `${path} [el] fits 320 px without horizontal scrolling`, `scrollWidth ${sw}`);
  }
  await net.ctx.close();
}

export async function run(env) {
  const { binary, db, check } = env;
  check(addUser(binary, db, EMAIL, 'network', []), 'roadmap test user created');
  const id = await keyboardFlow(env);
  await axeAll(env, id);
}

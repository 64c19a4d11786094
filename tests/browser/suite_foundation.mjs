// Pages of the foundation: home, cities, calendar, about, error pages.
import { LANGS, withLang } from './lib.mjs';

const CITIES = ['trikala', 'amarante', 'arezzo', 'bielsko-biala', 'bucharest-d6', 'idrija', 'larnaka', 'psachna'];
export const PAGES = ['/', '/calendar', '/calendar?city=arezzo', '/about', '/no-such-page', '/skills',
  '/skills?q=python', '/jobs/check', '/cities/bielsko-biala/plan', '/cities/bucharest-d6/plan', '/reports/2024Q2', '/jobs', '/jobs/1',
  '/jobs?remote=remote',
  ...CITIES.map((c) => `/cities/${c}`)];

async function axeAll({ browser, base, axeCheck }) {
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  for (const lang of LANGS) {
    for (const path of PAGES) {
      await page.goto(base + withLang(path, lang));
      await axeCheck(page, `${path} [${lang}]`);
    }
  }
  await ctx.close();
}

// Tabs through the page and returns what received focus, in order.
async function tabOrder(page, max = 80) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const cs = getComputedStyle(e);
      return { tag: e.tagName, href: e.getAttribute('href'), text: e.textContent.trim().slice(0, 40),
        visible: cs.outlineStyle !== 'none' || cs.boxShadow !== 'none' };
    });
    if (!info) break;
    if (seen.length && seen[0].href === info.href && seen[0].text === info.text) break; // wrapped
    seen.push(info);
  }
  return seen;
}

async function keyboard({ browser, base, check }) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  for (const path of ['/', '/calendar', '/cities/idrija', '/about']) {
    await page.goto(base + path);
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href], button, select, input')]
      .filter((e) => e.offsetParent !== null || e.classList.contains('skip')).length);
    const order = await tabOrder(page, links + 5);
    check(order.length > 0 && order[0].text.length > 0 && order[0].href === '#main',
      `${path}: the first Tab reaches the skip link`, JSON.stringify(order[0]));
    check(order.length >= links, `${path}: Tab reaches all ${links} interactive elements (reached ${order.length})`);
    const langs = order.filter((o) => o.href && o.href.includes('?lang=')).length;
    check(langs === 7, `${path}: the language switcher's 7 links are reachable by keyboard`, `reached ${langs}`);
    check(order.every((o) => o.visible), `${path}: every focused element shows a visible focus indicator`,
      JSON.stringify(order.filter((o) => !o.visible)));
  }
  await page.goto(base + '/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  check(focused === 'main', 'the skip link moves focus to the main content', focused);
  // Switch language with the keyboard only.
  await page.goto(base + '/?lang=en');
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
    if (href && href.endsWith('lang=pl')) break;
  }
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(await page.evaluate(() => document.documentElement.lang) === 'pl', 'keyboard user switches the interface to Polish');
  await page.goto(base + '/calendar');
  check(await page.evaluate(() => document.documentElement.lang) === 'pl', 'the chosen language is remembered');
  await ctx.close();
}

async function reflow({ browser, base, check }) {
  for (const width of [320, 360]) {
    const ctx = await browser.newContext({ viewport: { width, height: 640 } });
    const page = await ctx.newPage();
    for (const path of ['/', '/calendar', '/cities/bucharest-d6', '/about']) {
      for (const lang of ['en', 'el']) {
        await page.goto(base + withLang(path, lang));
        const sw = await page.evaluate(() => document.documentElement.scrollWidth);
        check(sw <= width, `${path} [${lang}] fits ${width} px without horizontal scrolling`, `scrollWidth ${sw}`);
      }
    }
    await ctx.close();
  }
  // 200 % zoom of a 1280 px window is a 640 px layout with doubled pixels.
  const ctx = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  await page.goto(base + '/calendar?lang=ro');
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  check(sw <= 640, 'calendar at 200 % zoom needs no horizontal scrolling', `scrollWidth ${sw}`);
  await ctx.close();
}

async function noScript({ browser, base, check }) {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(base + '/calendar?lang=en');
  await page.selectOption('#city', 'idrija');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  check(page.url().includes('city=idrija'), 'calendar filter works without JavaScript', page.url());
  const text = await page.textContent('main');
  check(text.includes('Idrija identifies') && !text.includes('Amarante identifies'),
    'filtered calendar shows the city and network events only');
  const printHidden = await page.evaluate(() => [...document.querySelectorAll('button[data-print]')].every((b) => b.hidden));
  check(printHidden, 'buttons that need JavaScript stay hidden without it');
  await ctx.close();
}

async function adcheckResult({ browser, base, axeCheck, check }) {
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  for (const lang of LANGS) {
    await page.goto(`${base}/jobs/check?lang=${lang}`);
    await page.fill('#ad', 'Programista Java\nSzukamy młodej osoby do 30 lat, native speaker. Prosimy o CV ze zdjęciem.');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    check(await page.locator('ol.findings li').count() >= 3, `ad checker reports findings [${lang}]`);
    await axeCheck(page, `/jobs/check result [${lang}]`);
  }
  await ctx.close();
}

export async function run(t) {
  await adcheckResult(t);
  await axeAll(t);
  await keyboard(t);
  await reflow(t);
  await noScript(t);
}

// Job board in the browser: public list and job page, and an employer writing a
// posting that the checker refuses, then fixing and publishing it.
import { spawnSync } from 'node:child_process';
import { LANGS, signIn as signInAs } from './lib.mjs';

const PW = 'correct horse battery staple';
const signIn = (browser, base, email) => signInAs(browser, base, email, PW);

async function fillFair(page) {
  await page.fill('#f-title', 'Web developer (all genders)');
  await page.fill('#f-description', 'Build accessible web pages for local NGOs.\nPay 1,500-1,900 EUR gross per month.');
  await page.fill('#f-occupation', 'web developer');
  await page.fill('#f-skills_essential', 'JavaScript');
  await page.fill('#f-languages', 'en B2');
  await page.fill('#f-city', 'Arezzo');
  await page.selectOption('#f-country', 'IT');
  await page.fill('#f-pay_min', '1500');
  await page.fill('#f-pay_max', '1900');
  await page.fill('#f-deadline', '2030-01-31');
  await page.fill('#f-questions', 'Describe a web page you made accessible.');
}

export async function run({ browser, base, db, binary, axeCheck, check }) {
  spawnSync(binary, ['org', 'add', '--db', db, '--slug', 'webshop', '--name', 'Web Shop', '--kind', 'employer']);
  const r = spawnSync(binary, ['user', 'add', '--db', db, '--email', 'emp.jobs@example.org', '--role', 'employer',
    '--org', 'webshop', '--password-stdin'], { input: PW + '\n', encoding: 'utf8' });
  check(r.status === 0, 'employer created', r.stderr);
  const { ctx, page } = await signIn(browser, base, 'emp.jobs@example.org');
  for (const lang of LANGS) {
    await page.goto(`${base}/orgs/webshop/jobs/new?lang=${lang}`);
    await axeCheck(page, `/orgs/{org}/jobs/new [${lang}]`);
  }
  await page.goto(`${base}/orgs/webshop/jobs/new?lang=en`);
  await page.click('#f-description');
  await page.keyboard.type('Native speakers only, please send a photo.');
  const live = page.locator('[data-adcheck-live]');
  await live.filter({ hasText: /\d/ }).waitFor({ timeout: 10000 }).catch(() => {});
  check(/[1-9] to fix/.test(await live.textContent()), 'with JavaScript the checker summary updates while typing',
    await live.textContent());
  await fillFair(page);
  await page.fill('#f-description', 'We want a young developer under 30. Please send a CV with a photo.');
  await page.fill('#f-pay_min', '');
  await page.fill('#f-pay_max', '');
  await Promise.all([page.waitForNavigation(), page.click('button[value=publish]')]);
  check(await page.locator('.errors li').count() > 0, 'the checker refuses the discriminatory posting');
  await axeCheck(page, 'job form with problems and findings');
  const first = await page.getAttribute('.errors li a', 'href');
  await page.click('.errors li a');
  const focused = await page.evaluate(() => '#' + document.activeElement.id);
  check(focused === first, 'the error summary links move focus to the field', `${focused} vs ${first}`);
  await fillFair(page);
  await Promise.all([page.waitForNavigation(), page.click('button[value=publish]')]);
  check(page.url().includes('/edit?saved=1'), 'the fixed posting is published', page.url());
  await axeCheck(page, 'job form after saving');
  await page.click('text=See the public page');
  await page.waitForLoadState();
  check(/\/jobs\/\d+$/.test(new URL(page.url()).pathname), 'the public page opens', page.url());
  await axeCheck(page, 'the new public job page');
  for (const lang of LANGS) {
    await page.goto(`${base}/orgs/webshop/jobs?lang=${lang}`);
    await axeCheck(page, `/orgs/{org}/jobs [${lang}]`);
  }
  await ctx.close();
}

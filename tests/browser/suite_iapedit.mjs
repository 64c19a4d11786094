// The action-plan workspace in the browser: a city officer records a ULG
// meeting (draft, then amended), adds a problem, scores a rubric round and
// fills in an integration self-assessment by keyboard alone (Tab, Enter, Space
// and typing), in the city's language; every
// workspace page passes axe-core in all seven languages, also with errors.
import { spawnSync } from 'node:child_process';
import { LANGS, PW, addUser, enter, signIn, tabTo, withLang } from './lib.mjs';

const WS = '/cities/idrija/workspace';

async function keyboardSignIn(page, base, email, check) {
  await page.goto(base + '/login?lang=sl');
  check(await tabTo(page, '#email'), 'keyboard reaches the sign-in e-mail field');
  await page.keyboard.type(email);
  await tabTo(page, '#password');
  await page.keyboard.type(PW);
  await enter(page);
}

async function keyboardMeeting(page, check) {
  check(await tabTo(page, `a[href="${WS}/meetings"]`), 'keyboard reaches the meetings section');
  await enter(page);
  check(await tabTo(page, '#f-title_local'), 'keyboard reaches the meeting title (Slovenian)');
  await page.keyboard.type('Srečanje lokalne skupine');
  check(await tabTo(page, '#f-date'), 'keyboard reaches the date');
  await page.keyboard.type('2024-05-14');
  check(await tabTo(page, '#f-attended'), 'keyboard reaches the attendance');
  await page.keyboard.type('12');
  check(await tabTo(page, '#f-minutes_local'), 'keyboard reaches the minutes');
  await page.keyboard.type('Osnutek zapisnika.');
  check(await tabTo(page, 'button[value="draft"]'), 'keyboard reaches "save as draft"');
  await enter(page);
  check(/\/workspace\/meetings\/meeting-\d+/.test(page.url()), 'the meeting is recorded by keyboard', page.url());
  check(await tabTo(page, '#f-minutes_local'), 'keyboard reaches the minutes again');
  await page.keyboard.press('End');
  await page.keyboard.type(' Dopolnjeno z imeni.');
  check(await tabTo(page, 'button[value="amended"]'), 'keyboard reaches "save as amended"');
  await enter(page);
  check(await page.locator('#h-hist').count() === 1 &&
    (await page.textContent('main')).includes('Osnutek zapisnika.'), 'amended by keyboard; the draft stays as history');
}

async function keyboardProblem(page, check) {
  check(await tabTo(page, `a[href="${WS}/problems"]`), 'keyboard reaches the problem tree');
  await enter(page);
  check(await tabTo(page, '#f-text_local'), 'keyboard reaches the problem text');
  await page.keyboard.type('Premalo žensk v digitalnih poklicih');
  check(await tabTo(page, 'form.ws-form button[type=submit]'), 'keyboard reaches the save button');
  await enter(page);
  check(/\/workspace\/problems\/problem-\d+/.test(page.url()), 'the problem is added by keyboard', page.url());
}

// A stakeholder of the local group with its contact person, then the
// contact forgotten, by keyboard alone.
async function keyboardStakeholder(page, check) {
  check(await tabTo(page, `a[href="${WS}/stakeholders"]`), 'keyboard reaches the stakeholders');
  await enter(page);
  check(await tabTo(page, '#f-organisation'), 'keyboard reaches the organisation');
  await page.keyboard.type('Zavod za tipkovnico');
  await tabTo(page, '#f-influence');
  await page.keyboard.type('4');
  await tabTo(page, '#f-interest');
  await page.keyboard.type('5');
  check(await tabTo(page, '#f-ulg'), 'keyboard reaches the local-group membership');
  await page.keyboard.press('ArrowDown');
  check(await page.inputValue('#f-ulg') === 'yes', 'the arrow key makes it a member');
  const fields = [['#f-contact_name', 'Ana Tipka'], ['#f-contact_email', 'ana.tipka@example.org'],
    ['#f-contact_agreed', '2024-04-02']];
  for (const [sel, text] of fields) {
    check(await tabTo(page, sel), `keyboard reaches ${sel}`);
    await page.keyboard.type(text);
  }
  check(await tabTo(page, 'form.ws-form button[type=submit]'), 'keyboard reaches the save button');
  await enter(page);
  check(/\/workspace\/stakeholders\/stakeholder-\d+/.test(page.url()) &&
    await page.inputValue('#f-contact_email') === 'ana.tipka@example.org', 'the stakeholder and its contact are saved by keyboard', page.url());
  check(await tabTo(page, 'form.ws-forget button'), 'keyboard reaches "forget the contact person"');
  await enter(page);
  check(page.url().includes('forgotten=1') && await page.inputValue('#f-contact_email') === '' &&
    await page.inputValue('#f-organisation') === 'Zavod za tipkovnico', 'the contact is forgotten by keyboard, the stakeholder stays');
}

async function keyboardRound(page, check) {
  check(await tabTo(page, `a[href="${WS}/rubric"]`), 'keyboard reaches the rubric');
  await enter(page);
  check(await tabTo(page, '#f-score_strategic_goal'), 'keyboard reaches a rubric score');
  await page.keyboard.type('3');
  check(await page.inputValue('#f-score_strategic_goal') === '3', 'typing 3 chooses the score 3');
  check(await tabTo(page, '#f-evidence_strategic_goal_local'), 'keyboard reaches its evidence');
  await page.keyboard.type('Cilj je merljiv in časovno opredeljen.');
  check(await tabTo(page, '#f-poll_integration'), 'keyboard reaches the confidence poll');
  await page.keyboard.type('6, 7, 8');
  check(await tabTo(page, 'form.ws-form button[type=submit]'), 'keyboard reaches "save this round"');
  await enter(page);
  check(page.url().includes('saved=1') && await page.locator('#h-rounds + div tbody tr').count() === 1,
    'the round is scored by keyboard', page.url());
  // The second round, and the change since the first.
  check(await tabTo(page, '#f-score_strategic_goal'), 'keyboard reaches the score again');
  await page.keyboard.type('5');
  check(await tabTo(page, '#f-poll_integration'), 'keyboard reaches the poll again');
  await page.keyboard.type('8, 9');
  check(await tabTo(page, 'form.ws-form button[type=submit]'), 'keyboard reaches "save this round" again');
  await enter(page);
  const change = await page.locator('#h-change').count() === 1 ? await page.textContent('section[aria-labelledby="h-change"]') : '';
  check(change.includes('+2') && await page.locator('#h-rounds + div tbody tr').count() === 2,
    'a second round by keyboard shows the change (+2) and keeps both', change.slice(0, 200));
}

// The integration self-assessment: one aspect and one type of integration,
// reached through the form's own table of contents, then a second round.
async function keyboardSelfcheck(page, check) {
  check(await tabTo(page, `a[href="${WS}/integration"]`), 'keyboard reaches the integration self-assessment');
  await enter(page);
  check(await tabTo(page, 'a[href="#it-a_funding_row"]'), 'keyboard reaches the form\'s link to an aspect');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.id) === 'f-a_funding_relevant',
    'the link takes the keyboard to that aspect\'s first answer');
  await page.keyboard.type('Da');
  check(await page.inputValue('#f-a_funding_relevant') === 'yes', 'typing "Da" answers that it is relevant');
  check(await tabTo(page, '#f-a_funding_why_local'), 'keyboard reaches "why" in Slovenian');
  await page.keyboard.type('Evropska in občinska sredstva skupaj');
  check(await tabTo(page, '#f-a_funding_baseline_level'), 'keyboard reaches the baseline level');
  await page.keyboard.press('ArrowDown');
  check(await page.inputValue('#f-a_funding_baseline_level') === 'low', 'the down arrow chooses "not yet integrated"');
  check(await tabTo(page, '#f-g_vertical_current_level'), 'keyboard reaches a type of integration');
  await page.keyboard.type('Del');
  check(await page.inputValue('#f-g_vertical_current_level') === 'partial', 'typing chooses "partly integrated"');
  check(await tabTo(page, '#f-g_vertical_current_situation_local'), 'keyboard reaches its current situation');
  await page.keyboard.type('Sodelovanje z ministrstvom se začenja.');
  check(await tabTo(page, 'form.ws-form button[type=submit]'), 'keyboard reaches "save this round"');
  await enter(page);
  check(page.url().includes('saved=1') && await page.locator('#h-rounds + div tbody tr').count() === 1,
    'the self-assessment round is saved by keyboard', page.url());
  check(await page.inputValue('#f-a_funding_why_local') === 'Evropska in občinska sredstva skupaj',
    'the next round starts from these answers');
  check(await tabTo(page, '#f-date'), 'keyboard reaches the date of a second round');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2099-01-01');
  check(await tabTo(page, '#f-g_vertical_current_level'), 'keyboard reaches the level again');
  await page.keyboard.type('Dob');
  check(await tabTo(page, 'form.ws-form button[type=submit]'), 'keyboard reaches "save this round" again');
  await enter(page);
  const change = await page.locator('#h-change').count() === 1 ? await page.textContent('section[aria-labelledby="h-change"]') : '';
  check(change.includes('Delno povezano') && change.includes('Dobro povezano'),
    'the second round shows the level\'s change', change.slice(0, 300));
}

async function keyboardFlow({ browser, base, check }) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await keyboardSignIn(page, base, 'kb.officer@example.org', check);
  await page.goto(base + WS + '?lang=sl');
  await keyboardMeeting(page, check);
  await keyboardProblem(page, check);
  await keyboardStakeholder(page, check);
  await keyboardRound(page, check);
  await keyboardSelfcheck(page, check);
  await ctx.close();
}

async function axeAll({ browser, base, axeCheck, check }) {
  const city = await signIn(browser, base, 'kb.officer@example.org');
  const p = city.page;
  // A second round, so the page shows the change between two rounds.
  await p.goto(base + WS + '/rubric?lang=en');
  await p.selectOption('#f-score_strategic_goal', '5');
  await p.selectOption('#f-score_three_pillars', '3');
  await p.fill('#f-poll_integration', '8, 8');
  await Promise.all([p.waitForNavigation(), p.click('form.ws-form button[type=submit]')]);
  check(await p.locator('#h-change').count() === 1, 'two rounds show the change');
  await p.goto(base + WS + '/meetings?lang=en');
  const meeting = await p.getAttribute('ul.ws-list a', 'href');
  const net = await signIn(browser, base, 'kb.network@example.org');
  // One record's editor of every other kind that has records in the demo plan.
  const editors = [];
  for (const kind of ['problems', 'objectives', 'actions', 'indicators', 'stakeholders', 'testing', 'practices']) {
    await p.goto(`${base}${WS}/${kind}?lang=en`);
    const links = p.locator('ul.ws-list a');
    if (await links.count() > 0) editors.push(await links.first().getAttribute('href'));
  }
  check(editors.length >= 4, 'record editors of the demo plan found for the accessibility check', editors.join(' '));
  // A stakeholder of the local group with its contact person: its editor
  // shows the contact's fieldset and the form that forgets it.
  await p.goto(`${base}${WS}/stakeholders?lang=en`);
  await p.fill('#f-organisation', 'Axe Contact Org');
  await p.fill('#f-influence', '3');
  await p.fill('#f-interest', '4');
  await p.selectOption('#f-ulg', 'yes');
  await p.fill('#f-contact_name', 'Ana Axe');
  await p.fill('#f-contact_email', 'ana.axe@example.org');
  await p.fill('#f-contact_phone', '+386 5 372 1100');
  await p.fill('#f-contact_agreed', '2024-03-01');
  await Promise.all([p.waitForNavigation(), p.click('form.ws-form button[type=submit]')]);
  const withContact = new URL(p.url()).pathname;
  check(await p.locator('form.ws-forget').count() === 1 && await p.inputValue('#f-contact_email') === 'ana.axe@example.org',
    'a stakeholder with a contact person shows it and the forget form', withContact);
  editors.push(withContact);
  const paths = [...editors, WS, `${WS}/meetings`, meeting, `${WS}/problems`, `${WS}/vision/plan`, `${WS}/objectives`, `${WS}/actions`,
    `${WS}/indicators`, `${WS}/stakeholders`, `${WS}/testing`, `${WS}/practices`, `${WS}/rubric`, `${WS}/integration`];
  for (const lang of LANGS) {
    for (const path of paths) {
      await p.goto(base + withLang(path, lang));
      await axeCheck(p, `${path} [${lang}]`);
    }
    await net.page.goto(base + withLang('/network/rubric', lang));
    await axeCheck(net.page, `/network/rubric [${lang}]`);
    // The forms with their errors.
    await p.goto(base + withLang(`${WS}/meetings`, lang));
    await p.fill('#f-date', '2024-13-45');
    await Promise.all([p.waitForNavigation(), p.click('button[value="draft"]')]);
    check(await p.locator('.errors').count() === 1, `a refused meeting shows its errors [${lang}]`);
    await axeCheck(p, `${WS}/meetings with errors [${lang}]`);
    await p.goto(base + withLang(`${WS}/rubric`, lang));
    await p.fill('#f-poll_integration', '11');
    await Promise.all([p.waitForNavigation(), p.click('form.ws-form button[type=submit]')]);
    await axeCheck(p, `${WS}/rubric with errors [${lang}]`);
    await p.goto(base + withLang(`${WS}/stakeholders`, lang));
    await p.fill('#f-organisation', 'Refused Org');
    await p.fill('#f-influence', '3');
    await p.fill('#f-interest', '3');
    await p.fill('#f-contact_name', 'Eva');
    await p.fill('#f-contact_email', 'not-an-address');
    await Promise.all([p.waitForNavigation(), p.click('form.ws-form button[type=submit]')]);
    check(await p.locator('.errors a[href="#f-contact_email"]').count() === 1 &&
      await p.getAttribute('#f-contact_agreed', 'aria-invalid') === 'true',
    `a refused contact person shows its errors, linked to the fields [${lang}]`);
    await axeCheck(p, `${WS}/stakeholders with contact errors [${lang}]`);
    await p.goto(base + withLang(`${WS}/integration`, lang));
    await p.fill('#f-date', '2024-02-30');
    await p.selectOption('#f-a_spatial_relevant', 'yes');
    await Promise.all([p.waitForNavigation(), p.click('form.ws-form button[type=submit]')]);
    check(await p.locator('.errors a[href="#f-date"]').count() === 1, `a refused self-assessment links to its error [${lang}]`);
    await axeCheck(p, `${WS}/integration with errors [${lang}]`);
  }
  await p.setViewportSize({ width: 320, height: 640 });
  await p.goto(base + WS + '/actions?lang=el');
  const sw = await p.evaluate(() => document.documentElement.scrollWidth);
  check(sw <= 320, `${WS}/actions [el] fits 320 px without horizontal scrolling`, `scrollWidth ${sw}`);
  await city.ctx.close();
  await net.ctx.close();
}

export async function run(env) {
  const { binary, db, check } = env;
  check(addUser(binary, db, 'kb.officer@example.org', 'city', ['--city', 'idrija']) &&
    addUser(binary, db, 'kb.network@example.org', 'network', []), 'workspace test users created');
  await keyboardFlow(env);
  await axeAll(env);
}

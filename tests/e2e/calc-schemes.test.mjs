// End-to-end tests of the calculator under any scheme (issue 27): a township's own scheme — three
// sources, a 满意 scale with 不了解, deduction indicators, no stars — opened from a scheme file,
// from 我的方案 and from a link; an organization graded under it by hand arithmetic; the share
// link and a reload carrying it; a damaged scheme link named and nothing changed; entries kept by
// what they mean (never laid onto another scale by position) and used again back under B.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sharedSite, watch, waitForText, axeViolations, screenshot, ROOT } from './harness.mjs';

const shared = sharedSite();
const TOWNSHIP = join(ROOT, 'tests', 'fixtures', 'township-satisfaction.json');
const TOWNSHIP_NAME = '红溪镇基层党组织分类定级办法（2025年修订）';

// The page opens on domain.md's worked example under scheme B: 党委评定 92, 测评 30/15/4/1
// (好/较好/一般/较差), 自评 95 → 89.18 较好.
async function openCalculator(width = 1440, { bypassCSP = false, url } = {}) {
  const context = await shared.browser.newContext({ viewport: { width, height: 900 }, bypassCSP });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  await w.open(url);
  if (!url) await waitForText(page, '#composite', '89.18');
  return { context, page, w };
}

async function selectedScheme(page) {
  return page.$eval('#scheme', (s) => s.options[s.selectedIndex].textContent.trim());
}

async function unused(page) {
  return page.$$eval('#unused li', (items) => items.map((li) => li.textContent.trim()));
}

// Under 红溪镇's scheme (镇党委评定 40%, 群众满意度测评 30%, 日常考核 30%, two decimals):
//   满意 40, 基本满意 8, 不满意 2, 不了解 5 (not a valid ballot): valid 50,
//     (40 × 100 + 8 × 70 + 2 × 0) / 50 = 4560 / 50 = 91.20;
//   日常考核, deducted from each indicator's maximum: 组织建设 40 − 3, 作风纪律 30 − 0,
//     工作成效 30 − 5 = 37 + 30 + 25 = 92;
//   88 × 40% + 91.2 × 30% + 92 × 30% = 35.2 + 27.36 + 27.6 = 90.16 → 好 (≥ 90).
async function typeTownshipOrganization(page) {
  await page.selectOption('#category', 'cun');
  await page.fill('#score-zhen', '88');
  for (const [level, count] of ['40', '8', '2', '5'].entries()) await page.fill(`#count-manyi-${level}`, count);
  await page.fill('#ind-kaohe-zuzhi', '3');
  await page.fill('#ind-kaohe-zuofeng', '0');
  await page.fill('#ind-kaohe-chengxiao', '5');
  await waitForText(page, '#valid-manyi', '50');
  await waitForText(page, '#vote-score-manyi', '91.20');
  await waitForText(page, '#composite', '90.16');
  await waitForText(page, '#tier', '好');
}

test("a township's scheme file grades one organization by hand, and travels in the share link and a reload", async () => {
  const { context, page, w } = await openCalculator();
  await page.setInputFiles('#scheme-file', TOWNSHIP);
  await page.waitForFunction(() => document.querySelector('#scheme')?.value === 'own');
  assert.equal(await selectedScheme(page), `${TOWNSHIP_NAME}（本页打开的方案）`);
  // B's entries have no place under it: kept with their values, none laid onto its sources.
  assert.deepEqual(await unused(page), [
    '党委评定：92',
    '党员群众测评 · 好：30',
    '党员群众测评 · 较好：15',
    '党员群众测评 · 一般：4',
    '党员群众测评 · 较差：1',
    '自评：95',
  ]);
  assert.equal(await page.inputValue('#count-manyi-0'), '');
  await typeTownshipOrganization(page);
  // No stars in this scheme: none shown.
  assert.equal(await page.locator('#stars').count(), 0);
  // The working is computed under it too (by the worker, from the saved form).
  await page.click('#show-why');
  await page.locator('#steps li').first().waitFor({ timeout: 15000 });
  assert.match((await page.locator('#steps').textContent()).replace(/\s+/g, ''), /90\.16/);
  assert.match(await page.locator('#steps').textContent(), /满意/);
  await page.locator('.citation').filter({ hasText: '红溪镇党委' }).waitFor();

  // The share link carries the scheme whole: opened in a fresh browser, the same result.
  await page.click('#share');
  const link = await page.inputValue('#share-link');
  await page.keyboard.press('Escape');
  const fresh = await openCalculator(1440, { url: link });
  await waitForText(fresh.page, '#composite', '90.16');
  assert.equal(await selectedScheme(fresh.page), `${TOWNSHIP_NAME}（本页打开的方案）`);
  await waitForText(fresh.page, '#tier', '好');
  assert.deepEqual(await fresh.w.finish(), []);
  await fresh.context.close();

  // A reload keeps it.
  await page.reload();
  await page.locator('#composite').waitFor();
  await waitForText(page, '#composite', '90.16');
  assert.equal(await page.inputValue('#scheme'), 'own');
  assert.equal((await unused(page)).length, 6);

  // Saved as a scheme file, with a weight changed (40/30/30 → 50/20/30): the file has it.
  await page.fill('#weight-zhen', '50');
  await page.fill('#weight-manyi', '20');
  // 88 × 50% + 91.2 × 20% + 92 × 30% = 44 + 18.24 + 27.6 = 89.84 → 较好.
  await waitForText(page, '#composite', '89.84');
  // The 依据 is the document's; the numbers in force are written beside it, from the numbers.
  await waitForText(page, '#in-force', '据上述方案调整后：权重：镇党委评定 50%、群众满意度测评 20%、日常考核 30%；分数线：好 ≥ 90、较好 ≥ 80、一般 ≥ 60');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-scheme')]);
  assert.equal(download.suggestedFilename(), `方案-${TOWNSHIP_NAME}.json`);
  const { readFileSync } = await import('node:fs');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(saved.sources.map((s) => [s.id, s.weight]), [['zhen', '50'], ['manyi', '20'], ['kaohe', '30']]);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('ballots entered under B are never laid onto another scale: kept as not used, used again back under B', async () => {
  for (const width of [1440, 375]) {
    const { context, page, w } = await openCalculator(width, { bypassCSP: true });
    await page.setInputFiles('#scheme-file', TOWNSHIP);
    await page.locator('#unused').waitFor();
    // 满意/基本满意/不满意/不了解 are empty: the 30/15/4/1 of 好/较好/一般/较差 are not theirs.
    for (const level of [0, 1, 2, 3]) assert.equal(await page.inputValue(`#count-manyi-${level}`), '');
    assert.match((await unused(page)).join('|'), /好：30\|.*较好：15\|.*一般：4\|.*较差：1/);
    await waitForText(page, '#unused-title', '本方案中不使用');
    await screenshot(page, `calc-unused-${width}`);
    assert.deepEqual(await axeViolations(page), [], `axe at ${width}`);
    // Back to B: every entry in its place again, the result as before.
    await page.selectOption('#scheme', 'B');
    await waitForText(page, '#composite', '89.18');
    assert.equal(await page.inputValue('#count-vote-0'), '30');
    assert.equal(await page.inputValue('#count-vote-3'), '1');
    assert.equal(await page.locator('#unused').count(), 0);
    assert.deepEqual(await w.finish(), []);
    await context.close();
  }
});

test('a scheme kept in 我的方案 in the workshop is in the calculator’s scheme menu', async () => {
  const { context, page, w } = await openCalculator();
  await page.click('#open-workshop');
  await page.locator('#workshop').waitFor({ timeout: 20000 });
  await page.setInputFiles('#workshop-open', TOWNSHIP);
  await page.click('#workshop-keep');
  await page.click('#workshop-close');
  await page.locator('#tool-root').waitFor({ state: 'detached' });
  // Nothing applied by keeping it; the menu lists it under 我的方案.
  await waitForText(page, '#composite', '89.18');
  const group = page.locator('#scheme optgroup[label="我的方案"] option');
  await group.first().waitFor({ state: 'attached' });
  assert.deepEqual(await group.allTextContents(), [TOWNSHIP_NAME]);
  await page.selectOption('#scheme', { label: TOWNSHIP_NAME });
  assert.equal(await page.inputValue('#scheme'), 'mine:0');
  await typeTownshipOrganization(page);
  // A reload keeps it, still shown as 我的方案.
  await page.reload();
  await page.locator('#composite').waitFor();
  await waitForText(page, '#composite', '90.16');
  assert.equal(await page.inputValue('#scheme'), 'mine:0');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('a scheme link opens on the calculator of a fresh browser; a damaged one is named and changes nothing', async () => {
  // The link as the list page's workshop hands it out (复制方案链接), opened on the calculator.
  const { context, page, w } = await openCalculator();
  await page.goto(shared.site.url + 'list.html');
  await page.locator('#list-scheme').waitFor();
  await page.click('#open-workshop');
  await page.locator('#workshop').waitFor({ timeout: 20000 });
  await page.setInputFiles('#workshop-open', TOWNSHIP);
  await page.click('#workshop-link-make');
  const link = (await page.inputValue('#workshop-link')).replace('/list.html#', '/#');
  assert.match(link, /\/#scheme=[A-Za-z0-9_~-]+$/);
  assert.deepEqual(await w.finish(), []);
  await context.close();

  const fresh = await openCalculator(1440, { url: link });
  await waitForText(fresh.page, '#notice p', `已按链接中的方案“${TOWNSHIP_NAME}”计算。`);
  assert.equal(await fresh.page.inputValue('#scheme'), 'own');
  await typeTownshipOrganization(fresh.page);
  // Going on keeps it (the notice and its 撤销 go), and it is what a reload opens.
  assert.equal(await fresh.page.locator('#notice').count(), 0);
  await fresh.page.reload();
  await fresh.page.locator('#composite').waitFor();
  await waitForText(fresh.page, '#composite', '90.16');
  assert.deepEqual(await fresh.w.finish(), []);
  await fresh.context.close();

  // Opened over typed inputs, it can be taken back (撤销).
  const over = await openCalculator(1440);
  await over.page.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
  await waitForText(over.page, '#notice p', `已按链接中的方案“${TOWNSHIP_NAME}”计算。`);
  await over.page.click('#restore');
  await waitForText(over.page, '#composite', '89.18');
  assert.equal(await over.page.inputValue('#scheme'), 'B');

  // Damaged (cut short, or a patch that is not one): named, the page as it was.
  for (const damaged of ['#scheme=B~e30x', `#${new URL(link).hash.slice(1, 40)}`]) {
    await over.page.evaluate((hash) => { location.hash = hash; }, damaged);
    await waitForText(over.page, '#notice p', '方案未采用，当前方案未改变：链接中的方案无法读取（链接可能不完整）');
    await waitForText(over.page, '#composite', '89.18');
    assert.equal(await over.page.inputValue('#scheme'), 'B');
    await over.page.click('#notice button:has-text("知道了")');
  }
  assert.deepEqual(await over.w.finish(), []);
  await over.context.close();
});

test('any valid trial of the workshop is applied to the calculator, and its comparison says what it left out', async () => {
  const { context, page, w } = await openCalculator();
  await page.click('#open-workshop');
  await page.locator('#workshop').waitFor({ timeout: 20000 });
  await page.setInputFiles('#workshop-open', TOWNSHIP);
  // Compared by meaning: B's ballots are not 满意 counts; the comparison names what it left out.
  await page.locator('#trial-left-out').waitFor();
  assert.match(await page.locator('#trial-left-out').textContent(), /党员群众测评 · 好：30/);
  await waitForText(page, '#trial-summary', '此组织的输入在调整后的方案下不完整（评价主体、票档或指标不同），无法比较');
  assert.ok(await page.locator('#workshop-apply').isEnabled());
  await page.click('#workshop-apply');
  await page.locator('#tool-root').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('#scheme')?.value === 'own');
  await waitForText(page, '#notice p', '已采用方案工坊中试算的方案。');
  assert.equal((await unused(page)).length, 6);
  await typeTownshipOrganization(page);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

// End-to-end tests of the scheme workshop (方案工坊) on the list page: a weight, a threshold or a
// quota share changed, and at once what it changes in the list — the summary line, the tier
// transition matrix and the organizations that move — checked against hand arithmetic; a scheme
// file saved, a broken one refused at its place, the saved one opened again; axe and screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sharedSite, watch, screenshot, waitForText, axeViolations, ROOT, savedWhen } from './harness.mjs';
import { csv, readXlsx } from './fixtures.mjs';

// One server for dist/ and one browser for this file's tests.
const shared = sharedSite();

// Scheme B, the vote entered as a score (50% 党委评定, 30% 测评, 20% 自评; 好 ≥ 90, 较好 ≥ 80,
// 一般 ≥ 60; at least ⌈5% × 5⌉ = 1 较差). With 党委评定 40% and 自评 30%, by hand:
//   P 43 + 27.6 + 19.6 = 90.2 好 → 34.4 + 27.6 + 29.4 = 91.4 好
//   Q 48 + 27 + 16 = 91 好      → 38.4 + 27 + 24 = 89.4 较好 (down)
//   R 42 + 26.4 + 20 = 88.4 较好 → 33.6 + 26.4 + 30 = 90 好 (up)
//   S 70 一般 → 70 一般;  T 56 较差 → 54 较差
const LIST = [
  ['组织名称', '分类', '党委评定', '党员群众测评', '自评'],
  ['P', '村', '86', '92', '98'],
  ['Q', '村', '96', '90', '80'],
  ['R', '村', '84', '88', '100'],
  ['S', '村', '70', '70', '70'],
  ['T', '村', '60', '60', '40'],
];

async function openWorkshop(width, { bypassCSP = false } = {}) {
  // axe injects its script: a context for it lets it past the app's CSP.
  const context = await shared.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, bypassCSP });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  await w.open(shared.site.url + 'list.html', '#list-scheme');
  await page.click('#import');
  await page.setInputFiles('#import-file', { name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(LIST), 'utf8') });
  await page.locator('#import-apply').waitFor({ timeout: 20000 });
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '5 / 5 个组织');
  await page.click('#open-workshop');
  await page.locator('#workshop').waitFor({ timeout: 20000 });
  return { context, page, w };
}

/** The transition matrix's counts, row by row. */
async function matrix(page) {
  return page.$$eval('#transition-matrix tbody tr', (rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.textContent))));
}

test('a weight changed in the workshop shows at once which organizations move, and the list stays as it was', async () => {
  const { context, page, w } = await openWorkshop(1440);
  await waitForText(page, '#trial-summary', '调整后没有组织的等次或星级变化');
  await page.fill('#trial-weight-0', '40');
  // 40 + 30 + 20 is not 100: said at the weights, no comparison shown.
  assert.match(await page.locator('#trial-weights-sum').textContent(), /100/);
  assert.equal(await page.locator('#trial-summary').count(), 0);
  await page.fill('#trial-weight-2', '30');
  await waitForText(page, '#trial-summary', '调整后 2 个组织等次变化：上升 1，下降 1');
  assert.deepEqual(await matrix(page), [[1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]);
  const moved = await page.$$eval('#trial-rows tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  assert.deepEqual(moved, [
    ['Q', '91.00', '好', '四星', '89.40', '较好', '三星'],
    ['R', '88.40', '较好', '三星', '90.00', '好', '四星'],
  ]);
  // Each changed value says what it was and resets alone.
  assert.match(await page.locator('.trial-field.changed').first().textContent(), /原为 50/);
  await screenshot(page, 'workshop-1440');

  // The comparison exported: every organization before and after.
  const [exported] = await Promise.all([page.waitForEvent('download'), page.click('#workshop-export')]);
  const lines = readFileSync(await exported.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
  assert.equal(lines[0], '组织名称,原综合评分,原等次,原星级,调整后评分,调整后等次,调整后星级,变化');
  assert.deepEqual(lines.slice(1, 4), ['P,90.20,好,四星,91.40,好,四星,', 'Q,91.00,好,四星,89.40,较好,三星,下降', 'R,88.40,较好,三星,90.00,好,四星,上升']);

  // The floor from 5% to 30%: ⌈30% × 5⌉ = 2 较差, so S (70, the next lowest) moves down too.
  await page.fill('#trial-share-0', '30');
  await waitForText(page, '#trial-summary', '调整后 3 个组织等次变化：上升 1，下降 2');
  assert.match(await page.locator('#quotas-before').textContent(), /⌈5% × 5⌉ = 1 个/);
  assert.match(await page.locator('#quotas-after').textContent(), /⌈30% × 5⌉ = 2 个/);
  // The 汇总表 before → after: 好 P Q → P R, 较好 R → Q, 一般 S → none, 较差 T → S T.
  assert.deepEqual(
    await page.$$eval('#trial-summary-table tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent))),
    [['村', '5', '2', '1', '1 → 0', '1 → 2'], ['合计', '5', '2', '1', '1 → 0', '1 → 2']],
  );

  // Saved as a scheme file: the documented JSON, with the values tried.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#workshop-save')]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(saved.sources.map((s) => String(s.weight)), ['40', '30', '30']);
  assert.equal(String(saved.distribution.min_lowest.share), '30');

  // A broken file is refused with where it is; nothing changes.
  const broken = join(tmpdir(), '坏方案.json');
  writeFileSync(broken, JSON.stringify({ ...saved, sources: saved.sources.map((s, i) => (i === 0 ? { ...s, weight: 'abc' } : s)) }, null, 2));
  await page.setInputFiles('#workshop-open', broken);
  await page.locator('#workshop-open-error').waitFor();
  assert.match(await page.locator('#workshop-open-error').textContent(), /方案文件未打开：.*第 \d+ 行/);
  assert.equal(await page.inputValue('#trial-weight-0'), '40');

  // The saved file opened: it is now what is edited, its values the ones to reset to.
  await page.click('#workshop-reset');
  await page.setInputFiles('#workshop-open', await download.path());
  await waitForText(page, '#trial-summary', '调整后 3 个组织等次变化：上升 1，下降 2');
  assert.equal(await page.inputValue('#trial-weight-0'), '40');
  assert.equal(await page.locator('.trial-field.changed').count(), 0);

  // Esc closes it; the list is graded as before.
  await page.keyboard.press('Escape');
  await page.locator('#workshop').waitFor({ state: 'detached' });
  await waitForText(page, '#row-count', '5 / 5 个组织');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('a trial applied to the list grades it under the adjusted scheme, kept across a reload', async () => {
  const { context, page, w } = await openWorkshop(1440);
  await page.fill('#trial-weight-0', '40');
  await page.fill('#trial-weight-2', '30');
  await waitForText(page, '#trial-summary', '调整后 2 个组织等次变化：上升 1，下降 1');
  await page.click('#workshop-apply');
  await page.locator('#workshop').waitFor({ state: 'detached' });
  const chosen = async () => page.$eval('#list-scheme', (s) => s.selectedOptions[0].textContent);
  assert.equal(await chosen(), '乡镇分类定级方案（四级六星）（调整）');
  const tiers = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const rows = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
    const tier = rows[0].indexOf('等次');
    const score = rows[0].indexOf('综合评分');
    return rows.slice(1).map((r) => `${r[0]} ${r[score]} ${r[tier]}`);
  };
  // By hand (above): P 91.40 好, Q 89.40 较好, R 90.00 好, S 70.00 一般, T 54.00 较差.
  const expected = ['P 91.40 好', 'Q 89.40 较好', 'R 90.00 好', 'S 70.00 一般', 'T 54.00 较差'];
  assert.deepEqual(await tiers(), expected);
  // Its 依据 says it was adjusted, with the weights in force written from the numbers (the
  // document's own words, 50/30/20, follow as the original).
  const cited = await page.locator('.footer .citation').textContent();
  assert.match(cited, /^依据：据“乡镇分类定级方案（四级六星）”调整：权重：党委评定 40%、党员群众测评 30%、自评 30%；分数线：好 ≥ 90、较好 ≥ 80、一般 ≥ 60。原依据：张纪镇/);
  assert.match(cited, /原依据：.*党委评定×50%/);
  // A row's 说明 (worked out in the worker from the saved list) uses the adjusted weights.
  await page.locator('.grid tbody tr button', { hasText: '说明' }).nth(1).click();
  await page.locator('#row-steps').waitFor({ timeout: 15000 });
  assert.match(await page.locator('#row-steps').textContent(), /96 × 40% \+ 90 × 30% \+ 80 × 30% = 38\.4 \+ 27 \+ 24 = 89\.4/);
  // The saved list carries the scheme whole: a reload grades the same.
  await savedWhen(page, /scheme-data /);
  await page.reload();
  await page.locator('#list-scheme').waitFor();
  assert.equal(await chosen(), '乡镇分类定级方案（四级六星）（调整）');
  assert.deepEqual(await tiers(), expected);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('the workshop takes back and redoes changes, and keeps my schemes in this browser', async () => {
  const { context, page, w } = await openWorkshop(1440);
  assert.equal(await page.locator('#workshop-undo').isEnabled(), false);
  await page.fill('#trial-weight-0', '40');
  await page.fill('#trial-weight-2', '30');
  await waitForText(page, '#trial-summary', '调整后 2 个组织等次变化：上升 1，下降 1');
  await page.click('#workshop-undo');
  assert.equal(await page.inputValue('#trial-weight-2'), '20');
  await page.click('#workshop-redo');
  await waitForText(page, '#trial-summary', '调整后 2 个组织等次变化：上升 1，下降 1');
  // Kept under a name of one's own; then, in a new workshop, chosen again.
  await page.fill('#workshop-name', '我镇2026方案');
  await page.click('#workshop-keep');
  await page.locator('#workshop-mine').waitFor();
  await page.click('#workshop-close');
  await page.click('#open-workshop');
  await page.locator('#workshop').waitFor({ timeout: 20000 });
  assert.equal(await page.inputValue('#trial-weight-0'), '50');
  await page.selectOption('#workshop-mine', { label: '我镇2026方案' });
  await waitForText(page, '#trial-summary', '调整后 2 个组织等次变化：上升 1，下降 1');
  assert.equal(await page.inputValue('#trial-weight-0'), '40');
  assert.match(await page.locator('#workshop-start').textContent(), /我镇2026方案/);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test("last year's list as the baseline: 晋位, 降位 and 持平 by name, and the names in only one list", async () => {
  const { context, page, w } = await openWorkshop(1440);
  // This year under scheme B: P 好, Q 好, R 较好, S 一般, T 较差 (see above). Last year, as the app
  // exports it, with X gone and T new: P 较好 → 好 晋位; Q 好 持平; R 好 → 较好 降位; S 一般 持平.
  const lastYear = csv([
    ['组织名称', '分类', '综合评分', '等次', '星级'],
    ['P', '村', '85.00', '较好', '三星'],
    ['Q', '村', '91.00', '好', '四星'],
    ['R', '村', '90.50', '好', '五星'],
    ['S', '村', '70.00', '一般', '二星'],
    ['X', '村', '60.00', '一般', '一星'],
  ]);
  await page.setInputFiles('#workshop-last-year', { name: '2025年定级.csv', mimeType: 'text/csv', buffer: Buffer.from(lastYear, 'utf8') });
  await waitForText(page, '#year-summary', '与去年相比：晋位 1，降位 1，持平 2', 20000);
  assert.deepEqual(
    await page.$$eval('#year-matrix tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.textContent)))),
    [[1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]],
  );
  const moved = await page.$$eval('#year-rows tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  assert.deepEqual(moved, [
    ['P', '较好', '三星', '好', '四星', '晋位', '升星'],
    ['R', '好', '五星', '较好', '三星', '降位', '降星'],
  ]);
  // Stars by hand: 好 is P and Q, ⌊20% × 2⌋ = 0 五星, so both 四星; R 较好 三星; S 70.00 一般 二星.
  // P 三星 → 四星 升星, Q 四星 → 四星 持平, R 五星 → 三星 降星, S 二星 → 二星 持平.
  assert.equal(await page.locator('#year-stars').textContent(), '星级与去年相比：升星 1，降星 1，持平 2');
  assert.equal(await page.locator('#year-new').textContent(), '去年名单中没有的（1）：T');
  assert.equal(await page.locator('#year-gone').textContent(), '今年名单中没有的（1）：X');
  // The trial moves with it: with 党委评定 40% and 自评 30%, Q (89.40 较好) is 降位 and R (90.00 好) 持平.
  await page.fill('#trial-weight-0', '40');
  await page.fill('#trial-weight-2', '30');
  await waitForText(page, '#year-summary', '与去年相比：晋位 1，降位 1，持平 2');
  assert.deepEqual(
    (await page.$$eval('#year-rows tbody tr', (rows) => rows.map((r) => r.children[0].textContent + r.children[5].textContent))),
    ['P晋位', 'Q降位', 'R持平'],
  );
  // With the trial, P 91.40 and R 90.00 are 好 (⌊20% × 2⌋ = 0 五星: 四星), Q 89.40 较好 三星: P 升星;
  // Q 四星 → 三星 and R 五星 → 四星 降星 (R is listed for its star though its tier held); S 持平.
  assert.deepEqual(
    (await page.$$eval('#year-rows tbody tr', (rows) => rows.map((r) => r.children[0].textContent + r.children[6].textContent))),
    ['P升星', 'Q降星', 'R降星'],
  );
  assert.equal(await page.locator('#year-stars').textContent(), '星级与去年相比：升星 1，降星 2，持平 1');
  await page.locator('#year-by-category').scrollIntoViewIfNeeded();
  await screenshot(page, 'workshop-last-year-1440');
  // 晋位, 降位 and 持平 by category (all five are 村).
  assert.deepEqual(
    await page.$$eval('#year-by-category tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent))),
    [['村', '1', '1', '2', '1', '2', '1']],
  );
  // The comparison as a workbook, read back here: both comparisons, scores as numbers, and the
  // 汇总表 before and after (by hand above: Q 91.00 好 四星 → 89.40 较好 三星, 好 last year).
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#workshop-export-xlsx')]);
  const book = readXlsx(readFileSync(await download.path()));
  assert.deepEqual(Object.keys(book), ['对比', '等次变化', '汇总表（调整前）', '汇总表（调整后）']);
  assert.deepEqual(book['对比'][0], ['组织名称', '原综合评分', '原等次', '原星级', '调整后评分', '调整后等次', '调整后星级', '变化', '去年等次', '去年星级', '与去年比']);
  assert.deepEqual(book['对比'][1], ['P', 90.2, '好', '四星', 91.4, '好', '四星', '', '较好', '三星', '晋位']);
  assert.deepEqual(book['对比'][2], ['Q', 91, '好', '四星', 89.4, '较好', '三星', '下降', '好', '四星', '降位']);
  assert.deepEqual(book['等次变化'].slice(0, 5), [
    ['调整前＼调整后', '好', '较好', '一般', '较差'],
    ['好', 1, 1, 0, 0], ['较好', 1, 0, 0, 0], ['一般', 0, 0, 1, 0], ['较差', 0, 0, 0, 1],
  ]);
  assert.equal(book['等次变化'][5][0], '调整后 2 个组织等次变化：上升 1，下降 1');
  assert.ok(book['等次变化'].some((r) => r?.[0] === '与去年相比：晋位 1，降位 1，持平 2'));
  const total = (sheet) => book[sheet].find((r) => r?.[0] === '合计');
  assert.deepEqual(total('汇总表（调整前）').slice(0, 10), ['合计', 5, 2, 40, 1, 20, 1, 20, 1, 20]);
  assert.deepEqual(total('汇总表（调整后）').slice(0, 10), ['合计', 5, 2, 40, 1, 20, 1, 20, 1, 20]);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('the workshop at 375 px, and axe on it with both comparisons shown', async () => {
  for (const width of [1440, 375]) {
    const { context, page, w } = await openWorkshop(width, { bypassCSP: true });
    await page.fill('#trial-weight-0', '40');
    await page.fill('#trial-weight-2', '30');
    await waitForText(page, '#trial-summary', '调整后 2 个组织等次变化：上升 1，下降 1');
    const lastYear = csv([['组织名称', '等次', '星级'], ['P', '较好', '三星'], ['X', '一般', '一星']]);
    await page.setInputFiles('#workshop-last-year', { name: '去年.csv', mimeType: 'text/csv', buffer: Buffer.from(lastYear, 'utf8') });
    await waitForText(page, '#year-summary', '与去年相比：晋位 1，降位 0，持平 0', 20000);
    if (width === 375) await screenshot(page, 'workshop-375');
    assert.deepEqual(await axeViolations(page), [], `axe at ${width}`);
    assert.deepEqual(await w.finish(), []);
    await context.close();
  }
});

// A township's own scheme written from nothing in the editor: 党委评定 50% (a score), 测评 30%
// (ballots 好 100 / 较好 80 / 一般 60 / 较差 0), 考核指标 20% (组织建设 60 points earned, 廉洁 40
// points deducted down to 0); 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60; at least ⌈10% × n⌉ 较差; no stars.
// By hand, for six villages (vote score = (100a + 80b + 60c) / ballots; indicators = earned +
// (40 − deducted, at least 0)):
//   A 95; 10/0/0/0 → 100; 58 + 40 = 98  → 47.5 + 30 + 19.6 = 97.10 好
//   B 88; 6/4/0/0 → 92;   50 + 35 = 85  → 44 + 27.6 + 17   = 88.60 较好
//   C 80; 5/3/2/0 → 86;   45 + 30 = 75  → 40 + 25.8 + 15   = 80.80 较好
//   D 75; 2/4/3/1 → 70;   40 + 0 (扣 50) → 37.5 + 21 + 8   = 66.50 一般 → the lowest of ⌈10% × 6⌉ = 1: 较差
//   E 85; 3/3/3/1 → 72;   55 + 38 = 93  → 42.5 + 21.6 + 18.6 = 82.70 较好
//   F 90; 4/4/2/0 → 84;   60 + 40 = 100 → 45 + 25.2 + 20   = 90.20 好
test('a township scheme written from nothing in the editor, saved, opened again and a list graded under it', async () => {
  const { context, page, w } = await openWorkshop(1440);
  await page.selectOption('#workshop-from', 'blank');
  await waitForText(page, '#workshop-start', '正在编辑：我的方案（与名单现用方案对比；名单本身不变）');
  await page.click('#editor-fold summary');
  await page.fill('#ed-name', '某镇方案');
  await page.fill('#ed-source-0-name', '党委评定');
  await page.click('#ed-add-source');
  await page.click('#ed-add-source');
  await page.fill('#ed-source-1-name', '测评');
  await page.selectOption('#ed-source-1-form', 'Vote');
  await page.fill('#ed-source-2-name', '考核指标');
  await page.selectOption('#ed-source-2-form', 'Indicators');
  // New sources start at 0%; until the weights add up again, the scheme is refused there.
  await page.fill('#trial-weight-0', '50');
  await page.locator('#trial-weights-sum').waitFor();
  await page.fill('#trial-weight-1', '30');
  await page.fill('#trial-weight-2', '20');
  // No indicators yet: the set's total is 0 of 100, and the scheme says so at the indicators.
  await page.locator('#ed-error-indicators').waitFor();
  assert.match(await page.locator('#ed-set-0-total').textContent(), /0 \/ 100/);
  await page.click('#ed-set-0-add');
  await page.fill('#ed-set-0-0-name', '组织建设');
  await page.fill('#ed-set-0-0-max', '60');
  await page.click('#ed-set-0-add');
  assert.equal(await page.inputValue('#ed-set-0-1-max'), '40');
  await page.fill('#ed-set-0-1-name', '廉洁');
  await page.selectOption('#ed-set-0-1-scoring', 'deduct');
  await waitForText(page, '#ed-set-0-total', '基础分合计 100 / 100');
  // The floor: on (5%, rounded up), then 10% on its slider's field.
  await page.check('#ed-floor-on');
  await page.locator('#trial-share-0').waitFor();
  await page.fill('#trial-share-0', '10');
  assert.equal(await page.locator('#ed-error').count(), 0);
  assert.equal(await page.locator('#ed-stars-on').isChecked(), false);
  await screenshot(page, 'workshop-editor-1440');

  // Saved as a file in the documented format.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#workshop-save')]);
  const file = await download.path();
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(saved.name.zh, '某镇方案');
  assert.deepEqual(saved.sources.map((s) => [s.name.zh, String(s.weight), typeof s.input === 'string' ? s.input : Object.keys(s.input)[0]]),
    [['党委评定', '50', 'direct'], ['测评', '30', 'vote'], ['考核指标', '20', 'indicators']]);
  assert.deepEqual(saved.indicators.map((i) => [i.name.zh, String(i.max), i.scoring]), [['组织建设', '60', 'add'], ['廉洁', '40', 'deduct']]);
  assert.deepEqual([String(saved.distribution.min_lowest.share), saved.distribution.min_lowest.rounding], ['10', 'ceil']);
  assert.equal(saved.stars, undefined);
  await page.click('#workshop-close');
  await page.locator('#workshop').waitFor({ state: 'detached' });

  // Opened again in a new page, applied to the list, and a list imported under it.
  await page.reload();
  await page.locator('#list-scheme').waitFor();
  await page.click('#open-workshop');
  await page.locator('#workshop').waitFor({ timeout: 20000 });
  await page.setInputFiles('#workshop-open', file);
  await waitForText(page, '#workshop-start', '正在编辑：某镇方案（与名单现用方案对比；名单本身不变）');
  await page.click('#workshop-apply');
  // Issue 26: the list's five organizations were entered under scheme B, whose sources the new
  // scheme does not have: that is said before it is applied, and the entries stay in the list.
  await page.locator('#apply-confirm').waitFor();
  assert.match(await page.locator('#apply-unused').textContent(), /「自评」：新方案没有这一评价主体，5 个组织的录入不使用（保留在名单中）/);
  await waitForText(page, '#apply-grading', '应用后 5 个组织中 0 个可以定级，5 个有待补充或更正的内容；按“撤销”可回到现在的方案。');
  await page.click('#apply-confirm-yes');
  await page.locator('#workshop').waitFor({ state: 'detached' });
  assert.equal(await page.$eval('#list-scheme', (s) => s.selectedOptions[0].textContent), '某镇方案');
  const list = csv([
    ['组织名称', '分类', '党委评定', '测评·好（票）', '测评·较好（票）', '测评·一般（票）', '测评·较差（票）', '考核指标·组织建设', '考核指标·廉洁'],
    ['A', '村', '95', '10', '0', '0', '0', '58', '0'],
    ['B', '村', '88', '6', '4', '0', '0', '50', '5'],
    ['C', '村', '80', '5', '3', '2', '0', '45', '10'],
    ['D', '村', '75', '2', '4', '3', '1', '40', '50'],
    ['E', '村', '85', '3', '3', '3', '1', '55', '2'],
    ['F', '村', '90', '4', '4', '2', '0', '60', '0'],
  ]);
  await page.click('#import');
  await page.setInputFiles('#import-file', { name: '某镇名单.csv', mimeType: 'text/csv', buffer: Buffer.from(list, 'utf8') });
  await page.locator('#import-apply').waitFor({ timeout: 20000 });
  // The list has the five of before: 导入 asks, and they are replaced.
  await page.click('#import-apply');
  await waitForText(page, '#import-ask-text', '名单中已有 5 个组织。导入的 6 个组织是替换它们，还是追加到名单末尾？');
  await page.click('#import-replace');
  await waitForText(page, '#row-count', '6 / 6 个组织');
  const [exported] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const rows = readFileSync(await exported.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
  const tier = rows[0].indexOf('等次');
  const score = rows[0].indexOf('综合评分');
  assert.deepEqual(rows.slice(1).map((r) => `${r[0]} ${r[score]} ${r[tier]}`),
    ['A 97.10 好', 'B 88.60 较好', 'C 80.80 较好', 'D 66.50 较差', 'E 82.70 较好', 'F 90.20 好']);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('the editor with every part shown: marks against where it started, a reset, axe at 1440 and 375 px', async () => {
  for (const width of [1440, 375]) {
    const { context, page, w } = await openWorkshop(width, { bypassCSP: true });
    await page.click('#editor-fold summary');
    // Scheme B as it is: nothing marked.
    assert.equal(await page.locator('#scheme-editor .ed-field.changed').count(), 0);
    await page.fill('#ed-tier-1-name', '比较好');
    assert.match(await page.locator('#scheme-editor .ed-field.changed').first().textContent(), /原为 较好/);
    // Renamed, the tier is named so in the matrix; set back, nothing is marked again.
    await page.locator('#transition-matrix th', { hasText: '比较好' }).first().waitFor();
    await page.click('#scheme-editor .ed-field.changed .reset');
    assert.equal(await page.locator('#scheme-editor .ed-field.changed').count(), 0);
    await page.selectOption('#ed-source-2-form', 'Indicators');
    await page.click('#ed-set-0-add');
    await page.check('#ed-bonus-cap-on');
    await page.selectOption('#ed-floor-scope', 'category');
    await page.click('#ed-add-veto');
    await page.click('#ed-add-satisfaction');
    // 较好 (三星) split at a score: from 三星 above and 二星 below, at its threshold, 80.
    await page.selectOption('#ed-tier-1-stars-kind', 'split');
    assert.equal(await page.inputValue('#ed-tier-1-split-at'), '80');
    assert.deepEqual([await page.inputValue('#ed-tier-1-stars-above'), await page.inputValue('#ed-tier-1-stars-below')], ['3', '2']);
    // A number that does not read is named at its field and changes nothing.
    await page.fill('#ed-set-0-0-max', '8o');
    await page.locator('#ed-set-0-0-max-error').waitFor();
    assert.equal(await page.inputValue('#ed-set-0-0-max-slider'), '100');
    await page.fill('#ed-set-0-0-max', '100');
    assert.equal(await page.locator('#ed-error').count(), 0);
    await screenshot(page, `workshop-editor-all-${width}`);
    assert.deepEqual(await axeViolations(page), [], `axe at ${width}`);
    assert.deepEqual(await w.finish(), []);
    await context.close();
  }
});

test('a scheme handed out as a link opens in the workshop of a fresh browser, and a damaged one is named', async () => {
  const { context, page, w } = await openWorkshop(1440);
  await page.fill('#trial-weight-0', '40');
  await page.fill('#trial-weight-2', '30');
  await waitForText(page, '#trial-summary', '调整后 2 个组织等次变化：上升 1，下降 1');
  await page.click('#workshop-link-make');
  const link = await page.inputValue('#workshop-link');
  assert.match(link, /\/list\.html#scheme=(B~)?[A-Za-z0-9_-]+$/);
  // Compact: the scheme's binary form, well under half the length of its JSON file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#workshop-save')]);
  const json = readFileSync(await download.path(), 'utf8');
  assert.ok(link.length * 2 < json.length, `a link of ${link.length} characters, a file of ${json.length}`);
  console.log(`# link ${link.length} characters, JSON file ${json.length}`);
  // Pasted into this open page, the link opens over the list as it is now (the five imported
  // after the page loaded), so the trial moves the same two as above.
  await page.click('#workshop-close');
  await page.locator('#workshop').waitFor({ state: 'detached' });
  await page.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
  await page.locator('#workshop-linked').waitFor({ timeout: 20000 });
  await waitForText(page, '#trial-summary', '调整后 2 个组织等次变化：上升 1，下降 1');
  assert.deepEqual(await w.finish(), []);
  await context.close();

  // A fresh context: nothing saved; the link opens the workshop with the scheme to try.
  const fresh = await shared.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const other = await fresh.newPage();
  const w2 = await watch(other, shared.site);
  await other.goto(link);
  await other.locator('#workshop-linked').waitFor({ timeout: 20000 });
  assert.equal(await other.inputValue('#trial-weight-0'), '40');
  assert.equal(await other.inputValue('#trial-weight-2'), '30');
  assert.match(await other.locator('#workshop-start').textContent(), /（调整）/);
  // The address no longer carries it (a reload shows the saved list); applied, the list takes it.
  assert.equal(new URL(other.url()).hash, '');
  await other.click('#workshop-apply');
  await other.locator('#workshop').waitFor({ state: 'detached' });
  assert.equal(await other.$eval('#list-scheme', (s) => s.selectedOptions[0].textContent), '乡镇分类定级方案（四级六星）（调整）');

  // A link cut short: the workshop says so and starts from the list's own scheme.
  await other.goto(shared.site.url + 'list.html#scheme=' + new URL(link).hash.slice('#scheme='.length, 30));
  await other.locator('#workshop-open-error').waitFor({ timeout: 20000 });
  assert.match(await other.locator('#workshop-open-error').textContent(), /链接中的方案无法读取/);
  assert.equal(await other.locator('#workshop-linked').count(), 0);
  assert.deepEqual(await w2.finish(), []);
  await fresh.close();
});

// Scheme B as a township changed it (issue 26): no 村 category, no 自评 (党委评定 70%, the vote
// score 30%), a 满意 scale. Applied to the five villages P–T (the vote entered as a score), by hand:
//   P 60.2 + 27.6 = 87.8 较好; Q 67.2 + 27 = 94.2 好; R 58.8 + 26.4 = 85.2 较好;
//   S 49 + 21 = 70 一般; T 42 + 18 = 60 一般, the lowest of five: ⌈5% × 5⌉ = 1 → 较差.
test('a scheme whose categories and sources differ: its consequences shown, a category mapped, applied, graded, and undone', async () => {
  const { context, page, w } = await openWorkshop(1440, { bypassCSP: true });
  const b = JSON.parse(readFileSync(join(ROOT, 'rules', 'presets', 'b-township.json'), 'utf8'));
  const changed = {
    ...b,
    id: 'township-b',
    name: { zh: '某镇调整方案' },
    categories: b.categories.filter((c) => c.id !== 'village'),
    sources: b.sources
      .filter((s) => s.id !== 'self')
      .map((s) => (s.id === 'committee' ? { ...s, weight: '70' } : s.id === 'vote' ? {
        ...s,
        input: { vote: { ...s.input.vote, levels: [
          { name: { zh: '满意' }, points: '100' }, { name: { zh: '基本满意' }, points: '70' }, { name: { zh: '不满意' }, points: '0' },
        ] } },
      } : s)),
  };
  await page.setInputFiles('#workshop-open', { name: '某镇调整方案.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed), 'utf8') });
  await waitForText(page, '#workshop-start', '正在编辑：某镇调整方案（与名单现用方案对比；名单本身不变）');
  await page.click('#workshop-apply');
  await page.locator('#apply-confirm').waitFor();
  assert.match(await page.locator('#apply-unused').textContent(), /「自评」：新方案没有这一评价主体，5 个组织的录入不使用（保留在名单中）/);
  assert.match(await page.locator('#apply-confirm').textContent(), /分类“村”（5 个组织）新方案中没有/);
  await waitForText(page, '#apply-grading', '应用后 5 个组织中 0 个可以定级，5 个有待补充或更正的内容；按“撤销”可回到现在的方案。');
  await page.selectOption('#apply-cat-0', { label: '社区' });
  await waitForText(page, '#apply-grading', '应用后 5 个组织中 5 个可以定级；按“撤销”可回到现在的方案。');
  await screenshot(page, 'workshop-apply-confirm-1440');
  assert.deepEqual(await axeViolations(page), []);
  await page.click('#apply-confirm-yes');
  await page.locator('#workshop').waitFor({ state: 'detached' });
  assert.equal(await page.$eval('#list-scheme', (s) => s.selectedOptions[0].textContent), '某镇调整方案');
  const exported = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const rows = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
    const at = (h) => rows[0].indexOf(h);
    return rows.slice(1).map((r) => [r[0], r[at('分类')], r[at('综合评分')], r[at('等次')]]);
  };
  assert.deepEqual(await exported(), [
    ['P', '社区', '87.80', '较好'],
    ['Q', '社区', '94.20', '好'],
    ['R', '社区', '85.20', '较好'],
    ['S', '社区', '70.00', '一般'],
    ['T', '社区', '60.00', '较差'],
  ]);
  // 撤销 brings back scheme B and the villages as they were.
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelector('#list-scheme').selectedOptions[0].textContent !== '某镇调整方案');
  const back = await exported();
  assert.deepEqual(back.map((r) => r[1]), ['村', '村', '村', '村', '村']);
  assert.equal(back[0][2], '90.20');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('a weight typed in the workshop that breaks the total offers the others balanced', async () => {
  const { context, page, w } = await openWorkshop(1440);
  await page.fill('#trial-weight-1', '40');
  await page.locator('#trial-weights-sum').waitFor();
  // By hand, as on the calculator: 60 × 50/70 → 42.86, 60 × 20/70 → 17.14.
  await waitForText(page, '#trial-weights-balance', '其余权重按比例调整为：党委评定 42.86%、自评 17.14%按比例调整');
  await page.click('#trial-weights-balance-take');
  await page.locator('#trial-weights-sum').waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('#trial-weight-0'), '42.86');
  assert.equal(await page.inputValue('#trial-weight-2'), '17.14');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});


// End-to-end: a clerk's own spreadsheet goes in whole, or the dialog says what is missing before
// 导入 (issue 26). The files are written as township clerks write them, not as the importer
// reads them: a GBK summary table from WPS whose first characters (某某镇) are also valid UTF-8,
// with a title, a line about who filled it, a two-row header (民主测评票数 merged over 好/较好/一般/差),
// 合计 in the 序号 column and a signature line; an .xlsx with the same layout in Excel's merged
// cells and quoted level names; a sheet that keeps the ballots on paper (no vote columns).
// Expected tiers are hand arithmetic under scheme B, written out beside each test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedSite, watch, screenshot, waitForText, axeViolations, ROOT } from './harness.mjs';
import { csv, xlsx, parseCsv } from './fixtures.mjs';

const shared = sharedSite();

async function openList() {
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true, bypassCSP: true });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  await w.open(shared.site.url + 'list.html', '#list-scheme');
  return { context, page, w };
}

/** Chooses a file in the open import dialog and waits until it is read. */
async function choose(page, name, buffer) {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/octet-stream', buffer });
  const dialog = `#import-dialog[data-file="${name}"]`;
  await page.locator(`${dialog} #import-apply, ${dialog} #import-failed`).first().waitFor({ timeout: 20000 });
}

async function mapping(page) {
  return page.$$eval('.mappings:not(#import-categories) select', (s) => s.map((x) => x.selectedOptions[0].textContent));
}

async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const [head, ...body] = parseCsv(readFileSync(await download.path()).toString('utf8'));
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

const BALLOTS = ['党员群众测评·好（票）', '党员群众测评·较好（票）', '党员群众测评·一般（票）', '党员群众测评·较差（票）'];

// Scheme B by hand: 50% 党委评定 + 30% 测评 + 20% 自评; the vote (100·好 + 60·较好 + 30·一般 + 10·较差)
// ÷ valid ballots; 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60; at least ⌈5% × 6⌉ = 1 较差.
//   红星村   92, 30/15/4/1 → 80.6,  95: 46 + 24.18 + 19 = 89.18 → 较好
//   东风社区 85, 20/10/8/2 → 71.5,  88: 42.5 + 21.45 + 17.6 = 81.55 → 较好
//   向阳村   95, 40/8/2/0  → 90.8,  97: 47.5 + 27.24 + 19.4 = 94.14 → 好
//   光明村   70, 10/15/15/10 → 49,  80: 35 + 14.7 + 16 = 65.7 → 一般
//   幸福社区 90, 35/10/5/0 → 85,    92: 45 + 25.5 + 18.4 = 88.9 → 较好
//   新华村   60, 5/10/20/15 → 37,   70: 30 + 11.1 + 14 = 55.1 → 较差
const WANT = [
  ['红星村党支部', '89.18', '较好'],
  ['东风社区党支部', '81.55', '较好'],
  ['向阳村党支部', '94.14', '好'],
  ['光明村党支部', '65.70', '一般'],
  ['幸福社区党支部', '88.90', '较好'],
  ['新华村党支部', '55.10', '较差'],
];

test('a GBK summary table from WPS goes in whole, and next time its mapping is remembered', async () => {
  const { context, page, w } = await openList();
  const file = readFileSync(join(ROOT, 'tests', 'fixtures', '某某镇定级汇总表-gbk.csv'));
  await page.click('#import');
  await choose(page, '某某镇定级汇总表.csv', file);
  assert.equal(await page.$eval('#import-encoding', (s) => s.selectedOptions[0].textContent), 'GBK/GB18030');
  // The header found on rows 3–4, read as one; 差 is 较差 (scheme B has no 差).
  assert.deepEqual(await mapping(page), ['（不导入）', '组织名称', '分类', '党委评定', ...BALLOTS, '自评']);
  const notes = await page.locator('#import-notes').textContent();
  assert.match(notes, /第 1、2 行在表头（第 4 行）之上，是标题或说明，未导入/);
  assert.match(notes, /第 11 行是合计行，未导入/);
  assert.match(notes, /第 12 行没有名称也没有分数，是说明、落款或签字行，未导入/);
  assert.equal(await page.locator('#import-problems').count(), 0);
  // No category word to ask about: 村 and 社区 are the scheme's, and the signature line is no row.
  assert.equal(await page.locator('#import-categories').count(), 0);
  await screenshot(page, 'import-summary-table-1440');
  assert.deepEqual(await axeViolations(page), []);
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '6 / 6 个组织');
  const rows = await exported(page);
  assert.deepEqual(rows.map((r) => [r['组织名称'], r['综合评分'], r['等次']]), WANT);

  // Next year's file with the same headers: nothing asked, and the dialog says why.
  await page.click('#import');
  await choose(page, '某某镇定级汇总表.csv', file);
  assert.match(await page.locator('#import-recalled').textContent(), /已沿用上次的对应关系/);
  assert.deepEqual(await mapping(page), ['（不导入）', '组织名称', '分类', '党委评定', ...BALLOTS, '自评']);
  await page.click('#import-reguess');
  await page.locator('#import-recalled').waitFor({ state: 'detached' });
  await page.click('#import-cancel');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('an .xlsx with a merged two-row header, quoted level names and 合计 in the 序号 column', async () => {
  const { context, page, w } = await openList();
  const book = xlsx([
    {
      name: '定级汇总',
      merges: ['A1:I1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:H2', 'I2:I3'],
      rows: [
        ['某某镇2025年度基层党组织分类定级结果汇总表'],
        ['序号', '党组织名称', '单位类型', '镇党委评价分', '民主测评情况（票）', '', '', '', '自评分'],
        ['', '', '', '', '评“好”', '评“较好”', '评“一般”', '评“差”', ''],
        [1, '红星村党支部', '村', 92, 30, 15, 4, 1, 95],
        [2, '东风社区党支部', '社区', 85, 20, 10, 8, 2, 88],
        [3, '向阳村党支部', '村', 95, 40, 8, 2, 0, 97],
        [4, '光明村党支部', '村', 70, 10, 15, 15, 10, 80],
        [5, '幸福社区党支部', '社区', 90, 35, 10, 5, 0, 92],
        [6, '新华村党支部', '村', 60, 5, 10, 20, 15, 70],
        ['合计', '', '', '', 140, 68, 54, 28, ''],
      ],
    },
  ]);
  await page.click('#import');
  await choose(page, '定级汇总.xlsx', book);
  assert.deepEqual(await mapping(page), ['（不导入）', '组织名称', '分类', '党委评定', ...BALLOTS, '自评']);
  assert.match(await page.locator('#import-notes').textContent(), /第 10 行是合计行，未导入/);
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '6 / 6 个组织');
  const rows = await exported(page);
  assert.deepEqual(rows.map((r) => [r['组织名称'], r['综合评分'], r['等次']]), WANT);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('a sheet without the vote columns: named before 导入, which waits until the ballots are left to type in later', async () => {
  const { context, page, w } = await openList();
  const rows = [
    ['组织名称', '类别', '党委评定', '自评', '备注'],
    ['红星村党支部', '村', '92', '95', ''],
    ['幸福社区党支部', '社区', '88', '90', '新建'],
  ];
  await page.click('#import');
  await choose(page, '缺测评.csv', Buffer.from(csv(rows), 'utf8'));
  assert.equal(await page.locator('#import-apply').isEnabled(), false);
  assert.match(
    await page.locator('#import-problems').textContent(),
    /「党员群众测评」的“好”“较好”“一般”“较差”4列都没有找到：请在上面为它选择一列（未对应的列：E 「备注」），或勾选“导入后再填写”/,
  );
  await screenshot(page, 'import-missing-source-1440');
  assert.deepEqual(await axeViolations(page), []);
  // On a phone: the same question, nothing overflowing, axe clean.
  await page.setViewportSize({ width: 375, height: 800 });
  await screenshot(page, 'import-missing-source-375');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no overflow at 375 px');
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.check('#import-later-vote');
  await page.locator('#import-problems').waitFor({ state: 'detached' });
  assert.match(await page.locator('#import-notes').textContent(), /「党员群众测评」在导入后填写/);
  assert.match(await page.locator('#import-notes').textContent(), /导入后 0 个组织可以定级，2 个有待填写的内容/);
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '2 / 2 个组织');
  // Imported, not graded: each row waits for its ballots.
  const exportedRows = await exported(page);
  assert.deepEqual(exportedRows.map((r) => [r['组织名称'], r['党委评定'], r['综合评分']]), [
    ['红星村党支部', '92', ''],
    ['幸福社区党支部', '88', ''],
  ]);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('两新组织 covers companies and social organizations: chosen row by row', async () => {
  const { context, page, w } = await openList();
  const rows = [
    ['组织名称', '类别', '党委评定', '党员群众测评', '自评'],
    ['红星村党支部', '村', '92', '80.6', '95'],
    ['恒达公司党支部', '两新组织', '88', '85', '90'],
    ['义工协会党支部', '两新组织', '80', '75', '85'],
  ];
  await page.click('#import');
  await choose(page, '两新.csv', Buffer.from(csv(rows), 'utf8'));
  assert.match(await page.locator('#import-problems').textContent(), /“两新组织”可能是企业或社会组织/);
  await page.selectOption('#cat-0', { label: '逐行选择' });
  await page.locator('#cat-0-1').waitFor();
  assert.deepEqual(await page.$$eval('#cat-0-0 option', (os) => os.map((o) => o.textContent)), ['— 请选择 —', '企业', '社会组织']);
  await page.selectOption('#cat-0-0', { label: '企业' });
  await page.selectOption('#cat-0-1', { label: '社会组织' });
  await page.locator('#import-problems').waitFor({ state: 'detached' });
  await screenshot(page, 'import-per-row-category-1440');
  assert.deepEqual(await axeViolations(page), []);
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '3 / 3 个组织');
  // 红星村 46 + 24.18 + 19 = 89.18 → 较好; 恒达 44 + 25.5 + 18 = 87.5 → 较好; 义工协会
  // 40 + 22.5 + 17 = 79.5 → 一般, the lowest of three: ⌈5% × 3⌉ = 1 → 较差.
  const exportedRows = await exported(page);
  assert.deepEqual(exportedRows.map((r) => [r['组织名称'], r['分类'], r['综合评分'], r['等次']]), [
    ['红星村党支部', '村', '89.18', '较好'],
    ['恒达公司党支部', '企业', '87.50', '较好'],
    ['义工协会党支部', '社会组织', '79.50', '较差'],
  ]);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

// The township's own scheme (tests/fixtures/township-satisfaction.json): 40% 镇党委评定 + 30%
// 满意度 (100 × 满意 + 70 × 基本满意 over the valid ballots; 不了解 is not one) + 30% 日常考核 (100
// less the points deducted, each indicator down to 0 at most); 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60, 差;
// no stars, no quota. By hand:
//   红溪村 36 + 0.3 × 4560/50 (91.2) + 0.3 × 97 = 92.46 → 好
//   枫林村 30 + 0.3 × 3400/50 (68) + 0.3 × 80 = 74.40 → 一般
//   石桥社区 32.8 + 0.3 × 4050/50 (81) + 0.3 × 92 = 84.70 → 较好
test("a township's own scheme opened from its file, and the township's sheet imported under it", async () => {
  const { context, page, w } = await openList();
  await page.click('#open-workshop');
  await page.locator('#workshop').waitFor({ timeout: 20000 });
  const scheme = readFileSync(join(ROOT, 'tests', 'fixtures', 'township-satisfaction.json'));
  await page.setInputFiles('#workshop-open', { name: '红溪镇方案.json', mimeType: 'application/json', buffer: scheme });
  await waitForText(page, '#workshop-start', '正在编辑：红溪镇基层党组织分类定级办法（2025年修订）（与名单现用方案对比；名单本身不变）');
  await page.click('#workshop-apply');
  await page.locator('#workshop').waitFor({ state: 'detached' });
  await page.click('#import');
  await choose(page, '红溪镇考核表.csv', readFileSync(join(ROOT, 'tests', 'fixtures', '红溪镇考核表.csv')));
  assert.deepEqual(await mapping(page), [
    '（不导入）', '组织名称', '分类', '镇党委评定',
    '群众满意度测评·满意（票）', '群众满意度测评·基本满意（票）', '群众满意度测评·不满意（票）', '群众满意度测评·不了解（票）',
    '日常考核·组织建设（扣分）', '日常考核·作风纪律（扣分）', '日常考核·工作成效（扣分）',
  ]);
  assert.match(await page.locator('#import-notes').textContent(), /第 3、6 行是分组标题，没有分数，未导入/);
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '3 / 3 个组织');
  // The grid says an indicator's entry is points deducted, and shows no star columns.
  const heads = await page.$$eval('table.grid thead th', (ths) => ths.map((t) => t.textContent));
  assert.ok(heads.includes('日常考核·组织建设（扣分）'), heads.join(' | '));
  assert.ok(!heads.includes('星级') && !heads.includes('调整星级'), heads.join(' | '));
  const rows = await exported(page);
  assert.deepEqual(rows.map((r) => [r['组织名称'], r['综合评分'], r['等次']]), [
    ['红溪村', '92.46', '好'],
    ['枫林村', '74.40', '一般'],
    ['石桥社区', '84.70', '较好'],
  ]);
  assert.ok(!('星级' in rows[0]));
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

// End-to-end tests of the files clerks really keep, imported on the list page without touching the
// column mapping except where a value is truly ambiguous: a GBK CSV with its own headers and
// category words, Excel's "Unicode 文本" (UTF-16, tab-separated), an .xlsx with a title row,
// merged category cells, a second and a hidden sheet, formulas and percent formats; then the files
// that are refused (each with its message) and the page and the sheets worker still working.
// Expected tiers come from hand arithmetic under scheme B, written out beside each test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { sharedSite, watch, screenshot, waitForText } from './harness.mjs';
import { csv, gbk, xlsx, zipOf, parseCsv } from './fixtures.mjs';

// One server for dist/ and one browser for this file's tests.
const shared = sharedSite();

async function openList(viewport = { width: 1440, height: 1000 }) {
  const context = await shared.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  await w.open(shared.site.url + 'list.html', '#list-scheme');
  return { context, page, w };
}

/** Chooses a file in the open import dialog and waits for it to be read (or refused). */
async function choose(page, name, buffer) {
  // Playwright carries no buffer over 50 MB: a larger file is chosen from disk, as a user does.
  if (buffer.length > 40 << 20) {
    const dir = mkdtempSync(join(tmpdir(), 'dingji-'));
    writeFileSync(join(dir, name), buffer);
    await page.setInputFiles('#import-file', join(dir, name));
    rmSync(dir, { recursive: true, force: true });
  } else {
    await page.setInputFiles('#import-file', { name, mimeType: 'application/octet-stream', buffer });
  }
  // What this file gave, not what the one before it did.
  const dialog = `#import-dialog[data-file="${name}"]`;
  await page.locator(`${dialog} #import-apply, ${dialog} #import-failed, ${dialog} #import-sheet`).first().waitFor({ timeout: 20000 });
}

/** The exported list, as objects by header. */
async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const [head, ...body] = parseCsv(readFileSync(await download.path()).toString('utf8'));
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** The mapping the dialog guessed: each file column's chosen list column. */
async function mapping(page) {
  return page.$$eval('.mappings:not(#import-categories) select', (s) => s.map((x) => x.selectedOptions[0].textContent));
}

// Scheme B by hand: composite = 50% 党委评定 + 30% 测评 + 20% 自评; the vote's score is
// (100·好 + 60·较好 + 30·一般 + 10·较差) ÷ valid ballots; 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60; at least
// ⌈5% × N⌉ organizations are 较差 (the lowest moved down).
//   红星村: vote (3000 + 900 + 120 + 10) ÷ 50 = 80.6; 46 + 24.18 + 19 = 89.18 → 较好
//   幸福社区: vote (4500 + 300) ÷ 50 = 96; 47.5 + 28.8 + 19.2 = 95.5 → 好
//   镇机关: vote (2000 + 1200 + 240 + 20) ÷ 50 = 69.2; 42.5 + 20.76 + 18 = 81.26 → 较好
//   某企业: vote (1000 + 1200 + 450 + 50) ÷ 50 = 54; 35 + 16.2 + 16 = 67.2 → 一般, the lowest of 4:
//   ⌈5% × 4⌉ = 1 → 较差
const CLERK_ROWS = [
  ['组织名称', '类别', '党委评定', '好票', '较好票', '一般票', '较差票', '自评'],
  ['红星村党支部', '农村', '92', '30', '15', '4', '1', '95'],
  ['幸福社区党支部', '城市社区', '95', '45', '5', '0', '0', '96'],
  ['镇机关党支部', '机关事业单位', '85', '20', '20', '8', '2', '90'],
  ['某企业党支部', '非公企业', '70', '10', '20', '15', '5', '80'],
];

test('a GBK CSV with a clerk\'s headers and category words imports; only the ambiguous category is asked', async () => {
  const { context, page, w } = await openList();
  await page.click('#import');
  await choose(page, '2026年定级.csv', gbk(csv(CLERK_ROWS)));
  assert.deepEqual(await mapping(page), [
    '组织名称', '分类', '党委评定', '党员群众测评·好（票）', '党员群众测评·较好（票）',
    '党员群众测评·一般（票）', '党员群众测评·较差（票）', '自评',
  ]);
  assert.equal(await page.$eval('#import-encoding', (s) => s.selectedOptions[0].textContent), 'GBK/GB18030');
  // The category words: three by synonym, 机关事业单位 asked (scheme B has both 机关 and 事业单位).
  const words = await page.$$eval('#import-categories .mapping', (ls) =>
    ls.map((l) => [l.querySelector('span').textContent, l.querySelector('select').selectedOptions[0].textContent]));
  assert.deepEqual(words, [
    ['“农村”（1 行）', '村'],
    ['“城市社区”（1 行）', '社区'],
    ['“机关事业单位”（1 行）', '— 请选择 —'],
    ['“非公企业”（1 行）', '企业'],
  ]);
  // Not offered before it is answered: the problem is shown, the button disabled.
  assert.equal(await page.locator('#import-apply').isEnabled(), false);
  assert.match(await page.locator('#import-problems').textContent(), /第 4 行 B 列「类别」：“机关事业单位”可能是机关或事业单位/);
  await screenshot(page, 'import-clerk-1440');
  await page.selectOption('#cat-2', { label: '机关' });
  await page.locator('#import-problems').waitFor({ state: 'detached' });
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '4 / 4 个组织');
  const rows = await exported(page);
  assert.deepEqual(rows.map((r) => [r['组织名称'], r['分类'], r['综合评分'], r['等次']]), [
    ['红星村党支部', '村', '89.18', '较好'],
    ['幸福社区党支部', '社区', '95.50', '好'],
    ['镇机关党支部', '机关', '81.26', '较好'],
    ['某企业党支部', '企业', '67.20', '较差'],
  ]);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('Excel\'s "Unicode 文本" (UTF-16 LE, tab-separated) with 序号 and score headers imports', async () => {
  const { context, page, w } = await openList();
  const text = [
    ['序号', '党组织名称', '领域', '党委评分', '测评得分', '自评得分'],
    ['1', '红星村党支部', '村', '92', '80.6', '95'],
    ['2', '幸福社区党支部', '社区', '95', '96', '96'],
  ].map((r) => r.join('\t')).join('\r\n') + '\r\n';
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  await page.click('#import');
  await choose(page, '名单.txt', bytes);
  assert.deepEqual(await mapping(page), ['（不导入）', '组织名称', '分类', '党委评定', '党员群众测评', '自评']);
  assert.match(await page.locator('#map-0-why').textContent(), /序号列，不导入/);
  assert.equal(await page.$eval('#import-encoding', (s) => s.selectedOptions[0].textContent), 'UTF-16 LE');
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '2 / 2 个组织');
  // 89.18 → 较好 and 95.5 → 好; the lowest of two is moved to 较差 (⌈5% × 2⌉ = 1).
  const rows = await exported(page);
  assert.deepEqual(rows.map((r) => [r['综合评分'], r['等次']]), [['89.18', '较差'], ['95.50', '好']]);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('an .xlsx with a title row, merged categories, formulas, percents, a hidden row and more sheets imports', async () => {
  const { context, page, w } = await openList();
  const book = xlsx([
    { name: '说明', rows: [['本表为2026年度分类定级汇总表']] },
    {
      name: '名单',
      merges: ['A1:F1', 'C3:C4'],
      hiddenRows: [5],
      rows: [
        ['某镇2026年度基层党组织分类定级汇总表'],
        ['序号', '组织名称', '分类', '党委评定', '党员群众测评', '自评'],
        [1, '红星村党支部', '村', { percent: 0.92 }, { f: 'ROUND(4030/50,2)', v: 80.6 }, 95],
        [2, '光明村党支部', '', { percent: 0.95 }, { f: 'ROUND(4800/50,2)', v: 96 }, 96],
        [3, '镇机关党支部', '机关', 85, { f: 'ROUND(3460/50,2)', v: 69.2 }, 90],
        ['', '合计', '', 272, '', ''],
      ],
    },
    { name: '草稿', hidden: true, rows: [['旧数据']] },
  ]);
  await page.click('#import');
  await choose(page, '汇总表.xlsx', book);
  // Issue 26: the sheet that holds the list is read first (the most rows with a name and a
  // number), and the dialog says why; the others can still be picked.
  const options = await page.$$eval('#import-sheet option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(options, ['说明', '名单', '草稿（隐藏）']);
  assert.equal(await page.$eval('#import-sheet', (s) => s.value), '名单');
  assert.match(await page.locator('#import-notes').textContent(), /已读取工作表“名单”：它有 3 行名称和数字/);
  await page.selectOption('#import-sheet', '名单');
  await page.locator('#import-apply').waitFor({ timeout: 20000 });
  assert.deepEqual(await mapping(page), ['（不导入）', '组织名称', '分类', '党委评定', '党员群众测评', '自评']);
  const notes = await page.locator('#import-notes').textContent();
  assert.match(notes, /合并单元格 C3:C4 的“村”已填入它占的每一行/);
  assert.match(notes, /第 6 行是合计行，未导入/);
  assert.match(notes, /第 5 行在 Excel 中是隐藏的，已一并读入/);
  // The percent cells read as shown: 92% is 92.
  assert.match(await page.locator('#import-preview').textContent(), /92%/);
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '3 / 3 个组织');
  // 红星村 46 + 24.18 + 19 = 89.18 → 较好; 光明村 47.5 + 28.8 + 19.2 = 95.5 → 好;
  // 镇机关 42.5 + 20.76 + 18 = 81.26 → 较好, the lowest of three → 较差 (⌈5% × 3⌉ = 1).
  const rows = await exported(page);
  assert.deepEqual(rows.map((r) => [r['组织名称'], r['分类'], r['综合评分'], r['等次']]), [
    ['红星村党支部', '村', '89.18', '较好'],
    ['光明村党支部', '村', '95.50', '好'],
    ['镇机关党支部', '机关', '81.26', '较差'],
  ]);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('a blank category is an error naming its rows, or takes the one above when the user says so', async () => {
  const { context, page, w } = await openList();
  const rows = [
    ['组织名称', '分类', '党委评定', '党员群众测评', '自评'],
    ['红星村党支部', '村', '92', '80.6', '95'],
    ['光明村党支部', '', '95', '96', '96'],
  ];
  await page.click('#import');
  await choose(page, '名单.csv', Buffer.from(csv(rows), 'utf8'));
  assert.match(await page.locator('#import-problems').textContent(), /第 3 行 B 列「分类」：分类是空的/);
  assert.equal(await page.locator('#import-apply').isEnabled(), false);
  await page.check('#import-fill-down');
  await page.locator('#import-problems').waitFor({ state: 'detached' });
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '2 / 2 个组织');
  assert.deepEqual((await exported(page)).map((r) => r['分类']), ['村', '村']);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('a long file shows its mapping at once and checks every row before 导入: a bad cell on row 2,401 is found; 导入 says it is taking the rows in', async () => {
  // The dialog reads the first 2,000 rows before it shows, the rest once it is painted.
  const { context, page, w } = await openList();
  const rows = [['单位名称', '类别', '党委评定', '测评得分', '自评得分']];
  for (let i = 0; i < 2500; i += 1) rows.push([`${i + 1}号村党支部`, '村', i === 2399 ? '九十' : '90', '85', '95']);
  await page.click('#import');
  await choose(page, '全县名单.csv', gbk(csv(rows)));
  await page.locator('#import-checking').waitFor({ state: 'detached' });
  assert.match(await page.locator('#import-problems').textContent(), /第 2401 行 C 列「党委评定」/);
  assert.equal(await page.locator('#import-apply').isEnabled(), false);
  // Fixed in the file and chosen again: every row imports.
  rows[2400][2] = '90';
  await page.click('#import-cancel');
  await page.click('#import');
  await choose(page, '全县名单（改）.csv', gbk(csv(rows)));
  await page.locator('#import-checking').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#import-problems').count(), 0);
  assert.equal((await page.locator('#import-apply').textContent()).trim(), '导入（2500）');
  // 导入 says what it is doing, painted before the list takes the rows in (and is not pressed
  // twice meanwhile).
  await page.evaluate(() => {
    window.__applying = null;
    new MutationObserver((_, observer) => {
      const status = document.querySelector('#import-applying');
      if (!status) return;
      observer.disconnect();
      const { disabled } = document.querySelector('#import-apply');
      window.__applying = { said: status.textContent, listed: document.querySelector('#row-count').textContent, disabled };
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '2500 / 2500 个组织');
  const applying = await page.evaluate(() => window.__applying);
  assert.match(applying.said, /正在把 2500 行导入名单并定级/);
  assert.doesNotMatch(applying.listed, /2500/);
  assert.equal(applying.disabled, true);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('refused files each say why, change nothing, and leave the page and the worker working', async () => {
  const { context, page, w } = await openList();
  const good = Buffer.from(csv(CLERK_ROWS.slice(0, 3)), 'utf8');
  // A zip that inflates past the limit (1024 MB): 17 entries of 64 MB of zeros, each deflated
  // to a few hundred KB.
  const zeros = Buffer.alloc(64 << 20);
  const bomb = zipOf([
    ['[Content_Types].xml', '<Types/>'],
    ...Array.from({ length: 17 }, (_, i) => [`xl/padding${i}.bin`, zeros]),
  ]);
  const wide = Buffer.from(Array.from({ length: 300 }, (_, i) => `列${i}`).join(',') + '\n', 'utf8');
  // Excel's own limit is 1,048,576 rows: one more, and the header.
  const tall = Buffer.from('组织名称,分类\n' + '甲,村\n'.repeat(1048576), 'utf8');
  const long = Buffer.from(`组织名称,分类\n${'长'.repeat(40000)},村\n`, 'utf8');
  const formula = xlsx([{ name: '名单', rows: [['组织名称', '党委评定'], ['红星村党支部', { f: 'A1*2' }]] }]);
  const cases = [
    ['旧版.csv', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /旧版 Excel 文件（\.xls）.*另存为 \.xlsx 或 CSV/],
    ['炸弹.xlsx', bomb, /解压后有 1088 MB，超过上限 1024 MB/],
    ['太大.csv', Buffer.alloc(129 << 20, 0x61), /超过上限 128 MB/],
    ['太宽.csv', wide, /第 1 行有 300 列，超过上限 256 列/],
    ['太长.csv', tall, /超过 1048576 行/],
    ['长单元格.csv', long, /第 2 行 A 列的内容超过 32767 个字符/],
    ['引号.csv', Buffer.from('组织名称,分类\n"红星村,村\n光明村,村\n', 'utf8'), /第 2 行有一个引号（"）没有配对/],
    ['坏UTF8.csv', Buffer.concat([Buffer.from('组织名称,分类\n红星村,', 'utf8'), Buffer.from([0xff]), Buffer.from('\n')]), /不是有效的 UTF-8 文本：第 2 行/],
    ['公式.xlsx', formula, /B2 单元格是公式，文件中没有保存计算结果/],
  ];
  await page.click('#import');
  for (const [name, buffer, message] of cases) {
    await choose(page, name, buffer);
    assert.match(await page.locator('#import-failed').textContent(), message, name);
    assert.equal(await page.locator('#row-count').textContent(), '0 / 0 个组织', `${name}: nothing changed`);
  }
  // The same dialog takes the next file: the worker still reads.
  await choose(page, '名单.csv', good);
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '2 / 2 个组织');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('an .xlsx renamed .csv is read as a workbook; UTF-16 without its mark is read once the user says so', async () => {
  const { context, page, w } = await openList();
  const book = xlsx([{ name: '名单', rows: [CLERK_ROWS[0], ...CLERK_ROWS.slice(1, 3)] }]);
  await page.click('#import');
  await choose(page, '名单.csv', book);
  assert.equal(await page.locator('#import-encoding').count(), 0, 'a workbook has no encoding');
  assert.equal((await mapping(page)).length, 8);
  await page.click('#import-cancel');

  const text = '组织名称\t分类\t党委评定\t党员群众测评\t自评\r\n红星村党支部\t村\t92\t80.6\t95\r\n';
  await page.click('#import');
  await choose(page, 'unicode.txt', Buffer.from(text, 'utf16le'));
  assert.match(await page.locator('#import-failed').textContent(), /没有字节顺序标记（BOM）的 UTF-16/);
  await page.selectOption('#import-encoding', 'utf-16le');
  await page.locator('#import-apply').waitFor({ timeout: 20000 });
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '1 / 1 个组织');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('the import dialog at 375 px', async () => {
  const { context, page, w } = await openList({ width: 375, height: 800 });
  await page.click('#import');
  await choose(page, '2026年定级.csv', gbk(csv(CLERK_ROWS)));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page does not scroll sideways (${width}px)`);
  await screenshot(page, 'import-clerk-375');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

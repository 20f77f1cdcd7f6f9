// The portable build (dist/portable/, scripts/portable.mjs) opened from the disk, as a clerk opens
// it from a USB stick, in headless Chromium (playwright-core) and in Debian's Firefox ESR
// (puppeteer-core over WebDriver BiDi): each page starts, works and loads nothing but the file
// itself and the blob:/data: URLs it makes. Expected values are domain.md's worked example and
// hand arithmetic under scheme B, written beside each step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT, screenshot } from './harness.mjs';
import { chromium, firefox, hasFirefox, until, exportedRows, importFile, workedExample } from './browsers.mjs';
import { csv, gbk, xlsx } from './fixtures.mjs';

const fileUrl = (name) => pathToFileURL(join(DIST, 'portable', name)).href;
const files = mkdtempSync(join(tmpdir(), 'dingji-portable-'));

// A clerk's GBK CSV (their own headers and category words). By hand under scheme B:
//   红星村: vote (3000 + 900 + 120 + 10) ÷ 50 = 80.6; 46 + 24.18 + 19 = 89.18 → 较好
//   幸福社区: vote (4500 + 300) ÷ 50 = 96; 47.5 + 28.8 + 19.2 = 95.5 → 好
//   某企业: vote (1000 + 1200 + 450 + 50) ÷ 50 = 54; 35 + 16.2 + 16 = 67.2 → 一般, the lowest of
//   3: ⌈5% × 3⌉ = 1 → 较差
const CSV = join(files, '2026年定级.csv');
writeFileSync(CSV, gbk(csv([
  ['组织名称', '类别', '党委评定', '好票', '较好票', '一般票', '较差票', '自评'],
  ['红星村党支部', '农村', '92', '30', '15', '4', '1', '95'],
  ['幸福社区党支部', '城市社区', '95', '45', '5', '0', '0', '96'],
  ['某企业党支部', '非公企业', '70', '10', '20', '15', '5', '80'],
])));
// A workbook with a title row, a merged two-row header and a 合计 row. By hand under scheme B:
//   红星村: 89.18 → 较好 (above)
//   向阳村: vote (4000 + 480 + 60) ÷ 50 = 90.8; 47.5 + 27.24 + 19.4 = 94.14 → 好
//   新华村: vote (500 + 600 + 600 + 150) ÷ 50 = 37; 30 + 11.1 + 14 = 55.1 → 较差 (below 60;
//   the 5% rule is met)
const XLSX = join(files, '定级汇总.xlsx');
writeFileSync(XLSX, xlsx([
  {
    name: '定级汇总',
    merges: ['A1:I1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:H2', 'I2:I3'],
    rows: [
      ['某某镇2025年度基层党组织分类定级结果汇总表'],
      ['序号', '党组织名称', '单位类型', '镇党委评价分', '民主测评情况（票）', '', '', '', '自评分'],
      ['', '', '', '', '评“好”', '评“较好”', '评“一般”', '评“差”', ''],
      [1, '红星村党支部', '村', 92, 30, 15, 4, 1, 95],
      [2, '向阳村党支部', '村', 95, 40, 8, 2, 0, 97],
      [3, '新华村党支部', '村', 60, 5, 10, 20, 15, 70],
      ['合计', '', '', '', 75, 33, 26, 16, ''],
    ],
  },
]));
const TOWNSHIP = join(ROOT, 'tests', 'fixtures', 'township-satisfaction.json');
const TOWNSHIP_NAME = '红溪镇基层党组织分类定级办法（2025年修订）';

for (const open of [chromium, firefox]) {
  test(`the portable calculator opened from the disk works whole (${open.name})`, { skip: open === firefox && !hasFirefox && 'no Firefox' }, async () => {
    const browser = await open();
    try {
      const page = await browser.open(fileUrl('index.html'));
      await page.wait('#composite');
      // No download of itself is offered; the list page is the file beside it.
      assert.equal(await page.p.$('#portable'), null);
      assert.equal(await page.p.$eval('#to-list', (a) => a.href), fileUrl('list.html'));
      // The worked example, the working and the JS API: the worker started from a blob: URL,
      // its wasm carried inside.
      await workedExample(page);
      // A scheme file opened from the disk, then the workshop (the tools bundle, carried).
      await page.upload('#scheme-file', TOWNSHIP);
      await page.until(() => document.querySelector('#scheme')?.value === 'own');
      assert.equal(await page.p.$eval('#scheme', (s) => s.selectedOptions[0].textContent), `${TOWNSHIP_NAME}（本页打开的方案）`);
      await page.click('#open-workshop');
      await page.wait('#workshop');
      await page.click('#workshop-close');
      // English (its catalogue, carried) and back.
      await page.click('button.lang-toggle');
      await until(page, 'h1', 'Grassroots Party organization grading calculator');
      await page.click('button.lang-toggle');
      await until(page, 'h1', '基层党组织分类定级计算器');
      if (open === chromium) await screenshot(page.p, 'portable-calculator-1440');
      assert.deepEqual(await page.finish(), []);
    } finally {
      await browser.close();
    }
  });

  test(`the portable list page opened from the disk imports a GBK CSV and an .xlsx, exports Excel, prints (${open.name})`, { skip: open === firefox && !hasFirefox && 'no Firefox' }, async () => {
    const browser = await open();
    try {
      const page = await browser.open(fileUrl('list.html'));
      await page.wait('#list-scheme');
      assert.equal(await page.p.$('#portable'), null);
      assert.equal(await page.p.$eval('#to-calculator', (a) => a.href), fileUrl('index.html'));
      // The import dialog and its sheets worker: a GBK CSV.
      await page.click('#import');
      await page.upload('#import-file', CSV);
      await page.wait('#import-dialog[data-file="2026年定级.csv"] #import-apply');
      assert.equal(await page.p.$eval('#import-encoding', (s) => s.selectedOptions[0].textContent), 'GBK/GB18030');
      await page.click('#import-apply');
      await until(page, '#row-count', '3 / 3 个组织');
      assert.deepEqual(await exportedRows(page), [
        ['红星村党支部', '89.18', '较好'],
        ['幸福社区党支部', '95.5', '好'],
        ['某企业党支部', '67.2', '较差'],
      ]);
      // An .xlsx, replacing the list.
      await importFile(page, XLSX, { replacing: true });
      await until(page, '#row-count', '3 / 3 个组织');
      assert.deepEqual(await exportedRows(page), [
        ['红星村党支部', '89.18', '较好'],
        ['向阳村党支部', '94.14', '好'],
        ['新华村党支部', '55.1', '较差'],
      ]);
      // The workshop and the print preview (the tools bundle).
      await page.click('#open-workshop');
      await page.wait('#workshop');
      await page.click('#workshop-close');
      await page.click('#print');
      await page.wait('#print-preview');
      if (open === chromium) await screenshot(page.p, 'portable-list-1440');
      assert.deepEqual(await page.finish(), []);
      // The list was saved where every page opened from the disk keeps its data: a copy of the
      // file in another folder (the folder moved, another USB stick) opens on it.
      const elsewhere = join(mkdtempSync(join(tmpdir(), 'dingji-moved-')), 'list.html');
      copyFileSync(join(DIST, 'portable', 'list.html'), elsewhere);
      const moved = await browser.open(pathToFileURL(elsewhere).href);
      await until(moved, '#row-count', '3 / 3 个组织');
      assert.deepEqual(await moved.finish(), []);
    } finally {
      await browser.close();
    }
  });
}

test('the portable files are what the hosted pages offer: one zip with both pages and a note', () => {
  const zip = readFileSync(join(DIST, 'portable', 'dingji-portable.zip'));
  // The zip's central directory names (UTF-8, flagged as such for Windows' Explorer).
  const names = [];
  for (let at = zip.indexOf('PK\x01\x02'); at >= 0; at = zip.indexOf('PK\x01\x02', at + 4)) {
    assert.ok(zip.readUInt16LE(at + 8) & 0x800, 'UTF-8 names are flagged');
    names.push(zip.subarray(at + 46, at + 46 + zip.readUInt16LE(at + 28)).toString('utf8'));
  }
  assert.deepEqual(names.sort(), ['定级单机版/index.html', '定级单机版/list.html', '定级单机版/使用说明.txt'].sort());
  for (const name of ['index.html', 'list.html']) {
    const html = readFileSync(join(DIST, 'portable', name), 'utf8');
    // Nothing it would fetch: no script, style sheet or preload by address.
    assert.doesNotMatch(html, /<(script|link)\b[^>]*\b(src|href)=["']?\.\//);
    assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'wasm-unsafe-eval' blob: 'sha256-/);
  }
});

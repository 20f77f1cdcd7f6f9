// End-to-end tests of the list page (list.html), driving the built dist/ in headless Chromium like
// a township clerk: import the list (CSV in UTF-8 and GBK, an .xlsx), read the tiers, the two
// organizations moved by the 5% rule, the five-star cap and the 汇总表; export and re-import;
// paste from Excel; a malformed file; a reload; undo; overrides; the 公示 print view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedSite, watch, screenshot, waitForText, paste, keptAside, applyImport } from './harness.mjs';
import { township, records, expected, csv, gbk, xlsx, parseCsv, readXlsx } from './fixtures.mjs';

// One server for dist/ and one browser for this file's tests.
const shared = sharedSite();

/** A fresh browser (its own local storage) on the list page. */
async function openList(viewport = { width: 1440, height: 1000 }) {
  const context = await shared.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  await w.open(shared.site.url + 'list.html', '#list-scheme');
  return { context, page, w };
}

/** Imports a file through the dialog; picks `sheet` if the workbook asks. */
async function importFile(page, name, buffer, { sheet, apply = true } = {}) {
  await page.click('#import');
  await page.setInputFiles('#import-file', { name, mimeType: 'application/octet-stream', buffer });
  if (sheet) {
    await page.locator('#import-sheet').waitFor();
    await page.selectOption('#import-sheet', sheet);
  }
  await page.locator('#import-apply, #import-failed').first().waitFor({ timeout: 20000 });
  // An import that would refuse is not offered: its problems show and the button is disabled.
  if (apply && (await page.locator('#import-apply').count()) && (await page.locator('#import-apply').isEnabled())) {
    await applyImport(page);
  }
}

/** Imports the fixture's township list as a UTF-8 CSV and waits for its 21 rows. */
async function importTownship(page, orgs) {
  await importFile(page, '名单.csv', Buffer.from(csv(records(orgs)), 'utf8'));
  await waitForText(page, '#row-count', `${orgs.length} / ${orgs.length} 个组织`);
}

/** The list as the app exports it to CSV: rows of strings, the header first. */
async function exportCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(download.suggestedFilename(), '定级名单.csv');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 BOM (Excel reads it right)');
  return parseCsv(bytes.toString('utf8'));
}

/** The exported rows as objects by header. */
function byHeader(rows) {
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** Checks every organization's composite, tier, stars and flags against the fixture's oracle. */
function assertResults(rows, orgs) {
  const want = expected(orgs);
  const got = byHeader(rows);
  assert.equal(got.length, want.length);
  for (const w of want) {
    const g = got.find((r) => r['组织名称'] === w.name);
    assert.ok(g, `${w.name} is in the list`);
    assert.equal(g['综合评分'], w.shown, `${w.name}: composite`);
    assert.equal(g['等次'], w.tier, `${w.name}: tier`);
    assert.equal(g['星级'], w.stars, `${w.name}: stars`);
    assert.equal(g['标记'].includes('按比例补入较差'), Boolean(w.moved), `${w.name}: moved by the 5% rule? ${g['标记']}`);
  }
}

test('a CSV import grades the list: tiers, the 5% rule, the five-star cap and the 汇总表', async () => {
  const { context, page, w } = await openList();
  const orgs = township();
  await importTownship(page, orgs);
  assertResults(await exportCsv(page), orgs);

  // The two lowest were moved by the rule: shown in the grid and in the list to rectify.
  const moved = page.locator('#laggards-table tbody tr');
  assert.equal(await moved.count(), 2);
  assert.match(await moved.nth(0).textContent(), /第20党支部.*67\.88.*按比例补入较差/);
  assert.match(await page.locator('#quotas').textContent(), /“较差”不少于 5%：⌈5% × 21⌉ = 2 个；原有 0 个，补入 2 个/);
  assert.match(await page.locator('#quotas').textContent(), /五星不超过 20%：⌊20% × 5⌋ = 1 个/);

  // The 汇总表: the total row counts every tier and star; each share is rounded by itself (5, 7,
  // 7, 2 of 21: 23.8 + 33.3 + 33.3 + 9.5 = 99.9), and the footnote says why the row does not add up.
  const total = page.locator('#summary-table tr.total td');
  const cells = await total.allTextContents();
  const counts = cells.map((c) => Number(c.trim().split(/\s/)[0]));
  // 数量, then 好 较好 一般 较差, then 五星 四星 三星 二星 一星 不定星.
  assert.deepEqual(counts, [21, 5, 7, 7, 2, 1, 4, 7, 6, 1, 2]);
  const tierShares = cells.slice(1, 5).map((c) => Number(c.match(/([\d.]+)%/)[1]));
  assert.deepEqual(tierShares, [23.8, 33.3, 33.3, 9.5]);
  assert.equal(await page.locator('#summary-rounded').textContent(), '因四舍五入，分项之和可能不等于 100%');
  const villages = (await page.locator('#summary-table tbody tr').first().allTextContents())[0];
  assert.match(villages, /^村7/);

  // The charts say the same, with titles for screen readers.
  assert.match(await page.locator('#tier-chart').innerHTML(), /<title>较差：2<\/title>/);
  assert.equal(await page.locator('#histogram line.threshold').count(), 3);

  // Each row opens the same explanation as the single-organization page.
  await page.locator('.grid tbody tr').filter({ has: page.locator('#c19-0') }).getByRole('button', { name: '说明' }).click();
  await page.locator('#row-steps').waitFor();
  assert.match(await page.locator('#panel').innerText(), /“较差”不少于 5%：⌈5% × 21⌉ = 2 个.*「第20党支部」：一般 → 较差/);

  await screenshot(page, 'list-1440');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('a GBK CSV (as Chinese Excel saves it, no BOM) reads the same as UTF-8', async () => {
  const { context, page, w } = await openList();
  const orgs = township();
  await importFile(page, '名单-gbk.csv', gbk(csv(records(orgs))));
  await waitForText(page, '#row-count', '21 / 21 个组织');
  assertResults(await exportCsv(page), orgs);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('an .xlsx import (sheet picked, title row above the header); export to Excel and back', async () => {
  const { context, page, w } = await openList();
  const orgs = township();
  const book = xlsx([
    { name: '说明', rows: [['本表由镇党委组织办填报']] },
    { name: '定级名单', rows: [['某镇2026年基层党组织分类定级汇总'], [], ...records(orgs)] },
  ]);
  await importFile(page, '名单.xlsx', book, { sheet: '定级名单' });
  await waitForText(page, '#row-count', '21 / 21 个组织');
  const first = await exportCsv(page);
  assertResults(first, orgs);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
  assert.equal(download.suggestedFilename(), '定级名单.xlsx');
  const exported = readFileSync(await download.path());
  assert.equal(exported.subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip');

  // Re-import the exported workbook in place of the list: the same list, the same results.
  await importFile(page, '定级名单.xlsx', exported, { sheet: '结果' });
  await waitForText(page, '#row-count', '21 / 21 个组织');
  assert.deepEqual(await exportCsv(page), first);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('a malformed file lists its errors by row and column and changes nothing', async () => {
  const { context, page, w } = await openList();
  const orgs = township();
  await importTownship(page, orgs);
  const before = await exportCsv(page);

  const bad = records(township().slice(0, 3));
  bad[2][2] = '九十'; // 党委评定 of the second organization: not a number
  bad[3][1] = '街道'; // the third organization's category: not one of the scheme's
  await importFile(page, '坏名单.csv', Buffer.from(csv(bad), 'utf8'));
  const problems = await page.locator('#import-problems').textContent();
  assert.match(problems, /第 3 行 C 列「党委评定」/);
  assert.match(problems, /第 4 行 B 列「分类」/);
  await page.click('#import-cancel');
  assert.deepEqual(await exportCsv(page), before, 'the list is unchanged');

  // Not a workbook at all.
  await importFile(page, '坏文件.xlsx', Buffer.from('这不是 Excel 文件'), { apply: false });
  assert.match(await page.locator('#import-failed').textContent(), /不是可读取的 Excel 工作簿/);
  await page.click('#import-cancel');
  assert.deepEqual(await exportCsv(page), before, 'the list is unchanged');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('a range pasted from Excel fills the list from the selected cell', async () => {
  const { context, page, w } = await openList();
  const orgs = township().slice(0, 3);
  const tsv = records(orgs)
    .slice(1)
    .map((r) => r.join('\t'))
    .join('\r\n');
  await page.focus('.grid-wrap');
  await paste(page, tsv);
  await waitForText(page, '#row-count', '3 / 3 个组织');
  const got = byHeader(await exportCsv(page));
  assert.deepEqual(
    got.map((r) => [r['组织名称'], r['分类'], r['党委评定'], r['自评']]),
    orgs.map((o) => [o.name, o.category, String(o.committee), String(o.self)]),
  );
  // N = 3: ⌈5% × 3⌉ = 1 organization is moved to 较差 — the lowest.
  assert.deepEqual(got.map((r) => r['等次']), ['好', '好', '较差']);

  // A second paste at the second row's 自评 overwrites only that column.
  await page.locator('#c1-8').focus();
  await paste(page, '60\n61\n');
  await page.waitForFunction(() => document.querySelector('#c2-8')?.value === '61');
  const after = byHeader(await exportCsv(page));
  assert.deepEqual(after.map((r) => r['自评']), ['98', '60', '61']);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('editing a cell regrades the list; undo and redo; a reload keeps the list', async () => {
  const { context, page, w } = await openList();
  const orgs = township();
  await importTownship(page, orgs);

  // The lowest organization's 党委评定 goes to 99: the 5% rule now takes the next two.
  const cell = page.locator('#c20-2');
  await cell.fill('99');
  await cell.press('Enter');
  const edited = orgs.map((o, i) => (i === 20 ? { ...o, committee: 99 } : o));
  await page.waitForFunction(() => document.querySelectorAll('#laggards-table tbody tr').length === 2
    && document.querySelector('#laggards-table').textContent.includes('第19党支部'));
  assertResults(await exportCsv(page), edited);

  await page.click('#undo');
  await page.waitForFunction(() => document.querySelector('#c20-2')?.value === '64');
  assertResults(await exportCsv(page), orgs);
  await page.click('#redo');
  await page.waitForFunction(() => document.querySelector('#c20-2')?.value === '99');

  // A committee override needs a reason: until it has one it is a draft, said in the row's
  // flags; then it is shown and exported as an override.
  const flags = () => page.evaluate(() => document.querySelectorAll('.grid tbody td.flags')[0]?.textContent ?? '');
  await page.locator('#c0-9').fill('较好');
  await page.locator('#c0-9').press('Enter');
  await page.waitForFunction(() => /^调整未完成/.test(document.querySelectorAll('.grid tbody td.flags')[0]?.textContent ?? ''));
  await page.locator('#c0-11').fill('年度内发生安全事故');
  await page.locator('#c0-11').press('Enter');
  await page.waitForFunction(() => /党委调整/.test(document.querySelectorAll('.grid tbody td.flags')[0]?.textContent ?? ''));
  assert.doesNotMatch(await flags(), /调整未完成/);
  const first = byHeader(await exportCsv(page))[0];
  assert.equal(first['等次'], '较好');
  assert.equal(first['调整等次'], '较好');
  assert.match(first['标记'], /党委调整：年度内发生安全事故/);

  const saved = await exportCsv(page);
  await page.reload();
  await page.locator('#list-scheme').waitFor();
  await waitForText(page, '#row-count', '21 / 21 个组织');
  assert.deepEqual(await exportCsv(page), saved, 'the reloaded list is the same');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('a saved list that cannot be read is kept aside and reported, not lost', async () => {
  const { context, page, w } = await openList();
  await page.evaluate(() => localStorage.setItem('dingji.list.v1', 'dingji-list 9\nscheme B'));
  await page.reload();
  await page.locator('#notice').waitFor();
  // Named by what this version reads, not by what the stored text says.
  assert.match(await page.locator('#notice').textContent(), /无法读取.*保存的格式版本不是本程序能读取的“dingji-list 1”/);
  // Kept under a key stamped with the time (issue 12: more than one list kept aside, none written over).
  assert.deepEqual(await keptAside(page, 'dingji.list.v1'), ['dingji-list 9\nscheme B']);
  // In English, the reason too (it was said in Chinese before).
  await page.click('button.lang-toggle');
  await page.waitForFunction(() =>
    /^The saved list cannot be read; it was kept aside: Saved in a version this program does not read \(it reads "dingji-list 1"\)/.test(
      document.querySelector('#notice p')?.textContent ?? '',
    ),
  );
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('the 公示 print view shows only the notice: title, date, scheme, organizations by tier', async () => {
  const { context, page, w } = await openList();
  await importTownship(page, township());
  // Without the preview, printing says how to print the notice.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.print-hint').isVisible(), true);
  assert.equal(await page.locator('.grid-wrap').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.print-hint').isVisible(), false);

  await page.click('#print');
  await page.locator('#print-preview').waitFor();
  await screenshot(page, 'list-preview');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#publicity').isVisible(), true);
  assert.equal(await page.locator('#print-now').isVisible(), false, 'the buttons are not printed');
  assert.equal(await page.locator('.grid-wrap').isVisible(), false);
  assert.equal(await page.locator('.toolbar').isVisible(), false);
  const text = await page.locator('#publicity').textContent();
  assert.match(text, /分类定级结果公示/);
  assert.match(text, /乡镇分类定级方案/);
  assert.match(text, /好（5）第1党支部（村，五星）第2党支部（社区，四星）/);
  assert.match(text, /较差（2）第20党支部（社区，不定星）第21党支部（机关，不定星）/);
  await screenshot(page, 'list-print');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('on a phone the list page still works: import and read the results', async () => {
  const { context, page, w } = await openList({ width: 375, height: 800 });
  await importTownship(page, township());
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page does not scroll sideways (${width}px); the grid scrolls in its box`);
  await screenshot(page, 'list-375');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('the headers a clerk types are guessed; a computed vote score column switches the source to scores', async () => {
  const { context, page, w } = await openList();
  const rows = [
    ['党组织名称', '类别', '党委评定', '党员群众测评', '自评'],
    ['红星村党支部', '村', '92', '80.6', '95'],
  ];
  await importFile(page, '简表.csv', Buffer.from(csv(rows), 'utf8'), { apply: false });
  const mapped = await page.$$eval('.mapping select', (s) => s.map((x) => x.selectedOptions[0].textContent));
  assert.deepEqual(mapped, ['组织名称', '分类', '党委评定', '党员群众测评', '自评']);
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '1 / 1 个组织');
  // domain.md's worked example: 46 + 24.18 + 19 = 89.18 → 较好 → 三星 (one organization: the 5%
  // rule moves it to 较差, ⌈5% × 1⌉ = 1).
  const [r] = byHeader(await exportCsv(page));
  assert.equal(r['综合评分'], '89.18');
  assert.equal(await page.locator('#mode-vote').inputValue(), 'score');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('添加组织 puts the focus in the new row; Esc closes 说明 and the import dialog; duplicate names are flagged; names in full on hover; a 公示 entry kept whole', async () => {
  const { context, page, w } = await openList();
  await importTownship(page, township());
  // Scrolled sideways to the results, the grid keeps each row's name in view.
  await page.locator('.grid-wrap').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  const [wrap, name] = await page.evaluate(() => [document.querySelector('.grid-wrap'), document.querySelector('#c0-0')].map((e) => e.getBoundingClientRect().left));
  assert.ok(name - wrap >= 0 && name - wrap < 80, `the name stays at the left: ${name - wrap} px`);
  await page.locator('.grid-wrap').evaluate((el) => { el.scrollLeft = 0; });
  // At 1440 px, unscrolled, each row's result (composite, tier, stars) is in view beside its name.
  const inView = await page.evaluate(() => {
    const wrap = document.querySelector('.grid-wrap').getBoundingClientRect();
    const row = document.querySelector('.grid tbody tr:not(.spacer)');
    return ['.r-composite', '.r-tier', '.r-stars'].map((c) => {
      const r = row.querySelector(c).getBoundingClientRect();
      return r.left >= wrap.left && r.right <= wrap.right + 1;
    });
  });
  assert.deepEqual(inView, [true, true, true], 'the result is in view without scrolling');
  // A long formal name shows in full on hover (the cell is narrower than some names).
  assert.equal(await page.getAttribute('#c0-0', 'title'), await page.inputValue('#c0-0'));
  // A 公示 entry never splits across the notice's two columns.
  await page.click('#print');
  await page.locator('#print-preview li').first().waitFor();
  assert.equal(await page.locator('#print-preview li').first().evaluate((li) => getComputedStyle(li).breakInside), 'avoid');
  await page.click('#print-close');
  await page.check('#by-rank');
  await page.click('#add-row');
  await waitForText(page, '#row-count', '22 / 22 个组织');
  // The whole list in its order (the sort is cleared), the new row's name cell focused.
  assert.equal(await page.isChecked('#by-rank'), false);
  await page.waitForFunction(() => document.activeElement?.id === 'c21-0');
  await page.keyboard.type('第1党支部');
  await page.keyboard.press('Tab');
  // The fixture has a 第1党支部 (list row 1, shown first): it says 重名 now. The new row has no
  // result yet (its entries are missing), so its flags are not shown.
  await page.waitForFunction(() => document.querySelector('.grid tbody td.flags')?.textContent.startsWith('重名'));

  await page.locator('.grid tbody tr button', { hasText: '说明' }).first().click();
  await page.locator('#panel').waitFor();
  await page.locator('#panel button').focus();
  await page.keyboard.press('Escape');
  await page.locator('#panel').waitFor({ state: 'detached' });
  await page.click('#import');
  await page.locator('#import-dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#import-dialog').waitFor({ state: 'detached' });
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('an import over a list that is not empty says how many organizations it replaces', async () => {
  const { context, page, w } = await openList();
  await importTownship(page, township());
  await page.click('#import');
  await page.setInputFiles('#import-file', { name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(records(township().slice(0, 2))), 'utf8') });
  await page.locator('#import-apply').waitFor({ timeout: 20000 });
  await waitForText(page, '#import-replaces', '导入将替换现有 21 个组织（勾选“追加到名单末尾”可保留它们）');
  // 导入 asks first, with the focus on the question; 返回 changes nothing.
  await page.click('#import-apply');
  await waitForText(page, '#import-ask-text', '名单中已有 21 个组织。导入的 2 个组织是替换它们，还是追加到名单末尾？');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'import-replace');
  await screenshot(page, 'import-ask-1440');
  await page.click('#import-ask-back');
  await page.locator('#import-ask').waitFor({ state: 'detached' });
  await waitForText(page, '#row-count', '21 / 21 个组织');
  await page.check('#import-append');
  assert.equal(await page.locator('#import-replaces').count(), 0);
  await page.click('#import-apply');
  await waitForText(page, '#row-count', '23 / 23 个组织');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('in English the list page says so to the document: its language and its title', async () => {
  const { context, page, w } = await openList();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.title(), '定级 · 组织名单与批量定级');
  await page.click('button.lang-toggle');
  await waitForText(page, 'h1', "The committee's list");
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.title(), "Dingji · The committee's list");
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('the Excel export stores numbers as numbers and text as text, read back independently', async () => {
  const { context, page, w } = await openList();
  const orgs = township();
  await importTownship(page, orgs);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
  const book = readXlsx(readFileSync(await download.path()));
  assert.deepEqual(Object.keys(book), ['结果', '汇总表', '方案']);
  const [head, ...rows] = book['结果'];
  const at = (name) => head.indexOf(name);
  const want = expected(orgs);
  rows.forEach((row, i) => {
    const o = orgs[i];
    // Text stays text; entries, ballots and composites are numbers (SUM works on them).
    assert.equal(row[at('组织名称')], o.name);
    assert.equal(row[at('分类')], o.category);
    assert.equal(row[at('党委评定')], o.committee);
    assert.deepEqual(['好', '较好', '一般', '较差'].map((l) => row[at(`党员群众测评·${l}（票）`)]), o.ballots);
    assert.equal(row[at('自评')], o.self);
    assert.equal(row[at('综合评分')], want[i].composite / 100);
    assert.equal(row[at('等次')], want[i].tier);
  });
  // The 汇总表's counts are numbers: its 合计 row counts all 21.
  assert.equal(book['汇总表'].find((r) => r[0] === '合计')[1], 21);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

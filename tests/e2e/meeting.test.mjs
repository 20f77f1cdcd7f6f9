// End-to-end tests of what the list page prints for the evaluation meeting and after it, from
// the scheme in use: the 测评票 (one per source counted from ballots), the 党委评定表, the 自评表
// (one organization a page), and the 公示 as it is posted (its title, 公示期, 监督电话, 落款, the
// committee's own grades left out unless asked). Each printed with page.pdf() and read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedSite, watch, screenshot, waitForText, applyImport, axeViolations, pdfPages, fold, ROOT, savedWhen } from './harness.mjs';
import { township, benchOrgs, records, csv } from './fixtures.mjs';

const shared = sharedSite();

async function openList(viewport = { width: 1440, height: 1000 }) {
  const context = await shared.browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  await w.open(shared.site.url + 'list.html', '#list-scheme');
  return { context, page, w };
}

/** Imports `rows` as a CSV; sources the file has no column for are typed in after. */
async function importCsv(page, rows, count) {
  await page.click('#import');
  await page.setInputFiles('#import-file', { name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(rows), 'utf8') });
  await page.locator('#import-apply').waitFor({ timeout: 20000 });
  for (const later of await page.locator('input[id^="import-later-"]').all()) await later.check();
  await applyImport(page);
  await waitForText(page, '#row-count', `${count} / ${count} 个组织`);
}

async function openPreview(page) {
  await page.click('#print');
  await page.locator('#print-preview').waitFor();
}

/** The document chosen, printed as the browser prints it (A4), read back a page at a time. */
async function printed(page, doc) {
  await page.check(`#print-doc-${doc}`);
  await page.locator('#print-doc').waitFor();
  return pdfPages(await page.pdf({ format: 'A4' }));
}

const ORGS = township();

test('the 测评票 under scheme B: every organization on one line with a box per level, the instructions, no row split across pages', async () => {
  const { context, page, w } = await openList();
  // Sixty organizations: more than a page, so the rows meet a page break.
  const orgs = benchOrgs(60);
  await importCsv(page, records(orgs), orgs.length);
  await openPreview(page);
  await page.fill('#word-committee', '中共青山镇委员会');
  await page.fill('#word-year', '2026');
  const pages = await printed(page, 'ballots');
  await screenshot(page, 'meeting-ballots-1440');
  const all = pages.join('');
  assert.ok(pages[0].startsWith('中共青山镇委员会2026年度基层党组织分类定级民主测评票评价主体：党员群众测评'), pages[0].slice(0, 60));
  assert.ok(all.includes('请在每个党组织对应的等次栏内打“√”，每个党组织只选一项，不要署名。一个党组织多选、不选或无法辨认的，该组织的这一票无效；整张票无一有效选择的，为废票。'));
  // The header row names the scale's four levels in order (scheme B: 好, 较好, 一般, 较差), and
  // is printed again at the top of each page.
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  for (const p of pages) assert.ok(p.includes('序号党组织名称分类好较好一般较差'), p.slice(0, 80));
  // Every organization once, its row whole on one page: number, name, category, four boxes.
  orgs.forEach((o, i) => {
    const row = `${i + 1}${o.name}${o.category}□□□□`;
    assert.equal(pages.filter((p) => p.includes(row)).length, 1, `row ${row} whole on one page`);
  });
  assert.equal((all.match(/□/g) ?? []).length, orgs.length * 4);
  // Scheme B has no 不了解 level: no line about it.
  assert.ok(!all.includes('不了解'));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('a scheme with two ballot sources prints a 测评票 for each; one without any says so', async () => {
  const { context, page, w } = await openList();
  await page.selectOption('#list-scheme', 'A');
  await importCsv(page, [['组织名称', '分类'], ['红星村党支部', '村'], ['城东社区党支部', '社区']], 2);
  await openPreview(page);
  const pages = await printed(page, 'ballots');
  const forms = pages.join('\n');
  const a = JSON.parse(readFileSync(join(ROOT, 'rules', 'presets', 'a-guizhou.json'), 'utf8'));
  const votes = a.sources.filter((s) => s.input.vote);
  assert.equal(votes.length, 2);
  for (const source of votes) {
    const levels = source.input.vote.levels.map((l) => l.name.zh).join('');
    const page1 = pages.find((p) => p.includes(`评价主体：${source.name.zh}`));
    assert.ok(page1, `a form for ${source.name.zh}`);
    assert.ok(page1.includes(`序号党组织名称分类${levels}`), `${source.name.zh}'s levels as columns`);
    assert.ok(page1.includes('红星村党支部') && page1.includes('城东社区党支部'));
  }
  assert.equal(pages.length, 2, 'each form on a page of its own');
  assert.match(forms, /基层党组织分类定级民主测评票/);
  // Under scheme C (indicators only) there is no ballot to print.
  await page.click('#print-close');
  await page.locator('#print-preview').waitFor({ state: 'detached' });
  await page.selectOption('#list-scheme', 'C');
  await openPreview(page);
  await page.check('#print-doc-ballots');
  await waitForText(page, '#form-none', '本方案没有以测评票计分的评价主体，没有测评票可打印');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('the 党委评定表 has a column per source the committee scores; the 自评表 one organization a page with each indicator', async () => {
  const { context, page, w } = await openList();
  await importCsv(page, records(ORGS.slice(0, 3)), 3);
  await openPreview(page);
  await page.fill('#word-year', '2026');
  let pages = await printed(page, 'rating');
  // Scheme B: 党委评定 and 自评 are scored directly; 党员群众测评 is counted from ballots.
  assert.ok(pages[0].startsWith(fold('2026年度基层党组织分类定级党委评定表各项按百分制评分（最高 100 分），填写整数或小数。序号党组织名称分类党委评定自评备注')), pages[0]);
  assert.match(pages[0], /1第1党支部村2第2党支部社区3第3党支部机关/);
  assert.match(pages[0], /评定人（签字）/);
  await page.check('#print-doc-self-check');
  await waitForText(page, '#form-none', '本方案没有按指标评分的评价主体，没有自评表可打印');

  // Scheme C scores by seven indicators: a page per organization, each indicator with its points
  // and 评分要点.
  await page.click('#print-close');
  await page.locator('#print-preview').waitFor({ state: 'detached' });
  await page.selectOption('#list-scheme', 'C');
  await openPreview(page);
  pages = await printed(page, 'self-check');
  await screenshot(page, 'meeting-self-check-1440');
  assert.equal(pages.length, 3, 'one page each');
  const c = JSON.parse(readFileSync(join(ROOT, 'rules', 'presets', 'c-county.json'), 'utf8'));
  ORGS.slice(0, 3).forEach((o, i) => {
    const p = pages[i];
    assert.ok(p.startsWith('2026年度基层党组织分类定级自评表'), p.slice(0, 40));
    assert.ok(p.includes(`党组织名称：${o.name}`), o.name);
    for (const x of c.indicators) {
      assert.ok(p.includes(`${x.name.zh}${x.max}${x.points.zh}按要点得分`), `${o.name}: ${x.name.zh}`);
    }
    assert.ok(p.includes(fold('合计（基础分满分 100 分）')) && p.includes('党组织书记（签字）'));
  });
  assert.equal(c.indicators.reduce((sum, x) => sum + Number(x.max), 0), 100, 'the points on the form total 100');
  // One organization's form alone: its page only, numbered as in the list.
  await page.selectOption('#print-org', { label: '2 第2党支部' });
  pages = await printed(page, 'self-check');
  assert.equal(pages.length, 1);
  assert.ok(pages[0].includes('党组织名称：第2党支部'));
  // The list filtered to one category: the 测评票 for the organizations it shows. Scheme C has no
  // ballots, so B again.
  await page.click('#print-close');
  await page.locator('#print-preview').waitFor({ state: 'detached' });
  await page.selectOption('#list-scheme', 'B');
  await page.selectOption('#filter-category', { label: '社区' });
  await openPreview(page);
  await page.check('#print-doc-ballots');
  await page.selectOption('#print-org', { label: '列表中筛选显示的（1 个）' });
  pages = await printed(page, 'ballots');
  assert.equal(pages.length, 1);
  assert.ok(pages[0].includes('2第2党支部社区□□□□'), pages[0]);
  assert.ok(!pages[0].includes('第1党支部') && !pages[0].includes('第3党支部'), pages[0]);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('the 公示 as posted: title, 公示期, 监督电话, where objections go, 落款; kept with the list across a reload', async () => {
  const { context, page, w } = await openList();
  await importCsv(page, records(ORGS), ORGS.length);
  await openPreview(page);
  await page.fill('#word-committee', '中共青山镇委员会');
  await page.fill('#word-year', '2026');
  await page.fill('#word-from', '2026-12-08');
  await page.fill('#word-to', '2026-12-14');
  await page.fill('#word-phone', '0851-1234567');
  await page.fill('#word-feedback', '公示期间如有异议，请向镇党委组织办反映。');
  await page.fill('#word-signed-on', '2026-12-07');
  const pages = await printed(page, 'notice');
  await screenshot(page, 'meeting-notice-1440');
  const text = pages.join('');
  assert.match(text, /^中共青山镇委员会2026年度基层党组织分类定级结果公示/);
  assert.ok(text.includes(fold('公示期：2026-12-08 至 2026-12-14')), text);
  // The printed list numbers each name under its tier.
  assert.ok(text.includes('好（5）1.第1党支部（村，五星）2.第2党支部（社区，四星）'), text);
  assert.match(text, /公示期间如有异议，请向镇党委组织办反映。监督电话：0851-1234567中共青山镇委员会2026-12-07$/);
  // A title of its own replaces the one made from the committee and year.
  await page.fill('#word-title', '青山镇2026年度党组织定级结果公示');
  assert.match(await page.locator('#publicity h1').textContent(), /^青山镇2026年度党组织定级结果公示$/);
  assert.deepEqual(await axeViolations(page), []);
  await page.click('#print-close');
  await page.locator('#print-preview').waitFor({ state: 'detached' });
  // Kept with the list: after a reload, the preview opens with every word as written.
  await savedWhen(page, /publicity /);
  await page.reload();
  await page.locator('#list-scheme').waitFor();
  await openPreview(page);
  assert.equal(await page.inputValue('#word-committee'), '中共青山镇委员会');
  assert.equal(await page.inputValue('#word-phone'), '0851-1234567');
  assert.equal(await page.inputValue('#word-to'), '2026-12-14');
  assert.match(await page.locator('#publicity h1').textContent(), /^青山镇2026年度党组织定级结果公示$/);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('the print preview at 375 px', async () => {
  const { context, page, w } = await openList({ width: 375, height: 800 });
  await importCsv(page, records(ORGS.slice(0, 4)), 4);
  await openPreview(page);
  await page.check('#print-doc-ballots');
  await screenshot(page, 'meeting-ballots-375');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test("under a township's own scheme (满意 with 不了解, deductions, no stars) the forms follow it", async () => {
  const { context, page, w } = await openList();
  // Organizations typed in under B, then the township's scheme applied to the list from its file.
  await importCsv(page, [['组织名称', '分类'], ['红溪村党支部', '村'], ['溪口社区党支部', '社区']], 2);
  await page.click('#open-workshop');
  await page.locator('#workshop').waitFor({ timeout: 20000 });
  await page.setInputFiles('#workshop-open', join(ROOT, 'tests', 'fixtures', 'township-satisfaction.json'));
  await waitForText(page, '#workshop-start', '正在编辑：红溪镇基层党组织分类定级办法（2025年修订）（与名单现用方案对比；名单本身不变）');
  await page.click('#workshop-apply');
  // Asked first only where the change has consequences to show.
  const asked = page.locator('#apply-confirm').waitFor().then(() => page.click('#apply-confirm-yes'));
  const applied = page.locator('#workshop').waitFor({ state: 'detached' });
  await Promise.race([asked, applied]).catch(() => {});
  asked.catch(() => {});
  await page.locator('#workshop').waitFor({ state: 'detached' });
  assert.equal(await page.$eval('#list-scheme', (s) => s.selectedOptions[0].textContent), '红溪镇基层党组织分类定级办法（2025年修订）');
  await openPreview(page);
  await page.fill('#word-committee', '中共红溪镇委员会');

  // One ballot source: 群众满意度测评, its four levels, and the line on 不了解.
  let pages = await printed(page, 'ballots');
  assert.equal(pages.length, 1);
  assert.ok(pages[0].startsWith('中共红溪镇委员会基层党组织分类定级民主测评票评价主体：群众满意度测评'), pages[0].slice(0, 60));
  assert.ok(pages[0].includes('序号党组织名称分类满意基本满意不满意不了解1红溪村党支部村□□□□2溪口社区党支部社区□□□□'), pages[0]);
  assert.ok(pages[0].includes('不了解该党组织情况的，请选“不了解”：不计入有效票。'));

  // The committee scores one source directly.
  pages = await printed(page, 'rating');
  assert.ok(pages[0].includes('序号党组织名称分类镇党委评定备注1红溪村党支部村2溪口社区党支部社区'), pages[0]);

  // 日常考核 is scored by three deduction items: each says points come off, down to nil.
  pages = await printed(page, 'self-check');
  assert.equal(pages.length, 2);
  for (const [i, name] of ['红溪村党支部', '溪口社区党支部'].entries()) {
    assert.ok(pages[i].includes(`党组织名称：${name}`));
    assert.ok(pages[i].includes('评价内容分值评分要点计分方式自评得分组织建设40三会一课、组织生活会、主题党日按时开展扣分，扣完为止作风纪律30无违纪违法，无群众投诉扣分，扣完为止工作成效30完成镇党委交办的年度任务扣分，扣完为止'), pages[i]);
  }
  // No stars in this scheme: the notice names no star.
  pages = await printed(page, 'notice');
  assert.ok(!/星/.test(pages.join('')), pages.join(''));
  await screenshot(page, 'meeting-township-notice-1440');
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

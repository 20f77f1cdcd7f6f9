// End-to-end tests of 计票 (the tally): one organization's paper ballots counted from the
// keyboard as they are read out, void ballots apart, mistakes taken back, a reload in the middle,
// a second teller's pass that differs by one ballot shown and resolved, the counts sent into the
// row (its composite by hand) and undone there, the 计票记录 printed and read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedSite, watch, screenshot, waitForText, applyImport, axeViolations, pdfPages } from './harness.mjs';
import { csv } from './fixtures.mjs';

const shared = sharedSite();

async function openList(viewport = { width: 1440, height: 1000 }) {
  const context = await shared.browser.newContext({ viewport, bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  await w.open(shared.site.url + 'list.html', '#list-scheme');
  // Two organizations under scheme B: their ballots are counted at the meeting, typed in after.
  const rows = [['组织名称', '分类', '党委评定', '自评'], ['红星村党支部', '村', '90', '85'], ['幸福社区党支部', '社区', '92', '90']];
  await page.click('#import');
  await page.setInputFiles('#import-file', { name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(rows), 'utf8') });
  await page.locator('#import-apply').waitFor({ timeout: 20000 });
  for (const later of await page.locator('input[id^="import-later-"]').all()) await later.check();
  await applyImport(page);
  await waitForText(page, '#row-count', '2 / 2 个组织');
  return { context, page, w };
}

async function openTally(page) {
  await page.click('#open-tally');
  await page.locator('#tally').waitFor({ timeout: 20000 });
}

/** The keys for 61 ballots in a known order: 30 好 (1), 20 较好 (2), 6 一般 (3), 2 较差 (4), 3 void (X). */
function ballots() {
  const keys = [];
  const left = { 1: 30, 2: 20, 3: 6, 4: 2, x: 3 };
  while (Object.values(left).some((n) => n > 0)) {
    for (const k of ['1', '2', '1', '3', '2', 'x', '1', '4']) {
      if (left[k] > 0) {
        keys.push(k);
        left[k] -= 1;
      }
    }
  }
  return keys;
}

async function press(page, keys) {
  await page.locator('#tally').focus();
  for (const k of keys) await page.keyboard.press(k === 'x' ? 'x' : k);
}

const counts = (page, pass) => page.$$eval(`[id^="tally-count-${pass}-"], #tally-void-${pass}`, (cells) => cells.map((c) => Number(c.textContent)));

test('61 ballots counted by key with 3 void and 2 taken back, a reload in the middle, a second pass that differs, sent into the row', async () => {
  const { context, page, w } = await openList();
  await openTally(page);
  await page.fill('#tally-eligible', '70');
  await page.fill('#tally-teller-0', '张三');
  const keys = ballots();
  assert.equal(keys.length, 61);
  // The first 40, two mistakes each taken back with Backspace, then a reload.
  await press(page, keys.slice(0, 20));
  await press(page, ['4', 'Backspace']);
  await press(page, keys.slice(20, 40));
  await press(page, ['3', 'Backspace']);
  const before = await counts(page, 0);
  await page.waitForFunction(() => /ballots 0 /.test(localStorage.getItem('dingji.tally.v1') ?? ''));
  await page.reload();
  await page.locator('#list-scheme').waitFor();
  await openTally(page);
  assert.deepEqual(await counts(page, 0), before, 'the tally kept across the reload');
  assert.equal(await page.inputValue('#tally-teller-0'), '张三');
  // The rest, the last three by clicking the large buttons.
  await press(page, keys.slice(40, 58));
  for (const k of keys.slice(58)) await page.click(k === 'x' ? '#tally-void' : `#tally-level-${Number(k) - 1}`);
  // By hand: 好 30, 较好 20, 一般 6, 较差 2, void 3.
  assert.deepEqual(await counts(page, 0), [30, 20, 6, 2, 3]);
  await waitForText(page, '#tally-total', '有效计入 58 张，废票 3 张（不计入）');
  // Scheme B: at least 30% of 70 eligible, ⌈21⌉ = 21 ballots.
  await waitForText(page, '#tally-participation', '参加 58 张，应参加 70 人，至少需 21 张：已达到');
  await screenshot(page, 'tally-first-pass-1440');
  assert.deepEqual(await axeViolations(page), []);

  // The second teller reads one 较好 as 一般: the two levels are shown, nothing can be sent.
  await page.check('#tally-pass-1');
  await page.fill('#tally-teller-1', '李四');
  const second = [...keys];
  second[second.indexOf('2')] = '3';
  await press(page, second);
  assert.deepEqual(await counts(page, 1), [30, 19, 7, 2, 3]);
  await waitForText(page, '#tally-differ p', '两遍计票不一致：较好、一般。请复核改正，或选定一遍并写明理由后再计入');
  assert.equal(await page.locator('#tally-send').isDisabled(), true);
  await page.check('#tally-keep-0');
  assert.equal(await page.locator('#tally-send').isDisabled(), true, 'a choice needs its reason');
  await page.fill('#tally-why', '监票人复核，第二遍误读一张');
  assert.equal(await page.locator('#tally-send').isEnabled(), true);
  await screenshot(page, 'tally-differ-1440');
  assert.deepEqual(await axeViolations(page), []);

  // The 计票记录: both passes, the tellers, the choice and its reason.
  const printed = (await pdfPages(await page.pdf({ format: 'A4' }))).join('');
  assert.ok(printed.includes('基层党组织分类定级计票记录党组织：红星村党支部评价主体：党员群众测评'), printed);
  assert.ok(printed.includes('等次第一遍（计票人：张三）第二遍（计票人：李四）好3030较好2019一般67较差22废票33'), printed);
  assert.ok(printed.includes('两遍不一致，采用第一遍，理由：监票人复核，第二遍误读一张'), printed);

  // Sent into 红星村党支部's row. By hand: vote = (100×30 + 60×20 + 30×6 + 10×2) / 58 = 4400/58;
  // composite = 50% × 90 + 30% × 4400/58 + 20% × 85 = 84.7586… → 84.76 (较好 by score). It is the
  // only organization graded yet (the other waits for its ballots): ⌈5% × 1⌉ = 1 较差, so the
  // floor moves it to 较差, 不定星.
  await page.click('#tally-send');
  await page.locator('#tally').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('.notice')?.textContent.startsWith('已将计票结果计入名单；按“撤销”可取消。'));
  const exported = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const rows = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
    const at = (h) => rows[0].indexOf(h);
    return rows.slice(1).map((r) => [r[0], r[at('党员群众测评·好（票）')], r[at('党员群众测评·应参加人数')], r[at('综合评分')], r[at('等次')], r[at('星级')]]);
  };
  assert.deepEqual((await exported())[0], ['红星村党支部', '30', '70', '84.76', '较差', '不定星']);
  // One step: 撤销 takes the counts back out.
  await page.click('#undo');
  assert.deepEqual((await exported())[0].slice(0, 3), ['红星村党支部', '', '']);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

test('the tally at 375 px, by touch', async () => {
  const { context, page, w } = await openList({ width: 375, height: 800 });
  await openTally(page);
  await page.selectOption('#tally-org', { index: 1 });
  for (const id of ['#tally-level-0', '#tally-level-0', '#tally-level-1', '#tally-void']) await page.click(id);
  assert.deepEqual(await counts(page, 0), [2, 1, 0, 0, 1]);
  await screenshot(page, 'tally-375');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scroll (${width}px)`);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

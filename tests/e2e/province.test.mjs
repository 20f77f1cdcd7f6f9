// End-to-end: a province's list, taller than a browser lays out. 400,000 rows of 38 px are 15.2
// million pixels, past the grid's MAX_SCROLL (15 million; Chromium lays out no box over 33.5
// million, Firefox none over 17.8 million): the grid scrolls through a shorter box. Every row
// must still be reached by scrolling, and the last one take an edit. A list this long is taken in
// a part at a time, imported or opened again: the page says how far it is, and answers meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSite, watch, waitForText, axeViolations } from './harness.mjs';
import { csv, records, benchOrgs } from './fixtures.mjs';

const shared = sharedSite();
const N = 400000;

test('a list of 400,000 organizations goes in and opens again saying how far it is, and scrolls to its last row, which takes an edit', async () => {
  // axe injects its script: the CSP is bypassed.
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  await w.open(shared.site.url + 'list.html', '#list-scheme');
  await page.click('#import');
  const file = Buffer.from(csv(records(benchOrgs(N))), 'utf8');
  await page.setInputFiles('#import-file', { name: '全省名单.csv', mimeType: 'text/csv', buffer: file });
  await page.locator('#import-apply:not([disabled])').waitFor({ timeout: 120000 });
  // While the rows go in, the page says how far it is and answers: a timer of the page's own
  // runs every 50 ms and notes the bar, which it could not do were the page held.
  await page.evaluate(() => {
    window.__seen = [];
    window.__watch = setInterval(() => {
      const bar = document.querySelector('#taking-in:not([hidden]) #taking-in-bar');
      const said = document.querySelector('#taking-in-said')?.textContent;
      if (bar) window.__seen.push([Number(bar.value), said]);
    }, 50);
  });
  await page.click('#import-apply');
  await page.locator('#taking-in-bar').waitFor({ timeout: 60000 });
  assert.deepEqual(await axeViolations(page), [], 'axe over the import being taken in');
  await waitForText(page, '#row-count', `${N} / ${N} 个组织`, 120000);
  const seen = await page.evaluate(() => { clearInterval(window.__watch); return window.__seen; });
  goesForward(seen, 'the import');
  assert.equal(await page.locator('#taking-in').isHidden(), true, 'the bar is gone once the list is in');

  const end = await toBottom(page);
  // The box is MAX_SCROLL tall (and its header), not the rows' 15.2 million pixels.
  assert.ok(end.height < 15100000, `the box is ${end.height} px tall`);
  assert.equal(end.last, `第${N}党支部`, 'the last organization is in view at the bottom');

  // Its 党委评定 set to 100, by hand: 好 28 of 50 valid ballots, 较好 19, 一般 2, 较差 1 →
  // (100·28 + 60·19 + 30·2 + 10·1) / 50 = 80.2; 自评 70 + (399,999·17 mod 300)/10 = 88.3;
  // 50% × 100 + 30% × 80.2 + 20% × 88.3 = 91.72.
  const row = end.lastId.replace(/-\d+$/, '');
  // The saves' texts, as each is posted to the page's other windows once kept.
  await page.evaluate(() => {
    window.__saved = [];
    const channel = new BroadcastChannel('dingji.list.v1');
    channel.onmessage = (e) => window.__saved.push(e.data);
  });
  const committee = page.locator(`#${row}-2`);
  await committee.fill('100');
  await committee.press('Enter');
  await waitForText(page, `.grid tbody tr:has(#${row}-0) .composite`, '91.72', 10000);
  // Its 自评 too, while the list of 400,000 is being saved a part at a time (a save that then
  // gives way to the next). 50% × 100 + 30% × 80.2 + 20% × 100 = 94.06.
  await page.waitForTimeout(400);
  const self = page.locator(`.grid tbody tr:has(#${row}-0) input[aria-label$=" · 自评"]`);
  await self.fill('100');
  await self.press('Enter');
  await waitForText(page, `.grid tbody tr:has(#${row}-0) .composite`, '94.06', 10000);

  // Opened again once a save holds both edits (its last row has 100 twice): the page says how
  // far the reading is from the start, and the list comes back with both.
  await page.waitForFunction(
    () => window.__saved.some((text) => text.trimEnd().split('\n').at(-1).split('\t').filter((c) => c === '100').length >= 2),
    null,
    { timeout: 60000 },
  );
  await page.addInitScript(() => {
    window.__seen = [];
    const watch = setInterval(() => {
      const bar = document.querySelector('#taking-in:not([hidden]) #taking-in-bar');
      const said = document.querySelector('#taking-in-said')?.textContent;
      if (bar) window.__seen.push([Number(bar.value), said]);
      if (document.querySelector('#row-count')) clearInterval(watch);
    }, 50);
  });
  await page.reload();
  await page.locator('#taking-in-bar').waitFor({ timeout: 60000 });
  assert.deepEqual(await axeViolations(page), [], 'axe over the list being opened');
  await waitForText(page, '#row-count', `${N} / ${N} 个组织`, 120000);
  goesForward(await page.evaluate(() => window.__seen), 'the reload');
  const again = await toBottom(page);
  assert.equal(again.last, `第${N}党支部`);
  await waitForText(page, `.grid tbody tr:has(#${again.lastId.replace(/-\d+$/, '')}-0) .composite`, '94.06', 10000);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

/** The grid dragged to the bottom, as a user does, a few times while the rows catch up: its
 *  height, and the last row wholly in view (its name, and its name cell's id). */
async function toBottom(page) {
  return page.evaluate(async () => {
    const box = document.querySelector('.grid-wrap');
    for (let k = 0; k < 5; k += 1) {
      box.scrollTop = box.scrollHeight;
      await new Promise((r) => setTimeout(r, 300));
    }
    const frame = box.getBoundingClientRect();
    const shown = [...document.querySelectorAll('.grid tbody tr:not(.spacer)')].filter((tr) => {
      const r = tr.getBoundingClientRect();
      return r.top >= frame.top && r.bottom <= frame.bottom + 1;
    });
    return {
      height: box.scrollHeight,
      last: shown.at(-1)?.querySelector('input')?.value,
      lastId: shown.at(-1)?.querySelector('input')?.id,
    };
  });
}

/** The bar's values `seen` (each with the words beside it) go from low to high, through every
 *  stage, many times over: the page answered between the steps. */
function goesForward(seen, what) {
  const values = seen.map(([v]) => v);
  assert.ok(new Set(values).size >= 5, `${what}: the bar moved ${JSON.stringify(values)}`);
  assert.ok(values.every((v, i) => i === 0 || v >= values[i - 1]), `${what}: the bar only goes forward ${JSON.stringify(values)}`);
  assert.ok(values[0] < 25 && values.at(-1) >= 75, `${what}: from reading to grading ${JSON.stringify(values)}`);
  const words = new Set(seen.map(([, said]) => said));
  for (const word of ['正在读取名单……', '正在逐行评分……']) {
    assert.ok(words.has(word), `${what}: “${word}” said, in ${JSON.stringify([...words])}`);
  }
}

test('a list of 60,000 reopened just after an edit, while its save is still being written, keeps the edit', async () => {
  const M = 60000;
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  await w.open(shared.site.url + 'list.html', '#list-scheme');
  await page.click('#import');
  await page.setInputFiles('#import-file', { name: '县名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(records(benchOrgs(M))), 'utf8') });
  await page.locator('#import-apply:not([disabled])').waitFor({ timeout: 120000 });
  await page.click('#import-apply');
  await waitForText(page, '#row-count', `${M} / ${M} 个组织`, 120000);
  // Reopened at moments around the save (it begins 300 ms after the edit, then is written and
  // kept): going away, the page saves at once what the database does not hold yet.
  for (const [k, wait] of [320, 340, 360, 420].entries()) {
    const score = String(90 + k);
    await page.fill('#c0-2', score);
    await page.press('#c0-2', 'Enter');
    await page.waitForTimeout(wait);
    await page.reload();
    await waitForText(page, '#row-count', `${M} / ${M} 个组织`, 120000);
    assert.equal(await page.inputValue('#c0-2'), score, `reopened ${wait} ms after the edit`);
  }
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

// End-to-end: a province's list, taller than a browser lays out. 400,000 rows of 38 px are 15.2
// million pixels, past the grid's MAX_SCROLL (15 million; Chromium lays out no box over 33.5
// million, Firefox none over 17.8 million): the grid scrolls through a shorter box. Every row
// must still be reached by scrolling, and the last one take an edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSite, watch, waitForText } from './harness.mjs';
import { csv, records, benchOrgs } from './fixtures.mjs';

const shared = sharedSite();
const N = 400000;

test('a list of 400,000 organizations scrolls to its last row, which takes an edit', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  await w.open(shared.site.url + 'list.html', '#list-scheme');
  await page.click('#import');
  const file = Buffer.from(csv(records(benchOrgs(N))), 'utf8');
  await page.setInputFiles('#import-file', { name: '全省名单.csv', mimeType: 'text/csv', buffer: file });
  await page.locator('#import-apply:not([disabled])').waitFor({ timeout: 120000 });
  await page.click('#import-apply');
  await waitForText(page, '#row-count', `${N} / ${N} 个组织`, 120000);

  // Dragged to the bottom, as a user does, a few times while the rows catch up.
  const end = await page.evaluate(async () => {
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
  // The box is MAX_SCROLL tall (and its header), not the rows' 15.2 million pixels.
  assert.ok(end.height < 15100000, `the box is ${end.height} px tall`);
  assert.equal(end.last, `第${N}党支部`, 'the last organization is in view at the bottom');

  // Its 党委评定 set to 100, by hand: 好 28 of 50 valid ballots, 较好 19, 一般 2, 较差 1 →
  // (100·28 + 60·19 + 30·2 + 10·1) / 50 = 80.2; 自评 70 + (399,999·17 mod 300)/10 = 88.3;
  // 50% × 100 + 30% × 80.2 + 20% × 88.3 = 91.72.
  const row = end.lastId.replace(/-\d+$/, '');
  const committee = page.locator(`#${row}-2`);
  await committee.fill('100');
  await committee.press('Enter');
  await waitForText(page, `.grid tbody tr:has(#${row}-0) .composite`, '91.72', 10000);
  assert.deepEqual(await w.finish(), []);
  await context.close();
});

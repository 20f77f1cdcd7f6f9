// The release dist/ as a user meets it: served on 127.0.0.1 at the root and under a sub-path,
// loaded in headless Chromium, used, and watched for any request or error it should not make.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, watch, screenshot, waitForText } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

for (const prefix of ['/', '/apps/dingji/']) {
  test(`pick a scheme, type a score, see the tier (served at ${prefix})`, async () => {
    const site = await serveDist(prefix);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const watcher = await watch(page, site);
    try {
      await watcher.open();
      assert.equal(await page.title(), '定级 · 基层党组织分类定级计算器');

      // Scheme A, domain.md: 94.996 rounds to 95.00 → 很好; 94.994 rounds to 94.99 → 好.
      await page.selectOption('#scheme', 'A');
      await page.fill('#composite', '94.996');
      await waitForText(page, '#tier', '很好');
      await waitForText(page, '#rounded', '95.00');
      await page.fill('#composite', '94.994');
      await waitForText(page, '#tier', '好');
      await waitForText(page, '#comparison', '85 ≤ 94.99 < 95 → 好');

      // Scheme B: 89.175 → 89.18, 80 ≤ 89.18 < 90 → 较好.
      await page.selectOption('#scheme', 'B');
      await page.fill('#composite', '89.175');
      await waitForText(page, '#tier', '较好');
      await waitForText(page, '#rounding', '89.175 → 89.18（四舍五入到两位小数）');
      await waitForText(page, '#comparison', '80 ≤ 89.18 < 90 → 较好');
      await waitForText(page, 'tr.current th', '较好');
      if (prefix === '/') await screenshot(page, 'tier-1440');

      // A typo is named, not guessed at; a score above 100 is out of range.
      await page.fill('#composite', '89,5');
      await waitForText(page, '#composite-error', '「综合评分」不是数字：“89,5”。请输入如 89.5 的数字');
      await waitForText(page, '#tier', '—');
      await page.fill('#composite', '100.5');
      await waitForText(page, '#composite-error', '「综合评分」应在 0 到 100 之间，现为 100.5');

      // Narrow phone width.
      await page.setViewportSize({ width: 375, height: 800 });
      await page.fill('#composite', '59.995');
      await waitForText(page, '#tier', '一般');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than a 375px screen`);
      if (prefix === '/') await screenshot(page, 'tier-375');

      const problems = await watcher.finish();
      assert.deepEqual(problems, [], problems.join('\n'));
      assert.ok(watcher.requests.some((u) => u.endsWith('.wasm')), 'the wasm module was fetched');
    } finally {
      await context.close();
      await site.close();
    }
  });
}

test('the English toggle switches the interface and back', async () => {
  const site = await serveDist('/');
  const context = await browser.newContext();
  const page = await context.newPage();
  const watcher = await watch(page, site);
  try {
    await watcher.open();
    await page.fill('#composite', '92');
    await waitForText(page, '#tier', '好');
    await page.click('button.lang-toggle');
    await waitForText(page, 'h1', 'Grassroots Party organization grading calculator');
    await waitForText(page, '#tier', 'Good');
    await waitForText(page, '#rounding', '92 → 92.00（rounded half up to 2 decimals）');
    await page.click('button.lang-toggle');
    await waitForText(page, '#tier', '好');
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

// The first load's size: every file the page fetches when it opens, gzip -9, against the budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveDist, launchBrowser, watch, DIST } from './harness.mjs';

const BUDGET_KIB = 150;

test(`the first load is at most ${BUDGET_KIB} KiB gzip`, async () => {
  const site = await serveDist('/');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const watcher = await watch(page, site);
    await watcher.open();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await watcher.finish(), []);

    const fetched = [...new Set(watcher.requests.map((u) => new URL(u).pathname.slice(1) || 'index.html'))];
    let total = 0;
    const rows = fetched.map((rel) => {
      const body = readFileSync(join(DIST, rel));
      const gz = gzipSync(body, { level: 9 }).length;
      total += gz;
      return `  ${rel.padEnd(44)} ${String(body.length).padStart(9)} B  ${String(gz).padStart(8)} B gzip`;
    });
    console.log(`first load (${fetched.length} files):\n${rows.join('\n')}\n  total ${(total / 1024).toFixed(1)} KiB gzip (budget ${BUDGET_KIB} KiB)`);
    assert.ok(total <= BUDGET_KIB * 1024, `first load is ${(total / 1024).toFixed(1)} KiB gzip, over the ${BUDGET_KIB} KiB budget`);
  } finally {
    await browser.close();
    await site.close();
  }
});

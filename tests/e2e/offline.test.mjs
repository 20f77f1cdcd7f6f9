// Offline after the first visit: the service worker (assets/sw.js, its list written by
// post-build) keeps every file of the release once a page has been opened; with the network gone
// both pages reload and the working, the import dialog and the workshop, each loaded on first use,
// still come. A new release deployed at the same address takes over whole on the next visit (its
// pages, its files, the old cache gone) and says so once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serveDist, launchBrowser, waitForText, screenshot } from './harness.mjs';

/** Waits until the page is controlled by the service worker, every file of the release cached. */
async function kept(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('offline after the first visit: both pages reload, and the working, the import dialog and the workshop still come', async () => {
  const site = await serveDist('/');
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(site.url);
    await page.locator('#composite').waitFor();
    await kept(page);
    const cached = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('dingji-')));
    assert.equal(cached.length, 1);

    await context.setOffline(true);
    await page.reload();
    await page.fill('#score-committee', '92');
    for (const [level, count] of ['30', '15', '4', '1'].entries()) await page.fill(`#count-vote-${level}`, count);
    await page.fill('#score-self', '95');
    await waitForText(page, '#composite', '89.18');
    await waitForText(page, '#tier', '较好');
    // The worker, fetched on first use: from the cache.
    await page.click('#show-why');
    await page.locator('#steps li').first().waitFor({ timeout: 15000 });
    assert.ok((await page.locator('#steps li').allTextContents()).includes('较好 → 三星'));

    // The list page, never opened online in this browser: its files were kept too.
    await page.goto(site.url + 'list.html');
    await page.locator('#list-scheme').waitFor({ timeout: 15000 });
    await page.click('#import');
    await page.locator('#import-file').waitFor({ timeout: 15000 });
    await page.setInputFiles('#import-file', { name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from('组织名称,分类,党委评定,党员群众测评,自评\r\n红星村党支部,村,92,80.6,95\r\n', 'utf8') });
    await page.locator('#import-apply').waitFor({ timeout: 20000 });
    await page.click('#import-apply');
    await waitForText(page, '#row-count', '1 / 1 个组织');
    await page.click('#open-workshop');
    await page.locator('#workshop').waitFor({ timeout: 20000 });
    await screenshot(page, 'offline-workshop');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await site.close();
  }
});

test('a new release deployed at the same address takes over whole on the next visit, and says so once', async () => {
  const next = mkdtempSync(join(tmpdir(), 'dingji-next-'));
  cpSync(DIST, next, { recursive: true });
  // The next release: another page and another service worker version (as a build writes them).
  const html = readFileSync(join(next, 'index.html'), 'utf8').replace('<meta charset=utf-8>', '<meta charset=utf-8><meta name=dingji-release content=next>');
  assert.ok(html.includes('dingji-release'));
  writeFileSync(join(next, 'index.html'), html);
  const sw = readFileSync(join(next, 'sw.js'), 'utf8').replace(/const VERSION = 'dingji-[0-9a-f]+'/, "const VERSION = 'dingji-0000000000000001'");
  writeFileSync(join(next, 'sw.js'), sw);

  const site = await serveDist('/');
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(site.url);
    await page.locator('#composite').waitFor();
    await kept(page);
    const first = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('dingji-')));
    assert.equal(first.length, 1);

    site.deploy(next);
    await page.goto(site.url);
    await page.locator('#updated').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('#updated').textContent(), '已更新到新版本。Updated to the new version.');
    assert.equal(await page.getAttribute('meta[name="dingji-release"]', 'content'), 'next', 'the new release\'s page');
    assert.deepEqual(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('dingji-'))), ['dingji-0000000000000001']);
    await screenshot(page, 'offline-updated');
    // Said once: the visit after that is quiet.
    await page.reload();
    await page.locator('#composite').waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#updated').count(), 0);
  } finally {
    await browser.close();
    await site.close();
    rmSync(next, { recursive: true, force: true });
  }
});

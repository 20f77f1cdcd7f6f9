// Opened from the disk (file://: a shared folder, a USB stick, an e-mail attachment), where the
// browser refuses the app's module script and its wasm: each page says why, in Chinese first, and
// is never blank or shows the browser's own words, and points to the portable files
// (tests/e2e/portable.test.mjs) and to a web address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launchBrowser, screenshot } from './harness.mjs';

for (const [file, name] of [['index.html', 'calculator'], ['list.html', 'list']]) {
  test(`the ${name} page opened from the disk says to use the portable files or a web address`, async () => {
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(join(DIST, file)).href);
    const said = page.locator('#start-failed');
    await said.waitFor({ timeout: 10000 });
    const text = await said.textContent();
    assert.match(text, /^本页面是从磁盘直接打开的（file:\/\/），浏览器不允许这样打开的页面载入程序，所以无法运行。请改用单机版：portable 文件夹中的 index.html 与 list.html/);
    assert.match(text, /或通过网址打开/);
    assert.match(text, /This page was opened from the disk \(file:\/\/\).*Use the portable files instead/);
    assert.doesNotMatch(text, /TypeError|Failed to fetch/);
    assert.equal(await said.isVisible(), true);
    await screenshot(page, `file-url-${name}`);
    await browser.close();
  });
}

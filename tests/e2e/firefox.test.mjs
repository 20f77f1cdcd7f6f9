// The hosted build in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi, browsers.mjs), for
// what differs between browsers: module and no-modules bundles, the workers and their wasm, the
// sheets worker's file reading, downloads made from blobs, the service worker and the frame
// refusal. The rest of the suite runs in Chromium. Expected values are domain.md's worked example
// and hand arithmetic under scheme B.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist } from './harness.mjs';
import { firefox, hasFirefox, until, exportedRows, importFile, workedExample } from './browsers.mjs';
import { csv, gbk } from './fixtures.mjs';

const skip = !hasFirefox && 'no Firefox';
// The site's own files, and what the page makes itself.
const own = (site) => (u) => u.startsWith(site.origin + '/') || u.startsWith('blob:') || u.startsWith('data:');

// By hand under scheme B: 红星村 46 + 24.18 + 19 = 89.18 → 较好; 幸福社区 vote (4500 + 300) ÷ 50
// = 96, 47.5 + 28.8 + 19.2 = 95.5 → 好; 某企业 vote (1000 + 1200 + 450 + 50) ÷ 50 = 54,
// 35 + 16.2 + 16 = 67.2 → 一般, the lowest of 3: ⌈5% × 3⌉ = 1 → 较差.
const CSV = join(mkdtempSync(join(tmpdir(), 'dingji-firefox-')), '定级.csv');
writeFileSync(CSV, gbk(csv([
  ['党组织名称', '类型', '镇党委评分', '好', '较好', '一般', '较差', '自评分'],
  ['红星村党支部', '村', '92', '30', '15', '4', '1', '95'],
  ['幸福社区党支部', '社区', '95', '45', '5', '0', '0', '96'],
  ['某企业党支部', '企业', '70', '10', '20', '15', '5', '80'],
])));

test('Firefox: the calculator under a sub-path grades, explains from its worker, answers the JS API, turns English', { skip }, async () => {
  const site = await serveDist('/apps/dingji/');
  const browser = await firefox();
  try {
    const page = await browser.open(site.url, own(site));
    await page.wait('#composite');
    await workedExample(page);
    await page.click('button.lang-toggle');
    await until(page, 'h1', 'Grassroots Party organization grading calculator');
    assert.deepEqual(await page.finish(), []);
  } finally {
    await browser.close();
    await site.close();
  }
});

test('Firefox: the list page imports a GBK CSV, exports Excel, prints, keeps the list, and works offline after', { skip }, async () => {
  const site = await serveDist('/');
  const browser = await firefox();
  try {
    const page = await browser.open(site.url + 'list.html', own(site));
    await page.wait('#list-scheme');
    await importFile(page, CSV);
    await until(page, '#row-count', '3 / 3 个组织');
    assert.deepEqual(await exportedRows(page), [
      ['红星村党支部', '89.18', '较好'],
      ['幸福社区党支部', '95.5', '好'],
      ['某企业党支部', '67.2', '较差'],
    ]);
    await page.click('#print');
    await page.wait('#print-preview');
    assert.deepEqual(await page.finish(), []);
    // Kept by the service worker once the page has loaded: with the server gone, the page and
    // the tools still come, and the saved list with them.
    await page.p.evaluate(() => navigator.serviceWorker.ready);
    await page.until(() => navigator.serviceWorker.controller !== null);
    await site.close();
    const again = await browser.open(site.url + 'list.html', own(site));
    await until(again, '#row-count', '3 / 3 个组织');
    await again.click('#open-workshop');
    await again.wait('#workshop');
    assert.deepEqual(await again.finish(), []);
  } finally {
    await browser.close();
    await site.close().catch(() => {});
  }
});

test('Firefox: both pages framed by another origin show their message and nothing else', { skip }, async () => {
  const site = await serveDist('/');
  const frames = ['index.html', 'list.html'].map((f) => `<iframe src="${site.url}${f}" title="${f}"></iframe>`).join('');
  const other = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Another site</title>${frames}`));
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  const browser = await firefox();
  try {
    const page = await browser.open(`http://127.0.0.1:${other.address().port}/`, () => true);
    await page.until(() => document.querySelectorAll('iframe').length === 2);
    let ours = [];
    for (let tries = 0; ours.length < 2 && tries < 100; tries++) {
      ours = page.p.frames().filter((f) => f.url().startsWith(site.url));
      if (ours.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(ours.length, 2);
    for (const frame of ours) {
      await frame.waitForSelector('#framed', { timeout: 15000 });
      assert.match(await frame.$eval('#framed', (e) => e.textContent), /本页面被嵌入在另一个网站的页面中/);
      // Nothing of the app is there to click.
      assert.equal(await frame.$('#composite, #list-scheme, button'), null);
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => other.close(resolve));
    await site.close();
  }
});

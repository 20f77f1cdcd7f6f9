// Framed by another origin (issue 31): a page on another port of 127.0.0.1 lays both pages in
// frames under its own. Each page shows only its message, with a link that opens it on its own;
// clicks where its controls would be, and a scheme link in the frame's address, change nothing
// saved. Screenshots at 1440 and 375 px; axe on the message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { sharedSite, screenshot, axeViolations } from './harness.mjs';

const shared = sharedSite();

/** A page of another origin that frames `urls`, one frame each. */
async function framingSite(urls) {
  const frames = urls
    .map((u, i) => `<iframe src="${u}" title="frame ${i}" width="700" height="420"></iframe>`)
    .join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head>
<body><main><h1>Another site</h1><button type="button">Win a prize</button>${frames}</main></body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Everything the app's origin keeps in local storage and its databases, read from a file of the origin that is
 *  not an app (so that reading it saves nothing). */
async function saved(context) {
  const page = await context.newPage();
  await page.goto(shared.site.url + 'favicon.svg');
  const all = await page.evaluate(async () => ({
    ...Object.fromEntries(Object.entries(localStorage)),
    ...Object.fromEntries((await indexedDB.databases()).map((d) => [`database ${d.name}`, d.version])),
  }));
  await page.close();
  return all;
}

for (const width of [1440, 375]) {
  test(`both pages framed by another origin show their message and take no input (${width} px)`, async () => {
    const app = shared.site.url;
    // The list page with a scheme link in its address: the decoy of the security review.
    const scheme = 'scheme=eyJmb3JtYXQiOjF9';
    const other = await framingSite([`${app}index.html`, `${app}list.html#${scheme}`]);
    const context = await shared.browser.newContext({ viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(other.url);
      const frames = () => page.frames().filter((f) => f.url().startsWith(app));
      await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
      for (let tries = 0; frames().length < 2 && tries < 50; tries++) await page.waitForTimeout(100);
      assert.equal(frames().length, 2);
      for (const frame of frames()) {
        await frame.locator('#framed').waitFor({ timeout: 15000 });
        const said = await frame.locator('#framed').textContent();
        assert.match(said, /本页面被嵌入在另一个网站的页面中/);
        assert.match(said, /This page is shown inside another site's page/);
        // The link opens the page itself, on its own.
        const link = frame.locator('#framed-open');
        assert.equal(await link.getAttribute('target'), '_blank');
        assert.equal(new URL(await link.getAttribute('href')).origin, new URL(app).origin);
        // No app: no inputs, no buttons of the app.
        assert.equal(await frame.locator('input, select, textarea, button').count(), 0);
      }
      await screenshot(page, `framed-${width}`);
      // Clicks all over each frame, where the app's controls would be.
      for (const handle of await page.locator('iframe').elementHandles()) {
        const box = await handle.boundingBox();
        for (const [x, y] of [[0.2, 0.2], [0.5, 0.3], [0.8, 0.5], [0.5, 0.8]]) {
          await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
        }
      }
      await page.waitForTimeout(500);
      assert.deepEqual(await saved(context), {}, 'nothing saved by the framed pages');
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await other.close();
    }
  });
}

test('opened on its own, each page works as before', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(shared.site.url);
    await page.locator('#composite').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('#framed').count(), 0);
    await page.goto(shared.site.url + 'list.html');
    await page.locator('#list-scheme').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('#framed').count(), 0);
  } finally {
    await context.close();
  }
});

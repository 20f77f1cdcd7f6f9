// Benchmark (not a test): each page ready on a poor county link, beside its transfer floor.
// The link is Chromium's own throttling: 1.6 Mbit/s down, 150 ms round trip, a PC 4× slower than
// this one; the cache cold (a new context a run). The release dist/ is served gzipped, as an
// intranet server sends it. For each page: the time from navigation to its first screen ready
// (the calculator's result, the list page's scheme select), the bytes that crossed the wire, and
// the floor those bytes allow (bytes ÷ bandwidth + three round trips); the ratio is the figure
// DEVELOPERS.md holds under 1.3×. Medians of five runs.
//
//   node tests/e2e/bench-load.mjs            (RUNS=5 by default)
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, distFiles, launchBrowser } from './harness.mjs';
import { record } from './bench-record.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const BANDWIDTH = 1.6e6 / 8; // bytes a second
const RTT = 0.15; // seconds
const CPU = 4;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** dist/ served gzipped (every file compressed once, as nginx's gzip_static would serve it). */
async function serveGzipped() {
  const files = new Map(distFiles().map((rel) => [rel, gzipSync(readFileSync(join(DIST, rel)), { level: 9 })]));
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(1) || 'index.html';
    const body = files.get(rel);
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
      'content-encoding': 'gzip',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** One cold load of `path` under the throttling: seconds to `ready`, and the bytes transferred. */
async function load(browser, url, ready) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: RTT * 1000,
    downloadThroughput: BANDWIDTH,
    uploadThroughput: BANDWIDTH,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
  });
  const start = Date.now();
  await page.goto(url);
  await page.locator(ready).waitFor({ timeout: 120000 });
  const seconds = (Date.now() - start) / 1000;
  await context.close();
  return { seconds, bytes };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const site = await serveGzipped();
const browser = await launchBrowser();
try {
  for (const [what, path, ready] of [
    ['calculator (index.html)', '', '#composite'],
    ['list page (list.html)', 'list.html', '#list-scheme'],
  ]) {
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await load(browser, site.url + path, ready));
    const seconds = median(runs.map((r) => r.seconds));
    const bytes = median(runs.map((r) => r.bytes));
    const floor = bytes / BANDWIDTH + 3 * RTT;
    record(`load ${what}: ready on the county link`, seconds, 's', { name: 'its transfer floor', value: floor });
    console.log(
      `load ${what}: ready in ${seconds.toFixed(2)} s (median of ${RUNS}; runs ${runs.map((r) => r.seconds.toFixed(2)).join(', ')}); ` +
        `${(bytes / 1024).toFixed(1)} KiB transferred, floor ${floor.toFixed(2)} s; ratio ${(seconds / floor).toFixed(2)}× (goal ≤ 1.3×)`,
    );
  }
} finally {
  await browser.close();
  await site.close();
}

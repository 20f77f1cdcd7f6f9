// Benchmark (not a timed test; run by scripts/bench.sh): a block copied from Excel pasted into the
// list page of the release dist/, in headless Chromium. The block is read in the tools bundle
// (src/bin/tools.rs, fetched on the first paste); timed in the page from the paste event to the
// notice "已粘贴 N 行" on screen (the next frame): the first paste (the bundle fetched and
// started), a second one over the same rows (the bundle warm), and two of its lines pasted into
// the list then full (a clerk mending a few rows of a long list). DINGJI_DIST serves another
// build (the one before the move, for the baseline beside it).
import { serveDist, launchBrowser, watch } from './harness.mjs';
import { records, benchOrgs } from './fixtures.mjs';
import { record, plainUnit } from './bench-record.mjs';

const sizes = (process.env.BENCH_PASTE ?? '1000,10000').split(',').map(Number);
const site = await serveDist('/');
const browser = await launchBrowser();
try {
  for (const n of sizes) {
    const tsv = records(benchOrgs(n))
      .slice(1)
      .map((r) => r.join('\t'))
      .join('\r\n');
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const watcher = await watch(page, site);
    await watcher.open(site.url + 'list.html', '#list-scheme');
    const times = [];
    const unit = await plainUnit(page);
    // The block, again over the same rows; then two lines of it into the list now full.
    const two = tsv.split('\r\n').slice(0, 2).join('\r\n');
    for (const [round, text] of [['first', tsv], ['second', tsv], ['two rows', two]]) {
      // The notice of the round before is dismissed: the next one is this paste's.
      await page.evaluate(() => document.querySelector('#notice button')?.click());
      await page.waitForFunction(() => !document.querySelector('#notice'));
      await page.focus('.grid-wrap');
      const ms = await page.evaluate(
        (text) =>
          new Promise((resolve) => {
            const start = performance.now();
            const done = () => {
              if (document.querySelector('#notice p')?.textContent.startsWith('已粘贴')) {
                requestAnimationFrame(() => resolve(performance.now() - start));
              } else {
                requestAnimationFrame(done);
              }
            };
            const data = new DataTransfer();
            data.setData('text/plain', text);
            document.activeElement.dispatchEvent(
              new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
            );
            done();
          }),
        text,
      );
      times.push(`${round} ${ms.toFixed(0)} ms`);
      record(`paste of ${n} rows, ${round} → on screen`, ms, 'ms', unit);
    }
    const rows = await page.locator('#row-count').textContent();
    console.log(`paste of ${n} rows (${rows.trim()}): ${times.join(', ')}`);
    const problems = await watcher.finish();
    if (problems.length) throw new Error(problems.join('\n'));
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}

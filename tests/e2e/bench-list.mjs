// Benchmark (not a timed test; run by scripts/bench.sh): the list page with 10,000 organizations
// in the release dist/, in headless Chromium.
//  - import: a 10,000-row .xlsx (the fixture writer's), timed in the page (not counting the test
//    driver's own latency): from the file input's change to the column mapping shown (the file
//    read, sent to the sheets worker, read there and back, its first 2,000 rows read), to every
//    row checked (导入 enabled: the rest read once the dialog is painted), and from the click on
//    "导入" to the graded list on screen (the next frame after the row count shows 10,000);
//  - edit: one cell changed (its change event) → every result updated in the DOM, over 20 edits;
//  - the DOM holds only the rows in view.
import { serveDist, launchBrowser, watch } from './harness.mjs';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { records, xlsx, csv, benchOrgs } from './fixtures.mjs';
import { record, plainUnit } from './bench-record.mjs';

// BENCH_N sets the list size (the issue asks for 10,000, 100,000 and 1,000,000); BENCH_FORMAT
// the file's kind (xlsx, or csv: UTF-8 as WPS saves it).
const N = Number(process.env.BENCH_N) || 10000;
const FORMAT = process.env.BENCH_FORMAT === 'csv' ? 'csv' : 'xlsx';
const orgs = benchOrgs(N);
const book = FORMAT === 'csv'
  ? Buffer.from(csv(records(orgs)), 'utf8')
  : xlsx([{ name: '名单', rows: records(orgs) }]);
// Chosen from a file on disk, as a user does: playwright carries no buffer over 50 MB.
const dir = mkdtempSync(join(tmpdir(), 'dingji-bench-'));
const file = join(dir, `名单.${FORMAT}`);
writeFileSync(file, book);
const kind = `.${FORMAT}`;

const site = await serveDist('/');
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const watcher = await watch(page, site);
  await watcher.open(site.url + 'list.html', '#list-scheme');
  await page.click('#import');
  // The worker starts when the dialog opens; a user takes longer than this to find the file.
  await page.waitForTimeout(1500);
  await page.evaluate((n) => {
    window.__t = {};
    document.addEventListener('change', (e) => {
      if (e.target.id === 'import-file') window.__t.chosen = performance.now();
    }, true);
    document.addEventListener('click', (e) => {
      if (e.target.id === 'import-apply') window.__t.apply = performance.now();
    }, true);
    new MutationObserver(() => {
      if (!window.__t.mapped && document.querySelector('#import-apply')) window.__t.mapped = performance.now();
      if (!window.__t.checked && document.querySelector('#import-apply:not([disabled])')) window.__t.checked = performance.now();
      if (!window.__t.listed && document.querySelector('#row-count')?.textContent.startsWith(`${n} / ${n}`)) {
        window.__t.listed = performance.now();
        requestAnimationFrame(() => { window.__t.frame = performance.now(); });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, N);
  await page.setInputFiles('#import-file', file);
  await page.locator('#import-apply:not([disabled])').waitFor({ timeout: 600000 });
  await page.click('#import-apply');
  await page.waitForFunction(() => window.__t.frame, null, { timeout: 600000 });
  const t = await page.evaluate(() => window.__t);
  const toMapping = Math.round(t.mapped - t.chosen);
  const toChecked = Math.round(t.checked - t.chosen);
  const toList = Math.round(t.frame - t.apply);
  const rowsInDom = await page.locator('.grid tbody tr:not(.spacer)').count();

  const edits = await page.evaluate(async () => {
    const out = [];
    for (let i = 0; i < 20; i++) {
      const input = document.querySelector('#c0-2');
      const total = document.querySelector('#summary-table tr.total');
      const composite = document.querySelector('.grid tbody tr:not(.spacer) .composite');
      const before = composite.textContent + total.textContent;
      const updated = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (composite.textContent + total.textContent !== before) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.body, { childList: true, characterData: true, subtree: true });
      });
      const t = performance.now();
      input.value = String(i % 2 ? 99 : 10 + i);
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const done = await Promise.race([updated, new Promise((r) => setTimeout(() => r(NaN), 5000))]);
      out.push(done - t);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  });
  // A change → kept in the browser's database: the save's own message to the page's other
  // windows (a channel of this page's own hears it) is posted once the write is kept.
  await page.waitForTimeout(3000); // the edits' own saves done
  const toSaved = await page.evaluate(async () => {
    const channel = new BroadcastChannel('dingji.list.v1');
    const saved = new Promise((resolve) => { channel.onmessage = () => resolve(performance.now()); });
    const input = document.querySelector('#c0-2');
    const t = performance.now();
    input.value = '77';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const done = await Promise.race([saved, new Promise((r) => setTimeout(() => r(NaN), 300000))]);
    channel.close();
    return Math.round(done - t);
  });
  // A reload → the saved list graded on screen, from the new page's navigation start.
  await page.addInitScript((n) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('#row-count')?.textContent.startsWith(`${n} / ${n}`)) {
        observer.disconnect();
        requestAnimationFrame(() => { window.__reloaded = performance.now(); });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, N);
  await page.reload();
  await page.waitForFunction(() => window.__reloaded, null, { timeout: 600000 });
  const toReloaded = Math.round(await page.evaluate(() => window.__reloaded));
  const sorted = edits.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  // Beside plain JS in the same page at 10,000; beside the same step at 10,000 above that.
  const unit = N === 10000 ? await plainUnit(page) : undefined;
  const of = (step) => unit ?? { of: `list of 10000: ${step}` };
  record(`list of ${N}: ${kind} chosen → columns mapped`, toMapping, 'ms', of(`${kind} chosen → columns mapped`));
  record(`list of ${N}: ${kind} chosen → every row checked (导入 enabled)`, toChecked, 'ms', of(`${kind} chosen → every row checked (导入 enabled)`));
  record(`list of ${N}: 导入 → graded list on screen`, toList, 'ms', of('导入 → graded list on screen'));
  record(`list of ${N}: one cell edited → every result in the DOM, p50`, pct(50), 'ms', of('one cell edited → every result in the DOM, p50'));
  console.log(`list of ${N}: ${kind} (${(book.length / 1024 / 1024).toFixed(1)} MB) chosen → columns mapped ${toMapping} ms, every row checked ${toChecked} ms; 导入 → graded list on screen ${toList} ms; total ${toMapping + toList} ms (goal ≤ 2000)`);
  console.log(`list of ${N}: one cell edited → every result updated: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, ${sorted.length}/20 edits seen (goal ≤ 100)`);
  record(`list of ${N}: a change → kept in the browser's database`, toSaved, 'ms', of("a change → kept in the browser's database"));
  record(`list of ${N}: reload → the saved list graded on screen`, toReloaded, 'ms', of('reload → the saved list graded on screen'));
  console.log(`list of ${N}: ${rowsInDom} rows in the DOM`);
  console.log(`list of ${N}: a change → kept in the browser's database ${toSaved} ms (300 ms of it the wait for more typing); reload → the saved list graded on screen ${toReloaded} ms (goal ≤ 2000)`);
  const problems = await watcher.finish();
  if (problems.length) throw new Error(problems.join('\n'));
} finally {
  await browser.close();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
}

// The first load's size: every file the page fetches when it opens, gzip -9, against the budget
// (the calculator, index.html). The list page (list.html), reached by its link, is measured the
// same way against a ceiling of its own, so that it does not grow unnoticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveDist, launchBrowser, watch, DIST } from './harness.mjs';

const BUDGET_KIB = 150;
// A ceiling that keeps the list page from growing unnoticed, not its budget: the budget of 150
// (issue 9) is not met yet. 186 (was 199): the import dialog is in a bundle of its own,
// loaded on first use (src/bin/tools.rs; −18 KiB), which paid for the clerks' files (issue 11),
// the scheme workshop's button and a list kept under a scheme applied from it (issue 10: the
// scheme read back from the saved list and checked, +3.2 KiB); the exports (−5.6 KiB) and the
// 公示 preview (−1.7 KiB) moved there too, which paid for a scheme opened from a link (+1.0 KiB)
// and an override's consequences asked and shown (issue 13, +5.5 KiB with the rules' second pass).
// 187 (was 186): English that is English (issue 13): a refused cell or paste said in the page's
// language (+0.6 KiB), an error's field named in it (+0.6 KiB), the presets read again when the
// English comes in (+0.6 KiB); the presets' English itself moved out to the catalogue (−1.4 KiB).
// 183 (was 187): a paste is read in the tools bundle, fetched on the first paste (the clerks'
// header words, the placing of a pasted block and its reading: −4.5 KiB).
const LIST_CEILING_KIB = 183;

async function firstLoad(what, path, ready, budget) {
  const site = await serveDist('/');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const watcher = await watch(page, site);
    await watcher.open(site.url + path, ready);
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
    console.log(`${what} (${fetched.length} files):\n${rows.join('\n')}\n  total ${(total / 1024).toFixed(1)} KiB gzip (at most ${budget} KiB)`);
    assert.ok(total <= budget * 1024, `${what} is ${(total / 1024).toFixed(1)} KiB gzip, over ${budget} KiB`);
  } finally {
    await browser.close();
    await site.close();
  }
}

test(`the first load is at most ${BUDGET_KIB} KiB gzip`, () => firstLoad('first load', '', '#composite', BUDGET_KIB));

test(`the list page's first load is at most ${LIST_CEILING_KIB} KiB gzip`, () =>
  firstLoad("list page's first load", 'list.html', '#list-scheme', LIST_CEILING_KIB));

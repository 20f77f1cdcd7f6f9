// One browser through one small interface, for the tests that run in both: Debian's Chromium
// driven by playwright-core (harness.mjs's launch) and Debian's Firefox ESR driven by
// puppeteer-core over WebDriver BiDi (playwright's own Firefox is a patched build that cannot be
// had here). Each page opened is watched: no page error, no console error, no CSP violation, and
// no request but those `allowed`.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import puppeteer from 'puppeteer-core';
import { launchBrowser } from './harness.mjs';
import { readXlsx } from './fixtures.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const hasFirefox = existsSync(FIREFOX);

// Installed before the page's own scripts: CSP violations, and each Excel file the page offers for
// download (its bytes read back by the test, the same way in either browser).
function watchPage() {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.__offered = [];
  const make = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    if (blob?.type?.includes('spreadsheetml')) window.__offered.push(blob);
    return make(blob);
  };
}

/** One browser through one small interface: playwright-core's Chromium or puppeteer-core's Firefox. */
export async function chromium() {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  return {
    name: 'chromium',
    async open(url, allowed = fileOnly(url)) {
      const p = await context.newPage();
      const seen = watchErrors(p, url, allowed, true);
      await p.addInitScript(watchPage);
      await p.goto(url);
      return {
        p,
        ...seen,
        fill: (sel, v) => p.fill(sel, v),
        click: (sel) => p.click(sel),
        wait: (sel, timeout = 20000) => p.locator(sel).first().waitFor({ timeout }),
        until: (fn, arg, timeout = 20000) => p.waitForFunction(fn, arg, { timeout }),
        upload: (sel, path) => p.setInputFiles(sel, path),
        choose: (sel, label) => p.selectOption(sel, { label }),
      };
    },
    close: () => browser.close(),
  };
}

export async function firefox() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  return {
    name: 'firefox',
    async open(url, allowed = fileOnly(url)) {
      const p = await browser.newPage();
      await p.setViewport({ width: 1440, height: 1000 });
      const seen = watchErrors(p, url, allowed, false);
      await p.evaluateOnNewDocument(watchPage);
      await p.goto(url);
      return {
        p,
        ...seen,
        fill: (sel, v) => p.locator(sel).fill(v),
        click: (sel) => p.locator(sel).click(),
        wait: (sel, timeout = 20000) => p.waitForSelector(sel, { timeout }),
        until: (fn, arg, timeout = 20000) => p.waitForFunction(fn, { timeout }, arg),
        upload: async (sel, path) => (await p.waitForSelector(sel, { timeout: 20000 })).uploadFile(path),
        choose: (sel, label) =>
          p.$eval(sel, (s, l) => {
            s.value = [...s.options].find((o) => o.textContent === l).value;
            s.dispatchEvent(new Event('change', { bubbles: true }));
          }, label),
      };
    },
    close: () => browser.close(),
  };
}

/** A page opened from the disk may load itself and the blob:/data: URLs it makes, nothing else. */
export const fileOnly = (url) => (u) => u === url || u.startsWith('blob:') || u.startsWith('data:');

/** Every request must be `allowed`; no error may be reported. */
function watchErrors(p, url, allowed, seesAll) {
  const problems = [];
  const requests = [];
  p.on('request', (r) => {
    const u = r.url();
    requests.push(u);
    if (!allowed(u)) problems.push(`request: ${u.slice(0, 80)}`);
  });
  p.on('pageerror', (e) => problems.push(`page error: ${e.message ?? e}`));
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  return {
    problems,
    async finish() {
      const csp = await p.evaluate(() => window.__csp);
      // Chromium's watch sees the page's own load, so it would see any other. Firefox's (WebDriver
      // BiDi) reports no file: or blob: load: there, for a page from the disk, its policy
      // (default-src 'none', nothing to connect to) is what forbids a request, and a refused one
      // is a violation counted below.
      if (seesAll && !requests.includes(url)) {
        problems.push(`requests unseen: ${requests.map((u) => u.slice(0, 80)).join(' ')}`);
      }
      return [...problems, ...csp.map((v) => `CSP: ${v}`)];
    },
  };
}

export const text = (p, sel) => p.$eval(sel, (e) => e.textContent.trim());
export const until = (page, sel, want) =>
  page.until(([s, w]) => document.querySelector(s)?.textContent.trim() === w, [sel, want]).catch(async () => {
    throw new Error(`${sel}: expected “${want}”, found “${await text(page.p, sel).catch(() => '(missing)')}”`);
  });

/** The graded rows as the list's export to Excel has them: name, composite, tier. */
export async function exportedRows(page) {
  const before = await page.p.evaluate(() => window.__offered.length);
  await page.click('#export-xlsx');
  await page.until((n) => window.__offered.length > n, before);
  const base64 = await page.p.evaluate(async () => {
    const bytes = new Uint8Array(await window.__offered.at(-1).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  const [head, ...rows] = readXlsx(Buffer.from(base64, 'base64'))['结果'];
  return rows.map((r) => ['组织名称', '综合评分', '等次'].map((h) => String(r[head.indexOf(h)])));
}

/**
 * domain.md's worked example typed into the calculator and checked by hand: the vote
 * (3000 + 900 + 120 + 10) ÷ 50 = 80.6; 46 + 24.18 + 19 = 89.18 → 较好 → 三星. Then the working
 * (from the worker) and the JS API's answer for the same organization.
 */
export async function workedExample(page) {
  await page.click('#clear');
  await page.fill('#score-committee', '92');
  for (const [level, count] of ['30', '15', '4', '1'].entries()) await page.fill(`#count-vote-${level}`, count);
  await page.fill('#score-self', '95');
  await until(page, '#vote-score-vote', '80.60');
  await until(page, '#composite', '89.18');
  await until(page, '#tier', '较好');
  await until(page, '#stars', '三星');
  await page.click('#show-why');
  await page.wait('#steps li');
  const steps = await page.p.$$eval('#steps li', (ls) => ls.map((l) => l.textContent));
  assert.ok(steps.includes('较好 → 三星'), steps.join('\n'));
  assert.ok(await page.p.$('#goals li'), 'the goals (晋级所需) are shown');
  const api = await page.p.evaluate(async () => {
    const r = await window.wasmBindings.evaluate('B', {
      inputs: { committee: { score: '92' }, vote: { votes: { counts: [30, 15, 4, 1] } }, self: { score: '95' } },
    });
    return [r.rounded, r.tier_name, r.stars_name];
  });
  assert.deepEqual(api, ['89.18', '较好', '三星']);
}

/** Imports the file at `path` on the list page through the import dialog, with the mapping it
 *  guesses; over a list that is not empty, replacing it. */
export async function importFile(page, path, { replacing = false } = {}) {
  await page.click('#import');
  await page.upload('#import-file', path);
  await page.wait(`#import-dialog[data-file="${basename(path)}"] #import-apply`);
  await page.click('#import-apply');
  if (replacing) await page.click('#import-replace');
}

// Shared by the end-to-end tests: a static server for dist/ on 127.0.0.1 (at the root or under a
// sub-path), headless Chromium from Debian driven by playwright-core, and a watch on the page that
// records every request it makes and every error it reports.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// DINGJI_DIST serves another build (a benchmark's baseline beside the current one).
export const DIST = process.env.DINGJI_DIST ?? join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Every file in dist/ (or `root`), as paths relative to it ("index.html", "dingji-….wasm"). */
export function distFiles(root = DIST) {
  const out = [];
  const walk = (dir, rel) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, rel + name + '/');
      else out.push(rel + name);
    }
  };
  walk(root, '');
  return out;
}

/** Serves dist/ under `prefix` ("/" or "/apps/dingji/"). Only GET and HEAD of its files; a file
 *  for which `refuse(rel)` is true answers 404, as if it were missing from the server, and one
 *  for which `stall(rel)` is true is never answered (a server that hangs). */
export async function serveDist(prefix = '/', { refuse = () => false, stall = () => false, root = DIST } = {}) {
  let files = new Set(distFiles(root));
  const log = [];
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return;
    }
    const rel = path.slice(prefix.length) || 'index.html';
    if (stall(rel)) return;
    if (!files.has(rel) || refuse(rel)) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(join(root, rel));
    res.writeHead(200, {
      'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    prefix,
    files,
    log,
    /** Serves another build from now on, at the same origin (a new release deployed). */
    deploy: (dir) => {
      root = dir;
      files = new Set(distFiles(root));
    },
    close: () => {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Debian's Chromium, headless, kept off the network it has no business with. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** One server for dist/ (at the root) and one browser, shared by a test file's tests: started
 *  before the first and closed after the last. Read `.site` and `.browser` inside a test. */
export function sharedSite() {
  const shared = { site: undefined, browser: undefined };
  before(async () => {
    shared.site = await serveDist('/');
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.site?.close();
  });
  return shared;
}

/**
 * Watches a page: every request must be a GET of a file of dist/ on the server's own origin, and
 * there must be no page error, console error, failed request or CSP violation. `problems` lists
 * what broke those promises; `requests` every URL the page asked for.
 */
export async function watch(page, site) {
  const problems = [];
  const requests = [];
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  page.on('request', (req) => {
    const url = new URL(req.url());
    requests.push(req.url());
    // A download the page makes from its own data (an exported file) stays on the page.
    if (url.protocol === 'blob:' && new URL(url.pathname).origin === site.origin) return;
    if (url.origin !== site.origin) {
      problems.push(`request left the page's origin: ${req.method()} ${req.url()}`);
      return;
    }
    if (req.method() !== 'GET') problems.push(`not a GET: ${req.method()} ${req.url()}`);
    const rel = url.pathname.startsWith(site.prefix) ? url.pathname.slice(site.prefix.length) : null;
    if (rel === null || !(rel === '' || site.files.has(rel))) {
      problems.push(`not a file of dist/: ${req.url()}`);
    }
  });
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  return {
    problems,
    requests,
    /** Loads a page and waits until its app has mounted (`ready` is on the page); says what went
     *  wrong if it does not. */
    async open(url = site.url, ready = '#composite') {
      await page.goto(url);
      try {
        await page.locator(ready).waitFor({ timeout: 15000 });
      } catch (e) {
        await this.finish();
        throw new Error(`the app did not mount at ${url}:\n${problems.join('\n') || e.message}`);
      }
    },
    /** Adds the CSP violations the page saw to `problems` and returns them all. */
    async finish() {
      const csp = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      for (const v of csp) problems.push(`CSP violation: ${v}`);
      return problems;
    },
  };
}

/** Saves a full-page screenshot as a test artefact and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until `selector` shows exactly `text` (Yew renders asynchronously; never sleep). */
export async function waitForText(page, selector, text, timeout = 5000) {
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent.trim() === want,
      [selector, text],
      { timeout },
    );
  } catch {
    const got = await page.locator(selector).first().textContent().catch(() => '(missing)');
    throw new Error(`${selector}: expected “${text}”, found “${got?.trim()}”`);
  }
}

/** Pastes `text` into the focused element, as a paste from Excel would (a clipboard event). */
export async function paste(page, text) {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Every entry of the page's database (IndexedDB `dingji`, store `saved`: src/wire/store.rs) as
 *  [key, text], read in the page; none if there is no database yet (it is not made here). */
function storedEntries(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('dingji');
        // No database yet: not made by a test's look (the app makes it, with its store).
        open.onupgradeneeded = () => open.transaction.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('saved')) {
            db.close();
            resolve([]);
            return;
          }
          const tx = db.transaction('saved');
          const keys = tx.objectStore('saved').getAllKeys();
          const values = tx.objectStore('saved').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve(keys.result.map((k, i) => [k, values.result[i]]));
          };
        };
      }),
  );
}

/** The list as saved in the browser (the database; local storage, where a version before it
 *  left one not yet moved), or null. */
export async function savedList(page) {
  const entry = (await storedEntries(page)).find(([k]) => k === 'dingji.list.v1');
  return entry ? entry[1] : page.evaluate(() => localStorage.getItem('dingji.list.v1'));
}

/** Waits until the saved list matches `re` (saving is a moment after a change, and then
 *  asynchronous); returns it. */
export async function savedWhen(page, re, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const text = await savedList(page);
    if (re.test(text ?? '')) return text;
    if (Date.now() > end) throw new Error(`the saved list never matched ${re}: ${text?.slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What was kept aside under `key` (`dingji.list.v1` …) because it could not be read, oldest
 *  first: in local storage (the calculator's) and in the database (the list's). */
export async function keptAside(page, key) {
  const prefix = `${key}.unreadable.`;
  const local = await page.evaluate(
    (p) => Object.keys(localStorage).filter((k) => k.startsWith(p)).map((k) => [k, localStorage.getItem(k)]),
    prefix,
  );
  const stored = (await storedEntries(page)).filter(([k]) => k.startsWith(prefix));
  return [...local, ...stored].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/**
 * Clicks 导入 in the import dialog; over a list that is not empty the dialog asks first, and the
 * list is replaced (`replace`, the default) or appended to.
 */
export async function applyImport(page, { replace = true } = {}) {
  const asks = (await page.locator('#import-replaces').count()) > 0;
  await page.click('#import-apply');
  if (asks) await page.click(replace ? '#import-replace' : '#import-append-instead');
}

/**
 * axe-core's violations on `page` (WCAG 2 and 2.1 A/AA and best practice), one line each: the
 * rule and the element. The page's context must bypass the CSP (axe injects its script).
 */
export async function axeViolations(page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

// Radicals a CJK font's glyphs may be mapped back to in a PDF, with the ideograph each stands for
// (Unicode's EquivalentUnifiedIdeograph.txt, the simplified forms); the Kangxi radicals
// (U+2F00–U+2FDF) fold by NFKC.
const RADICALS = {
  '⺠': '民', '⻘': '青', '⻓': '长', '⻔': '门', '⻋': '车', '⻛': '风', '⻜': '飞', '⻢': '马', '⻉': '贝',
  '⻅': '见', '⻚': '页', '⻄': '西', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⻥': '鱼',
  '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻪': '黾', '⻙': '韦', '⻣': '骨', '⻤': '鬼',
};

/** `text` as a PDF's text is compared: radicals read as their ideographs, no white space. */
export function fold(text) {
  return [...text]
    .map((c) => RADICALS[c] ?? (c >= '\u2f00' && c <= '\u2fdf' ? c.normalize('NFKC') : c))
    .join('')
    .replace(/\s+/g, '');
}

/**
 * The text of each page of `pdf` (bytes, as `page.pdf()` gives them), read back with pdf.js: one
 * string a page, its runs joined in the order drawn (a table row's cells in turn), folded
 * ([`fold`]: no white space).
 */
export async function pdfPages(pdf) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(fold(content.items.map((i) => i.str).join('')));
  }
  await doc.destroy();
  return pages;
}

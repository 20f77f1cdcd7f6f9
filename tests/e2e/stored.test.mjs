// The list kept in the browser's database (IndexedDB, src/wire/store.rs): a list saved by the
// versions before it (local storage) moved in; a list larger than local storage holds saved,
// edited and read back; the browser's storage full: said, and nothing lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSite, watch, waitForText, paste, savedList, savedWhen } from './harness.mjs';

const shared = sharedSite();

async function openList() {
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  await w.open(shared.site.url + 'list.html', '#list-scheme');
  return { context, page, w };
}

/** Pastes one organization into the empty list, as copied from Excel; returns the list once
 *  saved. */
async function oneRowSaved(page) {
  await page.focus('.grid-wrap');
  await paste(page, '红星村党支部\t村\t92\t30\t15\t4\t1\t\t95\n');
  await waitForText(page, '#row-count', '1 / 1 个组织');
  return savedWhen(page, /红星村/);
}

/** Writes `text` as the saved list straight into the database, as a visit before would have. */
function storeList(page, text) {
  return page.evaluate(
    (t) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('dingji', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('saved');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('saved', 'readwrite');
          tx.objectStore('saved').put(t, 'dingji.list.v1');
          tx.oncomplete = () => resolve(open.result.close());
          tx.onabort = () => reject(tx.error);
        };
      }),
    text,
  );
}

test('a list saved in local storage by the version before is read, moved into the database and removed there', async () => {
  const { context, page, w } = await openList();
  try {
    // Written by hand as that version wrote it: scheme B, two organizations, three columns.
    const old = 'dingji-list 1\nscheme B\ncols name\tcategory\tscore:committee\nrow 红星村党支部\t村\t92\nrow 幸福社区党支部\t社区\t95';
    await page.evaluate((t) => localStorage.setItem('dingji.list.v1', t), old);
    await page.reload();
    await page.locator('#list-scheme').waitFor();
    await waitForText(page, '#row-count', '2 / 2 个组织');
    assert.equal(await page.inputValue('#c0-0'), '红星村党支部');
    assert.equal(await page.inputValue('#c1-2'), '95');
    // Moved whole, and gone from local storage (where it took room from everything else).
    assert.equal(await savedList(page), old);
    assert.equal(await page.evaluate(() => localStorage.getItem('dingji.list.v1')), null);
    // The next visit reads it from the database.
    await page.reload();
    await waitForText(page, '#row-count', '2 / 2 个组织');
    assert.equal(await page.inputValue('#c1-0'), '幸福社区党支部');
    assert.deepEqual(await w.finish(), []);
  } finally {
    await context.close();
  }
});

test('a list of 120,000 organizations (over 5 million characters: more than local storage holds) is saved, edited and read back', async () => {
  const { context, page, w } = await openList();
  try {
    const one = await oneRowSaved(page);
    const lines = one.split('\n');
    const row = lines.findIndex((l) => l.startsWith('row '));
    const rows = [];
    // Each its own name and 党委评定 (60–99.9): a list whose scores all tie would put every
    // organization in the 后进 table.
    for (let i = 0; i < 120000; i++) {
      rows.push(lines[row].replace('红星村党支部', `青山镇第${i + 1}村党支部（第一网格）`).replace('\t92\t', `\t${60 + ((i * 7919) % 400) / 10}\t`));
    }
    const big = [...lines.slice(0, row), ...rows, ...lines.slice(row + 1)].join('\n');
    assert.ok(big.length > 5_000_000, `${big.length} characters`);
    await storeList(page, big);
    await page.reload();
    await page.locator('#list-scheme').waitFor({ timeout: 60000 });
    await waitForText(page, '#row-count', '120000 / 120000 个组织', 30000);
    assert.equal(await page.inputValue('#c0-0'), '青山镇第1村党支部（第一网格）');
    await page.fill('#c0-0', '青山村党支部');
    await page.press('#c0-0', 'Tab');
    const saved = await savedWhen(page, /\nrow 青山村党支部\t/, 30000);
    assert.equal(saved.split('\n').filter((l) => l.startsWith('row ')).length, 120000);
    assert.match(saved, /\nrow 青山镇第120000村党支部（第一网格）\t/);
    await page.reload();
    await page.locator('#list-scheme').waitFor({ timeout: 60000 });
    await waitForText(page, '#row-count', '120000 / 120000 个组织', 30000);
    assert.equal(await page.inputValue('#c0-0'), '青山村党支部');
    assert.deepEqual(await w.finish(), []);
  } finally {
    await context.close();
  }
});

test("the browser's storage full: the page says the list is not saved, keeps working, and the list saved before is as it was", async () => {
  const { context, page, w } = await openList();
  try {
    const before = await oneRowSaved(page);
    // The browser refuses the write as a full disk does: the transaction is aborted at its end,
    // with the put issued. (Chromium's quota override through CDP does not make a write of a few
    // KB fail, so the refusal is made here.)
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        const request = put.apply(this, args);
        if (window.__full) this.transaction.abort();
        return request;
      };
      window.__full = true;
    });
    await page.fill('#c0-0', '幸福社区党支部');
    await page.press('#c0-0', 'Tab');
    await waitForText(page, '#notice p', '无法在本机保存名单（浏览器存储已满或被禁用），刷新后将丢失；请先导出一份留存。', 10000);
    assert.equal(await page.inputValue('#c0-0'), '幸福社区党支部', 'the edit is on the page');
    await page.evaluate(() => dispatchEvent(new Event('pagehide')));
    assert.equal(await savedList(page), before, 'the list saved before, byte for byte');
    // Room again: the next change is saved.
    await page.evaluate(() => (window.__full = false));
    await page.click('#add-row');
    await waitForText(page, '#row-count', '2 / 2 个组织');
    await savedWhen(page, /幸福社区党支部/);
    assert.deepEqual(await w.finish(), []);
  } finally {
    await context.close();
  }
});

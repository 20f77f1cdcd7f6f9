// English on both pages, as an English-speaking observer meets it: the catalogue is fetched when
// English is chosen, every string is then English (the organizations' names, given in Chinese,
// and a scheme's citation of its Chinese source documents aside), a rules error says its field
// in English, and the language chosen on one page carries to the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { sharedSite, watch, waitForText, paste, screenshot, axeViolations } from './harness.mjs';
import { township, records } from './fixtures.mjs';

// One server for dist/ and one browser for this file's tests.
const shared = sharedSite();

/** Every text node and label of the page that holds a CJK character once `allowed` (names) are
 *  taken out; the language toggle ("中文", the other language's own name) and the citation of
 *  the scheme's Chinese source documents are not the interface's words. */
function cjkLeft(page, allowed = []) {
  return page.evaluate((allowed) => {
    const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    const strip = (t) => allowed.reduce((text, name) => text.split(name).join(''), t);
    const out = [];
    const walk = (node) => {
      for (const c of node.childNodes) {
        if (c.nodeType === Node.TEXT_NODE) {
          if (cjk.test(strip(c.data))) out.push(c.data.trim());
        } else if (c.nodeType === Node.ELEMENT_NODE) {
          if (['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(c.tagName)) continue;
          if (c.matches('.lang-toggle, .citation')) continue;
          for (const a of ['title', 'aria-label', 'placeholder']) {
            const v = c.getAttribute(a);
            if (v && cjk.test(strip(v))) out.push(`${a}=${v}`);
          }
          walk(c);
        }
      }
    };
    walk(document.body);
    return [...new Set(out)];
  }, allowed);
}

test('English on the calculator: every string English, a rules error too, and the choice carried to the list page', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  try {
    await w.open(shared.site.url, '#tier');
    const fetched = () => w.requests.filter((r) => /\/en-[0-9a-f]{16}\.js$/.test(r));
    assert.deepEqual(fetched(), [], 'the English catalogue is not part of the first load');
    await page.click('button.lang-toggle');
    await waitForText(page, 'h1', 'Grassroots Party organization grading calculator');
    assert.equal(fetched().length, 1, 'fetched once English is chosen');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    assert.deepEqual(await cjkLeft(page), []);

    // A rules error, in English, naming its field.
    await page.fill('#score-committee', '101');
    await page.locator('#score-committee-error').waitFor();
    assert.match(await page.locator('#score-committee-error').textContent(), /^".+" should be between 0 and 100, not 101$/);
    await screenshot(page, 'english-calculator-1440');

    // At 375 px the formula wraps, only at its operators: each product stays on one line.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.fill('#score-committee', '92');
    await waitForText(page, '#formula', 'Composite = 92 × 50% + 80.6 × 30% + 95 × 20% = 46 + 24.18 + 19 = 89.18');
    const lines = await page.$eval('#formula', (f) => new Set([...f.querySelectorAll('.term')].map((t) => Math.round(t.getBoundingClientRect().top))).size);
    assert.ok(lines > 1, 'the formula wraps at 375 px');
    assert.deepEqual(await page.$$eval('#formula .term', (ts) => ts.filter((t) => t.getClientRects().length > 1).map((t) => t.textContent)), []);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'no horizontal overflow at 375 px');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'english-calculator-375');
    await page.setViewportSize({ width: 1440, height: 1000 });
    assert.deepEqual(await axeViolations(page), []);

    // The list page opens in English (no toggle there), and its title says so.
    await page.goto(shared.site.url + 'list.html');
    await waitForText(page, 'h1', "The committee's list");
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // Back to Chinese on the list page: the calculator follows.
    await page.click('button.lang-toggle');
    await waitForText(page, 'h1', '组织名单与批量定级');
    await page.goto(shared.site.url);
    await waitForText(page, 'h1', '基层党组织分类定级计算器');
    assert.deepEqual(await w.finish(), []);
  } finally {
    await context.close();
  }
});

// The presets' English is not in the pages' first load: it comes with the catalogue (gathered
// from the preset files by scripts/post-build.mjs, left out of the compiled presets by
// rules/build.rs). Every preset, in English, shows Chinese only where its file gives no English.
test('English on the calculator for every preset: the presets\' own texts in English wherever their files give it, each tier name inside its segment, ballot inputs in line', async () => {
  const dir = new URL('../../rules/presets/', import.meta.url);
  const presets = readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => JSON.parse(readFileSync(new URL(n, dir), 'utf8')));
  // A text's Chinese where the files give it no English.
  const untranslated = [];
  const gather = (v) => {
    if (Array.isArray(v)) return v.forEach(gather);
    if (v === null || typeof v !== 'object') return;
    if (typeof v.zh === 'string' && !v.en) untranslated.push(v.zh);
    Object.values(v).forEach(gather);
  };
  presets.forEach(gather);
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  try {
    await w.open(shared.site.url, '#tier');
    await page.click('button.lang-toggle');
    await waitForText(page, 'h1', 'Grassroots Party organization grading calculator');
    const ids = await page.locator('#scheme option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual([...ids].sort(), presets.map((p) => p.id).sort());
    for (const id of ids) {
      await page.selectOption('#scheme', id);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const preset = presets.find((p) => p.id === id);
      await waitForText(page, '#scheme option:checked', preset.name.en || preset.name.zh);
      assert.deepEqual(await cjkLeft(page, untranslated), [], `preset ${id}`);
      // Each tier name on the number line is inside its segment, so none runs over another.
      const spill = await page.$$eval('.number-line .segment', (rects) => rects.flatMap((rect) => {
        const label = rect.nextElementSibling;
        if (!label || !label.textContent) return [];
        const [r, l] = [rect.getBoundingClientRect(), label.getBoundingClientRect()];
        return l.left < r.left - 0.5 || l.right > r.right + 0.5 ? [label.textContent] : [];
      }));
      assert.deepEqual(spill, [], `preset ${id}: names wider than their segments`);
      // The ballot inputs of one row of levels line up, whatever their labels' lengths.
      const tops = await page.$$eval('.levels', (all) => all.map((levels) => {
        const rows = new Map();
        for (const input of levels.querySelectorAll('input')) {
          const box = input.getBoundingClientRect();
          const row = [...rows.keys()].find((y) => Math.abs(y - box.top) < 40) ?? box.top;
          rows.set(row, [...(rows.get(row) ?? []), box.top]);
        }
        return [...rows.values()].filter((ts) => Math.max(...ts) - Math.min(...ts) > 1);
      }).flat());
      assert.deepEqual(tops, [], `preset ${id}: ballot inputs out of line`);
    }
    assert.deepEqual(await w.finish(), []);
  } finally {
    await context.close();
  }
});

test('English on the list page: a graded list, its charts, 汇总表, a cell that does not read and a paste refused, all in English; no overflow at 375 px; axe clean', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const w = await watch(page, shared.site);
  try {
    await w.open(shared.site.url + 'list.html', '#list-scheme');
    await page.click('button.lang-toggle');
    await waitForText(page, 'h1', "The committee's list");
    const orgs = township().slice(0, 4);
    const rows = records(orgs).slice(1);
    await page.focus('.grid-wrap');
    await paste(page, rows.map((r) => r.join('\t')).join('\r\n'));
    await waitForText(page, '#row-count', '4 / 4 organizations');
    // A committee score typed as 九十 does not read: its row is named in English.
    const cell = page.locator('#c1-2');
    await cell.fill('九十');
    await cell.press('Enter');
    await page.locator('#unread li').first().waitFor();
    const unread = await page.locator('#unread li').first().textContent();
    // The field by its English name (presets/b-township.json: 党委评定 is "Committee").
    assert.match(unread, new RegExp(`^Row 2 "${orgs[1].name}": "Committee" is not a number: "九十"\\. Enter a number such as 89\\.5$`));
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    // What the user typed and the names are theirs; everything else is English.
    assert.deepEqual(await cjkLeft(page, [...orgs.map((o) => o.name), '九十']), []);
    // Half-width punctuation: no full-width colon or bracket outside the names.
    const text = await page.evaluate(() => document.body.innerText);
    assert.deepEqual(text.split('\n').filter((l) => /[：（）]/.test(l) && !orgs.some((o) => l.includes(o.name))), []);
    // Every header of the grid holds its English name, and the 汇总表 fits the page at 1440 px.
    assert.deepEqual(await page.$$eval('.grid thead th', (ths) => ths.filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.textContent)), []);
    assert.ok(await page.$eval('.summary .table-wrap', (w) => w.scrollWidth <= w.clientWidth), 'the 汇总表 fits');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'english-list-1440');

    // A paste refused for a cell that does not read: said in English, the column by its
    // English header, and nothing pasted.
    await page.locator('#c0-2').click();
    const before = await page.locator('#c0-2').inputValue();
    await paste(page, '88\t30\nabc\t31');
    await waitForText(page, '#notice p', 'Nothing was pasted: Row 2 (line 2 of the paste), column "Committee": "abc" is not a number');
    assert.equal(await page.locator('#c0-2').inputValue(), before);

    await page.setViewportSize({ width: 375, height: 800 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'no horizontal overflow at 375 px');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'english-list-375');
    assert.deepEqual(await w.finish(), []);
  } finally {
    await context.close();
  }
});

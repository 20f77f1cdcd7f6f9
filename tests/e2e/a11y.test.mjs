// Accessibility: axe-core (WCAG 2 A/AA, 2.1 A/AA and its best-practice rules) on both pages, at
// 1440 and 375 px, in the states a user reaches: the calculator with its working and the
// share dialog open; the list page with a graded list, a row's 说明 and the import
// dialog. Plus the keyboard: every control of the page can be reached with Tab, and focus is
// visible where it lands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { sharedSite, waitForText } from './harness.mjs';
import { township, records, csv, gbk } from './fixtures.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const WIDTHS = [1440, 375];

// One server for dist/ and one browser for this file's tests.
const shared = sharedSite();

/** A page in a context that lets axe inject its script (the app's CSP forbids inline scripts). */
async function open(width, path, ready) {
  const context = await shared.browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(shared.site.url + path);
  await page.locator(ready).waitFor({ timeout: 15000 });
  return { context, page };
}

/** axe's violations on the page as it is now, one readable line per node. */
async function violations(page, state) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${state}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
  );
}

for (const width of WIDTHS) {
  test(`the calculator at ${width} px: no axe violations, with the working and the share dialog`, async () => {
    const { context, page } = await open(width, '', '#composite');
    const found = [...(await violations(page, 'first view'))];
    await page.click('#show-why');
    await page.locator('#steps').waitFor({ timeout: 15000 });
    found.push(...(await violations(page, 'the working open')));
    await page.click('#share');
    await page.locator('#share-link').waitFor();
    found.push(...(await violations(page, 'the share dialog open')));
    await page.keyboard.press('Escape');
    // The last result kept, out of date (weights that do not sum to 100).
    await page.fill('#weight-self', '10');
    await page.locator('#stale').waitFor();
    found.push(...(await violations(page, 'an out-of-date result')));
    assert.deepEqual(found, []);
    await context.close();
  });

  test(`the list page at ${width} px: no axe violations, graded, with a row's 说明 and the import dialog`, async () => {
    const { context, page } = await open(width, 'list.html', '#list-scheme');
    const found = [...(await violations(page, 'empty list'))];
    await page.click('#import');
    await page.setInputFiles('#import-file', {
      name: '名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv(records(township())), 'utf8'),
    });
    await page.locator('#import-apply').waitFor({ timeout: 20000 });
    found.push(...(await violations(page, 'the import dialog')));
    await page.click('#import-apply');
    await waitForText(page, '#row-count', '21 / 21 个组织');
    found.push(...(await violations(page, 'a graded list')));
    await page.locator('.grid tbody tr button', { hasText: '说明' }).first().click();
    await page.locator('#row-steps').waitFor({ timeout: 15000 });
    found.push(...(await violations(page, "a row's 说明")));
    // A second import over the list asks first: replace, or append.
    await page.click('#import');
    await page.setInputFiles('#import-file', {
      name: '名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv(records(township().slice(0, 3))), 'utf8'),
    });
    await page.locator('#import-apply').waitFor({ timeout: 20000 });
    await page.click('#import-apply');
    await page.locator('#import-ask').waitFor();
    found.push(...(await violations(page, 'the import asking to replace')));
    assert.deepEqual(found, []);
    await context.close();
  });

  test(`the import dialog at ${width} px with a clerk's file: no axe violations while it asks, refuses or offers`, async () => {
    const { context, page } = await open(width, 'list.html', '#list-scheme');
    await page.click('#import');
    const rows = [
      ['序号', '组织名称', '类别', '党委评定', '好票', '较好票', '一般票', '较差票', '自评', '备注'],
      ['1', '红星村党支部', '农村', '92', '30', '15', '4', '1', '95', ''],
      ['2', '镇机关党支部', '机关事业单位', '85', '20', '20', '8', '2', '', ''],
    ];
    await page.setInputFiles('#import-file', { name: '名单.csv', mimeType: 'text/csv', buffer: gbk(csv(rows)) });
    await page.locator('#import-categories').waitFor({ timeout: 20000 });
    // Unmapped columns with their reasons, a category to pick, problems, the button disabled.
    const found = [...(await violations(page, 'the import asking'))];
    await page.selectOption('#cat-1', { label: '机关' });
    await page.locator('#import-problems').waitFor({ state: 'detached' });
    found.push(...(await violations(page, 'the import offered')));
    await page.click('#import-cancel');
    await page.click('#import');
    await page.setInputFiles('#import-file', { name: 'u.txt', mimeType: 'text/plain', buffer: Buffer.from('名称\t分类\r\n', 'utf16le') });
    await page.locator('#import-failed').waitFor({ timeout: 20000 });
    found.push(...(await violations(page, 'the import refused, with the encoding to choose')));
    assert.deepEqual(found, []);
    await context.close();
  });
}

/**
 * Presses Tab until focus comes back round, and returns the controls that were visible and enabled
 * but never focused, and those focused without a visible outline.
 */
async function tabRound(page) {
  await page.evaluate(() => {
    const controls = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]');
    controls.forEach((el, i) => el.setAttribute('data-a11y-id', String(i)));
  });
  const total = await page.locator('[data-a11y-id]').count();
  const seen = new Set();
  const groups = new Set();
  const unmarked = [];
  for (let i = 0; i < total + 10; i += 1) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      // A radio group is one stop of the Tab order (its other choices are reached by arrow keys).
      const group = el.type === 'radio' ? el.name : null;
      return { id: el.getAttribute('data-a11y-id'), group, outlined, what: el.outerHTML.slice(0, 80) };
    });
    if (!at) continue;
    if (at.id !== null) seen.add(at.id);
    if (at.group) groups.add(at.group);
    if (!at.outlined) unmarked.push(at.what);
  }
  const missed = await page.evaluate(([ids, radios]) => {
    const out = [];
    for (const el of document.querySelectorAll('[data-a11y-id]')) {
      const r = el.getBoundingClientRect();
      const shown = r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      const reached = ids.includes(el.getAttribute('data-a11y-id')) || (el.type === 'radio' && radios.includes(el.name));
      if (shown && !el.disabled && !reached) out.push(el.outerHTML.slice(0, 80));
    }
    return out;
  }, [[...seen], [...groups]]);
  return { missed, unmarked: [...new Set(unmarked)] };
}

for (const width of WIDTHS) {
  test(`at ${width} px every control of both pages is reached by Tab, with its focus outlined`, async () => {
    const calc = await open(width, '', '#composite');
    await calc.page.click('#show-why');
    await calc.page.locator('#steps').waitFor({ timeout: 15000 });
    await calc.page.locator('h1').click();
    assert.deepEqual(await tabRound(calc.page), { missed: [], unmarked: [] }, 'the calculator');
    await calc.context.close();

    const list = await open(width, 'list.html', '#list-scheme');
    await list.page.click('#add-row');
    await list.page.click('#add-row');
    await list.page.locator('h1').click();
    assert.deepEqual(await tabRound(list.page), { missed: [], unmarked: [] }, 'the list page');
    await list.context.close();
  });
}

// Bad input at the pages' boundaries: each case asserts the message a user sees (in Chinese,
// naming where) and that nothing the user had changed. The workers: one whose wasm cannot be
// fetched is reported within seconds, and the next call starts a new one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, watch, waitForText, paste, keptAside, applyImport, savedList, savedWhen } from './harness.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const HUGE = '79228162514264337593543950335';

async function openPage(site, path = '', ready = '#composite') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const watcher = await watch(page, site);
  await watcher.open(site.url + path, ready);
  return { context, page, watcher };
}

test('a weight of 2⁹⁶ − 1 typed into 调整方案 is named at the field; the last result stays', async () => {
  const site = await serveDist('/');
  const { context, page, watcher } = await openPage(site);
  try {
    await waitForText(page, '#composite', '89.18');
    await page.fill('#weight-committee', HUGE);
    await page.locator('#stale').waitFor();
    assert.match(await page.locator('.card').filter({ has: page.locator('#weight-committee') }).innerText(), /权重.*100/);
    await waitForText(page, '#composite', '89.18');
    await page.fill('#weight-vote', HUGE);
    await waitForText(page, '#weights-total', '权重合计 —%');
    await page.click('#reset-scheme');
    await waitForText(page, '#composite', '89.18');
    assert.equal(await page.locator('#stale').count(), 0);
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('a saved list whose column names a vote level of 4,000,000,000 is kept aside, and the page works', async () => {
  const site = await serveDist('/');
  const { context, page, watcher } = await openPage(site, 'list.html', '#list-scheme');
  try {
    const damaged = 'dingji-list 1\nscheme B\ncols name\tcount:vote:4000000000\nrow 红星村党支部\t30';
    await page.evaluate((t) => localStorage.setItem('dingji.list.v1', t), damaged);
    await page.reload();
    await page.locator('#notice').waitFor();
    assert.match(await page.locator('#notice').textContent(), /无法读取.*第 3 行/);
    const kept = () => keptAside(page, 'dingji.list.v1');
    assert.deepEqual(await kept(), [damaged]);
    // A second damaged list is kept beside the first, not over it.
    const second = 'dingji-list 1\nscheme B\nrectify 2026-02-30 6';
    await page.evaluate((t) => localStorage.setItem('dingji.list.v1', t), second);
    await page.reload();
    await page.locator('#notice').waitFor();
    assert.match(await page.locator('#notice').textContent(), /已另行保留：第 3 行无法读取/);
    assert.deepEqual(await kept(), [damaged, second]);
    await page.click('#add-row');
    await waitForText(page, '#row-count', '1 / 1 个组织');
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('the only copy of an unreadable saved list (storage too full to keep it aside) is never written over until downloaded or discarded', async () => {
  const site = await serveDist('/');
  const { context, page, watcher } = await openPage(site, 'list.html', '#list-scheme');
  try {
    const damaged = 'dingji-list 1\nscheme B\ncols name\tcount:vote:4000000000\nrow 红星村党支部\t30';
    await page.evaluate((t) => localStorage.setItem('dingji.list.v1', t), damaged);
    // Storage full: nothing can be kept aside under a key of its own.
    await page.addInitScript(() => {
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (value, key) {
        if (String(key).includes('unreadable')) throw new DOMException('full', 'QuotaExceededError');
        return add.call(this, value, key);
      };
    });
    await page.reload();
    await page.locator('#unreadable-download').waitFor();
    assert.match(await page.locator('#notice p').textContent(), /无法另行保留.*在您下载或舍弃原内容之前，本页的修改不会保存.*第 3 行无法读取/);
    // Work goes on; saving is held: not after the delay, not when the page goes away.
    await page.click('#add-row');
    await waitForText(page, '#row-count', '1 / 1 个组织');
    await page.evaluate(() => dispatchEvent(new Event('pagehide')));
    const stored = () => savedList(page);
    assert.equal(await stored(), damaged, 'byte for byte as it was');
    // Downloaded: the file is the saved text as it was; then the list is saved again.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#unreadable-download')]);
    const { readFileSync } = await import('node:fs');
    assert.equal(readFileSync(await download.path(), 'utf8'), damaged);
    assert.equal(await page.locator('#notice').count(), 0);
    await page.click('#add-row');
    await waitForText(page, '#row-count', '2 / 2 个组织');
    await page.evaluate(() => dispatchEvent(new Event('pagehide')));
    assert.match(await stored(), /^dingji-list 1\n/);
    assert.notEqual(await stored(), damaged);
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('a cell typed in but not yet left is kept when the tab is closed', async () => {
  const site = await serveDist('/');
  const { context, page, watcher } = await openPage(site, 'list.html', '#list-scheme');
  try {
    await page.click('#add-row');
    await page.waitForFunction(() => document.activeElement?.id === 'c0-0');
    await page.keyboard.type('红星村党支部');
    // Still in the cell (not committed): the page goes away.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'c0-0');
    await page.evaluate(() => dispatchEvent(new Event('pagehide')));
    const stored = await savedList(page);
    assert.match(stored, /\nrow 红星村党支部/);
    await page.reload();
    await page.locator('#c0-0').waitFor();
    assert.equal(await page.inputValue('#c0-0'), '红星村党支部');
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('a worker whose wasm cannot be fetched is reported within seconds; the next call starts a new one', async () => {
  let missing = true;
  const site = await serveDist('/', { refuse: (rel) => missing && /^worker-[0-9a-f]+_bg\.wasm$/.test(rel) });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(site.url);
    await page.locator('#composite').waitFor();
    const started = Date.now();
    await page.click('#show-why');
    await page.locator('.card.error[role=alert]').waitFor({ timeout: 5000 });
    assert.match(await page.locator('.card.error[role=alert]').textContent(), /计算过程无法显示：计算模块未能启动/);
    assert.ok(Date.now() - started < 5000);
    // The file is back: hiding and showing the working asks a new worker.
    missing = false;
    await page.click('#show-why');
    await page.click('#show-why');
    await page.locator('#steps').waitFor({ timeout: 15000 });
    await waitForText(page, '#composite', '89.18');
  } finally {
    await context.close();
    await site.close();
  }
});

test('in English, a worker that cannot start is said in English', async () => {
  const site = await serveDist('/', { refuse: (rel) => /^worker-[0-9a-f]+_bg\.wasm$/.test(rel) });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(site.url);
    await page.locator('#composite').waitFor();
    await page.click('button.lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.click('#show-why');
    await page.locator('.card.error[role=alert]').waitFor({ timeout: 5000 });
    const said = await page.locator('.card.error[role=alert]').textContent();
    assert.match(said, /The calculation module could not start \(worker\)/);
    assert.doesNotMatch(said, /[\u4e00-\u9fff]/);
  } finally {
    await context.close();
    await site.close();
  }
});

test('the JS API rejects arguments of the wrong type with a Chinese message, never throwing', async () => {
  const site = await serveDist('/');
  const { context, page, watcher } = await openPage(site);
  try {
    const out = await page.evaluate(async () => {
      const api = window.wasmBindings;
      const org = { inputs: { committee: { score: '92' }, vote: { score: '80' }, self: { score: '95' } } };
      const calls = [
        ['evaluate', ['B', org, 7]],
        ['evaluate', ['B', org, {}]],
        ['explain', ['B', org, ['zh']]],
        ['evaluate_columns', ['B', {}, 3]],
        ['evaluate', [42, org]],
        ['validate', [null]],
        ['goal_seek', ['B', 'an organization']],
        ['evaluate', ['B', { ...org, bogus: 1 }]],
      ];
      const answers = [];
      for (const [name, args] of calls) {
        let promise;
        try {
          promise = api[name](...args);
        } catch (e) {
          answers.push(`${name} threw: ${e}`);
          continue;
        }
        answers.push(await promise.then(() => `${name} resolved`, (e) => `${name}: ${e.message}`));
      }
      // An argument of 64 million characters and more is refused before it is read.
      const started = performance.now();
      answers.push(await api.evaluate('B', { ...org, name: 'x'.repeat(64_000_000) }).then(() => 'resolved', (e) => e.message));
      answers.push(performance.now() - started < 5000);
      // A right call still works after all of them: 92 × 50% + 80 × 30% + 95 × 20% = 89 → 较好.
      answers.push((await api.evaluate('B', org, 'en')).tier_name);
      return answers;
    });
    assert.deepEqual(out, [
      'evaluate: 参数 lang 应为 "zh" 或 "en"，现为 7',
      'evaluate: 参数 lang 应为 "zh" 或 "en"，现为 {}',
      'explain: 参数 lang 应为 "zh" 或 "en"，现为 ["zh"]',
      'evaluate_columns: 参数 lang 应为 "zh" 或 "en"，现为 3',
      'evaluate: 方案应为对象，现为 number',
      'validate: 方案应为对象，现为 null',
      'goal_seek: 组织应为对象，现为 string',
      out[7],
      '参数过大：6401 万个字符，上限为 6400 万个',
      true,
      'Fairly good',
    ]);
    assert.match(out[7], /^evaluate: 组织有误：unknown field `bogus`/);
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('two windows on the same list: a change in one is shown in the other, which does not save over it', async () => {
  const site = await serveDist('/');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const one = await context.newPage();
    const two = await context.newPage();
    const watchers = [await watch(one, site), await watch(two, site)];
    await watchers[0].open(site.url + 'list.html', '#list-scheme');
    await watchers[1].open(site.url + 'list.html', '#list-scheme');
    await one.click('#add-row');
    await one.fill('#c0-0', '红星村党支部');
    await one.press('#c0-0', 'Tab');
    await waitForText(two, '#row-count', '1 / 1 个组织');
    assert.equal(await two.inputValue('#c0-0'), '红星村党支部');
    assert.match(await two.locator('#notice').textContent(), /另一个窗口保存了此名单，本窗口已载入/);
    // The second window changes it; the first shows that, and the stored list is the second's.
    await two.fill('#c0-0', '幸福社区党支部');
    await two.press('#c0-0', 'Tab');
    await one.waitForFunction(() => document.querySelector('#c0-0')?.value === '幸福社区党支部');
    const stored = await savedList(one);
    assert.match(stored, /幸福社区党支部/);
    // 撤销 in the first window brings back what it had before the other's change.
    await one.click('#undo');
    await one.waitForFunction(() => document.querySelector('#c0-0')?.value === '红星村党支部');
    for (const w of watchers) assert.deepEqual(await w.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('a paste into the list sorted by rank fills the rows shown; one with text in a number column changes nothing', async () => {
  const site = await serveDist('/');
  const { context, page, watcher } = await openPage(site, 'list.html', '#list-scheme');
  try {
    // Ballots 30/15/4/1 (测评 80.6) for all three; 党委评定 and 自评 at 50% and 20%:
    // 红星村 92, 95 → 46 + 24.18 + 19 = 89.18; 幸福社区 95, 96 → 47.5 + 24.18 + 19.2 = 90.88;
    // 镇机关 85, 90 → 42.5 + 24.18 + 18 = 84.68. By rank: 幸福社区, 红星村, 镇机关.
    await page.focus('.grid-wrap');
    await paste(page, '红星村党支部\t村\t92\t30\t15\t4\t1\t\t95\n幸福社区党支部\t社区\t95\t30\t15\t4\t1\t\t96\n镇机关党支部\t机关\t85\t30\t15\t4\t1\t\t90\n');
    await waitForText(page, '#row-count', '3 / 3 个组织');
    await page.check('#by-rank');
    // Shown by rank: 幸福社区 first. Paste 党委评定 70 and 71 from the second shown row down.
    await page.locator('#c1-2').focus();
    await paste(page, '70\n71\n');
    await waitForText(page, '#notice p', '已粘贴 2 行');
    await page.uncheck('#by-rank');
    // In the list's order: 红星村 (shown second) got 70, 镇机关 (shown third) 71, 幸福社区 kept 95.
    assert.deepEqual(
      [await page.inputValue('#c0-2'), await page.inputValue('#c1-2'), await page.inputValue('#c2-2')],
      ['70', '95', '71'],
    );
    const saved = await savedWhen(page, /70/);
    await page.locator('#c0-2').focus();
    await paste(page, '80\n八十\n');
    await waitForText(page, '#notice p', '粘贴未执行：第 2 行（粘贴的第 2 行）「党委评定」列：“八十”不是数字');
    assert.equal(await page.inputValue('#c0-2'), '70');
    // Whatever is pending is written now (as when the page goes away): nothing is.
    const flushed = async () => {
      await page.evaluate(() => dispatchEvent(new Event('pagehide')));
      return savedList(page);
    };
    assert.equal(await flushed(), saved, 'the saved list is byte-for-byte as it was');
    // A stray quote before a name (as typed in a text editor, not as Excel copies): the cells
    // cannot be told apart; said, with its line, and nothing pasted.
    await page.locator('#c0-0').focus();
    await paste(page, '"红星村\t92\n东风村\t88');
    await waitForText(page, '#notice p', '粘贴未执行：粘贴内容第 1 行的引号未配对，无法确定单元格如何分隔；未粘贴任何内容');
    assert.equal(await flushed(), saved, 'the saved list is byte-for-byte as it was');
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('an export gives back exactly what was typed on re-import; a cell longer than Excel holds is named, not cut', async () => {
  const site = await serveDist('/');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const watcher = await watch(page, site);
  try {
    await watcher.open(site.url + 'list.html', '#list-scheme');
    const typed = ["=1+1", "'=SUM(A1)", "''+86", "'普通", "-5 村"];
    for (const [i, name] of typed.entries()) {
      await page.click('#add-row');
      await page.fill(`#c${i}-0`, name);
      await page.press(`#c${i}-0`, 'Tab');
    }
    await waitForText(page, '#row-count', '5 / 5 个组织');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(await download.path());
    await page.click('#import');
    await page.setInputFiles('#import-file', { name: '定级名单.csv', mimeType: 'text/csv', buffer: bytes });
    await page.locator('#import-apply, #import-failed').first().waitFor({ timeout: 20000 });
    await page.uncheck('#import-append').catch(() => {});
    await applyImport(page);
    await waitForText(page, '#row-count', '5 / 5 个组织');
    const names = [];
    for (let i = 0; i < 5; i += 1) names.push(await page.inputValue(`#c${i}-0`));
    assert.deepEqual(names, typed);

    // 40,000 characters in a name: the export says where, and writes nothing.
    await page.fill('#c0-0', '长'.repeat(40000));
    await page.press('#c0-0', 'Tab');
    await page.click('#export-csv');
    await waitForText(page, '#notice p', '未导出：第 1 行「组织名称」列有 40000 个字符，超过 Excel 单元格的上限 32767 个');
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

const link = (text) => `#v1=${Buffer.from(text).toString('base64url')}`;

test('damaged share links and saved inputs: each named in a short message, the inputs unchanged', async () => {
  const site = await serveDist('/');
  const { context, page, watcher } = await openPage(site);
  try {
    // 自评 80: 92 × 50% + 80.6 × 30% + 80 × 20% = 46 + 24.18 + 16 = 86.18.
    await page.fill('#score-self', '80');
    await waitForText(page, '#composite', '86.18');
    const links = [
      ['#v1=', /^分享链接无法读取，当前输入未改变：/],
      ['#v1=!!!', /链接内容不完整或被改动/],
      ['#v2=abc', /不是本程序的分享链接/],
      // Where it is damaged, never what it says (a link is anybody's words).
      [link('dingji 9\nscheme B'), /保存的格式版本不是本程序能读取的“dingji 1”/],
      [link(`dingji 1\nscheme ${'Z'.repeat(5000)}`), /其中的方案不是本程序的预设方案/],
      [link('dingji 1\nscheme B\ncount vote 99999 5'), /第 3 行无法读取$/],
      [link('dingji 1\nscheme B\nscore committee 请将名单发送至某邮箱\nfoo 请将名单发送至某邮箱'), /第 4 行无法读取$/],
      // Tens of thousands of unknown sources: refused at once, at the first one too many.
      [link(`dingji 1\nscheme B\n${Array.from({ length: 60_000 }, (_, i) => `score s${i} 1`).join('\n')}`), /内容过长/],
      [link(`dingji 1\nscheme B\n${Array.from({ length: 60 }, (_, i) => `score s${i} 1`).join('\n')}`), /第 53 行无法读取$/],
      [`#v1=${Buffer.from([0xff, 0xfe, 0x00]).toString('base64url')}`, /链接内容不完整或被改动/],
      [`#v1=${'A'.repeat(1_500_000)}`, /^分享链接无法读取，当前输入未改变：/],
    ];
    for (const [fragment, message] of links) {
      const started = Date.now();
      await page.goto(site.url + fragment);
      await page.locator('#notice p').waitFor();
      const text = await page.locator('#notice p').textContent();
      assert.match(text, message, fragment.slice(0, 40));
      assert.ok(!text.includes('请将名单'), 'the link’s own words are not quoted');
      assert.ok(text.length < 120, `a short message: ${text.length} characters`);
      assert.ok(Date.now() - started < 5000, 'refused within seconds');
      assert.equal(await page.inputValue('#score-self'), '80', fragment.slice(0, 40));
      await waitForText(page, '#composite', '86.18');
      await page.goto(site.url);
    }

    // A link whose weight is Decimal's largest: opened, the weight named at its field, no crash.
    await page.goto(site.url + link(`dingji 1\nscheme B\nmode committee score\nscore committee 92\nweight 0 ${HUGE}`));
    await page.locator('#notice p').waitFor();
    assert.match(await page.locator('.card').filter({ has: page.locator('#weight-committee') }).innerText(), /应在 0 到 100 之间/);

    // Saved inputs that cannot be read: kept aside, the worked example shown, and said.
    for (const stored of ['garbage', 'dingji 1\nscheme B\ncount vote 4000000000 1', `dingji 1\nscheme ${'Q'.repeat(3000)}`]) {
      await page.evaluate((t) => localStorage.setItem('dingji.calculator.v1', t), stored);
      await page.goto(site.url);
      await page.locator('#notice p').waitFor();
      const text = await page.locator('#notice p').textContent();
      assert.match(text, /^上次保存的输入无法读取，已另行保留并重新开始：/);
      assert.ok(text.length < 120, `a short message: ${text.length} characters`);
      await waitForText(page, '#composite', '89.18');
      await page.evaluate(() => localStorage.removeItem('dingji.calculator.v1'));
    }
    // Each kept under a key stamped with the time, none written over.
    const kept = await keptAside(page, 'dingji.calculator.v1');
    assert.deepEqual(kept, ['garbage', 'dingji 1\nscheme B\ncount vote 4000000000 1', `dingji 1\nscheme ${'Q'.repeat(3000)}`]);
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('清空 and an opened share link can be undone; a link is saved only once kept', async () => {
  const site = await serveDist('/');
  const { context, page, watcher } = await openPage(site);
  try {
    await page.fill('#score-self', '80');
    await waitForText(page, '#composite', '86.18');
    await page.click('#clear');
    await waitForText(page, '#notice p', '已清空输入。');
    assert.equal(await page.inputValue('#score-self'), '');
    // Not saved while it can be undone: a reload now would bring back the typed inputs.
    assert.match(await page.evaluate(() => localStorage.getItem('dingji.calculator.v1')), /score self 80/);
    await page.click('#restore');
    assert.equal(await page.inputValue('#score-self'), '80');
    await waitForText(page, '#composite', '86.18');

    // A link with 自评 60 opened over them: shown, not saved; 撤销 brings 80 back.
    const linked = `dingji 1\nscheme B\nmode committee score\nscore committee 92\nmode vote votes\ncount vote 0 30\ncount vote 1 15\ncount vote 2 4\ncount vote 3 1\nmode self score\nscore self 60`;
    await page.goto(site.url + link(linked));
    await waitForText(page, '#notice p', '已打开分享链接中的输入。');
    // 92 × 50% + 80.6 × 30% + 60 × 20% = 46 + 24.18 + 12 = 82.18.
    await waitForText(page, '#composite', '82.18');
    assert.match(await page.evaluate(() => localStorage.getItem('dingji.calculator.v1')), /score self 80/);
    await page.click('#restore');
    await waitForText(page, '#composite', '86.18');

    // Opened again and kept (保留): now it is what a reload shows.
    await page.goto(site.url + link(linked));
    await waitForText(page, '#composite', '82.18');
    await page.locator('#notice button', { hasText: '保留' }).click();
    await page.reload();
    await waitForText(page, '#composite', '82.18');
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('a worker whose wasm never arrives is given up within 15 seconds; its call fails with a message', async () => {
  let stalled = true;
  const site = await serveDist('/', { stall: (rel) => stalled && /^worker-[0-9a-f]+_bg\.wasm$/.test(rel) });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(site.url);
    await page.locator('#composite').waitFor();
    const started = Date.now();
    await page.click('#show-why');
    await page.locator('.card.error[role=alert]').waitFor({ timeout: 20000 });
    assert.match(await page.locator('.card.error[role=alert]').textContent(), /计算模块未能启动/);
    assert.ok(Date.now() - started < 17000, `${Date.now() - started} ms`);
    stalled = false;
    await page.click('#show-why');
    await page.click('#show-why');
    await page.locator('#steps').waitFor({ timeout: 15000 });
  } finally {
    await context.close();
    await site.close();
  }
});

test('files that are not a list (binary bytes, a broken workbook, an empty file, headers only) are refused; the list is as it was', async () => {
  const site = await serveDist('/');
  const { context, page, watcher } = await openPage(site, 'list.html', '#list-scheme');
  try {
    await page.focus('.grid-wrap');
    await paste(page, '红星村党支部\t村\t92\t30\t15\t4\t1\t\t95\n');
    await waitForText(page, '#row-count', '1 / 1 个组织');
    const saved = await savedWhen(page, /红星村/);
    const files = [
      ['乱码.csv', Buffer.from([0x00, 0xff, 0x13, 0x80, 0x81, 0xfe, 0x00, 0x00, 0x9f])],
      ['损坏.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)])],
      ['空.csv', Buffer.alloc(0)],
      ['只有表头.csv', Buffer.from('组织名称,分类,党委评定\n', 'utf8')],
    ];
    const messages = [];
    for (const [name, buffer] of files) {
      await page.click('#import');
      await page.setInputFiles('#import-file', { name, mimeType: 'application/octet-stream', buffer });
      await page.locator('#import-apply, #import-failed').first().waitFor({ timeout: 20000 });
      if (await page.locator('#import-apply').count()) {
        // Refused before it is offered: the problems show and the button is disabled.
        assert.equal(await page.locator('#import-apply').isEnabled(), false, `${name}: not offered`);
        await page.locator('#import-problems').waitFor();
        messages.push(await page.locator('#import-problems').innerText());
      } else {
        messages.push(await page.locator('#import-failed').innerText());
      }
      assert.match(messages.at(-1), /[\u4e00-\u9fff]/, `${name}: a message in Chinese`);
      await page.click('#import-cancel');
      await waitForText(page, '#row-count', '1 / 1 个组织');
      assert.equal(await savedList(page), saved, `${name}: the saved list is as it was`);
    }
    assert.match(messages[1], /文件不是可读取的 Excel 工作簿/);
    assert.match(messages[2], /文件是空的，没有可导入的内容/);
    assert.match(messages[3], /文件中没有组织：表头（第 1 行）之下没有数据行/);
    // The page and the sheets worker still work: a good file imports.
    await page.click('#import');
    await page.setInputFiles('#import-file', { name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from('组织名称,分类,党委评定\n幸福社区党支部,社区,95\n', 'utf8') });
    await page.locator('#import-apply').waitFor({ timeout: 20000 });
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('the share dialog\'s link follows the inputs while it is open', async () => {
  const site = await serveDist('/');
  const { context, page, watcher } = await openPage(site);
  try {
    await page.click('#share');
    const before = await page.inputValue('#share-link');
    await page.fill('#score-self', '70');
    await page.waitForFunction((old) => document.querySelector('#share-link')?.value !== old, before);
    const after = await page.inputValue('#share-link');
    const text = Buffer.from(after.split('#v1=')[1], 'base64url').toString('utf8');
    assert.match(text, /score self 70/);
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('after 清空 the working says what to fill in, not "正在计算……"', async () => {
  const site = await serveDist('/');
  const { context, page, watcher } = await openPage(site);
  try {
    await page.click('#show-why');
    await page.locator('#steps').waitFor({ timeout: 15000 });
    await page.click('#clear');
    await page.locator('#why-waiting').waitFor();
    assert.match(await page.locator('#why-waiting').textContent(), /^尚未填完：.*党委评定/);
    assert.equal(await page.locator('#computing').count(), 0);
    await page.click('#restore');
    await page.locator('#steps').waitFor({ timeout: 15000 });
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await context.close();
    await site.close();
  }
});

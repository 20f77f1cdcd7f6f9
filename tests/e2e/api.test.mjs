// The JS API through window.wasmBindings, as a script on the page would use it: every function
// answers through the worker, decimals cross as strings, errors are JS Errors in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, watch } from './harness.mjs';

const WORKED_EXAMPLE = {
  name: '红星村党支部',
  inputs: {
    committee: { score: '92' },
    vote: { votes: { counts: [30, 15, 4, 1] } },
    self: { score: '95' },
  },
};

test('window.wasmBindings evaluates, explains, seeks goals, lists presets and validates', async () => {
  const site = await serveDist('/apps/dingji/');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const watcher = await watch(page, site);
    await watcher.open();
    const out = await page.evaluate(async (org) => {
      const api = window.wasmBindings;
      const one = await api.evaluate('B', org);
      const explained = await api.explain('B', org);
      const goals = await api.goal_seek('B', org);
      const presets = await api.presets();
      const list = await api.evaluate('B', [org, { ...org, name: '二组', inputs: { ...org.inputs, committee: { score: '40' } } }]);
      const errors = [];
      for (const bad of [
        () => api.evaluate('B', { inputs: { committee: { score: '92' }, vote: { votes: { counts: [0, 0, 0, 0] } }, self: { score: '95' } } }),
        () => api.evaluate('Z', org),
        () => api.validate({ ...presets[0], tiers: [presets[0].tiers[1], presets[0].tiers[0], ...presets[0].tiers.slice(2)] }),
      ]) {
        try {
          await bad();
          errors.push('no error');
        } catch (e) {
          errors.push(`${e instanceof Error} ${e.message}`);
        }
      }
      const valid = await api.validate(presets[1]);
      return { one, explained, goals, ids: presets.map((p) => p.id), list, errors, validId: valid.id };
    }, WORKED_EXAMPLE);

    assert.equal(out.one.rounded, '89.18');
    assert.equal(out.one.composite, '89.18');
    assert.deepEqual(out.one.scores, ['92', '80.6', '95']);
    assert.equal(out.one.tier_name, '较好');
    assert.equal(out.one.stars_name, '三星');
    assert.equal(out.one.confirmer, '县委');
    assert.ok(out.explained.text.includes('综合评分 = 92 × 50% + 80.6 × 30% + 95 × 20% = 46 + 24.18 + 19 = 89.18'), out.explained.text.join('\n'));
    assert.ok(out.explained.text.includes('80 ≤ 89.18 < 90 → 较好'));
    assert.deepEqual(out.goals.goals[0], { kind: 'score', source: 0, current: '92', needed: '93.63' });
    assert.equal(out.goals.goals[1].extra, 9);
    assert.deepEqual(out.ids, ['B', 'A', 'C', 'ZY', 'ZZB', 'TJ', 'NW']);
    assert.equal(out.list.rows.length, 2);
    assert.equal(out.list.rows[1].tier_name, '较差');
    assert.equal(out.list.summary.total.count, 2);
    assert.deepEqual(out.errors, [
      'true 「党员群众测评」没有有效票，无法计算得分',
      'true 没有编号为「Z」的方案',
      'true 等次「好」的分数线 90 应低于上一等次的分数线 80（分数线须从高到低排列）',
    ]);
    assert.equal(out.validId, 'A');
    assert.deepEqual(await watcher.finish(), []);
    assert.ok(site.log.some((l) => /\/worker-[0-9a-f]{16}_bg\.wasm$/.test(l)), 'the worker fetched its wasm');
  } finally {
    await browser.close();
    await site.close();
  }
});

test('the worker is not part of the first load', async () => {
  const site = await serveDist('/');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const watcher = await watch(page, site);
    await watcher.open();
    await page.waitForLoadState('networkidle');
    // The page asks for no worker file; the service worker keeps every file of the release for
    // offline use, but only once the page is ready (after its load event).
    assert.ok(!watcher.requests.some((u) => u.includes('worker')), watcher.requests.join('\n'));
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await browser.close();
    await site.close();
  }
});

test('window.wasmBindings.evaluate_columns grades typed-array columns as the documents do', async () => {
  const site = await serveDist('/');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const watcher = await watch(page, site);
    await watcher.open();
    const out = await page.evaluate(async () => {
      const api = window.wasmBindings;
      // 1: the worked example; 2: the same with 党委评定 40; 3: domain.md reading 2 (69.995).
      const columns = {
        sources: {
          committee: { scale: 2, values: new Int32Array([9200, 4000, 6639]) },
          vote: { counts: [new Int32Array([30, 30, 16]), new Int32Array([15, 15, 12]), new Int32Array([4, 4, 2]), new Int32Array([1, 1, 0])] },
          self: { values: new Int32Array([95, 95, 65]) },
        },
      };
      const r = await api.evaluate_columns('B', columns);
      const plain = (x) => Array.from(x);
      const errors = [];
      for (const bad of [
        { sources: { ...columns.sources, vote: { counts: columns.sources.vote.counts.slice(0, 3) } } },
        { sources: { ...columns.sources, self: { values: [95, 95] } } },
        { sources: { ...columns.sources, self: { values: [95, 95.5, 65] } } },
        { sources: { ...columns.sources, nobody: { values: [1, 2, 3] } } },
        { sources: { ...columns.sources, self: 'ninety' } },
      ]) {
        try {
          await api.evaluate_columns('B', bad);
          errors.push('no error');
        } catch (e) {
          errors.push(`${e instanceof Error} ${e.message}`);
        }
      }
      const rowError = await api.evaluate_columns('B', {
        sources: { ...columns.sources, committee: { scale: 2, values: new Int32Array([10100, 4000, 6639]) } },
      });
      return {
        decimals: r.decimals,
        typed: r.rounded instanceof Int32Array && r.tier instanceof Uint8Array,
        rounded: plain(r.rounded), tier: plain(r.tier), score_tier: plain(r.score_tier), stars: plain(r.stars),
        rank: plain(r.rank), moved: plain(r.moved), tier_names: r.tier_names, quotas: r.quotas, errors,
        rowErrors: rowError.errors,
      };
    });
    // By hand: 46 + 24.18 + 19 = 89.18 → 较好 → 三星; 20 + 24.18 + 19 = 63.18 → 一般, then the 5%
    // rule (⌈5% × 3⌉ = 1, none below 60) moves the lowest to 较差 → 不定星; 33.195 + 23.8 + 13 =
    // 69.995 → 70.00 → 一般 → 二星.
    assert.equal(out.decimals, 2);
    assert.ok(out.typed);
    assert.deepEqual(out.rounded, [8918, 6318, 7000]);
    assert.deepEqual(out.score_tier, [1, 2, 2]);
    assert.deepEqual(out.tier, [1, 3, 2]);
    assert.deepEqual(out.stars, [3, 0, 2]);
    assert.deepEqual(out.rank, [1, 3, 2]);
    assert.deepEqual(out.moved, [0, 1, 0]);
    assert.deepEqual(out.tier_names, ['好', '较好', '一般', '较差']);
    assert.deepEqual(out.quotas.find((q) => q.rule === 'min_lowest'), { rule: 'min_lowest', category: null, base: 3, limit: 1, before: 0, moved: 1 });
    assert.deepEqual(out.errors, [
      'true 「党员群众测评」有 4 个档次，counts 给出 3 列',
      'true 「自评」得分有 2 个值，其他列有 3 个',
      'true 「自评」得分第 2 个值“95.5”不是整数',
      'true 方案中没有评价主体「nobody」',
      'true 「自评」（self）缺少列数据',
    ]);
    assert.deepEqual(out.rowErrors, [{ row: 1, message: '第 1 行：「党委评定」应在 0 到 100 之间，现为 101.00' }]);
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await browser.close();
    await site.close();
  }
});

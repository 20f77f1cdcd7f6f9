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
    assert.ok(site.log.some((l) => l.endsWith('/worker_bg.wasm')), 'the worker fetched its wasm');
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
    assert.ok(!site.log.some((l) => l.includes('worker')), site.log.join('\n'));
    assert.deepEqual(await watcher.finish(), []);
  } finally {
    await browser.close();
    await site.close();
  }
});

// Benchmark (not a timed test; run by scripts/bench.sh): the JS API beside a plain-JavaScript
// exact program of the same rules (tests/bench_plain.js), in the same page of the release dist/.
// Preset B with its list rules, 10,000, 100,000 and 1,000,000 organizations:
//   - plain JS: gradeB on typed arrays (the baseline);
//   - evaluate_columns: typed arrays in and out, the worker round trip included;
//   - evaluate with an array of organization objects (10,000 only), the round trip included.
// Every figure is the median of several runs after one warm-up, printed with its ratio to plain
// JS. The tiers from the API are checked against the baseline's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, launchBrowser, watch, ROOT } from './harness.mjs';
import { record } from './bench-record.mjs';

// The baseline as a classic script: its functions, without the module's `export`.
const plain = readFileSync(join(ROOT, 'tests', 'bench_plain.js'), 'utf8').replace(/^export /gm, '');

const site = await serveDist('/');
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const watcher = await watch(page, site);
  await watcher.open();
  await page.evaluate(`${plain}; window.gradeB = gradeB;`);
  const results = await page.evaluate(async () => {
    const api = window.wasmBindings;
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // Deterministic inputs: 党委评定 and 自评 to 0.01, a vote of 20 to 60 ballots.
    let seed = 0x2545f491;
    const next = (m) => {
      seed ^= seed << 13; seed >>>= 0;
      seed ^= seed >>> 17;
      seed ^= seed << 5; seed >>>= 0;
      return seed % m;
    };
    const out = [];
    for (const n of [10000, 100000, 1000000]) {
      const committee = new Int32Array(n), self = new Int32Array(n);
      const counts = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)];
      for (let i = 0; i < n; i++) {
        committee[i] = 5000 + next(5001);
        self[i] = 6000 + next(4001);
        const voters = 20 + next(41);
        const good = next(voters + 1), fair = next(voters - good + 1), poor = next(voters - good - fair + 1);
        counts[0][i] = good; counts[1][i] = fair; counts[2][i] = poor; counts[3][i] = voters - good - fair - poor;
      }
      const columns = {
        sources: {
          committee: { scale: 2, values: committee },
          vote: { counts },
          self: { scale: 2, values: self },
        },
      };
      const runs = n <= 10000 ? 9 : n <= 100000 ? 5 : 3;
      const time = async (f) => {
        await f();
        const xs = [];
        let last;
        for (let k = 0; k < runs; k++) {
          const t = performance.now();
          last = await f();
          xs.push(performance.now() - t);
        }
        return [median(xs), last];
      };
      // Ten gradings a sample, a tenth of it counted: one grading of 10,000 (a few ms) is too
      // short a baseline to be steady.
      const [tenMs, js] = await time(async () => {
        let last;
        for (let k = 0; k < 10; k++) last = window.gradeB(committee, ...counts, self);
        return last;
      });
      const jsMs = tenMs / 10;
      const [colMs, col] = await time(() => api.evaluate_columns('B', columns));
      const same = js.tier.every((t, i) => t === col.tier[i]) && js.stars.every((s, i) => s === col.stars[i]);
      const row = { n, jsMs, colMs, same };
      if (n <= 10000) {
        const cents = (x) => `${Math.floor(x / 100)}.${String(x % 100).padStart(2, '0')}`;
        const orgs = Array.from({ length: n }, (_, i) => ({
          inputs: {
            committee: { score: cents(committee[i]) },
            vote: { votes: { counts: [counts[0][i], counts[1][i], counts[2][i], counts[3][i]] } },
            self: { score: cents(self[i]) },
          },
        }));
        const [objMs, obj] = await time(() => api.evaluate('B', orgs));
        row.objMs = objMs;
        row.sameObj = obj.rows.every((r, i) => r.tier === js.tier[i]);
      }
      out.push(row);
    }
    return out;
  });
  for (const r of results) {
    const js = { name: `plain JS exact, ${r.n}, same page`, value: r.jsMs };
    record(`JS API evaluate_columns, ${r.n}`, r.colMs, 'ms', js);
    if (r.objMs !== undefined) record(`JS API evaluate with objects, ${r.n}`, r.objMs, 'ms', js);
    const ratio = (x) => `${(x / r.jsMs).toFixed(2)}×`;
    console.log(
      `JS API (Chromium, worker round trip), preset B, ${r.n} organizations, list rules: plain JS exact ${r.jsMs.toFixed(2)} ms; ` +
        `evaluate_columns ${r.colMs.toFixed(2)} ms (${ratio(r.colMs)}, same tiers and stars: ${r.same})` +
        (r.objMs === undefined ? '' : `; evaluate with objects ${r.objMs.toFixed(1)} ms (${ratio(r.objMs)}, same tiers: ${r.sameObj})`),
    );
  }
  const problems = await watcher.finish();
  if (problems.length) console.log('page problems:', problems);
} finally {
  await browser.close();
  await site.close();
}

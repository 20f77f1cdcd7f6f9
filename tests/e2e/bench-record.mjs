// The benchmarks' figures, each beside its baseline measured in the same run, written for
// scripts/bench-compare.mjs: one JSON line per figure appended to $BENCH_OUT (scripts/bench.sh
// sets it; a benchmark run alone just prints). A baseline is a value measured beside the figure
// (`{ name, value }`: plain JS in the same page, a load's transfer floor) or another figure of the
// same run (`{ of: name }`: the same step at 10,000 for a figure at 100,000).
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

/** Records `value` (in `unit`) of the figure `name` beside `baseline`. */
export function record(name, value, unit, baseline) {
  if (!process.env.BENCH_OUT) return;
  appendFileSync(process.env.BENCH_OUT, `${JSON.stringify({ name, value, unit, baseline })}\n`);
}

/** tests/bench_plain.js (the plain-JS exact program of preset B's rules), as a classic script. */
export const PLAIN = readFileSync(join(ROOT, 'tests', 'bench_plain.js'), 'utf8').replace(/^export /gm, '');

/**
 * The machine's unit, for a figure with no plain-JS twin of its own (a keystroke, an edit, an
 * import): plain JS grading 10,000 organizations of preset B with its list rules ten times in
 * the same page, the median of 9 after a warm-up (one grading, a few ms, is too short to be
 * steady). A figure over it moves with the code, not the machine.
 */
export async function plainUnit(page) {
  await page.evaluate(`${PLAIN}; window.gradeB = gradeB;`);
  const value = await page.evaluate(() => {
    const n = 10000;
    const col = (f) => Int32Array.from({ length: n }, (_, i) => f(i));
    const committee = col((i) => 6000 + ((i * 13) % 400) * 10);
    const good = col((i) => 10 + ((i * 7) % 37));
    const fair = col((i) => 50 - (10 + ((i * 7) % 37)) - 3);
    const poor = col(() => 2);
    const bad = col(() => 1);
    const self = col((i) => 7000 + ((i * 17) % 300) * 10);
    const ten = () => {
      for (let r = 0; r < 10; r++) window.gradeB(committee, good, fair, poor, bad, self);
    };
    ten();
    const xs = [];
    for (let k = 0; k < 9; k++) {
      const t = performance.now();
      ten();
      xs.push(performance.now() - t);
    }
    return xs.sort((a, b) => a - b)[4];
  });
  return { name: 'plain JS grading 10,000 ten times, same page', value };
}

// Compares a benchmark run (the JSON lines tests/e2e/bench-record.mjs wrote to $BENCH_OUT) with
// the ratios kept in benches/ratios.json: each figure over its baseline of the same run, beside
// the kept ratio. A ratio more than 20% above the kept one is a regression: printed as such, and
// the exit status is 1. The run's table is written to benches/last-run.md.
//   node scripts/bench-compare.mjs [run.jsonl]          compare
//   node scripts/bench-compare.mjs [run.jsonl] --keep   keep this run's ratios (a deliberate
//                                                        change: commit benches/ratios.json with it)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const TOLERANCE = 1.2;
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const runFile = args.find((a) => a !== '--keep') ?? process.env.BENCH_OUT ?? 'benches/run.jsonl';
const keptFile = new URL('../benches/ratios.json', import.meta.url);
const outFile = new URL('../benches/last-run.md', import.meta.url);

const figures = readFileSync(runFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
const byName = new Map(figures.map((f) => [f.name, f]));
const kept = existsSync(keptFile) ? JSON.parse(readFileSync(keptFile, 'utf8')).ratios : {};

const rows = [];
const ratios = {};
let regressions = 0;
for (const f of figures) {
  const base = f.baseline?.of ? byName.get(f.baseline.of) : f.baseline;
  const baseName = f.baseline?.of ?? f.baseline?.name;
  if (!base || !(base.value > 0)) {
    rows.push([f.name, fmt(f.value, f.unit), baseName ?? '—', '—', '—', '—', 'no baseline in this run']);
    continue;
  }
  const ratio = f.value / base.value;
  ratios[f.name] = Number(ratio.toFixed(3));
  const before = kept[f.name];
  let verdict = 'new';
  if (before !== undefined) {
    const change = ratio / before;
    verdict = change > TOLERANCE ? `REGRESSION (${((change - 1) * 100).toFixed(0)}% worse)` : change < 1 / TOLERANCE ? `better (${((1 - change) * 100).toFixed(0)}%)` : 'as kept';
    if (change > TOLERANCE) regressions++;
  }
  rows.push([f.name, fmt(f.value, f.unit), baseName, fmt(base.value, base.unit ?? f.unit), `${ratio.toFixed(2)}×`, before === undefined ? '—' : `${before.toFixed(2)}×`, verdict]);
}

const table = [
  '| figure | value | baseline (same run) | baseline value | ratio | kept ratio | verdict |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
writeFileSync(outFile, `# The last benchmark run\n\n${new Date().toISOString()}; regressions: ${regressions}\n\n${table}\n`);
console.log(table);
for (const name of Object.keys(kept)) if (!(name in ratios)) console.log(`not measured this run: ${name}`);
if (keep) {
  writeFileSync(keptFile, `${JSON.stringify({ note: 'Each benchmark figure over its baseline of the same run (scripts/bench-compare.mjs --keep).', ratios: { ...kept, ...ratios } }, null, 2)}\n`);
  console.log(`kept ${Object.keys(ratios).length} ratios in benches/ratios.json`);
} else if (regressions) {
  console.log(`${regressions} regression(s): a ratio more than ${Math.round((TOLERANCE - 1) * 100)}% worse than kept`);
  process.exit(1);
}

function fmt(value, unit) {
  return unit === 's' ? `${value.toFixed(2)} s` : `${value.toFixed(1)} ms`;
}

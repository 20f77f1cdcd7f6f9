// Checks the "Architecture invariant:" lines of docs/architecture.md against the code, so that
// the document cannot drift from the tree. Run by scripts/test.sh; exits non-zero on a breach.
//
//   node scripts/check-architecture.mjs
//
// It reads the Rust sources as text: every `crate::<room>` and `dingji::<room>` path names an
// import of that room (a `use` line, or a path written in full in the code).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const failures = [];
const fail = (invariant, what) => failures.push(`${invariant}: ${what}`);

function rustFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...rustFiles(path));
    else if (name.endsWith('.rs')) out.push(path);
  }
  return out;
}

// The rooms of src/: each top-level module (a folder or a file), and bin/ and main.rs apart.
const rooms = ['calculator', 'list', 'tools', 'shared', 'wire', 'worker', 'api'];
const roomOf = (file) => {
  const parts = relative(join(root, 'src'), file).split(sep);
  const first = parts[0].replace(/\.rs$/, '');
  return rooms.includes(first) ? first : null;
};

// Code without its comments (a comment may name any module).
const code = (text) =>
  text
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, ''))
    .join('\n');

const files = rustFiles(join(root, 'src'));
const imports = new Map(rooms.map((r) => [r, new Map()])); // room → room → first file
for (const file of files) {
  const from = roomOf(file);
  if (!from) continue;
  const text = code(readFileSync(file, 'utf8'));
  for (const m of text.matchAll(/\b(?:crate|dingji)::([a-z_]+)/g)) {
    const to = m[1];
    if (!rooms.includes(to) || to === from) continue;
    if (!imports.get(from).has(to)) imports.get(from).set(to, relative(root, file));
  }
}
const uses = (from, to) => imports.get(from).get(to);

// Architecture invariant: no page imports another page or the tools.
for (const [page, others] of [
  ['calculator', ['list', 'tools']],
  ['list', ['calculator', 'tools']],
]) {
  for (const other of others) {
    const file = uses(page, other);
    if (file) fail('no page imports another page or the tools', `${file} imports ${other}`);
  }
}

// Architecture invariant: wire/, shared/ and worker/ import no page and not the tools.
for (const lower of ['wire', 'shared', 'worker']) {
  for (const higher of ['calculator', 'list', 'tools']) {
    const file = uses(lower, higher);
    if (file) fail(`${lower}/ imports no page and not the tools`, `${file} imports ${higher}`);
  }
}

// Architecture invariant: the worker uses only wire/, the JS API's types and the rules crate.
{
  const file = uses('worker', 'shared');
  if (file) fail('worker/ uses only wire/ and the rules crate', `${file} imports shared`);
}

// Architecture invariant: no import circles between the rooms of src/.
{
  const seen = new Set();
  const path = [];
  const visit = (room) => {
    if (path.includes(room)) {
      const circle = [...path.slice(path.indexOf(room)), room];
      fail('no import circles', circle.join(' → '));
      return;
    }
    if (seen.has(room)) return;
    seen.add(room);
    path.push(room);
    for (const next of imports.get(room).keys()) visit(next);
    path.pop();
  };
  rooms.forEach(visit);
}

// Architecture invariant: the rules and scheme crates have no web dependency (scripts/test.sh
// also asks `cargo tree`, which sees dependencies of dependencies).
for (const crate of ['rules', 'scheme']) {
  const manifest = readFileSync(join(root, crate, 'Cargo.toml'), 'utf8');
  const deps = manifest.split(/^\[/m).filter((s) => /^(dependencies|target\..*\.dependencies)\]/.test(s));
  for (const section of deps) {
    for (const web of ['yew', 'web-sys', 'js-sys', 'wasm-bindgen', 'gloo', 'serde-wasm-bindgen']) {
      if (new RegExp(`^${web}\\s*=`, 'm').test(section)) fail('the rules crate is pure', `${crate}/Cargo.toml depends on ${web}`);
    }
  }
}

// Architecture invariant: no source file in src/ is over 600 lines, but for those listed here
// (each to be split; the list must stay exact: a file that drops under 600 leaves it).
const LONG = new Set([]);
for (const file of files) {
  const name = relative(root, file).split(sep).join('/');
  const lines = readFileSync(file, 'utf8').split('\n').length - 1;
  if (lines > 600 && !LONG.has(name)) fail('no file over 600 lines', `${name} has ${lines}`);
  if (lines <= 600 && LONG.has(name)) fail('no file over 600 lines', `${name} has ${lines}: take it off the list`);
}

// Architecture invariant: every stored format is versioned, and docs/architecture.md lists it.
{
  const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
  const keys = new Set();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/"(dingji\.[a-z.]+(?:\.v\d+)?)"/g)) keys.add(m[1]);
  }
  for (const key of keys) {
    if (key !== 'dingji.lang' && !/\.v\d+$/.test(key)) fail('every stored format is versioned', `${key} has no version`);
    if (!doc.includes(key)) fail('docs/architecture.md lists every stored format', `${key} is not in it`);
  }
}

if (failures.length) {
  console.error(`architecture: ${failures.length} invariant(s) broken\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
const arrows = rooms.flatMap((r) => [...imports.get(r).keys()].map((t) => `${r}→${t}`));
console.log(`architecture: every invariant holds (${files.length} files; ${arrows.join(', ')})`);

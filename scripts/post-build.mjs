// Trunk post_build hook, on the staged dist/ (TRUNK_STAGING_DIR):
// 1. release builds: minifies the app's JS glue with terser (trunk's own minifier cannot parse
//    it) and updates the Subresource Integrity hash of its modulepreload link;
// 2. the list page's bundle (list.js + list_bg.wasm, built by trunk as a worker-type bundle, which
//    trunk does not hash): minified on release, then named by a hash of its content, with
//    list.html and its loader pointed at the new names, so that a browser never runs an old glue
//    with a new wasm after an update;
// 3. the two workers' files (worker*, sheets*) and the import dialog's bundle (tools*, its
//    global renamed `self.dingjiTools`) named by a hash of their content, so that a browser
//    never keeps an old one after an update; their names are given to both pages as
//    `self.dingjiWorkers` (an inline script in index.html, the list page's loader);
// 4. the two style sheets both pages link (base.css, list.css; copied by trunk as they are):
//    minified on release and named by a hash of their content; the calculator's presentation
//    sheet and the tools' sheet (tools.css, fetched on a first tool) too, given to the pages with the
//    workers' names (the calculator fetches each when first needed);
// 5. pins every inline <script> of index.html in the Content-Security-Policy by its sha256,
//    replacing the 'inline-script-hashes' placeholder. Trunk writes one inline script (its module
//    loader, and in `trunk serve` the autoreload client); no other inline script may run;
// 6. writes the service worker's list of the release's files and its version (assets/sw.js);
// 7. writes the portable build, dist/portable/ (scripts/portable.mjs), which the service worker
//    does not keep.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import CleanCSS from 'clean-css';
import { writePortable } from './portable.mjs';

const PLACEHOLDER = "'inline-script-hashes'";
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run me as a trunk hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

if (process.env.TRUNK_PROFILE === 'release') {
  // Attributes may or may not be quoted (trunk minifies the HTML of release builds).
  const attr = (tag, name) => tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|([^\\s>]+))`))?.slice(1).find(Boolean);
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (attr(tag, 'rel') !== 'modulepreload') continue;
    const name = attr(tag, 'href')?.replace(/^\.\//, '');
    const integrity = attr(tag, 'integrity');
    if (!name) continue;
    const path = join(dir, name);
    const code = readFileSync(path, 'utf8');
    const out = await minify(code, { module: true, compress: true, mangle: true });
    writeFileSync(path, out.code);
    if (integrity) html = html.replace(integrity, `sha384-${createHash('sha384').update(out.code).digest('base64')}`);
    console.log(`post-build: minified ${name}: ${code.length} → ${out.code.length} bytes`);
  }
}

// The workers first: their names go into both pages (an inline script in index.html, the list
// page's loader), read by src/wire/client.rs as `self.dingjiWorkers`.
const workers = {};
for (const base of ['worker', 'sheets']) {
  const files = { js: `${base}.js`, wasm: `${base}_bg.wasm`, loader: `${base}_loader.js` };
  const code = readFileSync(join(dir, files.js));
  const binary = readFileSync(join(dir, files.wasm));
  const hash = createHash('sha256').update(code).update(binary).digest('hex').slice(0, 16);
  const names = { js: `${base}-${hash}.js`, wasm: `${base}-${hash}_bg.wasm`, loader: `${base}_loader-${hash}.js` };
  const loader = readFileSync(join(dir, files.loader), 'utf8');
  const wanted = [`"./${files.js}"`, `"./${files.wasm}"`];
  if (!wanted.every((w) => loader.includes(w))) throw new Error(`post-build: ${files.loader} does not load ${wanted.join(' and ')}`);
  // A wasm that cannot be fetched or compiled is said to the page (src/wire/client.rs fails the
  // calls waiting for it and starts a new worker on the next), not left as an unheard rejection.
  const named = loader.replace(wanted[0], `"./${names.js}"`).replace(wanted[1], `"./${names.wasm}"`).trim().replace(/;$/, '');
  if (!named.endsWith(')')) throw new Error(`post-build: ${files.loader} does not end with the wasm_bindgen call`);
  writeFileSync(join(dir, names.loader), `${named}.catch((e)=>postMessage({failed:String(e)}));`);
  unlinkSync(join(dir, files.loader));
  renameSync(join(dir, files.js), join(dir, names.js));
  renameSync(join(dir, files.wasm), join(dir, names.wasm));
  workers[`./${files.loader}`] = `./${names.loader}`;
  console.log(`post-build: ${base} worker named ${names.loader}, ${names.js}, ${names.wasm}`);
}
// The list page's tools (tools.js + tools_bg.wasm: the import dialog and the scheme workshop, a
// no-modules bundle like the list page's), loaded by the list page on the first use of either
// (src/list/tools.rs). Its global is
// renamed from `wasm_bindgen` (the list page's own) to `self.dingjiTools`, then its files are
// named by a hash of their content and given to the pages with the workers' names.
{
  const js = join(dir, 'tools.js');
  const wasm = join(dir, 'tools_bg.wasm');
  let code = readFileSync(js, 'utf8');
  // trunk may have minified it already (`let wasm_bindgen=`).
  const global = /^let wasm_bindgen ?= ?/;
  if (!global.test(code)) throw new Error('post-build: tools.js does not start with its wasm_bindgen global');
  code = code.replace(global, 'self.dingjiTools=');
  if (process.env.TRUNK_PROFILE === 'release') {
    const out = await minify(code, { compress: true, mangle: true });
    console.log(`post-build: minified tools.js: ${code.length} → ${out.code.length} bytes`);
    code = out.code;
  }
  const binary = readFileSync(wasm);
  const hash = createHash('sha256').update(code).update(binary).digest('hex').slice(0, 16);
  const names = { js: `tools-${hash}.js`, wasm: `tools-${hash}_bg.wasm` };
  writeFileSync(join(dir, names.js), code);
  unlinkSync(js);
  renameSync(wasm, join(dir, names.wasm));
  workers['./tools.js'] = `./${names.js}`;
  workers['./tools_bg.wasm'] = `./${names.wasm}`;
  console.log(`post-build: tools named ${names.js}, ${names.wasm}`);
}
// The style sheets a page fetches or links after trunk has copied them: minified on release,
// named by a hash of their content, and given to the pages with the workers' names. The
// calculator's presentation mode's, fetched when that mode is first turned on
// (src/calculator/hooks.rs); the tools' (style/tools.css), fetched by assets/tools-loader.js when
// a tool first opens, on either page.
for (const name of ['presentation', 'tools']) {
  let css = readFileSync(join(dir, `${name}.css`), 'utf8');
  if (process.env.TRUNK_PROFILE === 'release') {
    const out = new CleanCSS({ level: 1 }).minify(css);
    if (out.errors.length) throw new Error(`post-build: ${name}.css: ${out.errors.join('; ')}`);
    css = out.styles;
  }
  const hashed = `${name}-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(dir, hashed), css);
  unlinkSync(join(dir, `${name}.css`));
  workers[`./${name}.css`] = `./${hashed}`;
}
// The tools' loader (assets/tools-loader.js): the three names above written into it, so that a
// page is given its one name; minified on release and named by a hash of its content.
{
  let code = readFileSync(join(dir, 'tools-loader.js'), 'utf8');
  for (const name of ['./tools.js', './tools_bg.wasm', './tools.css']) {
    if (!code.includes(`'${name}'`)) throw new Error(`post-build: tools-loader.js does not load ${name}`);
    code = code.replace(`'${name}'`, `'${workers[name]}'`);
  }
  if (process.env.TRUNK_PROFILE === 'release') code = (await minify(code, { compress: true, mangle: true })).code;
  const hashed = `tools-loader-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, hashed), code);
  unlinkSync(join(dir, 'tools-loader.js'));
  workers['./tools-loader.js'] = `./${hashed}`;
}
// The English catalogue (assets/en.txt, and the rules crate's messages, scheme/src/error-en.txt;
// both copied by trunk as they are), fetched by a page when English is first chosen
// (src/shared/i18n.rs): a script that sets `self.dingjiEn`, named by a hash of its content.
// It holds four arrays: the keys and values of en.txt's two sections in turn, read as
// src/shared/i18n.rs's `section` reads them (a section starts at a `[name]` line; `key = value`,
// a value in quotes without them; `#` comments); the messages, a `key<TAB>pattern` line each;
// and the presets' English, Chinese and
// English in turn, gathered from rules/presets/*.json as rules/build.rs gathers them (every
// object with a string `zh` and a non-empty string `en`), which leaves them out of the pages'
// compiled presets.
{
  const [text, errors] = ['en.txt', 'error-en.txt'].map((name) => readFileSync(join(dir, name), 'utf8'));
  const presetDir = new URL('../rules/presets/', import.meta.url);
  const pairs = new Map();
  const gather = (v) => {
    if (Array.isArray(v)) return v.forEach(gather);
    if (v === null || typeof v !== 'object') return;
    if (typeof v.zh === 'string' && typeof v.en === 'string' && v.en !== '' && !pairs.has(v.zh)) pairs.set(v.zh, v.en);
    Object.values(v).forEach(gather);
  };
  for (const name of readdirSync(presetDir).filter((n) => n.endsWith('.json')).sort()) {
    gather(JSON.parse(readFileSync(new URL(name, presetDir), 'utf8')));
  }
  // Each `key = value` line as its key and its value in turn (the pages match them by key).
  const section = (n) => (text.split('[')[n] ?? '').split('\n').flatMap((line) => {
    const at = line.indexOf('=');
    if (at < 0 || line.startsWith('#')) return [];
    const value = line.slice(at + 1).replace(/^ /, '');
    return [line.slice(0, at).trimEnd(), value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value];
  });
  const parts = [section(1), section(2), errors.split('\n').filter((line) => line !== ''), [...pairs].flat()];
  const code = `self.dingjiEn=${JSON.stringify(parts)};`;
  const hashed = `en-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, hashed), code);
  for (const name of ['en.txt', 'error-en.txt']) unlinkSync(join(dir, name));
  workers['./en.js'] = `./${hashed}`;
}
// The list page is given every name but the calculator's presentation sheet (its tools run
// over it, and ask for the rest).
const { './presentation.css': _presentation, ...listWorkers } = workers;
const workerNames = `self.dingjiWorkers=${JSON.stringify(listWorkers)};`;
// The calculator is given only the names it uses (each hash is bytes of its first load).
const calculatorNames = `self.dingjiWorkers=${JSON.stringify({
  './worker_loader.js': workers['./worker_loader.js'],
  './presentation.css': workers['./presentation.css'],
  './en.js': workers['./en.js'],
  './tools-loader.js': workers['./tools-loader.js'],
})};`;
if (!html.includes('</head>')) throw new Error('post-build: index.html has no </head>');
// With them, one inline script, pinned below like trunk's.
html = html.replace('</head>', `<script>${calculatorNames}</script></head>`);

{
  const js = join(dir, 'list.js');
  const wasm = join(dir, 'list_bg.wasm');
  let code = readFileSync(js, 'utf8');
  if (process.env.TRUNK_PROFILE === 'release') {
    const out = await minify(code, { compress: true, mangle: true });
    console.log(`post-build: minified list.js: ${code.length} → ${out.code.length} bytes`);
    code = out.code;
  }
  const binary = readFileSync(wasm);
  const hash = createHash('sha256').update(code).update(binary).update(workerNames).digest('hex').slice(0, 16);
  const names = { js: `list-${hash}.js`, wasm: `list-${hash}_bg.wasm`, loader: `list-loader-${hash}.js` };
  writeFileSync(join(dir, names.js), code);
  renameSync(wasm, join(dir, names.wasm));
  unlinkSync(js);
  let loader = readFileSync(join(dir, 'list-loader.js'), 'utf8');
  if (!loader.includes("'./list_bg.wasm'")) throw new Error('post-build: list-loader.js does not load ./list_bg.wasm');
  loader = loader.replace("'./list_bg.wasm'", `'./${names.wasm}'`);
  if (process.env.TRUNK_PROFILE === 'release') {
    // Its comments are for whoever reads assets/list-loader.js (≈0.2 KB gzip of the first load).
    loader = (await minify(loader, { compress: true, mangle: true })).code;
  }
  writeFileSync(join(dir, names.loader), workerNames + loader);
  unlinkSync(join(dir, 'list-loader.js'));
  const page = join(dir, 'list.html');
  const listHtml = readFileSync(page, 'utf8');
  if (!listHtml.includes('"./list.js"') || !listHtml.includes('"./list-loader.js"') || !listHtml.includes('"./list_bg.wasm"')) {
    throw new Error('post-build: list.html does not load ./list.js and ./list-loader.js, or preload ./list_bg.wasm');
  }
  writeFileSync(
    page,
    listHtml
      .replaceAll('"./list.js"', `"./${names.js}"`)
      .replaceAll('"./list-loader.js"', `"./${names.loader}"`)
      .replace('"./list_bg.wasm"', `"./${names.wasm}"`),
  );
  console.log(`post-build: list page bundle named ${names.js}, ${names.wasm}`);
}

{
  const page = join(dir, 'list.html');
  let listHtml = readFileSync(page, 'utf8');
  for (const name of ['base.css', 'list.css']) {
    let css = readFileSync(join(dir, name), 'utf8');
    if (process.env.TRUNK_PROFILE === 'release') {
      const out = new CleanCSS({ level: 1 }).minify(css);
      if (out.errors.length) throw new Error(`post-build: ${name}: ${out.errors.join('; ')}`);
      console.log(`post-build: minified ${name}: ${css.length} → ${out.styles.length} bytes`);
      css = out.styles;
    }
    const hashed = name.replace('.css', `-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`);
    writeFileSync(join(dir, hashed), css);
    unlinkSync(join(dir, name));
    const link = `./${name}`;
    if (!listHtml.includes(`"${link}"`)) throw new Error(`post-build: list.html does not link ${link}`);
    listHtml = listHtml.replace(`"${link}"`, `"./${hashed}"`);
    if (name === 'base.css') {
      // index.html's attributes may have lost their quotes to trunk's minifier.
      if (!html.includes(link)) throw new Error(`post-build: index.html does not link ${link}`);
      html = html.replace(link, `./${hashed}`);
    }
  }
  if (process.env.TRUNK_PROFILE === 'release') {
    // As trunk's minifier does index.html: the comments are for whoever reads the source.
    listHtml = listHtml.replace(/<!--[\s\S]*?-->/g, '').replace(/>\s+</g, '><');
  }
  writeFileSync(page, listHtml);
}

if (!html.includes(PLACEHOLDER)) {
  console.error(`post-build: ${file} has no ${PLACEHOLDER} placeholder in its CSP`);
  process.exit(1);
}
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/i.test(m[1])) continue;
  hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
}
writeFileSync(file, html.replace(PLACEHOLDER, hashes.join(' ')));
console.log(`post-build: pinned ${hashes.length} inline script(s) in the CSP`);

// 6. the service worker (assets/sw.js, copied by trunk): the list of every file of the release
//    and a version made of their names and contents, so that a new release replaces it whole.
{
  const files = [];
  const walk = (sub) => {
    for (const name of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${name.name}` : name.name;
      if (name.isDirectory()) walk(rel);
      else if (rel !== 'sw.js' && !rel.endsWith('.txt')) files.push(rel);
    }
  };
  walk('');
  files.sort();
  const version = createHash('sha256');
  for (const rel of files) version.update(rel).update(readFileSync(join(dir, rel)));
  const sw = join(dir, 'sw.js');
  const code = readFileSync(sw, 'utf8')
    .replace('%VERSION%', version.digest('hex').slice(0, 16))
    .replace("'%FILES%'", JSON.stringify(['./', ...files.map((f) => `./${f}`)]));
  writeFileSync(sw, code);
  console.log(`post-build: the service worker caches ${files.length} files`);
}

// 7. the portable build, from the release as it now is.
await writePortable(dir, { release: process.env.TRUNK_PROFILE === 'release' });

// The portable build (post-build.mjs's last step, on the finished dist/): dist/portable/index.html
// and list.html, each one self-contained page that works opened from the disk (file://), where a
// page may fetch nothing, and dingji-portable.zip with both and a note on their use, which the
// hosted pages offer as 下载单机版.
//
// Each page is the hosted one with:
// - its style sheets inline (<style>, pinned in its Content-Security-Policy by their sha256) and
//   its icon as a data: URL;
// - every other file it may load carried inside it as base64 (assets/portable.js's blocks), made a
//   blob: URL on first use: its wasm compiled from bytes, the workers started from blob: URLs with
//   their wasm inside, the tools bundle, the English catalogue;
// - its loaders' file names ("./tools-….js") written as calls to that runtime
//   (self.dingjiPortable.url("tools-….js"), .bytes(…) for a wasm);
// - a policy of its own: file:// has no 'self' to name, so scripts, style sheets and workers may
//   come from blob: URLs, which only the page's own scripts can make; nothing can be fetched.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { zipSync, strToU8 } from 'fflate';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// An attribute's value, quoted or not (trunk minifies the HTML of release builds).
const attr = (tag, name) => tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
const local = (href) => (href?.startsWith('./') ? href.slice(2) : null);

/** Writes dir/portable/ from the release in `dir`. */
export async function writePortable(dir, { release }) {
  const files = new Set(readdirSync(dir).filter((name) => !name.endsWith('.html') && name !== 'sw.js'));
  const read = (name) => readFileSync(join(dir, name));
  let runtime = readFileSync(new URL('../assets/portable.js', import.meta.url), 'utf8');
  if (release) runtime = (await minify(runtime, { compress: true, mangle: true })).code;

  const out = join(dir, 'portable');
  mkdirSync(out, { recursive: true });
  const pages = {};
  for (const page of ['index.html', 'list.html']) {
    pages[page] = portablePage(readFileSync(join(dir, page), 'utf8'), { files, read, runtime, page });
    writeFileSync(join(out, page), pages[page]);
    console.log(`post-build: portable/${page}: ${Buffer.byteLength(pages[page])} bytes`);
  }
  const zip = zipSync(
    {
      '定级单机版/index.html': strToU8(pages['index.html']),
      '定级单机版/list.html': strToU8(pages['list.html']),
      '定级单机版/使用说明.txt': strToU8(NOTE.replaceAll('\n', '\r\n')),
    },
    { level: 9, mtime: new Date('2026-01-01T00:00:00') },
  );
  writeFileSync(join(out, 'dingji-portable.zip'), zip);
  console.log(`post-build: portable/dingji-portable.zip: ${zip.length} bytes`);
}

/** One hosted page made self-contained. */
function portablePage(html, { files, read, runtime, page }) {
  const carried = new Set();
  const rewritten = new Map(); // a loader's name → its text with the names of the files it loads rewritten
  // Every quoted "./name" of a file of the release, in a loader's script, becomes the runtime's
  // call for it; the file is then carried.
  const rewrite = (code) =>
    code.replace(/(["'`])\.\/([\w.-]+)\1/g, (whole, _, name) => {
      if (!files.has(name)) return whole;
      carry(name);
      return `self.dingjiPortable.${name.endsWith('.wasm') ? 'bytes' : 'url'}(${JSON.stringify(name)})`;
    });
  const carry = (name) => {
    if (carried.has(name)) return;
    carried.add(name);
    if (name.endsWith('.js')) {
      const code = read(name).toString('utf8');
      const again = rewrite(code);
      if (again !== code) rewritten.set(name, again);
    }
  };
  const entries = {};
  const mapped = (map) => {
    for (const [key, value] of Object.entries(map)) {
      const name = local(value);
      if (!name || !files.has(name)) throw new Error(`portable: ${page} names ${value}, not a file of the release`);
      const loader = read(name).toString('utf8').match(/^importScripts\("\.\/([\w.-]+)"\);wasm_bindgen\("\.\/([\w.-]+)"\)/);
      if (loader) {
        entries[key] = ['worker', loader[1], loader[2]];
        carried.add(loader[1]);
        carried.add(loader[2]);
      } else {
        entries[key] = ['file', name];
        carry(name);
      }
    }
  };
  const MAP = /^self\.dingjiWorkers=(\{[^;]*\});/;
  const styles = [];
  const classic = [];
  let body = html
    // The style sheets inline; the icon as data; preloads dropped (there is nothing to fetch).
    .replace(/<link\b[^>]*>/g, (tag) => {
      const rel = attr(tag, 'rel');
      const name = local(attr(tag, 'href'));
      if (rel === 'modulepreload' || rel === 'preload') return '';
      if (rel === 'stylesheet' && name && files.has(name)) {
        const css = read(name).toString('utf8');
        if (/<\/style/i.test(css)) throw new Error(`portable: ${name} cannot be inlined`);
        styles.push(sha256(css));
        return `<style>${css}</style>`;
      }
      if (rel === 'icon' && name && files.has(name)) return `<link rel="icon" href="data:image/svg+xml;base64,${read(name).toString('base64')}">`;
      if (/\bhref=["']?\.\//.test(tag)) throw new Error(`portable: ${page} links a file the portable page cannot carry: ${tag}`);
      return tag;
    })
    .replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, code) => {
      const src = local(attr(`<x ${attrs}>`, 'src'));
      if (src) {
        if (!files.has(src)) throw new Error(`portable: ${page} runs ${src}, not a file of the release`);
        let text = read(src).toString('utf8');
        const map = text.match(MAP);
        if (map) {
          mapped(JSON.parse(map[1]));
          text = text.slice(map[0].length);
        }
        carried.add(src);
        const again = rewrite(text);
        if (again !== read(src).toString('utf8')) rewritten.set(src, again);
        classic.push(src);
        return classic.length === 1 ? '%CLASSIC%' : '';
      }
      const map = code.match(MAP);
      if (map && code.length === map[0].length) {
        mapped(JSON.parse(map[1]));
        return '';
      }
      if (attr(`<x ${attrs}>`, 'type') === 'module') {
        // trunk's loader: its static import made a dynamic one (a module cannot be imported from
        // the disk, nor a blob: URL named before the page has made it).
        const imported = /import\s+init\s*,\s*\*\s*as\s+bindings\s+from\s*(["'])\.\/([\w.-]+)\1\s*;?/;
        const found = code.match(imported);
        if (!found || !files.has(found[2])) throw new Error(`portable: ${page}'s module loader is not trunk's`);
        carried.add(found[2]);
        const loaded = rewrite(
          code.replace(imported, `const bindings = await import(self.dingjiPortable.url(${JSON.stringify(found[2])}));\nconst init = bindings.default;`),
        );
        return `<script type="module">${loaded}</script>`;
      }
      return whole;
    });
  // The page's classic scripts (the list page's glue and loader) run in turn from blob: URLs.
  if (classic.length) {
    const run =
      '(()=>{const run=(n)=>new Promise((ok,no)=>{const s=document.createElement("script");' +
      's.src=self.dingjiPortable.url(n);s.onload=ok;s.onerror=()=>no(new Error(n));document.body.append(s)});' +
      `${JSON.stringify(classic)}.reduce((p,n)=>p.then(()=>run(n)),Promise.resolve())})();`;
    body = body.replace('%CLASSIC%', `<script>${run}</script>`);
  }
  const boot = runtime.replace(/(["'])%ENTRIES%\1/, JSON.stringify(entries));
  if (boot === runtime) throw new Error('portable: assets/portable.js has no %ENTRIES% placeholder');
  const scripts = [...body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs]) => !/\bsrc=/.test(attrs))
    .map(([, , code]) => sha256(code));
  const policy = [
    "default-src 'none'",
    `script-src 'wasm-unsafe-eval' blob: ${[sha256(boot), ...new Set(scripts)].join(' ')}`,
    `style-src blob: ${styles.join(' ')}`,
    'img-src data:',
    'worker-src blob:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const csp = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy[^>]*>/i;
  if (!csp.test(body)) throw new Error(`portable: ${page} has no Content-Security-Policy`);
  const blocks = [...carried]
    .sort()
    .map((name) => {
      const data = rewritten.has(name) ? Buffer.from(rewritten.get(name), 'utf8') : read(name);
      return `<script type="application/octet-stream" id="file:${name}">${data.toString('base64')}</script>`;
    })
    .join('\n');
  body = body.replace(csp, `<meta http-equiv="Content-Security-Policy" content="${policy}"><script>${boot}</script>`);
  if (!body.includes('</head>')) throw new Error(`portable: ${page} has no </head>`);
  return body.replace('</head>', `${blocks}\n</head>`);
}

// The note in the zip, for the clerk who unpacks it (Windows' Notepad reads UTF-8).
const NOTE = `定级（基层党组织分类定级计算器）单机版

使用方法
1. 把本文件夹复制到电脑、U 盘或共享文件夹中的任意位置。
2. 用 Chrome、Edge 或 Firefox 打开 index.html（计算器）或 list.html（组织名单与批量定级）。
   两个文件要放在同一个文件夹里，页面之间才能互相跳转。
3. 不需要网络，也不需要服务器；输入的内容不离开本机。

保存的数据
- 名单、我的方案等保存在本机浏览器中，不写入这两个文件。
- 浏览器让所有从磁盘打开的网页共用一份保存的数据：把文件夹移到别处或复制一份，保存的名单仍在；
  换一台电脑、换一个浏览器或换一个 Windows 用户，保存的名单不会跟着过去：
  请先用名单页面的“导出”保存为文件，再在新的地方“导入”。
- 从磁盘打开的其他网页也能读到这些数据。公用电脑上用完后，请在浏览器的“删除浏览数据”中
  清除“Cookie 及其他网站数据”。

Portable dingji: open index.html or list.html in Chrome, Edge or Firefox; keep both in one folder.
Nothing you enter leaves this computer. Saved lists stay in the browser, not in these files; every
page opened from the disk shares them (moving the folder keeps them; another computer does not).
`;

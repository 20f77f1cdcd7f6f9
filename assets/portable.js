// The portable build's runtime (dist/portable/index.html and list.html, written by
// scripts/portable.mjs), the first script of each page. A page opened from the disk (file://) may
// fetch nothing, not even a file beside it, so every file the page loads after it starts is
// carried in the page itself: base64 in a <script type="application/octet-stream"
// id="file:NAME"> block, which the browser does not run. Each becomes a blob: URL on first use:
// scripts and style sheets as they are, a worker as its glue followed by its wasm in base64,
// compiled from those bytes inside the worker (a worker can fetch nothing either).
//
// self.dingjiPortable.url(name) and .bytes(name): a carried file as a blob: URL and as bytes (the
// portable build writes these calls in place of the files' names in the pages' loaders).
// self.dingjiWorkers: the pages' map of names (src/wire/client.rs `script`), answering each
// name with its blob: URL where the hosted build answers with the file's hashed name.
(() => {
  // Written by scripts/portable.mjs: each name the page asks for, as ["file", name] or
  // ["worker", glue, wasm].
  const ENTRIES = '%ENTRIES%';
  const TYPES = { js: 'text/javascript', css: 'text/css', wasm: 'application/wasm' };
  const text = (name) => {
    const block = document.getElementById(`file:${name}`);
    if (!block) throw new Error(`portable: ${name} is not in this page`);
    return block.textContent;
  };
  const bytes = (name) => {
    const binary = atob(text(name));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  };
  const urls = new Map();
  const once = (key, make) => {
    if (!urls.has(key)) urls.set(key, URL.createObjectURL(make()));
    return urls.get(key);
  };
  const url = (name) => once(name, () => new Blob([bytes(name)], { type: TYPES[name.split('.').pop()] }));
  // The hosted worker loader's `importScripts(glue); wasm_bindgen(wasm)`, with both inside.
  const worker = (glue, wasm) =>
    once(`${glue} ${wasm}`, () =>
      new Blob(
        [
          bytes(glue),
          '\n;(()=>{const s=atob("',
          text(wasm),
          '");const b=new Uint8Array(s.length);for(let i=0;i<s.length;i++)b[i]=s.charCodeAt(i);' +
            'return wasm_bindgen({module_or_path:b})})().catch((e)=>postMessage({failed:String(e)}));',
        ],
        { type: TYPES.js },
      ),
    );
  self.dingjiPortable = { url, bytes };
  self.dingjiWorkers = new Proxy(
    {},
    {
      get: (_, key) => {
        const entry = Object.hasOwn(ENTRIES, key) ? ENTRIES[key] : undefined;
        if (!entry) return undefined;
        return entry[0] === 'worker' ? worker(entry[1], entry[2]) : url(entry[1]);
      },
    },
  );
})();

// The tools bundle's loader (src/bin/tools.rs: the import dialog, the scheme workshop, the
// exports, the 公示 preview, a paste's reading), run by a page on the first use of a tool
// (src/wire/tools.rs). post-build.mjs writes the names the build gave the files in place of
// "./tools.js", "./tools_bg.wasm" and "./tools.css".
//
// self.dingjiLoadTools() loads the bundle's script, its wasm and its style sheet once, and
// resolves to the bundle's exports (a failed load is tried again on the next call).
// self.dingjiOpenTool(name, data, extra, done) opens the tool `name` in a root of its own at the
// end of the body (outside the page's app: each Yew instance numbers its app roots from 1, so
// two apps in one subtree would take each other's events) and takes it down after it calls
// `done`; the promise it returns is rejected if the tool could not be opened (the page says why:
// src/wire/tools.rs). Run again, it changes nothing.
(() => {
  if (self.dingjiOpenTool) return;
  let loading;
  self.dingjiLoadTools = () => {
    loading ||= new Promise((resolve, reject) => {
      if (!document.getElementById('tools-style')) {
        const link = document.createElement('link');
        link.id = 'tools-style';
        link.rel = 'stylesheet';
        link.href = './tools.css';
        document.head.append(link);
      }
      const tag = document.createElement('script');
      tag.src = './tools.js';
      tag.onload = () =>
        self.dingjiTools({ module_or_path: './tools_bg.wasm' }).then(() => resolve(self.dingjiTools), reject);
      tag.onerror = () => reject(new Error('unfetched'));
      document.body.append(tag);
    }).catch((e) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
  self.dingjiOpenTool = (name, data, extra, done) => {
    const opened = self.dingjiLoadTools().then((tools) => {
      const root = document.createElement('div');
      root.id = 'tool-root';
      document.body.append(root);
      try {
        tools[name](
          root,
          data,
          (text, flag) => {
            done(text, flag);
            // Taken down after this call returns: not from inside the tool's own callback.
            setTimeout(() => {
              tools.close_tool();
              root.remove();
            });
          },
          extra,
        );
      } catch (e) {
        root.remove();
        throw e;
      }
    });
    return opened;
  };
})();

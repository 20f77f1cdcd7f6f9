// Loads the list app (a no-modules wasm-bindgen bundle built by trunk beside the main app).
wasm_bindgen({ module_or_path: './list_bg.wasm' }).catch((e) => {
  const p = document.createElement('p');
  p.className = 'card framed error';
  p.id = 'start-failed';
  // Opened from the disk, the browser refuses to fetch the wasm: say so, not the browser's words
  // (the portable page, scripts/portable.mjs, carries its wasm: a failure there is said as it is).
  p.textContent =
    location.protocol === 'file:' && !self.dingjiPortable
      ? '本页面是从磁盘直接打开的（file://），浏览器不允许这样打开的页面载入程序，所以无法运行。请改用单机版：portable 文件夹中的 index.html 与 list.html（也可在网页上点“下载单机版”取得），它们可以从磁盘直接打开；或通过网址打开：请管理员把本程序的文件放在单位内网的网页服务器上（见随附的 README）。 This page was opened from the disk (file://), where the browser does not let it load the app. Use the portable files instead (index.html and list.html in the portable folder, or 下载单机版 on the hosted page), which open from the disk; or open it through a web address: put its files on a web server of your intranet (see the README).'
      : `名单页面未能启动：${e}`;
  document.body.append(p);
});

// Every file of the release kept for when the network drops (assets/sw.js), fetched once the page
// is ready; a new release, once it has taken over, is said once (as on the calculator's page).
if (location.protocol !== 'file:' && !self.dingjiPortable && 'serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('message', (e) => {
    if (e.data !== 'dingji-updated') return;
    const p = document.createElement('p');
    p.className = 'card updated';
    p.id = 'updated';
    p.setAttribute('role', 'status');
    p.textContent = '已更新到新版本。Updated to the new version.';
    document.body.append(p);
  });
  addEventListener('load', () => navigator.serviceWorker.register('./sw.js').catch(() => {}));
}

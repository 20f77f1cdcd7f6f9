// Loads the list app (a no-modules wasm-bindgen bundle built by trunk beside the main app).
wasm_bindgen('./list_bg.wasm').catch((e) => {
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = `名单页面未能启动：${e}`;
  document.body.append(p);
});

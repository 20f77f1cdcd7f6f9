// The calculator's way to the scheme workshop, inlined into index.html by post-build.mjs after
// the names of the files loaded after the page (self.dingjiWorkers): a click on #open-workshop
// runs the tools' loader (assets/tools-loader.js: run again, it changes nothing) and opens the
// workshop over the page with the inputs as saved, which the button carries (data-saved). Here
// rather than in the page's wasm, where the same cost about 0.6 KB more of its first load.
addEventListener('click', (e) => {
  const button = e.target.closest?.('#open-workshop');
  if (!button) return;
  const tag = document.createElement('script');
  tag.src = self.dingjiWorkers['./tools-loader.js'];
  tag.onload = () => self.dingjiOpenTool('open_org_workshop', button.dataset.saved);
  tag.onerror = () =>
    alert(document.documentElement.lang == 'en' ? 'The tools could not be loaded: the script could not be fetched' : '工具未能载入：脚本无法获取');
  document.body.append(tag);
});

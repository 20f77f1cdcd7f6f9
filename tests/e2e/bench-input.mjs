// Benchmark (not a timed test; run by scripts/bench.sh): input event → result on screen in the
// release dist/, over 100 edits in headless Chromium. For each edit the page sets the 党委评定
// field, dispatches the input event and waits for the composite to change (the DOM update) and
// then for the next animation frame (on screen).
import { serveDist, launchBrowser, watch } from './harness.mjs';
import { record, plainUnit } from './bench-record.mjs';

const site = await serveDist('/');
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const watcher = await watch(page, site);
  await watcher.open();
  const runs = await page.evaluate(async () => {
    const input = document.querySelector('#score-committee');
    const composite = document.querySelector('#composite');
    const out = [];
    for (let i = 0; i < 100; i++) {
      const value = (80 + (i * 0.37) % 20).toFixed(2);
      const before = composite.textContent;
      const updated = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (composite.textContent !== before) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(composite, { childList: true, characterData: true, subtree: true });
      });
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const tDom = await Promise.race([updated, new Promise((r) => setTimeout(() => r(NaN), 1000))]);
      const tFrame = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
      out.push([tDom - t0, tFrame - t0]);
    }
    return out;
  });
  const pct = (xs, p) => {
    const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  };
  const dom = runs.map((r) => r[0]);
  const frame = runs.map((r) => r[1]);
  record('calculator: a keystroke → the result in the DOM, p50', pct(dom, 50), 'ms', await plainUnit(page));
  console.log(
    `input → result, 100 edits (headless Chromium): DOM updated p50 ${pct(dom, 50).toFixed(1)} ms, p95 ${pct(dom, 95).toFixed(1)} ms; ` +
      `next frame p50 ${pct(frame, 50).toFixed(1)} ms, p95 ${pct(frame, 95).toFixed(1)} ms`,
  );
  const problems = await watcher.finish();
  if (problems.length) throw new Error(problems.join('\n'));
} finally {
  await browser.close();
  await site.close();
}

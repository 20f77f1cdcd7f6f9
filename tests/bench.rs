//! Benchmark in wasm, in headless Chromium (not a timed test, and not run by scripts/test.sh):
//! evaluate, rank and apply the distribution rules for 10,000 organizations × 5 sources × 7
//! indicators, with the f64 arithmetic of the same as the floor. `scripts/bench.sh` runs it in
//! the release profile (what users get) and prints the figures.
#![cfg(target_arch = "wasm32")]

use std::hint::black_box;

use dingji_rules::{bench, evaluate_list};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

#[wasm_bindgen_test]
fn list_of_10000() {
    let scheme = bench::scheme();
    for n in [1_000, 10_000] {
        let orgs = bench::orgs(&scheme, n);
        let inputs = bench::f64_inputs(&scheme, &orgs);
        let (mut exact, mut float) = (Vec::new(), Vec::new());
        let mut lowest = 0;
        for _ in 0..15 {
            let t = now();
            let list = black_box(evaluate_list(&scheme, black_box(&orgs)));
            exact.push(now() - t);
            lowest = list.graded().filter(|(_, r)| r.tier == 3).count();
            let t = now();
            black_box(bench::f64_floor(&scheme, black_box(&inputs)));
            float.push(now() - t);
        }
        assert!(lowest >= n / 20, "the 5% floor held");
        console_log!(
            "wasm (Chromium), {n} organizations × 5 sources × 7 indicators: decimal {:.1} ms, f64 floor {:.2} ms (median of 15)",
            median(exact),
            median(float)
        );
    }
}

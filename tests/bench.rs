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

#[wasm_bindgen::prelude::wasm_bindgen(module = "/tests/bench_plain.js")]
extern "C" {
    #[wasm_bindgen(js_name = gradeB)]
    fn grade_b(
        committee: &js_sys::Int32Array,
        good: &js_sys::Int32Array,
        fair: &js_sys::Int32Array,
        poor: &js_sys::Int32Array,
        bad: &js_sys::Int32Array,
        own: &js_sys::Int32Array,
    ) -> wasm_bindgen::JsValue;
    #[wasm_bindgen(js_name = gradeZY)]
    fn grade_zy(
        indicators: &js_sys::Array,
        own: &js_sys::Int32Array,
        m0: &js_sys::Int32Array,
        m1: &js_sys::Int32Array,
        m2: &js_sys::Int32Array,
        m3: &js_sys::Int32Array,
        p0: &js_sys::Int32Array,
        p1: &js_sys::Int32Array,
        p2: &js_sys::Int32Array,
        p3: &js_sys::Int32Array,
        related: &js_sys::Int32Array,
    ) -> wasm_bindgen::JsValue;
}

fn i32_column(values: impl Iterator<Item = i64>) -> js_sys::Int32Array {
    let v: Vec<i32> = values.map(|x| i32::try_from(x).unwrap()).collect();
    js_sys::Int32Array::from(&v[..])
}

fn field(result: &wasm_bindgen::JsValue, name: &str) -> Vec<u8> {
    let v = js_sys::Reflect::get(result, &name.into()).unwrap();
    js_sys::Uint8Array::new(&v).to_vec()
}

fn ranks(result: &wasm_bindgen::JsValue) -> Vec<u32> {
    let v = js_sys::Reflect::get(result, &"rank".into()).unwrap();
    js_sys::Uint32Array::new(&v).to_vec()
}

/// `scores` at `scale` raised to `to` decimals, as an i32 column for the JS baseline.
fn scores_at(column: &dingji_rules::columns::Column, to: u32) -> js_sys::Int32Array {
    match column {
        dingji_rules::columns::Column::Scores { scale, values } => {
            let up = 10i64.pow(to - scale);
            i32_column(values.iter().map(|v| v * up))
        }
        _ => panic!("a score column"),
    }
}

fn votes(column: &dingji_rules::columns::Column) -> Vec<js_sys::Int32Array> {
    match column {
        dingji_rules::columns::Column::Votes { counts } => counts
            .iter()
            .map(|c| i32_column(c.iter().map(|&x| i64::from(x))))
            .collect(),
        _ => panic!("a vote column"),
    }
}

/// The engine beside a plain-JS exact program of the same rules, in the same page: preset B and
/// preset ZY (5 sources, 8 indicators, two votes), 10,000 and 100,000 organizations, list rules
/// included. Both give the same tiers and stars (checked); the figures are medians of 9 runs.
#[wasm_bindgen_test]
fn engine_beside_plain_js() {
    use dingji_rules::columns::{Column, Columns, evaluate_columns};
    use dingji_rules::presets;
    let b = presets::by_id("B").unwrap();
    let zy = presets::by_id("ZY").unwrap();
    for n in [10_000, 100_000] {
        // Preset B.
        let orgs = bench::b_orgs(n);
        let columns = Columns::from_orgs(&b, &orgs).unwrap();
        let v = votes(&columns.sources[1]);
        let (committee, own) = (
            scores_at(&columns.sources[0], 2),
            scores_at(&columns.sources[2], 2),
        );
        let (mut js, mut wasm, mut reference) = (Vec::new(), Vec::new(), Vec::new());
        let (mut js_out, mut wasm_out) = (wasm_bindgen::JsValue::NULL, None);
        for _ in 0..9 {
            let t = now();
            js_out = black_box(grade_b(&committee, &v[0], &v[1], &v[2], &v[3], &own));
            js.push(now() - t);
            let t = now();
            wasm_out = Some(black_box(
                evaluate_columns(&b, black_box(&columns)).unwrap(),
            ));
            wasm.push(now() - t);
            if n <= 10_000 {
                let t = now();
                black_box(evaluate_list(&b, black_box(&orgs)));
                reference.push(now() - t);
            }
        }
        let out = wasm_out.unwrap();
        assert_eq!(field(&js_out, "tier"), out.tier, "B: the same tiers");
        assert_eq!(field(&js_out, "stars"), out.stars, "B: the same stars");
        assert_eq!(ranks(&js_out), out.rank, "B: the same ranks");
        let (js_ms, wasm_ms) = (median(js), median(wasm));
        console_log!(
            "wasm (Chromium), preset B, {n} organizations, list rules: columnar engine {:.2} ms, plain JS exact {:.2} ms, ratio {:.2}×{}",
            wasm_ms,
            js_ms,
            wasm_ms / js_ms,
            if reference.is_empty() {
                String::new()
            } else {
                format!("; reference path {:.1} ms", median(reference))
            }
        );

        // Preset ZY.
        let orgs = bench::zy_orgs(&zy, n);
        let columns = Columns::from_orgs(&zy, &orgs).unwrap();
        let indicators = js_sys::Array::new();
        if let Column::Indicators { scale, entries, .. } = &columns.sources[0] {
            assert_eq!(*scale, 1);
            for e in entries {
                indicators.push(&i32_column(e.iter().copied()));
            }
        }
        let (m, p) = (votes(&columns.sources[2]), votes(&columns.sources[3]));
        let (own, related) = (
            scores_at(&columns.sources[1], 2),
            scores_at(&columns.sources[4], 2),
        );
        let (mut js, mut wasm) = (Vec::new(), Vec::new());
        let (mut js_out, mut wasm_out) = (wasm_bindgen::JsValue::NULL, None);
        for _ in 0..9 {
            let t = now();
            js_out = black_box(grade_zy(
                &indicators,
                &own,
                &m[0],
                &m[1],
                &m[2],
                &m[3],
                &p[0],
                &p[1],
                &p[2],
                &p[3],
                &related,
            ));
            js.push(now() - t);
            let t = now();
            wasm_out = Some(black_box(
                evaluate_columns(&zy, black_box(&columns)).unwrap(),
            ));
            wasm.push(now() - t);
        }
        let out = wasm_out.unwrap();
        assert_eq!(field(&js_out, "tier"), out.tier, "ZY: the same tiers");
        assert_eq!(ranks(&js_out), out.rank, "ZY: the same ranks");
        let (js_ms, wasm_ms) = (median(js), median(wasm));
        console_log!(
            "wasm (Chromium), preset ZY (5 sources, 8 indicators, 2 votes), {n} organizations: columnar engine {:.2} ms, plain JS exact {:.2} ms, ratio {:.2}×",
            wasm_ms,
            js_ms,
            wasm_ms / js_ms
        );
    }
}

//! Native benchmark (not a timed test): evaluate, rank and apply the distribution rules for
//! 10,000 organizations × 5 sources × 7 indicators, and the same arithmetic in f64 as the floor.
//! Run with `cargo bench -p dingji-rules`; the wasm figures come from `scripts/bench.sh`.

use std::hint::black_box;
use std::time::Instant;

use dingji_rules::columns::{Columns, evaluate_columns};
use dingji_rules::{bench, evaluate, evaluate_list, presets};

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs.get(runs.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    // Preset B: the reference path and the columnar path on the same list.
    if let Ok(b) = presets::by_id("B") {
        for n in [10_000, 100_000] {
            let orgs = bench::b_orgs(n);
            let Some(columns) = Columns::from_orgs(&b, &orgs) else {
                continue;
            };
            let (mut reference, mut columnar) = (Vec::new(), Vec::new());
            for _ in 0..9 {
                let t = Instant::now();
                black_box(evaluate_list(&b, black_box(&orgs)));
                reference.push(t.elapsed().as_secs_f64() * 1e3);
                let t = Instant::now();
                let _ = black_box(evaluate_columns(&b, black_box(&columns)));
                columnar.push(t.elapsed().as_secs_f64() * 1e3);
            }
            println!(
                "native, preset B, {n} organizations, list rules: reference path {:.2} ms, columnar path {:.2} ms (median of 9)",
                median(reference),
                median(columnar)
            );
        }
    }
    let scheme = bench::scheme();
    for n in [1_000, 10_000] {
        let orgs = bench::orgs(&scheme, n);
        let inputs = bench::f64_inputs(&scheme, &orgs);
        let mut exact = Vec::new();
        let mut float = Vec::new();
        let mut single = Vec::new();
        for _ in 0..15 {
            let t = Instant::now();
            for org in &orgs {
                let _ = black_box(evaluate(&scheme, black_box(org)));
            }
            single.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            black_box(evaluate_list(&scheme, black_box(&orgs)));
            exact.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            black_box(bench::f64_floor(&scheme, black_box(&inputs)));
            float.push(t.elapsed().as_secs_f64() * 1e3);
        }
        println!(
            "native, {n} organizations × 5 sources × 7 indicators: list {:.2} ms (each alone {:.2} ms), f64 floor {:.3} ms (median of 15)",
            median(exact),
            median(single),
            median(float)
        );
    }
}

//! The benchmark workload, shared by the native benchmark (`rules/benches/list.rs`) and the wasm
//! one (`tests/bench.rs` in the app): N organizations × 5 sources × 7 indicators under the
//! township scheme's tiers, stars and quotas, and an `f64` version of the same arithmetic as the
//! floor that exact decimals are measured against.

use rust_decimal::Decimal;

use crate::org::{Org, SourceInput};
use crate::presets;
use crate::scheme::{Indicator, Scheme, Scoring, Source, SourceKind};
use crate::text::Text;

/// The township scheme with five indicator sources of seven items each (weights 30/10/20/20/20).
pub fn scheme() -> Scheme {
    let mut scheme = presets::by_id("B").unwrap_or_else(|_| presets::all().swap_remove(0));
    let maxima = [15, 10, 10, 10, 10, 20, 25];
    scheme.indicators = maxima
        .iter()
        .enumerate()
        .map(|(i, &max)| Indicator {
            id: format!("i{i}"),
            name: Text::new(format!("指标{i}"), ""),
            max: Decimal::from(max),
            points: Text::default(),
            scoring: Scoring::Add,
            bonus: false,
            custom: false,
        })
        .collect();
    scheme.sources = [30, 10, 20, 20, 20]
        .iter()
        .enumerate()
        .map(|(i, &w)| Source {
            id: format!("s{i}"),
            name: Text::new(format!("主体{i}"), ""),
            weight: Decimal::from(w),
            input: SourceKind::Indicators,
        })
        .collect();
    scheme
}

/// `n` organizations with sub-scores spread over each indicator's range (to 0.5 points),
/// deterministic.
pub fn orgs(scheme: &Scheme, n: usize) -> Vec<Org> {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..n)
        .map(|k| Org {
            name: format!("组织{k}"),
            category: String::new(),
            inputs: scheme
                .sources
                .iter()
                .map(|s| {
                    let entries = scheme
                        .indicators
                        .iter()
                        .map(|ind| {
                            let max_halves = u64::try_from(ind.max.mantissa()).unwrap_or(10) * 2;
                            // Mostly in the upper half, as real scores are.
                            let halves = max_halves / 2 + next() % (max_halves / 2 + 1);
                            (
                                ind.id.clone(),
                                Decimal::new(i64::try_from(halves).unwrap_or(0) * 5, 1),
                            )
                        })
                        .collect();
                    (s.id.clone(), SourceInput::Indicators(entries))
                })
                .collect(),
            ..Org::default()
        })
        .collect()
}

/// The same arithmetic in `f64`: each source's total, the weighted composite rounded to two
/// decimals, the tier, and the 5% floor over the list. Returns the number of organizations in
/// the lowest tier, so that nothing is optimized away.
pub fn f64_floor(scheme: &Scheme, inputs: &[Vec<[f64; 7]>]) -> usize {
    let weights: Vec<f64> = scheme
        .sources
        .iter()
        .map(|s| to_f64(s.weight) / 100.0)
        .collect();
    let thresholds: Vec<f64> = scheme
        .tiers
        .iter()
        .filter_map(|t| t.min)
        .map(to_f64)
        .collect();
    let mut scored: Vec<(f64, usize)> = inputs
        .iter()
        .map(|sources| {
            let composite: f64 = sources
                .iter()
                .zip(&weights)
                .map(|(items, w)| items.iter().sum::<f64>() * w)
                .sum();
            let rounded = (composite * 100.0).round() / 100.0;
            let tier = thresholds
                .iter()
                .position(|&t| rounded >= t)
                .unwrap_or(thresholds.len());
            (rounded, tier)
        })
        .collect();
    let lowest = thresholds.len();
    let need = (scored.len() * 5).div_ceil(100);
    let have = scored.iter().filter(|s| s.1 == lowest).count();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut moved = 0;
    for s in scored.iter_mut().filter(|s| s.1 != lowest) {
        if have + moved >= need {
            break;
        }
        s.1 = lowest;
        moved += 1;
    }
    have + moved
}

/// The `f64` inputs of [`f64_floor`] for the same organizations.
pub fn f64_inputs(scheme: &Scheme, orgs: &[Org]) -> Vec<Vec<[f64; 7]>> {
    orgs.iter()
        .map(|org| {
            scheme
                .sources
                .iter()
                .map(|s| {
                    let mut items = [0.0; 7];
                    if let Some(SourceInput::Indicators(entries)) = org.input(&s.id) {
                        for (slot, (_, v)) in items.iter_mut().zip(entries) {
                            *slot = to_f64(*v);
                        }
                    }
                    items
                })
                .collect()
        })
        .collect()
}

fn to_f64(d: Decimal) -> f64 {
    // Benchmark input only: the f64 floor is what is being compared against.
    d.to_string().parse().unwrap_or(0.0)
}

/// A deterministic generator (xorshift) of numbers below its argument (not 0), from `seed`
/// (not 0).
pub fn below(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % m
    }
}

/// A vote of 20 to 60 ballots over four levels, spread at random.
fn ballots(next: &mut impl FnMut(u64) -> u64) -> Vec<u64> {
    let voters = 20 + next(41);
    let good = next(voters + 1);
    let fair = next(voters - good + 1);
    let poor = next(voters - good - fair + 1);
    vec![good, fair, poor, voters - good - fair - poor]
}

/// `n` organizations of preset B (党委评定 and 自评 to 0.01, a vote of 20 to 60 ballots),
/// deterministic, spread so that every tier, the 5% floor and the star cap have work.
pub fn b_orgs(n: usize) -> Vec<Org> {
    let mut next = below(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|k| {
            let committee = 5000 + next(5001);
            let own = 6000 + next(4001);
            let counts = ballots(&mut next);
            Org {
                name: format!("组织{k}"),
                category: String::new(),
                inputs: vec![
                    (
                        "committee".into(),
                        SourceInput::Score(Decimal::new(committee as i64, 2)),
                    ),
                    (
                        "vote".into(),
                        SourceInput::Votes(crate::Votes {
                            counts,
                            eligible: None,
                        }),
                    ),
                    (
                        "self".into(),
                        SourceInput::Score(Decimal::new(own as i64, 2)),
                    ),
                ],
                ..Org::default()
            }
        })
        .collect()
}

/// `n` organizations of preset ZY (Zunyi 5+2+x: eight indicators for 上级评, two votes, two
/// direct scores), deterministic.
pub fn zy_orgs(scheme: &Scheme, n: usize) -> Vec<Org> {
    let mut next = below(0x2545_f491_4f6c_dd1d);
    (0..n)
        .map(|k| {
            let mut inputs = Vec::new();
            for source in &scheme.sources {
                let input = match &source.input {
                    SourceKind::Indicators => SourceInput::Indicators(
                        scheme
                            .indicators
                            .iter()
                            .map(|i| {
                                let max_halves = u64::try_from(i.max.mantissa()).unwrap_or(10) * 2;
                                let halves = max_halves / 2 + next(max_halves / 2 + 1);
                                (i.id.clone(), Decimal::new(halves as i64 * 5, 1))
                            })
                            .collect(),
                    ),
                    SourceKind::Vote(_) => SourceInput::Votes(crate::Votes {
                        counts: ballots(&mut next),
                        eligible: None,
                    }),
                    SourceKind::Direct => {
                        SourceInput::Score(Decimal::new((6000 + next(4001)) as i64, 2))
                    }
                };
                inputs.push((source.id.clone(), input));
            }
            Org {
                name: format!("组织{k}"),
                inputs,
                ..Org::default()
            }
        })
        .collect()
}

//! Goal seek on the worked example, computed by hand, and on the cases where the next tier
//! cannot be reached.

// Native only: it confirms its answers with the oracle (num-rational, a native dependency).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test helpers

mod common;
use common::{b_org, dec, oracle};
use dingji_rules::goal::Unreachable;
use dingji_rules::{Goal, Org, SourceInput, Votes, goal_seek, presets};

fn worked_example() -> Org {
    b_org(dec("92"), [30, 15, 4, 1], dec("95"))
}

#[test]
fn what_the_worked_example_needs_for_good() {
    let b = presets::by_id("B").unwrap();
    let seek = goal_seek(&b, &worked_example()).unwrap();
    assert_eq!((seek.tier, seek.target), (1, Some(0)));
    // 好 needs a rounded 90.00, i.e. an exact composite of at least 89.995.
    // 党委评定: 0.5·s + 24.18 + 19 ≥ 89.995 → s ≥ 93.63 (93.63 gives exactly 89.995).
    assert_eq!(
        seek.goals[0],
        Goal::Score {
            source: 0,
            current: dec("92"),
            needed: dec("93.63")
        }
    );
    // 测评: 46 + 19 + 0.3·(4030 + 100k)/(50 + k) ≥ 89.995 → k ≥ 8.14 → 9 more 好 ballots:
    // 4930/59 ≈ 83.5593.
    let Goal::Ballots {
        source: 1,
        extra: 9,
        score,
    } = &seek.goals[1]
    else {
        panic!("{:?}", seek.goals[1])
    };
    assert_eq!(score.approx().round_dp(4), dec("83.5593"));
    // 自评: 0.2·s ≥ 19.815 → s ≥ 99.075 → 99.08 (99.07 gives 89.994 → 89.99).
    assert_eq!(
        seek.goals[2],
        Goal::Score {
            source: 2,
            current: dec("95"),
            needed: dec("99.08")
        }
    );

    // Each answer really reaches 好, and one step less does not (by the oracle).
    let b_tier = |org: &Org| oracle::grade(&b, org).tier;
    let mut org = worked_example();
    org.set_input("committee", SourceInput::Score(dec("93.63")));
    assert_eq!(b_tier(&org), 0);
    org.set_input("committee", SourceInput::Score(dec("93.62")));
    assert_eq!(b_tier(&org), 1);
}

#[test]
fn out_of_reach_says_why() {
    let b = presets::by_id("B").unwrap();
    let mut org = worked_example();
    org.set_input("committee", SourceInput::Score(dec("40")));
    // 20 + 24.18 + 19 = 63.18 → 一般; 较好 needs 79.995: the self-assessment alone can add at most
    // 20 − 19 = 1 point: unreachable.
    let seek = goal_seek(&b, &org).unwrap();
    assert_eq!(seek.target, Some(1));
    assert_eq!(
        seek.goals[2],
        Goal::Unreachable {
            source: 2,
            reason: Unreachable::MaxScore
        }
    );
    // With 60 people eligible and 50 voted, even 10 more 好 ballots (5030/60 = 83.83 → 25.15)
    // leave it at 64.15: not enough people left.
    org.set_input(
        "vote",
        SourceInput::Votes(Votes {
            counts: vec![30, 15, 4, 1],
            eligible: Some(60),
        }),
    );
    let seek = goal_seek(&b, &org).unwrap();
    assert_eq!(
        seek.goals[1],
        Goal::Unreachable {
            source: 1,
            reason: Unreachable::Eligible
        }
    );
}

#[test]
fn a_veto_holds_every_source() {
    let zzb = presets::by_id("ZZB").unwrap();
    let org = Org {
        inputs: [(
            "committee".to_owned(),
            SourceInput::Indicators(
                [
                    "leader", "ideas", "rules", "base", "support", "results", "opinion",
                ]
                .iter()
                .map(|id| (id.to_string(), dec("0")))
                .collect(),
            ),
        )]
        .into(),
        vetoes: vec!["inactive".into()],
        ..Org::default()
    };
    let seek = goal_seek(&zzb, &org).unwrap();
    assert_eq!(
        seek.goals,
        [Goal::Unreachable {
            source: 0,
            reason: Unreachable::Limit
        }]
    );
}

#[test]
fn the_top_tier_has_nothing_to_seek() {
    let b = presets::by_id("B").unwrap();
    let mut org = worked_example();
    org.set_input("committee", SourceInput::Score(dec("100")));
    let seek = goal_seek(&b, &org).unwrap();
    assert_eq!((seek.tier, seek.target, seek.goals.len()), (0, None, 0));
}

/// Scheme B with source `i`'s weight at `w` and the other two sharing the rest in their 50 : 30 :
/// 20 proportion (exact for 党委评定 and 自评: the rest splits 3 : 2 and 5 : 3).
fn b_weighted(i: usize, w: rust_decimal::Decimal) -> dingji_rules::Scheme {
    let mut b = presets::by_id("B").unwrap();
    let base: Vec<_> = b.sources.iter().map(|s| s.weight).collect();
    let others: rust_decimal::Decimal = base
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != i)
        .map(|(_, x)| *x)
        .sum();
    for (j, source) in b.sources.iter_mut().enumerate() {
        source.weight = if j == i {
            w
        } else {
            base[j] * (dec("100") - w) / others
        };
    }
    b
}

#[test]
fn a_weight_tip_is_the_least_weight_that_reaches_the_tier_by_the_oracle() {
    use dingji_rules::{Tip, tips};
    let b = presets::by_id("B").unwrap();
    let mut checked = 0;
    for committee in ["60", "75.5", "85", "92", "97"] {
        for own in ["60", "82", "95", "100"] {
            let org = b_org(dec(committee), [30, 15, 4, 1], dec(own));
            for tip in tips(&b, &org).unwrap() {
                let Tip::Weight {
                    source,
                    weight,
                    up: true,
                    tier,
                } = tip
                else {
                    continue;
                };
                if source == 1 {
                    continue; // the rest of 党委评定 and 自评 splits 5 : 2, not exact
                }
                // Confirmed by the differential oracle (exact rationals), not by the engine
                // that gave the tip.
                let at = oracle::grade(&b_weighted(source, weight), &org);
                assert!(at.tier <= tier, "{committee}/{own}: {tip:?} reaches it");
                let below = oracle::grade(&b_weighted(source, weight - dec("0.01")), &org);
                assert!(below.tier > tier, "{committee}/{own}: {tip:?} is the least");
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "{checked} tips checked");
}

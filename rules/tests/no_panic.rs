//! Nothing overflows or panics, from any input: ballot counts up to `u64::MAX`, scores, entries,
//! weights and points anywhere in `Decimal`'s range, with up to 28 decimals — in a scheme that
//! was validated and in one built by hand and never validated. Each case is graded or refused
//! with a Chinese message; a graded one of a valid scheme agrees with the differential oracle
//! (`tests/common/oracle.rs`: exact rationals, written apart from the engine) on its rounded
//! score, tier and stars.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test helpers

use dingji_rules::scheme::{Scoring, SourceKind};
use dingji_rules::{
    Decimal, Error, Org, Scheme, SourceInput, Votes, evaluate, evaluate_list, explain, goal_seek,
    presets,
};
use proptest::prelude::*;

mod common;
use common::oracle;

/// Any decimal: a 96-bit mantissa, any sign, any scale.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale)),
        (0i64..=20_000, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

fn any_count() -> impl Strategy<Value = u64> {
    prop_oneof![
        0u64..60,
        any::<u64>(),
        Just(u64::MAX),
        Just(1_000_000_000u64)
    ]
}

fn is_chinese(e: &Error) -> bool {
    e.to_string()
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Grades, explains and goal-seeks: each either works or says why in Chinese.
fn survives(scheme: &Scheme, org: &Org) {
    match evaluate(scheme, org) {
        Ok(result) => {
            // Whatever was graded under a valid scheme is what the oracle grades: its rounded
            // score always, its tier and stars where no veto or satisfaction cap moves them (the
            // oracle's grade does not model those).
            if scheme.validate().is_ok() {
                let exact = oracle::grade(scheme, org);
                assert_eq!(oracle::q(result.rounded), exact.rounded, "rounded");
                if org.vetoes.is_empty() && scheme.satisfaction_caps.is_empty() {
                    assert_eq!((result.tier, result.stars), (exact.tier, exact.stars));
                }
            } else {
                // A scheme never validated (weights and points anywhere): at least what is shown
                // is its composite rounded.
                assert_eq!(
                    scheme.rounding.apply_exact(result.composite),
                    Some(result.rounded)
                );
            }
            let _ = explain(scheme, org, &result);
            if let Err(e) = goal_seek(scheme, org) {
                assert!(is_chinese(&e), "{e}");
            }
        }
        Err(e) => assert!(is_chinese(&e), "{e}"),
    }
    let list = evaluate_list(scheme, std::slice::from_ref(org));
    for e in list.errors() {
        assert!(is_chinese(e), "{e}");
    }
}

fn b_org(committee: Decimal, counts: Vec<u64>, eligible: Option<u64>, own: Decimal) -> Org {
    Org {
        name: "某党支部".into(),
        inputs: vec![
            ("committee".into(), SourceInput::Score(committee)),
            (
                "vote".into(),
                SourceInput::Votes(Votes { counts, eligible }),
            ),
            ("self".into(), SourceInput::Score(own)),
        ],
        ..Org::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(600)
    ))]

    #[test]
    fn any_ballots_and_scores_are_graded_or_refused(
        committee in any_decimal(),
        own in any_decimal(),
        counts in proptest::collection::vec(any_count(), 3..6),
        eligible in proptest::option::of(any_count()),
    ) {
        let b = presets::by_id("B").unwrap();
        survives(&b, &b_org(committee, counts, eligible, own));
    }

    #[test]
    fn any_scheme_numbers_never_panic_even_unvalidated(
        weights in proptest::collection::vec(any_decimal(), 3),
        points in proptest::collection::vec(any_decimal(), 4),
        bonus_cap in proptest::option::of(any_decimal()),
        maxima in proptest::collection::vec(any_decimal(), 7),
        entries in proptest::collection::vec(any_decimal(), 7),
        decimals in 0u32..=40,
        counts in proptest::collection::vec(any_count(), 4),
    ) {
        // Scheme B with every number replaced, validated or not.
        let mut b = presets::by_id("B").unwrap();
        for (s, w) in b.sources.iter_mut().zip(&weights) {
            s.weight = *w;
        }
        if let SourceKind::Vote(scale) = &mut b.sources[1].input {
            for (l, p) in scale.levels.iter_mut().zip(&points) {
                l.points = *p;
            }
        }
        b.rounding.decimals = decimals;
        let org = b_org(Decimal::new(8000, 2), counts.clone(), None, Decimal::from(90));
        // Validated or not, the same: graded or refused, never a panic.
        let _ = b.validate();
        survives(&b, &org);

        // Scheme C (indicators) with any maxima, bonus cap and entries.
        let mut c = presets::by_id("C").unwrap();
        c.bonus_cap = bonus_cap;
        let mut inputs = Vec::new();
        for ((indicator, max), entry) in c.indicators.iter_mut().zip(&maxima).zip(&entries) {
            indicator.max = *max;
            inputs.push((indicator.id.clone(), *entry));
        }
        if let Some(first) = c.indicators.first_mut() {
            first.bonus = true;
            first.scoring = Scoring::Add;
        }
        let org = Org {
            inputs: vec![(c.sources[0].id.clone(), SourceInput::Indicators(inputs))],
            ..Org::default()
        };
        let _ = c.validate();
        survives(&c, &org);
    }
}

#[test]
fn ballots_near_the_top_of_u64_are_refused_by_name() {
    // Today's bug: [MAX, MAX, 0, 0] scored 160.
    let b = presets::by_id("B").unwrap();
    let org = b_org(
        Decimal::from(80),
        vec![u64::MAX, u64::MAX, 0, 0],
        None,
        Decimal::from(80),
    );
    let e = evaluate(&b, &org).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "「党员群众测评 · 好」应在 0 到 1000000000 之间，现为 {}",
            u64::MAX
        )
    );
}

#[test]
fn a_huge_bonus_cap_or_indicator_maximum_is_refused_by_validate() {
    let mut c = presets::by_id("C").unwrap();
    c.bonus_cap = Some(Decimal::from_i128_with_scale(10i128.pow(28), 0));
    assert!(c.validate().unwrap_err().to_string().contains("加分上限"));
    let mut c = presets::by_id("C").unwrap();
    c.indicators[0].max = Decimal::from_i128_with_scale(10i128.pow(28), 0);
    assert!(c.validate().unwrap_err().to_string().contains("分值"));
}

#[test]
fn duplicate_ids_are_an_error_in_rust_and_in_json_alike() {
    let b = presets::by_id("B").unwrap();
    let mut org = b_org(
        Decimal::from(80),
        vec![30, 15, 4, 1],
        None,
        Decimal::from(90),
    );
    org.inputs
        .push(("self".into(), SourceInput::Score(Decimal::from(10))));
    assert_eq!(
        evaluate(&b, &org).unwrap_err().to_string(),
        "评价主体编号「self」重复"
    );
    let json = r#"{"inputs": {"committee": {"score": "80"}, "self": {"score": "90"}, "self": {"score": "10"}}}"#;
    let err = serde_json::from_str::<Org>(json).unwrap_err().to_string();
    assert!(err.contains("「self」重复"), "{err}");
}

#[test]
fn numbers_in_files_are_read_as_the_page_reads_them() {
    // "9_2" is not a number on the page; nor is a decimal with more digits than can be held.
    for bad in [
        "9_2",
        "1e2",
        "0.00000000000000000000000000001",
        "99999999999999999999999999999999",
    ] {
        let json = format!(r#"{{"inputs": {{"committee": {{"score": "{bad}"}}}}}}"#);
        let err = serde_json::from_str::<Org>(&json).unwrap_err().to_string();
        assert!(err.contains("不是数字"), "{bad}: {err}");
    }
    let json = r#"{"inputs": {"committee": {"score": "８９．５"}}}"#;
    let org: Org = serde_json::from_str(json).unwrap();
    assert_eq!(org.inputs[0].1, SourceInput::Score(Decimal::new(895, 1)));
}

#[test]
fn an_unknown_field_inside_a_name_is_refused_like_anywhere_else() {
    let json = presets::by_id("B").unwrap().to_json();
    let bad = json.replacen(r#""zh": "好","#, r#""zh": "好", "zh-TW": "好","#, 1);
    assert!(bad.len() > json.len(), "the preset names a tier 好");
    let err = Scheme::from_json(&bad).unwrap_err().to_string();
    assert!(err.contains("zh-TW"), "{err}");
    assert!(Scheme::from_json(&json).is_ok());
}

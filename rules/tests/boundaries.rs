//! Tier boundaries of the seed schemes A and B (domain.md readings 1 and 3): inclusive lower
//! bounds, decided on the composite rounded half away from zero to two decimals.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test helpers

use std::str::FromStr;

use dingji_rules::{Decimal, Scheme, presets};

fn tier_of(scheme: &Scheme, composite: &str) -> (String, String) {
    let decision = scheme.decide(Decimal::from_str(composite).unwrap());
    let name = scheme.tier(decision.tier).unwrap().name.zh.clone();
    (decision.rounded.to_string(), name)
}

fn check(scheme_id: &str, cases: &[(&str, &str, &str)]) {
    let scheme = presets::by_id(scheme_id).unwrap();
    for &(composite, rounded, tier) in cases {
        assert_eq!(
            tier_of(&scheme, composite),
            (rounded.to_owned(), tier.to_owned()),
            "scheme {scheme_id}, composite {composite}"
        );
    }
}

#[test]
fn scheme_a_five_tiers() {
    check(
        "A",
        &[
            // domain.md: 94.996 rounds to 95.00 → 很好; 94.994 rounds to 94.99 → 好.
            ("94.996", "95.00", "很好"),
            ("94.994", "94.99", "好"),
            ("94.995", "95.00", "很好"),
            ("89.5", "89.50", "好"),
            ("85", "85.00", "好"),
            ("84.994", "84.99", "较好"),
            ("75", "75.00", "较好"),
            ("74.999", "75.00", "较好"),
            ("59.995", "60.00", "一般"),
            ("59.994", "59.99", "差"),
            ("0", "0.00", "差"),
            ("100", "100.00", "很好"),
        ],
    );
}

#[test]
fn scheme_b_four_tiers() {
    check(
        "B",
        &[
            ("94.994", "94.99", "好"),
            ("94.996", "95.00", "好"),
            // domain.md reading 1: 89.5 is 较好 under B (80 ≤ 89.5 < 90).
            ("89.5", "89.50", "较好"),
            ("89.995", "90.00", "好"),
            ("89.994", "89.99", "较好"),
            ("89.18", "89.18", "较好"),
            ("79.995", "80.00", "较好"),
            ("59.995", "60.00", "一般"),
            ("59.994", "59.99", "较差"),
        ],
    );
}

#[test]
fn decision_names_the_bounds_it_compared() {
    let b = presets::by_id("B").unwrap();
    let d = b.decide(Decimal::from_str("89.175").unwrap());
    assert_eq!(d.rounded.to_string(), "89.18");
    assert_eq!(d.lower, Some(Decimal::from(80)));
    assert_eq!(d.upper, Some(Decimal::from(90)));
    let top = b.decide(Decimal::from(95));
    assert_eq!((top.lower, top.upper), (Some(Decimal::from(90)), None));
    let bottom = b.decide(Decimal::from(10));
    assert_eq!(
        (bottom.lower, bottom.upper),
        (None, Some(Decimal::from(60)))
    );
}

#[test]
fn a_scheme_file_round_trips_and_bad_files_say_where() {
    let b = presets::by_id("B").unwrap();
    assert_eq!(Scheme::from_json(&b.to_json()).unwrap(), b);

    let broken = b.to_json().replacen("\"90\"", "\"ninety\"", 1);
    let err = Scheme::from_json(&broken).unwrap_err().to_string();
    assert!(err.starts_with("方案文件第 "), "{err}");
    assert!(err.contains("ninety"), "{err}");

    let unordered = b.to_json().replacen("\"80\"", "\"95\"", 1);
    assert_eq!(
        Scheme::from_json(&unordered).unwrap_err().to_string(),
        "等次「较好」的分数线 95 应低于上一等次的分数线 90（分数线须从高到低排列）"
    );

    let future = b.to_json().replacen("\"format\": 1", "\"format\": 9", 1);
    assert_eq!(
        Scheme::from_json(&future).unwrap_err().to_string(),
        "方案文件的格式版本为 9，本程序只能读取版本 1，请使用新版本程序"
    );
}

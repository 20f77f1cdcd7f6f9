//! Golden cases from data files: every preset, computed by hand (the `why` of each case), and the
//! errors a clerk sees for bad input. `tests/golden/*.json`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test helpers

use dingji_rules::fmt::num;
use dingji_rules::{Flag, Lang, Org, Ratio, evaluate, presets};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    why: String,
    scheme: String,
    org: Org,
    scores: Vec<String>,
    composite: String,
    rounded: String,
    tier: String,
    stars: Option<u8>,
    flags: Vec<String>,
}

/// `"80.6"` must be the exact value; `"≈78.8889"` the value as explanations show it.
fn same(expected: &str, actual: Ratio) -> bool {
    if expected.starts_with('≈') {
        num(actual) == expected
    } else {
        actual.to_decimal().map(|d| d.normalize().to_string()) == Some(expected.to_owned())
    }
}

fn describe(scheme: &dingji_rules::Scheme, flag: &Flag) -> String {
    match flag {
        Flag::Participation {
            cast,
            eligible,
            needed,
            ..
        } => format!("participation {cast}/{eligible} needs {needed}"),
        Flag::Veto { veto, .. } => format!("veto {}", scheme.vetoes[*veto].id),
        Flag::SubjectToStarCap => "subject_to_star_cap".into(),
        Flag::Override { tier, .. } => format!("override {}", scheme.tier_name(*tier, Lang::Zh)),
        other => format!("{other:?}"),
    }
}

#[test]
fn every_preset_grades_its_hand_computed_cases() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("golden/single.json")).unwrap();
    let mut schemes_seen: Vec<String> = Vec::new();
    for case in &cases {
        let scheme = presets::by_id(&case.scheme).unwrap();
        let r = evaluate(&scheme, &case.org).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let context = format!("{} ({})", case.name, case.why);
        assert_eq!(r.scores.len(), case.scores.len(), "{context}");
        for (want, got) in case.scores.iter().zip(r.scores.iter()) {
            assert!(same(want, *got), "{context}: score {got}, expected {want}");
        }
        assert!(
            same(&case.composite, r.composite),
            "{context}: composite {}",
            r.composite
        );
        assert_eq!(r.rounded.to_string(), case.rounded, "{context}");
        assert_eq!(scheme.tier_name(r.tier, Lang::Zh), case.tier, "{context}");
        assert_eq!(r.stars, case.stars, "{context}");
        let flags: Vec<String> = r.flags.iter().map(|f| describe(&scheme, f)).collect();
        assert_eq!(flags, case.flags, "{context}");
        schemes_seen.push(case.scheme.clone());
    }
    for preset in presets::all() {
        assert!(
            schemes_seen.contains(&preset.id),
            "no golden case for preset {}",
            preset.id
        );
    }
}

#[derive(Deserialize)]
struct ErrorCase {
    scheme: String,
    org: Org,
    error: String,
}

#[test]
fn bad_input_is_named_in_chinese() {
    let cases: Vec<ErrorCase> = serde_json::from_str(include_str!("golden/errors.json")).unwrap();
    for case in cases {
        let scheme = presets::by_id(&case.scheme).unwrap();
        let err = evaluate(&scheme, &case.org).expect_err(&case.error);
        assert_eq!(err.to_string(), case.error);
    }
}

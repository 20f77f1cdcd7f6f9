//! Explanations: the worked example's lines asserted outright, and snapshot tests of whole
//! explanations (`tests/snapshots/*.txt`; after a deliberate change run
//! `UPDATE_SNAPSHOTS=1 cargo test -p dingji-rules --test explain`, which writes them and fails,
//! then review the diff and run again without it).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test helpers

use std::path::Path;
use std::str::FromStr;

use dingji_rules::explain::render_all;
use dingji_rules::{
    Decimal, Lang, Org, Scheme, SourceInput, evaluate_list, explain, explain_org, presets,
};
use serde::Deserialize;

fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.txt"));
    // Updating writes the snapshot and fails, so that no run passes with a snapshot it did not
    // check: review the diff, then run again without it. In CI it is refused outright.
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        assert!(
            std::env::var_os("DINGJI_CI").is_none(),
            "UPDATE_SNAPSHOTS is set in CI: snapshots would be written, not checked"
        );
        let before = std::fs::read_to_string(&path).ok();
        std::fs::write(&path, actual).unwrap();
        panic!(
            "snapshot {name} {}: review the diff and run again without UPDATE_SNAPSHOTS",
            if before.as_deref() == Some(actual) {
                "unchanged"
            } else {
                "written"
            }
        );
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}: run with UPDATE_SNAPSHOTS=1 and review it",
            path.display()
        )
    });
    assert_eq!(actual, expected, "snapshot {name} differs");
}

#[derive(Deserialize)]
struct Case {
    name: String,
    scheme: String,
    org: Org,
}

fn golden(name: &str) -> (Scheme, Org) {
    let cases: Vec<Case> = serde_json::from_str(include_str!("golden/single.json")).unwrap();
    let case = cases.into_iter().find(|c| c.name == name).unwrap();
    (presets::by_id(&case.scheme).unwrap(), case.org)
}

fn explained(name: &str, lang: Lang) -> Vec<String> {
    let (scheme, org) = golden(name);
    let (_, steps) = explain_org(&scheme, &org).unwrap();
    render_all(&scheme, &org, &steps, lang)
}

#[test]
fn the_worked_example_reads_as_the_committee_computes_it() {
    let lines = explained("b-worked-example", Lang::Zh);
    assert_eq!(
        lines,
        [
            "党委评定：92 分（直接录入）",
            "党员群众测评：好 30 票（60%）、较好 15 票（30%）、一般 4 票（8%）、较差 1 票（2%），有效票 50 张；得分 = 100 × 60% + 60 × 30% + 30 × 8% + 10 × 2% = 60 + 18 + 2.4 + 0.2 = 80.6",
            "自评：95 分（直接录入）",
            "综合评分 = 92 × 50% + 80.6 × 30% + 95 × 20% = 46 + 24.18 + 19 = 89.18",
            "89.18 → 89.18（四舍五入到两位小数）",
            "80 ≤ 89.18 < 90 → 较好",
            "较好 → 三星",
            "三星由县委评定",
        ]
    );
}

#[test]
fn snapshots_of_every_kind_of_step() {
    for (name, lang) in [
        ("b-worked-example", Lang::En),
        ("b-good-is-five-star-subject-to-the-cap", Lang::Zh),
        ("b-average-below-70-is-one-star", Lang::Zh),
        ("b-too-few-voters-is-a-warning", Lang::Zh),
        ("a-members-and-public-by-ballot", Lang::Zh),
        ("a-rounds-up-into-the-top-tier", Lang::Zh),
        ("zunyi-5-2-x", Lang::Zh),
        ("zzb-deductions-stop-at-zero", Lang::Zh),
        ("zzb-veto-grades-poor-outright", Lang::Zh),
        ("b-override-with-reason", Lang::Zh),
        ("nwafu", Lang::En),
    ] {
        let suffix = if lang == Lang::En { ".en" } else { "" };
        snapshot(
            &format!("{name}{suffix}"),
            &(explained(name, lang).join("\n") + "\n"),
        );
    }
}

#[test]
fn list_rules_are_explained_on_the_rows_they_moved() {
    let b = presets::by_id("B").unwrap();
    let scores = [
        "95", "94", "93", "92", "91", "88", "87", "86", "85", "84", "83", "82", "81", "78", "76",
        "74", "72", "70", "68", "65", "62",
    ];
    let orgs: Vec<Org> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| Org {
            name: format!("第{}支部", i + 1),
            inputs: b
                .sources
                .iter()
                .map(|src| {
                    (
                        src.id.clone(),
                        SourceInput::Score(Decimal::from_str(s).unwrap()),
                    )
                })
                .collect(),
            ..Org::default()
        })
        .collect();
    let list = evaluate_list(&b, &orgs);
    let mut text = String::new();
    for row in [0, 1, 19, 20] {
        let result = list.rows[row].as_ref().unwrap();
        let steps = explain(&b, &orgs[row], result).unwrap();
        text += &format!(
            "## {}\n{}\n",
            orgs[row].name,
            render_all(&b, &orgs[row], &steps, Lang::Zh).join("\n")
        );
    }
    assert!(text.contains("“较差”不少于 5%：⌈5% × 21⌉ = 2 个"), "{text}");
    assert!(
        text.contains("五星不超过“好”的 20%：⌊20% × 5⌋ = 1 个，本组织不在其中 → 四星"),
        "{text}"
    );
    snapshot("b-list-rules", &text);
}

/// Every sentence of both languages is written by one `fill`: by number (`{0}`, the pages'
/// strings and the rules' messages) or in order (`{}`, the explanation's lines).
#[test]
fn a_sentence_takes_its_arguments_by_number_or_in_order_and_keeps_a_brace_that_starts_none() {
    use dingji_rules::text::fill_args;
    assert_eq!(
        fill_args("{} × {} = {}", &["92", "50%", "46"]),
        "92 × 50% = 46"
    );
    assert_eq!(fill_args("{1}，{0}", &["甲", "乙"]), "乙，甲");
    assert_eq!(fill_args("{x} {}", &["a"]), "{x} a");
    // An argument not given stays as it was written, where a reader sees that one is missing.
    assert_eq!(fill_args("{} {} {2}", &["a"]), "a {} {2}");
    assert_eq!(fill_args("{", &[]), "{");
    assert_eq!(fill_args("好（{}）", &["100"]), "好（100）");
}

//! A clerk's headers, native: a corpus of header spellings as township clerks write them
//! (`tests/fixtures/headers.tsv`), each mapped to the column it must fill under its scheme; and
//! a property: any of each scheme's own names, decorated the ways clerks decorate them (a verb
//! before a level's name, a count after it, quotes and brackets of any kind, full-width
//! characters, a weight or points after a score), maps back to its own column.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers

use dingji::tools::import::headers::{Unmapped, guess_all};
use dingji::wire::columns::{Col, columns, default_modes};
use dingji_rules::Scheme;
use dingji_rules::scheme::{Scoring, SourceKind};
use proptest::prelude::*;

/// The township scheme of the fixtures: a 满意 scale with 不了解, deduction indicators, no stars.
fn township() -> Scheme {
    Scheme::from_json(include_str!("fixtures/township-satisfaction.json")).unwrap()
}

fn scheme(id: &str) -> Scheme {
    if id == "hx" {
        return township();
    }
    dingji_rules::presets::all()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no preset {id}"))
}

/// What one header reads as alone under `scheme`: a column's key, `serial`, or `-`.
fn read_as(header: &str, scheme: &Scheme) -> String {
    let cols = columns(scheme, &default_modes(scheme));
    match guess_all(&[header.to_owned()], &cols, scheme).remove(0) {
        Ok(c) => cols[c].key(),
        Err(Unmapped::Serial) => "serial".into(),
        Err(_) => "-".into(),
    }
}

#[test]
fn every_header_spelling_of_the_corpus_fills_its_column() {
    let corpus = include_str!("fixtures/headers.tsv");
    let mut wrong = Vec::new();
    let mut count = 0;
    for line in corpus
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let [id, header, want] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("a corpus line is scheme, header, column: {line:?}");
        };
        let got = read_as(header, &scheme(id));
        if got != want {
            wrong.push(format!("{id} {header:?}: {got}, not {want}"));
        }
        count += 1;
    }
    assert!(count >= 80, "the corpus has {count} spellings");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_bare_level_name_is_the_longer_one_only_where_the_scale_has_not_its_own() {
    // 差 is 较差 under B (no 差 there), 差 itself under A's five tiers' vote? A's votes are
    // 好/较好/一般/较差 in two sources: named with its source it is that source's 较差.
    assert_eq!(read_as("差", &scheme("B")), "count:vote:3");
    assert_eq!(read_as("群众评差票", &scheme("A")), "count:public:3");
    // 好 is never 较好, and 较好 never 好.
    assert_eq!(read_as("好票", &scheme("B")), "count:vote:0");
    assert_eq!(read_as("较好票", &scheme("B")), "count:vote:1");
    // 满意 is 满意, not 基本满意 nor 不满意 (each ends with it).
    assert_eq!(read_as("满意", &township()), "count:manyi:0");
    assert_eq!(read_as("意", &township()), "-");
}

/// Pairs of marks clerks put around a level's name.
const QUOTES: [(&str, &str); 8] = [
    ("", ""),
    ("“", "”"),
    ("\"", "\""),
    ("「", "」"),
    ("『", "』"),
    ("（", "）"),
    ("【", "】"),
    ("‘", "’"),
];
const BEFORE_LEVEL: [&str; 7] = ["", "评", "评为", "获", "得", "得票", "投"];
const AFTER_LEVEL: [&str; 9] = [
    "",
    "票",
    "票数",
    "得票数",
    "的票数",
    "人数",
    "数",
    "（票）",
    "的得票数",
];
const AFTER_SCORE: [&str; 6] = ["", "得分", "分", "（50%）", "×30%", "(20%)"];
const AFTER_DEDUCTION: [&str; 5] = ["扣分", "（扣分）", "扣减", "减分", "(扣分)"];

/// `text` with its ASCII and ideographic-space characters written full-width, as some input
/// methods type them.
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(u32::from(c) + 0xFEE0).unwrap(),
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

/// Every column a scheme's own names head, with one of its decorated headers built from `pick`
/// (indices into the decoration tables, taken modulo their lengths).
fn decorated(scheme: &Scheme, pick: [usize; 4], wide: bool) -> Vec<(String, String)> {
    let one = |table: &[&'static str], i: usize| table[i % table.len()];
    let votes = scheme
        .sources
        .iter()
        .filter(|s| matches!(s.input, SourceKind::Vote(_)))
        .count();
    let mut out = Vec::new();
    for source in &scheme.sources {
        match &source.input {
            SourceKind::Vote(scale) => {
                for (l, level) in scale.levels.iter().enumerate() {
                    let (open, close) = QUOTES[pick[0] % QUOTES.len()];
                    // Named with its source where another vote has the same levels.
                    let prefix = if votes > 1 {
                        format!("{}·", source.name.zh)
                    } else {
                        String::new()
                    };
                    let header = format!(
                        "{prefix}{}{open}{}{close}{}",
                        one(&BEFORE_LEVEL, pick[1]),
                        level.name.zh,
                        one(&AFTER_LEVEL, pick[2])
                    );
                    out.push((header, Col::Count(source.id.clone(), l).key()));
                }
            }
            SourceKind::Indicators => {
                for category in &scheme.categories {
                    for x in scheme.indicators_for(&category.id) {
                        let after = match x.scoring {
                            Scoring::Deduct => one(&AFTER_DEDUCTION, pick[3]),
                            Scoring::Add => one(&AFTER_SCORE[..3], pick[3]),
                        };
                        let key = Col::Indicator(source.id.clone(), x.id.clone()).key();
                        out.push((format!("{}{after}", x.name.zh), key));
                    }
                }
            }
            SourceKind::Direct => {
                let header = format!("{}{}", source.name.zh, one(&AFTER_SCORE, pick[3]));
                out.push((header, Col::Score(source.id.clone()).key()));
            }
        }
    }
    out.dedup();
    if wide {
        out = out.into_iter().map(|(h, k)| (full_width(&h), k)).collect();
    }
    out
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn a_schemes_own_names_decorated_any_way_map_back_to_themselves(
        pick in any::<[usize; 4]>(),
        wide in any::<bool>(),
    ) {
        let mut schemes = dingji_rules::presets::all();
        schemes.push(township());
        for scheme in &schemes {
            for (header, key) in decorated(scheme, pick, wide) {
                prop_assert_eq!(read_as(&header, scheme), key, "{} under {}", header, scheme.id);
            }
        }
    }
}

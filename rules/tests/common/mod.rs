//! What the rules tests share: organizations of scheme B built from their entries.
#![allow(dead_code, clippy::unwrap_used)] // each test crate uses a part; test helpers

// Over num-rational, a dependency of the native tests only.
#[cfg(not(target_arch = "wasm32"))]
pub mod oracle;

use std::str::FromStr;

use dingji_rules::{Decimal, Org, SourceInput, Votes};

/// The decimal `s` (a literal of the test).
pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// An organization of scheme B: 党委评定 and 自评 as scores, the vote as ballots (好, 较好, 一般,
/// 较差), the number eligible not given.
pub fn b_org(committee: Decimal, counts: [u64; 4], self_score: Decimal) -> Org {
    Org {
        inputs: [
            ("committee".to_owned(), SourceInput::Score(committee)),
            (
                "vote".to_owned(),
                SourceInput::Votes(Votes {
                    counts: counts.to_vec(),
                    eligible: None,
                }),
            ),
            ("self".to_owned(), SourceInput::Score(self_score)),
        ]
        .into(),
        ..Org::default()
    }
}

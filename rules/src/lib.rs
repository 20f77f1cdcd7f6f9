//! The rules of 基层党组织分类定级 (classifying and grading grassroots Party organizations).
//!
//! A committee grades each organization under it once a year. A [`Scheme`] says how: the
//! categories, the indicators and their points, the score sources (评价主体) and their weights —
//! each source a direct score, indicator sub-scores or a ballot tally — the tiers as inclusive
//! lower bounds on the composite, its rounding, the stars given on top of the tier, the rules that
//! bound their distribution (at least 5% 较差, at most 20% of the 好 ones five-star), vetoes and
//! satisfaction caps. [`evaluate()`] grades one [`Org`]; [`evaluate_list`] grades a list and applies
//! the distribution rules; [`explain()`] says why, step by step; [`goal_seek`] says what each
//! source would need for the next tier; [`summarize`] makes the 汇总表.
//!
//! Everything is exact: scores are [`rust_decimal::Decimal`] parsed from text, never binary
//! floats; a vote score and the composite built from it are exact fractions ([`Ratio`]); the composite is rounded once (by default half away from zero to two decimals,
//! `docs/domain.md` reading 3) and the tier is decided on the rounded value (reading 1).
//! The crate has no web dependency, and nothing here panics on user input: every failure is an
//! [`Error`] whose Chinese message names the field, the organization and its row.

#[doc(hidden)]
pub mod bench;
pub mod carry;
pub mod columns;
pub mod draft;
pub mod evaluate;
pub mod explain;
pub mod goal;
pub mod list;
pub mod org;
pub mod presets;
pub mod summary;
pub mod weights;

// The scheme as data (its parts, check, messages, numbers and saved forms): a crate of its own,
// its modules here under the same names.
#[doc(hidden)]
pub use dingji_scheme::serde_dec;
pub use dingji_scheme::{codec, error, fmt, map, number, ratio, rounding, scheme, text, tier};

pub use error::Error;
pub use evaluate::{Flag, OrgResult, evaluate};
pub use explain::{Step, explain, explain_org};
pub use goal::{Goal, GoalSeek, Tip, goal_seek, tips};
pub use list::{ListResult, evaluate_list};
pub use number::parse_decimal;
pub use org::{Org, Override, SourceInput, Votes};
pub use ratio::Ratio;
pub use rounding::{Rounding, RoundingMode};
pub use scheme::Scheme;
pub use summary::{Summary, summarize};
pub use text::{Lang, Text};
pub use tier::{Tier, TierDecision, TierStars};

/// Re-exported so that users of this crate name the same decimal type.
pub use rust_decimal::Decimal;

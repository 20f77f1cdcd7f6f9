//! The rules of 基层党组织分类定级 (classifying and grading grassroots Party organizations).
//!
//! A committee grades each organization under it once a year. A [`Scheme`] says how: the score
//! sources and their weights, the tiers as inclusive lower bounds on the composite score, the
//! rounding of that score, the stars given on top of the tier and the rules that bound their
//! distribution. This crate turns the inputs of an organization into its composite score and tier,
//! exactly: every score is a [`rust_decimal::Decimal`] parsed from text, never a binary float, and
//! the composite is rounded once (by default half away from zero to two decimals, `../shared/domain.md`
//! reading 3) before the tier is decided on it (reading 1).
//!
//! The crate has no web dependency: the app (`src/` at the top of the workspace) renders what it
//! computes. Nothing here panics on user input; every failure is an [`Error`] whose Chinese message
//! names the field it is about.

pub mod error;
pub mod number;
pub mod presets;
pub mod rounding;
pub mod scheme;
mod serde_dec;
pub mod text;
pub mod tier;

pub use error::Error;
pub use number::parse_decimal;
pub use rounding::{Rounding, RoundingMode};
pub use scheme::Scheme;
pub use text::{Lang, Text};
pub use tier::{Tier, TierDecision};

/// Re-exported so that users of this crate name the same decimal type.
pub use rust_decimal::Decimal;

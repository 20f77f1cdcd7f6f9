//! A grading scheme of 基层党组织分类定级, as data: the [`Scheme`] and its parts (sources and their
//! weights, categories and indicators, tiers, stars, quotas, vetoes), its check
//! ([`Scheme::validate`]) with a message for every [`Error`] (Chinese first; English by key), the
//! exact numbers it holds ([`Decimal`] read from text, [`Ratio`] for fractions), and its two saved
//! forms: the JSON of a scheme file (serde) and the compact form of [`codec`].
//!
//! `dingji-rules` grades under a scheme and re-exports this crate's modules whole; it is a crate
//! of its own so that the rules' build script compiles the presets with this same code.

pub mod codec;
pub mod error;
pub mod fmt;
pub mod map;
pub mod number;
pub mod ratio;
pub mod rounding;
pub mod scheme;
#[doc(hidden)]
pub mod serde_dec;
pub mod text;
pub mod tier;

pub use error::Error;
pub use number::parse_decimal;
pub use ratio::Ratio;
pub use rounding::{Rounding, RoundingMode};
pub use scheme::Scheme;
pub use text::{Lang, Text};
pub use tier::{Tier, TierDecision, TierStars};

/// Re-exported so that users of this crate name the same decimal type.
pub use rust_decimal::Decimal;

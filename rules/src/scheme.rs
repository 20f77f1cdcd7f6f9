//! A scheme (方案): how one committee grades. Schemes are data: the presets are JSON files embedded
//! in the build (`rules/presets/`), and a user can export, edit and import the same format.
//!
//! The file format is versioned by its `format` field; this build reads [`Scheme::FORMAT`].
//! Decimals are written as strings (`"89.5"`), whole numbers may be bare.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::rounding::Rounding;
use crate::text::Text;
use crate::tier::{self, Tier, TierDecision};

/// How a committee grades the organizations under it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// Version of the file format.
    pub format: u32,
    /// A short stable id (`A`, `B`, …) used in links and saved state.
    pub id: String,
    /// The scheme's name.
    pub name: Text,
    /// Where the rules come from: the document, and where this build reads it differently.
    #[serde(default)]
    pub citation: Text,
    /// The rounding of the composite score.
    #[serde(default)]
    pub rounding: Rounding,
    /// Tiers from the best to the lowest.
    pub tiers: Vec<Tier>,
}

impl Scheme {
    /// The file format version this build reads and writes.
    pub const FORMAT: u32 = 1;

    /// Reads a scheme from its JSON text and validates it.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        #[derive(Deserialize)]
        struct Peek {
            format: Option<u32>,
        }
        let file_error = |e: serde_json::Error| Error::SchemeFile {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        };
        let peek: Peek = serde_json::from_str(text).map_err(file_error)?;
        match peek.format {
            Some(Self::FORMAT) => {}
            Some(found) => {
                return Err(Error::SchemeFormat {
                    found,
                    supported: Self::FORMAT,
                });
            }
            None => {
                return Err(Error::SchemeFile {
                    line: 1,
                    column: 1,
                    detail: "缺少 format 字段 (missing field `format`)".to_owned(),
                });
            }
        }
        let scheme: Scheme = serde_json::from_str(text).map_err(file_error)?;
        scheme.validate()?;
        Ok(scheme)
    }

    /// The scheme as pretty JSON, in the format [`Scheme::from_json`] reads.
    pub fn to_json(&self) -> String {
        // Serializing these plain structs to a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks the scheme's own consistency.
    pub fn validate(&self) -> Result<(), Error> {
        self.rounding.validate()?;
        tier::validate(&self.tiers)
    }

    /// The tier of a composite score, decided on the rounded score.
    pub fn decide(&self, composite: Decimal) -> TierDecision {
        tier::decide(&self.tiers, &self.rounding, composite)
    }

    /// The tier at `index`, if there is one.
    pub fn tier(&self, index: usize) -> Option<&Tier> {
        self.tiers.get(index)
    }
}

//! An organization being graded (基层党组织) and what was entered for it: for each source a
//! direct score, indicator sub-scores or a ballot tally; the vetoes ticked; a committee override.
//!
//! These are the typed inputs of the engine. [`crate::draft`] holds the same as text typed by a
//! user and turns it into these, naming every field it cannot read.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::map::{self, Pairs};

/// An organization and its inputs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Org {
    /// The organization's name.
    #[serde(default)]
    pub name: String,
    /// Its category id; empty means the scheme's first category.
    #[serde(default)]
    pub category: String,
    /// What was entered for each source, by source id.
    #[serde(with = "crate::map::as_object")]
    pub inputs: Pairs<SourceInput>,
    /// The ids of the vetoes ticked for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vetoes: Vec<String>,
    /// The committee's override of the computed result, if any.
    #[serde(default, rename = "override", skip_serializing_if = "Option::is_none")]
    pub override_: Option<Override>,
}

/// What was entered for one source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceInput {
    /// A score on 100 points, entered directly (accepted for every source).
    Score(#[serde(with = "crate::serde_dec")] Decimal),
    /// Indicator entries by indicator id: points earned, or points deducted for deduction items.
    /// Entries in the order of the category's indicators are read fastest.
    Indicators(#[serde(with = "crate::map::decimals")] Pairs<Decimal>),
    /// A ballot tally.
    Votes(Votes),
}

/// A ballot tally: the count for each level of the source's scale, in its order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    /// Ballots per level.
    pub counts: Vec<u64>,
    /// The people eligible to vote (在村、在岗人数), for the participation check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligible: Option<u64>,
}

/// The committee's decision over the computed result (domain.md reading 9).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// The tier it sets, by index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<usize>,
    /// The stars it sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
    /// Why; required.
    pub reason: String,
}

impl Org {
    /// What was entered for the source `id`.
    pub fn input(&self, id: &str) -> Option<&SourceInput> {
        map::get(&self.inputs, id)
    }

    /// Sets what was entered for the source `id`.
    pub fn set_input(&mut self, id: &str, input: SourceInput) {
        map::insert(&mut self.inputs, id, input);
    }
}

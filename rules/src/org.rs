//! An organization being graded (基层党组织) and what was entered for it: for each source a
//! direct score, indicator sub-scores or a ballot tally; the vetoes ticked; a committee override.
//!
//! These are the typed inputs of the engine. [`crate::draft`] holds the same as text typed by a
//! user and turns it into these, naming every field it cannot read.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    pub inputs: BTreeMap<String, SourceInput>,
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
    Indicators(#[serde(with = "decimal_map")] BTreeMap<String, Decimal>),
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

mod decimal_map {
    use std::collections::BTreeMap;

    use rust_decimal::Decimal;
    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        map: &BTreeMap<String, Decimal>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_map(Some(map.len()))?;
        for (k, v) in map {
            out.serialize_entry(k, &v.to_string())?;
        }
        out.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, Decimal>, D::Error> {
        struct Entry(Decimal);
        impl<'de> serde::Deserialize<'de> for Entry {
            fn deserialize<D2: Deserializer<'de>>(d: D2) -> Result<Self, D2::Error> {
                crate::serde_dec::deserialize(d).map(Entry)
            }
        }
        struct MapVisitor;
        impl<'de> Visitor<'de> for MapVisitor {
            type Value = BTreeMap<String, Decimal>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map from indicator id to a decimal string")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = BTreeMap::new();
                while let Some((k, Entry(v))) = access.next_entry::<String, Entry>()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }
        d.deserialize_map(MapVisitor)
    }
}

//! The preset schemes: data files in `presets/*.json`, each citing the document it comes from,
//! compiled into the build by `build.rs` (so that the first page load needs no JSON reader for
//! schemes). A user exports, edits and imports the same format (`Scheme::from_json`).

#![allow(clippy::too_many_lines)]

use std::collections::BTreeMap;

use rust_decimal::Decimal;

// The generated code may use any of these, depending on what the preset files contain.
#[allow(unused_imports)]
use crate::error::Error;
#[allow(unused_imports)]
use crate::rounding::{Rounding, RoundingMode};
#[allow(unused_imports)]
use crate::scheme::{
    CapBase, Category, Distribution, Indicator, Limit, Participation, Quota, QuotaRounding,
    SatisfactionCap, Scheme, Scope, Scoring, Source, SourceKind, StarCap, StarLevel, Stars, Veto,
    VoteLevel, VoteScale,
};
use crate::text::Text;
use crate::tier::{Tier, TierStars};

include!(concat!(env!("OUT_DIR"), "/presets.rs"));

/// Every preset scheme, in the order users see them.
pub fn all() -> Vec<Scheme> {
    generated()
}

/// The preset with this id.
pub fn by_id(id: &str) -> Result<Scheme, Error> {
    all()
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| Error::UnknownScheme { id: id.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_equals_json() {
        let generated = all();
        assert_eq!(generated.len(), FILES.len());
        for (scheme, text) in generated.iter().zip(FILES) {
            let read = Scheme::from_json(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(
                scheme, &read,
                "build.rs and serde read {} differently",
                read.id
            );
        }
    }

    #[test]
    fn every_preset_validates() {
        for scheme in all() {
            if let Err(e) = scheme.validate() {
                panic!("preset {} does not validate: {e}", scheme.id);
            }
        }
        let ids: Vec<String> = all().into_iter().map(|s| s.id).collect();
        assert_eq!(ids, ["B", "A", "C", "ZY", "ZZB", "TJ", "NW"]);
    }

    #[test]
    fn unknown_id_is_an_error() {
        assert_eq!(by_id("Z"), Err(Error::UnknownScheme { id: "Z".into() }));
    }
}

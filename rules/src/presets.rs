//! The preset schemes, embedded in the build as data files (`rules/presets/*.json`). Each cites the
//! document it comes from.

use crate::error::Error;
use crate::scheme::Scheme;

/// The preset files, in the order users see them.
const FILES: [&str; 7] = [
    include_str!("../presets/b-township.json"),
    include_str!("../presets/a-guizhou.json"),
    include_str!("../presets/c-county.json"),
    include_str!("../presets/zunyi-5-2-x.json"),
    include_str!("../presets/zzb-organ.json"),
    include_str!("../presets/tianjin-xiqing.json"),
    include_str!("../presets/nwafu.json"),
];

/// Every preset scheme. A preset that fails to read is left out; the tests make sure none does.
pub fn all() -> Vec<Scheme> {
    FILES
        .iter()
        .filter_map(|text| Scheme::from_json(text).ok())
        .collect()
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
    fn every_preset_file_reads_and_validates() {
        for text in FILES {
            if let Err(e) = Scheme::from_json(text) {
                panic!("preset does not read: {e}\n{text}");
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

//! The preset schemes: data files in `presets/*.json`, each citing the document it comes from,
//! read and checked by `build.rs` and compiled into the compact form of [`crate::codec`], which
//! this module decodes with the same code (so that the first page load needs no JSON reader for
//! schemes). A user exports, edits and imports the JSON format itself (`Scheme::from_json`).

use crate::codec::{Codec, Reader};
use crate::error::Error;
use crate::scheme::Scheme;

/// The presets as `build.rs` encoded them.
const BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/presets.bin"));

/// The presets' English kept apart from [`BLOB`] by `build.rs`: a line `zh<TAB>en` per text.
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/presets-en.txt"));

include!(concat!(env!("OUT_DIR"), "/preset_files.rs"));

/// Every preset scheme, in the order users see them.
pub fn all() -> Vec<Scheme> {
    all_with(english())
}

/// Every preset scheme with the English of `english` (Chinese and English in turn, as
/// [`english`] gives them): the pages take it from the English catalogue when it is chosen, so
/// that their first load carries neither the English nor [`all`]'s copy of it. With none, a text
/// the presets give one English for has none (it shows in Chinese).
pub fn all_with(english: &[&str]) -> Vec<Scheme> {
    Vec::<Scheme>::read(&mut Reader::with_english(BLOB, english)).unwrap_or_default()
}

/// The presets' English kept apart: Chinese and English in turn (split once, for every later
/// [`all`] and [`by_id`]).
pub fn english() -> &'static [&'static str] {
    static PAIRS: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
        ENGLISH
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .flat_map(|(zh, en)| [zh, en])
            .collect()
    });
    &PAIRS
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
    use crate::text::Lang;
    use rust_decimal::Decimal;

    #[test]
    fn decoded_equals_json() {
        let decoded = all();
        assert_eq!(decoded.len(), FILES.len(), "every preset decodes");
        for (scheme, text) in decoded.iter().zip(FILES) {
            let read = Scheme::from_json(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(
                scheme, &read,
                "build.rs and serde read {} differently",
                read.id
            );
        }
    }

    #[test]
    fn a_damaged_blob_reads_as_nothing_not_a_panic() {
        for cut in [0, 1, BLOB.len() / 2, BLOB.len() - 1] {
            assert_eq!(Vec::<Scheme>::read(&mut Reader::new(&BLOB[..cut])), None);
        }
    }

    #[test]
    fn the_english_kept_apart_comes_back_only_when_given() {
        let bare = all_with(&[]);
        let b = &bare[0];
        // presets/b-township.json: 好 is "Good"; the name of the scheme has its English too.
        assert_eq!(
            (b.tiers[0].name.zh.as_str(), b.tiers[0].name.en.as_str()),
            ("好", "")
        );
        assert_eq!(b.tiers[0].name.get(Lang::En), "好");
        let full = &all()[0];
        assert_eq!(full.tiers[0].name.en, "Good");
        // Only the English differs: the numbers are the same.
        assert_eq!(b.tiers[0].min, full.tiers[0].min);
        assert_eq!(b.sources.len(), full.sources.len());
        let english = english();
        assert_eq!(english.len() % 2, 0);
        assert!(english.chunks_exact(2).any(|p| p == ["好", "Good"]));
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
    fn every_preset_encodes_and_decodes_to_itself() {
        for scheme in all() {
            let bytes = crate::codec::encode(&scheme).expect("encodes");
            assert_eq!(
                crate::codec::decode(&bytes).as_ref(),
                Some(&scheme),
                "{}",
                scheme.id
            );
            // Cut short anywhere: nothing, never a panic.
            for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
                assert_eq!(crate::codec::decode(&bytes[..cut]), None);
            }
        }
    }

    #[test]
    fn unknown_id_is_an_error() {
        assert_eq!(by_id("Z"), Err(Error::UnknownScheme { id: "Z".into() }));
    }

    #[test]
    fn an_adjusted_scheme_cites_the_numbers_in_force_and_its_document_once() {
        let b = by_id("B").unwrap();
        assert_eq!(
            b.in_force(Lang::Zh),
            "权重：党委评定 50%、党员群众测评 30%、自评 20%；分数线：好 ≥ 90、较好 ≥ 80、一般 ≥ 60"
        );
        // 党委评定 42.9%, 测评 40%, 自评 17.1%: the trial of the issue, applied.
        let mut trial = b.clone();
        trial.sources[0].weight = Decimal::new(429, 1);
        trial.sources[1].weight = Decimal::new(40, 0);
        trial.sources[2].weight = Decimal::new(171, 1);
        trial.name.zh = format!("{}（调整）", b.name.zh);
        trial.cite_adjusted_from(&b);
        assert!(trial.citation.zh.starts_with(
            "据“乡镇分类定级方案（四级六星）”调整：权重：党委评定 42.9%、党员群众测评 40%、自评 17.1%；"
        ));
        assert!(
            trial
                .citation
                .zh
                .ends_with(&format!("原依据：{}", b.citation.zh))
        );
        // Adjusted again: still one 原依据, the document's words once.
        let mut again = trial.clone();
        again.sources[0].weight = Decimal::new(50, 0);
        again.sources[1].weight = Decimal::new(329, 1);
        again.cite_adjusted_from(&trial);
        assert_eq!(again.citation.zh.matches("原依据：").count(), 1);
        assert!(
            again
                .citation
                .zh
                .starts_with("据“乡镇分类定级方案（四级六星）”调整：权重：党委评定 50%")
        );
        assert!(
            again
                .citation
                .get(Lang::En)
                .contains("Weights: Committee 50%")
        );
    }
}

//! Compiles the preset scheme files (`presets/*.json`) into the compact form of
//! `dingji_scheme::codec`, so that the app's first load carries the presets without a JSON reader
//! for schemes (the reader lives in the worker that imports scheme files). Each file is read and
//! checked as a user's scheme file is (`Scheme::from_json`) and written by the same codec that
//! `src/presets.rs` reads it back with: the saved form is defined once.
//!
//! A text's English is left out (written empty) where the presets give that Chinese one English
//! only: those pairs are written apart, to `presets-en.txt` (a line `zh<TAB>en` each), and
//! `src/presets.rs` puts them back as it reads. The pages take the pairs from the English
//! catalogue when English is chosen (`scripts/post-build.mjs` gathers them from the same files
//! by the same rule), so that their first load does not carry the presets' English.

use std::path::Path;

use dingji_scheme::Scheme;
use dingji_scheme::codec::{Codec, Writer};
use serde_json::Value;

/// The preset files, in the order users see them.
const FILES: [&str; 7] = [
    "b-township.json",
    "a-guizhou.json",
    "c-county.json",
    "zunyi-5-2-x.json",
    "zzb-organ.json",
    "tianjin-xiqing.json",
    "nwafu.json",
];

/// A build script reports a broken preset file by failing the build with the reason.
#[allow(clippy::panic)]
fn fail(file: &str, msg: String) -> ! {
    panic!("presets/{file}: {msg}")
}

/// The presets' texts: each Chinese with its English, `None` where the files give two.
type English = std::collections::BTreeMap<String, Option<String>>;

/// Every object of `v` with a string `zh` and a non-empty string `en`, into `pairs` (the rule
/// `scripts/post-build.mjs` follows; a text with a tab or a line break stays whole).
fn gather(v: &Value, pairs: &mut English) {
    match v {
        Value::Object(o) => {
            if let (Some(Value::String(zh)), Some(Value::String(en))) = (o.get("zh"), o.get("en"))
                && !en.is_empty()
                && ![zh, en].iter().any(|t| t.contains(['\t', '\n']))
            {
                let kept = pairs.entry(zh.clone()).or_insert_with(|| Some(en.clone()));
                if kept.as_ref() != Some(en) {
                    *kept = None;
                }
            }
            o.values().for_each(|v| gather(v, pairs));
        }
        Value::Array(items) => items.iter().for_each(|v| gather(v, pairs)),
        _ => {}
    }
}

fn main() {
    let dir = Path::new("presets");
    let texts: Vec<(&str, String)> = FILES
        .iter()
        .map(|&file| {
            let path = dir.join(file);
            println!("cargo:rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(file, e.to_string()));
            (file, text)
        })
        .collect();
    let mut english = English::new();
    for (file, text) in &texts {
        let value: Value = serde_json::from_str(text).unwrap_or_else(|e| fail(file, e.to_string()));
        gather(&value, &mut english);
    }
    let schemes: Vec<Scheme> = texts
        .iter()
        .map(|(file, text)| Scheme::from_json(text).unwrap_or_else(|e| fail(file, e.to_string())))
        .collect();
    // The English of a text the presets give one English for is kept apart.
    let omit = |t: &dingji_scheme::Text| {
        english
            .get(&t.zh)
            .is_some_and(|en| en.as_ref() == Some(&t.en))
    };
    let mut w = Writer::omitting(&omit);
    schemes
        .write(&mut w)
        .unwrap_or_else(|| fail("-", "a value the compact form cannot hold".into()));
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir =
        std::env::var("OUT_DIR").unwrap_or_else(|_| fail("-", "OUT_DIR is not set".into()));
    let out = Path::new(&out_dir);
    std::fs::write(out.join("presets.bin"), w.finish())
        .unwrap_or_else(|e| fail("-", e.to_string()));
    let pairs: String = english
        .iter()
        .filter_map(|(zh, en)| Some(format!("{zh}\t{}\n", en.as_ref()?)))
        .collect();
    std::fs::write(out.join("presets-en.txt"), pairs).unwrap_or_else(|e| fail("-", e.to_string()));
    let list = FILES
        .iter()
        .map(|f| format!("include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/presets/{f}\"))"))
        .collect::<Vec<_>>()
        .join(", ");
    let files = format!(
        "/// The preset files, for the test that checks the decoding.\n#[cfg(test)]\npub(crate) const FILES: [&str; {}] = [{list}];\n",
        FILES.len()
    );
    std::fs::write(out.join("preset_files.rs"), files).unwrap_or_else(|e| fail("-", e.to_string()));
}

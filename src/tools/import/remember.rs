//! Mappings remembered: a file whose headers were mapped before, under the same scheme, is mapped
//! the same way again (next year's file with last year's headers asks nothing twice). Kept in
//! local storage under [`REMEMBERED_KEY`] as JSON: `{"format": 1, "files": [...]}`, each file its
//! scheme's id, its header row and what the clerk chose (the list column of each file column by
//! its key, the category words' choices, the sources typed in later, fill-down), newest first,
//! at most [`REMEMBERED`] files. [`remember`] and [`recall`] are pure over that text;
//! [`remembered`] and [`remember_plan`] read and write it in local storage for the dialog.

use dingji_rules::Scheme;
use dingji_rules::draft::Mode;
use dingji_rules::scheme::SourceKind;
use serde::{Deserialize, Serialize};

use super::headers::guess_all;
use super::{Plan, guess_modes};
use crate::wire::columns::{Col, Modes, columns};
use crate::wire::sheets::Table;

/// Where the mappings are kept.
pub const REMEMBERED_KEY: &str = "dingji.import.v1";
/// The version of what is kept there.
const FORMAT: u32 = 1;
/// How many files' mappings are kept.
pub const REMEMBERED: usize = 20;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Kept {
    format: u32,
    files: Vec<File>,
}

/// One file's mapping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct File {
    scheme: String,
    headers: Vec<String>,
    /// The key of the list column each file column fills (`""` for none).
    columns: Vec<String>,
    /// Category words and the category (id) each was read as.
    categories: Vec<(String, String)>,
    later: Vec<String>,
    fill_down: bool,
}

/// The header row as compared: each cell trimmed.
fn trimmed(headers: &[String]) -> Vec<String> {
    headers.iter().map(|h| h.trim().to_owned()).collect()
}

/// What is kept, or nothing where the text is not ours (it is then replaced on the next import:
/// a mapping is a convenience, never the user's data).
fn kept(text: &str) -> Kept {
    serde_json::from_str::<Kept>(text)
        .ok()
        .filter(|k| k.format == FORMAT)
        .unwrap_or(Kept {
            format: FORMAT,
            files: Vec::new(),
        })
}

/// The kept text with `plan` remembered for the file whose header row is `headers` under
/// `scheme` (newest first; the oldest beyond [`REMEMBERED`] forgotten).
pub fn remember(text: &str, scheme: &Scheme, headers: &[String], plan: &Plan) -> String {
    let cols = columns(scheme, &plan.modes);
    let headers = trimmed(headers);
    let file = File {
        scheme: scheme.id.clone(),
        headers: headers.clone(),
        columns: plan
            .mapping
            .iter()
            .map(|m| {
                m.and_then(|c| cols.get(c))
                    .map(Col::key)
                    .unwrap_or_default()
            })
            .collect(),
        categories: plan
            .categories
            .iter()
            .filter_map(|w| Some((w.value.clone(), w.choice.clone()?)))
            .collect(),
        later: plan.later.clone(),
        fill_down: plan.fill_down,
    };
    let mut kept = kept(text);
    kept.files
        .retain(|f| !(f.scheme == scheme.id && f.headers == headers));
    kept.files.insert(0, file);
    kept.files.truncate(REMEMBERED);
    serde_json::to_string(&kept).unwrap_or_default()
}

/// The plan remembered for `table` (its first row the header) under `scheme`, if its header row
/// was mapped before; `modes` are the list's forms, changed where the remembered columns say a
/// source was read as a score.
pub fn recall(text: &str, table: &Table, scheme: &Scheme, modes: &Modes) -> Option<Plan> {
    let headers = trimmed(table.rows.first()?);
    let kept = kept(text);
    let file = kept
        .files
        .iter()
        .find(|f| f.scheme == scheme.id && f.headers == headers)?;
    let mut modes = guess_modes(&headers, scheme, modes);
    for source in &scheme.sources {
        if !matches!(source.input, SourceKind::Direct)
            && file.columns.contains(&Col::Score(source.id.clone()).key())
        {
            dingji_rules::map::insert(&mut modes, &source.id, Mode::Score);
        }
    }
    let cols = columns(scheme, &modes);
    let guessed = guess_all(&headers, &cols, scheme);
    let mapping: Vec<Option<usize>> = file
        .columns
        .iter()
        .map(|key| cols.iter().position(|c| c.key() == *key))
        .collect();
    let mut plan = Plan {
        unmapped: guessed
            .into_iter()
            .zip(&mapping)
            .map(|(g, m)| if m.is_some() { None } else { g.err() })
            .collect(),
        mapping,
        modes,
        categories: Vec::new(),
        fill_down: file.fill_down,
        later: file.later.clone(),
        taken_back: Vec::new(),
    };
    plan.find_categories(table, scheme);
    for word in &mut plan.categories {
        if let Some((_, id)) = file.categories.iter().find(|(v, _)| *v == word.value) {
            word.choice = Some(id.clone());
        }
    }
    Some(plan)
}

/// The mappings remembered, as kept in local storage (empty where there are none, or storage is
/// not there).
pub fn remembered() -> String {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(REMEMBERED_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Remembers `plan` for the file `table` heads (nothing lost where storage refuses: a mapping is a
/// convenience).
pub fn remember_plan(table: &Table, plan: &Plan, scheme: &Scheme) {
    let headers = table.rows.first().cloned().unwrap_or_default();
    let text = remember(&remembered(), scheme, &headers, plan);
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(REMEMBERED_KEY, &text);
    }
}

//! The list page's tools (`src/bin/tools.rs`: the import dialog, the scheme workshop, the
//! exports, the 公示 preview, the reading of a paste), through the bundle's loader
//! ([`crate::wire::tools`]): each asked of the bundle over the list as saved-list text.

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use crate::wire::Error;
pub use crate::wire::tools::Answer;
use crate::wire::tools::{self, call, failed, module, refused};

/// Which tool to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tool {
    Import,
    /// The 公示 and the meeting's forms, previewed to print; with the places of the rows the
    /// list shows, where it filters them.
    Publicity(Option<String>),
    /// 计票: one organization's ballots counted into its row.
    Tally,
    /// The workshop, starting from the list's scheme or from a scheme a link carried (its saved
    /// form, as [`crate::wire::schemes::scheme_data`] writes it).
    Workshop(Option<String>),
}

/// Opens `tool` over the list `list` (saved-list text); `answer` is called once.
pub fn open(tool: Tool, list: String, answer: Callback<Answer>) {
    let (name, linked) = match tool {
        Tool::Import => ("open_import", JsValue::UNDEFINED),
        Tool::Publicity(shown) => (
            "open_publicity",
            shown.map_or(JsValue::UNDEFINED, Into::into),
        ),
        Tool::Tally => ("open_tally", JsValue::UNDEFINED),
        Tool::Workshop(linked) => (
            "open_workshop",
            linked.map_or(JsValue::UNDEFINED, Into::into),
        ),
    };
    tools::open(name, list, linked, answer);
}

/// Exports the list `list` (saved-list text) as `kind`, in the tools bundle (the records, the
/// CSV writer and the workbook's sheets load with it); `answer` is called once, with why not
/// where it was not exported.
pub fn export(kind: crate::wire::tools::Export, list: String, answer: Callback<Result<(), Error>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let done = async {
            let module = module().await?;
            let promise: Promise = call(
                &module,
                "export_list",
                &js_sys::Array::of2(&list.into(), &kind.name().into()),
            )
            .map_err(failed)?
            .dyn_into()
            .map_err(|_| Error::NotLoaded(String::new()))?;
            JsFuture::from(promise).await.map_err(refused)?;
            Ok(())
        };
        answer.emit(done.await);
    });
}

/// What a paste read in the tools bundle gives: the list after it (saved-list text) and what it
/// says ("已粘贴 3 行"); or why nothing was pasted (a cell that does not read, the tools not
/// loaded).
pub type PasteAnswer = Result<(String, String), Error>;

/// Reads `text` (a block copied from Excel or WPS) into `part` (saved-list text: the rows the
/// block can reach, in the order shown) at column index `col`
/// (`Paste::paste_numbered` of the tools' paste module), in the tools bundle; `places` are those
/// rows' places in the list of `total` rows, for a refusal to name them. `answer` is called once,
/// with the part after the paste (and any rows it added after it).
pub fn paste(
    part: String,
    places: Vec<usize>,
    total: usize,
    col: usize,
    text: String,
    answer: Callback<PasteAnswer>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let done = async {
            let module = module().await?;
            let places: js_sys::Array = places.iter().map(|&t| JsValue::from(t as f64)).collect();
            let reply = call(
                &module,
                "paste_into",
                &js_sys::Array::of5(
                    &part.into(),
                    &places,
                    &(total as f64).into(),
                    &(col as f64).into(),
                    &text.into(),
                ),
            )
            .map_err(refused)?;
            let reply = js_sys::Array::from(&reply);
            Ok((
                reply.get(0).as_string().unwrap_or_default(),
                reply.get(1).as_string().unwrap_or_default(),
            ))
        };
        answer.emit(done.await);
    });
}

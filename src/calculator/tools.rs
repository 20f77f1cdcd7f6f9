//! The calculator's tools (`src/bin/tools.rs`), through the bundle's loader
//! ([`crate::wire::tools`]), loaded on first use: the scheme workshop over the page, a scheme
//! file or a scheme link read and checked as a scheme file is, and the scheme in use saved as a
//! scheme file (the JSON reader and writer load with the tools, not with the page).

use wasm_bindgen::prelude::*;
use yew::Callback;

use crate::shared::i18n::Lang;
use crate::wire::Error;
use crate::wire::schemes::OwnScheme;
use crate::wire::tools::{self, Answer, call, module, refused};

/// The largest scheme file read: a scheme is a few KiB; anything far larger is not one.
const MAX_SCHEME_FILE: f64 = 1024.0 * 1024.0;

/// Opens the workshop over the page, whose inputs are `saved` (their saved form); `answer` is
/// called once: when it is closed or applied (the page's address then carries the inputs under
/// the trial, which the page opens), or with why the tools could not be loaded.
pub fn open_workshop(saved: String, answer: Callback<Answer>) {
    tools::open("open_org_workshop", saved, JsValue::UNDEFINED, answer);
}

/// The bundle's `name` called with `args`: its answer as text, or why not (its refusal, in the
/// page's language, or the tools not loaded).
async fn ask(name: &str, args: &js_sys::Array) -> Result<String, Error> {
    let module = module().await?;
    let reply = call(&module, name, args).map_err(refused)?;
    Ok(reply.as_string().unwrap_or_default())
}

/// The scheme the bundle's reader `name` makes of `text` (a scheme file's JSON, a link's data),
/// checked there as a scheme file is and answered in its saved form; or why not, in `lang`.
async fn scheme_of(name: &str, text: String, lang: Lang) -> Result<OwnScheme, Error> {
    let data = ask(name, &js_sys::Array::of2(&text.into(), &lang.code().into())).await?;
    OwnScheme::read(&data).ok_or_else(|| Error::Refused(String::new()))
}

/// Reads the scheme file `file` and checks it; `answer` is called once, with the scheme or why
/// not (said in `lang`, with where in the file).
pub fn read_scheme_file(
    file: web_sys::File,
    lang: Lang,
    answer: Callback<Result<OwnScheme, Error>>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let read = async {
            if file.size() > MAX_SCHEME_FILE {
                let said = crate::shared::i18n::strings(lang).scheme_file_too_large();
                return Err(Error::Refused(said.to_owned()));
            }
            let text = crate::shared::file::text(&file, lang).await?;
            scheme_of("read_scheme_file", text, lang).await
        };
        answer.emit(read.await);
    });
}

/// Reads the scheme a link carries (after `scheme=`) and checks it; `answer` is called once.
pub fn read_scheme_link(data: String, lang: Lang, answer: Callback<Result<OwnScheme, Error>>) {
    wasm_bindgen_futures::spawn_local(async move {
        answer.emit(scheme_of("read_scheme_link", data, lang).await);
    });
}

/// Offers the scheme of the inputs `saved` (their saved form), with its changes to the weights
/// and thresholds, as a scheme file; `answer` is called once, with why not where it was not.
pub fn save_scheme_file(saved: String, answer: Callback<Result<(), Error>>) {
    wasm_bindgen_futures::spawn_local(async move {
        answer.emit(
            ask("save_scheme_file", &js_sys::Array::of1(&saved.into()))
                .await
                .map(drop),
        );
    });
}

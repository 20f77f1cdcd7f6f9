//! What a page asks of the main worker for itself, and what comes back: the working and goals of
//! the calculator's inputs or of one row of the list. (The JS API's calls, which carry a script's
//! own objects, are in [`crate::api`].) Both sides use these types; the message is the client's
//! `{ id, name, args }`.

use dingji_rules::Lang;
use js_sys::Array;
use wasm_bindgen::JsValue;

use super::Error;
use super::explained::Explained;

/// A page's request.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// The calculator's working, for its inputs in their saved form ([`super::page::Saved`]).
    ExplainPage { saved: String, lang: Lang },
    /// Row `row` of a list in its saved form ([`super::list`]), graded with the whole list.
    ExplainRow {
        saved: String,
        row: usize,
        lang: Lang,
    },
}

fn lang_code(lang: Lang) -> &'static str {
    if lang == Lang::En { "en" } else { "zh" }
}

fn lang_of(value: &JsValue) -> Lang {
    Lang::of_code(value.as_string().as_deref().unwrap_or_default())
}

impl Request {
    /// The message's name and arguments.
    pub fn to_message(&self) -> (&'static str, Array) {
        match self {
            Request::ExplainPage { saved, lang } => (
                "explain_page",
                Array::of2(&saved.as_str().into(), &lang_code(*lang).into()),
            ),
            Request::ExplainRow { saved, row, lang } => (
                "explain_row",
                Array::of3(
                    &saved.as_str().into(),
                    &(*row as f64).into(),
                    &lang_code(*lang).into(),
                ),
            ),
        }
    }

    /// The request a message carries, if it is one of these.
    pub fn from_message(name: &str, args: &Array) -> Option<Request> {
        let saved = || args.get(0).as_string().unwrap_or_default();
        match name {
            "explain_page" => Some(Request::ExplainPage {
                saved: saved(),
                lang: lang_of(&args.get(1)),
            }),
            "explain_row" => Some(Request::ExplainRow {
                saved: saved(),
                row: args.get(1).as_f64().map_or(usize::MAX, |n| n as usize),
                lang: lang_of(&args.get(2)),
            }),
            _ => None,
        }
    }

    /// Sends the request to the main worker (now) and returns the explanation to wait for.
    pub fn send(&self) -> impl std::future::Future<Output = Result<Explained, Error>> + use<> {
        let (name, args) = self.to_message();
        let reply = wasm_bindgen_futures::JsFuture::from(super::client::call(name, args));
        async move {
            match reply.await {
                Ok(value) => Ok(Explained::from_js(&value)),
                Err(e) => Err(Error::from_js(e)),
            }
        }
    }
}

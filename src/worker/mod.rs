//! The main worker: the JS API's work and the pages' explanations, off the pages' first load,
//! in a Web Worker with its own wasm. It uses only [`crate::wire`] and the rules crate.
//!
//! Each message is `{ id, name, args }` (or `args_json`, with `orgs_json` for `evaluate`: the
//! organizations as text of their own); each reply `{ id, ok }`, `{ id, json }`
//! or `{ id, error }`, the error being the Chinese message of the rules crate (naming the field
//! and row).

pub mod api;
pub mod explain;

use self::api::{Failure, Reply};
use crate::wire::request::Request;

/// Runs the call `name` with `args` (a page's [`Request`], or a function of [`crate::api`]);
/// `orgs`: the organizations of `evaluate` as JSON text, where they came so (then not in `args`).
pub fn handle(name: &str, args: &js_sys::Array, orgs: Option<String>) -> Result<Reply, Failure> {
    if let Some(request) = Request::from_message(name, args) {
        let explained = match request {
            Request::ExplainPage { saved, lang } => explain::explain_page(&saved, lang),
            Request::ExplainRow { saved, row, lang } => explain::explain_row(&saved, row, lang),
        };
        return explained.map(|e| Reply::Value(e.to_js()));
    }
    let arg = |i: u32| args.get(i);
    let lang = |i: u32| api::lang_of(&args.get(i));
    match name {
        "presets" => api::presets(),
        "validate" => api::validate(&arg(0)),
        "evaluate" => {
            let orgs = orgs.map_or_else(|| api::Orgs::Value(arg(1)), api::Orgs::Json);
            api::evaluate(&arg(0), orgs, lang(2)?)
        }
        "evaluate_columns" => api::evaluate_columns(&arg(0), &arg(1), lang(2)?).map(Reply::Value),
        "explain" => api::explain(&arg(0), &arg(1), lang(2)?),
        "goal_seek" => api::goal_seek(&arg(0), &arg(1)),
        other => Err(format!("没有名为 {other} 的功能")),
    }
}

#[cfg(target_arch = "wasm32")]
/// The most characters of JSON a call's arguments may take: a list of 100,000 organizations is
/// about 20 million.
const MAX_ARGUMENTS: u32 = 64_000_000;

/// Answers the page's messages ([`crate::wire::serve`]); called once when the worker's wasm
/// starts.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use crate::wire::serve::{Answer, serve};
    use wasm_bindgen::{JsCast, JsValue};
    serve(|get| {
        let name = get("name").as_string().unwrap_or_default();
        // Arguments come as JSON text (one string to clone, not a graph of objects), or as they
        // are where they hold typed arrays.
        let json = get("args_json");
        let orgs = get("orgs_json");
        let length = |text: &JsValue| {
            text.dyn_ref::<js_sys::JsString>()
                .map_or(0, js_sys::JsString::length)
        };
        let length = length(&json).saturating_add(length(&orgs));
        // Measured before it is parsed: a huge argument is refused at once.
        if length > MAX_ARGUMENTS {
            return Answer::Error(format!(
                "参数过大：{} 万个字符，上限为 {} 万个",
                length.div_ceil(10_000),
                MAX_ARGUMENTS / 10_000
            ));
        }
        let args = if json.is_string() {
            js_sys::JSON::parse(&String::from(json.unchecked_ref::<js_sys::JsString>()))
                .unwrap_or(JsValue::UNDEFINED)
        } else {
            get("args")
        };
        let args: js_sys::Array = args.dyn_into().unwrap_or_default();
        match handle(&name, &args, orgs.as_string()) {
            Ok(Reply::Value(value)) => Answer::Ok {
                value,
                transfer: None,
            },
            Ok(Reply::Json(text)) => Answer::Json(text),
            Err(message) => Answer::Error(message),
        }
    });
}

//! The JS API: the rules engine for scripts on the same page, as `window.wasmBindings` once
//! trunk's loader has run (the `TrunkApplicationStarted` event). The only JS boundary of the app.
//!
//! ```js
//! const r = await window.wasmBindings.evaluate("B", {
//!   inputs: { committee: { score: "92" }, vote: { votes: { counts: [30, 15, 4, 1] } }, self: { score: "95" } },
//! });
//! // r.rounded === "89.18", r.tier_name === "较好", r.stars_name === "三星"
//! ```
//!
//! - A scheme is a preset id (`"B"`) or a scheme object in the file format of the README.
//! - Decimals cross as strings, both ways, so that nothing passes through a binary float.
//! - Every function returns a `Promise`; a failure rejects it with a JS `Error` whose message is
//!   the Chinese message of the rules crate (naming the field and row).
//!
//! The work runs in a Web Worker with its own wasm ([`crate::worker`]), started on the first call:
//! the JSON reader for schemes and organizations and the writers of results stay out of the
//! page's first load (its 150 KiB budget).

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;

use crate::wire::client::call;

/// Every preset scheme, as scheme objects.
#[wasm_bindgen]
pub fn presets() -> Promise {
    call("presets", Array::new())
}

/// Checks a scheme (a preset id or a scheme object); resolves to it as read, defaults filled in,
/// or rejects with what is wrong.
#[wasm_bindgen]
pub fn validate(scheme: JsValue) -> Promise {
    call("validate", Array::of1(&scheme))
}

/// Grades one organization (an object), or a list (an array: the list rules apply, and the result
/// has `rows`, `quotas` and the `summary`). `lang` is `"zh"` (the default) or `"en"`; anything
/// else rejects (it is taken as any value, so that a wrong type rejects instead of throwing).
#[wasm_bindgen]
pub fn evaluate(scheme: JsValue, orgs: JsValue, lang: JsValue) -> Promise {
    call("evaluate", Array::of3(&scheme, &orgs, &lang))
}

/// Grades a list given as columns of typed arrays, and applies the list rules: the fast path
/// for large lists (a province's), answered with typed arrays. See the README's JS API.
#[wasm_bindgen]
pub fn evaluate_columns(scheme: JsValue, columns: JsValue, lang: JsValue) -> Promise {
    call("evaluate_columns", Array::of3(&scheme, &columns, &lang))
}

/// Explains one organization: its result, and every step as data and as a line of text.
#[wasm_bindgen]
pub fn explain(scheme: JsValue, org: JsValue, lang: JsValue) -> Promise {
    call("explain", Array::of3(&scheme, &org, &lang))
}

/// For each source of one organization, what it would need for the next tier up.
#[wasm_bindgen]
pub fn goal_seek(scheme: JsValue, org: JsValue) -> Promise {
    call("goal_seek", Array::of2(&scheme, &org))
}

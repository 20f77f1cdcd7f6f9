//! The worker side of the JS API: the rules engine behind `window.wasmBindings` (see
//! [`crate::api`]), run in a Web Worker with its own wasm so that the page's first load carries
//! neither the JSON reader for schemes and organizations nor the writers of results.
//!
//! Each message is `{ id, name, args }`; each reply `{ id, ok }` or `{ id, error }`, the error
//! being the Chinese message of the rules crate (naming the field and row).
//!
//! Inputs are read with `JSON.stringify` and serde_json, the same reader as scheme files; results
//! are written with serde-wasm-bindgen. Decimals cross as strings, both ways.

use dingji_rules::explain::render_all;
use dingji_rules::{Lang, Org, OrgResult, Scheme, evaluate_list, presets, summarize};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

/// What a call failed with: the message for the JS `Error`.
type Failure = String;

fn failure(e: impl std::fmt::Display) -> Failure {
    e.to_string()
}

fn json_of(value: &JsValue, what: &str) -> Result<String, Failure> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| format!("{what}不是可读取的对象"))
}

fn from_js<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, Failure> {
    let text = json_of(value, what)?;
    serde_json::from_str(&text).map_err(|e| format!("{what}有误：{e}"))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Failure> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(failure)
}

fn scheme_of(value: &JsValue) -> Result<Scheme, Failure> {
    match value.as_string() {
        Some(id) => presets::by_id(&id).map_err(failure),
        None => Scheme::from_json(&json_of(value, "方案")?).map_err(failure),
    }
}

fn parse_json(text: &str) -> Result<JsValue, Failure> {
    js_sys::JSON::parse(text).map_err(|_| "JSON".to_owned())
}

fn lang_of(lang: Option<String>) -> Lang {
    match lang.as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

/// A result with the names a script shows.
#[derive(Serialize)]
struct Named<'a> {
    #[serde(flatten)]
    result: &'a OrgResult,
    tier_name: String,
    stars_name: Option<String>,
    confirmer: Option<String>,
}

fn named<'a>(scheme: &Scheme, result: &'a OrgResult, lang: Lang) -> Named<'a> {
    Named {
        result,
        tier_name: scheme.tier_name(result.tier, lang).to_owned(),
        stars_name: result.stars.map(|n| scheme.star_name(n, lang)),
        confirmer: result
            .stars
            .and_then(|n| scheme.star_level(n))
            .map(|l| l.confirmer.get(lang).to_owned())
            .filter(|c| !c.is_empty()),
    }
}

/// Every preset scheme, as scheme objects.
pub fn presets() -> Result<JsValue, Failure> {
    let all: Vec<String> = presets::all().iter().map(Scheme::to_json).collect();
    parse_json(&format!("[{}]", all.join(",")))
}

/// Checks a scheme; returns it as read (defaults filled in) or fails with what is wrong.
pub fn validate(scheme: &JsValue) -> Result<JsValue, Failure> {
    parse_json(&scheme_of(scheme)?.to_json())
}

/// Grades one organization (an object) or a list (an array: then the list rules apply, and the
/// result has `rows`, `quotas` and the `summary`).
pub fn evaluate(
    scheme: &JsValue,
    orgs: &JsValue,
    lang: Option<String>,
) -> Result<JsValue, Failure> {
    let scheme = scheme_of(scheme)?;
    let lang = lang_of(lang);
    if js_sys::Array::is_array(orgs) {
        let orgs: Vec<Org> = from_js(orgs, "组织名单")?;
        let list = evaluate_list(&scheme, &orgs);
        #[derive(Serialize)]
        struct ListOut<'a> {
            rows: Vec<RowOut<'a>>,
            quotas: &'a [dingji_rules::list::QuotaCount],
            summary: dingji_rules::Summary,
        }
        #[derive(Serialize)]
        #[serde(untagged)]
        enum RowOut<'a> {
            Ok(Named<'a>),
            Err { error: String },
        }
        let rows = list
            .rows
            .iter()
            .map(|r| match r {
                Ok(result) => RowOut::Ok(named(&scheme, result, lang)),
                Err(e) => RowOut::Err {
                    error: e.message(lang),
                },
            })
            .collect();
        let summary = summarize(&scheme, &list);
        to_js(&ListOut {
            rows,
            quotas: &list.quotas,
            summary,
        })
    } else {
        let org: Org = from_js(orgs, "组织")?;
        let result = dingji_rules::evaluate(&scheme, &org).map_err(failure)?;
        to_js(&named(&scheme, &result, lang))
    }
}

/// Explains one organization: its result, and every step as data and as a line of text.
pub fn explain(scheme: &JsValue, org: &JsValue, lang: Option<String>) -> Result<JsValue, Failure> {
    let scheme = scheme_of(scheme)?;
    let org: Org = from_js(org, "组织")?;
    let lang = lang_of(lang);
    let (result, steps) = dingji_rules::explain_org(&scheme, &org).map_err(failure)?;
    let text = render_all(&scheme, &org, &steps, lang);
    #[derive(Serialize)]
    struct Out<'a> {
        result: Named<'a>,
        steps: &'a [dingji_rules::Step],
        text: Vec<String>,
    }
    to_js(&Out {
        result: named(&scheme, &result, lang),
        steps: &steps,
        text,
    })
}

/// For each source of one organization, what it would need for the next tier up.
pub fn goal_seek(scheme: &JsValue, org: &JsValue) -> Result<JsValue, Failure> {
    let scheme = scheme_of(scheme)?;
    let org: Org = from_js(org, "组织")?;
    to_js(&dingji_rules::goal_seek(&scheme, &org).map_err(failure)?)
}

/// The page's working and goals, for the inputs of a saved page (see [`crate::state::Saved`]).
pub fn explain_page(saved: &str, lang: Option<String>) -> Result<JsValue, Failure> {
    use std::rc::Rc;

    use crate::calc::{Calc, Explained};
    let schemes: Vec<Rc<Scheme>> = presets::all().into_iter().map(Rc::new).collect();
    let saved = crate::state::Saved::from_text(saved, &schemes)?;
    let lang = lang_of(lang);
    let base = schemes
        .iter()
        .find(|s| s.id == saved.scheme)
        .ok_or("scheme")?;
    let calc = Calc::new(base, &saved.edits, &saved.draft, lang);
    match (&calc.outcome, calc.error) {
        (Some(outcome), _) => Ok(Explained::of(outcome, lang).to_js()),
        (None, Some(e)) => Err(e.to_string()),
        (None, None) => Err("输入不完整".to_owned()),
    }
}

/// Explains row `row` of a saved list of the list page (`crate::list::saved`): the list graded
/// as a whole (the quota rules moved it or not), then that row, with what each source would
/// need for the next tier.
pub fn explain_row(saved: &str, row: usize, lang: Option<String>) -> Result<JsValue, Failure> {
    use std::rc::Rc;

    use crate::calc::{Explained, Outcome};
    use crate::list::grade::{RowResult, grade};
    let schemes: Vec<Rc<Scheme>> = presets::all().into_iter().map(Rc::new).collect();
    let state = crate::list::saved::from_text(saved, &schemes)?;
    let graded = grade(&state);
    let org = match state.rows.get(row).map(|r| &r.parsed) {
        Some(Ok(org)) => org.clone(),
        Some(Err(errors)) => {
            return Err(errors
                .iter()
                .map(|e| e.error.to_string())
                .collect::<Vec<_>>()
                .join("；"));
        }
        None => return Err(format!("没有第 {} 行", row + 1)),
    };
    match graded.result(row) {
        RowResult::Ok(result) => {
            let outcome = Outcome {
                scheme: state.scheme.clone(),
                org,
                result: result.clone(),
                decision: state.scheme.decide(result.composite),
                formula: Default::default(),
            };
            Ok(Explained::of(&outcome, lang_of(lang)).to_js())
        }
        RowResult::Failed(why) => Err(why),
        RowResult::Unread => Err("输入有误".to_owned()),
    }
}

/// Runs the call `name` with `args` (the arguments of the same function of [`crate::api`]).
pub fn handle(name: &str, args: &js_sys::Array) -> Result<JsValue, Failure> {
    let arg = |i: u32| args.get(i);
    let lang = |i: u32| args.get(i).as_string();
    match name {
        "presets" => presets(),
        "validate" => validate(&arg(0)),
        "evaluate" => evaluate(&arg(0), &arg(1), lang(2)),
        "explain" => explain(&arg(0), &arg(1), lang(2)),
        "goal_seek" => goal_seek(&arg(0), &arg(1)),
        "explain_page" => explain_page(&arg(0).as_string().unwrap_or_default(), lang(1)),
        "explain_row" => explain_row(
            &arg(0).as_string().unwrap_or_default(),
            arg(1).as_f64().unwrap_or(-1.0) as usize,
            lang(2),
        ),
        other => Err(format!("没有名为 {other} 的功能")),
    }
}

/// Answers the page's messages, and tells the page it is ready; called once when the worker's
/// wasm starts.
pub fn start() {
    use wasm_bindgen::JsCast;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let get = |key: &str| {
                js_sys::Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
            };
            let name = get("name").as_string().unwrap_or_default();
            let args: js_sys::Array = get("args").dyn_into().unwrap_or_default();
            let reply = js_sys::Object::new();
            let set = |key: &str, value: &JsValue| {
                let _ = js_sys::Reflect::set(&reply, &JsValue::from_str(key), value);
            };
            set("id", &get("id"));
            match handle(&name, &args) {
                Ok(value) => set("ok", &value),
                Err(message) => set("error", &JsValue::from_str(&message)),
            }
            let _ = reply_to.post_message(&reply);
        });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    // Messages posted before this point found no listener: the page waits for this one.
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &JsValue::from_str("ready"), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

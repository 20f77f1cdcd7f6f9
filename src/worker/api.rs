//! The JS API's work: the rules engine behind `window.wasmBindings` (see [`crate::api`]).
//!
//! Each message is `{ id, name, args }`; each reply `{ id, ok }` or `{ id, error }`, the error
//! being the Chinese message of the rules crate (naming the field and row).
//!
//! Organizations are read with serde_json from the JSON text the page made of them (`evaluate`'s
//! cross as text of their own: no JS objects are made of them in the worker); schemes with the
//! reader of scheme files; results are written as JSON text, which the page parses. Decimals
//! cross as strings, both ways. A list given as columns of typed arrays ([`evaluate_columns`])
//! is graded by the rules crate's columnar path and answered with typed arrays.

use crate::wire::codec::excerpt;
use dingji_rules::explain::render_all;
use dingji_rules::{Lang, Org, OrgResult, Scheme, evaluate_list, presets, summarize};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// What a call failed with: the message for the JS `Error`.
pub type Failure = String;

fn failure(e: impl std::fmt::Display) -> Failure {
    e.to_string()
}

fn json_of(value: &JsValue, what: &str) -> Result<String, Failure> {
    if !value.is_object() {
        let kind = if value.is_null() {
            "null".to_owned()
        } else {
            value.js_typeof().as_string().unwrap_or_default()
        };
        return Err(format!("{what}应为对象，现为 {kind}"));
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| format!("{what}不是可读取的对象"))
}

/// Reads an object through JSON text (the browser's `JSON.stringify`, then serde_json): for a
/// list of 10,000 organizations quicker than serde-wasm-bindgen's property-by-property reading
/// (tests/e2e/bench-api.mjs). Decimals are read by the same reader as scheme files and the
/// page's fields.
fn from_js<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, Failure> {
    let text = json_of(value, what)?;
    serde_json::from_str(&text).map_err(|e| format!("{what}有误：{e}"))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Failure> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(failure)
}

/// What a call answers: a JS value (typed arrays, the working), or JSON text that the page parses
/// itself. Text crosses to the page as one string instead of a cloned graph of objects, and the
/// browser's parser builds the objects there: for a list of 10,000 results about twice as quick as
/// building each object in the worker (measured by tests/e2e/bench-api.mjs).
pub enum Reply {
    /// A value posted as it is.
    Value(JsValue),
    /// JSON text, parsed by the page.
    Json(String),
}

fn json<T: Serialize + ?Sized>(value: &T) -> Result<Reply, Failure> {
    serde_json::to_string(value)
        .map(Reply::Json)
        .map_err(failure)
}

fn scheme_of(value: &JsValue) -> Result<Scheme, Failure> {
    match value.as_string() {
        Some(id) => presets::by_id(&id).map_err(failure),
        None => Scheme::from_json(&json_of(value, "方案")?).map_err(failure),
    }
}

/// The language argument: `"zh"` or `"en"`, or left out (Chinese); anything else is refused.
pub fn lang_of(lang: &JsValue) -> Result<Lang, Failure> {
    if lang.is_undefined() || lang.is_null() {
        return Ok(Lang::Zh);
    }
    match lang.as_string().as_deref() {
        Some("zh") => Ok(Lang::Zh),
        Some("en") => Ok(Lang::En),
        _ => Err(format!(
            "参数 lang 应为 \"zh\" 或 \"en\"，现为 {}",
            excerpt(
                &js_sys::JSON::stringify(lang)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_else(|| "?".into())
            )
        )),
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
pub fn presets() -> Result<Reply, Failure> {
    let all: Vec<String> = presets::all().iter().map(Scheme::to_json).collect();
    Ok(Reply::Json(format!("[{}]", all.join(","))))
}

/// Checks a scheme; returns it as read (defaults filled in) or fails with what is wrong.
pub fn validate(scheme: &JsValue) -> Result<Reply, Failure> {
    Ok(Reply::Json(scheme_of(scheme)?.to_json()))
}

/// The organizations of [`evaluate`]: a JS value, or the JSON text the page made of one.
pub enum Orgs {
    Value(JsValue),
    Json(String),
}

/// Grades one organization (an object) or a list (an array: then the list rules apply, and the
/// result has `rows`, `quotas` and the `summary`).
pub fn evaluate(scheme: &JsValue, orgs: Orgs, lang: Lang) -> Result<Reply, Failure> {
    let scheme = scheme_of(scheme)?;
    // Text of an array or an object is read as it is; anything else as the value it is.
    match orgs {
        Orgs::Json(text) if text.starts_with(['[', '{']) => {
            graded(&scheme, text.starts_with('['), &text, lang)
        }
        Orgs::Json(text) => {
            let value = js_sys::JSON::parse(&text).unwrap_or(JsValue::UNDEFINED);
            evaluate_value(&scheme, &value, lang)
        }
        Orgs::Value(value) => evaluate_value(&scheme, &value, lang),
    }
}

/// What the organizations of [`evaluate`] are called in its errors: a list, or one.
fn orgs_named(list: bool) -> &'static str {
    if list { "组织名单" } else { "组织" }
}

/// [`evaluate`] of a JS value.
fn evaluate_value(scheme: &Scheme, orgs: &JsValue, lang: Lang) -> Result<Reply, Failure> {
    let list = js_sys::Array::is_array(orgs);
    graded(scheme, list, &json_of(orgs, orgs_named(list))?, lang)
}

/// Grades the organizations of the JSON text `text`: a list, or one.
fn graded(scheme: &Scheme, list: bool, text: &str, lang: Lang) -> Result<Reply, Failure> {
    let read = |e: serde_json::Error| format!("{}有误：{e}", orgs_named(list));
    if list {
        let orgs: Vec<Org> = serde_json::from_str(text).map_err(read)?;
        let list = evaluate_list(scheme, &orgs);
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
                Ok(result) => RowOut::Ok(named(scheme, result, lang)),
                Err(e) => RowOut::Err {
                    error: e.message(lang),
                },
            })
            .collect();
        let summary = summarize(scheme, &list);
        json(&ListOut {
            rows,
            quotas: &list.quotas,
            summary,
        })
    } else {
        let org: Org = serde_json::from_str(text).map_err(read)?;
        let result = dingji_rules::evaluate(scheme, &org).map_err(failure)?;
        json(&named(scheme, &result, lang))
    }
}

/// A property of a JS object.
fn prop(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// An array-like of whole numbers (a typed array or an array), read as `i64`s; `what` names it in
/// the error.
fn whole_numbers(value: &JsValue, what: &str) -> Result<Vec<i64>, Failure> {
    if value.is_undefined()
        || value.is_null()
        || !js_sys::Reflect::has(value, &"length".into()).unwrap_or(false)
    {
        return Err(format!("{what}应为数组（如 Int32Array）"));
    }
    let numbers = js_sys::Float64Array::new(value).to_vec();
    numbers
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            if x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_991.0 {
                Ok(x as i64)
            } else {
                Err(format!("{what}第 {} 个值“{x}”不是整数", i + 1))
            }
        })
        .collect()
}

/// A scale (decimals of a column), 0 to [`dingji_rules::columns::MAX_SCALE`].
fn scale_of(column: &JsValue, what: &str) -> Result<u32, Failure> {
    let scale = prop(column, "scale");
    if scale.is_undefined() {
        return Ok(0);
    }
    match scale.as_f64() {
        Some(x)
            if x.fract() == 0.0
                && (0.0..=f64::from(dingji_rules::columns::MAX_SCALE)).contains(&x) =>
        {
            Ok(x as u32)
        }
        _ => Err(format!(
            "{what}的 scale 应为 0 到 {} 的整数",
            dingji_rules::columns::MAX_SCALE
        )),
    }
}

/// Reads `{ categories?, sources: { <source id>: column } }` against the scheme.
fn columns_of(scheme: &Scheme, value: &JsValue) -> Result<dingji_rules::columns::Columns, Failure> {
    use dingji_rules::columns::{Column, Columns};
    use dingji_rules::scheme::SourceKind;
    let sources = prop(value, "sources");
    if !sources.is_object() {
        return Err("列数据应有 sources 对象，按评价主体编号给出各列".to_owned());
    }
    let known: Vec<&str> = scheme.sources.iter().map(|s| s.id.as_str()).collect();
    for key in js_sys::Object::keys(sources.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(format!(
                "方案中没有评价主体「{}」",
                key.chars().take(40).collect::<String>()
            ));
        }
    }
    let mut len: Option<usize> = None;
    let mut check_len = |n: usize, what: &str| -> Result<(), Failure> {
        match len {
            Some(l) if l != n => Err(format!("{what}有 {n} 个值，其他列有 {l} 个")),
            _ => {
                len = Some(n);
                Ok(())
            }
        }
    };
    let mut columns = Vec::with_capacity(scheme.sources.len());
    for source in &scheme.sources {
        let name = source.name.zh.as_str();
        let column = prop(&sources, &source.id);
        if !column.is_object() {
            return Err(format!("「{name}」（{}）缺少列数据", source.id));
        }
        let counts = prop(&column, "counts");
        let entries = prop(&column, "entries");
        let parsed = if !counts.is_undefined() {
            let SourceKind::Vote(scale) = &source.input else {
                return Err(format!("「{name}」不是测评票，不能给出票数"));
            };
            let levels: js_sys::Array = counts
                .clone()
                .dyn_into()
                .map_err(|_| format!("「{name}」的 counts 应为数组，每个档次一列"))?;
            if levels.length() as usize != scale.levels.len() {
                return Err(format!(
                    "「{name}」有 {} 个档次，counts 给出 {} 列",
                    scale.levels.len(),
                    levels.length()
                ));
            }
            let mut out = Vec::with_capacity(scale.levels.len());
            for (level, l) in levels.iter().zip(&scale.levels) {
                let what = format!("「{name} · {}」票数", l.name.zh);
                let values = whole_numbers(&level, &what)?;
                check_len(values.len(), &what)?;
                out.push(
                    values
                        .iter()
                        .map(|&v| {
                            u32::try_from(v)
                                .map_err(|_| format!("{what}应在 0 到 1000000000 之间，现为 {v}"))
                        })
                        .collect::<Result<Vec<u32>, Failure>>()?,
                );
            }
            Column::Votes { counts: out }
        } else if !entries.is_undefined() {
            if source.input != SourceKind::Indicators {
                return Err(format!("「{name}」不按指标计分，不能给出指标得分"));
            }
            let scale = scale_of(&column, &format!("「{name}」"))?;
            let mut ids = Vec::new();
            let mut values = Vec::new();
            for key in js_sys::Object::keys(entries.unchecked_ref::<js_sys::Object>()).iter() {
                let id = key.as_string().unwrap_or_default();
                let what = format!("「{name} · {}」", id.chars().take(40).collect::<String>());
                let v = whole_numbers(&prop(&entries, &id), &what)?;
                check_len(v.len(), &what)?;
                ids.push(id);
                values.push(v);
            }
            Column::Indicators {
                scale,
                ids,
                entries: values,
            }
        } else {
            let scale = scale_of(&column, &format!("「{name}」"))?;
            let what = format!("「{name}」得分");
            let values = whole_numbers(&prop(&column, "values"), &what)?;
            check_len(values.len(), &what)?;
            Column::Scores { scale, values }
        };
        columns.push(parsed);
    }
    let categories = prop(value, "categories");
    let categories = if categories.is_undefined() {
        Vec::new()
    } else {
        let c = whole_numbers(&categories, "categories")?;
        check_len(c.len(), "categories")?;
        c.iter()
            .map(|&v| u32::try_from(v).map_err(|_| format!("categories 中的分类序号 {v} 无效")))
            .collect::<Result<_, _>>()?
    };
    Ok(Columns {
        categories,
        sources: columns,
    })
}

/// Grades a list given as columns of typed arrays (the columnar path): see the README's JS API.
pub fn evaluate_columns(
    scheme: &JsValue,
    columns: &JsValue,
    lang: Lang,
) -> Result<JsValue, Failure> {
    use dingji_rules::columns::evaluate_columns as grade;
    let scheme = scheme_of(scheme)?;
    let columns = columns_of(&scheme, columns)?;
    let out = grade(&scheme, &columns).map_err(failure)?;
    let object = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    };
    let rounded: Vec<i32> = out
        .rounded
        .iter()
        .map(|&r| i32::try_from(r).unwrap_or(i32::MAX))
        .collect();
    set("decimals", &JsValue::from(scheme.rounding.decimals));
    set("rounded", &js_sys::Int32Array::from(&rounded[..]));
    set("tier", &js_sys::Uint8Array::from(&out.tier[..]));
    set("score_tier", &js_sys::Uint8Array::from(&out.score_tier[..]));
    set("stars", &js_sys::Uint8Array::from(&out.stars[..]));
    set("rank", &js_sys::Uint32Array::from(&out.rank[..]));
    set("moved", &js_sys::Uint8Array::from(&out.moved[..]));
    #[derive(Serialize)]
    struct RowError {
        row: usize,
        message: String,
    }
    let errors: Vec<RowError> = out
        .errors
        .iter()
        .map(|(i, e)| RowError {
            row: i + 1,
            message: e.message(lang),
        })
        .collect();
    set("errors", &to_js(&errors)?);
    set("quotas", &to_js(&out.quotas)?);
    let names: Vec<&str> = scheme.tiers.iter().map(|t| t.name.get(lang)).collect();
    set("tier_names", &to_js(&names)?);
    Ok(object.into())
}

/// Explains one organization: its result, and every step as data and as a line of text.
pub fn explain(scheme: &JsValue, org: &JsValue, lang: Lang) -> Result<Reply, Failure> {
    let scheme = scheme_of(scheme)?;
    let org: Org = from_js(org, "组织")?;
    let (result, steps) = dingji_rules::explain_org(&scheme, &org).map_err(failure)?;
    let text = render_all(&scheme, &org, &steps, lang);
    #[derive(Serialize)]
    struct Out<'a> {
        result: Named<'a>,
        steps: &'a [dingji_rules::Step],
        text: Vec<String>,
    }
    json(&Out {
        result: named(&scheme, &result, lang),
        steps: &steps,
        text,
    })
}

/// For each source of one organization, what it would need for the next tier up.
pub fn goal_seek(scheme: &JsValue, org: &JsValue) -> Result<Reply, Failure> {
    let scheme = scheme_of(scheme)?;
    let org: Org = from_js(org, "组织")?;
    json(&dingji_rules::goal_seek(&scheme, &org).map_err(failure)?)
}

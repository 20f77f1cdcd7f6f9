//! A page's side of the tools bundle (`src/bin/tools.rs`: the import dialog, the scheme
//! workshop, the exports, the 公示 preview, a paste's reading), through its loader
//! (`assets/tools-loader.js`, run on the first use of any: it loads the bundle's script, its wasm
//! and its style sheet, and opens a tool in a root of its own over the page). Both pages use it:
//! the list page for every tool (`crate::list::tools`), the calculator for its workshop.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use dingji_rules::Lang;

/// What a tool answered: its text (the imported list or the list under a scheme, as saved-list
/// text; a scheme's saved form) and a flag (append the imported list), or nothing (cancelled,
/// closed); or why the tools could not be loaded.
pub type Answer = Result<Option<(String, bool)>, String>;

/// Why the tools could not be loaded, in `lang`.
pub fn not_loaded(lang: Lang, why: &str) -> String {
    match (lang, why.is_empty()) {
        (Lang::Zh, true) => "工具未能载入".to_owned(),
        (Lang::Zh, false) => format!("工具未能载入：{why}"),
        (Lang::En, true) => "The tools could not be loaded".to_owned(),
        (Lang::En, false) => format!("The tools could not be loaded: {why}"),
    }
}

/// Why, in `lang`, from what a failed load or call threw.
pub fn failed(lang: Lang) -> impl Fn(JsValue) -> String {
    move |e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_default();
        let why = match (why.as_str(), lang) {
            ("unfetched", Lang::Zh) => "脚本无法获取",
            ("unfetched", Lang::En) => "the script could not be fetched",
            (other, _) => other,
        };
        not_loaded(lang, why)
    }
}

/// The loader's function `name`, running the loader first where the page has not yet.
async fn loader(name: &'static str) -> Option<Function> {
    let mut found = Reflect::get(&js_sys::global(), &name.into()).ok();
    if !found.as_ref().is_some_and(JsValue::is_function) {
        let loaded = Promise::new(&mut |resolve, _| {
            super::client::load_script("./tools-loader.js", name, move |f| {
                let _ = resolve.call1(&JsValue::NULL, &f);
            });
        });
        found = JsFuture::from(loaded).await.ok();
    }
    found.and_then(|f| f.dyn_into().ok())
}

/// The bundle's exports, once loaded.
pub async fn module(lang: Lang) -> Result<JsValue, String> {
    let load = loader("dingjiLoadTools")
        .await
        .ok_or_else(|| failed(lang)("unfetched".into()))?;
    let loaded: Promise = load
        .call0(&JsValue::NULL)
        .map_err(failed(lang))?
        .unchecked_into();
    JsFuture::from(loaded).await.map_err(failed(lang))
}

/// Calls the bundle's export `name` with `args`.
pub fn call(module: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(module, &name.into())?.dyn_into()?;
    f.apply(&JsValue::NULL, args)
}

/// Opens the tool `name` of the bundle over the page, with `data` (the page as the tool reads
/// it) and `extra` (what else it takes, or undefined); `answer` is called once: with the tool's
/// answer when it is done, with nothing when it is closed, or with why it could not be opened.
pub fn open(
    name: &'static str,
    data: String,
    extra: JsValue,
    lang: Lang,
    answer: Callback<Answer>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(open) = loader("dingjiOpenTool").await else {
            return answer.emit(Err(failed(lang)("unfetched".into())));
        };
        let to = answer.clone();
        let done = Closure::once_into_js(move |text: JsValue, flag: JsValue| {
            to.emit(Ok(text.as_string().map(|t| (t, flag.is_truthy()))));
        });
        let args = Array::of4(&name.into(), &data.into(), &extra, &done);
        let opened = match open.apply(&JsValue::NULL, &args) {
            Ok(p) => JsFuture::from(Promise::from(p)).await.map(drop),
            Err(e) => Err(e),
        };
        if let Err(e) = opened {
            answer.emit(Err(failed(lang)(e)));
        }
    });
}

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

use super::Error;

/// A file the list is exported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// 定级名单.csv: the results, one row per organization.
    Csv,
    /// 定级名单.xlsx: the results, the 汇总表 and the scheme, a sheet each.
    Xlsx,
}

impl Export {
    /// The name it crosses to the tools bundle by.
    pub fn name(self) -> &'static str {
        match self {
            Export::Csv => "csv",
            Export::Xlsx => "xlsx",
        }
    }
}

/// What a tool answered: its text (the imported list or the list under a scheme, as saved-list
/// text; a scheme's saved form) and a flag (append the imported list), or nothing (cancelled,
/// closed); or why the tools could not be loaded.
pub type Answer = Result<Option<(String, bool)>, Error>;

/// The tools not loaded, from what a failed load or call threw.
pub fn failed(e: JsValue) -> Error {
    let why = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default();
    Error::NotLoaded(why)
}

/// What a tool's call threw: a sentence (the tool refused, and says why, in the page's
/// language), or a failure to load.
pub fn refused(e: JsValue) -> Error {
    match e.as_string() {
        Some(why) => Error::Refused(why),
        None => failed(e),
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
pub async fn module() -> Result<JsValue, Error> {
    let load = loader("dingjiLoadTools")
        .await
        .ok_or_else(|| Error::NotLoaded("unfetched".into()))?;
    let loaded: Promise = load.call0(&JsValue::NULL).map_err(failed)?.unchecked_into();
    JsFuture::from(loaded).await.map_err(failed)
}

/// Calls the bundle's export `name` with `args`.
pub fn call(module: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(module, &name.into())?.dyn_into()?;
    f.apply(&JsValue::NULL, args)
}

/// Opens the tool `name` of the bundle over the page, with `data` (the page as the tool reads
/// it) and `extra` (what else it takes, or undefined); `answer` is called once: with the tool's
/// answer when it is done, with nothing when it is closed, or with why it could not be opened.
pub fn open(name: &'static str, data: String, extra: JsValue, answer: Callback<Answer>) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(open) = loader("dingjiOpenTool").await else {
            return answer.emit(Err(Error::NotLoaded("unfetched".into())));
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
            answer.emit(Err(failed(e)));
        }
    });
}

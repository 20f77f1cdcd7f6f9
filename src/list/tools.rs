//! The page's side of the tools bundle (`src/bin/tools.rs`: the import dialog, the scheme
//! workshop, the exports, the 公示 preview, the reading of a paste): loaded on the first use of
//! any (its script, then its wasm), then asked to open one over the list in a root of its own at
//! the end of the body (outside the list app: each Yew instance numbers its app roots from 1, so
//! two apps in one subtree would take each other's events).

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use crate::wire::client::script;
use dingji_rules::Lang;

thread_local! {
    /// The bundle, once loaded: its init function, which carries its exports.
    static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// What a tool answered: the imported list (saved-list text) and whether to append it, or
/// nothing (cancelled, closed); or why the tools could not be loaded.
pub type Answer = Result<Option<(String, bool)>, String>;

/// Why the tools could not be loaded, in `lang`.
fn not_loaded(lang: Lang, why: &str) -> String {
    match (lang, why.is_empty()) {
        (Lang::Zh, true) => "工具未能载入".to_owned(),
        (Lang::Zh, false) => format!("工具未能载入：{why}"),
        (Lang::En, true) => "The tools could not be loaded".to_owned(),
        (Lang::En, false) => format!("The tools could not be loaded: {why}"),
    }
}

fn failed(lang: Lang) -> impl Fn(JsValue) -> String {
    move |e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| format!("{e:?}"), |e| String::from(e.message()));
        not_loaded(lang, &why)
    }
}

async fn module(lang: Lang) -> Result<JsValue, String> {
    let failed = failed(lang);
    let unfetched = || {
        not_loaded(
            lang,
            if lang == Lang::Zh {
                "脚本无法获取"
            } else {
                "the script could not be fetched"
            },
        )
    };
    if let Some(m) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(m);
    }
    let document = gloo::utils::document();
    let tag = document.create_element("script").map_err(&failed)?;
    tag.set_attribute("src", &script("./tools.js"))
        .map_err(&failed)?;
    let loaded = Promise::new(&mut |resolve, reject| {
        let _ = tag.add_event_listener_with_callback("load", &resolve);
        let _ = tag.add_event_listener_with_callback("error", &reject);
    });
    document
        .body()
        .ok_or_else(unfetched)?
        .append_child(&tag)
        .map_err(&failed)?;
    JsFuture::from(loaded).await.map_err(|_| unfetched())?;
    let init: Function = Reflect::get(&gloo::utils::window(), &"dingjiTools".into())
        .map_err(&failed)?
        .dyn_into()
        .map_err(|_| unfetched())?;
    let options = Object::new();
    let _ = Reflect::set(
        &options,
        &"module_or_path".into(),
        &script("./tools_bg.wasm").into(),
    );
    let started: Promise = init
        .call1(&JsValue::NULL, &options)
        .map_err(&failed)?
        .unchecked_into();
    JsFuture::from(started).await.map_err(&failed)?;
    MODULE.with(|m| m.replace(Some(init.clone().into())));
    Ok(init.into())
}

fn call(module: &JsValue, name: &str, args: &js_sys::Array) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(module, &name.into())?.dyn_into()?;
    f.apply(&JsValue::NULL, args)
}

/// Which tool to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tool {
    Import,
    /// The 公示, previewed to print.
    Publicity,
    /// The workshop, starting from the list's scheme or from a scheme a link carried (its saved
    /// form, as [`crate::wire::list::scheme_data`] writes it).
    Workshop(Option<String>),
}

/// Opens `tool` over the list `list` (saved-list text); `answer` is called once.
pub fn open(tool: Tool, list: String, lang: Lang, answer: Callback<Answer>) {
    wasm_bindgen_futures::spawn_local(async move {
        let module = match module(lang).await {
            Ok(m) => m,
            Err(why) => return answer.emit(Err(why)),
        };
        let document = gloo::utils::document();
        let Ok(root) = document.create_element("div") else {
            return answer.emit(Err(not_loaded(lang, "")));
        };
        root.set_id("tool-root");
        if let Some(body) = document.body() {
            let _ = body.append_child(&root);
        }
        let (m, r, to) = (module.clone(), root.clone(), answer.clone());
        let done = Closure::once_into_js(move |text: JsValue, append: JsValue| {
            to.emit(Ok(text.as_string().map(|t| (t, append.is_truthy()))));
            // Taken down after this call returns: not from inside the dialog's own callback.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = call(&m, "close_tool", &js_sys::Array::new());
                r.remove();
            });
        });
        let (name, linked) = match tool {
            Tool::Import => ("open_import", JsValue::UNDEFINED),
            Tool::Publicity => ("open_publicity", JsValue::UNDEFINED),
            Tool::Workshop(linked) => (
                "open_workshop",
                linked.map_or(JsValue::UNDEFINED, Into::into),
            ),
        };
        if let Err(e) = call(
            &module,
            name,
            &js_sys::Array::of4(&root, &list.into(), &done, &linked),
        ) {
            root.remove();
            answer.emit(Err(failed(lang)(e)));
        }
    });
}

/// Exports the list `list` (saved-list text) as `kind`, in the tools bundle (the records, the
/// CSV writer and the workbook's sheets load with it); `answer` is called once, with why not
/// where it was not exported.
pub fn export(
    kind: crate::list::files::Export,
    list: String,
    lang: Lang,
    answer: Callback<Result<(), String>>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let done = async {
            let module = module(lang).await?;
            let promise: Promise = call(
                &module,
                "export_list",
                &js_sys::Array::of2(&list.into(), &kind.name().into()),
            )
            .map_err(failed(lang))?
            .dyn_into()
            .map_err(|_| not_loaded(lang, ""))?;
            JsFuture::from(promise)
                .await
                .map_err(|e| e.as_string().unwrap_or_else(|| failed(lang)(e)))?;
            Ok(())
        };
        answer.emit(done.await);
    });
}

/// What a paste read in the tools bundle gives: the list after it (saved-list text) and what it
/// says ("已粘贴 3 行"); or why nothing was pasted (a cell that does not read, the tools not
/// loaded).
pub type PasteAnswer = Result<(String, String), String>;

/// Reads `text` (a block copied from Excel or WPS) into `part` (saved-list text: the rows the
/// block can reach, in the order shown) at column index `col`
/// ([`crate::list::state::ListState::paste_numbered`]), in the tools bundle; `places` are those
/// rows' places in the list of `total` rows, for a refusal to name them. `answer` is called once,
/// with the part after the paste (and any rows it added after it).
pub fn paste(
    part: String,
    places: Vec<usize>,
    total: usize,
    col: usize,
    text: String,
    lang: Lang,
    answer: Callback<PasteAnswer>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let done = async {
            let module = module(lang).await?;
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
            .map_err(|e| e.as_string().unwrap_or_else(|| failed(lang)(e)))?;
            let reply = js_sys::Array::from(&reply);
            Ok((
                reply.get(0).as_string().unwrap_or_default(),
                reply.get(1).as_string().unwrap_or_default(),
            ))
        };
        answer.emit(done.await);
    });
}

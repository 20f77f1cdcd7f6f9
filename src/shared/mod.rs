//! What both pages show the same way: the interface strings, the tiers' colours, field errors.

pub mod file;
pub mod history;
pub mod i18n;

/// A shared value compared by identity, not by what it holds: a page's scheme, or its rows, are
/// shared values, and another `Rc` is another scheme to grade under or a changed row (the
/// grading's cache is kept by the same rule), so nothing compares them field by field.
#[derive(Debug)]
pub struct Same<T>(pub std::rc::Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Same<T> {}

/// The colour class of tier `index` of `count` tiers: the best is green, the lowest always red,
/// whatever the number of tiers (`tone-0` … `tone-4`).
pub fn tier_tone(index: usize, count: usize) -> String {
    let tone = if index + 1 >= count {
        4
    } else {
        (index + 5usize.saturating_sub(count)).min(3)
    };
    format!("tone-{tone}")
}

/// The message of an error to show at a field, or `None` for an empty field (an empty field is
/// not an error until the user has something else wrong: the result panel lists what is missing).
pub fn shown_error(
    error: Option<&dingji_rules::Error>,
    lang: crate::shared::i18n::Lang,
) -> Option<yew::AttrValue> {
    use dingji_rules::Error;
    match error {
        None
        | Some(Error::Empty { .. } | Error::MissingInput { .. } | Error::MissingIndicator { .. }) => {
            None
        }
        Some(e) => Some(crate::shared::i18n::error_message(e, lang).into()),
    }
}

/// Keeps saved `text` that could not be read under `key` + `.unreadable.` + the time, so that
/// one kept before is never written over and nothing the user had is lost. Whether the write
/// succeeded (a notice may say it was kept only then).
pub fn keep_aside(storage: Option<&web_sys::Storage>, key: &str, text: &str) -> bool {
    storage.is_some_and(|s| s.set_item(&crate::wire::store::aside(key), text).is_ok())
}

/// Shows a message over the page if anything panics: the page has stopped (a panic in wasm
/// aborts), and says so instead of going still. Nothing is written to storage here, and nothing
/// can be after it: what was saved stays as it was before the fault.
pub fn install_panic_message() {
    // Through yew: a hook set with `std::panic::set_hook` is replaced by yew's own (a console
    // message) when the app is rendered.
    #[cfg(target_arch = "wasm32")]
    yew::set_custom_panic_hook(Box::new(|_| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let (Ok(box_), Some(body)) = (document.create_element("div"), document.body()) else {
            return;
        };
        box_.set_class_name("crash");
        let _ = box_.set_attribute("role", "alert");
        box_.set_text_content(Some(
            "页面出错，已停止运行；已保存的数据未改动，请刷新页面。\
             The page stopped on an error; saved data is unchanged. Please reload.",
        ));
        let _ = body.append_child(&box_);
    }));
}

/// Whether this page is shown inside a frame of a page from another origin. Another site could
/// lay the page under a decoy and have a user's clicks act on it (add a row, apply a scheme from
/// a link, regrade the saved list); a meta Content-Security-Policy cannot set `frame-ancestors`,
/// and the server's headers may not either, so each page asks at start. A frame of the page's
/// own origin is left alone: a script there could read the saved lists anyway.
pub fn framed_by_another_origin() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) => {
            let own: &wasm_bindgen::JsValue = window.as_ref();
            // The top of another origin does not let its location be read.
            !js_sys::Object::is(top.as_ref(), own) && top.location().href().is_err()
        }
        // No top to ask: not framed, or a top that refuses even that.
        Ok(None) => false,
        Err(_) => true,
    }
}

/// Where this page is framed by another origin: says so in place of the app (in both
/// languages), with a link that opens the page on its own, and answers `true`: the caller starts
/// nothing (no app, no storage read, no input taken).
pub fn refuse_if_framed(root_id: &str) -> bool {
    if !framed_by_another_origin() {
        return false;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return true;
    };
    let href = document
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    let _ = show_framed(&document, root_id, &href);
    true
}

/// The message of [`refuse_if_framed`] in the root `root_id`, with a link to `href`.
fn show_framed(document: &web_sys::Document, root_id: &str, href: &str) -> Option<()> {
    let root = document.get_element_by_id(root_id)?;
    let section = document.create_element("section").ok()?;
    section.set_id("framed");
    section.set_class_name("card framed");
    section.set_attribute("role", "alert").ok()?;
    let p = document.create_element("p").ok()?;
    p.set_text_content(Some(
        "本页面被嵌入在另一个网站的页面中。为防止误操作，在这里不能使用。\
         This page is shown inside another site's page; to keep your clicks from acting on it, it \
         cannot be used here.",
    ));
    let a = document.create_element("a").ok()?;
    a.set_attribute("href", href).ok()?;
    a.set_attribute("target", "_blank").ok()?;
    a.set_attribute("rel", "noopener noreferrer").ok()?;
    a.set_id("framed-open");
    a.set_text_content(Some("直接打开本页面 · Open this page on its own"));
    section.append_child(&p).ok()?;
    section.append_child(&a).ok()?;
    root.replace_children_with_node_1(&section);
    Some(())
}

/// A dialog's keydown handler: Esc closes it.
pub fn close_on_escape(on_close: &yew::Callback<()>) -> yew::Callback<web_sys::KeyboardEvent> {
    let on_close = on_close.clone();
    yew::Callback::from(move |e: web_sys::KeyboardEvent| {
        if e.key() == "Escape" {
            on_close.emit(());
        }
    })
}

/// A node that takes the focus when it is first shown (a dialog opening).
#[yew::hook]
pub fn use_focus_on_open() -> yew::NodeRef {
    let node = yew::use_node_ref();
    {
        let node = node.clone();
        yew::use_effect_with((), move |_| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    node
}

/// The local storage key of the language last chosen on either page, so that it carries from one
/// page to the other.
pub const LANG_KEY: &str = "dingji.lang";

/// The language last chosen on either page, if any.
pub fn carried_lang() -> Option<i18n::Lang> {
    let storage = gloo::utils::window().local_storage().ok().flatten()?;
    let code = storage.get_item(LANG_KEY).ok().flatten()?;
    [i18n::Lang::Zh, i18n::Lang::En]
        .into_iter()
        .find(|lang| lang.code() == code)
}

/// The page in its language: the English catalogue brought in when English is chosen (the page
/// renders again once it is in); the document's `lang` (zh-CN or en) and its title in it
/// ("定级 · …" / "Dingji · …"), so that a screen reader and the browser's tab read it right; the
/// choice kept for the other page ([`LANG_KEY`]).
#[yew::hook]
pub fn use_document_lang(lang: i18n::Lang, title: &'static str) {
    let update = yew::use_force_update();
    yew::use_effect_with((lang, title), move |(lang, title)| {
        let document = gloo::utils::document();
        let zh = *lang == i18n::Lang::Zh;
        #[cfg(target_arch = "wasm32")]
        if !zh && !i18n::has_english() {
            i18n::load_english(move || update.force_update());
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = update;
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document.set_title(&format!("{} · {title}", if zh { "定级" } else { "Dingji" }));
        if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
            let _ = storage.set_item(LANG_KEY, lang.code());
        }
    });
}

/// The URL fragment without `#`, removed from the address bar (so that a reload shows the saved
/// state, which then includes the link's inputs).
#[cfg(target_arch = "wasm32")]
pub fn take_fragment() -> Option<String> {
    let window = gloo::utils::window();
    let location = window.location();
    let hash = location.hash().ok()?;
    let fragment = hash.strip_prefix('#').unwrap_or(&hash).to_owned();
    if fragment.is_empty() {
        return None;
    }
    let clean = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    Some(fragment)
}

/// Copies `text`: the clipboard API where the page is a secure context, elsewhere (an intranet
/// served over plain HTTP) the older `copy` command on `input`'s text, selected.
pub fn copy(input: Option<&web_sys::HtmlInputElement>, text: &str) -> bool {
    use wasm_bindgen::JsCast;
    if let Some(input) = input {
        input.select();
    }
    let navigator = gloo::utils::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or_default();
    if !clipboard.is_undefined() {
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).unwrap_or_default();
        if let Ok(write) = write.dyn_into::<js_sys::Function>() {
            return write.call1(&clipboard, &text.into()).is_ok();
        }
    }
    let document = gloo::utils::document();
    let exec = js_sys::Reflect::get(&document, &"execCommand".into()).unwrap_or_default();
    exec.dyn_into::<js_sys::Function>()
        .ok()
        .and_then(|f| f.call1(&document, &"copy".into()).ok())
        .is_some_and(|r| r.is_truthy())
}

/// The weights of `sources` but the one at `fixed`, as `balanced` has them, written in `lang`
/// ("党委评定 42.86%、自评 17.14%", joined by `sep`): what the calculator and the workshop offer
/// when a typed weight breaks the total.
pub fn others_balanced(
    sources: &[dingji_rules::scheme::Source],
    balanced: &[dingji_rules::Decimal],
    fixed: usize,
    lang: i18n::Lang,
    sep: &str,
) -> String {
    sources
        .iter()
        .zip(balanced)
        .enumerate()
        .filter(|(j, _)| *j != fixed)
        .map(|(_, (source, w))| format!("{} {}%", source.name.get(lang), w.normalize()))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Offers `bytes` to the user as a file named `name` (the pages and the tools alike).
pub fn download(name: &str, bytes: &js_sys::Uint8Array, mime: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(a) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The download reads the blob after this returns: let it go a minute later.
    crate::wire::later(
        60_000,
        Box::new(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        }),
    );
}

/// The buttons offered for the only copy of unreadable saved text (storage too full to keep it
/// aside), in place of 知道了: `labels.0` offers it as the file `file` and then releases it,
/// `labels.1` releases it (after which the page saves over it).
pub fn only_copy_buttons(
    text: std::rc::Rc<str>,
    file: &'static str,
    labels: (&'static str, &'static str),
    release: yew::Callback<()>,
) -> yew::Html {
    use yew::html;
    let download = {
        let release = release.clone();
        yew::Callback::from(move |_: yew::MouseEvent| {
            let bytes = js_sys::Uint8Array::from(text.as_bytes());
            download(file, &bytes, "text/plain;charset=utf-8");
            release.emit(());
        })
    };
    html! {
        <>
            <button type="button" id="unreadable-download" onclick={download}>{ labels.0 }</button>
            <button type="button" id="unreadable-discard" onclick={release.reform(|_: yew::MouseEvent| ())}>{ labels.1 }</button>
        </>
    }
}

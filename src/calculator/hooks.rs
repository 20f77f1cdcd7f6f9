//! The calculator's hooks: saving the inputs, opening a share link pasted into the address bar,
//! and asking the worker for the working.

use std::rc::Rc;

use dingji_rules::Scheme;
use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
use super::persist::STORAGE_KEY;
use super::state::{Action, AppState, Notice};
#[cfg(target_arch = "wasm32")]
use crate::shared::take_fragment;
use crate::wire::Error;
use crate::wire::explained::Explained;
#[cfg(target_arch = "wasm32")]
use crate::wire::page::Saved;
use crate::wire::request::Request;
use crate::wire::schemes::OwnScheme;

/// Saves the inputs on every change (not while 清空 or an opened link can be undone); a failure
/// is shown, never a crash. Presentation mode (kept with the inputs) loads its style sheet here.
#[hook]
pub fn use_saved(state: &AppState, saved: &str, dispatch: &Callback<Action>) {
    let json = saved.to_owned();
    let dispatch = dispatch.clone();
    let failed = state.notice == Some(Notice::SaveFailed);
    // While 清空 or an opened link can be undone, or unreadable saved inputs could not be kept
    // aside (until they are downloaded or discarded), what is stored stays as it was.
    let waiting = state.before.can_undo() || state.unreadable.is_some();
    let presentation = state.presentation;
    use_effect_with((json, waiting), move |(json, waiting)| {
        // Presentation mode's own style sheet, fetched when the mode is first on.
        #[cfg(target_arch = "wasm32")]
        if presentation {
            crate::wire::client::load_style("./presentation.css", "presentation-style");
        }
        #[cfg(target_arch = "wasm32")]
        if !waiting {
            let saved = gloo::utils::window()
                .local_storage()
                .ok()
                .flatten()
                .is_some_and(|s| s.set_item(STORAGE_KEY, json).is_ok());
            if !saved && !failed {
                dispatch.emit(Action::Notify(Notice::SaveFailed));
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (json, waiting, dispatch, failed, presentation);
    });
}

/// The page's language as the document has it (set from the state at each change), for what is
/// said after an answer that comes later.
#[cfg(target_arch = "wasm32")]
fn page_lang() -> crate::shared::i18n::Lang {
    let en = gloo::utils::document()
        .document_element()
        .is_some_and(|e| e.get_attribute("lang").is_some_and(|l| l.starts_with("en")));
    if en {
        crate::shared::i18n::Lang::En
    } else {
        crate::shared::i18n::Lang::Zh
    }
}

/// What the page does with a scheme read by the tools (from a file, or a link: `linked`, which
/// can be taken back): grades under it, or names why not and changes nothing.
pub fn on_scheme_read(
    dispatch: &Callback<Action>,
    lang: crate::shared::i18n::Lang,
    linked: bool,
) -> Callback<Result<OwnScheme, crate::wire::Error>> {
    let dispatch = dispatch.clone();
    Callback::from(move |read: Result<OwnScheme, crate::wire::Error>| {
        dispatch.emit(match read {
            Ok(own) => Action::UseScheme {
                to: own.scheme,
                own: Some(own.data),
                linked,
            },
            Err(why) => Action::Notify(Notice::SchemeRefused(why.message(lang))),
        })
    })
}

/// Reads the scheme a link carries (`data`, after `scheme=`) with the tools, and grades under it.
pub fn open_scheme_link(
    data: String,
    lang: crate::shared::i18n::Lang,
    dispatch: &Callback<Action>,
) {
    super::tools::read_scheme_link(data, lang, on_scheme_read(dispatch, lang, true));
}

/// Opens a share link pasted into the address bar of the open page, the inputs the scheme
/// workshop gave back (the same fragment after [`crate::wire::page::APPLIED`]), or a scheme link
/// (`#scheme=…`); `linked` is the scheme link the page was opened with, read once it has started.
#[hook]
pub fn use_opened_links(
    dispatch: &Callback<Action>,
    schemes: &Rc<Vec<Rc<Scheme>>>,
    linked: Option<String>,
    lang: crate::shared::i18n::Lang,
) {
    let dispatch = dispatch.clone();
    let schemes = schemes.clone();
    use_effect_with((), move |_| {
        if let Some(data) = linked {
            open_scheme_link(data, lang, &dispatch);
        }
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                let Some(fragment) = take_fragment() else {
                    return;
                };
                if let Some(data) = fragment.strip_prefix(crate::wire::schemes::SCHEME_LINK) {
                    return open_scheme_link(data.to_owned(), page_lang(), &dispatch);
                }
                let applied = fragment.strip_prefix(crate::wire::page::APPLIED);
                match Saved::from_fragment(applied.unwrap_or(&fragment), &schemes) {
                    Ok(saved) => {
                        dispatch.emit(Action::Open(saved));
                        if applied.is_some() {
                            dispatch.emit(Action::Notify(Notice::Applied));
                        }
                    }
                    Err(why) => dispatch.emit(Action::Notify(Notice::BadLink(why))),
                }
            });
            let window = gloo::utils::window();
            let _ = window
                .add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            listener.forget();
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (dispatch, schemes);
    });
}

/// 我的方案, as the workshop keeps them in local storage: read at each render (the workshop may
/// have kept one since), parsed only when the text changed. A line that does not read is left
/// out here (the workshop names it, and keeps it).
#[hook]
pub fn use_my_schemes() -> Rc<Vec<OwnScheme>> {
    #[cfg(target_arch = "wasm32")]
    let text = gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| {
            s.get_item(crate::wire::schemes::MY_SCHEMES_KEY)
                .ok()
                .flatten()
        })
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    let text = String::new();
    use_memo(text, |text| {
        crate::wire::schemes::my_schemes(text)
            .0
            .into_iter()
            .map(|(line, scheme)| OwnScheme {
                scheme: Rc::new(scheme),
                data: line.into(),
            })
            .collect()
    })
}

/// The working and the goals, asked of the worker whenever the inputs (`saved`, the page's saved
/// form: the worker reads the inputs and leaves the viewer's preferences) change while they are
/// shown (`has_result`: there is a result to explain). An answer to an older question is dropped.
#[hook]
pub fn use_explained(
    state: &AppState,
    saved: &str,
    has_result: bool,
) -> UseStateHandle<Option<Rc<Result<Explained, Error>>>> {
    let explained = use_state(|| None::<Rc<Result<Explained, Error>>>);
    let asked = use_mut_ref(|| 0u32);

    let key = (state.show_why, has_result, saved.to_owned(), state.lang);
    let shown = explained.clone();
    use_effect_with(key, move |(open, ok, text, lang)| {
        if *open && *ok {
            let shown = shown.clone();
            let asked = asked.clone();
            *asked.borrow_mut() += 1;
            let me = *asked.borrow();
            let request = Request::ExplainPage {
                saved: text.clone(),
                lang: *lang,
            };
            let reply = request.send();
            wasm_bindgen_futures::spawn_local(async move {
                let answer = reply.await;
                if *asked.borrow() == me {
                    shown.set(Some(Rc::new(answer)));
                }
            });
        }
    });
    explained
}

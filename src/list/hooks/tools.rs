//! The list page's tools (`src/bin/tools.rs`) as the page's callbacks: each hands the bundle the
//! list as saved-list text and reads its answer.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::list::derive::{GradeCache, Graded};
use crate::list::loading;
use crate::list::persist;
use crate::list::state::{Action, ListState, Notice};
use crate::wire::Error;
use crate::wire::list::PublicityText;

/// What the tools bundle does for the list (`src/bin/tools.rs`), as the page's callbacks: a
/// paste read there, the import dialog, the scheme workshop (and a link that opens it), the
/// exports and the 公示 preview. Each hands the bundle the list as saved-list text and reads
/// its answer in the same text.
pub struct Tools {
    pub on_paste: Callback<Event>,
    pub on_import: Callback<()>,
    pub on_workshop: Callback<()>,
    pub on_export: Callback<crate::wire::tools::Export>,
    pub on_preview: Callback<()>,
    pub on_tally: Callback<()>,
    /// A tool is open over the list (it takes its own Esc).
    pub busy: bool,
    /// The 公示 is shown (it is built only when asked for: 10,000 names are not rebuilt at every
    /// edit).
    pub previewing: bool,
}

/// The list's [`Tools`]; `edit` is how an edit reaches the list (through its consequences), as
/// a paste does.
#[hook]
pub fn use_tools(
    state: &UseReducerHandle<ListState>,
    graded: &Rc<Graded>,
    edit: &Callback<Action>,
    schemes: &Rc<Vec<Rc<dingji_rules::Scheme>>>,
    cache: &Rc<std::cell::RefCell<GradeCache>>,
) -> Tools {
    let dispatch = state.dispatcher().to_callback();
    let importing = use_state(|| false);
    let previewing = use_state(|| false);
    // A block pasted from Excel or WPS fills from the cursor's cell. It is read in the tools
    // bundle (fetched on the first paste): the page hands it the list as saved-list text and
    // takes back the rows the paste changed or added.
    let on_paste = {
        let dispatch = edit.clone();
        let graded = graded.clone();
        let state = state.clone();
        let schemes = schemes.clone();
        let (position, col) = state.cursor;
        Callback::from(move |e: Event| {
            let Ok(e) = e.dyn_into::<web_sys::ClipboardEvent>() else {
                return;
            };
            let text = e
                .clipboard_data()
                .and_then(|d| d.get_data("text/plain").ok())
                .unwrap_or_default();
            if !text.contains('\t') && !text.trim_end().contains('\n') {
                return;
            }
            e.prevent_default();
            // Into the rows shown from the cursor down, sorted or filtered as they are: those the
            // block can reach (no more than its lines) go to the tools bundle, in that order, with
            // their places in the list (a refusal names the row by its place).
            let lines = text.split('\n').count();
            let shown = graded.order.get(position..).unwrap_or_default();
            let places: Vec<usize> = shown.iter().take(lines).copied().collect();
            let before: Vec<Rc<crate::list::state::Row>> = places
                .iter()
                .filter_map(|&i| state.rows.get(i).cloned())
                .collect();
            let part = persist::part_text(&state, &before);
            let (dispatch, schemes, sent) = (dispatch.clone(), schemes.clone(), places.clone());
            let answer = Callback::from(move |answer: crate::list::tools::PasteAnswer| {
                // The entries only: the rows are read once, as the reducer places them.
                let read = answer.and_then(|(text, said)| {
                    crate::wire::list::from_text(&text, &schemes)
                        .map(|list| (list, said))
                        .map_err(Error::from)
                });
                dispatch.emit(match read {
                    Ok((list, said)) => Action::pasted(&before, &places, list.drafts, said),
                    Err(why) => Action::Notify(Notice::Refused(why)),
                });
            });
            crate::list::tools::paste(part, sent, state.rows.len(), col, text, answer);
        })
    };

    // 导入 loads the import dialog's own bundle and opens it over the list; its answer is the
    // imported rows' drafts as saved-list text, decoded here (not graded: the rows are graded
    // once, as the list takes them in).
    let on_import = {
        let dispatch = dispatch.clone();
        let importing = importing.clone();
        let state = state.clone();
        let schemes = schemes.clone();
        let cache = cache.clone();
        Callback::from(move |()| {
            if *importing {
                return;
            }
            importing.set(true);
            let (dispatch, importing, schemes, cache, st) = (
                dispatch.clone(),
                importing.clone(),
                schemes.clone(),
                cache.clone(),
                state.clone(),
            );
            let answer = Callback::from(move |answer: crate::list::tools::Answer| {
                let (text, append) = match answer {
                    Ok(Some(answer)) => answer,
                    Ok(None) => return importing.set(false),
                    Err(why) => {
                        importing.set(false);
                        return dispatch.emit(Action::Notify(Notice::Refused(why)));
                    }
                };
                // A long list is taken in a part at a time, the page saying how far it is.
                let (dispatch, importing, schemes, cache, st) = (
                    dispatch.clone(),
                    importing.clone(),
                    schemes.clone(),
                    cache.clone(),
                    st.clone(),
                );
                wasm_bindgen_futures::spawn_local(async move {
                    let report = |p| loading::show(Some(p), st.lang);
                    let steps = loading::Steps::for_text(text.len(), &report);
                    let taken = loading::import(&text, append, &st, &schemes, &cache, &steps);
                    let action = match taken.await {
                        Ok(action) => action,
                        Err(why) => Action::Notify(Notice::Refused(why.into())),
                    };
                    dispatch.emit(action);
                    loading::show(None, st.lang);
                    importing.set(false);
                });
            });
            crate::list::tools::open(
                crate::list::tools::Tool::Import,
                persist::to_text(&state),
                answer,
            );
        })
    };
    // 方案工坊 opens the workshop (the same bundle) over the list; the list changes only when a
    // trial is applied to it. A link to a scheme (list.html#scheme=…) opens it there too.
    let open_workshop = {
        let importing = importing.clone();
        let state = state.clone();
        let dispatch = dispatch.clone();
        let schemes = schemes.clone();
        Callback::from(move |linked: Option<String>| {
            if *importing {
                return;
            }
            importing.set(true);
            let (importing, dispatch, schemes) =
                (importing.clone(), dispatch.clone(), schemes.clone());
            // Applied: the list under the scheme tried, as saved-list text; its scheme is taken.
            let answer = Callback::from(move |answer: crate::list::tools::Answer| {
                importing.set(false);
                match answer.and_then(|a| {
                    a.map(|(text, _)| persist::from_text(&text, &schemes).map_err(Error::from))
                        .transpose()
                }) {
                    Ok(Some(list)) => dispatch.emit(Action::Apply {
                        categories: list.rows.iter().map(|r| r.draft.category.clone()).collect(),
                        scheme: list.scheme,
                        data: list.scheme_data,
                    }),
                    Ok(None) => {}
                    Err(why) => dispatch.emit(Action::Notify(Notice::Refused(why))),
                }
            });
            crate::list::tools::open(
                crate::list::tools::Tool::Workshop(linked),
                persist::to_text(&state),
                answer,
            );
        })
    };

    let on_workshop = open_workshop.reform(|()| None);
    // At load, and when a link is pasted into the address bar of the open page; the address then
    // no longer carries the scheme (a reload shows the saved list).
    {
        let open_workshop = open_workshop.clone();
        use_effect_with((), move |_| {
            let opened = move || {
                let location = gloo::utils::window().location();
                let hash = location.hash().unwrap_or_default();
                if let Some(data) = hash
                    .strip_prefix('#')
                    .and_then(|h| h.strip_prefix(crate::wire::schemes::SCHEME_LINK))
                {
                    open_workshop.emit(Some(data.to_owned()));
                    let _ = location.set_hash("");
                }
            };
            opened();
            let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(opened);
            gloo::utils::window()
                .set_onhashchange(Some(wasm_bindgen::JsCast::unchecked_ref(listener.as_ref())));
            listener.forget();
        });
    }

    // 导出 loads the tools bundle, which grades the list from its saved text as this page does
    // and writes the file.
    let on_export = {
        let (state, dispatch) = (state.clone(), dispatch.clone());
        Callback::from(move |kind| {
            let dispatch = dispatch.clone();
            let answer = Callback::from(move |done: Result<(), Error>| {
                if let Err(why) = done {
                    dispatch.emit(Action::Notify(Notice::Refused(why)));
                }
            });
            crate::list::tools::export(kind, persist::to_text(&state), answer);
        })
    };
    // 打印公示 previews the 公示 over the list (the tools bundle); printed from there.
    let on_preview = {
        let (importing, previewing, state) = (importing.clone(), previewing.clone(), state.clone());
        let (dispatch, graded) = (dispatch.clone(), graded.clone());
        Callback::from(move |()| {
            if *importing {
                return;
            }
            importing.set(true);
            previewing.set(true);
            let (importing, previewing) = (importing.clone(), previewing.clone());
            // Closed with what was written on it: kept with the list (an older text that does
            // not read changes nothing).
            let dispatch = dispatch.clone();
            let answer = Callback::from(move |answer: crate::list::tools::Answer| {
                importing.set(false);
                previewing.set(false);
                let written = answer.ok().flatten();
                if let Some(text) = written.and_then(|(t, _)| PublicityText::from_field(&t)) {
                    dispatch.emit(Action::SetPublicity(text));
                }
            });
            // The forms may be printed for the rows the list shows, where it filters them.
            let shown = (graded.order.len() < state.rows.len()).then(|| {
                graded
                    .order
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            });
            crate::list::tools::open(
                crate::list::tools::Tool::Publicity(shown),
                persist::to_text(&state),
                answer,
            );
        })
    };
    // 计票 counts one organization's ballots; the counts come back as the list with its row
    // changed, taken in as one step (undone like a paste).
    let on_tally = {
        let (importing, state) = (importing.clone(), state.clone());
        Callback::from(move |()| {
            if *importing {
                return;
            }
            importing.set(true);
            let (importing, st, dispatch) = (importing.clone(), state.clone(), dispatch.clone());
            let answer = Callback::from(move |answer: crate::list::tools::Answer| {
                importing.set(false);
                let Some((text, _)) = answer.ok().flatten() else {
                    return;
                };
                let schemes = [st.scheme.clone()];
                if let Ok(list) = crate::wire::list::from_text(&text, &schemes) {
                    let places: Vec<usize> = (0..st.rows.len()).collect();
                    let said = crate::shared::i18n::list_strings(st.lang)
                        .tally_sent()
                        .to_owned();
                    dispatch.emit(Action::pasted(&st.rows, &places, list.drafts, said));
                }
            });
            crate::list::tools::open(
                crate::list::tools::Tool::Tally,
                persist::to_text(&state),
                answer,
            );
        })
    };
    Tools {
        on_tally,
        on_paste,
        on_import,
        on_workshop,
        on_export,
        on_preview,
        busy: *importing,
        previewing: *previewing,
    }
}

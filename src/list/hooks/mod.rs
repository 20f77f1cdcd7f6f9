//! The list page's hooks: the list graded (reusing what did not change), saved a moment after
//! each change, the open row's explanation from the worker, the rows in view, an edit's
//! consequences (`consequences.rs`) and the tools.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::derive::{GradeCache, Graded, grade_cached};
use super::persist::{self, SAVE_DELAY_MS, save_pending};
use super::state::{Action, ListState, Notice};
use super::views::grid::{ROW_HEIGHT, cell_id};
use crate::wire::Error;
use crate::wire::explained::Explained;
use crate::wire::list::PublicityText;
use crate::wire::request::Request;

mod consequences;
pub use consequences::{Consequences, use_consequences};

/// The list graded: every row the rules read, the list rules applied. Rows graded alone at the
/// last grading are kept: an edit grades one organization again, not all.
#[hook]
pub fn use_graded(
    state: &UseReducerHandle<ListState>,
    cache: &Rc<std::cell::RefCell<GradeCache>>,
) -> Rc<Graded> {
    let st = state.clone();
    let cache = cache.clone();
    use_memo(
        (
            state.rows.clone(),
            state.scheme.clone(),
            state.view.clone(),
            state.lang,
        ),
        move |_| grade_cached(&st, &cache),
    )
}

/// Keeps the list's preset the one in `schemes`, which are read again with their English when
/// the English catalogue comes in.
#[hook]
pub fn use_preset_texts(
    state: &ListState,
    dispatch: &Callback<Action>,
    schemes: &Rc<Vec<Rc<dingji_rules::Scheme>>>,
) {
    let dispatch = dispatch.clone();
    use_effect_with(
        (schemes.clone(), state.scheme.clone()),
        move |(schemes, scheme)| {
            if let Some(fresh) = schemes.iter().find(|s| s.id == scheme.id)
                && !Rc::ptr_eq(fresh, scheme)
            {
                dispatch.emit(Action::Relabel(fresh.clone()));
            }
        },
    );
}

/// Saves the list a moment after it changes (typing through a list of 10,000 does not write it
/// at every cell), and at once when the page goes away; a failure is shown, never a crash.
#[hook]
pub fn use_saving(
    state: &UseReducerHandle<ListState>,
    dispatch: &Callback<Action>,
    schemes: &Rc<Vec<Rc<dingji_rules::Scheme>>>,
    editing: &super::views::grid::Editing,
) {
    let pending = use_mut_ref(|| None::<(UseReducerHandle<ListState>, i32)>);
    // The list as shown last: a cell still being typed in is committed over it when the page
    // goes away.
    let latest = use_mut_ref(|| None::<UseReducerHandle<ListState>>);
    *latest.borrow_mut() = Some(state.clone());
    let loaded = use_mut_ref(|| true);
    {
        // Another window of this page saved the list: this one shows it instead of saving its
        // own over it a moment later (its own stays a step of the history).
        let pending = pending.clone();
        let loaded = loaded.clone();
        let dispatch = dispatch.clone();
        let schemes = schemes.clone();
        use_effect_with((), move |_| {
            let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(
                move |e: web_sys::StorageEvent| {
                    if e.key().as_deref() != Some(persist::STORAGE_KEY) {
                        return;
                    }
                    let Some(Ok(other)) = e.new_value().map(|t| persist::from_text(&t, &schemes))
                    else {
                        return;
                    };
                    if let Some((_, timer)) = pending.borrow_mut().take() {
                        gloo::utils::window().clear_timeout_with_handle(timer);
                    }
                    // What is shown next is what is stored: not saved again.
                    *loaded.borrow_mut() = true;
                    dispatch.emit(Action::Reload(Box::new(other)));
                },
            );
            let window = gloo::utils::window();
            let _ = window
                .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
            move || {
                let _ = window.remove_event_listener_with_callback(
                    "storage",
                    listener.as_ref().unchecked_ref(),
                );
            }
        });
    }
    {
        let pending = pending.clone();
        let loaded = loaded.clone();
        let dispatch = dispatch.clone();
        let st = state.clone();
        let key = (
            state.rows.clone(),
            state.modes.clone(),
            state.lang,
            state.rectify_from.clone(),
            state.rectify_months,
            state.scheme.id.clone(),
            state.publicity.clone(),
        );
        use_effect_with(key, move |_| {
            // What was just loaded is what is stored.
            if std::mem::replace(&mut *loaded.borrow_mut(), false) {
                return;
            }
            let window = gloo::utils::window();
            if let Some((_, timer)) = pending.borrow_mut().take() {
                window.clear_timeout_with_handle(timer);
            }
            let later = {
                let pending = pending.clone();
                wasm_bindgen::closure::Closure::once_into_js(move || {
                    save_pending(&pending, &dispatch)
                })
            };
            let timer = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    later.unchecked_ref(),
                    SAVE_DELAY_MS,
                )
                .unwrap_or(0);
            *pending.borrow_mut() = Some((st, timer));
        });
    }
    {
        let pending = pending.clone();
        let dispatch = dispatch.clone();
        let editing = editing.clone();
        use_effect_with((), move |_| {
            // The page goes away (the tab closed, another page opened): what is pending is saved
            // at once, with the cell being typed in (not yet left, so not yet committed) in it.
            let flush = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                let typed = editing.borrow_mut().take();
                let shown = latest.borrow().clone();
                if let (Some((id, c, text)), Some(state)) = (typed, shown)
                    && let Some(row) = state.rows.iter().position(|r| r.id == id)
                    && let Some(col) = state.columns().get(c).cloned()
                {
                    use yew::Reducible;
                    let next = Rc::new((*state).clone()).reduce(Action::SetCell { row, col, text });
                    if let Some((_, timer)) = pending.borrow_mut().take() {
                        gloo::utils::window().clear_timeout_with_handle(timer);
                    }
                    persist::save(&next, &dispatch);
                    return;
                }
                save_pending(&pending, &dispatch)
            });
            let window = gloo::utils::window();
            let _ =
                window.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
            move || {
                let _ = window.remove_event_listener_with_callback(
                    "pagehide",
                    flush.as_ref().unchecked_ref(),
                );
            }
        });
    }
}

/// A row's explanation (by row id), or why there is none.
pub type RowExplained = (u64, Rc<Result<Explained, Error>>);

/// The open row's explanation, from the worker (the whole list goes, as saved: the quota rules
/// depend on every row); asked again when the list or the language changes.
#[hook]
pub fn use_explained_row(
    state: &UseReducerHandle<ListState>,
) -> UseStateHandle<Option<RowExplained>> {
    let explained = use_state(|| None::<(u64, Rc<Result<Explained, Error>>)>);
    {
        let explained = explained.clone();
        let st = state.clone();
        use_effect_with(
            (state.open, state.rows.clone(), state.lang),
            move |(open, rows, lang)| {
                let Some(id) = *open else { return };
                let Some(row) = rows.iter().position(|r| r.id == id) else {
                    return;
                };
                let request = Request::ExplainRow {
                    saved: persist::to_text(&st),
                    row,
                    lang: *lang,
                };
                let reply = request.send();
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = reply.await;
                    explained.set(Some((id, Rc::new(answer))));
                });
            },
        );
    }
    explained
}

/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: usize = 10;

/// The rows of the grid in the DOM (`first..last` of the view's order), the scrolling box, and
/// the spacers that stand for the rows not in the DOM.
pub struct VirtualWindow {
    pub first: usize,
    pub last: usize,
    pub scroller: NodeRef,
    pub top: NodeRef,
    pub bottom: NodeRef,
    pub on_scroll: Callback<Event>,
}

/// The virtual window over `total` rows, keeping the `cursor`'s cell focused and in view (and
/// giving it the focus when `added` changes: a row was just added).
#[hook]
pub fn use_virtual_window(total: usize, cursor: (usize, usize), added: u32) -> VirtualWindow {
    let window = use_state(|| (0usize, 720usize));
    let scroller = use_node_ref();
    let top = use_node_ref();
    let bottom = use_node_ref();
    let (scroll_top, height) = *window;
    let first = (scroll_top / ROW_HEIGHT)
        .saturating_sub(OVERSCAN)
        .min(total);
    let last = (first + height / ROW_HEIGHT + 2 * OVERSCAN).min(total);
    // The spacers stand for the rows not in the DOM; sized through the CSSOM.
    {
        let (top, bottom) = (top.clone(), bottom.clone());
        use_effect_with((first, last, total), move |&(first, last, total)| {
            for (node, rows) in [(top, first), (bottom, total.saturating_sub(last))] {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let _ = el
                        .style()
                        .set_property("height", &format!("{}px", rows * ROW_HEIGHT));
                }
            }
        });
    }
    // Keep the cursor's cell focused, scrolling it into view first.
    {
        let scroller = scroller.clone();
        let window = window.clone();
        let focused = use_mut_ref(|| added);
        use_effect_with(
            (cursor, first, last, added),
            move |&((row, col), first, last, added)| {
                let document = gloo::utils::document();
                let active = document
                    .active_element()
                    .map(|e| e.id())
                    .unwrap_or_default();
                if active == cell_id(row, col) {
                    *focused.borrow_mut() = added;
                    return;
                }
                let new_row = *focused.borrow() != added;
                if !new_row && !active.starts_with('c') {
                    return;
                }
                if (first..last).contains(&row) && row >= first + OVERSCAN.min(first) {
                    if let Some(input) = document
                        .get_element_by_id(&cell_id(row, col))
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = input.focus();
                        *focused.borrow_mut() = added;
                    }
                } else if let Some(el) = scroller.cast::<web_sys::Element>() {
                    let target =
                        (row * ROW_HEIGHT).saturating_sub(el.client_height().max(0) as usize / 2);
                    el.set_scroll_top(i32::try_from(target).unwrap_or(0));
                    window.set((target, el.client_height().max(0) as usize));
                }
            },
        );
    }
    let on_scroll = {
        let window = window.clone();
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<web_sys::Element>();
            let now = (
                el.scroll_top().max(0) as usize,
                el.client_height().max(0) as usize,
            );
            if now.0 / ROW_HEIGHT != window.0 / ROW_HEIGHT || now.1 != window.1 {
                window.set(now);
            }
        })
    };
    VirtualWindow {
        first,
        last,
        scroller,
        top,
        bottom,
        on_scroll,
    }
}

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
            let before: Vec<Rc<super::state::Row>> = places
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
        Callback::from(move |()| {
            if *importing {
                return;
            }
            importing.set(true);
            let (dispatch, importing, schemes) =
                (dispatch.clone(), importing.clone(), schemes.clone());
            let answer = Callback::from(move |answer: crate::list::tools::Answer| {
                importing.set(false);
                match answer.and_then(|a| {
                    a.map(|(text, append)| {
                        crate::wire::list::from_text(&text, &schemes)
                            .map(|l| (l, append))
                            .map_err(Error::from)
                    })
                    .transpose()
                }) {
                    Ok(Some((list, append))) => dispatch.emit(Action::Import {
                        drafts: list.drafts,
                        append,
                        modes: list.settings.modes,
                    }),
                    Ok(None) => {}
                    Err(why) => dispatch.emit(Action::Notify(Notice::Refused(why))),
                }
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
            crate::list::tools::open(
                crate::list::tools::Tool::Publicity,
                persist::to_text(&state),
                answer,
            );
        })
    };
    Tools {
        on_paste,
        on_import,
        on_workshop,
        on_export,
        on_preview,
        busy: *importing,
        previewing: *previewing,
    }
}

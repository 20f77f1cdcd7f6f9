//! The list page's hooks: the list graded (reusing what did not change), saved a moment after
//! each change, the open row's explanation from the worker, the rows in view, an edit's
//! consequences (`consequences.rs`) and the tools.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::derive::{GradeCache, Graded, grade_cached};
use super::persist::{self, SAVE_DELAY_MS, save_pending};
use super::state::{Action, ListState};
use super::views::grid::{InView, OVERSCAN, cell_id, in_view, scroll_to};
use crate::shared::Same;
use crate::wire::Error;
use crate::wire::explained::Explained;
use crate::wire::request::Request;

mod consequences;
mod tools;
pub use consequences::{Consequences, use_consequences};
pub use tools::{Tools, use_tools};

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
            Same(state.rows.clone()),
            Same(state.scheme.clone()),
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
        (Same(schemes.clone()), Same(state.scheme.clone())),
        move |(Same(schemes), Same(scheme))| {
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
            let channel = persist::CHANNEL.with(Clone::clone);
            let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
                move |e: web_sys::MessageEvent| {
                    let Some(Ok(other)) = e
                        .data()
                        .as_string()
                        .map(|t| persist::from_text(&t, &schemes))
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
            if let Some(channel) = &channel {
                channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            }
            move || {
                if let Some(channel) = channel {
                    channel.set_onmessage(None);
                }
                drop(listener);
            }
        });
    }
    {
        let pending = pending.clone();
        let loaded = loaded.clone();
        let dispatch = dispatch.clone();
        let st = state.clone();
        let key = (
            Same(state.rows.clone()),
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
            let timer = {
                let pending = pending.clone();
                crate::wire::later(
                    SAVE_DELAY_MS,
                    Box::new(move || save_pending(&pending, &dispatch, false)),
                )
            };
            *pending.borrow_mut() = Some((st, timer));
        });
    }
    {
        let pending = pending.clone();
        let dispatch = dispatch.clone();
        let editing = editing.clone();
        use_effect_with((), move |_| {
            // The page goes away (the tab closed, another page opened): what is pending is saved
            // at once, with the cell being typed in (not yet left, so not yet committed) in it,
            // and so is the list shown while a long one is still being written.
            let flush = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                let typed = editing.borrow_mut().take();
                let shown = latest.borrow().clone();
                if typed.is_none()
                    && pending.borrow().is_none()
                    && persist::unfinished()
                    && let Some(state) = &shown
                {
                    persist::save(state, &dispatch, true);
                    return;
                }
                if let (Some((id, c, text)), Some(state)) = (typed, shown)
                    && let Some(row) = state.rows.iter().position(|r| r.id == id)
                    && let Some(col) = state.columns().get(c).cloned()
                {
                    use yew::Reducible;
                    let next = Rc::new((*state).clone()).reduce(Action::SetCell { row, col, text });
                    if let Some((_, timer)) = pending.borrow_mut().take() {
                        gloo::utils::window().clear_timeout_with_handle(timer);
                    }
                    persist::save(&next, &dispatch, true);
                    return;
                }
                save_pending(&pending, &dispatch, true)
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
            (state.open, Same(state.rows.clone()), state.lang),
            move |(open, Same(rows), lang)| {
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
    let shown = in_view(scroll_top, height, total);
    let InView {
        first,
        last,
        above,
        below,
    } = shown;
    // The spacers stand for the rows not in the DOM; sized through the CSSOM.
    {
        let (top, bottom) = (top.clone(), bottom.clone());
        use_effect_with((above, below), move |&(above, below)| {
            for (node, px) in [(top, above), (bottom, below)] {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let _ = el.style().set_property("height", &format!("{px}px"));
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
                    let target = scroll_to(row, el.client_height().max(0) as usize, total);
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
            if in_view(now.0, now.1, total) != shown {
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

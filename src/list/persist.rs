//! The list kept between visits: the browser's database ([`crate::wire::store`], under
//! `dingji.list.v1`, the line format of [`crate::wire::list`]), read when the page opens, saved
//! a moment after each change and at once when the page goes away. An unreadable saved list is
//! kept aside under a key of its own, never overwritten.

use std::rc::Rc;

use dingji_rules::Scheme;
use yew::prelude::*;

use super::derive::GradeCache;
use super::loading::{self, Progress};
use super::state::{Action, ListState, Notice, Row};
use crate::wire::Unreadable;
use crate::wire::list::{self as saved, ListSettings};
use crate::wire::store;

/// The list as text.
pub fn to_text(state: &ListState) -> String {
    part_text(state, &state.rows)
}

/// The list's settings with only `rows` (a part of it, in any order), as text.
pub fn part_text(state: &ListState, rows: &[Rc<Row>]) -> String {
    saved::to_text(&settings(state), rows.iter().map(|r| &r.draft))
}

/// The list's settings, as saved.
fn settings(state: &ListState) -> ListSettings {
    ListSettings {
        scheme: state.scheme.clone(),
        scheme_data: state.scheme_data.clone(),
        lang: state.lang,
        modes: state.modes.clone(),
        rectify_from: state.rectify_from.clone(),
        rectify_months: state.rectify_months,
        publicity: state.publicity.clone(),
    }
}

/// Reads a saved list, naming the line that could not be read.
pub fn from_text(text: &str, schemes: &[Rc<Scheme>]) -> Result<ListState, Unreadable> {
    let list = saved::from_text(text, schemes)?;
    let scheme = list.settings.scheme.clone();
    let read = list.drafts.into_iter().zip(1..);
    let rows = read.map(|(draft, id)| Rc::new(Row::new(id, draft, &scheme)));
    Ok(state_with(list.settings, rows.collect()))
}

/// A list with the saved `settings` and the `rows` read from it (numbered from 1).
fn state_with(settings: ListSettings, rows: Vec<Rc<Row>>) -> ListState {
    let mut state = ListState::new(settings.scheme);
    state.scheme_data = settings.scheme_data;
    state.lang = settings.lang;
    state.modes = settings.modes;
    state.rectify_from = settings.rectify_from;
    state.rectify_months = settings.rectify_months;
    state.publicity = settings.publicity;
    state.next_id = rows.len() as u64 + 1;
    state.rows = Rc::new(rows);
    state
}

/// The saved list `text` opened (a long one a part at a time: [`loading::take_in`]): the list,
/// and its grading's cache holding every row graded alone.
pub async fn open(
    text: &str,
    schemes: &[Rc<Scheme>],
    steps: &loading::Steps<'_>,
) -> Result<(ListState, GradeCache), Unreadable> {
    let cache = std::cell::RefCell::new(GradeCache::default());
    let (settings, rows) = loading::take_in(text, schemes, None, (1, 0), &cache, steps).await?;
    Ok((state_with(settings, rows), cache.into_inner()))
}

/// The key the list is kept under: in the browser's database ([`crate::wire::store`]), and in
/// local storage by the versions before it and as the page goes away ([`save`]): read first,
/// moved, and removed there.
pub const STORAGE_KEY: &str = "dingji.list.v1";

thread_local! {
    /// The channel on which a window says it saved the list (its text), so that the page's other
    /// windows show it (local storage's `storage` event, for the database). One a window: a
    /// message is not delivered to the channel that posts it, so the window does not hear its own.
    pub static CHANNEL: Option<web_sys::BroadcastChannel> =
        web_sys::BroadcastChannel::new("dingji.list.v1").ok();
}

/// How long after a change the list is saved, in milliseconds.
pub const SAVE_DELAY_MS: i32 = 300;

/// Saves the list waiting to be saved, if any; says so if the browser refuses. `leaving`: the
/// page is going away ([`save`]).
pub fn save_pending(
    pending: &std::cell::RefCell<Option<(UseReducerHandle<ListState>, i32)>>,
    dispatch: &Callback<Action>,
    leaving: bool,
) {
    let Some((state, timer)) = pending.borrow_mut().take() else {
        return;
    };
    gloo::utils::window().clear_timeout_with_handle(timer);
    save(&state, dispatch, leaving);
}

/// Saves `state` now (a failure is said); never over the only copy of an unreadable saved
/// list. The write is whole or not at all: a refused one leaves the copy saved before as it was.
/// `leaving`: the page is going away, and a write to the database then may never complete
/// (Chromium drops it with the page): the list is also written to local storage at once, where
/// it fits (about 5 million characters), and read from there first next time
/// ([`restore`]), as a list a version before the database left. A long list is written a part
/// at a time, the page answering between the parts; a save begun after it takes over.
pub fn save(state: &ListState, dispatch: &Callback<Action>, leaving: bool) {
    if state.unreadable.is_some() {
        return;
    }
    let said = state.notice == Some(Notice::SaveFailed);
    // A later save (or the page going away) takes over from one still being written.
    let this = SAVES.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    if leaving || state.rows.len() <= loading::STEP {
        write(to_text(state), (this, dispatch.clone()), said, leaving);
        return;
    }
    // A long list is written a part at a time, the page answering between the parts.
    let (settings, rows, dispatch) = (settings(state), state.rows.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let mut writing = saved::Writing::new(&settings, &mut rows.iter().map(|r| &r.draft));
        for part in rows.chunks(loading::STEP) {
            writing.rows(&mut part.iter().map(|r| &r.draft));
            crate::wire::pause().await;
            if SAVES.with(std::cell::Cell::get) != this {
                return;
            }
        }
        write(writing.done(), (this, dispatch), said, false);
    });
}

thread_local! {
    /// The saves begun: a save being written a part at a time stops once another has begun.
    static SAVES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// The last save the database holds.
    static WRITTEN: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The last save begun is not yet held by the database (a long list still being written, or
/// the write not yet done): going away, the page saves at once, where it can
/// ([`save`]'s `leaving`).
pub fn unfinished() -> bool {
    SAVES.with(std::cell::Cell::get) != WRITTEN.with(std::cell::Cell::get)
}

/// Writes the list's `text`, the save numbered `this` (`said`: its failure to save is already
/// said; `leaving`: see [`save`]).
fn write(text: String, (this, dispatch): (u64, Callback<Action>), said: bool, leaving: bool) {
    let local = gloo::utils::window().local_storage().ok().flatten();
    if leaving && let Some(local) = &local {
        let _ = local.set_item(STORAGE_KEY, &text);
    }
    let write = store::put(STORAGE_KEY, &text, false);
    wasm_bindgen_futures::spawn_local(async move {
        if store::kept(write).await {
            WRITTEN.with(|w| w.set(w.get().max(this)));
            // What is in local storage (left by a version before the database, or as the page
            // went away) is held in the database now.
            if let Some(local) = local {
                let _ = local.remove_item(STORAGE_KEY);
            }
            CHANNEL.with(|c| c.as_ref().map(|c| c.post_message(&text.into())));
        } else if !said {
            dispatch.emit(Action::Notify(Notice::SaveFailed));
        }
    });
}

pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The saved list, or a fresh one (with a notice if the saved one cannot be read), with the
/// language carried from the other page and a start of rectification. A list in local storage
/// was saved there by a version before the database, or as the page went away ([`save`]): later
/// than anything in the database (a save there takes it out of local storage), it is read, moved
/// into the database, and removed from local storage once the database holds it.
/// A long list is read a part at a time, with a word to `report` after each
/// ([`super::loading`]); it comes with its grading's cache, every row graded alone.
pub async fn restore(
    schemes: &[Rc<Scheme>],
    first: Rc<Scheme>,
    report: &dyn Fn(Progress),
) -> (ListState, GradeCache) {
    let (mut state, cache) = saved_or_fresh(schemes, first, report).await;
    if state.rectify_from.is_empty() {
        state.rectify_from = today();
    }
    state.lang = crate::shared::carried_lang().unwrap_or(state.lang);
    (state, cache)
}

async fn saved_or_fresh(
    schemes: &[Rc<Scheme>],
    first: Rc<Scheme>,
    report: &dyn Fn(Progress),
) -> (ListState, GradeCache) {
    // Not opened (storage turned off): the list is read from local storage if it is there, and
    // each save says it failed.
    let _ = store::open().await;
    let local = gloo::utils::window().local_storage().ok().flatten();
    let old = local
        .as_ref()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let text = match &old {
        Some(text) => text.clone(),
        None => match store::get(STORAGE_KEY).await {
            Ok(Some(text)) => text,
            _ => return (ListState::new(first), GradeCache::default()),
        },
    };
    let steps = loading::Steps::for_text(text.len(), report);
    let read = open(&text, schemes, &steps).await;
    // What is written: the list moved from local storage, or one unreadable kept aside under a
    // key of its own (never over one kept before).
    let write = match (&read, &old) {
        (Ok(_), None) => None,
        (Ok(_), Some(_)) => Some(store::put(STORAGE_KEY, &text, false)),
        (Err(_), _) => Some(store::put(&store::aside(STORAGE_KEY), &text, true)),
    };
    let written = match write {
        Some(write) => store::kept(write).await,
        None => true,
    };
    if let (Some(local), Some(_), true) = (&local, &old, written) {
        let _ = local.remove_item(STORAGE_KEY);
    }
    read.unwrap_or_else(|why| {
        let state = ListState {
            notice: Some(Notice::BadStorage {
                why: why.into(),
                kept: written,
            }),
            // Not kept aside: the only copy, held until downloaded or discarded.
            unreadable: (!written).then(|| text.into()),
            ..ListState::new(first)
        };
        (state, GradeCache::default())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::state::{Action, ListState};
    use yew::Reducible;

    #[test]
    fn a_saved_list_reads_back_the_same() {
        let schemes: Vec<Rc<Scheme>> = dingji_rules::presets::all()
            .into_iter()
            .map(Rc::new)
            .collect();
        let b = schemes[0].clone();
        let mut state = Rc::new(ListState::new(b));
        for _ in 0..2 {
            state = state.reduce(Action::AddRow);
        }
        let cols = state.columns();
        for (i, text) in ["红星村\t一组", "村", "92", "30"].iter().enumerate() {
            state = state.reduce(Action::SetCell {
                row: 0,
                col: cols[i].clone(),
                text: (*text).into(),
            });
        }
        let text = to_text(&state);
        let back = from_text(&text, &schemes).unwrap();
        assert_eq!(back.rows.len(), 2);
        assert_eq!(back.rows[0].draft, state.rows[0].draft);
        assert_eq!(to_text(&back), text);
        assert_eq!(
            from_text("dingji-list 7", &schemes)
                .err()
                .unwrap()
                .to_string(),
            "保存的格式版本不是本程序能读取的“dingji-list 1”"
        );
    }
}

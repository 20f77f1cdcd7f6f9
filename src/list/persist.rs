//! The list kept between visits: local storage (`dingji.list.v1`, the line format of
//! [`crate::wire::list`]), saved a moment after each change and at once when the page goes away.
//! An unreadable saved list is kept aside under a key of its own, never overwritten.

use std::rc::Rc;

use dingji_rules::Scheme;
use yew::prelude::*;

use super::state::{Action, ListState, Notice, Row};
use crate::wire::Unreadable;
use crate::wire::list::{self as saved, ListSettings};

/// The list as text.
pub fn to_text(state: &ListState) -> String {
    part_text(state, &state.rows)
}

/// The list's settings with only `rows` (a part of it, in any order), as text.
pub fn part_text(state: &ListState, rows: &[Rc<Row>]) -> String {
    let settings = ListSettings {
        scheme: state.scheme.clone(),
        scheme_data: state.scheme_data.clone(),
        lang: state.lang,
        modes: state.modes.clone(),
        rectify_from: state.rectify_from.clone(),
        rectify_months: state.rectify_months,
        publicity: state.publicity.clone(),
    };
    saved::to_text(&settings, rows.iter().map(|r| &r.draft))
}

/// Reads a saved list, naming the line that could not be read.
pub fn from_text(text: &str, schemes: &[Rc<Scheme>]) -> Result<ListState, Unreadable> {
    let list = saved::from_text(text, schemes)?;
    let settings = list.settings;
    let mut state = ListState::new(settings.scheme);
    state.scheme_data = settings.scheme_data;
    state.lang = settings.lang;
    state.modes = settings.modes;
    state.rectify_from = settings.rectify_from;
    state.rectify_months = settings.rectify_months;
    state.publicity = settings.publicity;
    let rows: Vec<Rc<Row>> = list
        .drafts
        .into_iter()
        .zip(1..)
        .map(|(draft, id)| Rc::new(Row::new(id, draft, &state.scheme)))
        .collect();
    state.next_id = rows.len() as u64 + 1;
    state.rows = Rc::new(rows);
    Ok(state)
}

/// The local storage key, versioned with the saved format.
pub const STORAGE_KEY: &str = "dingji.list.v1";

/// How long after a change the list is saved, in milliseconds.
pub const SAVE_DELAY_MS: i32 = 300;

/// Saves the list waiting to be saved, if any; says so if the browser refuses.
pub fn save_pending(
    pending: &std::cell::RefCell<Option<(UseReducerHandle<ListState>, i32)>>,
    dispatch: &Callback<Action>,
) {
    let Some((state, timer)) = pending.borrow_mut().take() else {
        return;
    };
    gloo::utils::window().clear_timeout_with_handle(timer);
    save(&state, dispatch);
}

/// Saves `state` now (a failure is said); never over the only copy of an unreadable saved list.
pub fn save(state: &ListState, dispatch: &Callback<Action>) {
    if state.unreadable.is_some() {
        return;
    }
    let text = to_text(state);
    let saved = gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .is_some_and(|s| s.set_item(STORAGE_KEY, &text).is_ok());
    if !saved && state.notice != Some(Notice::SaveFailed) {
        dispatch.emit(Action::Notify(Notice::SaveFailed));
    }
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

pub fn initial(schemes: &[Rc<Scheme>], first: Rc<Scheme>) -> ListState {
    let mut state = saved_or_fresh(schemes, first);
    state.lang = crate::shared::carried_lang().unwrap_or(state.lang);
    state
}

/// The saved list, or a fresh one (with a notice if the saved one cannot be read).
fn saved_or_fresh(schemes: &[Rc<Scheme>], first: Rc<Scheme>) -> ListState {
    let fresh = || {
        let mut s = ListState::new(first.clone());
        s.rectify_from = today();
        s
    };
    let storage = gloo::utils::window().local_storage().ok().flatten();
    let Some(text) = storage
        .as_ref()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
    else {
        return fresh();
    };
    match from_text(&text, schemes) {
        Ok(mut s) => {
            if s.rectify_from.is_empty() {
                s.rectify_from = today();
            }
            s
        }
        Err(why) => {
            let kept = crate::shared::keep_aside(storage.as_ref(), STORAGE_KEY, &text);
            ListState {
                notice: Some(Notice::BadStorage {
                    why: why.into(),
                    kept,
                }),
                // Not kept aside: the only copy, held until downloaded or discarded.
                unreadable: (!kept).then(|| text.into()),
                ..fresh()
            }
        }
    }
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

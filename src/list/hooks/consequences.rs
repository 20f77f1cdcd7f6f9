//! What an edit does to the other rows, as a hook of the list page: an override that would
//! move others asked first, the rows an edit moved named and marked.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::list::derive::{GradeCache, Graded, grade_cached};
use crate::list::state::{Action, ListState};
use crate::list::views::toolbar::ConsequencesProps;

/// What an edit does to the other rows: an override that would move others is held until the
/// user confirms it (`pending`, with a line per row it moves); after any edit of rows, the rows
/// whose tier or stars changed with it (`moved`) are named and marked.
pub struct Consequences {
    /// The list's dispatch, through the check.
    pub dispatch: Callback<Action>,
    /// What the bar above the grid shows: the question while it is asked, the rows moved.
    pub bar: ConsequencesProps,
}

/// The row an edit edited (if one), and the grading before it.
type Before = (Option<u64>, Rc<Graded>);

/// What [`use_consequences`] keeps between renders (in one cell: each hook of its own type
/// would add its code to the page).
#[derive(Default)]
struct Kept {
    /// The grading before the last edit of rows, and the row it edited.
    before: Option<Before>,
    pending: Option<(Action, Rc<Vec<String>>)>,
    moved: Rc<Vec<(u64, String)>>,
}

#[hook]
pub fn use_consequences(
    state: &UseReducerHandle<ListState>,
    graded: &Rc<Graded>,
    cache: &Rc<std::cell::RefCell<GradeCache>>,
) -> Consequences {
    use crate::list::derive::{RowResult, consequences, override_of, with_row, without_override};
    use crate::list::state::Row;
    use crate::wire::columns::Col;
    let dispatch = state.dispatcher().to_callback();
    let kept = use_mut_ref(Kept::default);
    // Flipped to show or take down the question (a state of a type the page already has).
    let asked = use_state(|| false);
    // The list graded again since the last edit of rows: what it moved, worked out here.
    {
        let mut k = kept.borrow_mut();
        if let Some((edited, then)) = k.before.take() {
            if Rc::ptr_eq(&then, graded) {
                k.before = Some((edited, then));
            } else {
                k.moved = Rc::new(consequences(&then, state, graded, edited));
                // The grading before is let go of after the result is on screen: a province's
                // takes tens of milliseconds to free.
                crate::wire::later(0, Box::new(move || drop(then)));
            }
        }
    }
    let apply = {
        let (kept, state, graded, dispatch) = (
            kept.clone(),
            state.clone(),
            graded.clone(),
            dispatch.clone(),
        );
        Callback::from(move |action: Action| {
            let edited = match &action {
                Action::SetCell { row, .. } => state.rows.get(*row).map(|r| r.id),
                _ => None,
            };
            kept.borrow_mut().before = Some((edited, graded.clone()));
            dispatch.emit(action);
        })
    };
    let checked = {
        let (state, graded, kept, asked, apply, cache) = (
            state.clone(),
            graded.clone(),
            kept.clone(),
            asked.clone(),
            apply.clone(),
            cache.clone(),
        );
        // Tried with the page's cache: only the edited row is graded again.
        let grade = move |s: &ListState| grade_cached(s, &cache);
        Callback::from(move |action: Action| match &action {
            // An override is tried first: where it moves others, the user is asked.
            Action::SetCell { row, col, text }
                if matches!(
                    col,
                    Col::OverrideTier | Col::OverrideStars | Col::OverrideReason
                ) =>
            {
                // The row as the edit makes it (as the reducer does; a list to grade, not a
                // copy of the page's state).
                let Some(current) = state.rows.get(*row) else {
                    return apply.emit(action);
                };
                let mut draft = current.draft.clone();
                if col
                    .set(&mut draft, &state.scheme, &state.modes, text)
                    .is_err()
                {
                    return apply.emit(action);
                }
                let next = with_row(&state, *row, Row::new(current.id, draft, &state.scheme));
                let after = grade(&next);
                let graded_ok = |g: &Graded| matches!(g.result(*row), RowResult::Ok(_));
                // Asked when the edit makes the row's override take effect or changes it (not
                // for a reason reworded), and the override moves others: against the list
                // without it.
                let asks = graded_ok(&after)
                    && (graded_ok(&graded), override_of(&state, *row))
                        != (true, override_of(&next, *row));
                let base = asks.then(|| without_override(&next, *row)).flatten();
                let lines: Vec<String> = match base {
                    Some(base) => consequences(&grade(&base), &next, &after, Some(current.id))
                        .into_iter()
                        .map(|(_, line)| line)
                        .collect(),
                    None => Vec::new(),
                };
                if lines.is_empty() {
                    apply.emit(action);
                } else {
                    kept.borrow_mut().pending = Some((action, Rc::new(lines)));
                    asked.set(!*asked);
                }
            }
            Action::SetCell { .. }
            | Action::Pasted { .. }
            | Action::DeleteRow(_)
            | Action::DuplicateRow(_)
            | Action::AddRow => apply.emit(action),
            _ => dispatch.emit(action),
        })
    };
    let answer = |yes: bool| {
        let (kept, asked, apply) = (kept.clone(), asked.clone(), apply.clone());
        Callback::from(move |()| {
            let pending = kept.borrow_mut().pending.take();
            if let Some((action, _)) = pending.filter(|_| yes) {
                apply.emit(action);
            }
            asked.set(!*asked);
        })
    };
    // The question takes the focus (its first button), so that it is answered from the keyboard.
    let asking = kept.borrow().pending.is_some();
    use_effect_with(asking, |asking| {
        if *asking
            && let Some(yes) = gloo::utils::document().get_element_by_id("override-confirm-yes")
        {
            let _ = yes.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
    let k = kept.borrow();
    Consequences {
        dispatch: checked,
        bar: ConsequencesProps {
            pending: k.pending.as_ref().map(|(_, lines)| lines.clone()),
            confirm: answer(true),
            cancel: answer(false),
            moved: k.moved.clone(),
        },
    }
}

//! The explanation of one row of the list, with the list rules that moved it, and what each
//! source would need for the next tier. The explanation is written by the worker (as on the
//! calculator page), so that the list page's first load does not carry it.

use std::rc::Rc;

use dingji_rules::Lang;
use yew::prelude::*;

use crate::list::state::{Action, ListState};
use crate::shared::i18n::list_strings;
use crate::wire::Error;
use crate::wire::explained::Explained;

/// The explanation of the open row, once the worker has written it: the row's id and the text, or
/// why there is none.
pub type RowExplained = Option<(u64, Rc<Result<Explained, Error>>)>;

pub fn panel(state: &ListState, explained: &RowExplained, dispatch: &Callback<Action>) -> Html {
    let lang: Lang = state.lang;
    let s = list_strings(lang);
    let Some(id) = state.open else {
        return Html::default();
    };
    let Some(row) = state.rows.iter().find(|r| r.id == id) else {
        return Html::default();
    };
    let close = dispatch.reform(|_: MouseEvent| Action::Open(None));
    let body = match explained {
        Some((for_id, answer)) if *for_id == id => match &**answer {
            Ok(e) => html! {
                <>
                    <ol id="row-steps">{ for e.steps.iter().map(|l| html! { <li>{ l }</li> }) }</ol>
                    <h3>{ s.goals_heading() }</h3>
                    <p>{ &e.goals_title }</p>
                    <ul>{ for e.goals.iter().map(|(n, t, _)| html! { <li><strong>{ n }{ s.colon() }</strong>{ t }</li> }) }</ul>
                </>
            },
            Err(why) => html! { <p class="error" role="alert">{ why.message(state.lang) }</p> },
        },
        _ => html! { <p class="muted" role="status">{ s.explaining() }</p> },
    };
    html! {
        <section class="card panel" aria-labelledby="panel-title" id="panel">
            <div class="panel-head">
                <h2 id="panel-title">{ format!("{} · {}", row.draft.name, s.explain()) }</h2>
                <button type="button" onclick={close}>{ s.close() }</button>
            </div>
            { body }
        </section>
    }
}

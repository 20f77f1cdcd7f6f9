//! The explanation of one row of the list, with the list rules that moved it, and what each
//! source would need for the next tier.

use dingji_rules::Lang;
use yew::prelude::*;

use super::grade::{Graded, RowResult};
use super::state::{Action, ListState};
use crate::calc::{Explained, Outcome};
use crate::i18n::{list_strings, strings};

pub fn panel(state: &ListState, graded: &Graded, dispatch: &Callback<Action>) -> Html {
    let lang: Lang = state.lang;
    let Some(id) = state.open else {
        return Html::default();
    };
    let Some(i) = state.rows.iter().position(|r| r.id == id) else {
        return Html::default();
    };
    let Some(row) = state.rows.get(i) else {
        return Html::default();
    };
    let close = dispatch.reform(|_: MouseEvent| Action::Open(None));
    let body = match (&row.parsed, graded.result(i)) {
        (Ok(org), RowResult::Ok(result)) => {
            let outcome = Outcome {
                scheme: state.scheme.clone(),
                org: org.clone(),
                result: result.clone(),
                decision: state.scheme.decide(result.composite),
                formula: Default::default(),
            };
            let e = Explained::of(&outcome, lang);
            html! {
                <>
                    <ol id="row-steps">{ for e.steps.iter().map(|l| html! { <li>{ l }</li> }) }</ol>
                    <h3>{ strings(lang).to_next }</h3>
                    <p>{ &e.goals_title }</p>
                    <ul>{ for e.goals.iter().map(|(n, t, _)| html! { <li><strong>{ n }{ "：" }</strong>{ t }</li> }) }</ul>
                </>
            }
        }
        (Err(errors), _) => {
            html! { <ul class="errors">{ for errors.iter().map(|e| html! { <li>{ e.error.to_string() }</li> }) }</ul> }
        }
        (_, RowResult::Failed(why)) => html! { <p class="error">{ why }</p> },
        _ => Html::default(),
    };
    html! {
        <section class="card panel" aria-labelledby="panel-title" id="panel">
            <div class="panel-head">
                <h2 id="panel-title">{ format!("{} · {}", row.draft.name, list_strings(lang).explain) }</h2>
                <button type="button" onclick={close}>{ list_strings(lang).close }</button>
            </div>
            { body }
        </section>
    }
}

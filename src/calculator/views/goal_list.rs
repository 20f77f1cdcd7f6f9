//! What each source would need for the next tier up (goal seek), in words and numbers. Computed
//! by the worker when the user opens it (see `crate::calculator::derive::Explained`).

use dingji_rules::Lang;
use yew::prelude::*;

use crate::shared::i18n::strings;
use crate::wire::explained::Explained;

pub struct GoalListProps<'a> {
    pub lang: Lang,
    pub explained: &'a Explained,
}

pub fn goal_list(props: &GoalListProps) -> Html {
    let s = strings(props.lang);
    let e = props.explained;
    let items = e.goals.iter().map(|(name, text, reachable)| {
        html! { <li class={classes!((!reachable).then_some("unreachable"))}><strong>{ name }{ s.colon() }</strong>{ text }</li> }
    });
    html! {
        <section class="card goals" aria-labelledby="goals-title">
            <h2 id="goals-title">{ s.to_next() }</h2>
            <p id="goals-title-text">{ &e.goals_title }</p>
            if !e.goals.is_empty() { <ul id="goals">{ for items }</ul> }
        </section>
    }
}

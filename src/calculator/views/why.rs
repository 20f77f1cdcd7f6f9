//! The working and the goals behind their toggle, and the small result that stays in view on a
//! phone.

use std::rc::Rc;

use yew::prelude::*;

use super::explanation::{ExplanationProps, explanation};
use super::goal_list::{GoalListProps, goal_list};
use crate::calculator::derive::Outcome;
use crate::calculator::state::Action;
use crate::shared::i18n::{Lang, strings};
use crate::wire::Error;
use crate::wire::explained::Explained;

pub struct WhyProps {
    pub lang: Lang,
    /// Whether the working is shown.
    pub open: bool,
    /// The worker's answer, once it came.
    pub explained: Option<Rc<Result<Explained, Error>>>,
    /// What to fill in or correct first, when the inputs give no result (the working waits).
    pub waiting: Option<String>,
    pub dispatch: Callback<Action>,
}

/// The toggle, then the goals and the working (or why they could not be computed).
pub fn why(props: &WhyProps) -> Html {
    let (lang, dispatch) = (props.lang, &props.dispatch);
    let s = strings(lang);
    let explained = &props.explained;
    html! {
        <>
        <button type="button" id="show-why" class="why-toggle" aria-expanded={props.open.to_string()}
            onclick={dispatch.reform(|_: MouseEvent| Action::ToggleWhy)}>
            { if props.open { s.hide_why() } else { s.show_why() } }
        </button>
        if let (true, Some(what)) = (props.open, &props.waiting) {
            <p class="card muted" id="why-waiting">{ what }</p>
        } else if props.open {
            { match explained.as_deref() {
                Some(Ok(e)) => html! {
                    <>
                        { goal_list(&GoalListProps { lang, explained: e }) }
                        { explanation(&ExplanationProps { lang, explained: e }) }
                    </>
                },
                Some(Err(why)) => html! { <p class="card error" role="alert">{ s.why_failed() }{ why.message(lang) }</p> },
                None => html! { <p class="card muted" id="computing">{ s.computing() }</p> },
            } }
        }
        </>
    }
}

pub struct MiniResultProps {
    pub lang: Lang,
    pub outcome: Rc<Outcome>,
    /// The result is the last one that could be computed, not the current inputs'.
    pub stale: bool,
}

/// The composite, tier and stars in a bar that stays in view while scrolling (narrow screens).
pub fn mini_result(props: &MiniResultProps) -> Html {
    let (lang, o, stale) = (props.lang, &props.outcome, props.stale);
    let s = strings(lang);
    html! {
            <div class={classes!("mini-result", stale.then_some("is-stale"))} aria-hidden="true">
            <span>{ s.composite() }{ " " }<strong>{ o.result.rounded.to_string() }</strong></span>
            <span class={classes!("mini-tier", crate::shared::tier_tone(o.result.tier, o.scheme.tiers.len()))}>
                { o.scheme.tier_name(o.result.tier, lang) }
            </span>
            if let Some(n) = o.result.stars { <span>{ o.scheme.star_name(n, lang) }</span> }
        </div>
    }
}

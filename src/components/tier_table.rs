//! The scheme's tiers and thresholds, with the tier of the current score marked.

use std::rc::Rc;

use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use crate::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct TierTableProps {
    pub lang: Lang,
    pub scheme: Rc<Scheme>,
    /// The index of the current tier, if there is a score.
    pub current: Option<usize>,
}

#[component]
pub fn TierTable(props: &TierTableProps) -> Html {
    let s = strings(props.lang);
    let tiers = &props.scheme.tiers;
    let rows = tiers.iter().enumerate().map(|(i, tier)| {
        let range = match (tier.min, i.checked_sub(1).and_then(|up| tiers.get(up)).and_then(|t| t.min)) {
            (Some(min), Some(upper)) => format!("{min} ≤ x < {upper}"),
            (Some(min), None) => format!("x ≥ {min}（{min} {}）", s.and_above),
            (None, Some(upper)) => format!("x < {upper}（{upper} {}）", s.below),
            (None, None) => "—".to_owned(),
        };
        let current = props.current == Some(i);
        html! {
            <tr class={classes!(current.then_some("current"))} aria-current={current.then_some("true")}>
                <th scope="row"><span class={classes!("tier-dot", super::tier_tone(i, tiers.len()))}></span>{ tier.name.get(props.lang) }</th>
                <td>{ range }</td>
            </tr>
        }
    });
    html! {
        <table class="tier-table">
            <caption>{ s.tiers_of_scheme }</caption>
            <thead><tr><th scope="col">{ s.tier }</th><th scope="col">{ s.threshold }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

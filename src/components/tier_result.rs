//! The tier of the typed composite score, with the rounding and the threshold comparison that
//! decided it: "89.175 → 89.18（四舍五入到两位小数）", "80 ≤ 89.18 < 90 → 较好".

use std::rc::Rc;

use dingji_rules::{Lang, Scheme, TierDecision};
use yew::prelude::*;

use crate::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct TierResultProps {
    pub lang: Lang,
    pub scheme: Rc<Scheme>,
    /// The decision, or `None` while there is no valid score.
    pub decision: Option<TierDecision>,
}

#[component]
pub fn TierResult(props: &TierResultProps) -> Html {
    let s = strings(props.lang);
    let Some(decision) = &props.decision else {
        return html! {
            <div class="tier-result empty">
                <output id="tier" class="tier-badge">{ "—" }</output>
                <p class="muted">{ s.enter_a_score }</p>
                <p class="muted">{ "\u{a0}" }</p>
            </div>
        };
    };
    let tier_name = props
        .scheme
        .tier(decision.tier)
        .map(|t| t.name.get(props.lang).to_owned())
        .unwrap_or_default();
    html! {
        <div class="tier-result">
            <output id="tier" class={classes!("tier-badge", crate::components::tier_tone(decision.tier, props.scheme.tiers.len()))}>
                { &tier_name }
            </output>
            <p id="rounding">
                { format!("{} → ", decision.exact) }
                <strong id="rounded">{ decision.rounded.to_string() }</strong>
                { format!("（{}）", props.scheme.rounding.describe(props.lang)) }
            </p>
            <p id="comparison">{ format!("{} → {}", decision.comparison(), tier_name) }</p>
        </div>
    }
}

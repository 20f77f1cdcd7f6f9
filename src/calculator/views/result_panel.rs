//! The result, front and centre: the composite, the tier, the stars and who confirms them, and
//! the formula with the numbers substituted — the lines a trainer points at.

use dingji_rules::{Flag, Lang};
use yew::prelude::*;

use crate::calculator::derive::Outcome;
use crate::shared::i18n::{self, strings};
use crate::shared::tier_tone;

pub struct ResultPanelProps<'a> {
    pub lang: Lang,
    /// The result to show: the current one, or the last one while the inputs cannot be read.
    pub outcome: Option<&'a Outcome>,
    /// Whether `outcome` is the last result rather than the current one.
    pub stale: bool,
    /// Fields still empty, by name.
    pub missing: &'a [String],
}

pub fn result_panel(props: &ResultPanelProps) -> Html {
    let s = strings(props.lang);
    let status = if props.stale {
        html! { <p class="status stale" id="stale">{ s.stale() }</p> }
    } else if !props.missing.is_empty() {
        html! { <p class="status" id="missing">{ s.incomplete() }{ props.missing.join(s.list_sep()) }</p> }
    } else {
        html! { <p class="status">{ "\u{a0}" }</p> }
    };
    let Some(o) = props.outcome else {
        return html! {
            <section class="card result empty" aria-labelledby="result-title">
                <h2 id="result-title">{ s.result() }</h2>
                <div class="headline">
                    <div class="big"><span class="label">{ s.composite() }</span><output id="composite">{ "—" }</output></div>
                    <div class="big"><span class="label">{ s.tier() }</span><output id="tier" class="tier-badge">{ "—" }</output></div>
                </div>
                { status }
                <div class="formula"><p>{ "\u{a0}" }</p><p>{ "\u{a0}" }</p><p>{ "\u{a0}" }</p></div>
            </section>
        };
    };
    let scheme = &o.scheme;
    let r = &o.result;
    let [composite_line, rounding_line, threshold_line] = &o.formula;
    // The formula breaks only at its operators: a product ("92 × 50%") stays on one line.
    let mut terms: Vec<String> = Vec::new();
    let mut glue = false;
    for word in composite_line.split(' ') {
        match terms.last_mut() {
            Some(last) if glue || word == "×" => {
                last.push(' ');
                last.push_str(word);
            }
            _ => terms.push(word.to_owned()),
        }
        glue = word == "×";
    }
    let terms = terms.into_iter().enumerate().map(|(i, term)| {
        html! { <>{ if i == 0 { "" } else { " " } }<span class="term">{ term }</span></> }
    });
    let tier_name = scheme.tier_name(r.tier, props.lang).to_owned();
    let stars = r.stars.map(|n| {
        let name = scheme.star_name(n, props.lang);
        let who = scheme
            .star_level(n)
            .map(|l| l.confirmer.get(props.lang).to_owned())
            .unwrap_or_default();
        let capped = r.flags.iter().any(|f| matches!(f, Flag::SubjectToStarCap));
        (name, who, capped)
    });
    html! {
        <section class={classes!("card", "result", props.stale.then_some("is-stale"))} aria-labelledby="result-title">
            <h2 id="result-title">{ s.result() }</h2>
            <div class="headline" aria-live="polite">
                <div class="big">
                    <span class="label">{ s.composite() }</span>
                    <output id="composite">{ r.rounded.to_string() }</output>
                </div>
                <div class="big">
                    <span class="label">{ s.tier() }</span>
                    <output id="tier" class={classes!("tier-badge", tier_tone(r.tier, scheme.tiers.len()))}>{ &tier_name }</output>
                </div>
                if let Some((name, who, capped)) = &stars {
                    <div class="big">
                        <span class="label">{ s.stars() }</span>
                        <output id="stars">{ name }{ if *capped { "*" } else { "" } }</output>
                        if !who.is_empty() {
                            <span class="confirmer" id="confirmer">{ i18n::fill(strings(props.lang).confirmed_by(), &[name, who]) }</span>
                        }
                    </div>
                }
            </div>
            { status }
            <div class="formula">
                <p id="formula">{ for terms }</p>
                <p id="rounding">{ rounding_line }</p>
                <p id="comparison">{ threshold_line }</p>
            </div>
        </section>
    }
}

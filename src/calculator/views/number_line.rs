//! A number line of the tier thresholds with the score marked (SVG, drawn with attributes and
//! classes only: the Content-Security-Policy allows no inline style).

use dingji_rules::fmt::num;
use dingji_rules::{Decimal, Lang, Scheme};
use yew::prelude::*;

use crate::shared::i18n::strings;
use crate::shared::tier_tone;

pub struct NumberLineProps<'a> {
    pub lang: Lang,
    pub scheme: &'a Scheme,
    /// The rounded composite, if there is one.
    pub score: Option<Decimal>,
}

/// Position on the 0..1000 axis of a score on 0..100 (clamped).
fn x(value: Decimal) -> String {
    let v = value.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED) * Decimal::TEN;
    v.round_dp(1).normalize().to_string()
}

pub fn number_line(props: &NumberLineProps) -> Html {
    let s = strings(props.lang);
    let tiers = &props.scheme.tiers;
    let segments = tiers.iter().enumerate().map(|(i, tier)| {
        let lower = tier.min.unwrap_or(Decimal::ZERO);
        let upper = i.checked_sub(1).and_then(|up| tiers.get(up)).and_then(|t| t.min).unwrap_or(Decimal::ONE_HUNDRED);
        let span = (upper - lower).max(Decimal::ZERO);
        let width = (span * Decimal::TEN).round_dp(1).normalize().to_string();
        let middle = x((lower + upper) / Decimal::TWO);
        // A name wider than its segment would run into the next one: the colour and the table
        // of thresholds still tell it.
        let fits = span >= Decimal::from(7);
        html! {
            <g>
                <rect class={classes!("segment", tier_tone(i, tiers.len()))} x={x(lower)} y="44" width={width} height="46" />
                if fits {
                    <text class="segment-label" x={middle} y="78" text-anchor="middle">{ tier.name.get(props.lang) }</text>
                }
            </g>
        }
    });
    let ticks = tiers.iter().filter_map(|t| t.min).map(|m| {
        html! {
            <g>
                <line class="tick" x1={x(m)} x2={x(m)} y1="40" y2="96" />
                <text class="tick-label" x={x(m)} y="124" text-anchor="middle">{ num(m) }</text>
            </g>
        }
    });
    let marker = props.score.map(|score| {
        let at = x(score);
        html! {
            <g class="marker">
                <line x1={at.clone()} x2={at.clone()} y1="36" y2="98" />
                <text x={at} y="30" text-anchor="middle">{ score.to_string() }</text>
            </g>
        }
    });
    html! {
        <figure class="card number-line">
            <svg viewBox="-40 0 1080 132" role="img" aria-labelledby="number-line-title">
                <title id="number-line-title">{ s.number_line() }</title>
                { for segments }
                { for ticks }
                <text class="tick-label" x="0" y="124" text-anchor="middle">{ "0" }</text>
                <text class="tick-label" x="1000" y="124" text-anchor="middle">{ "100" }</text>
                { for marker }
            </svg>
            <figcaption>{ s.number_line() }</figcaption>
        </figure>
    }
}

//! Each source's weighted contribution to the composite, as one stacked bar (SVG).

use dingji_rules::evaluate::weighted;
use dingji_rules::fmt::num;
use dingji_rules::{Decimal, Lang};
use yew::prelude::*;

use crate::calculator::derive::Outcome;
use crate::shared::i18n::strings;

pub struct ContributionBarProps<'a> {
    pub lang: Lang,
    pub outcome: &'a Outcome,
}

pub fn contribution_bar(props: &ContributionBarProps) -> Html {
    let s = strings(props.lang);
    let o = props.outcome;
    let mut start = Decimal::ZERO;
    let parts: Vec<Html> = o
        .scheme
        .sources
        .iter()
        .zip(o.result.scores.iter())
        .enumerate()
        .map(|(i, (source, &score))| {
            let exact = weighted(source.weight, score).unwrap_or_default();
            let part = exact.approx();
            let x = (start * Decimal::TEN).round_dp(1).normalize().to_string();
            let width = (part * Decimal::TEN).round_dp(1).normalize().to_string();
            start += part;
            let title = format!("{}{}{} × {}% = {}", source.name.get(props.lang), strings(props.lang).colon(), num(score), num(source.weight), num(exact));
            html! {
                <g>
                    <rect class={format!("part part-{}", i % 5)} x={x} y="0" width={width} height="26"><title>{ title }</title></rect>
                </g>
            }
        })
        .collect();
    let legend = o.scheme.sources.iter().zip(o.result.scores.iter()).enumerate().map(|(i, (source, &score))| {
        html! {
            <li>
                <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class={format!("part part-{}", i % 5)} width="10" height="10" /></svg>
                { source.name.get(props.lang) }{ strings(props.lang).colon() }<strong>{ num(weighted(source.weight, score).unwrap_or_default()) }</strong>
            </li>
        }
    });
    html! {
        <figure class="card contributions">
            <svg viewBox="0 0 1000 26" role="img" aria-labelledby="contrib-title" preserveAspectRatio="none">
                <title id="contrib-title">{ s.contributions() }</title>
                <rect class="track" x="0" y="0" width="1000" height="26" />
                { for parts }
            </svg>
            <ul class="legend" id="contributions">{ for legend }</ul>
            <figcaption>{ s.contributions() }</figcaption>
        </figure>
    }
}

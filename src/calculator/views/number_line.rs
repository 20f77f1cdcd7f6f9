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
    /// The rounded composite under the preset as it is, where the scheme was changed.
    pub baseline: Option<Decimal>,
}

/// Position on the 0..1000 axis of a score on 0..100 (clamped).
fn x(value: Decimal) -> String {
    let v = value.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED) * Decimal::TEN;
    v.round_dp(1).normalize().to_string()
}

/// About how wide `text` is, in fifths of an em: a Chinese character a full em, any other about
/// 0.6 of one (a little more than most Latin letters are).
#[inline(never)]
fn fifths(text: &str) -> u32 {
    text.chars().map(|c| if c.is_ascii() { 3 } else { 5 }).sum()
}

/// Where a tier's name is written.
enum Place<'a> {
    /// In its segment: one line, or two smaller ones (each line and its y).
    Inside([(&'a str, &'static str); 2], bool),
    /// Under the axis: its segment cannot hold it.
    Below(&'a str),
}

/// A tier's segment of the axis (its scores, 0..100) and where its name goes.
struct Segment<'a> {
    lower: Decimal,
    upper: Decimal,
    place: Place<'a>,
}

pub fn number_line(props: &NumberLineProps) -> Html {
    let s = strings(props.lang);
    let tiers = &props.scheme.tiers;
    // Each tier's segment and where its name goes: inside on one line, or two smaller ones, or,
    // where its segment cannot hold it (a 较好 from 88 to 90), under the axis below the threshold
    // labels; never dropped.
    let layout: Vec<Segment> = tiers
        .iter()
        .enumerate()
        .map(|(i, tier)| {
            let lower = tier.min.unwrap_or(Decimal::ZERO);
            let upper = i
                .checked_sub(1)
                .and_then(|up| tiers.get(up))
                .and_then(|t| t.min)
                .unwrap_or(Decimal::ONE_HUNDRED);
            let span = (upper - lower).max(Decimal::ZERO);
            // (Font sizes 30 and 22 on the axis's 0..1000, 8 to spare.)
            let room = u32::try_from((span * Decimal::TEN).trunc().mantissa()).unwrap_or(u32::MAX);
            let fits = |fifths: u32, size: u32| fifths * size / 5 + 8 <= room;
            let name = tier.name.get(props.lang);
            let (first, rest) = name.split_once(' ').unwrap_or((name, ""));
            let place = if fits(fifths(name), 30) {
                Place::Inside([(name, "78"), ("", "")], false)
            } else if fits(fifths(first).max(fifths(rest)), 22) {
                Place::Inside([(first, "64"), (rest, "86")], true)
            } else {
                Place::Below(name)
            };
            Segment {
                lower,
                upper,
                place,
            }
        })
        .collect();
    let any_below = layout.iter().any(|l| matches!(l.place, Place::Below(_)));
    let segments = layout.iter().enumerate().map(|(i, seg)| {
        let width = ((seg.upper - seg.lower).max(Decimal::ZERO) * Decimal::TEN).round_dp(1).normalize().to_string();
        let middle = x((seg.lower + seg.upper) / Decimal::TWO);
        let (lines, small, below) = match seg.place {
            Place::Inside(lines, small) => (lines, small, None),
            Place::Below(name) => ([("", ""), ("", "")], false, Some(name)),
        };
        html! {
            <g>
                <rect class={classes!("segment", tier_tone(i, tiers.len()))} x={x(seg.lower)} y="44" width={width} height="46" />
                <text class={classes!("segment-label", small.then_some("small"))} text-anchor="middle">
                    { for lines.iter().filter(|l| !l.0.is_empty()).map(|&(line, y)| html! { <tspan x={middle.clone()} {y}>{ line }</tspan> }) }
                </text>
                if let Some(name) = below {
                    <text class="segment-label small below" x={middle.clone()} y="156" text-anchor="middle">{ name }</text>
                }
            </g>
        }
    });
    // Thresholds closer than a label's width (5 points) are written away from each other: the
    // lower one ending at its line, the higher one starting at its.
    let mut mins: Vec<Decimal> = tiers.iter().filter_map(|t| t.min).collect();
    mins.sort();
    let close = |a: Decimal, b: Decimal| (b - a).abs() < Decimal::from(5);
    let ticks = mins.iter().enumerate().map(|(k, &m)| {
        let below = k
            .checked_sub(1)
            .and_then(|j| mins.get(j))
            .is_some_and(|&l| close(l, m));
        let above = mins.get(k + 1).is_some_and(|&h| close(m, h));
        let anchor = match (below, above) {
            (false, true) => "end",
            (true, false) => "start",
            _ => "middle",
        };
        html! {
            <g>
                <line class="tick" x1={x(m)} x2={x(m)} y1="40" y2="96" />
                <text class="tick-label" x={x(m)} y="124" text-anchor={anchor}>{ num(m) }</text>
            </g>
        }
    });
    // The baseline (grey, dashed) beside the score; their numbers are written away from each
    // other, the higher one to the right of its line, so that they never overlap.
    let (score, baseline) = (
        props.score,
        props.baseline.filter(|b| Some(*b) != props.score),
    );
    let markers = [(score, baseline, false), (baseline, score, true)]
        .into_iter()
        .filter_map(|(value, other, is_baseline)| {
            let value = value?;
            let anchor = match other {
                Some(other) if value > other => "start",
                Some(_) => "end",
                None => "middle",
            };
            let at = x(value);
            Some(html! {
                <g class={classes!("marker", is_baseline.then_some("baseline"))}>
                    <line x1={at.clone()} x2={at.clone()} y1="36" y2="98" />
                    <text x={at} y="30" text-anchor={anchor}>{ value.to_string() }</text>
                </g>
            })
        });
    html! {
        <figure class="card number-line">
            <svg viewBox={if any_below { "-40 0 1080 166" } else { "-40 0 1080 132" }} role="img" aria-labelledby="number-line-title">
                <title id="number-line-title">{ s.number_line() }</title>
                { for segments }
                { for ticks }
                <text class="tick-label" x="0" y="124" text-anchor="middle">{ "0" }</text>
                <text class="tick-label" x="1000" y="124" text-anchor="middle">{ "100" }</text>
                { for markers }
            </svg>
            <figcaption>
                { s.number_line() }
                if let Some(b) = baseline { { s.colon() }{ s.baseline_mark() }{ b.to_string() } }
            </figcaption>
        </figure>
    }
}

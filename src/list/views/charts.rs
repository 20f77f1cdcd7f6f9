//! Charts of the graded list, as SVG with titles for screen readers: the tier and star
//! distributions, and a histogram of composite scores with the tier thresholds drawn.

use dingji_rules::{Decimal, Lang, Scheme};
use yew::prelude::*;

use crate::list::derive::Graded;
use crate::shared::i18n::list_strings;
use crate::shared::tier_tone;

/// Horizontal bars: one per label, the count written beside.
fn bars(id: &str, title: &str, colon: &str, items: &[(String, u64, String)]) -> Html {
    let max = items.iter().map(|(_, n, _)| *n).max().unwrap_or(0).max(1);
    let height = items.len() * 30 + 8;
    html! {
        <figure class="chart">
            <svg id={id.to_owned()} viewBox={format!("0 0 360 {height}")} role="img" aria-labelledby={format!("{id}-title")}>
                <title id={format!("{id}-title")}>{ title }</title>
                { for items.iter().enumerate().map(|(i, (label, n, class))| {
                    let y = i * 30 + 4;
                    // A column of 100 for the labels: "Fairly good" and "Three stars" fit too.
                    let w = n * 210 / max;
                    html! {
                        <g>
                            <title>{ format!("{label}{colon}{n}") }</title>
                            <text class="bar-label" x="0" y={(y + 18).to_string()}>{ label }</text>
                            <rect class={classes!("bar", class.clone())} x="100" y={y.to_string()} width={w.to_string()} height="23" />
                            <text class="bar-value" x={(106 + w).to_string()} y={(y + 18).to_string()}>{ n }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>{ title }</figcaption>
        </figure>
    }
}

fn histogram(scheme: &Scheme, graded: &Graded, lang: Lang) -> Html {
    let s = list_strings(lang);
    // Bins of 5 points from a round number below both the lowest score and the lowest threshold
    // (so that every line is drawn) up to 100; a score of 100 or more is in the last. Drawn from
    // the counts by whole point the grading kept (no decimal arithmetic per organization).
    let points = &graded.by_whole_point;
    let lowest_line = scheme
        .tiers
        .iter()
        .filter_map(|t| t.min)
        .min()
        .unwrap_or(Decimal::ZERO);
    let line_whole = i64::try_from(lowest_line.floor().mantissa()).unwrap_or(0);
    let low_whole = points
        .iter()
        .position(|&n| n > 0)
        .map_or(line_whole, |w| line_whole.min(w as i64));
    // A round number below both: ⌊low / 10⌋ × 10 − 10, at least 0, in whole numbers.
    let from_n = usize::try_from((low_whole.div_euclid(10) * 10 - 10).max(0))
        .unwrap_or(0)
        .min(90);
    let from = Decimal::from(from_n);
    let count = (100 - from_n) / 5;
    let mut bins = vec![0u64; count];
    for (whole, &n) in points.iter().enumerate() {
        let bin = (whole.saturating_sub(from_n) / 5).min(count - 1);
        if let Some(b) = bins.get_mut(bin) {
            *b += n;
        }
    }
    let max = bins.iter().copied().max().unwrap_or(0).max(1);
    let width = 400 / count;
    // (v − from) × 400 ÷ (100 − from), rounded half to even, in whole numbers: v − from =
    // m / 10^s, so x = m × 400 ÷ ((100 − from) × 10^s).
    let x_of = |v: Decimal| {
        let d = v - from;
        let num = i64::try_from(d.mantissa()).unwrap_or(0).saturating_mul(400);
        let den = i64::try_from(100 - from_n)
            .unwrap_or(1)
            .max(1)
            .saturating_mul(10i64.saturating_pow(d.scale()));
        let (q, r) = (num.div_euclid(den), num.rem_euclid(den));
        let up = match (2 * r).cmp(&den) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => q % 2 != 0,
            std::cmp::Ordering::Less => false,
        };
        (q + i64::from(up)).to_string()
    };
    let bars = bins.iter().enumerate().map(|(i, &n)| {
        let h = n * 130 / max;
        let lo = from_n + i * 5;
        html! {
            <rect class="bin" x={(i * width + 1).to_string()} y={(140 - h).to_string()} width={(width - 2).to_string()} height={h.to_string()}>
                <title>{ format!("{lo}–{}{}{n}", lo + 5, s.colon()) }</title>
            </rect>
        }
    });
    let lines = scheme.tiers.iter().filter_map(|t| t.min.map(|m| (m, t.name.get(lang)))).map(|(m, name)| {
        let x = x_of(m);
        html! {
            <g>
                <title>{ format!("{name} ≥ {}", m.normalize()) }</title>
                <line class="threshold" x1={x.clone()} x2={x.clone()} y1="0" y2="142" />
                <text class="axis" x={x} y="160" text-anchor="middle">{ m.normalize().to_string() }</text>
            </g>
        }
    });
    html! {
        <figure class="chart">
            <svg id="histogram" viewBox="-14 0 430 166" role="img" aria-labelledby="histogram-title">
                <title id="histogram-title">{ s.histogram() }</title>
                <line class="baseline" x1="0" x2="400" y1="141" y2="141" />
                { for bars }
                { for lines }
                <text class="axis" x="0" y="160" text-anchor="middle">{ from_n }</text>
                <text class="axis" x="400" y="160" text-anchor="middle">{ "100" }</text>
            </svg>
            <figcaption>{ s.histogram() }</figcaption>
        </figure>
    }
}

pub fn charts(scheme: &Scheme, graded: &Graded, lang: Lang) -> Html {
    let s = list_strings(lang);
    let total = &graded.summary.total;
    let tiers: Vec<(String, u64, String)> = scheme
        .tiers
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (
                t.name.get(lang).to_owned(),
                total.tiers.get(i).copied().unwrap_or(0),
                tier_tone(i, scheme.tiers.len()),
            )
        })
        .collect();
    let stars: Vec<(String, u64, String)> = graded
        .summary
        .star_columns
        .iter()
        .zip(&total.stars)
        .map(|(&n, &c)| (scheme.star_name(n, lang), c, format!("star-{n}")))
        .collect();
    html! {
        <section class="card charts" aria-labelledby="charts-title">
            <h2 id="charts-title">{ s.charts() }</h2>
            <div class="chart-grid">
                { bars("tier-chart", s.tier_chart(), s.colon(), &tiers) }
                if !stars.is_empty() { { bars("star-chart", s.star_chart(), s.colon(), &stars) } }
                { histogram(scheme, graded, lang) }
            </div>
        </section>
    }
}

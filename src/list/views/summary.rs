//! The 汇总表: counts and shares by category × tier and × stars, with totals (each share rounded
//! by itself, with a footnote where a row then does not add up to 100%), and what the quota rules
//! counted and moved.

use dingji_rules::summary::SummaryRow;
use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use crate::list::derive::Graded;
use crate::shared::i18n::list_strings;

fn cells(counts: &[u64], shares: &[dingji_rules::Decimal]) -> Html {
    html! {
        { for counts.iter().zip(shares).map(|(c, s)| html! { <td class="num">{ c }<span class="share">{ format!(" {s}%") }</span></td> }) }
    }
}

fn row(scheme: &Scheme, r: &SummaryRow, lang: Lang) -> Html {
    let s = list_strings(lang);
    let name = r
        .category
        .and_then(|c| scheme.categories.get(c))
        .map_or(s.total(), |c| c.name.get(lang));
    html! {
        <tr class={classes!(r.category.is_none().then_some("total"))}>
            <th scope="row">{ name }</th>
            <td class="num">{ r.count }</td>
            { cells(&r.tiers, &r.tier_shares) }
            { cells(&r.stars, &r.star_shares) }
        </tr>
    }
}

pub fn summary(scheme: &Scheme, graded: &Graded, lang: Lang) -> Html {
    let s = list_strings(lang);
    let sum = &graded.summary;
    let star_heads = sum
        .star_columns
        .iter()
        .map(|&n| html! { <th scope="col">{ scheme.star_name(n, lang) }</th> });
    html! {
        <section class="card summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{ s.summary() }</h2>
            <div class="table-wrap" tabindex="0">
                <table class="summary-table" id="summary-table">
                    <thead>
                        <tr>
                            <th scope="col">{ s.filter_category() }</th>
                            <th scope="col">{ s.count() }</th>
                            { for scheme.tiers.iter().map(|t| html! { <th scope="col">{ t.name.get(lang) }</th> }) }
                            { for star_heads }
                        </tr>
                    </thead>
                    <tbody>
                        { for sum.rows.iter().map(|r| row(scheme, r, lang)) }
                        { row(scheme, &sum.total, lang) }
                    </tbody>
                </table>
            </div>
            if sum.rounded_off {
                <p class="hint" id="summary-rounded">{ s.shares_rounded() }</p>
            }
            if !graded.list.quotas.is_empty() {
                <h3>{ s.quotas() }</h3>
                <ul id="quotas">{ for graded.list.quotas.iter().map(|q| html! { <li>{ crate::list::derive::quota_line(scheme, q, lang) }</li> }) }</ul>
            }
        </section>
    }
}

//! The 汇总表: counts and shares by category × tier and × stars, with totals (each row's shares
//! sum to 100.0%), and what the quota rules counted and moved.

use dingji_rules::fmt::pct;
use dingji_rules::list::{QuotaCount, QuotaRule};
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
        .map_or(s.total, |c| c.name.get(lang));
    html! {
        <tr class={classes!(r.category.is_none().then_some("total"))}>
            <th scope="row">{ name }</th>
            <td class="num">{ r.count }</td>
            { cells(&r.tiers, &r.tier_shares) }
            { cells(&r.stars, &r.star_shares) }
        </tr>
    }
}

/// One line per quota rule and group: "较差不少于 5%：⌈5% × 21⌉ = 2 个，原有 0 个，补入 2 个".
pub fn quota_line(scheme: &Scheme, q: &QuotaCount, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let group = q
        .category
        .and_then(|c| scheme.categories.get(c))
        .map(|c| c.name.get(lang).to_owned());
    let prefix = group.map(|g| format!("【{g}】")).unwrap_or_default();
    let (what, share, rounding) = match q.rule {
        QuotaRule::MinLowest | QuotaRule::MaxTop => {
            let (quota, tier, zh_word, en_word) = if q.rule == QuotaRule::MinLowest {
                (
                    scheme.distribution.min_lowest.as_ref(),
                    scheme.lowest_tier(),
                    "不少于",
                    "at least",
                )
            } else {
                (scheme.distribution.max_top.as_ref(), 0, "不超过", "at most")
            };
            let name = scheme.tier_name(tier, lang);
            let group = q
                .category
                .and_then(|c| scheme.categories.get(c))
                .map(|c| c.id.as_str());
            let what = if zh {
                format!("“{name}”{zh_word}")
            } else {
                format!("“{name}” {en_word}")
            };
            (
                what,
                quota.map(|x| x.share_in(group)),
                quota.map(|x| x.rounding),
            )
        }
        QuotaRule::StarCap => {
            let cap = scheme.stars.as_ref().and_then(|x| x.cap.as_ref());
            let name = cap
                .map(|c| scheme.star_name(c.stars, lang))
                .unwrap_or_default();
            (
                if zh {
                    format!("{name}不超过")
                } else {
                    format!("{name} at most")
                },
                cap.map(|c| c.share),
                cap.map(|c| c.rounding),
            )
        }
    };
    let share = share.map(pct).unwrap_or_default();
    let (l, r) = rounding.map_or(("", ""), |x| x.brackets());
    if zh {
        format!(
            "{prefix}{what} {share}：{l}{share} × {}{r} = {} 个；原有 {} 个，{} {} 个",
            q.base,
            q.limit,
            q.before,
            if q.rule == QuotaRule::MinLowest {
                "补入"
            } else {
                "调出"
            },
            q.moved
        )
    } else {
        format!(
            "{prefix}{what} {share}: {l}{share} × {}{r} = {}; {} before, {} moved",
            q.base, q.limit, q.before, q.moved
        )
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
            <h2 id="summary-title">{ s.summary }</h2>
            <div class="table-wrap">
                <table class="summary-table" id="summary-table">
                    <thead>
                        <tr>
                            <th scope="col">{ s.filter_category }</th>
                            <th scope="col">{ s.count }</th>
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
            if !graded.list.quotas.is_empty() {
                <h3>{ s.quotas }</h3>
                <ul id="quotas">{ for graded.list.quotas.iter().map(|q| html! { <li>{ quota_line(scheme, q, lang) }</li> }) }</ul>
            }
        </section>
    }
}

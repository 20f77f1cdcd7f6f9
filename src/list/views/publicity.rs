//! The 公示 page for the browser's print: a title, the date, the scheme, and the organizations by
//! tier (best first, by rank). Shown only in print; the print CSS hides everything else.

use dingji_rules::Lang;
use yew::prelude::*;

use crate::list::derive::{Graded, RowResult};
use crate::list::state::ListState;
use crate::shared::i18n::list_strings;

pub fn publicity(state: &ListState, graded: &Graded, date: &str) -> Html {
    let lang: Lang = state.lang;
    let s = list_strings(lang);
    let scheme = &state.scheme;
    // By tier, then rank (the rules' one sort: highest key first, so both negated).
    let mut keyed: Vec<(i128, usize)> = (0..state.rows.len())
        .filter_map(|i| match graded.result(i) {
            RowResult::Ok(r) => Some((-(((r.tier as i128) << 64) + r.rank as i128), i)),
            _ => None,
        })
        .collect();
    dingji_rules::list::order_by_key(&mut keyed);
    let by_rank: Vec<(usize, usize, usize)> = keyed
        .into_iter()
        .filter_map(|(_, i)| match graded.result(i) {
            RowResult::Ok(r) => Some((r.tier, r.rank, i)),
            _ => None,
        })
        .collect();
    let groups = scheme.tiers.iter().enumerate().map(|(t, tier)| {
        let names: Vec<Html> = by_rank
            .iter()
            .filter(|(tt, _, _)| *tt == t)
            .filter_map(|&(_, _, i)| {
                let RowResult::Ok(result) = graded.result(i) else { return None };
                let row = state.rows.get(i)?;
                // The category, and the stars where the scheme gives them: 第一党支部（村，五星）.
                let mut notes = vec![scheme.categories.get(result.category).map_or("", |c| c.name.get(lang)).to_owned()];
                notes.extend(result.stars.map(|n| scheme.star_name(n, lang)));
                notes.retain(|n| !n.is_empty());
                let sep = if lang == Lang::Zh { "，" } else { ", " };
                Some(html! { <li>{ &row.draft.name }<span class="note">{ format!("（{}）", notes.join(sep)) }</span></li> })
            })
            .collect();
        html! {
            <section class="publicity-tier">
                <h2>{ format!("{}（{}）", tier.name.get(lang), names.len()) }</h2>
                <ol>{ for names }</ol>
            </section>
        }
    });
    html! {
        <article class="publicity" id="publicity">
            <h1>{ s.publicity }</h1>
            <p>{ format!("{}：{date}　{}：{}", s.publicity_date, s.scheme, scheme.name.get(lang)) }</p>
            { for groups }
        </article>
    }
}

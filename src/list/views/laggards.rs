//! The organizations in the lowest tier (后进) to rectify within six to twelve months of a chosen
//! date, and the follow-up goal of each tier group (巩固提高, 比学赶超, 转化整治).

use dingji_rules::Scheme;
use yew::prelude::*;

use crate::list::derive::{Graded, LAGGARDS_LISTED, RowResult, flag_labels};
use crate::list::state::{Action, ListState};
use crate::shared::i18n::list_strings;
use crate::wire::list::add_months;

pub fn laggards(state: &ListState, graded: &Graded, dispatch: &Callback<Action>) -> Html {
    let lang = state.lang;
    let s = list_strings(lang);
    let scheme: &Scheme = &state.scheme;
    let deadline = add_months(&state.rectify_from, state.rectify_months).unwrap_or_default();
    // The rows the grading found in the lowest tier: a render reads the first hundred only.
    let (count, ref listed) = graded.lowest;
    let rows: Vec<Html> = listed
        .iter()
        .filter_map(|&i| {
            let RowResult::Ok(r) = graded.result(i) else {
                return None;
            };
            let row = state.rows.get(i)?;
            let category = scheme
                .categories
                .get(r.category)
                .map_or("", |c| c.name.get(lang));
            Some(html! {
                <tr>
                    <td>{ &row.draft.name }</td>
                    <td>{ category }</td>
                    <td class="num">{ r.rounded.to_string() }</td>
                    <td>{ flag_labels(scheme, r, lang).join(s.sentence_sep()) }</td>
                    <td>{ &deadline }</td>
                </tr>
            })
        })
        .collect();
    let from = {
        let dispatch = dispatch.clone();
        let months = state.rectify_months;
        Callback::from(move |e: Event| {
            let from = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            dispatch.emit(Action::SetRectify { from, months });
        })
    };
    let months = {
        let dispatch = dispatch.clone();
        let start = state.rectify_from.clone();
        Callback::from(move |e: Event| {
            let months = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value()
                .parse()
                .unwrap_or(6);
            dispatch.emit(Action::SetRectify {
                from: start.clone(),
                months,
            });
        })
    };
    let counts = &graded.summary.total.tiers;
    let goals = scheme.tiers.iter().enumerate().map(|(t, tier)| {
        html! {
            <tr>
                <th scope="row">{ tier.name.get(lang) }</th>
                <td class="num">{ counts.get(t).copied().unwrap_or(0) }</td>
                <td>{ tier.follow_up.get(lang) }</td>
            </tr>
        }
    });
    html! {
        <section class="card laggards" aria-labelledby="laggards-title">
            <h2 id="laggards-title">{ s.laggards() }</h2>
            <div class="inline-fields">
                <label>{ s.rectify_from() }
                    <input type="date" id="rectify-from" value={state.rectify_from.clone()} onchange={from} />
                </label>
                <label>{ s.rectify_months() }
                    <select id="rectify-months" onchange={months}>
                        { for (6..=12).map(|m| html! { <option value={m.to_string()} selected={m == state.rectify_months}>{ m }</option> }) }
                    </select>
                </label>
            </div>
            if rows.is_empty() {
                <p class="muted">{ s.no_laggards() }</p>
            } else {
                <div class="table-wrap" tabindex="0">
                    <table class="plain" id="laggards-table">
                        <thead><tr>
                            <th scope="col">{ crate::wire::columns::Col::Name.header(scheme, lang) }</th><th scope="col">{ s.filter_category() }</th>
                            <th scope="col">{ list_strings(lang).composite() }</th><th scope="col">{ s.flags() }</th>
                            <th scope="col">{ s.deadline() }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                if count > LAGGARDS_LISTED {
                    <p class="muted" id="laggards-more">
                        { crate::shared::i18n::fill(s.laggards_more(), &[&count.to_string(), &LAGGARDS_LISTED.to_string()]) }
                    </p>
                }
            }
            <table class="plain goals-table" id="follow-up">
                <thead><tr><th scope="col">{ s.tier() }</th><th scope="col">{ s.count() }</th><th scope="col">{ s.follow_up() }</th></tr></thead>
                <tbody>{ for goals }</tbody>
            </table>
        </section>
    }
}

//! This year's list under the trial against last year's, on screen.

use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use super::comparison::{SHOWN_ROWS, rows_table};
use crate::list::state::ListState;
use crate::shared::i18n::fill;
use crate::tools::strings::{ToolStrings, tool_strings};
use crate::tools::workshop::export::{Word, against, label};
use crate::tools::workshop::year::stars_direction;
use crate::tools::workshop::{LastYear, YearComparison};

/// The columns of 晋位, 降位 and 持平 by category.
const BY_CATEGORY: [Word; 4] = [
    ToolStrings::category,
    ToolStrings::up_2,
    ToolStrings::down_2,
    ToolStrings::same,
];

/// The columns of 升星, 降星 and 持平 by category, where both years give stars.
const STARS_BY_CATEGORY: [Word; 3] = [
    ToolStrings::stars_up,
    ToolStrings::stars_down,
    ToolStrings::stars_same,
];

/// The against-last-year columns after the organization's name.
const YEAR_COLUMNS: [Word; 6] = [
    ToolStrings::tier_last_year,
    ToolStrings::stars_last_year,
    ToolStrings::tier_this_year,
    ToolStrings::stars_this_year,
    ToolStrings::change,
    ToolStrings::stars_change,
];

/// This year's list (under the trial) against last year's: the summary, the matrix, the
/// organizations that moved, and the names found in only one of the two.
pub fn year_view(
    y: &YearComparison,
    last: &LastYear,
    list: &ListState,
    after: &Scheme,
    lang: Lang,
) -> Html {
    let moved = list
        .rows
        .iter()
        .zip(&y.rows)
        .filter_map(|(row, (b, a))| {
            let (b, a) = ((*b)?, (*a)?);
            // Moved in tier, or given more or fewer stars.
            let star = stars_direction(b.1, a.2);
            if a.1 == b.0 && star.is_none_or(|s| s == 2) {
                return None;
            }
            let word = against(b.0, a.1, lang);
            let t = tool_strings(lang);
            let star = star.map_or("", |s| [t.stars_up(), t.stars_down(), t.same()][s]);
            let stars = |s: Option<u8>| s.map(|s| after.star_name(s, lang)).unwrap_or_default();
            Some(html! {
                <tr>
                    <th scope="row">{ row.draft.name.clone() }</th>
                    <td>{ after.tier_name(b.0, lang) }</td><td>{ stars(b.1) }</td>
                    <td>{ after.tier_name(a.1, lang) }</td><td>{ stars(a.2) }</td>
                    <td>{ word }</td><td>{ star }</td>
                </tr>
            })
        })
        .take(SHOWN_ROWS)
        .collect::<Html>();
    let with_stars = y.stars.is_some();
    let names = |id: &str, what: &str, names: &[String]| {
        (!names.is_empty()).then(|| html! {
            <p id={id.to_owned()}>{ {
                let t = tool_strings(lang);
                let shown = names.iter().take(50).cloned().collect::<Vec<_>>().join(t.list_separator());
                fill(t.names_listed(), &[what, &names.len().to_string(), &shown])
            } }</p>
        })
    };
    html! {
        <div id="year">
            <p class="trial-summary" id="year-summary" role="status">{ y.summary(lang) }</p>
            if let Some(stars) = y.stars_summary(lang) { <p class="trial-summary" id="year-stars">{ stars }</p> }
            <table class="plain" id="year-matrix">
                <caption>{ tool_strings(lang).tiers_rows_last_year_columns() }</caption>
                <thead><tr><td></td>{ for after.tiers.iter().map(|t| html! { <th scope="col">{ t.name.get(lang) }</th> }) }</tr></thead>
                <tbody>{ for y.matrix.iter().enumerate().map(|(b, row)| html! {
                    <tr><th scope="row">{ after.tier_name(b, lang) }</th>{ for row.iter().map(|n| html! { <td>{ n }</td> }) }</tr>
                }) }</tbody>
            </table>
            <table class="plain" id="year-by-category">
                <caption>{ tool_strings(lang).by_category() }</caption>
                <thead><tr>
                    { for BY_CATEGORY.iter().chain(STARS_BY_CATEGORY.iter().filter(|_| with_stars))
                        .map(|c| html! { <th scope="col">{ label(lang, *c) }</th> }) }
                </tr></thead>
                <tbody>{ for y.by_category.iter().map(|(c, counts)| html! {
                    <tr><th scope="row">{ after.categories.get(*c).map_or("", |c| c.name.get(lang)) }</th>
                        { for counts[..if with_stars { 6 } else { 3 }].iter().map(|n| html! { <td>{ n }</td> }) }</tr>
                }) }</tbody>
            </table>
            { rows_table("year-rows", tool_strings(lang).up_and_down(),
                &[&[ToolStrings::organization as Word][..], &YEAR_COLUMNS[..]].concat(), moved, lang) }
            { for names("year-new", tool_strings(lang).not_in_last_year_s(), &y.new) }
            { for names("year-gone", tool_strings(lang).not_in_this_year_s(), &y.gone) }
            if !last.problems.is_empty() {
                <ul class="errors" id="year-problems">{ for last.problems.iter().take(50).map(|p| html! { <li>{ p.as_str() }</li> }) }</ul>
            }
        </div>
    }
}

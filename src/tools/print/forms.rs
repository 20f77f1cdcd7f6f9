//! The evaluation meeting's forms, from the scheme in use and the list: the 测评票 (one per
//! source counted from ballots, the scale's levels as boxes), the 党委评定表 (a column per source
//! the committee scores directly) and the 自评表 (one organization a page, the indicators of its
//! category with their points, 评分要点 and how they score). Each an A4 page or more for the
//! browser's print; a row never split across pages (tools.css).

use dingji_rules::fmt;
use dingji_rules::scheme::{Category, Scoring, SourceKind};
use yew::prelude::*;

use super::heading;
use crate::list::state::ListState;
use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;

/// The organizations of the list (all, or only those at `only`, in order), each with its number in the
/// list and its category: the scheme's where the row's reads as one, else as typed (its
/// indicators then the scheme's general ones), in list order.
type Organization<'a> = (usize, &'a str, Option<&'a Category>, &'a str);

fn organizations<'a>(state: &'a ListState, only: Option<&[usize]>) -> Vec<Organization<'a>> {
    let scheme = &state.scheme;
    state
        .rows
        .iter()
        .enumerate()
        .filter(|(i, _)| only.is_none_or(|o| o.binary_search(i).is_ok()))
        .map(|(i, row)| {
            let typed = row.draft.category.as_str();
            let found = scheme
                .categories
                .iter()
                .find(|x| x.id == typed || x.name.zh == typed || x.name.en == typed)
                .or_else(|| scheme.categories.first().filter(|_| typed.is_empty()));
            let shown = found.map_or(typed, |c| c.name.get(state.lang));
            (i + 1, row.draft.name.as_str(), found, shown)
        })
        .collect()
}

/// The 测评票: for each source counted from ballots, a form with every organization and a box
/// per level.
pub fn ballots(state: &ListState, only: Option<&[usize]>) -> Html {
    let (lang, scheme) = (state.lang, &state.scheme);
    let t = tool_strings(lang);
    let orgs = organizations(state, only);
    let forms: Vec<Html> = scheme
        .sources
        .iter()
        .filter_map(|source| match &source.input {
            SourceKind::Vote(scale) => Some((source, scale)),
            _ => None,
        })
        .map(|(source, scale)| {
            let title = heading(&state.publicity, t.ballot_title(), lang);
            let unknown = scale.levels.iter().find(|l| !l.valid);
            let rows = orgs.iter().map(|(n, name, _, category)| html! {
                <tr>
                    <td class="n">{ *n }</td>
                    <th scope="row">{ *name }</th>
                    <td>{ *category }</td>
                    { for scale.levels.iter().map(|_| html! { <td class="box">{ "□" }</td> }) }
                </tr>
            });
            html! {
                <section class="print-form ballot" id={format!("ballot-{}", source.id)}>
                    <h1>{ title }</h1>
                    <p class="subtitle">{ fill(t.ballot_source(), &[source.name.get(lang)]) }</p>
                    <p class="instructions">{ t.ballot_instructions() }</p>
                    if let Some(level) = unknown {
                        <p class="instructions">{ fill(t.ballot_unknown(), &[level.name.get(lang)]) }</p>
                    }
                    <table class="form-table">
                        <thead><tr>
                            <th scope="col">{ t.col_number() }</th>
                            <th scope="col">{ t.col_organization() }</th>
                            <th scope="col">{ t.category() }</th>
                            { for scale.levels.iter().map(|l| html! { <th scope="col">{ l.name.get(lang) }</th> }) }
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    <p class="sign">{ t.ballot_foot() }</p>
                </section>
            }
        })
        .collect();
    if forms.is_empty() {
        return html! { <p class="form-none" id="form-none">{ t.no_vote_source() }</p> };
    }
    html! { <>{ for forms }</> }
}

/// The 党委评定表: the list with a column per source the committee scores directly.
pub fn rating(state: &ListState, only: Option<&[usize]>) -> Html {
    let (lang, scheme) = (state.lang, &state.scheme);
    let t = tool_strings(lang);
    let direct: Vec<&str> = scheme
        .sources
        .iter()
        .filter(|s| s.input == SourceKind::Direct)
        .map(|s| s.name.get(lang))
        .collect();
    if direct.is_empty() {
        return html! { <p class="form-none" id="form-none">{ t.no_direct_source() }</p> };
    }
    let rows = organizations(state, only)
        .into_iter()
        .map(|(n, name, _, category)| {
            html! {
                <tr>
                    <td class="n">{ n }</td>
                    <th scope="row">{ name }</th>
                    <td>{ category }</td>
                    { for direct.iter().map(|_| html! { <td class="write"></td> }) }
                    <td class="write"></td>
                </tr>
            }
        });
    html! {
        <section class="print-form rating" id="rating">
            <h1>{ heading(&state.publicity, t.rating_title(), lang) }</h1>
            <p class="instructions">{ fill(t.rating_instructions(), &[&fmt::num(scheme.max_score())]) }</p>
            <table class="form-table">
                <thead><tr>
                    <th scope="col">{ t.col_number() }</th>
                    <th scope="col">{ t.col_organization() }</th>
                    <th scope="col">{ t.category() }</th>
                    { for direct.iter().map(|d| html! { <th scope="col">{ *d }</th> }) }
                    <th scope="col">{ t.col_remarks() }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="sign">{ t.rating_foot() }</p>
        </section>
    }
}

/// The 自评表: one organization a page, each indicator of its category with its points, 评分要点
/// and how it scores, a column to write the score in, the bonus items' cap and the total.
pub fn self_checks(state: &ListState, only: Option<&[usize]>) -> Html {
    let (lang, scheme) = (state.lang, &state.scheme);
    let t = tool_strings(lang);
    if !scheme
        .sources
        .iter()
        .any(|s| s.input == SourceKind::Indicators)
    {
        return html! { <p class="form-none" id="form-none">{ t.no_indicator_source() }</p> };
    }
    let title = heading(&state.publicity, t.self_check_title(), lang);
    let pages = organizations(state, only)
        .into_iter()
        .map(|(n, name, found, category)| {
            let indicators = scheme.indicators_for(found.map_or("", |c| c.id.as_str()));
            let rows = indicators.iter().map(|x| {
                let how = match (x.bonus, x.scoring) {
                    (true, _) => t.scoring_bonus(),
                    (false, Scoring::Deduct) => t.scoring_deduct(),
                    (false, _) => t.scoring_add(),
                };
                html! {
                    <tr>
                        <th scope="row">{ x.name.get(lang) }</th>
                        <td class="n">{ fmt::num(x.max) }</td>
                        <td class="guide">{ x.points.get(lang) }</td>
                        <td>{ how }</td>
                        <td class="write"></td>
                    </tr>
                }
            });
            let cap = scheme
                .bonus_cap
                .filter(|_| indicators.iter().any(|x| x.bonus))
                .map(|c| fill(t.bonus_items_cap(), &[&fmt::num(c)]));
            html! {
                <section class="print-form self-check" id={format!("self-check-{n}")}>
                    <h1>{ title.clone() }</h1>
                    <p class="subtitle">{ fill(t.self_check_org(), &[name, category]) }</p>
                    <table class="form-table">
                        <thead><tr>
                            <th scope="col">{ t.col_indicator() }</th>
                            <th scope="col">{ t.col_points() }</th>
                            <th scope="col">{ t.col_guide() }</th>
                            <th scope="col">{ t.col_scoring() }</th>
                            <th scope="col">{ t.col_own_score() }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                        <tfoot><tr>
                            <th scope="row" colspan="4">{ t.total_of_100() }</th>
                            <td class="write"></td>
                        </tr></tfoot>
                    </table>
                    if let Some(cap) = cap { <p class="instructions">{ cap }</p> }
                    <p class="sign">{ t.self_check_foot() }</p>
                </section>
            }
        });
    html! { <>{ for pages }</> }
}

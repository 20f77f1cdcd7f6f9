//! What a trial changes, on screen: over a list, the summary line, the tier transition matrix,
//! the 汇总表 and the quota lines before and after, and each organization before and after; over
//! the calculator, its one organization now and under the trial.

use std::rc::Rc;

use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use crate::list::derive::{Graded, quota_line};
use crate::list::state::ListState;
use crate::shared::i18n::fill;
use crate::tools::strings::{ToolStrings, tool_strings};
use crate::tools::workshop::export::{TRIAL_COLUMNS, Word, label, shown, trial_cells, with_stars};
use crate::tools::workshop::{Calculator, Comparison, Outcome, Tried};

/// The most rows the before-and-after table shows (the matrix and the summary count them all).
pub const SHOWN_ROWS: usize = 200;

/// A table of rows in a region that scrolls sideways on its own, headed by `columns`.
pub fn rows_table(
    id: &'static str,
    region: &'static str,
    columns: &[Word],
    rows: Html,
    lang: Lang,
) -> Html {
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={region}>
            <table class="plain" {id}>
                <thead><tr>{ for columns.iter().map(|c| html! { <th scope="col">{ label(lang, *c) }</th> }) }</tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

/// The calculator's organization (row 0 of `list`) under `scheme`: its entries read again where
/// the scheme reads them otherwise, then evaluated alone (the quota rules are a list's).
fn one_outcome(draft: &dingji_rules::draft::OrgDraft, scheme: &Scheme) -> Outcome {
    let org = draft.parse(scheme).ok()?;
    let r = dingji_rules::evaluate(scheme, &org).ok()?;
    Some((r.rounded, r.tier, r.stars))
}

/// The calculator's organization now and under the trial, side by side: its entries carried to
/// the trial by what they mean (a ballot count by its level's name, never by its place), and
/// what the trial has no place for named.
pub fn one_view(list: &ListState, calculator: &Calculator, after: &Rc<Scheme>, lang: Lang) -> Html {
    let draft = list
        .rows
        .first()
        .map(|r| r.draft.clone())
        .unwrap_or_default();
    let (carried, left_out) =
        dingji_rules::carry::carry(&draft, &list.scheme, &calculator.unused, after);
    let before = one_outcome(&draft, &list.scheme);
    let now = one_outcome(&carried, after);
    let (bc, bt, bs) = shown(&before, &list.scheme, lang);
    let (ac, at, as_) = shown(&now, after, lang);
    let changed = before.map(|b| (b.1, b.2)) != now.map(|a| (a.1, a.2));
    let said = match (now, changed) {
        (None, _) => tool_strings(lang).the_organization_s_entries_are(),
        (Some(_), true) => tool_strings(lang).the_organization_s_tier_or(),
        (Some(_), false) => tool_strings(lang).the_organization_s_tier_and(),
    };
    let left_out = (!left_out.is_empty()).then(|| {
        let items: Vec<String> = left_out.iter().map(|u| crate::shared::i18n::unused_line(u, lang)).collect();
        let sep = tool_strings(lang).items_separator();
        html! {
            <p id="trial-left-out">{ tool_strings(lang).no_place_in_the_trial() }{ items.join(sep) }</p>
        }
    });
    let stars = with_stars(&list.scheme, after);
    let mut columns: Vec<Word> = vec![
        ToolStrings::scheme,
        ToolStrings::composite,
        ToolStrings::tier,
    ];
    if stars {
        columns.push(ToolStrings::stars_2);
    }
    let rows = html! {
        <>
            <tr><th scope="row">{ tool_strings(lang).now() }</th><td class="num">{ bc }</td><td>{ bt }</td>
                if stars { <td>{ bs }</td> }</tr>
            <tr class={classes!(changed.then_some("changed"))}><th scope="row">{ tool_strings(lang).trial() }</th><td class="num">{ ac }</td><td>{ at }</td>
                if stars { <td>{ as_ }</td> }</tr>
        </>
    };
    html! {
        <>
            <p class="trial-summary" id="trial-summary" role="status">{ said }</p>
            { rows_table("trial-one", tool_strings(lang).before_and_after(), &columns, rows, lang) }
            if let Some(p) = left_out { { p } }
        </>
    }
}

/// The tier transition matrix: how many organizations go from each tier before to each after.
fn matrix(c: &Comparison, before: &Scheme, after: &Scheme, lang: Lang) -> Html {
    html! {
        <table class="plain" id="transition-matrix">
            <caption>{ tool_strings(lang).tiers_rows_before_columns_after() }</caption>
            <thead><tr>
                <td></td>
                { for after.tiers.iter().map(|t| html! { <th scope="col">{ t.name.get(lang) }</th> }) }
            </tr></thead>
            <tbody>
                { for c.matrix.iter().enumerate().map(|(b, row)| html! {
                    <tr>
                        <th scope="row">{ before.tier_name(b, lang) }</th>
                        { for row.iter().enumerate().map(|(a, n)| html! {
                            <td class={classes!((a != b && *n > 0).then_some("moved"))}>{ n }</td>
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The 汇总表 before and after, in one table: each category's count per tier of the trial's scheme,
/// "3 → 2" where it changed (a tier is compared with the one of the same name before).
fn summary_view(
    before_scheme: &Scheme,
    before: &Graded,
    after_scheme: &Scheme,
    after: &Graded,
    lang: Lang,
) -> Html {
    let (b, a) = (&before.summary, &after.summary);
    let rows = a.rows.iter().chain(std::iter::once(&a.total)).map(|row| {
        let was = match row.category {
            None => Some(&b.total),
            Some(c) => {
                let id = after_scheme.categories.get(c).map(|x| x.id.as_str());
                b.rows.iter().find(|r| {
                    r.category
                        .and_then(|k| before_scheme.categories.get(k))
                        .map(|x| x.id.as_str())
                        == id
                })
            }
        };
        let name = row
            .category
            .and_then(|c| after_scheme.categories.get(c))
            .map_or(tool_strings(lang).total(), |c| c.name.get(lang));
        let cell = |now: u64, then: Option<u64>| match then {
            Some(t) if t != now => html! { <td class="moved">{ format!("{t} → {now}") }</td> },
            _ => html! { <td>{ now }</td> },
        };
        let tier_then = |t: usize| {
            let name = &after_scheme.tiers.get(t)?.name.zh;
            let k = before_scheme
                .tiers
                .iter()
                .position(|x| &x.name.zh == name)?;
            Some(was.map_or(0, |w| w.tiers.get(k).copied().unwrap_or(0)))
        };
        html! {
            <tr>
                <th scope="row">{ name }</th>
                { cell(row.count, Some(was.map_or(0, |w| w.count))) }
                { for row.tiers.iter().enumerate().map(|(t, n)| cell(*n, tier_then(t))) }
            </tr>
        }
    });
    html! {
        <table class="plain" id="trial-summary-table">
            <caption>{ tool_strings(lang).summary_before_after() }</caption>
            <thead><tr>
                <th scope="col">{ tool_strings(lang).category() }</th>
                <th scope="col">{ tool_strings(lang).count() }</th>
                { for after_scheme.tiers.iter().map(|t| html! { <th scope="col">{ t.name.get(lang) }</th> }) }
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// What the trial changes in the list: the summary line, the matrix, the 汇总表 and the quota
/// lines before and after, and the organizations before and after (only those that change, as
/// `only_changed` says; the first [`SHOWN_ROWS`] of them).
pub fn list_view(
    list: &ListState,
    before: &Graded,
    tried: &Tried,
    only_changed: bool,
    on_only_changed: Callback<bool>,
    lang: Lang,
) -> Html {
    let Tried {
        scheme: after,
        comparison: c,
        graded: after_graded,
    } = tried;
    let stars = with_stars(&list.scheme, after);
    let listed = (0..list.rows.len())
        .filter(|i| !only_changed || c.changed(*i))
        .count();
    let rows = list
        .rows
        .iter()
        .enumerate()
        .filter(|(i, _)| !only_changed || c.changed(*i))
        .take(SHOWN_ROWS)
        .map(|(i, row)| {
            let (b, a) = c.rows.get(i).cloned().unwrap_or((None, None));
            let (bc, bt, bs) = shown(&b, &list.scheme, lang);
            let (ac, at, as_) = shown(&a, after, lang);
            html! {
                <tr class={classes!(c.changed(i).then_some("changed"))}>
                    <th scope="row">{ row.draft.name.clone() }</th>
                    <td class="num">{ bc }</td><td>{ bt }</td>
                    if stars { <td>{ bs }</td> }
                    <td class="num">{ ac }</td><td>{ at }</td>
                    if stars { <td>{ as_ }</td> }
                </tr>
            }
        })
        .collect::<Html>();
    let quotas = |id: &'static str, scheme: &Scheme, graded: &Graded| {
        html! {
            <ul {id}>{ for graded.list.quotas.iter().map(|q| html! { <li>{ quota_line(scheme, q, lang) }</li> }) }</ul>
        }
    };
    let toggle = on_only_changed.reform(move |_: Event| !only_changed);
    html! {
        <>
            <p class="trial-summary" id="trial-summary" role="status">{ c.summary(lang) }</p>
            { matrix(c, &list.scheme, after, lang) }
            { summary_view(&list.scheme, before, after, after_graded, lang) }
            <div class="trial-quotas">
                <div><h4>{ tool_strings(lang).quotas_before() }</h4>{ quotas("quotas-before", &list.scheme, before) }</div>
                <div><h4>{ tool_strings(lang).quotas_after() }</h4>{ quotas("quotas-after", after, after_graded) }</div>
            </div>
            <label class="check"><input type="checkbox" id="trial-only-changed" checked={only_changed} onchange={toggle} />
                { tool_strings(lang).changed_only() }</label>
            { rows_table("trial-rows", tool_strings(lang).before_and_after(),
                &trial_cells(TRIAL_COLUMNS.to_vec(), stars), rows, lang) }
            if listed > SHOWN_ROWS {
                <p id="trial-more">{ fill(tool_strings(lang).rows_listed_first(), &[&SHOWN_ROWS.to_string(), &listed.to_string()]) }</p>
            }
        </>
    }
}

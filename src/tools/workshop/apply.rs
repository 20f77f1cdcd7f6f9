//! A scheme applied to a list, its consequences shown first: the rows whose category the scheme
//! lacks (each word mapped to one of its categories, as on import), the entries it will not use
//! (a source, an indicator, a ballot level it does not have; ballots read by level in order where
//! the levels are named otherwise), and how many organizations will grade. Nothing is dropped
//! from the list: the entries not used stay in it (and in the saved list), and 撤销 on the list
//! page takes the applied scheme back.

use dingji_rules::scheme::SourceKind;
use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use crate::list::state::{ListState, Row};
use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;

/// Each category word of a list that a scheme lacks, with the category (id) of the scheme it is
/// read as.
pub type CategoryMapping = Vec<(String, String)>;

/// What applying a scheme to a list does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Consequences {
    /// Each category word of the list that the scheme lacks, with how many rows have it.
    pub categories: Vec<(String, usize)>,
    /// Sentences naming each entry the scheme will not use, or reads otherwise.
    pub unused: Vec<String>,
    /// How many organizations will grade under the scheme, of how many.
    pub grading: usize,
    pub total: usize,
}

impl Consequences {
    /// Whether applying changes anything but the grading: then it is confirmed first.
    pub fn ask(&self) -> bool {
        !self.categories.is_empty() || !self.unused.is_empty()
    }
}

/// Whether `category` (an id or a Chinese name) is one of `scheme`'s.
fn known(scheme: &Scheme, category: &str) -> bool {
    category.is_empty()
        || scheme
            .categories
            .iter()
            .any(|c| c.id == category || c.name.zh == category)
}

/// The list with each row's category word mapped (`mapping`: word → category id of the new
/// scheme); rows read again under their own scheme (the page applies the scheme after).
pub fn recategorized(list: &ListState, mapping: &[(String, String)]) -> ListState {
    let rows = list
        .rows
        .iter()
        .map(
            |r| match mapping.iter().find(|(w, _)| *w == r.draft.category) {
                Some((_, id)) => {
                    let mut draft = r.draft.clone();
                    draft.category.clone_from(id);
                    std::rc::Rc::new(Row::new(r.id, draft, &list.scheme))
                }
                None => r.clone(),
            },
        )
        .collect();
    ListState {
        rows: std::rc::Rc::new(rows),
        ..list.clone()
    }
}

/// What applying `scheme` to `list` does, with the category words mapped as `mapping` says.
pub fn consequences(
    list: &ListState,
    scheme: &Scheme,
    mapping: &[(String, String)],
    lang: Lang,
) -> Consequences {
    let t = tool_strings(lang);
    let mut out = Consequences {
        total: list.rows.len(),
        ..Consequences::default()
    };
    for row in list.rows.iter() {
        let word = &row.draft.category;
        // Every word the scheme lacks, mapped or not: the mapping is shown with it.
        if known(scheme, word) {
            continue;
        }
        match out.categories.iter_mut().find(|(w, _)| w == word) {
            Some((_, n)) => *n += 1,
            None => out.categories.push((word.clone(), 1)),
        }
    }
    // Entries by source: in rows that have them.
    let rows_with = |test: &dyn Fn(&Row) -> bool| list.rows.iter().filter(|r| test(r)).count();
    for source in &list.scheme.sources {
        let id = &source.id;
        let filled = |r: &Row| {
            r.draft.source(id).is_some_and(|s| {
                !s.score.trim().is_empty()
                    || s.counts.iter().any(|c| !c.trim().is_empty())
                    || s.indicators.iter().any(|(_, v)| !v.trim().is_empty())
            })
        };
        let name = source.name.get(lang);
        let Some((_, new)) = scheme.source(id) else {
            let n = rows_with(&filled);
            if n > 0 {
                out.unused
                    .push(fill(t.apply_no_source(), &[name, &n.to_string()]));
            }
            continue;
        };
        match (&source.input, &new.input) {
            (SourceKind::Vote(old), SourceKind::Vote(scale)) => {
                let names = |s: &dingji_rules::scheme::VoteScale| -> Vec<String> {
                    s.levels
                        .iter()
                        .map(|l| l.name.get(lang).to_owned())
                        .collect()
                };
                let (before, after) = (names(old), names(scale));
                let any_count = list.rows.iter().any(|r| {
                    r.draft
                        .source(id)
                        .is_some_and(|s| s.counts.iter().any(|c| !c.trim().is_empty()))
                });
                // Entered as a score, or no ballot typed: nothing read by level.
                if before == after || !any_count {
                    continue;
                }
                let counted = |l: usize| {
                    rows_with(&|r: &Row| {
                        r.draft
                            .source(id)
                            .and_then(|s| s.counts.get(l))
                            .is_some_and(|c| !c.trim().is_empty())
                    })
                };
                let read: Vec<String> = before
                    .iter()
                    .zip(&after)
                    .map(|(b, a)| format!("{b}→{a}"))
                    .collect();
                let dropped: Vec<&String> = before
                    .iter()
                    .enumerate()
                    .skip(after.len())
                    .filter(|(l, _)| counted(*l) > 0)
                    .map(|(_, b)| b)
                    .collect();
                let read = read.join(t.list_separator());
                out.unused.push(if dropped.is_empty() {
                    fill(t.apply_ballots_in_order(), &[name, &read])
                } else {
                    let dropped: Vec<&str> = dropped.iter().map(|d| d.as_str()).collect();
                    let dropped = dropped.join(t.quoted_names_separator());
                    fill(t.apply_ballots_dropped(), &[name, &read, &dropped])
                });
            }
            (SourceKind::Indicators, SourceKind::Indicators) => {
                let indicators = |s: &Scheme| -> Vec<(String, String)> {
                    s.categories
                        .iter()
                        .flat_map(|c| s.indicators_for(&c.id))
                        .map(|x| (x.id.clone(), x.name.get(lang).to_owned()))
                        .collect()
                };
                let kept = indicators(scheme);
                let mut gone: Vec<String> = Vec::new();
                for (x, xname) in indicators(&list.scheme) {
                    if kept.iter().any(|(k, _)| *k == x) || gone.contains(&xname) {
                        continue;
                    }
                    let n = rows_with(&|r: &Row| {
                        r.draft.source(id).is_some_and(|s| {
                            s.indicators
                                .iter()
                                .any(|(k, v)| *k == x && !v.trim().is_empty())
                        })
                    });
                    if n > 0 {
                        gone.push(xname);
                    }
                }
                if !gone.is_empty() {
                    let gone = gone.join(t.quoted_names_separator());
                    out.unused
                        .push(fill(t.apply_no_indicator(), &[name, &gone]));
                }
            }
            _ => {}
        }
    }
    // Graded as the list page will: each source in the form it takes under the scheme.
    let modes = crate::list::rescheme::modes_under(&list.modes, &list.scheme, scheme);
    let recategorized = recategorized(list, mapping);
    out.grading = recategorized
        .rows
        .iter()
        .filter(|r| {
            let mut draft = r.draft.clone();
            for (source, mode) in &modes {
                draft.source_mut(scheme, source).mode = *mode;
            }
            Row::new(r.id, draft, scheme).parsed.is_ok()
        })
        .count();
    out
}

/// The confirmation shown before a scheme that changes more than the grading is applied: what
/// it does, a category to choose for each word the scheme lacks, 确认应用 and 返回.
pub fn confirm_view(
    scheme: &Scheme,
    c: &Consequences,
    mapping: &[(String, String)],
    lang: Lang,
    on_map: Callback<(String, String)>,
    on_confirm: Callback<MouseEvent>,
    on_back: Callback<MouseEvent>,
) -> Html {
    let t = tool_strings(lang);
    let words = c.categories.iter().enumerate().map(|(k, (word, n))| {
        let onchange = {
            let (on_map, word) = (on_map.clone(), word.clone());
            Callback::from(move |e: Event| {
                let id = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                on_map.emit((word.clone(), id));
            })
        };
        let chosen = mapping.iter().find(|(w, _)| w == word).map(|(_, id)| id.as_str());
        let label = fill(t.apply_category_missing(), &[word, &n.to_string()]);
        html! {
            <label class="mapping">
                <span>{ label }</span>
                <select id={format!("apply-cat-{k}")} {onchange}>
                    <option value="" selected={chosen.is_none()}>{ tool_strings(lang).choose_one() }</option>
                    { for scheme.categories.iter().map(|cat| html! {
                        <option value={cat.id.clone()} selected={chosen == Some(cat.id.as_str())}>{ cat.name.get(lang) }</option>
                    }) }
                </select>
            </label>
        }
    });
    let waiting = c.total - c.grading;
    let waiting_said = if waiting > 0 {
        fill(t.apply_waiting(), &[&waiting.to_string()])
    } else {
        String::new()
    };
    html! {
        <div class="card confirm" role="alertdialog" aria-labelledby="apply-confirm-title" id="apply-confirm">
            <p id="apply-confirm-title"><strong>{ tool_strings(lang).before_it_is_applied_to() }</strong></p>
            <ul id="apply-unused">{ for c.unused.iter().map(|u| html! { <li>{ u.as_str() }</li> }) }</ul>
            <div class="mappings">{ for words }</div>
            <p id="apply-grading">{ fill(t.apply_grading(), &[&c.total.to_string(), &c.grading.to_string(), &waiting_said]) }</p>
            <div class="buttons">
                <button type="button" id="apply-confirm-yes" class="primary" onclick={on_confirm}>{ tool_strings(lang).apply() }</button>
                <button type="button" id="apply-confirm-back" onclick={on_back}>{ tool_strings(lang).go_back() }</button>
            </div>
        </div>
    }
}

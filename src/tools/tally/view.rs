//! The tally over the list: the organization and source, the tellers, a large button per level
//! (each with its key), the running counts of both passes, the participation rule, where the
//! passes differ, and the 计票记录 for print.

use std::rc::Rc;

use dingji_rules::draft::Mode;
use dingji_rules::map;
use dingji_rules::scheme::SourceKind;
use yew::prelude::*;

use super::{Action, Ballot, Outcome, STORAGE_KEY, Tally, keys, participation, scale};
use crate::list::state::ListState;
use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;

#[derive(Properties, PartialEq)]
pub struct TallyProps {
    pub list: Rc<ListState>,
    /// Closed: with the list after the counts were sent into it (saved-list text), or nothing.
    pub on_close: Callback<Option<String>>,
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The vote sources of the list's scheme: (id, name).
fn vote_sources(list: &ListState) -> Vec<(String, String)> {
    list.scheme
        .sources
        .iter()
        .filter(|s| matches!(s.input, SourceKind::Vote(_)))
        .map(|s| (s.id.clone(), s.name.get(list.lang).to_owned()))
        .collect()
}

/// A fresh tally of the organization at `row` for `source`, its eligible number as the row has it.
fn fresh(list: &ListState, row: usize, source: &str) -> Tally {
    let draft = list.rows.get(row).map(|r| &r.draft);
    let eligible = draft
        .and_then(|d| map::get(&d.inputs, source))
        .map_or("", |e| e.eligible.as_str());
    Tally::new(row, draft.map_or("", |d| d.name.as_str()), source, eligible)
}

/// The saved tally where it is still about this list (the same name at its place, a source of the
/// scheme), else a fresh one; a saved tally that does not read is kept aside, never lost.
fn resume(list: &ListState) -> (Tally, bool) {
    let first = vote_sources(list)
        .first()
        .map(|(id, _)| id.clone())
        .unwrap_or_default();
    let saved = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let Some(text) = saved else {
        return (fresh(list, 0, &first), false);
    };
    match Tally::from_text(&text) {
        Ok(t)
            if list.rows.get(t.row).is_some_and(|r| r.draft.name == t.name)
                && scale(&list.scheme, &t.source).is_some() =>
        {
            (t, false)
        }
        Ok(_) => (fresh(list, 0, &first), false),
        Err(_) => {
            let kept = crate::shared::keep_aside(storage().as_ref(), STORAGE_KEY, &text);
            (fresh(list, 0, &first), kept)
        }
    }
}

#[component]
pub fn TallyDialog(props: &TallyProps) -> Html {
    let list = &props.list;
    let lang = list.lang;
    let t = tool_strings(lang);
    let started = use_state(|| resume(list));
    let tally = use_state(|| started.0.clone());
    let clearing = use_state(|| false);
    let dialog = crate::shared::use_focus_on_open();
    // Saved as it goes.
    use_effect_with((*tally).clone(), |tally| {
        if let Some(s) = storage() {
            let _ = s.set_item(STORAGE_KEY, &tally.to_text());
        }
    });
    // While it is open, printing prints only the 计票记录.
    crate::tools::print::use_prints_alone();
    let sources = vote_sources(list);
    let Some(vote) = scale(&list.scheme, &tally.source) else {
        let close = props.on_close.reform(|_: MouseEvent| None);
        return html! {
            <section class="card dialog tally" role="dialog" aria-modal="true" aria-labelledby="tally-title" id="tally" ref={dialog} tabindex="-1">
                <h2 id="tally-title">{ t.tally_title() }</h2>
                <p id="tally-none">{ t.tally_no_vote_source() }</p>
                <button type="button" id="tally-close" onclick={close}>{ t.close() }</button>
            </section>
        };
    };
    let levels = vote.levels.len();
    let key_of = keys(vote);
    let act = {
        let tally = tally.clone();
        Callback::from(move |a: Action| {
            let mut next = (*tally).clone();
            next.apply(a);
            tally.set(next);
        })
    };
    let on_key = {
        let (act, key_of, close) = (act.clone(), key_of.clone(), props.on_close.clone());
        Callback::from(move |e: KeyboardEvent| {
            let typing = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                });
            let key = e.key();
            if key == "Escape" {
                close.emit(None);
                return;
            }
            if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let ballot = match key.as_str() {
                "Backspace" => {
                    e.prevent_default();
                    return act.emit(Action::TakeBack);
                }
                "x" | "X" => Some(Ballot::Void),
                k => {
                    let c = k.chars().next().filter(|_| k.chars().count() == 1);
                    key_of
                        .iter()
                        .position(|x| x.is_some() && *x == c)
                        .map(Ballot::Level)
                }
            };
            if let Some(b) = ballot {
                e.prevent_default();
                act.emit(Action::Ballot(b));
            }
        })
    };
    let counts = [0, 1].map(|p| tally.passes[p].counts(levels));
    let second = tally.current == 1 || !tally.passes[1].ballots.is_empty();
    let outcome = tally.outcome(levels);
    // Where the passes differ, shown while they do (a choice made keeps them shown).
    let differ = match tally.passes_differ() {
        true => super::differing(&counts[0], &counts[1]),
        false => Vec::new(),
    };
    let now = &counts[tally.current];
    let eligible = tally.eligible.trim();
    let rule = participation(vote, eligible, now.cast()).map(|(needed, short)| {
        let n = |x: u64| x.to_string();
        match short {
            0 => fill(
                t.tally_participation_met(),
                &[&now.cast().to_string(), eligible, &n(needed)],
            ),
            s => fill(
                t.tally_participation_short(),
                &[&now.cast().to_string(), eligible, &n(needed), &n(s)],
            ),
        }
    });
    let buttons = vote.levels.iter().enumerate().map(|(l, level)| {
        let key = key_of[l].map(String::from).unwrap_or_default();
        html! {
            <button type="button" class="tally-key" id={format!("tally-level-{l}")}
                onclick={act.reform(move |_: MouseEvent| Action::Ballot(Ballot::Level(l)))}>
                if !key.is_empty() { <kbd>{ key }</kbd> }
                <span>{ level.name.get(lang) }</span>
                <span class="tally-count">{ now.levels[l] }</span>
            </button>
        }
    });
    let rows = vote.levels.iter().enumerate().map(|(l, level)| {
        let class = classes!(differ.contains(&l).then_some("differ"));
        html! {
            <tr {class}>
                <th scope="row">{ level.name.get(lang) }</th>
                <td id={format!("tally-count-0-{l}")}>{ counts[0].levels[l] }</td>
                if second { <td id={format!("tally-count-1-{l}")}>{ counts[1].levels[l] }</td> }
            </tr>
        }
    });
    let void_row = html! {
        <tr class={classes!(differ.contains(&usize::MAX).then_some("differ"))}>
            <th scope="row">{ t.tally_void() }</th>
            <td id="tally-void-0">{ counts[0].void }</td>
            if second { <td id="tally-void-1">{ counts[1].void }</td> }
        </tr>
    };
    let teller = |p: usize| {
        let on = act.reform(move |e: InputEvent| {
            Action::SetTeller(
                p,
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        });
        let label = if p == 0 {
            t.tally_teller_first()
        } else {
            t.tally_teller_second()
        };
        let id = format!("tally-teller-{p}");
        html! {
            <label class="word" for={id.clone()}>
                <span>{ label }</span>
                <input {id} type="text" value={tally.passes[p].teller.clone()} oninput={on} />
            </label>
        }
    };
    let choose_org = {
        let (tally, list) = (tally.clone(), list.clone());
        Callback::from(move |e: Event| {
            let row = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .selected_index();
            let row = usize::try_from(row).unwrap_or(0);
            tally.set(fresh(&list, row, &tally.source));
        })
    };
    let choose_source = {
        let (tally, list) = (tally.clone(), list.clone());
        Callback::from(move |e: Event| {
            let source = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            tally.set(fresh(&list, tally.row, &source));
        })
    };
    let counting = !tally.passes[0].ballots.is_empty() || !tally.passes[1].ballots.is_empty();
    let clear = {
        let (tally, list, clearing) = (tally.clone(), list.clone(), clearing.clone());
        Callback::from(move |_: MouseEvent| {
            if *clearing {
                tally.set(fresh(&list, tally.row, &tally.source));
            }
            clearing.set(!*clearing);
        })
    };
    // Sent into the row as the list's one step; refused where the list takes this source as a score.
    let by_votes = map::get(&list.modes, &tally.source).is_none_or(|m| *m == Mode::Votes);
    let send = {
        let (tally, list, on_close) = (tally.clone(), list.clone(), props.on_close.clone());
        let kept = match &outcome {
            Outcome::Kept(c) if c.cast() + c.void > 0 && by_votes => Some(c.clone()),
            _ => None,
        };
        kept.map(|c| {
            Callback::from(move |_: MouseEvent| {
                let mut next = (*list).clone();
                let mut rows = (*next.rows).clone();
                if let Some(row) = rows.get_mut(tally.row) {
                    let mut r = (**row).clone();
                    let entry = map::entry(&mut r.draft.inputs, &tally.source);
                    entry.counts = c.levels.iter().map(usize::to_string).collect();
                    entry.eligible = tally.eligible.trim().to_owned();
                    *row = Rc::new(r);
                }
                next.rows = Rc::new(rows);
                on_close.emit(Some(crate::list::persist::to_text(&next)));
            })
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let source_name = sources
        .iter()
        .find(|(id, _)| *id == tally.source)
        .map_or("", |(_, n)| n.as_str());
    let record_rows = vote.levels.iter().enumerate().map(|(l, level)| {
        html! {
            <tr><th scope="row">{ level.name.get(lang) }</th><td>{ counts[0].levels[l] }</td>
                if second { <td>{ counts[1].levels[l] }</td> }</tr>
        }
    });
    html! {
        <section class="card dialog tally" role="dialog" aria-modal="true" aria-labelledby="tally-title"
            id="tally" tabindex="-1" ref={dialog} onkeydown={on_key}>
            <div class="panel-head no-print">
                <h2 id="tally-title">{ t.tally_title() }</h2>
                <div class="buttons">
                    <button type="button" id="tally-print" onclick={print}>{ t.tally_print() }</button>
                    <button type="button" id="tally-close" onclick={props.on_close.reform(|_: MouseEvent| None)}>{ t.close() }</button>
                </div>
            </div>
            if started.1 { <p class="notice no-print" role="status" id="tally-kept-aside">{ t.tally_kept_aside() }</p> }
            <div class="no-print tally-setup">
                <label class="word" for="tally-org">
                    <span>{ t.col_organization() }</span>
                    <select id="tally-org" onchange={choose_org} disabled={counting}>
                        { for list.rows.iter().enumerate().map(|(i, r)| html! {
                            <option selected={i == tally.row}>{ format!("{} {}", i + 1, r.draft.name) }</option>
                        }) }
                    </select>
                </label>
                if sources.len() > 1 {
                    <label class="word" for="tally-source">
                        <span>{ t.section_sources() }</span>
                        <select id="tally-source" onchange={choose_source} disabled={counting}>
                            { for sources.iter().map(|(id, name)| html! {
                                <option value={id.clone()} selected={*id == tally.source}>{ name.clone() }</option>
                            }) }
                        </select>
                    </label>
                }
                <label class="word" for="tally-eligible">
                    <span>{ t.tally_eligible() }</span>
                    <input id="tally-eligible" type="text" inputmode="numeric" value={tally.eligible.clone()}
                        oninput={act.reform(|e: InputEvent| Action::SetEligible(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))} />
                </label>
                { teller(0) }
                { teller(1) }
                <fieldset class="tally-pass">
                    <legend>{ t.tally_counting() }</legend>
                    { for [0usize, 1].into_iter().map(|p| html! {
                        <label class="check">
                            <input type="radio" name="tally-pass" id={format!("tally-pass-{p}")} checked={tally.current == p}
                                onchange={act.reform(move |_: Event| Action::Count(p))} />
                            { if p == 0 { t.tally_pass_first() } else { t.tally_pass_second() } }
                        </label>
                    }) }
                </fieldset>
                if counting {
                    <button type="button" id="tally-clear" onclick={clear}>
                        { if *clearing { t.tally_clear_confirm() } else { t.tally_clear() } }
                    </button>
                }
            </div>
            <p class="no-print tally-how">{ t.tally_how() }</p>
            <div class="no-print tally-keys">
                { for buttons }
                <button type="button" class="tally-key void" id="tally-void" onclick={act.reform(|_: MouseEvent| Action::Ballot(Ballot::Void))}>
                    <kbd>{ "X" }</kbd><span>{ t.tally_void() }</span><span class="tally-count">{ now.void }</span>
                </button>
                <button type="button" class="tally-key back" id="tally-back" onclick={act.reform(|_: MouseEvent| Action::TakeBack)}>
                    <kbd>{ "⌫" }</kbd><span>{ t.tally_take_back() }</span>
                </button>
            </div>
            <div class="no-print tally-counts">
                <table class="form-table">
                    <thead><tr>
                        <th scope="col">{ t.tally_level() }</th>
                        <th scope="col">{ t.tally_pass_first() }</th>
                        if second { <th scope="col">{ t.tally_pass_second() }</th> }
                    </tr></thead>
                    <tbody>{ for rows }{ void_row }</tbody>
                </table>
                <p id="tally-total" role="status">{ fill(t.tally_total(), &[&now.cast().to_string(), &now.void.to_string()]) }</p>
                if let Some(rule) = rule { <p id="tally-participation">{ rule }</p> }
            </div>
            if !differ.is_empty() {
                <div class="no-print tally-differ" id="tally-differ" role="alert">
                    <p>{ fill(t.tally_differ(), &[&differ.iter().map(|l| match vote.levels.get(*l) {
                        Some(level) => level.name.get(lang).to_owned(),
                        None => t.tally_void().to_owned(),
                    }).collect::<Vec<_>>().join(t.list_separator())]) }</p>
                    <fieldset>
                        <legend>{ t.tally_keep() }</legend>
                        { for [0usize, 1].into_iter().map(|p| {
                            let why = tally.chosen.as_ref().map(|c| c.1.clone()).unwrap_or_default();
                            html! {
                                <label class="check">
                                    <input type="radio" name="tally-keep" id={format!("tally-keep-{p}")}
                                        checked={tally.chosen.as_ref().is_some_and(|c| c.0 == p)}
                                        onchange={act.reform(move |_: Event| Action::Choose(Some((p, why.clone()))))} />
                                    { if p == 0 { t.tally_pass_first() } else { t.tally_pass_second() } }
                                </label>
                            }
                        }) }
                        <label class="word" for="tally-why">
                            <span>{ t.tally_why() }</span>
                            <input id="tally-why" type="text" value={tally.chosen.as_ref().map(|c| c.1.clone()).unwrap_or_default()}
                                oninput={{
                                    let p = tally.chosen.as_ref().map_or(0, |c| c.0);
                                    act.reform(move |e: InputEvent| Action::Choose(Some((p, e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))))
                                }} />
                        </label>
                    </fieldset>
                </div>
            }
            <div class="no-print buttons">
                if !by_votes { <p id="tally-by-score">{ fill(t.tally_by_score(), &[source_name]) }</p> }
                <button type="button" class="primary" id="tally-send" disabled={send.is_none()}
                    onclick={send.unwrap_or_default()}>
                    { fill(t.tally_send(), &[&(tally.row + 1).to_string(), &tally.name]) }
                </button>
            </div>
            <article class="print-form print-only tally-record" id="tally-record">
                <h1>{ super::super::print::heading(&list.publicity, t.tally_record_title(), lang) }</h1>
                <p class="subtitle">{ fill(t.tally_record_of(), &[&tally.name, source_name]) }</p>
                <table class="form-table">
                    <thead><tr>
                        <th scope="col">{ t.tally_level() }</th>
                        <th scope="col">{ fill(t.tally_pass_by(), &[t.tally_pass_first(), &tally.passes[0].teller]) }</th>
                        if second { <th scope="col">{ fill(t.tally_pass_by(), &[t.tally_pass_second(), &tally.passes[1].teller]) }</th> }
                    </tr></thead>
                    <tbody>
                        { for record_rows }
                        <tr><th scope="row">{ t.tally_void() }</th><td>{ counts[0].void }</td>
                            if second { <td>{ counts[1].void }</td> }</tr>
                    </tbody>
                </table>
                if let Some((p, why)) = &tally.chosen {
                    <p>{ fill(t.tally_record_chosen(), &[if *p == 0 { t.tally_pass_first() } else { t.tally_pass_second() }, why]) }</p>
                }
                <p>{ fill(t.tally_record_eligible(), &[eligible]) }</p>
                <p class="sign">{ fill(t.tally_record_time(), &[&String::from(js_sys::Date::new_0().to_locale_string("zh-CN", &wasm_bindgen::JsValue::UNDEFINED))]) }</p>
                <p class="sign">{ t.tally_record_sign() }</p>
            </article>
        </section>
    }
}

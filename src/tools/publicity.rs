//! The 公示 page for the browser's print: a title, the date, the scheme, and the organizations by
//! tier (best first, by rank). Previewed over the list (in the tools bundle, loaded on first
//! use); in print, only it: the print CSS hides everything else.

use std::rc::Rc;

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
                let RowResult::Ok(result) = graded.result(i) else {
                    return None;
                };
                let row = state.rows.get(i)?;
                // The category, and the stars where the scheme gives them: 第一党支部（村，五星）.
                let mut notes = vec![
                    scheme
                        .categories
                        .get(result.category)
                        .map_or("", |c| c.name.get(lang))
                        .to_owned(),
                ];
                notes.extend(result.stars.map(|n| scheme.star_name(n, lang)));
                // Set by the committee, or moved by the quotas because of its overrides: said.
                for flag in &result.flags {
                    match flag {
                        dingji_rules::Flag::Override { .. } => {
                            notes.push(s.overridden().to_owned())
                        }
                        dingji_rules::Flag::AfterOverride { .. } => {
                            notes.push(s.moved_by_override().to_owned())
                        }
                        _ => {}
                    }
                }
                notes.retain(|n| !n.is_empty());
                let sep = if lang == Lang::Zh { "，" } else { ", " };
                let note = if lang == Lang::Zh {
                    format!("（{}）", notes.join(sep))
                } else {
                    format!(" ({})", notes.join(sep))
                };
                Some(html! { <li>{ &row.draft.name }<span class="note">{ note }</span></li> })
            })
            .collect();
        html! {
            <section class="publicity-tier">
                <h2>{ if lang == Lang::Zh {
                    format!("{}（{}）", tier.name.get(lang), names.len())
                } else {
                    format!("{} ({})", tier.name.get(lang), names.len())
                } }</h2>
                <ol>{ for names }</ol>
            </section>
        }
    });
    html! {
        <article class="publicity" id="publicity">
            <h1>{ s.publicity() }</h1>
            <p>{ if lang == Lang::Zh {
                format!("{}：{date}　{}：{}", s.publicity_date(), s.scheme(), scheme.name.get(lang))
            } else {
                format!("{}: {date}  {}: {}", s.publicity_date(), s.scheme(), scheme.name.get(lang))
            } }</p>
            { for groups }
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// The list, graded here as the page grades it.
    pub list: Rc<ListState>,
    pub on_close: Callback<()>,
}

/// The 公示 previewed over the list, with its print and close buttons (not printed).
#[component]
pub fn PublicityPreview(props: &PreviewProps) -> Html {
    let s = list_strings(props.list.lang);
    let graded = use_memo(props.list.clone(), |list| crate::list::derive::grade(list));
    let dialog = crate::shared::use_focus_on_open();
    let on_key = crate::shared::close_on_escape(&props.on_close);
    // While it is open, printing prints only it (the page's content is hidden in print).
    use_effect_with((), |_| {
        let body = gloo::utils::document().body();
        if let Some(b) = &body {
            let _ = b.set_attribute("data-publicity", "");
        }
        move || {
            if let Some(b) = body {
                let _ = b.remove_attribute("data-publicity");
            }
        }
    });
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <section class="card dialog print-preview" role="dialog" aria-modal="true" aria-labelledby="preview-title"
            id="print-preview" tabindex="-1" ref={dialog} onkeydown={on_key}>
            <div class="panel-head no-print">
                <h2 id="preview-title">{ s.preview_title() }</h2>
                <div class="buttons">
                    <button type="button" class="primary" id="print-now" onclick={print}>{ s.print_now() }</button>
                    <button type="button" id="print-close" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ s.close() }</button>
                </div>
            </div>
            { publicity(&props.list, &graded, &crate::list::persist::today()) }
        </section>
    }
}

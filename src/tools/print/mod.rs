//! What the list page prints, previewed over the list (in the tools bundle, loaded on first use):
//! the 公示 as it is posted ([`notice`]) and the evaluation meeting's forms ([`forms`]: 测评票,
//! 党委评定表, 自评表), all from the scheme in use. The words the user writes on them (the
//! committee, the year, the 公示期…) are kept with the list: the preview answers them when it is
//! closed. In print, only the document shows: the print CSS hides everything else.

pub mod forms;
pub mod notice;

use std::rc::Rc;

use dingji_rules::Lang;
use yew::prelude::*;

use crate::list::state::ListState;
use crate::shared::i18n::{fill, list_strings};
use crate::tools::strings::{ToolStrings, tool_strings};
use crate::wire::list::PublicityText;

/// A document's title: `pattern` with who posts it and the year (「中共××镇委员会2026年度」),
/// either left out where it was not written.
pub fn heading(words: &PublicityText, pattern: &str, lang: Lang) -> String {
    let t = tool_strings(lang);
    let year = words.year.trim();
    let year = (!year.is_empty()).then(|| fill(t.year_of(), &[year]));
    let lead: Vec<&str> = [Some(words.committee.trim()), year.as_deref()]
        .into_iter()
        .flatten()
        .filter(|w| !w.is_empty())
        .collect();
    let lead = match lead.is_empty() {
        true => String::new(),
        false => fill(t.heading_lead(), &[&lead.join(t.heading_joiner())]),
    };
    fill(pattern, &[&lead])
}

/// While the calling tool is open, printing prints only it: the page's content is hidden in
/// print (`body[data-publicity]`, list.css), the tool's root flows over pages (tools.css).
#[hook]
pub fn use_prints_alone() {
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
}

/// Which document the preview shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    Notice,
    Ballots,
    Rating,
    SelfCheck,
}

impl Document {
    const ALL: [Document; 4] = [
        Document::Notice,
        Document::Ballots,
        Document::Rating,
        Document::SelfCheck,
    ];

    fn name(self) -> fn(&ToolStrings) -> &'static str {
        match self {
            Document::Notice => ToolStrings::doc_notice,
            Document::Ballots => ToolStrings::doc_ballots,
            Document::Rating => ToolStrings::doc_rating,
            Document::SelfCheck => ToolStrings::doc_self_check,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Document::Notice => "notice",
            Document::Ballots => "ballots",
            Document::Rating => "rating",
            Document::SelfCheck => "self-check",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// The list, graded here as the page grades it.
    pub list: Rc<ListState>,
    /// The rows the list shows (its filter), where it shows fewer than all.
    pub shown: Option<Vec<usize>>,
    /// Closed: with the words written on the documents, where they changed.
    pub on_close: Callback<Option<PublicityText>>,
}

/// One of the words, as a labelled field.
fn word_field(
    id: &'static str,
    label: &str,
    kind: &'static str,
    value: &str,
    on: Callback<String>,
) -> Html {
    let oninput = on.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    html! {
        <label class="word" for={id}>
            <span>{ label.to_owned() }</span>
            <input {id} type={kind} value={value.to_owned()} {oninput} />
        </label>
    }
}

/// The documents previewed over the list, with what to print, the words on them, and the print
/// and close buttons (none of it printed).
#[component]
pub fn PrintPreview(props: &PreviewProps) -> Html {
    let lang = props.list.lang;
    let (s, t) = (list_strings(lang), tool_strings(lang));
    let words = use_state(|| props.list.publicity.clone());
    let document = use_state(|| Document::Notice);
    // The forms for every organization, those the list shows (its filter), or one (a 自评表
    // handed to its secretary): the rows to print, `None` for all.
    let only = use_state(|| None::<Vec<usize>>);
    let filtered = props
        .shown
        .clone()
        .filter(|s| s.len() < props.list.rows.len());
    let picks = filtered.is_some() as i32;
    // The list with the words as written so far: the documents read them from it.
    let list = use_memo((props.list.clone(), (*words).clone()), |(list, words)| {
        let mut list = (**list).clone();
        list.publicity = words.clone();
        Rc::new(list)
    });
    let graded = use_memo(props.list.clone(), |list| crate::list::derive::grade(list));
    let dialog = crate::shared::use_focus_on_open();
    let close = {
        let (words, was, on_close) = (
            words.clone(),
            props.list.publicity.clone(),
            props.on_close.clone(),
        );
        Callback::from(move |()| {
            on_close.emit((*words != was).then(|| (*words).clone()));
        })
    };
    let on_key = crate::shared::close_on_escape(&close);
    use_prints_alone();
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let set = |f: fn(&mut PublicityText, String)| {
        let words = words.clone();
        Callback::from(move |v: String| {
            let mut next = (*words).clone();
            f(&mut next, v);
            words.set(next);
        })
    };
    let on_overrides = {
        let words = words.clone();
        Callback::from(move |e: Event| {
            let mut next = (*words).clone();
            next.show_overrides = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            words.set(next);
        })
    };
    let choices = Document::ALL.iter().map(|&d| {
        let onchange = {
            let document = document.clone();
            Callback::from(move |_: Event| document.set(d))
        };
        html! {
            <label class="check">
                <input type="radio" name="print-doc" id={format!("print-doc-{}", d.id())}
                    checked={*document == d} {onchange} />
                { d.name()(t) }
            </label>
        }
    });
    let w = &*words;
    let today = crate::list::persist::today();
    let shown = match *document {
        Document::Notice => {
            let graded = &*graded;
            notice::notice(&list, graded, &today)
        }
        Document::Ballots => forms::ballots(&list, only.as_deref()),
        Document::Rating => forms::rating(&list, only.as_deref()),
        Document::SelfCheck => forms::self_checks(&list, only.as_deref()),
    };
    html! {
        <section class="card dialog print-preview" role="dialog" aria-modal="true" aria-labelledby="preview-title"
            id="print-preview" tabindex="-1" ref={dialog} onkeydown={on_key}>
            <div class="panel-head no-print">
                <h2 id="preview-title">{ t.preview_title() }</h2>
                <div class="buttons">
                    <button type="button" class="primary" id="print-now" onclick={print}>{ t.print_now() }</button>
                    <button type="button" id="print-close" onclick={close.reform(|_: MouseEvent| ())}>{ s.close() }</button>
                </div>
            </div>
            <div class="no-print print-words">
                <fieldset class="print-choice">
                    <legend>{ t.print_what() }</legend>
                    { for choices }
                </fieldset>
                if *document != Document::Notice {
                    <label class="word" for="print-org">
                        <span>{ t.print_for() }</span>
                        <select id="print-org" onchange={{
                            let (only, filtered) = (only.clone(), filtered.clone());
                            Callback::from(move |e: Event| {
                                let at = e.target_unchecked_into::<web_sys::HtmlSelectElement>().selected_index();
                                only.set(match usize::try_from(at - 1 - picks) {
                                    Ok(row) => Some(vec![row]),
                                    Err(_) if at == 1 && picks == 1 => filtered.clone(),
                                    Err(_) => None,
                                });
                            })
                        }}>
                            <option selected={only.is_none()}>{ fill(t.print_all_organizations(), &[&props.list.rows.len().to_string()]) }</option>
                            if let Some(s) = &filtered {
                                <option selected={only.as_ref() == Some(s)}>{ fill(t.print_shown_organizations(), &[&s.len().to_string()]) }</option>
                            }
                            { for props.list.rows.iter().enumerate().map(|(i, r)| html! {
                                <option selected={only.as_deref() == Some(&[i][..]) && filtered.as_deref() != Some(&[i][..])}>{ format!("{} {}", i + 1, r.draft.name) }</option>
                            }) }
                        </select>
                    </label>
                }
                <fieldset class="words">
                    <legend>{ t.words_on_it() }</legend>
                    { word_field("word-committee", t.field_committee(), "text", &w.committee, set(|w, v| w.committee = v)) }
                    { word_field("word-year", t.field_year(), "text", &w.year, set(|w, v| w.year = v)) }
                    if *document == Document::Notice {
                        { word_field("word-title", t.field_title(), "text", &w.title, set(|w, v| w.title = v)) }
                        { word_field("word-from", t.field_from(), "date", &w.from, set(|w, v| w.from = v)) }
                        { word_field("word-to", t.field_to(), "date", &w.to, set(|w, v| w.to = v)) }
                        { word_field("word-phone", t.field_phone(), "text", &w.phone, set(|w, v| w.phone = v)) }
                        { word_field("word-feedback", t.field_feedback(), "text", &w.feedback, set(|w, v| w.feedback = v)) }
                        { word_field("word-signed-on", t.field_signed_on(), "date", &w.signed_on, set(|w, v| w.signed_on = v)) }
                        <label class="check">
                            <input type="checkbox" id="word-overrides" checked={w.show_overrides} onchange={on_overrides} />
                            { t.field_show_overrides() }
                        </label>
                    }
                </fieldset>
            </div>
            <div class="print-doc" id="print-doc">{ shown }</div>
        </section>
    }
}

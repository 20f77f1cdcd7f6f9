//! The import dialog's category words: each word not written as the scheme writes it, with the
//! category it is read as (pre-filled from a synonym, asked where it is ambiguous), or chosen
//! row by row where one word covers several categories (两新组织: a company's or a social
//! organization's).

use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use super::CategoryWord;
use super::headers::CategoryGuess;
use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;

/// The value of the option that chooses row by row.
const PER_ROW: &str = "*";

/// A choice made for a category word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The word is read as this category (id) on every row, or asked again (`None`).
    Word(Option<String>),
    /// The word is chosen row by row.
    PerRow,
    /// Row `at` (an index into the word's lines) is read as this category.
    Row(usize, Option<String>),
}

impl Choice {
    /// `word` with this choice made.
    pub fn apply(self, word: &mut CategoryWord) {
        match self {
            Choice::Word(id) => {
                word.choice = id;
                word.per_row = None;
            }
            Choice::PerRow => {
                word.choice = None;
                word.per_row = Some(vec![None; word.lines.len()]);
            }
            Choice::Row(at, id) => {
                if let Some(slot) = word.per_row.as_mut().and_then(|p| p.get_mut(at)) {
                    *slot = id;
                }
            }
        }
    }
}

/// The selects of the category words; each change emits the word's index and the choice.
pub fn category_choices(
    lang: Lang,
    scheme: &Scheme,
    words: &[CategoryWord],
    on_choice: &Callback<(usize, Choice)>,
) -> Html {
    let t = tool_strings(lang);
    let options = |chosen: Option<&str>, among: &[String]| {
        scheme
            .categories
            .iter()
            .filter(|c| among.is_empty() || among.contains(&c.id))
            .map(|c| html! {
                <option value={c.id.clone()} selected={chosen == Some(c.id.as_str())}>{ c.name.get(lang) }</option>
            })
            .collect::<Html>()
    };
    words.iter().enumerate().map(|(k, word)| {
        let onchange = on_choice.reform(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            match value.as_str() {
                PER_ROW => (k, Choice::PerRow),
                "" => (k, Choice::Word(None)),
                _ => (k, Choice::Word(Some(value))),
            }
        });
        let how = match &word.guess {
            CategoryGuess::Synonym(_) => t.import_synonym(),
            _ => t.import_pick(),
        };
        let rows = fill(t.rows_of_word(), &[&word.lines.len().to_string()]);
        let per_row = word.per_row.is_some();
        // Row by row, a row chooses among the categories the word may be (all, if it fits none).
        let among = match &word.guess {
            CategoryGuess::Ambiguous(ids) => ids.clone(),
            _ => Vec::new(),
        };
        let each = word.per_row.iter().flatten().zip(&word.lines).enumerate().map(|(at, (chosen, (line, name)))| {
            let onchange = on_choice.reform(move |e: Event| {
                let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                (k, Choice::Row(at, Some(value).filter(|v| !v.is_empty())))
            });
            let label = fill(t.row_and_name(), &[&line.to_string(), name]);
            html! {
                <label class="mapping row-category">
                    <span>{ label }</span>
                    <select id={format!("cat-{k}-{at}")} {onchange}>
                        <option value="" selected={chosen.is_none()}>{ format!("— {} —", t.import_pick()) }</option>
                        { options(chosen.as_deref(), &among) }
                    </select>
                </label>
            }
        });
        html! {
            <>
                <label class="mapping">
                    <span>{ format!("“{}”{rows}", word.value) }</span>
                    <select id={format!("cat-{k}")} {onchange}>
                        <option value="" selected={word.choice.is_none() && !per_row}>{ format!("— {how} —") }</option>
                        { options(word.choice.as_deref().filter(|_| !per_row), &[]) }
                        <option value={PER_ROW} selected={per_row}>{ t.choose_row_by_row() }</option>
                    </select>
                    if matches!(word.guess, CategoryGuess::Synonym(_)) && word.choice.is_some() {
                        <small class="why">{ t.import_synonym() }</small>
                    }
                </label>
                { for each }
            </>
        }
    }).collect()
}

//! One component per file. Components that change the state take a `dispatch` callback of
//! [`crate::state::Action`]s; everything they show comes in as props.

pub mod app;
pub mod contribution_bar;
pub mod decimal_field;
pub mod explanation;
pub mod goal_list;
pub mod header;
pub mod indicator_entry;
pub mod notice;
pub mod number_line;
pub mod result_panel;
pub mod scheme_editor;
pub mod select_field;
pub mod share_dialog;
pub mod slider_field;
pub mod source_card;
pub mod veto_list;
pub mod vote_entry;

/// The colour class of tier `index` of `count` tiers: the best is green, the lowest always red,
/// whatever the number of tiers (`tone-0` … `tone-4`).
pub fn tier_tone(index: usize, count: usize) -> String {
    let tone = if index + 1 >= count {
        4
    } else {
        (index + 5usize.saturating_sub(count)).min(3)
    };
    format!("tone-{tone}")
}

/// The message of an error to show at a field, or `None` for an empty field (an empty field is
/// not an error until the user has something else wrong: the result panel lists what is missing).
pub fn shown_error(
    error: Option<&dingji_rules::Error>,
    lang: crate::i18n::Lang,
) -> Option<yew::AttrValue> {
    use dingji_rules::Error;
    match error {
        None
        | Some(Error::Empty { .. } | Error::MissingInput { .. } | Error::MissingIndicator { .. }) => {
            None
        }
        Some(e) => Some(e.message(lang).into()),
    }
}

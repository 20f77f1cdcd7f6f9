//! What both pages show the same way: the interface strings, the tiers' colours, field errors.

pub mod i18n;

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
    lang: crate::shared::i18n::Lang,
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

//! The import dialog's selects: a workbook's sheets, a text file's encoding.

use dingji_rules::Lang;
use yew::prelude::*;

use crate::shared::i18n::list_strings;

/// The encodings a text file may be read in: label, name.
const ENCODINGS: [(&str, &str); 5] = [
    ("auto", "自动识别"),
    ("utf-8", "UTF-8"),
    ("gb18030", "GBK/GB18030"),
    ("utf-16le", "UTF-16 LE"),
    ("utf-16be", "UTF-16 BE"),
];

/// A labelled select of `options` (value, text), `current` chosen; a choice emits its value.
fn picker(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    current: &str,
    on_pick: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        on_pick.emit(
            e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value(),
        );
    });
    html! {
        <label>{ label }
            <select {id} {onchange}>
                { for options.into_iter().map(|(value, text)| {
                    let (selected, disabled) = (value == current, value.is_empty());
                    html! { <option {selected} {disabled} {value}>{ text }</option> }
                }) }
            </select>
        </label>
    }
}

/// The select of a workbook's sheets (a hidden one marked).
pub(super) fn sheet_picker(
    lang: Lang,
    sheets: &[(String, bool)],
    current: &str,
    on_pick: Callback<String>,
) -> Html {
    let hidden = if lang == Lang::Zh {
        "（隐藏）"
    } else {
        " (hidden)"
    };
    // "—" while no sheet is read; once one is, the sheets alone.
    let options = current
        .is_empty()
        .then(|| (String::new(), "—".to_owned()))
        .into_iter()
        .chain(
            sheets
                .iter()
                .map(|(n, h)| (n.clone(), format!("{n}{}", if *h { hidden } else { "" }))),
        )
        .collect();
    picker(
        "import-sheet",
        list_strings(lang).import_sheet(),
        options,
        current,
        on_pick,
    )
}

/// The select of a text file's encoding: `current` is the label shown chosen (the one the file
/// was read in, once read).
pub(super) fn encoding_picker(lang: Lang, current: &str, on_pick: Callback<String>) -> Html {
    let options = ENCODINGS
        .iter()
        .map(|(label, name)| ((*label).to_owned(), (*name).to_owned()))
        .collect();
    picker(
        "import-encoding",
        list_strings(lang).import_encoding(),
        options,
        current,
        on_pick,
    )
}

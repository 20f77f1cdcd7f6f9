//! The import dialog's choices: a workbook's sheets, a text file's encoding (for a file that may
//! be text), the sources to type in after the import; what an import over a list that is not
//! empty does, and the question it asks; a file's size as said while it is read.

use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;

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

/// The name of the first sheet not hidden (the one read when the worker did not say which).
pub(super) fn first_visible(sheets: &[(String, bool)]) -> String {
    let visible = sheets.iter().find(|(_, hidden)| !hidden);
    visible.map(|(n, _)| n.clone()).unwrap_or_default()
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
        tool_strings(lang).import_sheet(),
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
        .map(|&(label, name)| {
            let name = match (label, lang) {
                ("auto", Lang::En) => "Detect",
                _ => name,
            };
            (label.to_owned(), name.to_owned())
        })
        .collect();
    picker(
        "import-encoding",
        tool_strings(lang).import_encoding(),
        options,
        current,
        on_pick,
    )
}

/// A box to tick for each source the file has no column for (`missing`, by id): typed in after
/// the import (`later`); a tick emits the source and whether it is ticked.
pub(super) fn later_choices(
    lang: Lang,
    scheme: &Scheme,
    missing: &[(String, String)],
    later: &[String],
    on_later: Callback<(String, bool)>,
) -> Html {
    if missing.is_empty() {
        return html! {};
    }
    let choices = missing.iter().map(|(source, _)| {
        let name = scheme.source(source).map_or("", |(_, x)| x.name.get(lang));
        let label = if lang == Lang::Zh {
            format!("「{name}」导入后再填写")
        } else {
            format!("Type in \"{name}\" after import")
        };
        let onchange = {
            let (on_later, source) = (on_later.clone(), source.clone());
            Callback::from(move |e: Event| {
                let ticked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                on_later.emit((source.clone(), ticked));
            })
        };
        html! {
            <li><label class="check">
                <input type="checkbox" id={format!("import-later-{source}")} checked={later.contains(source)} {onchange} />
                { label }
            </label></li>
        }
    });
    html! { <ul class="missing" id="import-missing">{ for choices }</ul> }
}

/// "导入将替换现有 21 个组织": said before an import replaces a list that is not empty.
pub(super) fn list_replaces(lang: Lang, n: usize) -> String {
    if lang == Lang::Zh {
        format!("导入将替换现有 {n} 个组织（勾选“追加到名单末尾”可保留它们）")
    } else {
        format!("The import replaces the {n} organizations in the list (tick Append to keep them)")
    }
}

/// Whether a file may be text, by its first bytes (not a zip, not an OLE file): one refused may
/// be read in another encoding.
pub(super) fn is_text(bytes: &js_sys::Uint8Array) -> bool {
    !matches!(
        (bytes.get_index(0), bytes.get_index(1)),
        (b'P', b'K') | (0xd0, 0xcf)
    )
}

/// A file's size as the dialog says it while reading it: "3.7 MB", "12 KB".
pub(super) fn size_said(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!(
            "{}.{} MB",
            bytes >> 20,
            ((bytes & ((1 << 20) - 1)) * 10) >> 20
        )
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The question 导入 asks over a list of `existing` organizations: replace them with the
/// `imported`, or append these; `[replace, append, back]` answer it.
pub(super) fn replace_or_append(
    lang: Lang,
    existing: usize,
    imported: usize,
    [replace, append, back]: [Callback<MouseEvent>; 3],
) -> Html {
    let zh = lang == Lang::Zh;
    html! {
        <div class="card confirm" role="alertdialog" aria-labelledby="import-ask-text" id="import-ask">
            <p id="import-ask-text">{ if zh {
                format!("名单中已有 {existing} 个组织。导入的 {imported} 个组织是替换它们，还是追加到名单末尾？")
            } else {
                format!("The list has {existing} organizations. Replace them with the {imported} imported, or append these at the end?")
            } }</p>
            <div class="buttons">
                <button type="button" id="import-replace" class="primary" onclick={replace}>
                    { if zh { format!("替换现有 {existing} 个") } else { format!("Replace the {existing}") } }</button>
                <button type="button" id="import-append-instead" onclick={append}>{ if zh { "追加到末尾" } else { "Append" } }</button>
                <button type="button" id="import-ask-back" onclick={back}>{ if zh { "返回" } else { "Back" } }</button>
            </div>
        </div>
    }
}

/// A box to tick for each row left out as no organization (`left_out`, by line), to take it back
/// in (`taken_back`); a tick emits the line and whether it is ticked.
pub(super) fn taken_back_choices(
    lang: Lang,
    left_out: &[usize],
    taken_back: &[usize],
    on_take: Callback<(usize, bool)>,
) -> Html {
    let lines: Vec<usize> = left_out.iter().chain(taken_back).copied().collect();
    if lines.is_empty() {
        return html! {};
    }
    let mut lines = lines;
    lines.sort_unstable();
    lines.dedup();
    let t = tool_strings(lang);
    let boxes = lines.into_iter().map(|line| {
        let onchange = on_take.reform(move |e: Event| {
            (line, e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())
        });
        html! {
            <label class="check">
                <input type="checkbox" id={format!("import-take-{line}")} checked={taken_back.contains(&line)} {onchange} />
                { fill(t.import_row_anyway(), &[&line.to_string()]) }
            </label>
        }
    });
    html! { <p class="take-back" id="import-take-back">{ for boxes }</p> }
}

//! Importing a list: a CSV (UTF-8 or GBK/GB18030, with or without a BOM) or an Excel workbook
//! (read in the sheets worker, sheet by sheet); then the columns, guessed from the Chinese
//! headers, with a preview; then every row read. An import applies completely or changes
//! nothing: every bad cell is listed by row and column.

use std::rc::Rc;

use dingji_rules::draft::{Mode, OrgDraft};
use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use crate::list::files::{decode, parse_delimited, unneutralize};
use crate::shared::i18n::list_strings;
use crate::wire::codec::excerpt;
pub use crate::wire::columns::guess;
use crate::wire::columns::{Modes, columns};
use crate::wire::sheets::Table;

/// The spreadsheet's name of column `j` (from 0): A, B, … Z, AA, AB …
pub fn column_letter(j: usize) -> String {
    let mut n = j + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The form of each source that the headers suggest: a source entered by ballots or indicators in
/// the list, whose own name heads a column (a vote score computed in Excel), is read as a score.
pub fn guess_modes(headers: &[String], scheme: &Scheme, modes: &Modes) -> Modes {
    let plain = |s: &str| s.trim().replace([' ', '\u{3000}'], "");
    let mut out = modes.clone();
    for source in &scheme.sources {
        let named = headers.iter().any(|h| {
            let h = plain(h);
            h == plain(&source.name.zh)
                || h == plain(&source.name.en)
                || h == format!("score:{}", source.id)
        });
        if named {
            dingji_rules::map::insert(&mut out, &source.id, Mode::Score);
        }
    }
    out
}

impl Table {
    /// The table from its header on: the first row with two cells or more filled (a title
    /// above it, merged across the sheet, fills one).
    pub fn from_header(self) -> Table {
        let header = self
            .rows
            .iter()
            .position(|r| r.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
            .unwrap_or(0);
        Table {
            first_row: self.first_row + header,
            rows: self.rows.into_iter().skip(header).collect(),
            quoted: self.quoted,
        }
    }
}

/// Reads the data rows of `table` (the first is the header) into drafts, or lists every
/// problem as "第 N 行 C 列「表头」：…" (as the spreadsheet numbers its rows and columns). A table
/// without a data row is refused.
pub fn read_rows(
    table: &Table,
    mapping: &[Option<usize>],
    scheme: &Scheme,
    modes: &Modes,
    blank: &OrgDraft,
) -> Result<Vec<OrgDraft>, Vec<String>> {
    let cols = columns(scheme, modes);
    let headers = table.rows.first().cloned().unwrap_or_default();
    let mut drafts = Vec::new();
    let mut problems = Vec::new();
    for (i, record) in table.rows.iter().enumerate().skip(1) {
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = table.first_row + i;
        let mut draft = blank.clone();
        for (source, mode) in modes {
            draft.source_mut(scheme, source).mode = *mode;
        }
        for (j, cell) in record.iter().enumerate() {
            let Some(col) = mapping.get(j).copied().flatten().and_then(|c| cols.get(c)) else {
                continue;
            };
            let cell = if table.quoted {
                unneutralize(cell)
            } else {
                cell
            };
            if let Err(why) = col.set(&mut draft, scheme, modes, cell) {
                problems.push(format!(
                    "第 {line} 行 {} 列「{}」：{why}",
                    column_letter(j),
                    excerpt(headers.get(j).map_or("", String::as_str))
                ));
            }
        }
        if let Err(errors) = draft.parse(scheme) {
            for e in errors {
                let j = cols
                    .iter()
                    .position(|c| c.owns(&e.field))
                    .and_then(|c| mapping.iter().position(|m| *m == Some(c)));
                let place = match j {
                    Some(j) => format!(
                        "{} 列「{}」",
                        column_letter(j),
                        excerpt(headers.get(j).map_or("", String::as_str))
                    ),
                    None => "（未导入的列）".to_owned(),
                };
                problems.push(format!("第 {line} 行 {place}：{}", e.error));
            }
        }
        drafts.push(draft);
    }
    if drafts.is_empty() && problems.is_empty() {
        // Never a list replaced by nothing: an empty file, or one of headers only, is refused.
        let blank = headers.iter().all(|c| c.trim().is_empty());
        problems.push(if blank {
            "文件是空的，没有可导入的内容".to_owned()
        } else {
            format!(
                "文件中没有组织：表头（第 {} 行）之下没有数据行",
                table.first_row
            )
        });
    }
    if problems.is_empty() {
        Ok(drafts)
    } else {
        Err(problems)
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub lang: Lang,
    pub scheme: Rc<Scheme>,
    pub modes: Modes,
    pub blank: OrgDraft,
    /// How many organizations the list has (an import that replaces them says so).
    pub existing: usize,
    /// The drafts to import, whether to append them, and the form of each source they are in.
    pub on_import: Callback<(Vec<OrgDraft>, bool, Modes)>,
    pub on_close: Callback<()>,
}

#[derive(Clone)]
enum Stage {
    Choose,
    /// Reading a file (what is being read).
    Reading(String),
    Sheets {
        sheets: Vec<String>,
        bytes: Rc<js_sys::Uint8Array>,
    },
    /// The columns to map.
    Map(Mapping),
    Failed(String),
}

/// A file read, its columns mapped.
#[derive(Clone)]
struct Mapping {
    records: Rc<Table>,
    /// The form of each source the file is in.
    modes: Modes,
    /// For each column of the file, the list's column it fills.
    mapping: Vec<Option<usize>>,
    append: bool,
    /// The problems of the last attempt to apply, if any.
    problems: Rc<Vec<String>>,
}

/// "导入将替换现有 21 个组织": said before an import replaces a list that is not empty.
fn list_replaces(lang: Lang, n: usize) -> String {
    if lang == Lang::Zh {
        format!("导入将替换现有 {n} 个组织（勾选“追加到名单末尾”可保留它们）")
    } else {
        format!("The import replaces the {n} organizations in the list (tick Append to keep them)")
    }
}

/// Records of a decoded text file: CSV, or tab-separated if its first line has tabs and no commas.
pub fn records_of_text(text: &str) -> Table {
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains('\t') && !first.contains(',') {
        '\t'
    } else {
        ','
    };
    Table {
        first_row: 1,
        rows: parse_delimited(text, delimiter),
        quoted: true,
    }
}

#[component]
pub fn ImportDialog(props: &ImportProps) -> Html {
    let s = list_strings(props.lang);
    let stage = use_state(|| Stage::Choose);
    // The sheets worker starts while the user looks for the file.
    use_effect_with((), |_| crate::wire::sheets::warm());

    let to_mapping = {
        let scheme = props.scheme.clone();
        let modes = props.modes.clone();
        move |records: Table| {
            let records = records.from_header();
            let headers = records.rows.first().cloned().unwrap_or_default();
            let modes = guess_modes(&headers, &scheme, &modes);
            let cols = columns(&scheme, &modes);
            let mapping = headers.iter().map(|h| guess(h, &cols, &scheme)).collect();
            Stage::Map(Mapping {
                records: Rc::new(records),
                modes,
                mapping,
                append: false,
                problems: Rc::default(),
            })
        }
    };

    let on_file = {
        let stage = stage.clone();
        let to_mapping = to_mapping.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let name = file.name().to_lowercase();
            let size = file.size() as u64;
            let kib = if size >= 1 << 20 {
                format!(
                    "{}.{} MB",
                    size >> 20,
                    ((size & ((1 << 20) - 1)) * 10) >> 20
                )
            } else {
                format!("{} KB", size.div_ceil(1024))
            };
            stage.set(Stage::Reading(format!("{}（{kib}）", file.name())));
            let stage = stage.clone();
            let to_mapping = to_mapping.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let buffer = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(b) => js_sys::Uint8Array::new(&b),
                    Err(_) => return stage.set(Stage::Failed("文件无法读取".into())),
                };
                if name.ends_with(".xlsx") || name.ends_with(".xlsm") {
                    match crate::wire::sheets::open(&buffer).await {
                        Ok((_, Some(only))) => stage.set(to_mapping(only)),
                        Ok((sheets, None)) => stage.set(Stage::Sheets {
                            sheets,
                            bytes: Rc::new(buffer),
                        }),
                        Err(why) => stage.set(Stage::Failed(why)),
                    }
                } else {
                    match decode(&buffer.to_vec()) {
                        Some(text) => stage.set(to_mapping(records_of_text(&text))),
                        None => stage.set(Stage::Failed(
                            "文件既不是 UTF-8 也不是 GBK 编码的文本".into(),
                        )),
                    }
                }
            });
        })
    };

    let close = props.on_close.reform(|_: MouseEvent| ());
    let body = match (*stage).clone() {
        Stage::Choose => html! {
            <label class="file">
                { s.import_choose }
                <input type="file" id="import-file" accept=".csv,.txt,.xlsx,.xlsm" onchange={on_file} />
            </label>
        },
        Stage::Reading(what) => html! {
            <div id="import-reading" role="status">
                <p>{ format!("{}{what}", s.reading) }</p>
                <progress aria-label={s.reading}></progress>
            </div>
        },
        Stage::Failed(why) => {
            html! { <p class="error" role="alert" id="import-failed">{ why }</p> }
        }
        Stage::Sheets { sheets, bytes } => {
            let pick = {
                let stage = stage.clone();
                let to_mapping = to_mapping.clone();
                Callback::from(move |e: Event| {
                    let sheet = e
                        .target_unchecked_into::<web_sys::HtmlSelectElement>()
                        .value();
                    let stage = stage.clone();
                    let bytes = bytes.clone();
                    let to_mapping = to_mapping.clone();
                    stage.set(Stage::Reading(sheet.clone()));
                    wasm_bindgen_futures::spawn_local(async move {
                        match crate::wire::sheets::read_sheet(&bytes, &sheet).await {
                            Ok(records) => stage.set(to_mapping(records)),
                            Err(why) => stage.set(Stage::Failed(why)),
                        }
                    });
                })
            };
            html! {
                <label>{ s.import_sheet }
                    <select id="import-sheet" onchange={pick}>
                        <option value="" selected=true disabled=true>{ "—" }</option>
                        { for sheets.iter().map(|n| html! { <option value={n.clone()}>{ n }</option> }) }
                    </select>
                </label>
            }
        }
        Stage::Map(m) => {
            let Mapping {
                records,
                modes,
                mapping,
                append,
                problems,
            } = m.clone();
            let cols = columns(&props.scheme, &modes);
            let headers = records.rows.first().cloned().unwrap_or_default();
            let selects = headers.iter().enumerate().map(|(j, h)| {
                let stage = stage.clone();
                let m = m.clone();
                let onchange = Callback::from(move |e: Event| {
                    let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                    let mut mapping = m.mapping.clone();
                    if let Some(slot) = mapping.get_mut(j) {
                        *slot = value.parse().ok();
                    }
                    stage.set(Stage::Map(Mapping { mapping, problems: Rc::default(), ..m.clone() }));
                });
                let current = mapping.get(j).copied().flatten();
                html! {
                    <label class="mapping">
                        <span>{ h }</span>
                        <select id={format!("map-{j}")} {onchange}>
                            <option value="" selected={current.is_none()}>{ s.import_ignore }</option>
                            { for cols.iter().enumerate().map(|(c, col)| html! {
                                <option value={c.to_string()} selected={current == Some(c)}>{ col.header(&props.scheme, props.lang) }</option>
                            }) }
                        </select>
                    </label>
                }
            }).collect::<Vec<_>>();
            let preview = records
                .rows
                .iter()
                .skip(1)
                .take(5)
                .map(|r| {
                    html! { <tr>{ for r.iter().map(|c| html! { <td>{ c }</td> }) }</tr> }
                })
                .collect::<Vec<_>>();
            let toggle = {
                let stage = stage.clone();
                let m = m.clone();
                Callback::from(move |e: Event| {
                    let append = e
                        .target_unchecked_into::<web_sys::HtmlInputElement>()
                        .checked();
                    stage.set(Stage::Map(Mapping {
                        append,
                        ..m.clone()
                    }));
                })
            };
            let count = records
                .rows
                .iter()
                .skip(1)
                .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
                .count();
            let apply = {
                let stage = stage.clone();
                let scheme = props.scheme.clone();
                let blank = props.blank.clone();
                let on_import = props.on_import.clone();
                Callback::from(move |_: MouseEvent| {
                    match read_rows(&m.records, &m.mapping, &scheme, &m.modes, &blank) {
                        Ok(drafts) => on_import.emit((drafts, m.append, m.modes.clone())),
                        Err(problems) => stage.set(Stage::Map(Mapping {
                            problems: Rc::new(problems),
                            ..m.clone()
                        })),
                    }
                })
            };
            html! {
                <>
                    if !problems.is_empty() {
                        <div role="alert" class="errors-box" id="import-problems">
                            <p>{ format!("{}（共 {} 处）：", s.import_errors, problems.len()) }</p>
                            <ul class="errors">{ for problems.iter().take(200).map(|p| html! { <li>{ p }</li> }) }</ul>
                            if problems.len() > 200 { <p>{ "……" }</p> }
                        </div>
                    }
                    <p>{ s.import_mapping }</p>
                    <div class="mappings">{ for selects }</div>
                    <p>{ s.import_preview }</p>
                    <div class="table-wrap" tabindex="0" role="region" aria-label={s.import_preview}>
                        <table class="plain preview" id="import-preview">
                            <thead><tr>{ for headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                            <tbody>{ for preview }</tbody>
                        </table>
                    </div>
                    <label class="check"><input type="checkbox" id="import-append" checked={append} onchange={toggle} />{ s.import_append }</label>
                    if !append && props.existing > 0 {
                        <p class="warning" id="import-replaces" role="status">{ list_replaces(props.lang, props.existing) }</p>
                    }
                    <div class="dialog-actions">
                        <button type="button" id="import-apply" class="primary" onclick={apply}>
                            { format!("{}（{}）", s.import_apply, count) }
                        </button>
                    </div>
                </>
            }
        }
    };
    html! {
        <section class="card dialog" role="dialog" aria-labelledby="import-title" id="import-dialog">
            <div class="panel-head">
                <h2 id="import-title">{ s.import_title }</h2>
                <button type="button" id="import-cancel" onclick={close}>{ s.import_cancel }</button>
            </div>
            { body }
        </section>
    }
}

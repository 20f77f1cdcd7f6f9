//! The import dialog: a file read in the sheets worker (what it is is read from its bytes: a
//! workbook sheet by sheet, or text in the encoding detected or chosen); then the plan, guessed
//! from the headers and the category words, each unmapped column with its reason; the reading
//! runs at each change, so its problems show before anything is applied and the import is
//! offered only when it will not refuse (a long file's first rows at once, every row once the
//! dialog is painted: `checking`). An import applies completely or changes nothing.

use std::rc::Rc;

use dingji_rules::draft::OrgDraft;
use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use crate::tools::import::headers::Unmapped;
pub use crate::tools::import::headers::guess;
use crate::tools::import::{Plan, Reading, plan};
pub use crate::tools::import::{column_letter, guess_modes, read_rows};
use crate::tools::strings::tool_strings;
use crate::wire::Error;
use crate::wire::columns::{Modes, columns};
use crate::wire::sheets::Table;

use super::categories::{Choice, category_choices};
use super::checking::{after_paint, applying, checking, first_reading, use_every_row};
use super::pickers::{
    encoding_picker, first_visible, is_text, later_choices, list_replaces, replace_or_append,
    sheet_picker, size_said, taken_back_choices,
};
use super::remember::{recall, remember_plan, remembered};

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

/// The file chosen: its bytes (read again in another encoding or sheet), and whether its name
/// says it is a workbook.
#[derive(Clone)]
struct File {
    bytes: Rc<js_sys::Uint8Array>,
    named_workbook: bool,
    /// The encoding chosen for a text file (a label of [`ENCODINGS`]).
    encoding: String,
}

#[derive(Clone)]
enum Stage {
    Choose,
    /// Reading a file (what is being read).
    Reading(String),
    Sheets {
        file: File,
        sheets: Vec<(String, bool)>,
    },
    /// The columns to map.
    Map(Box<Mapping>),
    /// The file was refused; another may be chosen (the file, to read it in another encoding).
    Failed(Error, Option<File>),
}

/// A file read, planned, and read under the plan.
#[derive(Clone)]
struct Mapping {
    file: File,
    /// A workbook's sheets (to switch), or none for a text file.
    sheets: Vec<(String, bool)>,
    sheet: String,
    /// The encoding a text file was read in (its label).
    read_in: Option<String>,
    table: Rc<Table>,
    plan: Plan,
    reading: Rc<Reading>,
    /// Whether `reading` is of the first rows only, the rest being checked.
    checking: bool,
    append: bool,
    /// Whether 导入 over a list that is not empty has asked: replace, or append instead.
    asked: bool,
    /// Whether the plan is the one remembered for these headers (the user may start again).
    recalled: bool,
    /// Whether 导入 was pressed: the rows are going into the list.
    applying: bool,
}

impl Mapping {
    /// This mapping with `change` made, as the dialog's stage.
    fn with(&self, change: impl FnOnce(&mut Mapping)) -> Stage {
        let mut m = self.clone();
        change(&mut m);
        Stage::Map(Box::new(m))
    }

    fn replan(&self, plan: Plan, reader: &Reader) -> Stage {
        let (reading, checking) = first_reading(
            &self.table,
            &plan,
            &reader.scheme,
            &reader.blank,
            reader.lang,
        );
        Stage::Map(Box::new(Mapping {
            plan,
            reading,
            checking,
            ..self.clone()
        }))
    }
}

/// Everything the dialog's callbacks need to read a file and plan it.
#[derive(Clone)]
struct Reader {
    stage: UseStateHandle<Stage>,
    scheme: Rc<Scheme>,
    modes: Modes,
    blank: OrgDraft,
    /// The language problems are told in.
    lang: Lang,
}

impl Reader {
    fn mapped(
        &self,
        file: File,
        sheets: Vec<(String, bool)>,
        sheet: String,
        read_in: Option<String>,
        table: Table,
    ) {
        let table = Rc::new(table.header_for(&self.scheme, &self.modes));
        let recalled = recall(&remembered(), &table, &self.scheme, &self.modes);
        let is_recalled = recalled.is_some();
        let plan = recalled.unwrap_or_else(|| plan(&table, &self.scheme, &self.modes));
        let (reading, checking) =
            first_reading(&table, &plan, &self.scheme, &self.blank, self.lang);
        self.stage.set(Stage::Map(Box::new(Mapping {
            file,
            sheets,
            sheet,
            read_in,
            table,
            plan,
            reading,
            checking,
            append: false,
            asked: false,
            recalled: is_recalled,
            applying: false,
        })));
    }

    /// Opens the file in the worker (in `file.encoding` if it is text).
    fn open(&self, file: File, what: String) {
        self.stage.set(Stage::Reading(what));
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match crate::wire::sheets::open(&file.bytes, &file.encoding, file.named_workbook).await
            {
                Ok(opened) => match opened.table {
                    Some(table) => {
                        let sheet = (opened.chosen.clone())
                            .unwrap_or_else(|| first_visible(&opened.sheets));
                        this.mapped(file, opened.sheets, sheet, opened.encoding, table);
                    }
                    None => this.stage.set(Stage::Sheets {
                        file,
                        sheets: opened.sheets,
                    }),
                },
                Err(why) => this.stage.set(Stage::Failed(why, Some(file))),
            }
        });
    }

    /// Reads one sheet of a workbook.
    fn sheet(&self, file: File, sheets: Vec<(String, bool)>, sheet: String) {
        self.stage.set(Stage::Reading(sheet.clone()));
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match crate::wire::sheets::read_sheet(&file.bytes, &sheet).await {
                Ok(table) => this.mapped(file, sheets, sheet, None, table),
                Err(why) => this.stage.set(Stage::Failed(why, Some(file))),
            }
        });
    }
}

#[component]
pub fn ImportDialog(props: &ImportProps) -> Html {
    let t = tool_strings(props.lang);
    let lang = props.lang;
    let stage = use_state(|| Stage::Choose);
    // The name of the file chosen last (on the dialog, so that what is shown can be told apart
    // from what the file before it gave).
    let chosen = use_state(String::new);
    // The sheets worker starts while the user looks for the file.
    use_effect_with((), |_| crate::wire::sheets::warm());
    // Asked whether to replace the list, the question takes the focus.
    let asked = matches!(&*stage, Stage::Map(m) if m.asked);
    use_effect_with(asked, |asked| {
        if *asked && let Some(button) = gloo::utils::document().get_element_by_id("import-replace")
        {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(button).focus();
        }
    });
    let reader = Reader {
        stage: stage.clone(),
        scheme: props.scheme.clone(),
        modes: props.modes.clone(),
        blank: props.blank.clone(),
        lang: props.lang,
    };

    let on_file = {
        let reader = reader.clone();
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            // Cleared as it is taken: the same file chosen again after a refusal is a new change.
            let Some(file) = crate::shared::file::chosen(&e) else {
                return;
            };
            chosen.set(file.name());
            let named_workbook = crate::wire::sheets::named_workbook(&file.name());
            // Too large to read: refused by its size, not read into memory first.
            if let Some(why) = dingji_sheets::too_large(file.size() as u64) {
                return reader
                    .stage
                    .set(Stage::Failed(Error::Sheet(Rc::new(why)), None));
            }
            let what = format!("{}（{}）", file.name(), size_said(file.size() as u64));
            reader.stage.set(Stage::Reading(what.clone()));
            let reader = reader.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match crate::shared::file::bytes(&file, lang).await {
                    Ok(bytes) => bytes,
                    Err(why) => return reader.stage.set(Stage::Failed(why, None)),
                };
                let file = File {
                    bytes: Rc::new(bytes),
                    named_workbook,
                    encoding: "auto".into(),
                };
                reader.open(file, what);
            });
        })
    };
    let chooser = html! {
        <label class="file">
            { t.import_choose() }
            <input type="file" id="import-file" accept=".csv,.txt,.xlsx,.xlsm" onchange={on_file} />
        </label>
    };
    let reencode = |file: File| {
        let reader = reader.clone();
        Callback::from(move |label: String| {
            let file = File {
                encoding: label.clone(),
                ..file.clone()
            };
            reader.open(file, label);
        })
    };

    // A mapping read over its first rows only: every row read once the dialog is painted.
    let shown = match &*stage {
        Stage::Map(m) if m.checking => Some((m.reading.clone(), m.table.clone(), m.plan.clone())),
        _ => None,
    };
    let every_row = use_every_row(shown, props.scheme.clone(), props.blank.clone(), lang);
    let close = props.on_close.reform(|_: MouseEvent| ());
    // The dialog takes the focus when it opens, and Esc closes it.
    let dialog = crate::shared::use_focus_on_open();
    let on_key = crate::shared::close_on_escape(&props.on_close);
    let body = match (*stage).clone() {
        Stage::Choose => chooser,
        Stage::Reading(what) => html! {
            <div id="import-reading" role="status">
                <p>{ format!("{}{what}", t.reading()) }</p>
                <progress aria-label={t.reading()}></progress>
            </div>
        },
        Stage::Failed(why, file) => {
            // A text file (not a zip or an OLE file, by its first bytes) may be read in another
            // encoding.
            let picker = file
                .filter(|f| is_text(&f.bytes))
                .map(|f| encoding_picker(lang, &f.encoding, reencode(f.clone())));
            html! {
                <>
                    <p class="error" role="alert" id="import-failed">{ crate::tools::sheet_said::said(&why, lang) }</p>
                    { for picker }
                    { chooser }
                </>
            }
        }
        Stage::Sheets { file, sheets } => {
            let reader = reader.clone();
            let all = sheets.clone();
            let on_pick = Callback::from(move |sheet: String| {
                reader.sheet(file.clone(), all.clone(), sheet);
            });
            sheet_picker(lang, &sheets, "", on_pick)
        }
        Stage::Map(mut m) => {
            if let Some((first, every)) = every_row
                && m.checking
                && Rc::ptr_eq(&first, &m.reading)
            {
                (m.reading, m.checking) = (every, false);
            }
            map_view(props, &stage, &reader, *m, reencode)
        }
    };
    html! {
        <section class="card dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" id="import-dialog"
            data-file={(*chosen).clone()} tabindex="-1" ref={dialog} onkeydown={on_key}>
            <div class="panel-head">
                <h2 id="import-title">{ t.import_title() }</h2>
                <button type="button" id="import-cancel" onclick={close}>{ t.import_cancel() }</button>
            </div>
            { body }
        </section>
    }
}

fn map_view(
    props: &ImportProps,
    stage: &UseStateHandle<Stage>,
    reader: &Reader,
    m: Mapping,
    reencode: impl Fn(File) -> Callback<String>,
) -> Html {
    let t = tool_strings(props.lang);
    let lang = props.lang;
    let scheme = &props.scheme;
    let cols = columns(scheme, &m.plan.modes);
    let headers = m.table.rows.first().cloned().unwrap_or_default();
    let source_picker = match &m.read_in {
        Some(read_in) => encoding_picker(lang, read_in, reencode(m.file.clone())),
        None if m.sheets.len() > 1 => {
            let reader = reader.clone();
            let (file, sheets) = (m.file.clone(), m.sheets.clone());
            let on_pick = Callback::from(move |sheet: String| {
                reader.sheet(file.clone(), sheets.clone(), sheet);
            });
            sheet_picker(lang, &m.sheets, &m.sheet, on_pick)
        }
        None => html! {},
    };
    let selects = headers.iter().enumerate().map(|(j, h)| {
        let onchange = {
            let stage = stage.clone();
            let m = m.clone();
            let reader = reader.clone();
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                let plan = m.plan.with_column(j, value.parse().ok(), &m.table, &reader.scheme);
                stage.set(m.replan(plan, &reader));
            })
        };
        let current = m.plan.mapping.get(j).copied().flatten();
        let header_of = |c: &usize| cols.get(*c).map(|c| c.header(scheme, lang)).unwrap_or_default();
        let why = match m.plan.unmapped.get(j).cloned().flatten() {
            Some(Unmapped::Unknown) if !h.trim().is_empty() => Some(t.import_unknown().to_owned()),
            Some(Unmapped::Serial) => Some(t.import_serial().to_owned()),
            Some(Unmapped::Ambiguous(found)) => Some(format!(
                "{}{}",
                t.import_ambiguous(),
                found.iter().map(header_of).collect::<Vec<_>>().join(" / ")
            )),
            Some(Unmapped::Duplicate(first)) => {
                let (letter, header) = (column_letter(first), headers.get(first).map_or("", String::as_str));
                Some(if lang == Lang::Zh {
                    format!("{}{letter} 列「{header}」", t.import_duplicate())
                } else {
                    format!("{}column {letter} (\"{header}\")", t.import_duplicate())
                })
            }
            _ => None,
        };
        let hint = format!("map-{j}-why");
        html! {
            <label class="mapping">
                <span>{ format!("{} {h}", column_letter(j)) }</span>
                <select id={format!("map-{j}")} {onchange} aria-describedby={why.as_ref().map(|_| hint.clone())}>
                    <option value="" selected={current.is_none()}>{ t.import_ignore() }</option>
                    { for cols.iter().enumerate().map(|(c, col)| html! {
                        <option value={c.to_string()} selected={current == Some(c)}>{ col.header(scheme, lang) }</option>
                    }) }
                </select>
                if let Some(why) = why { <small class="why" id={hint}>{ why }</small> }
            </label>
        }
    }).collect::<Vec<_>>();
    let on_category = {
        let (stage, m, reader) = (stage.clone(), m.clone(), reader.clone());
        Callback::from(move |(k, choice): (usize, Choice)| {
            let mut plan = m.plan.clone();
            if let Some(w) = plan.categories.get_mut(k) {
                choice.apply(w);
            }
            stage.set(m.replan(plan, &reader));
        })
    };
    let category_rows = category_choices(lang, scheme, &m.plan.categories, &on_category);
    let fill_down = {
        let stage = stage.clone();
        let m = m.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            let plan = Plan {
                fill_down: checked,
                ..m.plan.clone()
            };
            stage.set(m.replan(plan, &reader));
        })
    };
    // A source with no column: typed in after the import, if the user says so.
    let on_later = {
        let (stage, m, reader) = (stage.clone(), m.clone(), reader.clone());
        Callback::from(move |(source, later): (String, bool)| {
            let mut plan = m.plan.clone();
            plan.later.retain(|s| *s != source);
            if later {
                plan.later.push(source);
            }
            stage.set(m.replan(plan, &reader));
        })
    };
    let missing = later_choices(lang, scheme, &m.reading.missing, &m.plan.later, on_later);
    // A row left out as no organization, taken back in.
    let on_take = {
        let (stage, m, reader) = (stage.clone(), m.clone(), reader.clone());
        Callback::from(move |(line, take): (usize, bool)| {
            let mut plan = m.plan.clone();
            plan.taken_back.retain(|l| *l != line);
            if take {
                plan.taken_back.push(line);
            }
            stage.set(m.replan(plan, &reader));
        })
    };
    let take_back = taken_back_choices(lang, &m.reading.left_out, &m.plan.taken_back, on_take);
    let preview = m
        .table
        .rows
        .iter()
        .skip(1)
        .take(5)
        .map(|r| html! { <tr>{ for r.iter().map(|c| html! { <td>{ c }</td> }) }</tr> })
        .collect::<Vec<_>>();
    let toggle = {
        let stage = stage.clone();
        let m = m.clone();
        Callback::from(move |e: Event| {
            let append = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            stage.set(m.with(|m| (m.append, m.asked) = (append, false)));
        })
    };
    let reading = m.reading.clone();
    let headers = m.table.rows.first().cloned().unwrap_or_default();
    let problems: Vec<String> = reading
        .problems
        .iter()
        .map(|p| p.said(&headers, lang))
        .collect();
    let notes: Vec<String> = m
        .table
        .notes
        .iter()
        .map(|n| crate::tools::sheet_said::note(n, lang))
        // Counts of the first rows only are not said while the rest are checked.
        .chain(reading.notes.iter().filter(|_| !m.checking).cloned())
        .collect();
    let ready = problems.is_empty() && !m.checking && !m.applying;
    // Over a list that is not empty, 导入 asks first: replace it, or append instead.
    let must_ask = !m.append && props.existing > 0;
    let import = |append: Option<bool>| {
        let (on_import, m, stage) = (props.on_import.clone(), m.clone(), stage.clone());
        let scheme = props.scheme.clone();
        Callback::from(move |_: MouseEvent| {
            if !m.reading.problems.is_empty() || m.checking || m.applying {
                return;
            }
            match append {
                None if must_ask && !m.asked => stage.set(m.with(|m| m.asked = true)),
                _ => {
                    remember_plan(&m.table, &m.plan, &scheme);
                    let on_import = on_import.clone();
                    let append = append.unwrap_or(m.append);
                    let rows = (m.reading.drafts.clone(), append, m.plan.modes.clone());
                    stage.set(m.with(|m| m.applying = true));
                    after_paint(move || on_import.emit(rows));
                }
            }
        })
    };
    let apply = import(None);
    let back = {
        let (m, stage) = (m.clone(), stage.clone());
        Callback::from(move |_: MouseEvent| stage.set(m.with(|m| m.asked = false)))
    };
    let blank_categories = m.plan.fill_down || reading.blank_categories > 0;
    // The remembered mapping set aside: the plan the headers suggest.
    let reguess = {
        let (m, stage, reader) = (m.clone(), stage.clone(), reader.clone());
        Callback::from(move |_: MouseEvent| {
            let fresh = plan(&m.table, &reader.scheme, &reader.modes);
            if let Stage::Map(next) = m.replan(fresh, &reader) {
                stage.set(Stage::Map(Box::new(Mapping {
                    recalled: false,
                    ..*next
                })));
            }
        })
    };
    html! {
        <>
            { source_picker }
            if !notes.is_empty() {
                <ul class="notes" id="import-notes">{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            }
            { take_back }
            if m.recalled {
                <p class="notes" id="import-recalled" role="status">
                    { if lang == Lang::Zh { "已沿用上次的对应关系。" } else { "The mapping used last time for these headers is applied. " } }
                    <button type="button" id="import-reguess" onclick={reguess}>
                        { if lang == Lang::Zh { "重新识别" } else { "Guess again" } }</button>
                </p>
            }
            <p>{ t.import_mapping() }</p>
            <div class="mappings">{ for selects }</div>
            { missing }
            if !m.plan.categories.is_empty() {
                <p>{ t.import_categories() }</p>
                <div class="mappings" id="import-categories">{ category_rows }</div>
            }
            if blank_categories {
                <label class="check"><input type="checkbox" id="import-fill-down" checked={m.plan.fill_down} onchange={fill_down} />{ t.import_fill_down() }</label>
            }
            <p>{ t.import_preview() }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label={t.import_preview()}>
                <table class="plain preview" id="import-preview">
                    <thead><tr>{ for headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                    <tbody>{ for preview }</tbody>
                </table>
            </div>
            if !problems.is_empty() {
                <div role="alert" class="errors-box" id="import-problems">
                    <p>{ if lang == Lang::Zh {
                        format!("{}（共 {} 处）：", t.import_errors(), problems.len())
                    } else {
                        format!("{} ({} in all):", t.import_errors(), problems.len())
                    } }</p>
                    <ul class="errors">{ for problems.iter().take(200).map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
                    if problems.len() > 200 { <p>{ "……" }</p> }
                </div>
            }
            <label class="check"><input type="checkbox" id="import-append" checked={m.append} onchange={toggle} />{ t.import_append() }</label>
            if !m.append && props.existing > 0 {
                <p class="warning" id="import-replaces" role="status">{ list_replaces(lang, props.existing) }</p>
            }
            if m.asked && must_ask && !m.applying {
                { replace_or_append(lang, props.existing, reading.drafts.len(), [import(Some(false)), import(Some(true)), back]) }
            } else {
                <div class="dialog-actions">
                    if m.applying {
                        { applying(lang, reading.drafts.len()) }
                    } else if m.checking {
                        { checking(lang, m.table.rows.len() - 1) }
                    } else if !ready {
                        <span class="why" id="import-blocked">{ t.import_fix_first() }</span>
                    }
                    <button type="button" id="import-apply" class="primary" disabled={!ready}
                        aria-describedby={(!ready).then_some(if m.applying { "import-applying" } else if m.checking { "import-checking" } else { "import-blocked" })} onclick={apply}>
                        { if m.checking {
                            t.import_apply().to_owned()
                        } else if lang == Lang::Zh {
                            format!("{}（{}）", t.import_apply(), reading.drafts.len())
                        } else {
                            format!("{} ({})", t.import_apply(), reading.drafts.len())
                        } }
                    </button>
                </div>
            }
        </>
    }
}

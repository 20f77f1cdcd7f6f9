//! The page's side of the sheets worker (the `dingji-sheets` crate's `sheets` binary): files
//! read (CSV and text in any of the encodings clerks save in, Excel workbooks) and workbooks
//! written off the page, in a worker with its own wasm (csv, encoding_rs, calamine,
//! rust_xlsxwriter), fetched when the import dialog opens or a workbook is exported.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::client::call_worker;

/// A sheet or a text file's records: `rows[0]` is on line (row) `first_row` of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub first_row: usize,
    pub rows: Vec<Vec<String>>,
    /// The cells may carry the apostrophe this program writes before a formula's first character
    /// (a text file: see `list::files::neutralize`); a workbook's do not (its quote is a format).
    pub quoted: bool,
    /// What reading it did that the user should know (merged cells filled, hidden sheets).
    pub notes: Vec<String>,
}

/// The sheets worker's loader as trunk names it, relative to the page.
const SHEETS_URL: &str = "./sheets_loader.js";

async fn call(name: &str, args: Array) -> Result<JsValue, String> {
    JsFuture::from(call_worker(SHEETS_URL, name, args))
        .await
        .map_err(|e| js_sys::Error::from(e).message().into())
}

/// Starts the worker (fetching and compiling its wasm) while the user chooses a file.
pub fn warm() {
    // A failure to start shows when the file is read; not here.
    wasm_bindgen_futures::spawn_local(async {
        let _ = call("ping", Array::new()).await;
    });
}

fn table(value: &JsValue) -> Table {
    let get = |key: &str| js_sys::Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let packed = get("packed").as_string().unwrap_or_default();
    Table {
        first_row: get("firstRow").as_f64().map_or(1, |n| n as usize),
        rows: unpack(&packed),
        quoted: false,
        notes: js_sys::Array::from(&get("notes"))
            .iter()
            .filter_map(|v| v.as_string())
            .collect(),
    }
}

/// The rows of a sheet as the worker sends them: one string, rows split by U+001E, cells by
/// U+001F (`dingji_sheets::SheetText::packed`).
pub fn unpack(packed: &str) -> Vec<Vec<String>> {
    if packed.is_empty() {
        return Vec::new();
    }
    packed
        .split('\u{1e}')
        .map(|row| {
            if row.is_empty() {
                Vec::new()
            } else {
                row.split('\u{1f}').map(str::to_owned).collect()
            }
        })
        .collect()
}

/// Whether a file's name says it is a workbook (.xlsx, .xlsm): one whose bytes are not is refused
/// as damaged rather than read as text.
pub fn named_workbook(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.ends_with(".xlsx") || name.ends_with(".xlsm")
}

/// A file opened in the worker: a workbook's sheets (name, hidden) and, where one is visible,
/// that sheet read; or a text file read, with the label of the encoding it was read in.
pub struct Opened {
    pub sheets: Vec<(String, bool)>,
    pub table: Option<Table>,
    pub encoding: Option<String>,
}

/// Opens a file's bytes: what it is is read from the bytes; `encoding` (a label: `auto`,
/// `utf-8`, `gb18030`, `utf-16le`, `utf-16be`) applies to a text file; a file named as a workbook
/// (`named_workbook`) whose bytes are not one is refused as damaged.
pub async fn open(
    bytes: &Uint8Array,
    encoding: &str,
    named_workbook: bool,
) -> Result<Opened, String> {
    let value = call(
        "open",
        Array::of3(bytes, &encoding.into(), &named_workbook.into()),
    )
    .await?;
    let get = |key: &str| js_sys::Reflect::get(&value, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let sheets = Array::from(&get("sheets"))
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).is_truthy()))
        })
        .collect();
    let encoding = get("encoding").as_string();
    let sheet = get("sheet");
    let table = (!sheet.is_undefined()).then(|| Table {
        // A text file's cells may carry the apostrophe this program writes before a formula.
        quoted: encoding.is_some(),
        ..table(&sheet)
    });
    Ok(Opened {
        sheets,
        table,
        encoding,
    })
}

/// The cells of one sheet, as text, row by row (column A first), with the row number of the
/// first.
pub async fn read_sheet(bytes: &Uint8Array, sheet: &str) -> Result<Table, String> {
    let value = call("read_sheet", Array::of2(bytes, &sheet.into())).await?;
    Ok(table(&value))
}

/// A cell to write: text, or a number as the page shows it (`text`, with `decimals` decimals),
/// written to Excel as a number with that format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Number { text: String, decimals: u32 },
}

impl Cell {
    /// A number cell of `value` shown with `decimals` decimals (`value` is already rounded).
    pub fn number(value: dingji_rules::Decimal, decimals: u32) -> Cell {
        Cell::Number {
            text: format!("{:.prec$}", value, prec = decimals as usize),
            decimals,
        }
    }

    /// The text of the cell, as the page shows it.
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(t) | Cell::Number { text: t, .. } => t,
        }
    }
}

/// A workbook of named sheets, as the bytes of an .xlsx file.
pub async fn write_workbook(sheets: &[(String, Vec<Vec<Cell>>)]) -> Result<Uint8Array, String> {
    let book: Array = sheets
        .iter()
        .map(|(name, rows)| {
            let rows: Array = rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|cell| match cell {
                            Cell::Text(t) => JsValue::from_str(t),
                            Cell::Number { text, decimals } => {
                                Array::of2(&JsValue::from_str(text), &JsValue::from(*decimals))
                                    .into()
                            }
                        })
                        .collect::<Array>()
                })
                .collect();
            Array::of2(&name.as_str().into(), &rows)
        })
        .collect();
    let value = call("write_workbook", Array::of1(&book)).await?;
    Ok(Uint8Array::new(&value))
}

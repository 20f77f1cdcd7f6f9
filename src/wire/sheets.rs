//! The page's side of the sheets worker (`src/bin/sheets.rs`): Excel workbooks read and written
//! off the page, in a worker with its own wasm (calamine and rust_xlsxwriter), fetched only when
//! a user imports or exports one.

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

/// A workbook opened: its sheets' names, and the only sheet, read, when there is one.
pub async fn open(bytes: &Uint8Array) -> Result<(Vec<String>, Option<Table>), String> {
    let value = call("open", Array::of1(bytes)).await?;
    let get = |key: &str| js_sys::Reflect::get(&value, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let names = Array::from(&get("names"))
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    let sheet = get("sheet");
    Ok((names, (!sheet.is_undefined()).then(|| table(&sheet))))
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

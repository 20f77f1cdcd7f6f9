//! The sheets worker's messages and the page's side of it: files read (CSV and text in any of
//! the encodings clerks save in, Excel workbooks) and workbooks written off the page, in a worker
//! with its own wasm (the `dingji-sheets` crate: csv, encoding_rs, calamine, rust_xlsxwriter;
//! served by `src/bin/sheets.rs`), fetched when the import dialog opens or a workbook is
//! exported. Each message is a typed [`Request`], each answer a [`Reply`], through
//! serde-wasm-bindgen.

use js_sys::Uint8Array;
use serde::{Deserialize, Serialize};
use wasm_bindgen_futures::JsFuture;

use super::Error;

/// A cell to write: text, or a number as the page shows it, written to Excel as a number with
/// its decimals (the sheets crate's, which the worker writes as it comes).
pub use dingji_sheets::Cell;

/// What a page asks of the sheets worker. It crosses as a JS object made by serde-wasm-bindgen
/// (bytes as a `Uint8Array`); the worker reads it back into this type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Nothing: the worker starts (fetches and compiles its wasm) while the user chooses a file.
    Ping,
    /// A file's bytes opened: what it is is read from the bytes; `encoding` (a label: `auto`,
    /// `utf-8`, `gb18030`, `utf-16le`, `utf-16be`) applies to a text file; a file named as a
    /// workbook (`named_workbook`) whose bytes are not one is refused as damaged.
    Open {
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
        encoding: String,
        named_workbook: bool,
    },
    /// One sheet of a workbook read.
    ReadSheet {
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
        sheet: String,
    },
    /// A workbook written from named sheets of cells.
    WriteWorkbook {
        sheets: Vec<(String, Vec<Vec<Cell>>)>,
    },
}

/// The sheets worker's answer to a [`Request`] (a file or a workbook refused is
/// [`Reply::Refused`], with why and where; the protocol's own failures cross as the reply's
/// error).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    /// To [`Request::Ping`].
    Ready,
    /// To [`Request::Open`].
    Opened(Opened),
    /// To [`Request::ReadSheet`].
    Sheet(Table),
    /// To [`Request::WriteWorkbook`]: the bytes of the .xlsx file.
    Workbook(#[serde(with = "serde_bytes")] Vec<u8>),
    /// To any: the file or the workbook refused.
    Refused(dingji_sheets::SheetError),
}

/// A sheet or a text file's records: `rows[0]` is on line (row) `first_row` of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub first_row: usize,
    #[serde(with = "packed")]
    pub rows: Vec<Vec<String>>,
    /// The cells may carry the apostrophe this program writes before a formula's first character
    /// (a text file: see `tools::export::neutralize`); a workbook's do not (its quote is a format).
    /// Set by the page, from what the file is.
    #[serde(skip)]
    pub quoted: bool,
    /// What reading it did that the user should know (merged cells filled, hidden sheets),
    /// written by `tools::sheet_said::note`.
    pub notes: Vec<dingji_sheets::Note>,
    /// The lines above the header that hold anything (a title, who filled the form), left out
    /// when the import found its header below them. Set by the page.
    #[serde(skip)]
    pub above: Vec<usize>,
}

/// The sheets worker's loader as trunk names it, relative to the page.
const SHEETS_URL: &str = "./sheets_loader.js";

/// Sends `request` to the sheets worker (starting it if need be) and waits for its reply.
async fn ask(request: &Request) -> Result<Reply, Error> {
    let refused = |why: &str| Error::Refused(why.to_owned());
    let message = serde_wasm_bindgen::to_value(request)
        .map_err(|_| refused("文件过大，无法交给表格模块读取"))?;
    let reply = JsFuture::from(super::client::ask(SHEETS_URL, &message))
        .await
        .map_err(Error::from_js)?;
    match serde_wasm_bindgen::from_value(reply).map_err(|_| refused("表格模块的答复无法读取"))?
    {
        Reply::Refused(why) => Err(Error::Sheet(std::rc::Rc::new(why))),
        reply => Ok(reply),
    }
}

/// Starts the worker (fetching and compiling its wasm) while the user chooses a file.
pub fn warm() {
    // A failure to start shows when the file is read; not here.
    wasm_bindgen_futures::spawn_local(async {
        let _ = ask(&Request::Ping).await;
    });
}

/// The answer to a request that got another kind of reply (a worker of another version).
fn unexpected<T>() -> Result<T, Error> {
    Err(Error::Refused("表格模块的答复不符合请求".to_owned()))
}

/// Whether a file's name says it is a workbook (.xlsx, .xlsm): one whose bytes are not is refused
/// as damaged rather than read as text.
pub fn named_workbook(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.ends_with(".xlsx") || name.ends_with(".xlsm")
}

/// A file opened in the worker: a workbook's sheets (name, hidden) and the sheet that holds the
/// list read (the one visible, or of several the one with the most rows with a name and a
/// number: `chosen`); or a text file read, with the label of the encoding it was read in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opened {
    pub sheets: Vec<(String, bool)>,
    pub table: Option<Table>,
    pub encoding: Option<String>,
    pub chosen: Option<String>,
}

/// Opens a file's bytes ([`Request::Open`]).
pub async fn open(
    bytes: &Uint8Array,
    encoding: &str,
    named_workbook: bool,
) -> Result<Opened, Error> {
    let request = Request::Open {
        bytes: bytes.to_vec(),
        encoding: encoding.to_owned(),
        named_workbook,
    };
    let Reply::Opened(mut opened) = ask(&request).await? else {
        return unexpected();
    };
    // A text file's cells may carry the apostrophe this program writes before a formula.
    if let Some(table) = &mut opened.table {
        table.quoted = opened.encoding.is_some();
    }
    Ok(opened)
}

/// The cells of one sheet, as text, row by row (column A first), with the row number of the
/// first.
pub async fn read_sheet(bytes: &Uint8Array, sheet: &str) -> Result<Table, Error> {
    let request = Request::ReadSheet {
        bytes: bytes.to_vec(),
        sheet: sheet.to_owned(),
    };
    match ask(&request).await? {
        Reply::Sheet(table) => Ok(table),
        _ => unexpected(),
    }
}

/// A workbook of named sheets, as the bytes of an .xlsx file.
pub async fn write_workbook(sheets: &[(String, Vec<Vec<Cell>>)]) -> Result<Uint8Array, Error> {
    let request = Request::WriteWorkbook {
        sheets: sheets.to_vec(),
    };
    match ask(&request).await? {
        Reply::Workbook(bytes) => Ok(Uint8Array::from(bytes.as_slice())),
        _ => unexpected(),
    }
}

/// A table's cells as they cross between the sheets worker and the page: each row's count of
/// cells and each cell's length in bytes (u32, little-endian), then the cells' text, one UTF-8
/// buffer: two byte arrays, copied whole. As arrays of strings, the 900,000 cells of a
/// 100,000-row sheet took 0.7 s to write and read again.
mod packed {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_bytes::{ByteBuf, Bytes};

    pub fn serialize<S: Serializer>(rows: &[Vec<String>], to: S) -> Result<S::Ok, S::Error> {
        let (mut sizes, mut text) = (Vec::new(), Vec::new());
        let mut size = |n: usize| {
            let n = u32::try_from(n).map_err(|_| serde::ser::Error::custom("cell too long"))?;
            sizes.extend_from_slice(&n.to_le_bytes());
            Ok(())
        };
        for row in rows {
            size(row.len())?;
            for cell in row {
                size(cell.len())?;
                text.extend_from_slice(cell.as_bytes());
            }
        }
        (Bytes::new(&sizes), Bytes::new(&text)).serialize(to)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Vec<Vec<String>>, D::Error> {
        let (sizes, text): (ByteBuf, ByteBuf) = Deserialize::deserialize(from)?;
        let bad = || D::Error::custom("the table's cells do not add up");
        let mut sizes = sizes
            .chunks_exact(4)
            .map(|b| <[u8; 4]>::try_from(b).map(|b| u32::from_le_bytes(b) as usize));
        let mut at: usize = 0;
        let mut rows = Vec::new();
        while let Some(cells) = sizes.next() {
            let cells = cells.map_err(|_| bad())?;
            // Each cell takes four bytes of `sizes`: no more cells than are left.
            let mut row = Vec::with_capacity(cells.min(text.len() + 1));
            for _ in 0..cells {
                let n = sizes.next().ok_or_else(bad)?.map_err(|_| bad())?;
                let cell = text.get(at..at.saturating_add(n)).ok_or_else(bad)?;
                row.push(std::str::from_utf8(cell).map_err(|_| bad())?.to_owned());
                at += n;
            }
            rows.push(row);
        }
        if at != text.len() {
            return Err(bad());
        }
        Ok(rows)
    }
}

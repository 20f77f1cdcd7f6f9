//! The sheets worker: serves the `dingji-sheets` crate (files read, workbooks written) to the
//! list page and its tools, in a Web Worker with its own wasm. trunk builds it as
//! `sheets_loader.js` + `sheets.js` + `sheets_bg.wasm`, which `scripts/post-build.mjs` names by a
//! hash of their content.
//!
//! Each message is `{ id, request }`, a [`Request`] as serde-wasm-bindgen made it; each reply
//! `{ id, ok }` with the [`Reply`] (a file refused is [`Reply::Refused`], why and where as data),
//! or `{ id, error }` where the request or the reply could not cross (the protocol of
//! `dingji::wire::client`). A written workbook's buffer is transferred, not copied.

use dingji::wire::sheets::{Opened, Reply, Request, Table};
use dingji_sheets::{Encoding, SheetText, open_file, read_sheet, write_workbook};

fn table(sheet: SheetText) -> Table {
    Table {
        above: Vec::new(),
        first_row: sheet.first_row,
        rows: sheet.rows,
        quoted: false,
        notes: sheet.notes,
    }
}

/// The answer to one request.
fn handle(request: Request) -> Reply {
    answer(request).unwrap_or_else(Reply::Refused)
}

fn answer(request: Request) -> Result<Reply, dingji_sheets::SheetError> {
    Ok(match request {
        Request::Ping => Reply::Ready,
        Request::Open {
            bytes,
            encoding,
            named_workbook,
        } => {
            let opened = open_file(&bytes, Encoding::from_label(&encoding), named_workbook)?;
            Reply::Opened(Opened {
                sheets: opened
                    .sheets
                    .into_iter()
                    .map(|s| (s.name, s.hidden))
                    .collect(),
                table: opened.sheet.map(table),
                encoding: opened.encoding.map(|e| e.label().to_owned()),
                chosen: opened.chosen.map(|(name, _)| name),
            })
        }
        Request::ReadSheet { bytes, sheet } => Reply::Sheet(table(read_sheet(&bytes, &sheet)?)),
        Request::WriteWorkbook { sheets } => Reply::Workbook(write_workbook(&sheets)?),
    })
}

/// Answers the page's messages ([`dingji::wire::serve`]): a written workbook's buffer moves to
/// the page.
#[cfg(target_arch = "wasm32")]
fn start() {
    use dingji::wire::serve::{Answer, serve};
    use js_sys::{Array, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    serve(|get| {
        let answer = serde_wasm_bindgen::from_value::<Request>(get("request"))
            .map_err(|_| "表格模块收到的请求无法读取".to_owned())
            .map(handle)
            .and_then(|reply| {
                serde_wasm_bindgen::to_value(&reply).map_err(|_| "结果无法传回页面".to_owned())
            });
        match answer {
            Ok(value) => {
                let bytes = Reflect::get(&value, &"Workbook".into()).unwrap_or_default();
                let transfer = bytes
                    .dyn_into::<Uint8Array>()
                    .ok()
                    .map(|bytes| Array::of1(&bytes.buffer()));
                Answer::Ok { value, transfer }
            }
            Err(message) => Answer::Error(message),
        }
    });
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    start();
    // Natively (the tests' build) there is no worker to serve.
    #[cfg(not(target_arch = "wasm32"))]
    let _ = handle;
}

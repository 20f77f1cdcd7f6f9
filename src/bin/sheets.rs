//! The sheets worker: serves the `dingji-sheets` crate (files read, workbooks written) to the
//! list page and its tools, in a Web Worker with its own wasm. trunk builds it as
//! `sheets_loader.js` + `sheets.js` + `sheets_bg.wasm`, which `scripts/post-build.mjs` names by a
//! hash of their content.
//!
//! Each message is `{ id, request }`, a [`Request`] as serde-wasm-bindgen made it; each reply
//! `{ id, ok }` with the [`Reply`], or `{ id, error }` with the Chinese sentence for the user (the
//! protocol of `dingji::wire::client`). A written workbook's buffer is transferred, not copied.

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
fn handle(request: Request) -> Result<Reply, String> {
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

#[cfg(target_arch = "wasm32")]
fn start() {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let get = |key: &str| Reflect::get(&data, &JsValue::from_str(key)).unwrap_or_default();
            let reply = Object::new();
            let set = |key: &str, value: &JsValue| {
                let _ = Reflect::set(&reply, &JsValue::from_str(key), value);
            };
            set("id", &get("id"));
            let answer = serde_wasm_bindgen::from_value::<Request>(get("request"))
                .map_err(|_| "表格模块收到的请求无法读取".to_owned())
                .and_then(handle)
                .and_then(|reply| {
                    serde_wasm_bindgen::to_value(&reply).map_err(|_| "结果无法传回页面".to_owned())
                });
            let posted = match answer {
                Ok(value) => {
                    set("ok", &value);
                    // A workbook's bytes: their buffer moves to the page.
                    let bytes = Reflect::get(&value, &"Workbook".into()).unwrap_or_default();
                    match bytes.dyn_into::<Uint8Array>() {
                        Ok(bytes) => reply_to
                            .post_message_with_transfer(&reply, &Array::of1(&bytes.buffer())),
                        Err(_) => reply_to.post_message(&reply),
                    }
                }
                Err(message) => {
                    set("error", &JsValue::from_str(&message));
                    reply_to.post_message(&reply)
                }
            };
            if posted.is_err() {
                let _ = Reflect::delete_property(&reply, &"ok".into());
                set("error", &JsValue::from_str("结果无法传回页面"));
                let _ = reply_to.post_message(&reply);
            }
        });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    // Messages posted before this point found no listener: the page waits for this one.
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    start();
    // Natively (the tests' build) there is no worker to serve.
    #[cfg(not(target_arch = "wasm32"))]
    let _ = handle;
}

//! The sheets worker: serves [`dingji_sheets`] to the list page. Each message is
//! `{ id, name, args }`; each reply `{ id, ok }` or `{ id, error }` (the protocol of the page's
//! `dingji::wire::client::call_worker`). Bytes cross as `Uint8Array`s; a written workbook's
//! buffer is transferred, not copied.
//!
//! - `ping()` → `true` (the page starts the worker before a file is chosen);
//! - `open(bytes, encoding, namedWorkbook)` → `{ sheets, sheet, encoding }`: a workbook's sheets
//!   (`[name, hidden]`, in order) and, where one is visible, that sheet read; or a text file read
//!   in `encoding` (a label of [`dingji_sheets::Encoding`]; `auto` detects it) and the encoding
//!   used (see [`dingji_sheets::open_file`] for `namedWorkbook`);
//! - `read_sheet(bytes, name)` → `{ firstRow, packed, notes }`, the rows packed in one string
//!   ([`dingji_sheets::SheetText::packed`]);
//! - `write_workbook([[name, rows], …])` → the .xlsx bytes; a cell is a string, or
//!   `[text, decimals]` for a number.

#[cfg(target_arch = "wasm32")]
mod serve {
    use dingji_sheets::{Cell, Encoding, SheetText, open_file, read_sheet, write_workbook};
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;

    fn bytes(args: &Array, i: u32) -> Vec<u8> {
        Uint8Array::new(&args.get(i)).to_vec()
    }

    fn cell(value: JsValue) -> Cell {
        match value.dyn_into::<Array>() {
            Ok(pair) => Cell::Number {
                text: pair.get(0).as_string().unwrap_or_default(),
                decimals: pair.get(1).as_f64().unwrap_or(0.0) as u32,
            },
            Err(value) => Cell::Text(value.as_string().unwrap_or_default()),
        }
    }

    fn sheet_js(sheet: &SheetText) -> JsValue {
        let out = Object::new();
        let _ = Reflect::set(&out, &"firstRow".into(), &(sheet.first_row as f64).into());
        let _ = Reflect::set(&out, &"packed".into(), &JsValue::from_str(&sheet.packed()));
        let notes: Array = sheet.notes.iter().map(|n| JsValue::from_str(n)).collect();
        let _ = Reflect::set(&out, &"notes".into(), &notes);
        out.into()
    }

    fn handle(name: &str, args: &Array) -> Result<(JsValue, Option<Array>), String> {
        match name {
            "ping" => Ok((JsValue::TRUE, None)),
            "open" => {
                let encoding = Encoding::from_label(&args.get(1).as_string().unwrap_or_default());
                let opened = open_file(&bytes(args, 0), encoding, args.get(2).is_truthy())?;
                let out = Object::new();
                if let Some(sheet) = &opened.sheet {
                    let _ = Reflect::set(&out, &"sheet".into(), &sheet_js(sheet));
                }
                if let Some(e) = opened.encoding {
                    let _ = Reflect::set(&out, &"encoding".into(), &e.label().into());
                }
                let sheets: Array = opened
                    .sheets
                    .iter()
                    .map(|s| Array::of2(&s.name.as_str().into(), &s.hidden.into()))
                    .collect();
                let _ = Reflect::set(&out, &"sheets".into(), &sheets);
                Ok((out.into(), None))
            }
            "read_sheet" => {
                let sheet = read_sheet(
                    &bytes(args, 0),
                    &args.get(1).as_string().unwrap_or_default(),
                )?;
                Ok((sheet_js(&sheet), None))
            }
            "write_workbook" => {
                let book: Vec<(String, Vec<Vec<Cell>>)> = Array::from(&args.get(0))
                    .iter()
                    .map(|sheet| {
                        let sheet = Array::from(&sheet);
                        let rows = Array::from(&sheet.get(1))
                            .iter()
                            .map(|row| Array::from(&row).iter().map(cell).collect())
                            .collect();
                        (sheet.get(0).as_string().unwrap_or_default(), rows)
                    })
                    .collect();
                let out = Uint8Array::from(write_workbook(&book)?.as_slice());
                let transfer = Array::of1(&out.buffer());
                Ok((out.into(), Some(transfer)))
            }
            _ => Err(format!("未知的操作：{name}")),
        }
    }

    pub fn start() {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let data = event.data();
                let get = |key: &str| {
                    Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
                };
                let name = get("name").as_string().unwrap_or_default();
                let args: Array = get("args").dyn_into().unwrap_or_default();
                let reply = Object::new();
                let _ = Reflect::set(&reply, &"id".into(), &get("id"));
                let posted = match handle(&name, &args) {
                    Ok((value, transfer)) => {
                        let _ = Reflect::set(&reply, &"ok".into(), &value);
                        match transfer {
                            Some(t) => reply_to.post_message_with_transfer(&reply, &t),
                            None => reply_to.post_message(&reply),
                        }
                    }
                    Err(message) => {
                        let _ = Reflect::set(&reply, &"error".into(), &JsValue::from_str(&message));
                        reply_to.post_message(&reply)
                    }
                };
                if posted.is_err() {
                    let _ = Reflect::set(
                        &reply,
                        &"error".into(),
                        &JsValue::from_str("结果无法传回页面"),
                    );
                    let _ = Reflect::delete_property(&reply, &"ok".into());
                    let _ = reply_to.post_message(&reply);
                }
            },
        );
        scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        onmessage.forget();
        // Messages posted before this point found no listener: the page waits for this one.
        let ready = Object::new();
        let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
        let _ = scope.post_message(&ready);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    serve::start();
}

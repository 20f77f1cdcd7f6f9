//! A worker's side of the protocol of [`super::client`], for both workers (the main worker and
//! the sheets worker): each message `{ id, … }` is answered `{ id, ok }`, `{ id, json }` or
//! `{ id, error }`, a reply's buffers moved rather than copied, and `{ ready: true }` is posted
//! once the worker listens (messages posted before found no listener: the page waits for it).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// A worker's answer to one message.
pub enum Answer {
    /// A value, with the buffers it holds to move to the page (a workbook's bytes), if any.
    Ok {
        value: JsValue,
        transfer: Option<Array>,
    },
    /// A value as JSON text (one string to clone, not a graph of objects).
    Json(String),
    /// Why not: the sentence the page shows.
    Error(String),
}

/// Listens for the page's messages, answering each with `answer` (given the message's field
/// of each name), and tells the page it is ready.
pub fn serve(answer: impl Fn(&dyn Fn(&str) -> JsValue) -> Answer + 'static) {
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
            let posted = match answer(&get) {
                Answer::Ok { value, transfer } => {
                    set("ok", &value);
                    match transfer {
                        Some(buffers) => reply_to.post_message_with_transfer(&reply, &buffers),
                        None => reply_to.post_message(&reply),
                    }
                }
                Answer::Json(text) => {
                    set("json", &JsValue::from_str(&text));
                    reply_to.post_message(&reply)
                }
                Answer::Error(message) => {
                    set("error", &JsValue::from_str(&message));
                    reply_to.post_message(&reply)
                }
            };
            // A reply that cannot be posted (a value that does not clone) is an error, never
            // silence: the page's call would wait for nothing.
            if posted.is_err() {
                let _ = Reflect::delete_property(&reply, &"ok".into());
                set("error", &JsValue::from_str("结果无法传回页面"));
                let _ = reply_to.post_message(&reply);
            }
        });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

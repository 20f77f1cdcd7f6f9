//! The JS API: the rules engine for scripts on the same page, as `window.wasmBindings` once
//! trunk's loader has run (the `TrunkApplicationStarted` event). The only JS boundary of the app.
//!
//! ```js
//! const r = await window.wasmBindings.evaluate("B", {
//!   inputs: { committee: { score: "92" }, vote: { votes: { counts: [30, 15, 4, 1] } }, self: { score: "95" } },
//! });
//! // r.rounded === "89.18", r.tier_name === "较好", r.stars_name === "三星"
//! ```
//!
//! - A scheme is a preset id (`"B"`) or a scheme object in the file format of the README.
//! - Decimals cross as strings, both ways, so that nothing passes through a binary float.
//! - Every function returns a `Promise`; a failure rejects it with a JS `Error` whose message is
//!   the Chinese message of the rules crate (naming the field and row).
//!
//! The work runs in a Web Worker with its own wasm ([`crate::worker`]), started on the first call:
//! the JSON reader for schemes and organizations and the writers of results stay out of the
//! page's first load (its 150 KiB budget).

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Where trunk puts the worker's loader, relative to the page.
const WORKER_URL: &str = "./worker_loader.js";

struct Client {
    worker: web_sys::Worker,
    /// The worker has said it is ready: messages posted before would find no listener.
    ready: bool,
    /// Messages waiting for the worker to be ready.
    queue: Vec<Object>,
    pending: Vec<(u32, Function, Function)>,
    next: u32,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Settles the promise of a reply `{ id, ok }` or `{ id, error }`; on `{ ready: true }` sends
/// what waited for the worker to start.
fn on_reply(event: web_sys::MessageEvent) {
    let data = event.data();
    if get(&data, "ready").is_truthy() {
        CLIENT.with(|c| {
            if let Some(client) = c.borrow_mut().as_mut() {
                client.ready = true;
                for message in client.queue.drain(..) {
                    let _ = client.worker.post_message(&message);
                }
            }
        });
        return;
    }
    let id = get(&data, "id").as_f64().unwrap_or(-1.0) as u32;
    let taken = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.as_mut()?;
        let at = client.pending.iter().position(|(i, _, _)| *i == id)?;
        Some(client.pending.swap_remove(at))
    });
    let Some((_, resolve, reject)) = taken else {
        return;
    };
    let failure = get(&data, "error");
    let _ = match failure.as_string() {
        Some(message) => reject.call1(&JsValue::NULL, &error(&message)),
        None => resolve.call1(&JsValue::NULL, &get(&data, "ok")),
    };
}

/// Fails every call in flight (the worker could not start or crashed).
fn on_failure(message: &str) {
    let pending: Vec<(u32, Function, Function)> = CLIENT.with(|c| {
        c.borrow_mut()
            .as_mut()
            .map(|c| c.pending.drain(..).collect())
            .unwrap_or_default()
    });
    for (_, _, reject) in pending {
        let _ = reject.call1(&JsValue::NULL, &error(message));
    }
}

fn start() -> Result<web_sys::Worker, JsValue> {
    let worker = web_sys::Worker::new(WORKER_URL)?;
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_reply);
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let onerror =
        Closure::<dyn FnMut(web_sys::Event)>::new(|_| on_failure("计算模块未能启动（worker）"));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onerror.forget();
    Ok(worker)
}

/// Posts `{ id, name, args }` to the worker (starting it if need be) and returns the promise of
/// its reply.
pub(crate) fn call(name: &str, args: Array) -> Promise {
    Promise::new(&mut |resolve: Function, reject: Function| {
        let sent = CLIENT.with(|cell| -> Result<(), JsValue> {
            let mut cell = cell.borrow_mut();
            if cell.is_none() {
                *cell = Some(Client {
                    worker: start()?,
                    ready: false,
                    queue: Vec::new(),
                    pending: Vec::new(),
                    next: 0,
                });
            }
            let Some(client) = cell.as_mut() else {
                return Err(error("worker"));
            };
            let id = client.next;
            client.next = client.next.wrapping_add(1);
            let message = Object::new();
            Reflect::set(&message, &"id".into(), &id.into())?;
            Reflect::set(&message, &"name".into(), &name.into())?;
            Reflect::set(&message, &"args".into(), &args)?;
            client.pending.push((id, resolve.clone(), reject.clone()));
            if client.ready {
                client.worker.post_message(&message)
            } else {
                client.queue.push(message);
                Ok(())
            }
        });
        if let Err(e) = sent {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    })
}

/// Every preset scheme, as scheme objects.
#[wasm_bindgen]
pub fn presets() -> Promise {
    call("presets", Array::new())
}

/// Checks a scheme (a preset id or a scheme object); resolves to it as read, defaults filled in,
/// or rejects with what is wrong.
#[wasm_bindgen]
pub fn validate(scheme: JsValue) -> Promise {
    call("validate", Array::of1(&scheme))
}

/// Grades one organization (an object), or a list (an array: the list rules apply, and the result
/// has `rows`, `quotas` and the `summary`). `lang` is `"zh"` (the default) or `"en"`.
#[wasm_bindgen]
pub fn evaluate(scheme: JsValue, orgs: JsValue, lang: Option<String>) -> Promise {
    call(
        "evaluate",
        Array::of3(&scheme, &orgs, &lang.map_or(JsValue::UNDEFINED, Into::into)),
    )
}

/// Explains one organization: its result, and every step as data and as a line of text.
#[wasm_bindgen]
pub fn explain(scheme: JsValue, org: JsValue, lang: Option<String>) -> Promise {
    call(
        "explain",
        Array::of3(&scheme, &org, &lang.map_or(JsValue::UNDEFINED, Into::into)),
    )
}

/// For each source of one organization, what it would need for the next tier up.
#[wasm_bindgen]
pub fn goal_seek(scheme: JsValue, org: JsValue) -> Promise {
    call("goal_seek", Array::of2(&scheme, &org))
}

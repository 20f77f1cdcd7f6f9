//! The pages' side of a worker: one client per worker script, started on its first call; each
//! call posts `{ id, name, args }` (or `args_json`, with `orgs_json` for `evaluate`), or a typed
//! `{ id, request }` (the sheets worker's), and gets a promise of the reply `{ id, ok }`,
//! `{ id, json }` or `{ id, error }`. Messages posted before the worker says it is ready wait.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The worker's loader as trunk names it, relative to the page.
pub const WORKER_URL: &str = "./worker_loader.js";

struct Client {
    url: &'static str,
    worker: web_sys::Worker,
    /// The worker has said it is ready: messages posted before would find no listener.
    ready: bool,
    /// Messages waiting for the worker to be ready.
    queue: Vec<Object>,
    pending: Vec<(u32, Function, Function)>,
    next: u32,
}

thread_local! {
    /// One client per worker script, started on its first call.
    static CLIENTS: RefCell<Vec<Client>> = const { RefCell::new(Vec::new()) };
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// The JS error a call is rejected with when its worker fails: its Chinese sentence (what the JS
/// API's callers read) and the failure's name (by which a page says it in its own language).
fn failed(failure: super::WorkerFailure) -> JsValue {
    let e = js_sys::Error::new(&super::Error::Worker(failure).to_string());
    e.set_name(failure.name());
    e.into()
}

fn with_client<T>(url: &str, f: impl FnOnce(&mut Client) -> T) -> Option<T> {
    CLIENTS.with(|c| c.borrow_mut().iter_mut().find(|c| c.url == url).map(f))
}

/// Settles the promise of a reply `{ id, ok }` or `{ id, error }`; on `{ ready: true }` sends
/// what waited for the worker to start; on `{ failed }` (its loader could not start the wasm)
/// fails every call, as when the worker dies.
fn on_reply(url: &'static str, event: web_sys::MessageEvent) {
    let data = event.data();
    if !get(&data, "failed").is_undefined() {
        on_failure(url);
        return;
    }
    if get(&data, "ready").is_truthy() {
        with_client(url, |client| {
            client.ready = true;
            for message in client.queue.drain(..) {
                let _ = client.worker.post_message(&message);
            }
        });
        return;
    }
    let id = get(&data, "id").as_f64().unwrap_or(-1.0) as u32;
    let taken = with_client(url, |client| {
        let at = client.pending.iter().position(|(i, _, _)| *i == id)?;
        Some(client.pending.swap_remove(at))
    })
    .flatten();
    let Some((_, resolve, reject)) = taken else {
        return;
    };
    let failure = get(&data, "error");
    let _ = match (failure.as_string(), get(&data, "json").as_string()) {
        (Some(message), _) => reject.call1(&JsValue::NULL, &error(&message)),
        // JSON text from the worker: parsed here, by the browser.
        (None, Some(text)) => match js_sys::JSON::parse(&text) {
            Ok(value) => resolve.call1(&JsValue::NULL, &value),
            Err(_) => reject.call1(&JsValue::NULL, &failed(super::WorkerFailure::BadReply)),
        },
        (None, None) => resolve.call1(&JsValue::NULL, &get(&data, "ok")),
    };
}

/// How long a worker may take to start (fetch and compile its wasm) before its calls fail.
const START_MS: i32 = 15_000;

/// Fails every call in flight to a worker that could not start or crashed, and drops the
/// worker: the next call starts a new one.
fn on_failure(url: &'static str) {
    let client = CLIENTS.with(|c| {
        let mut clients = c.borrow_mut();
        let at = clients.iter().position(|c| c.url == url)?;
        Some(clients.swap_remove(at))
    });
    let Some(client) = client else {
        return;
    };
    client.worker.terminate();
    for (_, _, reject) in client.pending {
        let _ = reject.call1(&JsValue::NULL, &failed(super::WorkerFailure::NotStarted));
    }
}

/// The name the build gave a file loaded after the page (a worker's loader, the tools
/// bundle): the build names them by a hash of their content and gives the page
/// `self.dingjiWorkers`, each file's name by trunk's ("./worker_loader.js"); a page without it
/// (a test page) loads `url` itself.
pub fn script(url: &str) -> String {
    let names = web_sys::window().map_or(JsValue::UNDEFINED, |w| get(&w, "dingjiWorkers"));
    get(&names, url)
        .as_string()
        .unwrap_or_else(|| url.to_owned())
}

/// Where the hosted pages offer the portable build (`scripts/portable.mjs`: both pages, each
/// one file that opens from the disk), as 下载单机版.
pub const PORTABLE_ZIP: &str = "./portable/dingji-portable.zip";

/// The page is the portable build (its runtime, `assets/portable.js`, has set
/// `self.dingjiPortable`): it offers no download of itself. Never, off the web (a render test).
pub fn portable() -> bool {
    cfg!(target_arch = "wasm32")
        && web_sys::window().is_some_and(|w| !get(&w, "dingjiPortable").is_undefined())
}

/// Links the style sheet `url` (by its name in the pages' map, as [`script`] finds it) into the
/// document once, as the element `id`: a sheet the page needs only sometimes (the calculator's
/// presentation mode).
pub fn load_style(url: &str, id: &str) {
    let document = gloo::utils::document();
    if document.get_element_by_id(id).is_some() {
        return;
    }
    if let (Ok(link), Some(body)) = (document.create_element("link"), document.body()) {
        link.set_id(id);
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &script(url));
        let _ = body.append_child(&link);
    }
}

/// Runs the script `url` (by its name in the pages' map, as [`script`] finds it), then calls `done`
/// with the global `name` it sets (undefined if the script could not be fetched): a file of data
/// the page needs only sometimes (the English catalogue, `self.dingjiEn`).
pub fn load_script(url: &str, name: &'static str, done: impl FnOnce(JsValue) + 'static) {
    let document = gloo::utils::document();
    let (Ok(element), Some(body)) = (document.create_element("script"), document.body()) else {
        done(JsValue::UNDEFINED);
        return;
    };
    let finished = super::once(Box::new(move || done(get(&js_sys::global(), name))));
    let _ = element.add_event_listener_with_callback("load", finished.unchecked_ref());
    let _ = element.add_event_listener_with_callback("error", finished.unchecked_ref());
    let _ = element.set_attribute("src", &script(url));
    let _ = body.append_child(&element);
}

fn start(url: &'static str) -> Result<web_sys::Worker, JsValue> {
    let worker = web_sys::Worker::new(&script(url))?;
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e| on_reply(url, e));
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_failure(url));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onerror.forget();
    // No call waits forever: a worker that has not said it is ready in time is given up.
    let started = worker.clone();
    super::later(
        START_MS,
        Box::new(move || {
            let late = with_client(url, |c| !c.ready && c.worker == started).unwrap_or(false);
            if late {
                on_failure(url);
            }
        }),
    );
    Ok(worker)
}

/// Posts `{ id, name, args }` to the worker of `url` (starting it if need be) and returns the
/// promise of its reply.
pub fn call_worker(url: &'static str, name: &str, args: Array) -> Promise {
    send(url, &[("name", &name.into()), ("args", &args)])
}

/// Posts `{ id, request }` (a typed request, as serde-wasm-bindgen made it) to the worker of
/// `url` and returns the promise of its reply.
pub fn ask(url: &'static str, request: &JsValue) -> Promise {
    send(url, &[("request", request)])
}

/// Posts `{ id, …fields }` and returns the promise of the reply.
fn send(url: &'static str, fields: &[(&str, &JsValue)]) -> Promise {
    Promise::new(&mut |resolve: Function, reject: Function| {
        let sent = CLIENTS.with(|cell| -> Result<(), JsValue> {
            let mut clients = cell.borrow_mut();
            if !clients.iter().any(|c| c.url == url) {
                clients.push(Client {
                    url,
                    worker: start(url)?,
                    ready: false,
                    queue: Vec::new(),
                    pending: Vec::new(),
                    next: 0,
                });
            }
            let Some(client) = clients.iter_mut().find(|c| c.url == url) else {
                return Err(error("worker"));
            };
            let id = client.next;
            client.next = client.next.wrapping_add(1);
            let message = Object::new();
            Reflect::set(&message, &"id".into(), &id.into())?;
            for (key, value) in fields {
                Reflect::set(&message, &(*key).into(), value)?;
            }
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

/// A call to the main worker. The arguments cross as JSON text (one string to clone instead of a
/// graph of objects: a list of 10,000 organizations), except typed-array columns, which cross as
/// they are.
pub fn call(name: &str, args: Array) -> Promise {
    if name == "evaluate_columns" {
        return call_worker(WORKER_URL, name, args);
    }
    let text = |value: &JsValue| {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
    };
    // The organizations graded cross as text of their own, which the worker reads straight into
    // organizations, without making JS objects of them there first.
    let orgs = Some(args.get(1)).filter(|o| name == "evaluate" && o.is_object());
    if orgs.is_some() {
        args.set(1, JsValue::NULL);
    }
    match (text(&args), orgs.as_ref().map(text)) {
        (Some(json), None) => send(
            WORKER_URL,
            &[("name", &name.into()), ("args_json", &json.into())],
        ),
        (Some(json), Some(Some(orgs))) => send(
            WORKER_URL,
            &[
                ("name", &name.into()),
                ("args_json", &json.into()),
                ("orgs_json", &orgs.into()),
            ],
        ),
        _ => Promise::reject(&error("参数无法读取（应为可转为 JSON 的对象）")),
    }
}

//! The browser's database (IndexedDB `dingji`, object store `saved`), where the list is kept
//! between visits: text under a key, as local storage keeps it, without local storage's limit
//! (about 5 million characters a site in Chromium; a list of 100,000 organizations is 4.3
//! million). The connection is opened once a page and kept, so that a save as the page goes
//! away does not wait for an open.
//!
//! Written over web-sys's IndexedDB bindings, each request awaited as a promise that its own
//! `success` and `error` events settle: the crates put the list page over its 200 KiB ceiling
//! (`indexed_db_futures` by 19.3 KiB gzip, `idb` by 7.6 KiB; this, by what it is).

use std::cell::OnceCell;

use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const NAME: &str = "dingji";
const VERSION: u32 = 1;
const STORE: &str = "saved";

thread_local! {
    // One connection for the page's life.
    static DB: OnceCell<IdbDatabase> = const { OnceCell::new() };
}

/// Why the store did not do what was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser has no database for this page, or refused to open it (storage turned off).
    Unavailable,
    /// The browser refused the write: most often its storage for the site is full.
    Refused,
}

/// Waits for `request`: its result, or `Err` on its `error` event.
async fn settled(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await?;
    request.result()
}

/// Opens the database (made on the first visit) and keeps it for the page's life. The list page
/// opens it before it reads the saved list, so that a save never waits for it: one issued as the
/// page goes away is issued there and then.
pub async fn open() -> Result<(), StoreError> {
    if DB.with(|c| c.get().is_some()) {
        return Ok(());
    }
    let request = gloo::utils::window()
        .indexed_db()
        .ok()
        .flatten()
        .and_then(|f| f.open_with_u32(NAME, VERSION).ok())
        .ok_or(StoreError::Unavailable)?;
    // Version 1 is the first: one store of text by key, made when the database is.
    let upgrade = wasm_bindgen::closure::Closure::once_into_js({
        let request = request.clone();
        move || {
            if let Ok(db) = request.result().and_then(|db| db.dyn_into::<IdbDatabase>()) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = settled(&request)
        .await
        .ok()
        .and_then(|db| db.dyn_into::<IdbDatabase>().ok())
        .ok_or(StoreError::Unavailable)?;
    request.set_onupgradeneeded(None);
    DB.with(|c| c.set(db).ok());
    Ok(())
}

/// A transaction over the store, and the store, in the database [`open`] opened.
fn store(mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
    let tx = DB
        .with(|c| c.get().cloned())
        .ok_or(StoreError::Unavailable)?
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(|_| StoreError::Unavailable)?;
    let store = tx
        .object_store(STORE)
        .map_err(|_| StoreError::Unavailable)?;
    Ok((tx, store))
}

/// The text kept under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, StoreError> {
    let (_, store) = store(IdbTransactionMode::Readonly)?;
    let request = store
        .get(&JsValue::from_str(key))
        .map_err(|_| StoreError::Unavailable)?;
    let value = settled(&request)
        .await
        .map_err(|_| StoreError::Unavailable)?;
    Ok(value.as_string())
}

/// Keeps `text` under `key`, over what was there; `new_only`: only if nothing is there (a
/// copy kept aside is never written over). The write is issued now, whole or not at all: the
/// promise settles when it is kept, or is rejected when the browser refuses it (a full disk
/// refuses at the transaction's end, not at the put).
pub fn put(key: &str, text: &str, new_only: bool) -> Result<Promise, StoreError> {
    let (tx, store) = store(IdbTransactionMode::Readwrite)?;
    let (value, key) = (JsValue::from_str(text), JsValue::from_str(key));
    if new_only {
        store.add_with_key(&value, &key)
    } else {
        store.put_with_key(&value, &key)
    }
    .map_err(|_| StoreError::Refused)?;
    Ok(Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    }))
}

/// Whether a write [`put`] issued was kept.
pub async fn kept(write: Result<Promise, StoreError>) -> bool {
    match write {
        Ok(done) => JsFuture::from(done).await.is_ok(),
        Err(_) => false,
    }
}

/// The key a saved `key`'s text that could not be read is kept aside under: `key` +
/// `.unreadable.` + the time (in the database, and by [`crate::shared::keep_aside`] in local storage).
pub fn aside(key: &str) -> String {
    format!(
        "{key}.unreadable.{}",
        String::from(js_sys::Date::new_0().to_iso_string())
    )
}

//! IndexedDB through `web-sys`: opening the database with its numbered upgrade steps, and the
//! few requests the door needs, each awaited as a future.
//!
//! The auto-commit trap (DATA-LAYER.md): a transaction commits as soon as no request is pending,
//! so nothing but IndexedDB requests is awaited while one is open. Callers serialise first, then
//! open one transaction, issue every request, and await [`Tx::done`]. A request that fails aborts
//! the whole transaction, which is what makes a batch all or nothing.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The database's name: one per site, shared by every tab.
pub const DATABASE: &str = "redress";

/// The object stores, one per kind of document. Values are the sealed JSON envelopes as text,
/// under out-of-line keys (the record's or assessment's id).
pub mod stores {
    pub const RECORDS: &str = "records";
    pub const ASSESSMENTS: &str = "assessments";
    /// One value, under [`super::SETTINGS_KEY`].
    pub const SETTINGS: &str = "settings";
    /// Tombstones, one per deleted record, under the record's id.
    pub const DELETIONS: &str = "deletions";
    /// Data that could not be read, kept unchanged under `<time>:<where it was>`.
    pub const SET_ASIDE: &str = "set-aside";
    /// The door's own notes, such as when the move from localStorage finished.
    pub const META: &str = "meta";
    /// The records list's rows, one per record under its id, so the list is drawn before the
    /// records have been read (`redress_core::record::search::keep_row`). Derived data: losing
    /// them loses nothing, and they are worked out again once the records are read.
    pub const ROWS: &str = "rows";
    /// Team sync's notes (`super::sync`): each team document's revision tree and leaves, this
    /// device's change counter and id, the team's server, and the checkpoints of its replications.
    pub const SYNC: &str = "sync";
    /// The stores of schema version 1.
    pub const VERSION_1: [&str; 6] = [RECORDS, ASSESSMENTS, SETTINGS, DELETIONS, SET_ASIDE, META];
    pub const ALL: [&str; 8] = [RECORDS, ASSESSMENTS, SETTINGS, DELETIONS, SET_ASIDE, META, ROWS, SYNC];
}

pub const SETTINGS_KEY: &str = "settings";

/// The database's schema version. Each number's step runs once, in order, in `onupgradeneeded`.
const VERSION: u32 = 3;

/// What went wrong, as the browser named it ("QuotaExceededError", "AbortError", …) and said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdbError {
    pub name: String,
    pub message: String,
}

impl IdbError {
    fn from_js(value: &JsValue) -> Self {
        let field = |name: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let name = field("name");
        IdbError {
            name: if name.is_empty() { "UnknownError".into() } else { name },
            message: field("message"),
        }
    }

    fn plain(name: &str, message: &str) -> Self {
        IdbError {
            name: name.into(),
            message: message.into(),
        }
    }

    pub fn is_quota(&self) -> bool {
        self.name == "QuotaExceededError"
    }
}

impl std::fmt::Display for IdbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.name)
        } else {
            write!(f, "{}: {}", self.name, self.message)
        }
    }
}

/// A promise settled by the first of `success` or `failure` firing on `target`. The handlers are
/// set as `on…` properties, replacing any earlier ones, so a request or transaction is awaited once.
fn settled(target: &JsValue, success: &str, failures: &[&str]) -> Promise {
    let target = target.clone();
    let success = success.to_string();
    let failures: Vec<String> = failures.iter().map(|f| f.to_string()).collect();
    Promise::new(&mut move |resolve: Function, reject: Function| {
        let ok = Closure::once_into_js(move |event: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &event);
        });
        let _ = js_sys::Reflect::set(&target, &JsValue::from_str(&success), &ok);
        let reject = reject.clone();
        let failed = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let error = event
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("error")).ok())
                .filter(|e| !e.is_null() && !e.is_undefined())
                .unwrap_or_else(|| JsValue::from_str(&event.type_()));
            let _ = reject.call1(&JsValue::NULL, &error);
        })
        .into_js_value();
        for failure in &failures {
            let _ = js_sys::Reflect::set(&target, &JsValue::from_str(failure), &failed);
        }
    })
}

/// Awaits one request and gives its result.
pub async fn request(request: &IdbRequest) -> Result<JsValue, IdbError> {
    JsFuture::from(settled(request, "onsuccess", &["onerror"]))
        .await
        .map_err(|e| IdbError::from_js(&e))?;
    request.result().map_err(|e| IdbError::from_js(&e))
}

/// Opens the database, running every upgrade step it has not had yet.
pub async fn open() -> Result<IdbDatabase, IdbError> {
    let factory = web_sys::window()
        .ok_or_else(|| IdbError::plain("NoWindow", "there is no window"))?
        .indexed_db()
        .map_err(|e| IdbError::from_js(&e))?
        .ok_or_else(|| IdbError::plain("NotSupported", "this browser has no IndexedDB here"))?;
    let opening: IdbOpenDbRequest = factory
        .open_with_u32(DATABASE, VERSION)
        .map_err(|e| IdbError::from_js(&e))?;
    let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new({
        let opening = opening.clone();
        move |event: web_sys::IdbVersionChangeEvent| {
            let Ok(result) = opening.result() else { return };
            let db: IdbDatabase = result.unchecked_into();
            upgrade_steps(&db, event.old_version() as u32);
        }
    });
    opening.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    // Another tab holding an older version open: the open waits until it closes.
    let result = JsFuture::from(settled(&opening, "onsuccess", &["onerror"]))
        .await
        .map_err(|e| IdbError::from_js(&e));
    opening.set_onupgradeneeded(None);
    drop(upgrade);
    result?;
    let db: IdbDatabase = opening.result().map_err(|e| IdbError::from_js(&e))?.unchecked_into();
    // A newer Redress in another tab wants to upgrade: let it, rather than block it forever.
    let closing = Closure::<dyn FnMut()>::new({
        let db = db.clone();
        move || db.close()
    });
    db.set_onversionchange(Some(closing.as_ref().unchecked_ref()));
    closing.forget();
    Ok(db)
}

/// The numbered steps; step n brings a database of version n − 1 to version n.
fn upgrade_steps(db: &IdbDatabase, from: u32) {
    if from < 1 {
        for name in stores::VERSION_1 {
            let _ = db.create_object_store(name);
        }
    }
    if from < 2 {
        let _ = db.create_object_store(stores::ROWS);
    }
    if from < 3 {
        let _ = db.create_object_store(stores::SYNC);
    }
}

/// One transaction over some stores.
pub struct Tx {
    tx: IdbTransaction,
}

impl Tx {
    pub fn read(db: &IdbDatabase, stores: &[&str]) -> Result<Tx, IdbError> {
        Self::new(db, stores, IdbTransactionMode::Readonly)
    }

    pub fn write(db: &IdbDatabase, stores: &[&str]) -> Result<Tx, IdbError> {
        Self::new(db, stores, IdbTransactionMode::Readwrite)
    }

    fn new(db: &IdbDatabase, stores: &[&str], mode: IdbTransactionMode) -> Result<Tx, IdbError> {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let tx = db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(|e| IdbError::from_js(&e))?;
        Ok(Tx { tx })
    }

    pub fn store(&self, name: &str) -> Result<Store, IdbError> {
        self.tx
            .object_store(name)
            .map(|store| Store { store })
            .map_err(|e| IdbError::from_js(&e))
    }

    /// Waits until every request has been carried out and the transaction committed. If any
    /// request failed, the transaction aborted and nothing it did remains.
    pub async fn done(self) -> Result<(), IdbError> {
        let outcome = JsFuture::from(settled(&self.tx, "oncomplete", &["onerror", "onabort"])).await;
        outcome.map(|_| ()).map_err(|e| {
            let error = IdbError::from_js(&e);
            // An abort caused by a failed request reports the request's error on the transaction.
            match self.tx.error() {
                Some(cause) => IdbError {
                    name: cause.name(),
                    message: cause.message(),
                },
                None => error,
            }
        })
    }

    /// Undoes everything this transaction did.
    pub fn abort(&self) {
        let _ = self.tx.abort();
    }
}

/// One object store within a transaction.
pub struct Store {
    store: IdbObjectStore,
}

impl Store {
    /// Issues a put; the transaction carries it out (await [`Tx::done`]).
    pub fn put(&self, key: &str, text: &str) -> Result<IdbRequest, IdbError> {
        self.store
            .put_with_key(&JsValue::from_str(text), &JsValue::from_str(key))
            .map_err(|e| IdbError::from_js(&e))
    }

    pub fn delete(&self, key: &str) -> Result<IdbRequest, IdbError> {
        self.store
            .delete(&JsValue::from_str(key))
            .map_err(|e| IdbError::from_js(&e))
    }

    pub fn clear(&self) -> Result<IdbRequest, IdbError> {
        self.store.clear().map_err(|e| IdbError::from_js(&e))
    }

    /// The text under `key`, if any.
    pub async fn get(&self, key: &str) -> Result<Option<String>, IdbError> {
        let asked = self
            .store
            .get(&JsValue::from_str(key))
            .map_err(|e| IdbError::from_js(&e))?;
        Ok(request(&asked).await?.as_string())
    }

    /// How many values the store holds.
    pub async fn count(&self) -> Result<u32, IdbError> {
        let asked = self.store.count().map_err(|e| IdbError::from_js(&e))?;
        Ok(request(&asked).await?.as_f64().map_or(0, |n| n as u32))
    }

    /// Every key, in one request.
    pub async fn keys(&self) -> Result<std::collections::HashSet<String>, IdbError> {
        let keys = self.store.get_all_keys().map_err(|e| IdbError::from_js(&e))?;
        let keys: Array = request(&keys).await?.unchecked_into();
        Ok(keys.iter().filter_map(|key| key.as_string()).collect())
    }

    /// Up to `count` keys and their texts, in key order, from the first key after `after`.
    pub async fn part(&self, after: Option<&str>, count: u32) -> Result<Vec<(String, JsValue)>, IdbError> {
        let range = match after {
            Some(key) => Some(
                web_sys::IdbKeyRange::lower_bound_with_open(&JsValue::from_str(key), true)
                    .map_err(|e| IdbError::from_js(&e))?,
            ),
            None => None,
        };
        let query = range.map_or(JsValue::UNDEFINED, JsValue::from);
        let keys = self
            .store
            .get_all_keys_with_key_and_limit(&query, count)
            .map_err(|e| IdbError::from_js(&e))?;
        let values = self
            .store
            .get_all_with_key_and_limit(&query, count)
            .map_err(|e| IdbError::from_js(&e))?;
        let keys: Array = request(&keys).await?.unchecked_into();
        let values: Array = request(&values).await?.unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .map(|(key, value)| (key.as_string().unwrap_or_default(), value))
            .collect())
    }

    /// Every key and its text, in key order, in two requests (far faster than a cursor).
    pub async fn all(&self) -> Result<Vec<(String, JsValue)>, IdbError> {
        self.part(None, u32::MAX).await
    }
}

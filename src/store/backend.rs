//! Reading and writing strings in localStorage through `gloo-storage`, with failures turned into
//! plain words. Availability is checked before every use, because gloo panics when a browser
//! blocks storage altogether, and a panic would stop the whole app.

use gloo_storage::{LocalStorage, Storage};
use std::fmt;

/// Why a save did not reach storage. The data stays in memory either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    Full,
    /// The browser does not let this site keep data (private mode, a policy, a setting).
    Blocked(String),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Full => write!(f, "this browser’s storage for Redress is full"),
            SaveError::Blocked(detail) => write!(f, "this browser is not letting Redress keep data ({detail})"),
        }
    }
}

/// Whether localStorage can be used at all.
pub fn available() -> Result<(), SaveError> {
    let window = web_sys::window().ok_or_else(|| SaveError::Blocked("no window".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(SaveError::Blocked("no storage".into())),
        Err(error) => Err(SaveError::Blocked(js_error_name(&error))),
    }
}

fn js_error_name(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

pub fn read(key: &str) -> Option<String> {
    available().ok()?;
    LocalStorage::raw().get_item(key).ok().flatten()
}

pub fn write(key: &str, text: &str) -> Result<(), SaveError> {
    available()?;
    // The text is already the sealed JSON envelope, so it is stored as it is.
    LocalStorage::raw()
        .set_item(key, text)
        .map_err(|error| match js_error_name(&error).as_str() {
            "QuotaExceededError" => SaveError::Full,
            other => SaveError::Blocked(other.to_string()),
        })
}

/// Every key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    if available().is_err() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

/// Copies unreadable text to a set-aside key, then removes the original. Returns the new key.
/// If the copy cannot be written, the original stays where it is.
pub fn set_aside(key: &str, text: &str) -> Result<String, SaveError> {
    available()?;
    let aside = super::keys::set_aside(key, js_sys::Date::now());
    write(&aside, text)?;
    LocalStorage::delete(key);
    Ok(aside)
}

pub fn remove(key: &str) {
    if available().is_ok() {
        LocalStorage::delete(key);
    }
}

//! The old door's keys in localStorage, where Redress 0.1 kept everything: read once, to move
//! them into IndexedDB, and removed only after the copy has been read back and found equal.
//!
//! Old keys: `redress:record:<id>`, `redress:index`, `redress:settings`,
//! `redress:assessment:<id>`, `redress:deleted` (every tombstone in one list) and
//! `redress:set-aside:<time>:<key>`. Any other key under `redress:` is moved too, set aside.

use super::idb::{SETTINGS_KEY, stores};

pub const PREFIX: &str = "redress:";
const RECORD: &str = "redress:record:";
const ASSESSMENT: &str = "redress:assessment:";
const SET_ASIDE: &str = "redress:set-aside:";
pub const INDEX: &str = "redress:index";
const SETTINGS: &str = "redress:settings";
pub const DELETED: &str = "redress:deleted";

/// Where an old key's text goes in IndexedDB: an object store and a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub store: &'static str,
    pub key: String,
}

/// The new home of an old key. The index and the list of deletions are kept in the door's notes
/// exactly as they were (the deletions are also split into one tombstone each by the move).
pub fn destination(old_key: &str) -> Destination {
    let to = |store: &'static str, key: &str| Destination {
        store,
        key: key.to_string(),
    };
    if let Some(id) = old_key.strip_prefix(RECORD) {
        to(stores::RECORDS, id)
    } else if let Some(id) = old_key.strip_prefix(ASSESSMENT) {
        to(stores::ASSESSMENTS, id)
    } else if old_key == SETTINGS {
        to(stores::SETTINGS, SETTINGS_KEY)
    } else if let Some(rest) = old_key.strip_prefix(SET_ASIDE) {
        to(stores::SET_ASIDE, rest)
    } else if old_key == INDEX || old_key == DELETED {
        to(stores::META, old_key)
    } else {
        to(stores::SET_ASIDE, &format!("moved:{old_key}"))
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Every old key with its text, in key order.
pub fn read_all() -> Vec<(String, String)> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let length = storage.length().unwrap_or(0);
    let mut found: Vec<(String, String)> = (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .filter_map(|key| storage.get_item(&key).ok().flatten().map(|text| (key, text)))
        .collect();
    redress_core::order::sort(&mut found);
    found
}

/// Whether any old key is still here, waiting to be moved in (without reading their texts).
pub fn anything_kept() -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let length = storage.length().unwrap_or(0);
    (0..length).any(|i| storage.key(i).ok().flatten().is_some_and(|key| key.starts_with(PREFIX)))
}

/// Removes the old keys that were moved. Returns how many could not be removed.
pub fn remove(keys: &[String]) -> usize {
    let Some(storage) = storage() else {
        return keys.len();
    };
    keys.iter().filter(|key| storage.remove_item(key).is_err()).count()
}

//! What the browser tests share: the database a release before this one left, made again.
// Each test binary uses its own part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;

/// What the release with database version 1 (commit da1a46c) kept in IndexedDB; see the
/// generator beside it.
const VERSION_1: &str = include_str!("../fixtures/indexeddb-v1.json");

/// What the release with database version 2 (commit c8c4f86) kept, having opened the version 1
/// fixture itself (its rows store is its own); written by `tests/fixtures/write-indexeddb-v2.mjs`.
const VERSION_2: &str = include_str!("../fixtures/indexeddb-v2.json");

/// What the release before shared settings, device tags and the team key (commit 1cbd3ed,
/// database version 3) kept once team sync had synced, having opened the version 2 fixture
/// itself; written by `tests/fixtures/write-indexeddb-v3-synced.mjs`.
const VERSION_3_SYNCED: &str = include_str!("../fixtures/indexeddb-v3-synced.json");

/// Makes the database as that release left it, team sync's notes and all.
pub async fn make_version_3_synced() {
    make(VERSION_3_SYNCED).await;
}

pub fn fixture_3_synced_store(name: &str) -> BTreeMap<String, String> {
    store_of(VERSION_3_SYNCED, name)
}

/// Makes the database as that release left it: version 1, its stores, its values.
pub async fn make_version_1() {
    make(VERSION_1).await;
}

/// Makes the database as the release with version 2 left it.
pub async fn make_version_2() {
    make(VERSION_2).await;
}

async fn make(text: &str) {
    redress::store::forget_database();
    let fixture = js_sys::JSON::parse(text).unwrap();
    let make = js_sys::Function::new_with_args(
        "fixture",
        r#"return new Promise((done, failed) => {
            const gone = indexedDB.deleteDatabase(fixture.database);
            gone.onerror = () => failed(gone.error);
            gone.onsuccess = () => {
                const open = indexedDB.open(fixture.database, fixture.version);
                open.onerror = () => failed(open.error);
                open.onupgradeneeded = () => {
                    for (const name of Object.keys(fixture.stores)) open.result.createObjectStore(name);
                };
                open.onsuccess = () => {
                    const db = open.result;
                    const tx = db.transaction(Object.keys(fixture.stores), "readwrite");
                    for (const [name, values] of Object.entries(fixture.stores))
                        for (const [key, text] of Object.entries(values)) tx.objectStore(name).put(text, key);
                    tx.onerror = () => failed(tx.error);
                    tx.oncomplete = () => { db.close(); done(); };
                };
            };
        })"#,
    );
    let promise: js_sys::Promise = make.call1(&wasm_bindgen::JsValue::NULL, &fixture).unwrap().into();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The values the version 1 fixture keeps in one store, by key.
pub fn fixture_store(name: &str) -> BTreeMap<String, String> {
    store_of(VERSION_1, name)
}

/// The values the version 2 fixture keeps in one store, by key.
pub fn fixture_2_store(name: &str) -> BTreeMap<String, String> {
    store_of(VERSION_2, name)
}

fn store_of(text: &str, name: &str) -> BTreeMap<String, String> {
    let fixture: serde_json::Value = serde_json::from_str(text).unwrap();
    serde_json::from_value(fixture["stores"][name].clone()).unwrap()
}

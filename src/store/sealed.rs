//! Values sealed and opened on their way in and out of storage, when the lock is set: the data
//! key, held only in memory as a non-extractable `CryptoKey`, and the two directions.
//!
//! Sealing happens before a transaction opens and opening after it has finished (WebCrypto's
//! promises would let it commit early). Without the lock, text passes through unchanged.

use super::SaveError;
use crate::crypto;
use redress_core::lock::{self, Sealed};
use std::cell::{Cell, RefCell};
use web_sys::CryptoKey;

thread_local! {
    /// The data key, once unlocked; dropped by [`forget`].
    static KEY: RefCell<Option<CryptoKey>> = const { RefCell::new(None) };
    /// Whether this device has a lock, as read at start-up or set since.
    static LOCK_SET: Cell<bool> = const { Cell::new(false) };
}

/// Whether this device's records are kept encrypted.
pub fn lock_set() -> bool {
    LOCK_SET.with(Cell::get)
}

pub(super) fn note_lock_set(set: bool) {
    LOCK_SET.with(|l| l.set(set));
}

/// The data key, while unlocked.
pub(super) fn key() -> Option<CryptoKey> {
    KEY.with(|k| k.borrow().clone())
}

pub(super) fn keep(key: CryptoKey) {
    KEY.with(|k| *k.borrow_mut() = Some(key));
    note_lock_set(true);
}

/// As a page that never read the lock: no key, and no lock known. For the browser tests.
#[doc(hidden)]
pub fn forget_lock_state() {
    forget();
    note_lock_set(false);
}

/// Drops the data key: nothing stored can be read or written again until the next unlock.
pub fn forget() {
    KEY.with(|k| *k.borrow_mut() = None);
}

/// Why a sealed value was not opened when there is no key: never a reason to set it aside.
pub(super) const LOCKED: &str = "Redress is locked";
/// How a value that could not be opened for a reason other than its check begins (the browser
/// refused the call): left where it is, never set aside.
pub(super) const LEFT: &str = "the browser could not decrypt it: ";

fn locked() -> SaveError {
    SaveError::Blocked("Redress is locked; unlock it to save".into())
}

/// Text to store under `key` of `store` at `revision`: sealed when the lock is set.
pub(super) async fn seal(store: &str, key: &str, revision: u64, text: String) -> Result<String, SaveError> {
    if !lock_set() || lock::kept_plain(store, key) {
        return Ok(text);
    }
    let data_key = self::key().ok_or_else(locked)?;
    let bound = lock::bound_to(store, key, revision);
    let encrypted = crypto::encrypt(&data_key, text.as_bytes(), &bound)
        .await
        .map_err(|e| SaveError::Blocked(e.to_string()))?;
    Ok(Sealed::new(revision, encrypted).to_text())
}

/// Many values sealed together: each `(store, key, revision, text)`.
pub(super) async fn seal_many(values: Vec<(&str, String, u64, String)>) -> Result<Vec<String>, SaveError> {
    if !lock_set() {
        return Ok(values.into_iter().map(|(_, _, _, text)| text).collect());
    }
    seal_many_with(&key().ok_or_else(locked)?, values).await
}

/// As [`seal_many`], under a key given (setting the lock, before it is kept).
pub(super) async fn seal_many_with(
    data_key: &CryptoKey,
    values: Vec<(&str, String, u64, String)>,
) -> Result<Vec<String>, SaveError> {
    let (plain, asked): (Vec<_>, Vec<_>) = values
        .into_iter()
        .enumerate()
        .partition(|(_, (store, key, _, _))| lock::kept_plain(store, key));
    let mut out: Vec<Option<String>> = vec![None; plain.len() + asked.len()];
    for (n, (_, _, _, text)) in plain {
        out[n] = Some(text);
    }
    let revisions: Vec<(usize, u64)> = asked.iter().map(|(n, (_, _, r, _))| (*n, *r)).collect();
    let jobs = asked
        .into_iter()
        .map(|(_, (store, key, revision, text))| (text.into_bytes(), lock::bound_to(store, &key, revision)))
        .collect();
    let sealed = crypto::encrypt_many(data_key, jobs)
        .await
        .map_err(|e| SaveError::Blocked(e.to_string()))?;
    for ((n, revision), encrypted) in revisions.into_iter().zip(sealed) {
        out[n] = Some(Sealed::new(revision, encrypted).to_text());
    }
    Ok(out.into_iter().map(Option::unwrap_or_default).collect())
}

/// Stored values of `store` opened: each key with its plain text, or why it could not be opened
/// (a value that was never sealed passes through as it is).
pub(super) async fn open_many(store: &str, values: Vec<(String, String)>) -> Vec<(String, Result<String, String>)> {
    open_many_with(key().as_ref(), store, values).await
}

/// As [`open_many`], under a key given (removing the lock).
pub(super) async fn open_many_with(
    data_key: Option<&CryptoKey>,
    store: &str,
    values: Vec<(String, String)>,
) -> Vec<(String, Result<String, String>)> {
    let mut out: Vec<(String, Option<Result<String, String>>)> = Vec::with_capacity(values.len());
    let mut jobs = Vec::new();
    let mut places = Vec::new();
    for (key, text) in values {
        if !lock::is_sealed(&text) {
            out.push((key, Some(Ok(text))));
            continue;
        }
        match (Sealed::read(&text), data_key) {
            (Err(problem), _) => out.push((key, Some(Err(problem.message)))),
            (Ok(_), None) => out.push((key, Some(Err(LOCKED.into())))),
            (Ok(sealed), Some(_)) => {
                jobs.push((sealed.encrypted(), lock::bound_to(store, &key, sealed.revision)));
                places.push(out.len());
                out.push((key, None));
            }
        }
    }
    if let Some(data_key) = data_key
        && !jobs.is_empty()
    {
        let opened = crypto::decrypt_many(data_key, jobs).await;
        for (place, result) in places.into_iter().zip(opened) {
            out[place].1 = Some(match result {
                Ok(bytes) => String::from_utf8(bytes).map_err(|_| "its decrypted text is not UTF-8".to_string()),
                Err(crypto::CryptoError::NotOpened) => Err(lock::TAMPERED.to_string()),
                Err(other) => Err(format!("{LEFT}{other}")),
            });
        }
    }
    out.into_iter()
        .map(|(key, result)| (key, result.unwrap_or_else(|| Err(LOCKED.into()))))
        .collect()
}

/// One stored value opened.
pub(super) async fn open(store: &str, key: &str, text: String) -> Result<String, String> {
    open_many(store, vec![(key.to_string(), text)])
        .await
        .pop()
        .map_or_else(|| Err("nothing".into()), |(_, r)| r)
}

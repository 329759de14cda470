//! The lock on this device's records: reading it at start-up, unlocking with the passphrase or
//! the recovery key, setting it (every stored value sealed in one transaction), changing the
//! passphrase (the data key wrapped again: instant at any size) and removing it (every value
//! opened again, in one transaction).
//!
//! Every WebCrypto call is made before the transaction that writes its results opens. Setting
//! and removing read every value, seal or open them, and then write them all back only if
//! nothing changed meanwhile (another tab's save): otherwise they start again.

use super::idb::{Tx, stores};
use super::{SaveError, database, sealed};
use crate::crypto::{self, CryptoError};
use redress_core::lock::{Kdf, LOCK_KEY, Lock, recovery};
use web_sys::CryptoKey;

/// What guards the data key under the passphrase, and under the recovery key.
const BY_PASSPHRASE: &str = "redress/lock/passphrase";
const BY_RECOVERY: &str = "redress/lock/recovery";

/// Whether this device's records are locked, as read at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum LockState {
    /// No lock: records are kept as plain text.
    None,
    /// Locked: the unlock page asks for the passphrase.
    Locked(Lock),
    /// A lock is kept but cannot be read (damaged, or from a newer Redress): nothing is changed.
    Unreadable(String),
}

/// Why an unlock, or anything that needs the passphrase, did not happen. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnlockError {
    WrongPassphrase,
    WrongRecoveryKey,
    Failed(String),
}

impl std::fmt::Display for UnlockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnlockError::WrongPassphrase => write!(f, "The passphrase is not right. Check it and try again"),
            UnlockError::WrongRecoveryKey => write!(
                f,
                "That recovery key does not open this device’s records. Check each group of four"
            ),
            UnlockError::Failed(why) => write!(f, "{why}"),
        }
    }
}

impl From<SaveError> for UnlockError {
    fn from(error: SaveError) -> Self {
        UnlockError::Failed(format!("The change could not be stored: {error}"))
    }
}

fn failed(error: CryptoError) -> UnlockError {
    UnlockError::Failed(format!("The browser could not do it: {error}"))
}

async fn read_lock() -> Result<Option<String>, SaveError> {
    let db = database().await?;
    let tx = Tx::read(&db, &[stores::META])?;
    let text = tx.store(stores::META)?.get(LOCK_KEY).await?;
    tx.done().await?;
    Ok(text)
}

/// Whether this device is locked. Read before anything else at start-up.
pub async fn lock_state() -> LockState {
    // Without a database there is nothing to read or write, locked or not: the app starts with
    // the door's own message. A database opened but not read is another matter: starting as if
    // there were no lock would write plain text beside sealed values, so it is said instead.
    if database().await.is_err() {
        sealed::note_lock_set(false);
        return LockState::None;
    }
    match read_lock().await {
        Err(error) => {
            sealed::note_lock_set(true);
            LockState::Unreadable(format!(
                "Redress could not read whether this device is locked ({error}). Reload the page to try again"
            ))
        }
        Ok(None) => {
            sealed::note_lock_set(false);
            LockState::None
        }
        Ok(Some(text)) => {
            sealed::note_lock_set(true);
            match Lock::read(&text) {
                Ok(lock) => LockState::Locked(lock),
                Err(problem) => LockState::Unreadable(problem.message),
            }
        }
    }
}

async fn current_lock() -> Result<Lock, UnlockError> {
    let text = read_lock()
        .await?
        .ok_or_else(|| UnlockError::Failed("This device has no lock".into()))?;
    Lock::read(&text).map_err(|p| UnlockError::Failed(p.message))
}

/// The key the passphrase derives under this lock's parameters.
async fn passphrase_key(lock: &Lock, passphrase: &str) -> Result<CryptoKey, UnlockError> {
    let salt = lock.kdf.checked_salt().map_err(|p| UnlockError::Failed(p.message))?;
    crypto::passphrase_key(passphrase, &lock.kdf, &salt)
        .await
        .map_err(failed)
}

/// The data key, if `passphrase` opens it.
async fn data_key(lock: &Lock, passphrase: &str, extractable: bool) -> Result<CryptoKey, UnlockError> {
    let wrapping = passphrase_key(lock, passphrase).await?;
    crypto::unwrap(&lock.passphrase, &wrapping, BY_PASSPHRASE, extractable)
        .await
        .map_err(|e| match e {
            CryptoError::NotOpened => UnlockError::WrongPassphrase,
            other => failed(other),
        })
}

/// Unlocks with the passphrase: the data key is kept in memory, not extractable.
pub async fn unlock(passphrase: &str) -> Result<(), UnlockError> {
    let lock = current_lock().await?;
    let key = data_key(&lock, passphrase, false).await?;
    sealed::keep(key);
    Ok(())
}

/// The data key wrapped under a new passphrase (a fresh salt, the current iterations), and the
/// key the passphrase derived.
async fn wrap_for(
    key: &CryptoKey,
    passphrase: &str,
) -> Result<(Kdf, redress_core::lock::Encrypted, CryptoKey), UnlockError> {
    let salt = crypto::new_salt().map_err(failed)?;
    let kdf = Kdf::new(&salt);
    let wrapping = crypto::passphrase_key(passphrase, &kdf, &salt).await.map_err(failed)?;
    let wrapped = crypto::wrap(key, &wrapping, BY_PASSPHRASE).await.map_err(failed)?;
    Ok((kdf, wrapped, wrapping))
}

async fn write_lock(lock: &Lock) -> Result<(), SaveError> {
    let db = database().await?;
    let tx = Tx::write(&db, &[stores::META])?;
    tx.store(stores::META)?.put(LOCK_KEY, &lock.to_text())?;
    tx.done().await?;
    Ok(())
}

/// A forgotten passphrase: the recovery key opens the data key, which is wrapped under a new
/// passphrase; then the device is unlocked.
pub async fn recover(recovery_typed: &str, new_passphrase: &str) -> Result<(), UnlockError> {
    let mut lock = current_lock().await?;
    let bytes = recovery::read(recovery_typed).map_err(|p| UnlockError::Failed(p.message))?;
    let wrapping = crypto::recovery_key(&bytes).await.map_err(failed)?;
    let key = crypto::unwrap(&lock.recovery, &wrapping, BY_RECOVERY, true)
        .await
        .map_err(|e| match e {
            CryptoError::NotOpened => UnlockError::WrongRecoveryKey,
            other => failed(other),
        })?;
    let (kdf, wrapped, wrapping) = wrap_for(&key, new_passphrase).await?;
    lock.kdf = kdf;
    lock.passphrase = wrapped;
    write_lock(&lock).await?;
    let key = crypto::unwrap(&lock.passphrase, &wrapping, BY_PASSPHRASE, false)
        .await
        .map_err(failed)?;
    sealed::keep(key);
    Ok(())
}

/// A new passphrase in place of the old: the one data key wrapped again. Instant at any size.
pub async fn change_passphrase(old: &str, new: &str) -> Result<(), UnlockError> {
    let mut lock = current_lock().await?;
    let key = data_key(&lock, old, true).await?;
    let (kdf, wrapped, _) = wrap_for(&key, new).await?;
    lock.kdf = kdf;
    lock.passphrase = wrapped;
    write_lock(&lock).await?;
    Ok(())
}

/// How long the app waits, idle, before it locks itself.
pub async fn set_auto_lock(minutes: u32) -> Result<(), UnlockError> {
    let mut lock = current_lock().await?;
    lock.auto_lock_minutes = minutes;
    write_lock(&lock).await?;
    Ok(())
}

/// The stores whose values are sealed under the lock.
const SEALED_STORES: [&str; 8] = [
    stores::RECORDS,
    stores::ASSESSMENTS,
    stores::SETTINGS,
    stores::DELETIONS,
    stores::ROWS,
    stores::SET_ASIDE,
    stores::META,
    // Team sync's notes hold the text of every record synced.
    stores::SYNC,
];

/// Every value of every sealed store, as text, read in one transaction.
async fn read_all() -> Result<Vec<(&'static str, String, String)>, SaveError> {
    let db = database().await?;
    let tx = Tx::read(&db, &SEALED_STORES)?;
    let mut all = Vec::new();
    for store in SEALED_STORES {
        for (key, value) in tx.store(store)?.all().await? {
            all.push((store, key, value.as_string().unwrap_or_default()));
        }
    }
    tx.done().await?;
    Ok(all)
}

/// Writes `changed` over what `before` read, in one transaction — and `lock` (or its removal) —
/// unless any value was changed meanwhile: then nothing is written and `Ok(false)` says to
/// start again.
async fn write_all(
    before: &[(&'static str, String, String)],
    changed: &[String],
    lock: Option<&Lock>,
) -> Result<bool, SaveError> {
    let db = database().await?;
    let tx = Tx::write(&db, &SEALED_STORES)?;
    let outcome = async {
        let mut now = Vec::new();
        for store in SEALED_STORES {
            for (key, value) in tx.store(store)?.all().await? {
                now.push((store, key, value.as_string().unwrap_or_default()));
            }
        }
        if now.as_slice() != before {
            return Ok(false);
        }
        for ((store, key, _), text) in before.iter().zip(changed) {
            if !redress_core::lock::kept_plain(store, key) {
                tx.store(store)?.put(key, text)?;
            }
        }
        if lock.is_none() {
            // The team's key is kept only under a lock: with the lock gone, it goes too (the team
            // passphrase brings it back on a device locked again).
            tx.store(stores::SYNC)?.delete(super::sync::TEAM_KEY)?;
        }
        let meta = tx.store(stores::META)?;
        match lock {
            Some(lock) => meta.put(LOCK_KEY, &lock.to_text())?,
            None => meta.delete(LOCK_KEY)?,
        };
        Ok::<bool, SaveError>(true)
    }
    .await;
    if !matches!(outcome, Ok(true)) {
        tx.abort();
    }
    let done = tx.done().await;
    match outcome {
        Ok(true) => done.map(|_| true).map_err(SaveError::from),
        other => other,
    }
}

/// Sets the lock: a new data key, wrapped under the passphrase and a new recovery key, and every
/// stored value sealed under it in one transaction. Returns the recovery key as it is shown.
pub async fn set_lock(passphrase: &str) -> Result<String, UnlockError> {
    let key = crypto::new_data_key().await.map_err(failed)?;
    let (kdf, wrapped, wrapping) = wrap_for(&key, passphrase).await?;
    let recovery_bytes = crypto::random(redress_core::lock::KEY_BYTES).map_err(failed)?;
    let recovery_wrapping = crypto::recovery_key(&recovery_bytes).await.map_err(failed)?;
    let by_recovery = crypto::wrap(&key, &recovery_wrapping, BY_RECOVERY)
        .await
        .map_err(failed)?;
    let lock = Lock::new(kdf, wrapped, by_recovery);
    // The key worked with from now on is not extractable.
    let key = crypto::unwrap(&lock.passphrase, &wrapping, BY_PASSPHRASE, false)
        .await
        .map_err(failed)?;
    for _attempt in 0..5 {
        let before = read_all().await?;
        // Never over another lock (another tab set one meanwhile), nor over values sealed under
        // a key this lock would not hold: they could not be opened again.
        if before.iter().any(|(store, key, text)| {
            (*store == stores::META && key == LOCK_KEY) || redress_core::lock::is_sealed(text)
        }) {
            return Err(UnlockError::Failed(
                "This device is already locked, or holds values encrypted under another lock. Reload the page".into(),
            ));
        }
        let values = before
            .iter()
            .map(|(store, key, text)| {
                let revision = super::envelope::revision_of(text);
                (*store, key.clone(), revision, text.clone())
            })
            .filter(|(_, _, _, text)| !redress_core::lock::is_sealed(text))
            .collect::<Vec<_>>();
        let mut sealed_texts = sealed::seal_many_with(&key, values).await?.into_iter();
        let changed: Vec<String> = before
            .iter()
            .map(|(_, _, text)| {
                if redress_core::lock::is_sealed(text) {
                    text.clone()
                } else {
                    sealed_texts.next().unwrap_or_default()
                }
            })
            .collect();
        if write_all(&before, &changed, Some(&lock)).await? {
            sealed::keep(key);
            super::announce(&super::StoreChange::Lock);
            return Ok(recovery::show(&recovery_bytes));
        }
    }
    Err(UnlockError::Failed(
        "Records kept changing in another tab while the lock was being set. Close the other tabs and try again".into(),
    ))
}

/// Removes the lock, once the passphrase is given again: every value opened and stored as plain
/// text in one transaction, and the lock removed with them.
pub async fn remove_lock(passphrase: &str) -> Result<(), UnlockError> {
    let lock = current_lock().await?;
    let key = data_key(&lock, passphrase, false).await?;
    for _attempt in 0..5 {
        let before = read_all().await?;
        let mut changed = Vec::with_capacity(before.len());
        for store in SEALED_STORES {
            let values = before
                .iter()
                .filter(|(s, _, _)| *s == store)
                .map(|(_, key, text)| (key.clone(), text.clone()))
                .collect();
            for ((key, text), (_, opened)) in before
                .iter()
                .filter(|(s, _, _)| *s == store)
                .map(|(_, key, text)| (key, text))
                .zip(sealed::open_many_with(Some(&key), store, values).await)
            {
                let _ = key;
                // What was set aside as damaged stays as it was found: it could not be opened
                // before, and is kept, not lost, either way.
                changed.push(match opened {
                    Err(_) if store == stores::SET_ASIDE => Ok(text.clone()),
                    other => other,
                });
            }
        }
        // Every value must open, or the lock stays: a value left sealed without its lock could
        // never be opened again.
        let unopened = changed.iter().filter(|c| c.is_err()).count();
        if unopened > 0 {
            return Err(UnlockError::Failed(format!(
                "{unopened} stored values could not be decrypted, so the lock was kept. Nothing has changed"
            )));
        }
        let changed: Vec<String> = changed.into_iter().map(Result::unwrap_or_default).collect();
        if write_all(&before, &changed, None).await? {
            sealed::forget();
            sealed::note_lock_set(false);
            super::announce(&super::StoreChange::Lock);
            return Ok(());
        }
    }
    Err(UnlockError::Failed(
        "Records kept changing in another tab while the lock was being removed. Close the other tabs and try again"
            .into(),
    ))
}

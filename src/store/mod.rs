//! The storage door: the only code that touches browser storage.
//!
//! Everything lives in one IndexedDB database (see [`idb`]): an object store per kind of
//! document — records, assessments, settings, deletions — each value the versioned envelope
//! of `redress_core::exchange` as text, carrying a revision. Every call is async; one call is one
//! transaction, so a batch (an import, the removal of sample data) is all or nothing. Saving over
//! a revision that another tab has moved on is refused as [`SaveError::Conflict`] rather than
//! overwriting it. Data that does not parse is set aside unchanged and reported, never deleted.
//! On the first start after the update, the old localStorage keys are moved in ([`legacy`]).
//! With the lock set ([`lock`]), every value is sealed before its transaction opens and opened
//! after it has finished ([`sealed`]). Reading is in [`read`]. Pages reach storage only through
//! [`crate::state::AppState`].

mod broadcast;
mod envelope;
mod idb;
mod legacy;
mod lock;
mod move_in;
mod quota;
mod read;
mod rows;
mod sealed;
mod sync;

pub use broadcast::{StoreChange, announce, on_change};
pub use envelope::Stored;
pub use idb::IdbError;
pub use lock::{
    LockState, UnlockError, change_passphrase, lock_state, recover, remove_lock, set_auto_lock, set_lock, unlock,
};
pub use move_in::move_in;
pub use quota::{StorageUse, ask_to_persist, storage_use};
pub use read::{load_assessment, load_deletion, load_record, load_settings, open, raw_values, reload, set_aside};
pub use rows::{Early, LOOSE_ROWS_TO_PACK, early, keep_rows, pack_rows, replace_rows};
pub use sealed::{forget as forget_key, forget_lock_state, lock_set};
pub use sync::{
    SyncNotes, doc_key, read_checkpoint, read_sync, save_team, set_aside_entry, sync_entries, sync_in_use,
    write_checkpoint, write_docs, write_pulled, write_set_aside, write_tag, write_team_key,
};

use idb::{SETTINGS_KEY, Store, Tx, stores};
use redress_core::assessment::Assessment;
use redress_core::record::Record;
pub use redress_core::record::deletion::Deletion;
use redress_core::settings::Settings;
use std::cell::RefCell;
use std::fmt;
use web_sys::IdbDatabase;

/// Why a save did not reach storage. The data stays in memory either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    Full,
    /// The browser does not let this site keep data (private mode, a policy, a setting), or the
    /// database failed; the detail is the browser's own word for it.
    Blocked(String),
    /// Another tab saved this document after this tab last read it; nothing was written.
    Conflict,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Full => write!(f, "this browser’s storage for Redress is full"),
            SaveError::Blocked(detail) => write!(f, "this browser is not letting Redress keep data ({detail})"),
            SaveError::Conflict => write!(f, "it was changed in another tab after you opened it"),
        }
    }
}

impl From<IdbError> for SaveError {
    fn from(error: IdbError) -> Self {
        if error.is_quota() {
            SaveError::Full
        } else if error.message.is_empty() {
            SaveError::Blocked(error.name)
        } else {
            SaveError::Blocked(format!("{}: {}", error.name, error.message))
        }
    }
}

/// Something found in storage that could not be used, in words for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreProblem(pub String);

/// Everything read from storage at start-up.
#[derive(Debug, Default)]
pub struct Loaded {
    pub records: Vec<Stored<Record>>,
    pub assessments: Vec<Stored<Assessment>>,
    pub settings: Settings,
    /// Whether settings were ever saved on this device (an import takes a file's settings only
    /// where they were not).
    pub settings_saved: bool,
    pub deletions: Vec<Deletion>,
    pub problems: Vec<StoreProblem>,
    /// Documents read whole but holding values outside what Redress allows (a date in the
    /// year 3000), by id: kept and shown with a warning, and still exportable or deletable.
    pub warnings: Vec<(String, Vec<redress_core::exchange::file::Problem>)>,
}

thread_local! {
    static DATABASE: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

async fn database() -> Result<IdbDatabase, SaveError> {
    if let Some(db) = DATABASE.with(|slot| slot.borrow().clone()) {
        return Ok(db);
    }
    let db = idb::open().await?;
    DATABASE.with(|slot| *slot.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Opens a write transaction over `names` and the door's notes, and checks within it that the
/// lock is as it was when the values to write were sealed (`locked`) or left plain: if another
/// tab set or removed it meanwhile, nothing is written (that tab's change starts this one again).
pub(super) async fn write_tx(db: &IdbDatabase, names: &[&str], locked: bool) -> Result<Tx, SaveError> {
    let mut all: Vec<&str> = names.to_vec();
    if !all.contains(&stores::META) {
        all.push(stores::META);
    }
    let tx = Tx::write(db, &all)?;
    let lock = tx.store(stores::META)?.get(redress_core::lock::LOCK_KEY).await?;
    if lock.is_some() != locked {
        tx.abort();
        let _ = tx.done().await;
        return Err(SaveError::Blocked(
            "the lock on this device was set or removed in another tab; reload the page".into(),
        ));
    }
    Ok(tx)
}

/// Puts `text` under `key` if what is stored there still has revision `base`.
async fn put_if_unchanged(store: &Store, key: &str, base: u64, text: &str) -> Result<(), SaveError> {
    put_checked(store, None, key, base, text).await
}

/// As [`put_if_unchanged`]; `held` names every key the store holds (read once for a batch), so
/// a document new to it is put without asking for it first.
async fn put_checked(
    store: &Store,
    held: Option<&std::collections::HashSet<String>>,
    key: &str,
    base: u64,
    text: &str,
) -> Result<(), SaveError> {
    if held.is_some_and(|keys| !keys.contains(key)) {
        // Not stored: right for a new document; for one this tab had read, another tab deleted it.
        if base != 0 {
            return Err(SaveError::Conflict);
        }
        store.put(key, text)?;
        return Ok(());
    }
    let held = store.get(key).await?;
    let revision = held.as_deref().map(envelope::revision_of).unwrap_or(0);
    if revision != base {
        return Err(SaveError::Conflict);
    }
    store.put(key, text)?;
    Ok(())
}

/// Saves one record over revision `base` (what this tab last read or wrote; 0 for a new one).
/// Returns the new revision. Refused with [`SaveError::Conflict`] if another tab moved it on.
pub async fn save_record(record: &Record, base: u64) -> Result<u64, SaveError> {
    save_one(
        stores::RECORDS,
        &record.id,
        record,
        base,
        StoreChange::Record(record.id.clone()),
    )
    .await
}

pub async fn save_assessment(assessment: &Assessment, base: u64) -> Result<u64, SaveError> {
    let change = StoreChange::Assessment(assessment.id.clone());
    save_one(stores::ASSESSMENTS, &assessment.id, assessment, base, change).await
}

async fn save_one<T: serde::Serialize>(
    store: &str,
    key: &str,
    data: &T,
    base: u64,
    change: StoreChange,
) -> Result<u64, SaveError> {
    let revision = base + 1;
    let locked = sealed::lock_set();
    let text = sealed::seal(store, key, revision, envelope::seal(data, revision)).await?;
    let db = database().await?;
    let tx = write_tx(&db, &[store], locked).await?;
    let outcome = put_if_unchanged(&tx.store(store)?, key, base, &text).await;
    if outcome.is_err() {
        tx.abort();
    }
    let done = tx.done().await;
    outcome?;
    done?;
    announce(&change);
    Ok(revision)
}

/// Settings are saved whole; the last save wins (they change rarely, and only in Settings).
pub async fn save_settings(settings: &Settings) -> Result<(), SaveError> {
    let locked = sealed::lock_set();
    let text = sealed::seal(stores::SETTINGS, SETTINGS_KEY, 0, envelope::seal(settings, 0)).await?;
    let db = database().await?;
    let tx = write_tx(&db, &[stores::SETTINGS], locked).await?;
    tx.store(stores::SETTINGS)?.put(SETTINGS_KEY, &text)?;
    tx.done().await?;
    announce(&StoreChange::Settings);
    Ok(())
}

/// Removes a record and keeps its tombstone, in one transaction.
pub async fn delete_record(deletion: &Deletion) -> Result<(), SaveError> {
    let locked = sealed::lock_set();
    let tombstone = sealed::seal(stores::DELETIONS, &deletion.id, 0, envelope::seal(deletion, 0)).await?;
    let gone = rows::sealed_row(&deletion.id, "").await?;
    let db = database().await?;
    let tx = write_tx(&db, &[stores::RECORDS, stores::DELETIONS, stores::ROWS], locked).await?;
    tx.store(stores::RECORDS)?.delete(&deletion.id)?;
    rows::put_sealed_row(&tx.store(stores::ROWS)?, &deletion.id, &gone)?;
    tx.store(stores::DELETIONS)?.put(&deletion.id, &tombstone)?;
    tx.done().await?;
    announce(&StoreChange::Deleted(deletion.id.clone()));
    Ok(())
}

/// Removes several records at once with no tombstone (made-up sample records).
pub async fn remove_records(ids: &[String]) -> Result<(), SaveError> {
    let locked = sealed::lock_set();
    let mut gone = Vec::with_capacity(ids.len());
    for id in ids {
        gone.push(rows::sealed_row(id, "").await?);
    }
    let db = database().await?;
    let tx = write_tx(&db, &[stores::RECORDS, stores::ROWS], locked).await?;
    let records = tx.store(stores::RECORDS)?;
    let rows = tx.store(stores::ROWS)?;
    for (id, row) in ids.iter().zip(&gone) {
        records.delete(id)?;
        rows::put_sealed_row(&rows, id, row)?;
    }
    tx.done().await?;
    announce(&StoreChange::Everything);
    Ok(())
}

pub async fn delete_assessment(id: &str) -> Result<(), SaveError> {
    let db = database().await?;
    let tx = Tx::write(&db, &[stores::ASSESSMENTS])?;
    tx.store(stores::ASSESSMENTS)?.delete(id)?;
    tx.done().await?;
    announce(&StoreChange::AssessmentDeleted(id.to_string()));
    Ok(())
}

/// Everything an import (or any batch) writes, as one change.
#[derive(Default)]
pub struct Batch<'a> {
    /// Each record with the revision it replaces (0 for a new one).
    pub records: Vec<(&'a Record, u64)>,
    pub assessments: Vec<(&'a Assessment, u64)>,
    pub settings: Option<&'a Settings>,
    pub deletions: Vec<&'a Deletion>,
    /// Records to remove (with their tombstone among `deletions`, unless they were made up).
    pub removals: Vec<&'a str>,
    /// Tombstones to drop: the records restored.
    pub undeletions: Vec<&'a str>,
    /// The records list's rows of `records`, by id, kept with them ([`keep_rows`]).
    pub rows: Vec<(String, String)>,
    /// Team sync's notes of what a pull brought in ([`sync_entries`]), kept with the records
    /// it changed so the two never disagree.
    pub sync: Vec<(String, String)>,
}

/// Writes a whole batch in one transaction, or none of it: if any write fails — storage full,
/// or a record another tab moved on meanwhile — the transaction aborts and nothing changes.
/// Returns the new revision of each record and assessment, in the batch's order.
pub async fn save_batch(batch: &Batch<'_>) -> Result<(Vec<u64>, Vec<u64>), SaveError> {
    // Serialised (and sealed, with the lock set) before the transaction opens: only IndexedDB
    // requests may be awaited inside it.
    let mut texts: Vec<(&str, String, u64, String)> = Vec::new();
    for (r, base) in &batch.records {
        texts.push((stores::RECORDS, r.id.clone(), base + 1, envelope::seal(*r, base + 1)));
    }
    for (a, base) in &batch.assessments {
        texts.push((
            stores::ASSESSMENTS,
            a.id.clone(),
            base + 1,
            envelope::seal(*a, base + 1),
        ));
    }
    for d in &batch.deletions {
        texts.push((stores::DELETIONS, d.id.clone(), 0, envelope::seal(*d, 0)));
    }
    for (id, row) in &batch.rows {
        texts.push((stores::ROWS, rows::row_key(id), 0, row.clone()));
    }
    for id in &batch.removals {
        texts.push((stores::ROWS, rows::row_key(id), 0, String::new()));
    }
    if let Some(settings) = batch.settings {
        texts.push((stores::SETTINGS, SETTINGS_KEY.into(), 0, envelope::seal(settings, 0)));
    }
    for (key, text) in &batch.sync {
        texts.push((stores::SYNC, key.clone(), 0, text.clone()));
    }
    let locked = sealed::lock_set();
    let mut texts = sealed::seal_many(texts).await?.into_iter();
    let mut next = |n: usize| texts.by_ref().take(n).collect::<Vec<String>>();
    let records: Vec<(&str, u64, String)> = batch
        .records
        .iter()
        .zip(next(batch.records.len()))
        .map(|((r, base), text)| (r.id.as_str(), *base, text))
        .collect();
    let assessments: Vec<(&str, u64, String)> = batch
        .assessments
        .iter()
        .zip(next(batch.assessments.len()))
        .map(|((a, base), text)| (a.id.as_str(), *base, text))
        .collect();
    let deletions: Vec<(&str, String)> = batch
        .deletions
        .iter()
        .zip(next(batch.deletions.len()))
        .map(|(d, text)| (d.id.as_str(), text))
        .collect();
    let row_texts = next(batch.rows.len());
    let gone_texts = next(batch.removals.len());
    let settings = batch.settings.and_then(|_| next(1).pop());
    let sync_texts: Vec<(&str, String)> = batch
        .sync
        .iter()
        .map(|(key, _)| key.as_str())
        .zip(next(batch.sync.len()))
        .collect();
    let db = database().await?;
    let tx = write_tx(
        &db,
        &[
            stores::RECORDS,
            stores::ASSESSMENTS,
            stores::SETTINGS,
            stores::DELETIONS,
            stores::ROWS,
            stores::SYNC,
        ],
        locked,
    )
    .await?;
    let outcome = async {
        let notes = tx.store(stores::SYNC)?;
        for (key, text) in &sync_texts {
            notes.put(key, text)?;
        }
        let store = tx.store(stores::RECORDS)?;
        let held = store.keys().await?;
        for (id, base, text) in &records {
            put_checked(&store, Some(&held), id, *base, text).await?;
        }
        let rows = tx.store(stores::ROWS)?;
        for ((id, _), text) in batch.rows.iter().zip(&row_texts) {
            rows::put_sealed_row(&rows, id, text)?;
        }
        for (id, text) in batch.removals.iter().zip(&gone_texts) {
            store.delete(id)?;
            rows::put_sealed_row(&rows, id, text)?;
        }
        let store = tx.store(stores::ASSESSMENTS)?;
        let held = store.keys().await?;
        for (id, base, text) in &assessments {
            put_checked(&store, Some(&held), id, *base, text).await?;
        }
        if let Some(text) = &settings {
            tx.store(stores::SETTINGS)?.put(SETTINGS_KEY, text)?;
        }
        let store = tx.store(stores::DELETIONS)?;
        for id in &batch.undeletions {
            store.delete(id)?;
        }
        for (id, text) in &deletions {
            store.put(id, text)?;
        }
        Ok::<(), SaveError>(())
    }
    .await;
    if outcome.is_err() {
        tx.abort();
    }
    let done = tx.done().await;
    outcome?;
    done?;
    announce(&StoreChange::Everything);
    Ok((
        records.iter().map(|(_, base, _)| base + 1).collect(),
        assessments.iter().map(|(_, base, _)| base + 1).collect(),
    ))
}

/// Opens the database for the browser tests (which also clear it).
#[doc(hidden)]
pub async fn test_database() -> Result<IdbDatabase, SaveError> {
    database().await
}

/// Closes the database and forgets it, for the browser tests that make an older one.
#[doc(hidden)]
pub fn forget_database() {
    if let Some(db) = DATABASE.with(|slot| slot.borrow_mut().take()) {
        db.close();
    }
}

/// Empties every store, for the browser tests.
#[doc(hidden)]
pub async fn clear_everything() -> Result<(), SaveError> {
    let db = database().await?;
    let tx = Tx::write(&db, &stores::ALL)?;
    for store in stores::ALL {
        tx.store(store)?.clear()?;
    }
    tx.done().await?;
    Ok(())
}

/// Puts text under a key exactly as given, for the browser tests of unreadable data.
#[doc(hidden)]
pub async fn put_raw(store: &str, key: &str, text: &str) -> Result<(), SaveError> {
    let db = database().await?;
    let tx = Tx::write(&db, &[store])?;
    tx.store(store)?.put(key, text)?;
    tx.done().await?;
    Ok(())
}

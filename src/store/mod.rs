//! The storage door: the only code that touches browser storage.
//!
//! Everything lives in one IndexedDB database (see [`idb`]): an object store per kind of
//! document — records, assessments, settings, deletions — each value the versioned envelope
//! of `redress_core::exchange` as text, carrying a revision. Every call is async; one call is one
//! transaction, so a batch (an import, the removal of sample data) is all or nothing. Saving over
//! a revision that another tab has moved on is refused as [`SaveError::Conflict`] rather than
//! overwriting it. Data that does not parse is set aside unchanged and reported, never deleted.
//! On the first start after the update, the old localStorage keys are moved in ([`legacy`]).
//! Pages reach storage only through [`crate::state::AppState`].

mod broadcast;
mod envelope;
mod idb;
mod legacy;
mod lock;
mod move_in;
mod quota;
mod rows;
mod sealed;

pub use broadcast::{StoreChange, announce, on_change};
pub use envelope::Stored;
pub use idb::IdbError;
pub use lock::{
    LockState, UnlockError, change_passphrase, lock_state, recover, remove_lock, set_auto_lock, set_lock, unlock,
};
pub use move_in::move_in;
pub use quota::{StorageUse, ask_to_persist, storage_use};
pub use rows::{Early, LOOSE_ROWS_TO_PACK, early, keep_rows, pack_rows, replace_rows};
pub use sealed::{forget as forget_key, lock_set};

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

/// Opens the database, moves in what the old door left in localStorage, and reads everything.
/// Never fails: whatever cannot be read is reported in [`Loaded::problems`].
pub async fn open() -> Loaded {
    let db = match database().await {
        Ok(db) => db,
        Err(error) => {
            // Without the database, what the old door kept is still shown, so nothing seems lost.
            let mut loaded = legacy_only();
            loaded.problems.insert(
                0,
                StoreProblem(format!(
                    "Redress cannot open this browser’s database, so nothing you change can be kept: {error}."
                )),
            );
            return loaded;
        }
    };
    let mut problems = Vec::new();
    if let Err(problem) = move_in(&db, None).await {
        problems.push(problem);
    }
    match read_everything(&db).await {
        Ok(mut loaded) => {
            loaded.problems.splice(0..0, problems);
            loaded
        }
        Err(error) => {
            let mut loaded = legacy_only();
            loaded.problems.push(StoreProblem(format!(
                "Redress could not read your records from this browser’s database: {error}."
            )));
            loaded
        }
    }
}

/// What the old door kept, read straight from localStorage (when the database cannot be used).
fn legacy_only() -> Loaded {
    let mut loaded = Loaded::default();
    for (key, text) in legacy::read_all() {
        let destination = legacy::destination(&key);
        take(&mut loaded, destination.store, &destination.key, &text);
    }
    loaded
}

/// Reads one stored value into `loaded`; returns false when it could not be read.
/// What a store's values are, in words.
fn what(store: &str) -> Option<&'static str> {
    match store {
        stores::RECORDS => Some("record"),
        stores::ASSESSMENTS => Some("self-assessment"),
        stores::SETTINGS => Some("settings"),
        stores::DELETIONS => Some("record of a deletion"),
        _ => None,
    }
}

fn unreadable_problem(what: &str, key: &str, why: &str) -> StoreProblem {
    StoreProblem(format!(
        "A stored {what} (“{key}”) could not be read because {why}. It has been kept, unchanged, with the data set aside."
    ))
}

fn take(loaded: &mut Loaded, store: &str, key: &str, text: &str) -> bool {
    let Some(what) = what(store) else { return true };
    let warn = |loaded: &mut Loaded, problems: Vec<redress_core::exchange::file::Problem>| {
        if !problems.is_empty() {
            loaded.warnings.push((key.to_string(), problems));
        }
    };
    let result = match store {
        stores::RECORDS => envelope::open(text).map(|(r, problems)| {
            loaded.records.push(r);
            warn(loaded, problems);
        }),
        stores::ASSESSMENTS => envelope::open(text).map(|(a, problems)| {
            loaded.assessments.push(a);
            warn(loaded, problems);
        }),
        stores::SETTINGS => envelope::open(text).map(|(s, problems): (Stored<Settings>, _)| {
            loaded.settings = s.data;
            loaded.settings_saved = true;
            warn(loaded, problems);
        }),
        _ => envelope::open(text).map(|(d, _): (Stored<Deletion>, _)| loaded.deletions.push(d.data)),
    };
    match result {
        Ok(()) => true,
        Err(error) => {
            loaded.problems.push(unreadable_problem(what, key, &error));
            false
        }
    }
}

/// How many records are read at a time: a part is read and taken in, then the page has its
/// turn (a keystroke, a redraw) before the next, so 50,000 records never freeze it for long
/// (a part of 1,000 is read and taken in in well under a tenth of a second on a busy two-core laptop).
const RECORDS_AT_A_TIME: u32 = 1_000;

/// Reads every store — the records a part at a time ([`RECORDS_AT_A_TIME`]), the rest in one
/// transaction — then sets aside, in one more, what did not parse.
async fn read_everything(db: &IdbDatabase) -> Result<Loaded, SaveError> {
    if sealed::lock_set() && sealed::key().is_none() {
        return Err(SaveError::Blocked("Redress is locked".into()));
    }
    let kinds = [stores::ASSESSMENTS, stores::SETTINGS, stores::DELETIONS];
    let tx = Tx::read(db, &kinds)?;
    let mut raw = Vec::new();
    for kind in kinds {
        raw.push((kind, tx.store(kind)?.all().await?));
    }
    tx.done().await?;
    let mut loaded = Loaded::default();
    let mut unreadable: Vec<(&str, String, String)> = Vec::new();
    for (kind, values) in raw {
        take_all(&mut loaded, &mut unreadable, kind, values).await;
    }
    let mut after: Option<String> = None;
    loop {
        let tx = Tx::read(db, &[stores::RECORDS])?;
        let part = tx
            .store(stores::RECORDS)?
            .part(after.as_deref(), RECORDS_AT_A_TIME)
            .await?;
        tx.done().await?;
        let more = part.len() == RECORDS_AT_A_TIME as usize;
        after = part.last().map(|(key, _)| key.clone());
        take_all(&mut loaded, &mut unreadable, stores::RECORDS, part).await;
        if !more {
            break;
        }
        crate::timing::next_turn().await;
    }
    if !unreadable.is_empty() {
        let now = js_sys::Date::now();
        // With the lock set, what is set aside is sealed too (a value already sealed stays as it was).
        let texts = unreadable
            .iter()
            .map(|(kind, key, text)| {
                let place = format!("{now:.0}:{kind}/{key}");
                (stores::SET_ASIDE, place, 0, text.clone())
            })
            .filter(|(_, _, _, text)| !redress_core::lock::is_sealed(text))
            .collect::<Vec<_>>();
        let mut kept = sealed::seal_many(texts).await?.into_iter();
        for (_, _, text) in unreadable.iter_mut() {
            if !redress_core::lock::is_sealed(text) {
                *text = kept.next().unwrap_or_default();
            }
        }
        let tx = Tx::write(
            db,
            &[
                stores::RECORDS,
                stores::ASSESSMENTS,
                stores::SETTINGS,
                stores::DELETIONS,
                stores::SET_ASIDE,
            ],
        )?;
        let aside = tx.store(stores::SET_ASIDE)?;
        for (kind, key, text) in &unreadable {
            aside.put(&format!("{now:.0}:{kind}/{key}"), text)?;
            tx.store(kind)?.delete(key)?;
        }
        if let Err(error) = tx.done().await {
            loaded.problems.push(StoreProblem(format!(
                "The unreadable data could not be set aside ({error}), so it was left where it was."
            )));
        }
    }
    Ok(loaded)
}

/// A stored value as text, as it was put.
fn text_of(value: &wasm_bindgen::JsValue) -> String {
    value
        .as_string()
        .unwrap_or_else(|| String::from(js_sys::JSON::stringify(value).unwrap_or_default()))
}

/// Takes in stored values of one kind, opening sealed ones first (all at once); what cannot be
/// opened or read is noted in `unreadable`, as it was stored, to be set aside.
async fn take_all(
    loaded: &mut Loaded,
    unreadable: &mut Vec<(&'static str, String, String)>,
    kind: &'static str,
    values: Vec<(String, wasm_bindgen::JsValue)>,
) {
    let texts: Vec<(String, String)> = values.into_iter().map(|(key, value)| (key, text_of(&value))).collect();
    if !texts.iter().any(|(_, text)| redress_core::lock::is_sealed(text)) {
        for (key, text) in texts {
            if !take(loaded, kind, &key, &text) {
                unreadable.push((kind, key, text));
            }
        }
        return;
    }
    let opened = sealed::open_many(kind, texts.clone()).await;
    for ((key, raw), (_, result)) in texts.into_iter().zip(opened) {
        let read = match result {
            Ok(text) => take(loaded, kind, &key, &text),
            Err(why) => {
                loaded
                    .problems
                    .push(unreadable_problem(what(kind).unwrap_or("value"), &key, &why));
                false
            }
        };
        if !read {
            unreadable.push((kind, key, raw));
        }
    }
}

/// Reads one record again, as another tab saved it. `None` when it is not there (deleted).
pub async fn load_record(id: &str) -> Result<Option<Stored<Record>>, String> {
    load_one(stores::RECORDS, id).await
}

pub async fn load_assessment(id: &str) -> Result<Option<Stored<Assessment>>, String> {
    load_one(stores::ASSESSMENTS, id).await
}

/// Reads one tombstone, as another tab saved it.
pub async fn load_deletion(id: &str) -> Result<Option<Stored<Deletion>>, String> {
    load_one(stores::DELETIONS, id).await
}

pub async fn load_settings() -> Result<Option<Stored<Settings>>, String> {
    load_one(stores::SETTINGS, SETTINGS_KEY).await
}

async fn load_one<T: envelope::Document>(store: &str, key: &str) -> Result<Option<Stored<T>>, String> {
    let db = database().await.map_err(|e| e.to_string())?;
    let tx = Tx::read(&db, &[store]).map_err(|e| e.to_string())?;
    let text = tx
        .store(store)
        .map_err(|e| e.to_string())?
        .get(key)
        .await
        .map_err(|e| e.to_string())?;
    let _ = tx.done().await;
    let Some(text) = text else { return Ok(None) };
    let text = sealed::open(store, key, text).await?;
    envelope::open(&text).map(|(stored, _)| Some(stored))
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
    let text = sealed::seal(store, key, revision, envelope::seal(data, revision)).await?;
    let db = database().await?;
    let tx = Tx::write(&db, &[store])?;
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
    let text = sealed::seal(stores::SETTINGS, SETTINGS_KEY, 0, envelope::seal(settings, 0)).await?;
    let db = database().await?;
    let tx = Tx::write(&db, &[stores::SETTINGS])?;
    tx.store(stores::SETTINGS)?.put(SETTINGS_KEY, &text)?;
    tx.done().await?;
    announce(&StoreChange::Settings);
    Ok(())
}

/// Removes a record and keeps its tombstone, in one transaction.
pub async fn delete_record(deletion: &Deletion) -> Result<(), SaveError> {
    let tombstone = sealed::seal(stores::DELETIONS, &deletion.id, 0, envelope::seal(deletion, 0)).await?;
    let gone = rows::sealed_row(&deletion.id, "").await?;
    let db = database().await?;
    let tx = Tx::write(&db, &[stores::RECORDS, stores::DELETIONS, stores::ROWS])?;
    tx.store(stores::RECORDS)?.delete(&deletion.id)?;
    rows::put_sealed_row(&tx.store(stores::ROWS)?, &deletion.id, &gone)?;
    tx.store(stores::DELETIONS)?.put(&deletion.id, &tombstone)?;
    tx.done().await?;
    announce(&StoreChange::Deleted(deletion.id.clone()));
    Ok(())
}

/// Removes several records at once with no tombstone (made-up sample records).
pub async fn remove_records(ids: &[String]) -> Result<(), SaveError> {
    let mut gone = Vec::with_capacity(ids.len());
    for id in ids {
        gone.push(rows::sealed_row(id, "").await?);
    }
    let db = database().await?;
    let tx = Tx::write(&db, &[stores::RECORDS, stores::ROWS])?;
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
    let db = database().await?;
    let tx = Tx::write(
        &db,
        &[
            stores::RECORDS,
            stores::ASSESSMENTS,
            stores::SETTINGS,
            stores::DELETIONS,
            stores::ROWS,
        ],
    )?;
    let outcome = async {
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

/// Reads everything again (after another tab's import, say).
pub async fn reload() -> Result<Loaded, SaveError> {
    let db = database().await?;
    read_everything(&db).await
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

/// Every value set aside, by its key, for the browser tests and Settings.
pub async fn set_aside() -> Result<Vec<(String, String)>, SaveError> {
    let db = database().await?;
    let tx = Tx::read(&db, &[stores::SET_ASIDE])?;
    let all = tx.store(stores::SET_ASIDE)?.all().await?;
    tx.done().await?;
    let texts: Vec<(String, String)> = all
        .into_iter()
        .map(|(key, value)| (key, value.as_string().unwrap_or_default()))
        .collect();
    // Set aside with the lock set, a value is sealed where it lies; one that could not be opened
    // where it was is shown as it was found.
    let opened = sealed::open_many(stores::SET_ASIDE, texts.clone()).await;
    Ok(texts
        .into_iter()
        .zip(opened)
        .map(|((key, raw), (_, opened))| (key, opened.unwrap_or(raw)))
        .collect())
}

/// Every key and value of a store exactly as kept, for the browser tests of the lock.
#[doc(hidden)]
pub async fn raw_values(store: &str) -> Result<Vec<(String, String)>, SaveError> {
    let db = database().await?;
    let tx = Tx::read(&db, &[store])?;
    let all = tx.store(store)?.all().await?;
    tx.done().await?;
    Ok(all.into_iter().map(|(key, value)| (key, text_of(&value))).collect())
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

//! The records list's rows kept between starts (the `rows` store): read first, with the
//! settings, so the list is drawn before every record has been read; written after the records
//! they come from. They are a cache: a row lost or out of date is worked out again.
//!
//! Reading many small values is what IndexedDB is slowest at (10,000 of them take about ten
//! times as long as the same text in twenty values), so rows are kept in packs: `p:<n>` holds
//! up to [`ROWS_A_PACK`] rows, one a line, each `<id>\t<row>`. A row saved since the packs were
//! made is kept on its own under `r:<id>` (empty when its record is gone) and read after them,
//! so it wins; [`pack_rows`] folds those back into packs once there are many.

use super::idb::{SETTINGS_KEY, Store, Tx, stores};
use super::{SaveError, database, sealed, write_tx};
use redress_core::settings::Settings;
use std::collections::HashMap;

/// How many rows one pack holds.
const ROWS_A_PACK: usize = 500;

/// Rows kept on their own past which [`pack_rows`] packs them.
pub const LOOSE_ROWS_TO_PACK: usize = 200;

/// What is read before the records: the settings (their rules count the rows' statuses),
/// every kept row as text, and how many records are stored (My work is drawn from the kept
/// rows only when there is one for every record).
pub struct Early {
    pub settings: Settings,
    /// How many records the records store holds.
    pub records: u32,
    /// Nothing to read at all: no record stored here, and none waiting in the storage of a
    /// release before (a new device). My work then shows how to start at once.
    pub nothing_stored: bool,
    /// The packs, each many lines of `<id>\t<row>`.
    packs: Vec<String>,
    /// Rows kept since, each over its record's row in the packs: `None` when the record went.
    loose: Vec<(String, Option<String>)>,
}

impl Early {
    /// Every kept row's text, packed or not, the newest of each record's; none for a record
    /// that went. Read straight from the packs' text, without copying it.
    pub fn rows(&self) -> impl Iterator<Item = &str> {
        let overridden: std::collections::HashSet<&str> = self.loose.iter().map(|(id, _)| id.as_str()).collect();
        let packed = self.packs.iter().flat_map(|pack| pack.lines()).filter_map(move |line| {
            let (id, row) = line.split_once('\t')?;
            (!overridden.contains(id)).then_some(row)
        });
        packed.chain(self.loose.iter().filter_map(|(_, row)| row.as_deref()))
    }
}

/// Every kept row by id, packs first and rows on their own over them; and how many were on
/// their own.
fn merge(all: Vec<(String, wasm_bindgen::JsValue)>) -> (HashMap<String, String>, usize) {
    let (packs, loose) = split(all);
    let mut rows = HashMap::new();
    for pack in &packs {
        for line in pack.lines() {
            if let Some((id, row)) = line.split_once('\t') {
                rows.insert(id.to_string(), row.to_string());
            }
        }
    }
    let count = loose.len();
    for (id, row) in loose {
        match row {
            Some(row) => rows.insert(id, row),
            None => rows.remove(&id),
        };
    }
    (rows, count)
}

/// The rows store's values as packs and rows on their own (the newest of each id last wins).
fn split(all: Vec<(String, wasm_bindgen::JsValue)>) -> (Vec<String>, Vec<(String, Option<String>)>) {
    let mut packs = Vec::new();
    let mut loose: HashMap<String, Option<String>> = HashMap::new();
    for (key, value) in all {
        let Some(text) = value.as_string() else { continue };
        if key.starts_with("p:") {
            packs.push(text);
        } else if let Some(id) = key.strip_prefix("r:") {
            loose.insert(id.to_string(), (!text.is_empty()).then_some(text));
        }
    }
    (packs, loose.into_iter().collect())
}

/// The settings and the kept rows, in one read, with how many records are stored. `None` when
/// there are no rows to show yet records may be stored (the first start of this release), or
/// storage cannot be read: then the pages wait for the records, as they always could.
pub async fn early() -> Option<Early> {
    let db = database().await.ok()?;
    let tx = Tx::read(&db, &[stores::SETTINGS, stores::ROWS, stores::RECORDS]).ok()?;
    let settings = tx.store(stores::SETTINGS).ok()?.get(SETTINGS_KEY).await.ok()?;
    let all = tx.store(stores::ROWS).ok()?.all().await.ok()?;
    let records = tx.store(stores::RECORDS).ok()?.count().await.ok()?;
    let _ = tx.done().await;
    let all = opened(all).await?;
    let settings = match settings {
        Some(text) => Some(sealed::open(stores::SETTINGS, SETTINGS_KEY, text).await.ok()?),
        None => None,
    };
    let (packs, loose) = split(all);
    let early = Early {
        settings: Settings::default(),
        records,
        nothing_stored: false,
        packs,
        loose,
    };
    let nothing_stored = early.rows().next().is_none();
    // No rows: a new device, or records kept by a release before rows held My work.
    if nothing_stored && (records > 0 || super::legacy::anything_kept()) {
        return None;
    }
    let settings = match settings {
        Some(text) => redress_core::exchange::restore::current_settings(&text)?,
        None => Settings::default(),
    };
    Some(Early {
        settings,
        nothing_stored: nothing_stored && records == 0,
        ..early
    })
}

/// The rows store's values opened, when the lock is set; `None` if any cannot be (the rows are
/// a cache: the list then waits for the records).
async fn opened(all: Vec<(String, wasm_bindgen::JsValue)>) -> Option<Vec<(String, wasm_bindgen::JsValue)>> {
    if !sealed::lock_set() {
        return Some(all);
    }
    let texts = all
        .into_iter()
        .map(|(key, value)| (key, value.as_string().unwrap_or_default()))
        .collect();
    sealed::open_many(stores::ROWS, texts)
        .await
        .into_iter()
        .map(|(key, text)| text.ok().map(|text| (key, wasm_bindgen::JsValue::from_str(&text))))
        .collect()
}

/// The key a row kept on its own is under.
pub(super) fn row_key(id: &str) -> String {
    format!("r:{id}")
}

/// A row as it is kept (sealed with the lock set), before the transaction that puts it opens.
/// An empty row says the record is gone.
pub(super) async fn sealed_row(id: &str, row: &str) -> Result<String, SaveError> {
    sealed::seal(stores::ROWS, &row_key(id), 0, row.to_string()).await
}

/// Within a transaction over the rows store: keeps `text` (from [`sealed_row`]) as the row of `id`.
pub(super) fn put_sealed_row(store: &Store, id: &str, text: &str) -> Result<(), SaveError> {
    store.put(&row_key(id), text)?;
    Ok(())
}

/// Keeps these rows (id and text) and forgets those of `gone`, in one transaction.
pub async fn keep_rows(rows: &[(String, String)], gone: &[String]) -> Result<(), SaveError> {
    if rows.is_empty() && gone.is_empty() {
        return Ok(());
    }
    let values = rows
        .iter()
        .map(|(id, text)| (stores::ROWS, row_key(id), 0, text.clone()))
        .chain(gone.iter().map(|id| (stores::ROWS, row_key(id), 0, String::new())))
        .collect();
    let locked = sealed::lock_set();
    let texts = sealed::seal_many(values).await?;
    let ids = rows.iter().map(|(id, _)| id).chain(gone);
    let db = database().await?;
    let tx = write_tx(&db, &[stores::ROWS], locked).await?;
    let store = tx.store(stores::ROWS)?;
    for (id, text) in ids.zip(&texts) {
        put_sealed_row(&store, id, text)?;
    }
    tx.done().await?;
    Ok(())
}

/// Folds the rows kept on their own into packs, in one transaction, once there are more than
/// `more_than` of them. Returns whether it did.
pub async fn pack_rows(more_than: usize) -> Result<bool, SaveError> {
    let db = database().await?;
    if sealed::lock_set() {
        // Opening the rows is a promise, so it cannot happen within the transaction that packs
        // them: read, open, then pack in a second (a row kept between the two is worked out
        // again from its record at the next start, as any row out of date is).
        let tx = Tx::read(&db, &[stores::ROWS])?;
        let all = tx.store(stores::ROWS)?.all().await?;
        tx.done().await?;
        let Some(all) = opened(all).await else { return Ok(false) };
        let (rows, loose) = merge(all);
        if loose <= more_than {
            return Ok(false);
        }
        replace_rows(rows.into_iter().collect()).await?;
        return Ok(true);
    }
    let tx = write_tx(&db, &[stores::ROWS], false).await?;
    let store = tx.store(stores::ROWS)?;
    let (rows, loose) = merge(store.all().await?);
    if loose <= more_than {
        tx.done().await?;
        return Ok(false);
    }
    let rows: Vec<(String, String)> = rows.into_iter().collect();
    put_packs(&store, packs(rows))?;
    tx.done().await?;
    Ok(true)
}

/// Every row of the list, in place of whatever was kept, in one transaction: after a batch too
/// large to keep its rows one by one (an import of many records).
pub async fn replace_rows(rows: Vec<(String, String)>) -> Result<(), SaveError> {
    let values = packs(rows)
        .into_iter()
        .map(|(key, text)| (stores::ROWS, key, 0, text))
        .collect::<Vec<_>>();
    let keys: Vec<String> = values.iter().map(|(_, key, _, _)| key.clone()).collect();
    let locked = sealed::lock_set();
    let texts = sealed::seal_many(values).await?;
    let db = database().await?;
    let tx = write_tx(&db, &[stores::ROWS], locked).await?;
    put_packs(&tx.store(stores::ROWS)?, keys.into_iter().zip(texts).collect())?;
    tx.done().await?;
    Ok(())
}

/// The rows store's values for `rows`, by key: packs of many lines, and rows on their own.
fn packs(rows: Vec<(String, String)>) -> Vec<(String, String)> {
    // An id from someone else's file could hold a tab or a line break: such a row stays on its own.
    let (mut rows, odd): (Vec<(String, String)>, Vec<_>) =
        rows.into_iter().partition(|(id, _)| !id.contains(['\t', '\n', '\r']));
    let mut values: Vec<(String, String)> = odd.into_iter().map(|(id, row)| (row_key(&id), row)).collect();
    redress_core::order::sort(&mut rows);
    for (n, pack) in rows.chunks(ROWS_A_PACK).enumerate() {
        let mut text = String::new();
        for (id, row) in pack {
            text.push_str(id);
            text.push('\t');
            text.push_str(row);
            text.push('\n');
        }
        values.push((format!("p:{n:06}"), text));
    }
    values
}

/// Within a transaction over the rows store: empties it and puts these values.
fn put_packs(store: &Store, values: Vec<(String, String)>) -> Result<(), SaveError> {
    store.clear()?;
    for (key, text) in &values {
        store.put(key, text)?;
    }
    Ok(())
}

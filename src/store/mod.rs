//! The storage door: the only code that touches browser storage.
//!
//! Each record is kept under its own key, beside an index of ids and the settings, each inside
//! the versioned envelope of `redress_core::exchange`. Saving one record writes that record (and
//! the index, when the record is new). Data that does not parse is set aside under another key
//! and reported, never deleted. Pages reach storage only through [`crate::state::AppState`].

mod backend;
mod keys;
mod watch;

pub use backend::{SaveError, available};
pub use watch::{StoreChange, on_change};

use redress_core::assessment::Assessment;
use redress_core::exchange;
use redress_core::record::Record;
use redress_core::settings::Settings;
use std::collections::BTreeSet;

/// Something found in storage that could not be used, in words for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreProblem(pub String);

/// Everything read from storage at start-up.
#[derive(Debug, Default)]
pub struct Loaded {
    pub records: Vec<Record>,
    pub assessments: Vec<Assessment>,
    pub settings: Settings,
    pub problems: Vec<StoreProblem>,
}

/// Reads a key's envelope; unreadable data is moved aside and reported.
fn read<T: serde::de::DeserializeOwned>(key: &str, what: &str, problems: &mut Vec<StoreProblem>) -> Option<T> {
    let text = backend::read(key)?;
    match exchange::open(&text) {
        Ok(value) => Some(value),
        Err(error) => {
            let message = match backend::set_aside(key, &text) {
                Ok(aside) => format!(
                    "Stored {what} could not be read because {error}. It has been kept, unchanged, under the storage key “{aside}”."
                ),
                Err(_) => format!(
                    "Stored {what} could not be read because {error}. It has been left where it was, under the storage key “{key}”."
                ),
            };
            problems.push(StoreProblem(message));
            None
        }
    }
}

/// Reads one record by id, as another tab wrote it.
pub fn load_record(id: &str, problems: &mut Vec<StoreProblem>) -> Option<Record> {
    read(&keys::record(id), "record", problems)
}

/// Reads the settings, as another tab wrote them.
pub fn load_settings(problems: &mut Vec<StoreProblem>) -> Settings {
    read(keys::SETTINGS, "settings", problems).unwrap_or_default()
}

/// Reads everything. Records missing from the index but present under their own key are kept
/// too, and the index repaired, so a half-finished write never hides a record.
pub fn load() -> Loaded {
    let mut problems = Vec::new();
    if let Err(error) = available() {
        problems.push(StoreProblem(error.to_string()));
        return Loaded {
            problems,
            ..Loaded::default()
        };
    }
    let indexed: Vec<String> = read(keys::INDEX, "list of records", &mut problems).unwrap_or_default();
    let mut ids: BTreeSet<String> = indexed.iter().cloned().collect();
    ids.extend(
        backend::keys_with_prefix(keys::RECORD_PREFIX)
            .iter()
            .filter_map(|k| keys::record_id(k)),
    );
    let records: Vec<Record> = ids.iter().filter_map(|id| load_record(id, &mut problems)).collect();
    let readable: BTreeSet<String> = records.iter().map(|r| r.id.clone()).collect();
    if readable != indexed.iter().cloned().collect() {
        let _ = backend::write(keys::INDEX, &exchange::seal(&readable.iter().collect::<Vec<_>>()));
    }
    let settings = load_settings(&mut problems);
    let assessments = backend::keys_with_prefix(keys::ASSESSMENT_PREFIX)
        .iter()
        .filter_map(|key| read(key, "self-assessment", &mut problems))
        .collect();
    Loaded {
        records,
        assessments,
        settings,
        problems,
    }
}

/// Saves one record; `index` is every record id, written only when the record is new.
pub fn save_record(record: &Record, new_index: Option<&[String]>) -> Result<(), SaveError> {
    backend::write(&keys::record(&record.id), &exchange::seal(record))?;
    if let Some(index) = new_index {
        backend::write(keys::INDEX, &exchange::seal(&index))?;
    }
    Ok(())
}

/// A record deleted on this device: what it was, who deleted it and when.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Deletion {
    pub id: String,
    pub reference: String,
    pub who: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// Removes a record's key, writes the index without it, and adds to the list of deletions.
pub fn delete_record(id: &str, index: &[String], deletion: Deletion) -> Result<(), SaveError> {
    let mut problems = Vec::new();
    let mut deletions: Vec<Deletion> =
        read(keys::DELETED, "list of deleted records", &mut problems).unwrap_or_default();
    deletions.push(deletion);
    backend::write(keys::DELETED, &exchange::seal(&deletions))?;
    backend::write(keys::INDEX, &exchange::seal(&index))?;
    backend::remove(&keys::record(id));
    Ok(())
}

/// Removes several records at once, with no deletion recorded (for sample data).
pub fn remove_records(ids: &[String], index: &[String]) -> Result<(), SaveError> {
    backend::write(keys::INDEX, &exchange::seal(&index))?;
    for id in ids {
        backend::remove(&keys::record(id));
    }
    Ok(())
}

/// Every deletion recorded on this device.
pub fn deletions() -> Vec<Deletion> {
    read(keys::DELETED, "list of deleted records", &mut Vec::new()).unwrap_or_default()
}

pub fn save_settings(settings: &Settings) -> Result<(), SaveError> {
    backend::write(keys::SETTINGS, &exchange::seal(settings))
}

/// Reads one self-assessment by id, as another tab wrote it.
pub fn load_assessment(id: &str, problems: &mut Vec<StoreProblem>) -> Option<Assessment> {
    read(&keys::assessment(id), "self-assessment", problems)
}

/// Saves one self-assessment under its own key.
pub fn save_assessment(assessment: &Assessment) -> Result<(), SaveError> {
    backend::write(&keys::assessment(&assessment.id), &exchange::seal(assessment))
}

pub fn delete_assessment(id: &str) {
    backend::remove(&keys::assessment(id));
}

/// Everything an import writes, as one change.
pub struct Batch<'a> {
    pub records: &'a [Record],
    pub assessments: &'a [Assessment],
    pub settings: Option<&'a Settings>,
    /// Every record id after the import, written when there are new records.
    pub index: Option<&'a [String]>,
}

/// Writes a whole batch or none of it: when one write fails, every key already written is put
/// back as it was before, so storage is left exactly as it was found.
pub fn save_batch(batch: &Batch) -> Result<(), SaveError> {
    let mut writes: Vec<(String, String)> = Vec::new();
    writes.extend(batch.records.iter().map(|r| (keys::record(&r.id), exchange::seal(r))));
    writes.extend(
        batch
            .assessments
            .iter()
            .map(|a| (keys::assessment(&a.id), exchange::seal(a))),
    );
    if let Some(settings) = batch.settings {
        writes.push((keys::SETTINGS.to_string(), exchange::seal(settings)));
    }
    if let Some(index) = batch.index {
        writes.push((keys::INDEX.to_string(), exchange::seal(&index)));
    }
    let mut done: Vec<(String, Option<String>)> = Vec::new();
    for (key, text) in writes {
        let before = backend::read(&key);
        if let Err(error) = backend::write(&key, &text) {
            for (key, before) in done.into_iter().rev() {
                match before {
                    Some(text) => {
                        let _ = backend::write(&key, &text);
                    }
                    None => backend::remove(&key),
                }
            }
            return Err(error);
        }
        done.push((key, before));
    }
    Ok(())
}

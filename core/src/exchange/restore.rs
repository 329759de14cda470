//! The one way in for data from outside this build (Excalidraw's `restore`, Actual's
//! migrations): open the envelope, run the numbered migration steps on the document, read it,
//! then check its values against what the domain allows. The storage door calls it for every
//! stored document; an export file takes the same steps per document inside `file::read`.
//!
//! A document that cannot be read at all is an `Err` (the door sets it aside, unchanged); one
//! that reads but holds values the domain does not allow comes back with those problems, by
//! place, so the app can warn about it and still export or delete it.

use super::file::{Problem, plain};
use super::{DocKind, EnvelopeError, SCHEMA_VERSION, STORE_FORMAT, Unsealed, read_data, unseal};
use crate::assessment::Assessment;
use crate::record::Record;
use crate::record::bounds::{check_assessment, check_record, check_settings};
use crate::settings::Settings;
use serde::de::DeserializeOwned;

/// A document read from storage and brought up to this schema.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored<T> {
    pub data: T,
    /// How many times it had been saved over (0 when the envelope does not say).
    pub revision: u64,
    /// Values outside what the domain allows, by place; the document is still usable for export
    /// and deletion but the app warns about it.
    pub problems: Vec<Problem>,
    /// True when it was written by an older schema and migrated: written back, it is stored in
    /// this schema's shape (the door may do so).
    pub migrated: bool,
}

fn at(place: &str, message: impl Into<String>) -> Problem {
    Problem::at(place, message)
}

fn envelope_problem(error: EnvelopeError) -> Problem {
    let place = match &error {
        EnvelopeError::NotJson(_) => "the stored data",
        EnvelopeError::WrongFormat(..) => "format",
        EnvelopeError::NewerVersion(_) | EnvelopeError::BadVersion(_) => "schema_version",
        EnvelopeError::BadData(_) => "data",
    };
    let message = error.to_string();
    let mut chars = message.chars();
    let sentence = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect::<String>())
        .unwrap_or_default();
    at(place, format!("{sentence}."))
}

/// Opens, migrates and reads one stored document of `kind`; its bounds are not checked (the
/// typed functions below do that).
pub fn document<T: DeserializeOwned>(kind: DocKind, text: &str) -> Result<Restored<T>, Problem> {
    let Unsealed {
        version,
        revision,
        data,
    } = unseal(STORE_FORMAT, text).map_err(envelope_problem)?;
    let raw = data;
    let data = read_data::<T>(kind, version, raw).map_err(|error| {
        // Nested past what any reader takes: say so, rather than what the first bracket is not.
        if let Err(deep) = serde_json::from_str::<serde_json::Value>(raw.get())
            && deep.to_string().contains("recursion limit")
        {
            return at(
                "data",
                "It is nested too deeply to read: no Redress data is nested like this.",
            );
        }
        let path = error.path().to_string();
        let place = if path.is_empty() || path == "." {
            "data".to_string()
        } else {
            format!("data.{path}")
        };
        at(&place, plain(&error.into_inner().to_string()))
    })?;
    Ok(Restored {
        data,
        revision,
        problems: Vec::new(),
        migrated: version < SCHEMA_VERSION,
    })
}

fn checked<T>(mut restored: Restored<T>, check: fn(&T) -> Vec<Problem>) -> Restored<T> {
    restored.problems = check(&restored.data);
    restored
}

/// A stored record, migrated, read and checked.
pub fn record(text: &str) -> Result<Restored<Record>, Problem> {
    document(DocKind::Record, text).map(|r| checked(r, check_record))
}

/// A stored assessment, migrated, read and checked.
pub fn assessment(text: &str) -> Result<Restored<Assessment>, Problem> {
    document(DocKind::Assessment, text).map(|r| checked(r, check_assessment))
}

/// The stored settings read the short way, for drawing the first page before everything has
/// been read: only settings no migration step changes (written since
/// `migrate::SETTINGS_UNCHANGED_SINCE`) whose values are all within bounds; `None` for
/// any other (the full read, [`settings`], then gives them).
pub fn current_settings(text: &str) -> Option<Settings> {
    let Unsealed { version, data, .. } = unseal(STORE_FORMAT, text).ok()?;
    if version < super::migrate::SETTINGS_UNCHANGED_SINCE {
        return None;
    }
    let settings: Settings = serde_json::from_str(data.get()).ok()?;
    check_settings(&settings).is_empty().then_some(settings)
}

/// The stored settings, migrated, read and checked.
pub fn settings(text: &str) -> Result<Restored<Settings>, Problem> {
    document(DocKind::Settings, text).map(|r| checked(r, check_settings))
}

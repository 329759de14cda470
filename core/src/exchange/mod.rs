//! The versioned envelope that stored data and exported files share: a format name, a schema
//! version, a revision and the data. Opening one checks all of them and says plainly what is
//! wrong; [`restore`] then brings the data up to this schema, document by document, and checks
//! its bounds.

pub mod csv;
pub mod file;
pub mod merge;
mod migrate;
mod place;
pub mod pretty;
pub mod redact;
pub mod renumber;
pub mod restore;

pub use migrate::DocKind;

use crate::problem::Problem;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;
use std::any::type_name;
use std::fmt;

/// The format name of everything Redress keeps in browser storage.
pub const STORE_FORMAT: &str = "redress-store";
/// The schema version this build writes and reads. Older versions are migrated on the way in
/// (2: a complaint names its procedure instead of keeping a copy; 3: the person a record is
/// about and whoever raised it, each with how to reach them; 4: every extension of a stage kept).
pub const SCHEMA_VERSION: u32 = 4;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Envelope<T> {
    pub format: String,
    pub schema_version: u32,
    /// How many times this document has been saved over; the storage door compares it to learn
    /// that another tab saved first. Absent means 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u64,
    pub data: T,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Why an envelope could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvelopeError {
    NotJson(String),
    /// The format found, and the one expected.
    WrongFormat(String, &'static str),
    NewerVersion(u32),
    /// A schema version that is missing, or that no Redress has written (0, negative, not a
    /// whole number, absurdly large): the words say which.
    BadVersion(String),
    BadData(String),
}

impl fmt::Display for EnvelopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnvelopeError::NotJson(detail) => write!(f, "it is not readable JSON ({detail})"),
            EnvelopeError::WrongFormat(found, expected) if found.is_empty() => {
                write!(f, "it is not Redress data (it has no format; expected “{expected}”)")
            }
            EnvelopeError::WrongFormat(found, expected) => {
                write!(
                    f,
                    "it is not the right kind of Redress data (its format is “{found}”, not “{expected}”)"
                )
            }
            EnvelopeError::NewerVersion(version) => write!(
                f,
                "it was written by a newer version of Redress (schema {version}; this one reads up to {SCHEMA_VERSION})"
            ),
            EnvelopeError::BadVersion(words) => write!(f, "its schema version {words}"),
            EnvelopeError::BadData(detail) => write!(f, "its data does not fit ({detail})"),
        }
    }
}

/// A schema version read as the whole number it is (never wrapped to fit), and checked.
fn version_of(value: Option<&Value>) -> Result<u32, EnvelopeError> {
    let words = |shown: String| {
        EnvelopeError::BadVersion(format!("is {shown}, which is not a schema version Redress has written"))
    };
    match value {
        None | Some(Value::Null) => Err(EnvelopeError::BadVersion("is missing".into())),
        Some(Value::Number(number)) => match number.as_u64() {
            Some(0) => Err(words("0".into())),
            Some(version) if version <= u64::from(SCHEMA_VERSION) => Ok(version as u32),
            Some(version) => match u32::try_from(version) {
                Ok(newer) => Err(EnvelopeError::NewerVersion(newer)),
                Err(_) => Err(words(version.to_string())),
            },
            None => Err(words(number.to_string())),
        },
        Some(Value::String(text)) => Err(words(format!("“{text}”"))),
        Some(_) => Err(words("not a number".into())),
    }
}

/// The schema version `value` names, checked: `value` is the `schema_version` member of a file or
/// stored envelope (`object.get("schema_version")`, or `Value::Null` when there is none). Only
/// 1 up to [`SCHEMA_VERSION`] is accepted; the problem names the place, `schema_version`, in a
/// plain sentence for a person.
pub fn schema_version_of(value: &Value) -> Result<u32, Problem> {
    version_of(Some(value)).map_err(|error| {
        let message = match error {
            EnvelopeError::NewerVersion(version) => format!(
                "This was made by a newer version of Redress (schema {version}); this one reads up to schema {SCHEMA_VERSION}. Update Redress on this device, then try again."
            ),
            EnvelopeError::BadVersion(words) if words == "is missing" => {
                "The schema version is missing: everything Redress writes says which schema wrote it.".into()
            }
            EnvelopeError::BadVersion(words) => format!("The schema version {words}."),
            other => other.to_string(),
        };
        Problem::at("schema_version", message)
    })
}

/// Wraps `data` in the store's envelope as JSON text, at revision 0.
pub fn seal<T: Serialize>(data: &T) -> String {
    seal_revision(data, 0)
}

/// Wraps `data` in the store's envelope as JSON text, saved over `revision` times.
#[allow(
    clippy::expect_used,
    reason = "the core's stored types are plain derived data with string keys, which always serialises"
)]
pub fn seal_revision<T: Serialize>(data: &T, revision: u64) -> String {
    let envelope = Envelope {
        format: STORE_FORMAT.to_string(),
        schema_version: SCHEMA_VERSION,
        revision,
        data,
    };
    serde_json::to_string(&envelope).expect("plain data always serialises")
}

/// An envelope's parts, its version checked and its data not yet read (still text).
pub(crate) struct Unsealed<'a> {
    pub version: u32,
    pub revision: u64,
    pub data: &'a RawValue,
}

/// Opens the envelope around `text` without reading its data.
pub(crate) fn unseal<'a>(expected: &'static str, text: &'a str) -> Result<Unsealed<'a>, EnvelopeError> {
    #[derive(Deserialize)]
    struct Parts<'a> {
        #[serde(default)]
        format: Option<String>,
        #[serde(default)]
        schema_version: Option<Value>,
        #[serde(default)]
        revision: Option<Value>,
        #[serde(borrow, default)]
        data: Option<&'a RawValue>,
    }
    let not_json = |e: serde_json::Error| {
        if e.to_string().contains("recursion limit") {
            EnvelopeError::NotJson("it is nested too deeply to read".into())
        } else {
            EnvelopeError::NotJson(e.to_string())
        }
    };
    if !text.trim_start().starts_with('{') {
        return match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => Err(EnvelopeError::WrongFormat(String::new(), expected)),
            Err(e) => Err(not_json(e)),
        };
    }
    let parts: Parts<'a> = serde_json::from_str(text).map_err(not_json)?;
    let format = parts.format.unwrap_or_default();
    if format != expected {
        return Err(EnvelopeError::WrongFormat(format, expected));
    }
    let version = version_of(parts.schema_version.as_ref())?;
    let revision = match parts.revision {
        None | Some(Value::Null) => 0,
        Some(value) => value
            .as_u64()
            .ok_or_else(|| EnvelopeError::BadData(format!("its revision, {value}, is not a whole number")))?,
    };
    let data = parts.data.ok_or_else(|| EnvelopeError::BadData("no data".into()))?;
    Ok(Unsealed {
        version,
        revision,
        data,
    })
}

/// Reads a document's data as this schema's `T`, migrating it first when an older schema wrote
/// it. Every document — stored, or a part of a file — is read by this one path-tracking reader
/// from text, so the app carries one deserialiser per type, not one per source.
pub(crate) fn read_data<T: DeserializeOwned>(kind: DocKind, version: u32, data: &RawValue) -> Result<T, Placed> {
    if version >= SCHEMA_VERSION {
        return read_text(data.get());
    }
    let migrated = serde_json::from_str::<Value>(data.get()).and_then(|mut value| {
        // The version was checked when the envelope was opened, so the steps exist.
        let _ = migrate::migrate_document(kind, &mut value, version);
        serde_json::to_string(&value)
    });
    match migrated {
        Ok(text) => read_text(&text),
        Err(_) => read_text(data.get()),
    }
}

/// Reads `T` from JSON text, naming the place of a problem.
pub(crate) fn read_text<T: DeserializeOwned>(text: &str) -> Result<T, Placed> {
    let mut reader = serde_json::Deserializer::from_str(text);
    T::deserialize(&mut reader).map_err(|error| {
        // serde_json names the byte after the one it peeked at for "expected value" (an enum
        // given a list or a number), and the byte it stopped at for everything else.
        let peeked = usize::from(error.to_string().starts_with("expected value"));
        Placed {
            path: place::offset_of(text, error.line(), error.column()).map_or_else(
                || ".".to_string(),
                |offset| place::path_at(text, offset.saturating_sub(peeked)),
            ),
            error,
        }
    })
}

/// serde_json's error with the place in the text it is about (`.` for the whole).
#[derive(Debug)]
pub(crate) struct Placed {
    path: String,
    error: serde_json::Error,
}

impl Placed {
    /// Where the problem is: `records[3].stages[0].acknowledged`, or `.` for the whole.
    pub(crate) fn path(&self) -> &str {
        &self.path
    }

    pub(crate) fn into_inner(self) -> serde_json::Error {
        self.error
    }
}

impl fmt::Display for Placed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path == "." {
            write!(f, "{}", self.error)
        } else {
            write!(f, "{}: {}", self.path, self.error)
        }
    }
}

/// The document kind whose migration steps a stored `T` takes. [`open`]'s callers name only
/// the type they want (and need not be `'static`, so `TypeId` is out of reach); within one build
/// a type's name is the same string wherever it is asked for, which is all this needs. New
/// callers use [`restore`], which is told the kind.
fn kind_of<T>() -> DocKind {
    let name = type_name::<T>();
    if name == type_name::<crate::record::Record>() {
        DocKind::Record
    } else if name == type_name::<crate::assessment::Assessment>() {
        DocKind::Assessment
    } else if name == type_name::<crate::settings::Settings>() {
        DocKind::Settings
    } else {
        DocKind::Other
    }
}

/// Reads JSON text written by [`seal`], migrated to this schema (records, assessments and
/// settings take their own steps). [`restore`] also gives the revision and the bounds problems.
pub fn open<T: DeserializeOwned>(text: &str) -> Result<T, EnvelopeError> {
    open_as(STORE_FORMAT, text)
}

/// Reads an envelope of the given format, migrated to this schema.
pub fn open_as<T: DeserializeOwned>(expected: &'static str, text: &str) -> Result<T, EnvelopeError> {
    let Unsealed { version, data, .. } = unseal(expected, text)?;
    read_data(kind_of::<T>(), version, data).map_err(|e| EnvelopeError::BadData(e.to_string()))
}

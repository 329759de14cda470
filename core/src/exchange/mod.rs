//! The versioned envelope that stored data and exported files share: a format name, a schema
//! version and the data. Opening one checks all three and says plainly what is wrong.

pub mod csv;
pub mod file;
pub mod merge;
mod migrate;
pub mod redact;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The format name of everything Redress keeps in browser storage.
pub const STORE_FORMAT: &str = "redress-store";
/// The schema version this build writes and reads. Older versions are migrated on the way in.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Envelope<T> {
    pub format: String,
    pub schema_version: u32,
    pub data: T,
}

/// Why an envelope could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvelopeError {
    NotJson(String),
    /// The format found, and the one expected.
    WrongFormat(String, &'static str),
    NewerVersion(u32),
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
            EnvelopeError::BadData(detail) => write!(f, "its data does not fit ({detail})"),
        }
    }
}

/// Wraps `data` in the store's envelope as JSON text.
pub fn seal<T: Serialize>(data: &T) -> String {
    let envelope = Envelope {
        format: STORE_FORMAT.to_string(),
        schema_version: SCHEMA_VERSION,
        data,
    };
    serde_json::to_string(&envelope).expect("plain data always serialises")
}

/// Reads JSON text written by [`seal`].
pub fn open<T: DeserializeOwned>(text: &str) -> Result<T, EnvelopeError> {
    open_as(STORE_FORMAT, text)
}

/// Reads an envelope of the given format.
pub fn open_as<T: DeserializeOwned>(expected: &'static str, text: &str) -> Result<T, EnvelopeError> {
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        schema_version: Option<u32>,
        data: Option<serde_json::Value>,
    }
    let header: Header = serde_json::from_str(text).map_err(|e| EnvelopeError::NotJson(e.to_string()))?;
    let format = header.format.unwrap_or_default();
    if format != expected {
        return Err(EnvelopeError::WrongFormat(format, expected));
    }
    match header.schema_version {
        Some(version) if version > SCHEMA_VERSION => {
            return Err(EnvelopeError::NewerVersion(version));
        }
        Some(_) => {}
        None => return Err(EnvelopeError::BadData("no schema_version".into())),
    }
    let data = header.data.ok_or_else(|| EnvelopeError::BadData("no data".into()))?;
    serde_json::from_value(data).map_err(|e| EnvelopeError::BadData(e.to_string()))
}

//! Stored documents: the core's versioned envelope with the revision the door counts saves by,
//! sealed to text before a transaction opens and opened after it has finished.

use redress_core::exchange;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A document as stored, with its revision: how many times it has been saved on this device.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored<T> {
    pub data: T,
    pub revision: u64,
}

/// The envelope as text, with its revision.
pub fn seal<T: Serialize>(data: &T, revision: u64) -> String {
    #[derive(Serialize)]
    struct Sealed<'a, T> {
        format: &'static str,
        schema_version: u32,
        revision: u64,
        data: &'a T,
    }
    serde_json::to_string(&Sealed {
        format: exchange::STORE_FORMAT,
        schema_version: exchange::SCHEMA_VERSION,
        revision,
        data,
    })
    .unwrap_or_default()
}

/// Opens stored text: the envelope checked, the data read, the revision (0 if none).
pub fn open<T: DeserializeOwned>(text: &str) -> Result<Stored<T>, exchange::EnvelopeError> {
    let data = exchange::open(text)?;
    Ok(Stored {
        data,
        revision: revision_of(text),
    })
}

/// The revision of stored text, without reading its data.
pub fn revision_of(text: &str) -> u64 {
    #[derive(serde::Deserialize)]
    struct Revision {
        #[serde(default)]
        revision: u64,
    }
    serde_json::from_str::<Revision>(text).map(|r| r.revision).unwrap_or(0)
}

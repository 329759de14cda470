//! Stored documents: sealed to text (the core's versioned envelope with the revision the door
//! counts saves by) before a transaction opens, and opened after it has finished through the
//! core's one restore path — envelope, migration steps, reading, bounds.

use redress_core::assessment::Assessment;
use redress_core::exchange::{self, DocKind, file::Problem, restore};
use redress_core::record::Record;
use redress_core::record::deletion::Deletion;
use redress_core::settings::Settings;
use serde::Serialize;

/// A document as stored, with its revision: how many times it has been saved on this device.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored<T> {
    pub data: T,
    pub revision: u64,
}

/// The envelope as text, with its revision.
pub fn seal<T: Serialize>(data: &T, revision: u64) -> String {
    exchange::seal_revision(data, revision)
}

/// A kind of document the door keeps, opened through its own restore step.
pub trait Document: Sized {
    fn restore(text: &str) -> Result<restore::Restored<Self>, Problem>;
}

impl Document for Record {
    fn restore(text: &str) -> Result<restore::Restored<Self>, Problem> {
        restore::record(text)
    }
}

impl Document for Assessment {
    fn restore(text: &str) -> Result<restore::Restored<Self>, Problem> {
        restore::assessment(text)
    }
}

impl Document for Settings {
    fn restore(text: &str) -> Result<restore::Restored<Self>, Problem> {
        restore::settings(text)
    }
}

impl Document for Deletion {
    fn restore(text: &str) -> Result<restore::Restored<Self>, Problem> {
        let mut restored: restore::Restored<Self> = restore::document(DocKind::Other, text)?;
        restored.problems = redress_core::record::bounds::check_deletion(&restored.data);
        Ok(restored)
    }
}

/// The old door's one list of every deletion, read once when it moves in.
impl Document for Vec<Deletion> {
    fn restore(text: &str) -> Result<restore::Restored<Self>, Problem> {
        restore::document(DocKind::Other, text)
    }
}

/// A problem as words: "data.received: not a real date".
pub fn words(problem: &Problem) -> String {
    format!("{}: {}", problem.field, problem.message)
}

/// Opens stored text: the document and its revision, and any values outside what Redress
/// allows (the document is still kept and shown, with a warning).
pub fn open<T: Document>(text: &str) -> Result<(Stored<T>, Vec<Problem>), String> {
    let restored = T::restore(text).map_err(|p| words(&p))?;
    Ok((
        Stored {
            data: restored.data,
            revision: restored.revision,
        },
        restored.problems,
    ))
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

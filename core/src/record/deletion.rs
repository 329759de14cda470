//! A deletion kept as data: the tombstone left when a record is deleted, saying which record it
//! was, who deleted it, when and why. Tombstones travel in whole exports, so importing an older
//! file never quietly brings a deleted record back, and Settings can list what was deleted.
//! The shape is the one the app has stored since deletions were first kept (`why` came later,
//! and reads as empty where it is missing), so stored tombstones read unchanged.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Deletion {
    /// The id of the record deleted.
    pub id: String,
    /// Its human reference, e.g. `C-2026-0042`, so a list of deletions can be read.
    pub reference: String,
    /// The name in Settings of whoever deleted it, or "Not recorded".
    pub who: String,
    pub at: DateTime<Utc>,
    /// Why it was deleted, in the person's words; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

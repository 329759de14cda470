//! The append-only history of a record: who changed what, and when.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One change, as shown on the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    /// The name in Settings of whoever made the change, or "Not recorded".
    pub who: String,
    pub what: String,
}

/// Who is making a change, and when; every change to a record goes through one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub who: String,
    pub at: DateTime<Utc>,
}

impl Change {
    pub fn new(who: &str, at: DateTime<Utc>) -> Self {
        let who = who.trim();
        Self {
            who: if who.is_empty() {
                "Not recorded".into()
            } else {
                who.into()
            },
            at,
        }
    }

    pub fn entry(&self, what: impl Into<String>) -> HistoryEntry {
        HistoryEntry {
            at: self.at,
            who: self.who.clone(),
            what: what.into(),
        }
    }
}

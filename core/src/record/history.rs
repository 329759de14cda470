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
    /// The fact this entry recorded or corrected (`received`, `stage-1-acknowledged`…), so a
    /// later correction or withdrawal can find it, and an explanation can say a date changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// For a correction: the value before and after, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected: Option<Corrected>,
    /// Recorded by mistake and withdrawn since: shown struck through, never removed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withdrawn: bool,
}

/// A correction's old and new value, as the record page showed them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Corrected {
    pub from: String,
    pub to: String,
}

/// Who is making a change, and when; every change to a record goes through one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub who: String,
    pub at: DateTime<Utc>,
    /// The tag of the device it is made on, once the device has joined a team
    /// (`sync::reference`): a reference it mints counts under its tag, so no other device of
    /// the team can mint the same one.
    pub device_tag: Option<String>,
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
            device_tag: None,
        }
    }

    /// The same change, made on the device tagged `tag` (or on one with no tag).
    #[must_use]
    pub fn on_device(mut self, tag: Option<String>) -> Self {
        self.device_tag = tag.filter(|tag| crate::sync::reference::is_tag(tag));
        self
    }

    pub fn entry(&self, what: impl Into<String>) -> HistoryEntry {
        HistoryEntry {
            at: self.at,
            who: self.who.clone(),
            what: what.into(),
            fact: None,
            corrected: None,
            withdrawn: false,
        }
    }
}

//! The names of the storage keys Redress uses, all under the `redress:` prefix.

pub const INDEX: &str = "redress:index";
pub const SETTINGS: &str = "redress:settings";
/// Tombstones: which records were deleted, by whom and when.
pub const DELETED: &str = "redress:deleted";
pub const RECORD_PREFIX: &str = "redress:record:";
/// One key per self-assessment; they are found by this prefix, so they need no index.
pub const ASSESSMENT_PREFIX: &str = "redress:assessment:";
/// Unreadable data is moved here, with the key it came from and when.
pub const SET_ASIDE_PREFIX: &str = "redress:set-aside:";

pub fn record(id: &str) -> String {
    format!("{RECORD_PREFIX}{id}")
}

/// The record id a key holds, if it is a record key.
pub fn record_id(key: &str) -> Option<String> {
    key.strip_prefix(RECORD_PREFIX).map(str::to_string)
}

pub fn assessment(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// The assessment id a key holds, if it is an assessment key.
pub fn assessment_id(key: &str) -> Option<String> {
    key.strip_prefix(ASSESSMENT_PREFIX).map(str::to_string)
}

pub fn set_aside(key: &str, millis: f64) -> String {
    format!("{SET_ASIDE_PREFIX}{millis:.0}:{key}")
}

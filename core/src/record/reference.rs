//! Human references such as `C-2026-0042`: a letter for the kind, the year received, and the
//! next number in that year for that kind on this device.

use super::{Record, RecordKind};
use chrono::{Datelike, NaiveDate};

pub fn prefix(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Complaint => "C",
        RecordKind::Concern => "N",
        RecordKind::ServiceRequest => "S",
        RecordKind::Compliment => "P",
    }
}

/// The next reference for a record of `kind` received on `received`, after those in `existing`.
pub fn next_reference(kind: RecordKind, received: NaiveDate, existing: &[Record]) -> String {
    next_free_reference(kind, received, existing.iter().map(|r| r.reference.as_str()))
}

/// The next reference of `kind` for the year of `received`, after every one in `taken`: one
/// more than the highest number of that kind and year, so never one already used.
pub fn next_free_reference<'a>(
    kind: RecordKind,
    received: NaiveDate,
    taken: impl IntoIterator<Item = &'a str>,
) -> String {
    let start = format!("{}-{}-", prefix(kind), received.year());
    let highest = taken
        .into_iter()
        .filter_map(|reference| reference.strip_prefix(&start))
        .filter_map(|number| number.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{start}{:04}", highest.saturating_add(1))
}

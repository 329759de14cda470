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
    let start = format!("{}-{}-", prefix(kind), received.year());
    let highest = existing
        .iter()
        .filter_map(|record| record.reference.strip_prefix(&start))
        .filter_map(|number| number.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{start}{:04}", highest + 1)
}

//! Human references such as `C-2026-0042`: a letter for the kind, the year received, and the
//! next number in that year for that kind on this device.

use super::{Change, Record, RecordKind};
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

impl Change {
    /// The next reference for a new record of `kind` received on `received`: counted under the
    /// device's tag once it has joined a team (`C-2026-K7-0042`), as before until then.
    pub fn next_reference(&self, kind: RecordKind, received: NaiveDate, existing: &[Record]) -> String {
        match &self.device_tag {
            Some(tag) => crate::sync::reference::next_team_reference(
                kind,
                received,
                tag,
                existing.iter().map(|r| r.reference.as_str()),
            ),
            None => next_reference(kind, received, existing),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_in_a_team_counts_under_its_tag() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut record: Record = serde_json::from_value(serde_json::json!({
            "id": "1", "kind": "complaint", "received": "2026-03-02", "service": "Corporate",
            "summary": "", "created": "2026-03-02T09:00:00Z", "updated": "2026-03-02T09:00:00Z",
            "reference": "C-2026-0007",
        }))
        .unwrap();
        let alone = Change::new("Sam", chrono::DateTime::UNIX_EPOCH);
        assert_eq!(
            alone.next_reference(RecordKind::Complaint, day, &[record.clone()]),
            "C-2026-0008"
        );
        let in_team = alone.on_device(Some("K7".into()));
        assert_eq!(
            in_team.next_reference(RecordKind::Complaint, day, &[record.clone()]),
            "C-2026-K7-0001"
        );
        record.reference = "C-2026-K7-0001".into();
        assert_eq!(
            in_team.next_reference(RecordKind::Complaint, day, &[record]),
            "C-2026-K7-0002"
        );
        assert_eq!(
            Change::new("Sam", chrono::DateTime::UNIX_EPOCH)
                .on_device(Some("k7".into()))
                .device_tag,
            None,
            "not a tag"
        );
    }
}

//! Records made for tests: the sample records as of [`today`], and a record typed into the New
//! record form with events recorded on it, the way the casework tests build one up.

use super::dates::{date, now, today};
use redress_core::record::{Change, DateInput, EventDraft, EventKind, Outcome, Record, RecordDraft, record_event};
use redress_core::sample::sample_records;
use redress_core::settings::Settings;

/// The sample records as made on [`today`] by Sam Officer, still marked as samples.
pub fn samples() -> Vec<Record> {
    sample_records(today(), &Settings::default(), &Change::new("Sam Officer", now()))
}

/// The sample records, made real (not marked as samples).
pub fn records() -> Vec<Record> {
    samples()
        .into_iter()
        .map(|mut r| {
            r.sample = false;
            r
        })
        .collect()
}

/// Sam Officer's change at 09:00 on 1 February 2026, the one every casework edit is made with.
pub fn change() -> Change {
    Change::new("Sam Officer", "2026-02-01T09:00:00Z".parse().unwrap())
}

/// A record of `kind` ("complaint", "concern" …) received on `received`, from Jo Bloggs about
/// Corporate; a complaint follows the LGSCO Code. Its id and reference follow `existing`.
pub fn make(kind: &str, received: &str, summary: &str, existing: &[Record]) -> Record {
    let received = date(received);
    RecordDraft {
        kind: kind.into(),
        received: DateInput::from_date(received),
        service: "Corporate".into(),
        person_name: "Jo Bloggs".into(),
        summary: summary.into(),
        procedure: if kind == "complaint" {
            "lgsco-2024".into()
        } else {
            String::new()
        },
        ..RecordDraft::default()
    }
    .to_record(
        format!("id-{}", existing.len()),
        &change(),
        today(),
        &Settings::default().procedures(),
        existing,
    )
    .unwrap()
}

/// `record` with the event `kind` recorded on `day` by `handler` (a response partially upheld).
pub fn event(record: &Record, kind: EventKind, day: &str, handler: &str) -> Record {
    let draft = EventDraft {
        kind: kind.code().into(),
        date: DateInput::from_date(date(day)),
        handler: handler.into(),
        outcome: Outcome::PartiallyUpheld.code(),
        ..EventDraft::default()
    };
    record_event(record, &draft, today(), &change(), &[]).unwrap()
}

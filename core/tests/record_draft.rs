//! Checking what a person typed into the New record form: GOV.UK messages, nothing lost.

use chrono::NaiveDate;
use redress_core::exchange::{self, EnvelopeError};
use redress_core::record::{DateInput, DatePart, Field, Record, RecordDraft, RecordKind, newest_first};

mod common;
use common::dates::{now, today};

fn procedures() -> Vec<redress_core::procedure::Procedure> {
    redress_core::settings::Settings::default().procedures()
}

fn complete() -> RecordDraft {
    RecordDraft {
        kind: "complaint".into(),
        received: DateInput::new("19", "12", "2025"),
        issue_date: DateInput::default(),
        aware_date: DateInput::new("1", "12", "2025"),
        service: "Children’s social care".into(),
        person_name: "  Sam Example ".into(),
        raised_by_name: String::new(),
        summary: "No reply to three calls about respite care.".into(),
        procedure: "children-act-1989-2006".into(),
    }
}

#[test]
fn a_complete_draft_makes_a_record() {
    let record = complete()
        .to_record(
            "id-1".into(),
            &redress_core::record::Change::new("Sam Officer", now()),
            today(),
            &procedures(),
            &[],
        )
        .unwrap();
    assert_eq!(record.kind, RecordKind::Complaint);
    assert_eq!(record.received, "2025-12-19".parse::<NaiveDate>().unwrap());
    assert_eq!(record.person.name, "Sam Example");
    assert_eq!(record.raised_by, None);
    assert_eq!(
        record.procedure.as_ref().map(|p| p.id()),
        Some("children-act-1989-2006")
    );
    assert_eq!(record.aware_date, Some("2025-12-01".parse().unwrap()));
    assert_eq!(record.stages.len(), 1, "stage 1 starts on the day received");
    assert_eq!(record.stages[0].started, record.received);
}

#[test]
fn an_empty_draft_lists_every_required_field_in_form_order() {
    let errors = RecordDraft::default()
        .to_record(
            "id".into(),
            &redress_core::record::Change::new("Sam Officer", now()),
            today(),
            &procedures(),
            &[],
        )
        .unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            Field::Kind.id(),
            Field::Received.id(),
            Field::Service.id(),
            Field::Summary.id()
        ]
    );
    assert_eq!(errors[1].message, "Enter the date received");
    assert_eq!(errors[1].anchor(), "received-day");
}

#[test]
fn optional_dates_are_checked_only_when_typed() {
    let mut draft = complete();
    draft.issue_date = DateInput::new("", "11", "2025");
    draft.aware_date = DateInput::new("1", "1", "2026");
    let errors = draft
        .to_record(
            "id".into(),
            &redress_core::record::Change::new("Sam Officer", now()),
            today(),
            &procedures(),
            &[],
        )
        .unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.message.as_str())).collect();
    assert_eq!(
        found,
        vec![
            (Field::IssueDate.id(), "Date of the issue must include a day"),
            (
                Field::AwareDate.id(),
                "The issue must have happened, and the person become aware of it, on or before the date received"
            ),
        ]
    );
}

#[test]
fn a_complaint_needs_a_procedure_but_a_compliment_does_not() {
    let mut draft = complete();
    draft.procedure.clear();
    let errors = draft
        .to_record(
            "id".into(),
            &redress_core::record::Change::new("Sam Officer", now()),
            today(),
            &procedures(),
            &[],
        )
        .unwrap_err();
    assert_eq!(errors[0].field, Field::Procedure.id());

    draft.kind = "compliment".into();
    let record = draft
        .to_record(
            "id".into(),
            &redress_core::record::Change::new("Sam Officer", now()),
            today(),
            &procedures(),
            &[],
        )
        .unwrap();
    assert_eq!(record.procedure, None);
}

#[test]
fn date_input_messages_follow_the_design_system() {
    let cases = [
        (
            ("", "12", "2025"),
            "Date received must include a day",
            vec![DatePart::Day],
        ),
        (
            ("19", "", ""),
            "Date received must include a month and year",
            vec![DatePart::Month, DatePart::Year],
        ),
        (
            ("31", "2", "2025"),
            "Date received must be a real date",
            vec![DatePart::Day],
        ),
        (
            ("1", "13", "2025"),
            "Date received must be a real date",
            vec![DatePart::Month],
        ),
        (("1", "1", "25"), "Year must include 4 numbers", vec![DatePart::Year]),
        (
            ("23", "11", "2026"),
            "Date received must be today or in the past",
            vec![DatePart::Day, DatePart::Month, DatePart::Year],
        ),
    ];
    for ((day, month, year), message, parts) in cases {
        let error = DateInput::new(day, month, year)
            .parse("Date received", today())
            .unwrap_err();
        assert_eq!(
            (error.message.as_str(), error.parts),
            (message, parts),
            "{day}/{month}/{year}"
        );
    }
    assert_eq!(
        DateInput::new(" 5 ", "Dec", "2025")
            .parse("Date", today())
            .unwrap()
            .to_string(),
        "2025-12-05"
    );
}

#[test]
fn records_list_newest_received_first() {
    let make = |id: &str, received: &str, created: &str| Record {
        id: id.into(),
        received: received.parse().unwrap(),
        created: created.parse().unwrap(),
        ..complete()
            .to_record(
                id.into(),
                &redress_core::record::Change::new("Sam Officer", now()),
                today(),
                &procedures(),
                &[],
            )
            .unwrap()
    };
    let mut records = vec![
        make("old", "2025-01-01", "2026-01-01T00:00:00Z"),
        make("new-early", "2026-03-01", "2026-03-01T09:00:00Z"),
        make("new-late", "2026-03-01", "2026-03-01T10:00:00Z"),
    ];
    newest_first(&mut records);
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec!["new-late", "new-early", "old"]);
}

#[test]
fn the_envelope_round_trips_and_refuses_what_it_cannot_read() {
    let record = complete()
        .to_record(
            "id-1".into(),
            &redress_core::record::Change::new("Sam Officer", now()),
            today(),
            &procedures(),
            &[],
        )
        .unwrap();
    let text = exchange::seal(&record);
    assert!(text.starts_with(r#"{"format":"redress-store","schema_version":4,"#));
    assert_eq!(exchange::open::<Record>(&text).unwrap(), record);

    assert!(matches!(
        exchange::open::<Record>("{not json"),
        Err(EnvelopeError::NotJson(_))
    ));
    assert!(matches!(
        exchange::open::<Record>(r#"{"format":"excalidraw","schema_version":1,"data":{}}"#),
        Err(EnvelopeError::WrongFormat(found, _)) if found == "excalidraw"
    ));
    assert_eq!(
        exchange::open::<Record>(r#"{"format":"redress-store","schema_version":99,"data":{}}"#),
        Err(EnvelopeError::NewerVersion(99))
    );
    assert!(matches!(
        exchange::open::<Record>(r#"{"format":"redress-store","schema_version":1,"data":{"id":1}}"#),
        Err(EnvelopeError::BadData(_))
    ));
}

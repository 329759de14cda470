//! Recording what happened at a stage, and the deadlines following it.

use chrono::NaiveDate;
use redress_core::deadline::{DeadlineKind, Status, record_deadlines};
use redress_core::record::{
    DateInput, EventDraft, EventKind, Field, Record, RecordDraft, available_events, record_event,
};
use redress_core::settings::Settings;

mod common;
use common::dates::date;

fn complaint(procedure: &str) -> Record {
    RecordDraft {
        kind: "complaint".into(),
        received: DateInput::new("19", "12", "2025"),
        service: "Corporate".into(),
        summary: "Bins not collected for a month.".into(),
        procedure: procedure.into(),
        ..RecordDraft::default()
    }
    .to_record(
        "id".into(),
        &redress_core::record::Change::new("Sam Officer", "2025-12-19T09:00:00Z".parse().unwrap()),
        date("2025-12-19"),
        &Settings::default().procedures(),
        &[],
    )
    .unwrap()
}

fn event(kind: EventKind, day: &str) -> EventDraft {
    let date: NaiveDate = date(day);
    EventDraft {
        kind: kind.code().into(),
        date: DateInput::from_date(date),
        handler: "Ann Handler".into(),
        outcome: "partially-upheld".into(),
        ..EventDraft::default()
    }
}

fn apply(record: &Record, draft: EventDraft) -> Record {
    record_event(
        record,
        &draft,
        date("2026-11-22"),
        &redress_core::record::Change::new("Sam Officer", "2026-11-22T09:00:00Z".parse().unwrap()),
        &[],
    )
    .unwrap()
}

#[test]
fn a_complaint_runs_through_both_code_stages() {
    let record = complaint("lgsco-2024");
    use EventKind::*;
    assert_eq!(
        available_events(&record, &[]),
        vec![Acknowledged, Extended, Paused, Responded]
    );

    let record = apply(&record, event(Acknowledged, "2025-12-29"));
    let record = apply(&record, event(Responded, "2026-01-09"));
    assert_eq!(available_events(&record, &[]), vec![NextStageRequested]);
    let record = apply(&record, event(NextStageRequested, "2026-01-20"));
    assert_eq!(record.stages.len(), 2);
    assert_eq!(
        available_events(&record, &[]),
        vec![Acknowledged, Extended, Paused, Responded]
    );

    let deadlines = record_deadlines(&record, &Settings::default().rules(date("2026-01-21")));
    let statuses: Vec<(String, Option<Status>)> = deadlines
        .iter()
        .filter(|d| d.kind != DeadlineKind::ExtensionLimit)
        .map(|d| (d.label.clone(), d.status))
        .collect();
    assert_eq!(
        statuses,
        vec![
            ("Stage 1 acknowledgement".into(), Some(Status::Met)),
            ("Stage 1 response".into(), Some(Status::Met)),
            ("Stage 2 acknowledgement".into(), Some(Status::OnTrack)),
            ("Stage 2 response".into(), Some(Status::OnTrack)),
        ]
    );
    let stage2_ack = deadlines.iter().find(|d| d.label == "Stage 2 acknowledgement").unwrap();
    assert_eq!(stage2_ack.due, date("2026-01-27"));
}

#[test]
fn events_are_checked_and_nothing_changes_on_error() {
    let record = complaint("lgsco-2024");
    let errors = |draft: EventDraft| {
        record_event(
            &record,
            &draft,
            date("2026-01-05"),
            &redress_core::record::Change::new("Sam Officer", "2026-01-05T09:00:00Z".parse().unwrap()),
            &[],
        )
        .unwrap_err()
        .into_iter()
        .map(|e| (e.field, e.message))
        .collect::<Vec<_>>()
    };
    assert_eq!(
        errors(EventDraft::default()),
        vec![(Field::EventKind.id().to_string(), "Select what happened".to_string())]
    );
    assert_eq!(
        errors(event(EventKind::Paused, "2025-12-18")),
        vec![
            (
                Field::EventDate.id().to_string(),
                "Date the clock stopped must be on or after Fri 19 Dec 2025".to_string()
            ),
            (
                Field::EventReason.id().to_string(),
                "Enter why the clock is paused".to_string()
            ),
        ]
    );
    assert_eq!(
        errors(event(EventKind::Responded, "2026-01-06")),
        vec![(
            Field::EventDate.id().to_string(),
            "Date must be today or in the past".to_string()
        )]
    );
    let mut no_outcome = event(EventKind::Responded, "2026-01-05");
    no_outcome.outcome.clear();
    assert_eq!(
        errors(no_outcome),
        vec![(Field::EventOutcome.id().to_string(), "Select the outcome".to_string())]
    );
    let mut no_handler = event(EventKind::Acknowledged, "2026-01-05");
    no_handler.handler = "  ".into();
    assert_eq!(
        errors(no_handler),
        vec![(
            Field::EventHandler.id().to_string(),
            "Enter who will handle this stage".to_string()
        )]
    );
    let mut no_outcome = event(EventKind::Responded, "2026-01-05");
    no_outcome.outcome.clear();
    assert_eq!(
        errors(no_outcome),
        vec![(Field::EventOutcome.id().to_string(), "Select the outcome".to_string())]
    );
    let mut no_handler = event(EventKind::Acknowledged, "2026-01-05");
    no_handler.handler = "  ".into();
    assert_eq!(
        errors(no_handler),
        vec![(
            Field::EventHandler.id().to_string(),
            "Enter who will handle this stage".to_string()
        )]
    );
    // An extension may name a date in the future.
    let mut extension = event(EventKind::Extended, "2026-02-20");
    extension.reason = "Waiting for records".into();
    let extended = record_event(
        &record,
        &extension,
        date("2026-01-05"),
        &redress_core::record::Change::new("Sam Officer", "2026-01-05T09:00:00Z".parse().unwrap()),
        &[],
    )
    .unwrap();
    assert_eq!(extended.stages[0].extension().unwrap().to, date("2026-02-20"));
}

#[test]
fn a_pause_is_resumed_and_a_response_ends_any_pause() {
    let record = complaint("children-act-1989-2006");
    let mut pause = event(EventKind::Paused, "2025-12-22");
    pause.reason = "Person in hospital".into();
    let paused = apply(&record, pause);
    assert!(available_events(&paused, &[]).contains(&EventKind::Resumed));
    assert!(!available_events(&paused, &[]).contains(&EventKind::Paused));
    let resumed = apply(&paused, event(EventKind::Resumed, "2026-01-05"));
    assert_eq!(resumed.stages[0].pauses[0].to, Some(date("2026-01-05")));
    let answered = apply(&paused, event(EventKind::Responded, "2026-01-09"));
    assert_eq!(answered.stages[0].pauses[0].to, Some(date("2026-01-09")));
}

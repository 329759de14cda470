//! Correcting a fact of a record, and withdrawing an event recorded by mistake: the deadlines
//! move, the history keeps the old and the new value and who made the change, and nothing is
//! ever removed from the history.

use redress_core::deadline::{DeadlineKind, record_deadlines};
use redress_core::record::correct::{CorrectionDraft, EventDate, Fact, corrections_at, withdraw, withdrawable};
use redress_core::record::{DateInput, EventKind, Record, RecordKind};
use redress_core::settings::Settings;

mod common;
use common::dates::{date, today};
use common::records::{change, event, make};

fn due(record: &Record, kind: DeadlineKind, stage: usize) -> chrono::NaiveDate {
    let rules = Settings::default().rules(today());
    record_deadlines(record, &rules)
        .into_iter()
        .find(|d| d.kind == kind && d.stage == Some(stage))
        .map(|d| d.due)
        .unwrap()
}

fn correct(record: &Record, fact: Fact, typed: CorrectionDraft) -> Result<Record, Vec<redress_core::problem::Problem>> {
    typed.apply(record, fact, &Settings::default().procedures(), today(), &change())
}

#[test]
fn a_corrected_date_received_moves_the_deadlines_and_is_written_with_both_values() {
    // The worked example: received Fri 19 Dec 2025, acknowledgement due Tue 30 Dec 2025.
    let record = make("complaint", "2025-12-22", "Blue badge", &[]);
    assert_eq!(due(&record, DeadlineKind::Acknowledgement, 0), date("2025-12-31"));
    let typed = CorrectionDraft {
        date: DateInput::new("19", "12", "2025"),
        reason: "Mistyped at the front desk".into(),
        ..CorrectionDraft::from_record(&record, Fact::Received)
    };
    let corrected = correct(&record, Fact::Received, typed).unwrap();
    assert_eq!(corrected.received, date("2025-12-19"));
    assert_eq!(
        corrected.stages[0].started,
        date("2025-12-19"),
        "stage 1 began when it was received"
    );
    assert_eq!(due(&corrected, DeadlineKind::Acknowledgement, 0), date("2025-12-30"));
    let entry = corrected.history.last().unwrap();
    assert_eq!(entry.who, "Sam Officer");
    assert_eq!(entry.fact.as_deref(), Some("received"));
    let values = entry.corrected.clone().unwrap();
    assert_eq!(
        (values.from.as_str(), values.to.as_str()),
        ("Monday 22 December 2025", "Friday 19 December 2025")
    );
    assert!(entry.what.contains("Why: Mistyped at the front desk"), "{}", entry.what);
    // The explanation of stage 1's dates says a date was corrected, and what it was.
    let said = corrections_at(&corrected, 0);
    assert_eq!(said.len(), 1);
    assert!(said[0].starts_with("Date received corrected on"), "{}", said[0]);
    assert!(said[0].ends_with("it was Monday 22 December 2025."), "{}", said[0]);
    assert!(corrections_at(&corrected, 1).is_empty());
    let rules = Settings::default().rules(today());
    let acknowledgement = record_deadlines(&corrected, &rules)
        .into_iter()
        .find(|d| d.kind == DeadlineKind::Acknowledgement)
        .unwrap();
    assert!(
        acknowledgement.explanation.notes.contains(&said[0]),
        "the deadline's explanation says so: {:?}",
        acknowledgement.explanation.notes
    );
}

#[test]
fn a_correction_is_checked_and_never_loses_what_was_typed() {
    let mut record = make("complaint", "2026-01-05", "Late repair", &[]);
    record.issue_date = Some(date("2026-01-02"));
    let same = CorrectionDraft::from_record(&record, Fact::Received);
    let problems = correct(&record, Fact::Received, same).unwrap_err();
    assert!(
        problems[0].message.starts_with("This is already"),
        "nothing would change"
    );
    let before_issue = CorrectionDraft {
        date: DateInput::new("1", "1", "2026"),
        ..CorrectionDraft::default()
    };
    assert_eq!(
        correct(&record, Fact::Received, before_issue).unwrap_err()[0].field,
        "date"
    );
    let wrong_month = CorrectionDraft {
        date: DateInput::new("5", "13", "2026"),
        ..CorrectionDraft::default()
    };
    let problems = correct(&record, Fact::Received, wrong_month.clone()).unwrap_err();
    assert_eq!(problems[0].anchor(), "date-month", "only the month box is at fault");
    assert_eq!(wrong_month.date.month, "13", "what was typed stays as typed");
    let no_summary = CorrectionDraft::default();
    assert_eq!(
        correct(&record, Fact::Summary, no_summary).unwrap_err()[0].field,
        "value"
    );
    // An issue date can be cleared; it cannot come after the date received.
    let cleared = correct(&record, Fact::IssueDate, CorrectionDraft::default()).unwrap();
    assert_eq!(cleared.issue_date, None);
}

#[test]
fn an_event_date_corrected_moves_what_counts_from_it() {
    let record = make("complaint", "2026-01-05", "Late repair", &[]);
    let acknowledged = event(&record, EventKind::Acknowledged, "2026-01-09", "Ann Handler");
    let response = due(&acknowledged, DeadlineKind::Response, 0);
    let fact = Fact::Event {
        stage: 0,
        date: EventDate::Acknowledged,
    };
    assert_eq!(Fact::from_code("stage-1-acknowledged"), Some(fact));
    assert_eq!(
        acknowledged.history.last().unwrap().fact.as_deref(),
        Some("stage-1-acknowledged")
    );
    let corrected = correct(
        &acknowledged,
        fact,
        CorrectionDraft {
            date: DateInput::new("7", "1", "2026"),
            ..CorrectionDraft::default()
        },
    )
    .unwrap();
    assert!(
        due(&corrected, DeadlineKind::Response, 0) < response,
        "10 working days from the real date"
    );
    let before_start = CorrectionDraft {
        date: DateInput::new("2", "1", "2026"),
        ..CorrectionDraft::default()
    };
    assert_eq!(correct(&acknowledged, fact, before_start).unwrap_err()[0].field, "date");
}

#[test]
fn the_kind_changes_only_when_nothing_would_be_lost() {
    let concern = make("concern", "2026-01-05", "Worry about a visit", &[]);
    let to_complaint = CorrectionDraft {
        value: "complaint".into(),
        ..CorrectionDraft::default()
    };
    assert_eq!(
        correct(&concern, Fact::Kind, to_complaint.clone()).unwrap_err()[0].field,
        "procedure",
        "a complaint is handled under a procedure"
    );
    let complaint = correct(
        &concern,
        Fact::Kind,
        CorrectionDraft {
            procedure: "lgsco-2024".into(),
            ..to_complaint
        },
    )
    .unwrap();
    assert_eq!(complaint.kind, RecordKind::Complaint);
    assert_eq!(complaint.stages.len(), 1);
    let back = CorrectionDraft {
        value: "concern".into(),
        ..CorrectionDraft::default()
    };
    assert_eq!(correct(&complaint, Fact::Kind, back.clone()).unwrap().procedure, None);
    let acknowledged = event(&complaint, EventKind::Acknowledged, "2026-01-06", "Ann Handler");
    assert_eq!(correct(&acknowledged, Fact::Kind, back).unwrap_err()[0].field, "value");
}

#[test]
fn an_event_recorded_by_mistake_is_withdrawn_and_its_line_kept_struck_through() {
    let record = make("complaint", "2026-01-05", "Late repair", &[]);
    let projected = due(&record, DeadlineKind::Response, 0);
    let acknowledged = event(&record, EventKind::Acknowledged, "2026-01-06", "Ann Handler");
    let fact = Fact::Event {
        stage: 0,
        date: EventDate::Acknowledged,
    };
    assert_eq!(withdrawable(&acknowledged), vec![fact]);
    let withdrawn = withdraw(&acknowledged, fact, "Recorded on the wrong record", &change()).unwrap();
    assert_eq!(withdrawn.stages[0].acknowledged, None);
    assert_eq!(
        due(&withdrawn, DeadlineKind::Response, 0),
        projected,
        "back to the projected date"
    );
    let struck: Vec<&str> = withdrawn
        .history
        .iter()
        .filter(|e| e.withdrawn)
        .map(|e| e.what.as_str())
        .collect();
    assert_eq!(struck.len(), 1, "the original line is kept, struck through");
    assert!(struck[0].starts_with("Acknowledged"), "{struck:?}");
    let last = &withdrawn.history.last().unwrap().what;
    assert!(last.starts_with("Withdrew stage 1: date acknowledged"), "{last}");
    assert!(last.contains("Why: Recorded on the wrong record"), "{last}");
    assert_eq!(
        withdrawn.history.len(),
        acknowledged.history.len() + 1,
        "nothing removed"
    );
    // Only what the latest stage holds can be withdrawn.
    assert!(withdraw(&withdrawn, fact, "", &change()).is_err());
}

#[test]
fn a_request_for_the_next_stage_made_by_mistake_is_withdrawn_whole() {
    let record = make("complaint", "2026-01-05", "Late repair", &[]);
    let answered = event(&record, EventKind::Responded, "2026-01-15", "Ann Handler");
    let asked = event(&answered, EventKind::NextStageRequested, "2026-01-20", "Bo Senior");
    let request = Fact::Event {
        stage: 1,
        date: EventDate::Started,
    };
    assert!(withdrawable(&asked).contains(&request));
    let back = withdraw(&asked, request, "", &change()).unwrap();
    assert_eq!(back.stages.len(), 1);
    assert_eq!(back.stages, answered.stages);
    let acknowledged = event(&asked, EventKind::Acknowledged, "2026-01-21", "Bo Senior");
    assert!(
        !withdrawable(&acknowledged).contains(&request),
        "not while something else is recorded at the stage"
    );
}

//! The record-level moves that are always explicit: closing, reopening, and escalating a concern
//! to a linked complaint.

use redress_core::problem::Problem;
use redress_core::procedure;
use redress_core::record::{
    CloseDraft, ConcernOutcome, DateInput, DatePart, EscalateDraft, EventKind, RecordKind, chosen_concern_outcome,
    close, escalate_concern, reopen, set_concern_outcome,
};
use redress_core::settings::Settings;

mod common;
use common::dates::date;
use common::records::{change, event, make};

#[test]
fn closing_and_reopening_are_explicit() {
    let record = make("complaint", "2025-12-19", "Bins", &[]);
    assert_eq!(
        close(&record, date("2026-01-20"), &change()).unwrap_err(),
        Problem::new("closed", "Record the response before closing the record")
    );
    let answered = event(&record, EventKind::Responded, "2026-01-09", "");
    let closed = close(&answered, date("2026-01-20"), &change()).unwrap();
    assert_eq!(closed.closed, Some(date("2026-01-20")));
    assert!(close(&closed, date("2026-01-21"), &change()).is_err());
    assert_eq!(
        reopen(&closed, "", &change()).unwrap_err(),
        Problem::new("reopen-reason", "Enter why the record is being reopened")
    );
    let reopened = reopen(&closed, "The person sent new evidence", &change()).unwrap();
    assert_eq!(reopened.closed, None);
    assert_eq!(
        reopened.history.last().unwrap().what,
        "Reopened: The person sent new evidence"
    );
}

#[test]
fn a_concern_is_escalated_to_a_linked_complaint_carrying_its_details() {
    let concern = make("concern", "2026-01-05", "Carer late again", &[]);
    let lgsco = procedure::find(&Settings::default().procedures(), "lgsco-2024")
        .unwrap()
        .clone();
    let (concern, complaint) = escalate_concern(
        &concern,
        "id-c".into(),
        "C-2026-0001".into(),
        date("2026-01-12"),
        &lgsco,
        &change(),
    )
    .unwrap();
    assert_eq!(concern.escalated_to.as_deref(), Some("id-c"));
    assert_eq!(concern.concern_outcome, Some(ConcernOutcome::EscalatedToComplaint));
    assert_eq!(complaint.escalated_from, Some(concern.id.clone()));
    assert_eq!(
        (complaint.kind, complaint.summary.as_str()),
        (RecordKind::Complaint, "Carer late again")
    );
    assert_eq!(complaint.stages[0].started, date("2026-01-12"));
    assert!(escalate_concern(&concern, "x".into(), "y".into(), date("2026-01-12"), &lgsco, &change()).is_err());
    assert!(set_concern_outcome(&complaint, ConcernOutcome::NoFurtherContact, &change()).is_err());
}

/// The close form's date names only the box at fault; a real date before the record was
/// received marks the whole date; a record not ready to close says why, about the same input.
#[test]
fn the_close_form_names_the_date_box_at_fault() {
    let record = make("complaint", "2025-12-19", "Bins", &[]);
    let answered = event(&record, EventKind::Responded, "2026-01-09", "");
    let today = date("2026-03-10");
    let typed = |day: &str, month: &str, year: &str| CloseDraft {
        closed: DateInput::new(day, month, year),
    };
    let problems = typed("20", "13", "2026")
        .apply(&answered, today, &change())
        .unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].field.as_str(), problems[0].anchor()),
        ("closed", "closed-month".into())
    );
    let problems = typed("1", "12", "2025").apply(&answered, today, &change()).unwrap_err();
    assert_eq!(problems[0].parts, [DatePart::Day, DatePart::Month, DatePart::Year]);
    assert_eq!(
        problems[0].message,
        "The date closed must be on or after the date received"
    );
    let problems = typed("20", "1", "2026").apply(&record, today, &change()).unwrap_err();
    assert_eq!(problems[0].field, "closed");
    let closed = typed("20", "1", "2026").apply(&answered, today, &change()).unwrap();
    assert_eq!(closed.closed, Some(date("2026-01-20")));
}

/// Escalating names the procedure radios and the date's box at fault, every problem at once, and
/// gives the complaint the next reference.
#[test]
fn the_escalation_form_names_its_fields() {
    let concern = make("concern", "2026-01-05", "Carer late again", &[]);
    let procedures = Settings::default().procedures();
    let today = date("2026-03-10");
    let mut typed = EscalateDraft::new(today);
    assert_eq!(typed.received, DateInput::new("10", "3", "2026"));
    typed.received.month = "13".into();
    let problems = typed
        .apply(&concern, "id-c".into(), &[], &procedures, today, &change())
        .unwrap_err();
    let anchors: Vec<String> = problems.iter().map(Problem::anchor).collect();
    assert_eq!(anchors, ["procedure", "received-month"]);
    typed.procedure = "lgsco-2024".into();
    typed.received = DateInput::new("1", "1", "2026");
    let problems = typed
        .apply(&concern, "id-c".into(), &[], &procedures, today, &change())
        .unwrap_err();
    assert_eq!(problems[0].field, "received");
    assert_eq!(
        problems[0].parts.len(),
        3,
        "a real date before the concern: the whole date"
    );
    typed.received = DateInput::new("12", "1", "2026");
    let (concern, complaint) = typed
        .apply(&concern, "id-c".into(), &[], &procedures, today, &change())
        .unwrap();
    assert_eq!(complaint.reference, "C-2026-0001");
    assert_eq!(concern.escalated_to.as_deref(), Some("id-c"));
}

#[test]
fn a_concern_outcome_must_be_chosen() {
    assert_eq!(
        chosen_concern_outcome("").unwrap_err(),
        Problem::new("concern-outcome", "Select the outcome of the concern")
    );
    assert_eq!(
        chosen_concern_outcome("escalated-to-complaint").unwrap_err().field,
        "concern-outcome",
        "escalating is its own page"
    );
    assert_eq!(
        chosen_concern_outcome("no-further-contact"),
        Ok(ConcernOutcome::NoFurtherContact)
    );
}

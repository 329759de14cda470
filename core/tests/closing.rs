//! The record-level moves that are always explicit: closing, reopening, and escalating a concern
//! to a linked complaint.

use redress_core::procedure;
use redress_core::record::{
    ConcernOutcome, EventKind, RecordKind, close, escalate_concern, reopen, set_concern_outcome,
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
        "Record the response before closing the record"
    );
    let answered = event(&record, EventKind::Responded, "2026-01-09", "");
    let closed = close(&answered, date("2026-01-20"), &change()).unwrap();
    assert_eq!(closed.closed, Some(date("2026-01-20")));
    assert!(close(&closed, date("2026-01-21"), &change()).is_err());
    assert_eq!(
        reopen(&closed, "", &change()).unwrap_err(),
        "Enter why the record is being reopened"
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

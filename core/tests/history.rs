//! Who did what and when: every change to a record written in its history (events and casework
//! alike, each checked first), and the stage 2 handler who must not be the stage 1 handler.

use redress_core::record::{Change, DateInput, EventKind, Outcome, handler_warnings};

mod common;
use common::dates::date;
use common::records::{change, event, make};

#[test]
fn every_change_is_in_the_history_with_who_and_when() {
    let record = make("complaint", "2025-12-19", "Bins", &[]);
    let record = event(&record, EventKind::Acknowledged, "2025-12-29", "Ann Handler");
    let record = event(&record, EventKind::Responded, "2026-01-09", "");
    let whats: Vec<&str> = record.history.iter().map(|h| h.what.as_str()).collect();
    assert_eq!(
        whats,
        vec![
            "Record created",
            "Acknowledged: Mon 29 Dec 2025, handled by Ann Handler",
            "Response sent: Fri 9 Jan 2026, partially upheld",
        ]
    );
    assert!(record.history.iter().all(|h| h.who == "Sam Officer"));
    assert_eq!(record.stages[0].outcome, Some(Outcome::PartiallyUpheld));
    assert_eq!(Change::new(" ", change().at).who, "Not recorded");
}

#[test]
fn the_stage_2_handler_must_not_be_the_stage_1_handler() {
    let record = make("complaint", "2025-12-19", "Bins", &[]);
    let record = event(&record, EventKind::Acknowledged, "2025-12-29", "Ann Handler");
    let record = event(&record, EventKind::Responded, "2026-01-09", "");
    let same = event(&record, EventKind::NextStageRequested, "2026-01-12", "ann handler");
    assert_eq!(handler_warnings(&same).len(), 1);
    assert!(handler_warnings(&same)[0].contains("Code 6.14"));
    let other = event(&record, EventKind::NextStageRequested, "2026-01-12", "Bo Reviewer");
    assert!(handler_warnings(&other).is_empty());
}

#[test]
fn casework_is_checked_and_written_in_the_history() {
    use redress_core::record::casework_edit::*;
    let record = make("complaint", "2026-01-05", "A", &[]);
    let today = date("2026-02-01");
    let refund = RemedyDraft {
        kind: "financial".into(),
        what: "Refund of charges".into(),
        amount: String::new(),
        due: DateInput::default(),
    };
    let problems = refund.apply(&record, &change()).unwrap_err();
    assert_eq!(
        problems,
        vec![redress_core::problem::Problem::new(
            "remedy-amount",
            "Enter the amount of the financial remedy"
        )]
    );
    let record = RemedyDraft {
        amount: "£1,250".into(),
        due: DateInput::new("1", "3", "2026"),
        ..refund
    }
    .apply(&record, &change())
    .unwrap();
    assert_eq!(record.remedies[0].amount_pence, Some(125_000));
    let record = deliver_remedy(&record, 0, date("2026-02-20"), &change()).unwrap();
    let call = CorrespondenceDraft {
        kind: "call".into(),
        date: DateInput::new("6", "1", "2026"),
        note: "Agreed the outcome wanted".into(),
    };
    let record = call.apply(&record, today, &change()).unwrap();
    let fax = CorrespondenceDraft {
        kind: "fax".into(),
        date: DateInput::new("6", "1", "2026"),
        note: String::new(),
    };
    assert!(fax.apply(&record, today, &change()).unwrap_err().len() == 2);
    let retrain = ActionDraft {
        what: "Retrain the team".into(),
        who: "Bo".into(),
        by: DateInput::new("1", "4", "2026"),
    };
    let record = retrain.apply(&record, &change()).unwrap();
    let record = complete_action(&record, 0, date("2026-03-30"), &change()).unwrap();
    let again = complete_action(&record, 0, date("2026-03-31"), &change()).unwrap_err();
    assert_eq!(again.field, "actions-list", "the summary links to the list of actions");
    assert_eq!(again.message, "That action is already done");
    let learning = LearningDraft {
        statement: "We now call back within a day.".into(),
        publish: true,
    };
    let record = learning.apply(&record, &change()).unwrap();
    let whats: Vec<&str> = record.history.iter().skip(1).map(|h| h.what.as_str()).collect();
    assert_eq!(
        whats,
        vec![
            "Remedy added: Financial remedy of £1,250.00",
            "Remedy delivered: Financial remedy (Fri 20 Feb 2026)",
            "Phone call logged for Tue 6 Jan 2026",
            "Action added: Retrain the team (Bo, by Wed 1 Apr 2026)",
            "Action done: Retrain the team (Mon 30 Mar 2026)",
            "Learning added (for publication)",
        ]
    );
}

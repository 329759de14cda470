//! Remedies and actions: money in pence, a remedy that cannot be delivered, telling people of
//! actions done, and an action's date marking the box at fault.

use redress_core::record::DateInput;
use redress_core::record::casework::{parse_pounds, pounds};

mod common;
use common::dates::date;
use common::records::{change, make};

#[test]
fn money_is_pence() {
    assert_eq!(parse_pounds("£1,250.5"), Some(125_050));
    assert_eq!(parse_pounds("250"), Some(25_000));
    assert_eq!(parse_pounds("12.345"), None);
    assert_eq!(parse_pounds("ten"), None);
    assert_eq!(pounds(125_050), "£1,250.50");
}

#[test]
fn a_remedy_that_cannot_be_delivered_keeps_its_reason_and_alternative_and_people_are_told_of_actions() {
    use redress_core::record::casework_edit::*;
    let record = make("complaint", "2026-01-05", "A", &[]);
    let record = RemedyDraft {
        kind: redress_core::record::casework::RemedyKind::AmendingARecord.code(),
        what: "Correct the care plan".into(),
        ..RemedyDraft::default()
    }
    .apply(&record, &change())
    .unwrap();
    assert_eq!(
        undeliverable_choices(&record),
        vec![("0".to_string(), "Amending a record: Correct the care plan".to_string())]
    );
    let empty = NotDeliverableDraft {
        remedy: "0".into(),
        ..NotDeliverableDraft::default()
    };
    let problems = empty.apply(&record, &change()).unwrap_err();
    assert_eq!(problems.len(), 2);
    let typed = NotDeliverableDraft {
        remedy: "0".into(),
        reason: "The plan is held by the NHS trust".into(),
        alternative: "We asked the trust to correct it".into(),
    };
    let record = typed.apply(&record, &change()).unwrap();
    assert_eq!(
        record.remedies[0].not_deliverable.as_ref().unwrap().alternative,
        "We asked the trust to correct it"
    );
    assert!(undeliverable_choices(&record).is_empty(), "recorded once");
    let record = action("Retrain", "Bo", ("1", "4", "2026"))
        .apply(&record, &change())
        .unwrap();
    assert!(
        tell_action(&record, 0, date("2026-04-02"), &change()).is_err(),
        "not done yet"
    );
    let record = complete_action(&record, 0, date("2026-03-30"), &change()).unwrap();
    let record = tell_action(&record, 0, date("2026-04-02"), &change()).unwrap();
    assert_eq!(record.actions[0].told, Some(date("2026-04-02")));
}

/// The action form as typed.
fn action(
    what: &str,
    who: &str,
    (day, month, year): (&str, &str, &str),
) -> redress_core::record::casework_edit::ActionDraft {
    redress_core::record::casework_edit::ActionDraft {
        what: what.into(),
        who: who.into(),
        by: DateInput::new(day, month, year),
    }
}

/// A date typed wrong in a casework form marks the box at fault, not all three; a real date
/// that will not do marks them all.
#[test]
fn a_casework_date_names_the_box_at_fault() {
    use redress_core::record::DatePart;
    let record = make("complaint", "2025-12-19", "Bins", &[]);
    let problems = action("Ring back", "Sam", ("1", "13", "2026"))
        .apply(&record, &change())
        .unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "action-by");
    assert_eq!(problems[0].parts, vec![DatePart::Month]);
    assert_eq!(problems[0].anchor(), "action-by-month");
    let problems = action("Ring back", "Sam", ("31", "2", "2026"))
        .apply(&record, &change())
        .unwrap_err();
    assert_eq!(problems[0].parts, vec![DatePart::Day], "{problems:?}");
    let problems = action("", "Sam", ("1", "3", "2026"))
        .apply(&record, &change())
        .unwrap_err();
    assert_eq!(
        (problems[0].field.as_str(), problems[0].parts.len()),
        ("action-what", 0)
    );
    assert_eq!(problems[0].anchor(), "action-what");
}

/// Each casework form's date, with only its month wrong, names that form's date input and only
/// the month box, so the summary links to `#<id>-month`; a date in the future where only the
/// past will do marks the whole date.
#[test]
fn every_casework_form_names_only_the_date_box_at_fault() {
    use redress_core::record::DatePart;
    use redress_core::record::casework_edit::*;
    let record = make("complaint", "2025-12-19", "Bins", &[]);
    let today = date("2026-03-10");
    let month_13 = DateInput::new("1", "13", "2026");
    let correspondence = CorrespondenceDraft {
        kind: "call".into(),
        date: month_13.clone(),
        note: "Rang back".into(),
    };
    let remedy = RemedyDraft {
        kind: "apology".into(),
        what: "A written apology".into(),
        amount: String::new(),
        due: month_13.clone(),
    };
    let feedback = FeedbackDraft {
        date: month_13.clone(),
        satisfied: "Yes".into(),
        comments: String::new(),
    };
    for (problems, field) in [
        (
            correspondence.apply(&record, today, &change()).unwrap_err(),
            "correspondence-date",
        ),
        (remedy.apply(&record, &change()).unwrap_err(), "remedy-due"),
        (feedback.apply(&record, today, &change()).unwrap_err(), "feedback-date"),
        (
            action("Ring back", "Sam", ("1", "13", "2026"))
                .apply(&record, &change())
                .unwrap_err(),
            "action-by",
        ),
    ] {
        assert_eq!(problems.len(), 1, "{field}: {problems:?}");
        assert_eq!(problems[0].field, field);
        assert_eq!(problems[0].parts, vec![DatePart::Month], "{field}");
        assert_eq!(problems[0].anchor(), format!("{field}-month"));
    }
    let tomorrow = DateInput::new("11", "3", "2026");
    let later = CorrespondenceDraft {
        date: tomorrow.clone(),
        ..correspondence.clone()
    };
    let problems = later.apply(&record, today, &change()).unwrap_err();
    assert_eq!(problems[0].parts, vec![DatePart::Day, DatePart::Month, DatePart::Year]);
    // A remedy's and an action's dates are planned ahead: tomorrow will do.
    let planned = RemedyDraft {
        due: tomorrow,
        ..remedy
    };
    assert!(planned.apply(&record, &change()).is_ok());
}

/// Every required field is named by its input's id, in the form's order, and every problem is
/// found in one go (GOV.UK: the summary lists them all).
#[test]
fn every_casework_form_names_its_required_fields_by_input_id() {
    use redress_core::record::casework_edit::*;
    let record = make("complaint", "2025-12-19", "Bins", &[]);
    let today = date("2026-03-10");
    let fields = |problems: Problems| problems.into_iter().map(|p| p.field).collect::<Vec<_>>();
    assert_eq!(
        fields(
            CorrespondenceDraft::default()
                .apply(&record, today, &change())
                .unwrap_err()
        ),
        ["correspondence-date", "correspondence-kind", "correspondence-note"]
    );
    assert_eq!(
        fields(RemedyDraft::default().apply(&record, &change()).unwrap_err()),
        ["remedy-kind", "remedy-what"]
    );
    let financial = RemedyDraft {
        kind: "financial".into(),
        what: "Refund".into(),
        amount: "ten pounds".into(),
        due: DateInput::default(),
    };
    assert_eq!(
        fields(financial.apply(&record, &change()).unwrap_err()),
        ["remedy-amount"]
    );
    assert_eq!(
        fields(ActionDraft::default().apply(&record, &change()).unwrap_err()),
        ["action-what", "action-who", "action-by"]
    );
    assert_eq!(
        fields(NotDeliverableDraft::default().apply(&record, &change()).unwrap_err()),
        [
            "not-deliverable-which",
            "not-deliverable-reason",
            "not-deliverable-alternative"
        ]
    );
    assert_eq!(
        fields(LearningDraft::default().apply(&record, &change()).unwrap_err()),
        ["learning-statement"]
    );
    assert_eq!(
        fields(FeedbackDraft::default().apply(&record, today, &change()).unwrap_err()),
        ["feedback-date", "feedback-satisfied"]
    );
}

/// A check never changes what was typed: the same draft sent twice gives the same answer.
#[test]
fn a_casework_draft_is_unchanged_by_its_check() {
    use redress_core::record::casework_edit::*;
    let record = make("complaint", "2025-12-19", "Bins", &[]);
    let typed = RemedyDraft {
        kind: "financial".into(),
        what: "  Refund of the parking charge  ".into(),
        amount: String::new(),
        due: DateInput::new("1", "13", "2026"),
    };
    let before = typed.clone();
    let first = typed.apply(&record, &change()).unwrap_err();
    assert_eq!(typed, before);
    assert_eq!(typed.apply(&record, &change()).unwrap_err(), first);
}

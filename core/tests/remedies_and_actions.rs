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
    let record = add_remedy(
        &record,
        &redress_core::record::casework::RemedyKind::AmendingARecord.code(),
        "Correct the care plan",
        "",
        &DateInput::default(),
        &change(),
    )
    .unwrap();
    let problems = remedy_not_deliverable(&record, 0, "", "", &change()).unwrap_err();
    assert_eq!(problems.len(), 2);
    let record = remedy_not_deliverable(
        &record,
        0,
        "The plan is held by the NHS trust",
        "We asked the trust to correct it",
        &change(),
    )
    .unwrap();
    assert_eq!(
        record.remedies[0].not_deliverable.as_ref().unwrap().alternative,
        "We asked the trust to correct it"
    );
    let record = add_action(&record, "Retrain", "Bo", &DateInput::new("1", "4", "2026"), &change()).unwrap();
    assert!(
        tell_action(&record, 0, date("2026-04-02"), &change()).is_err(),
        "not done yet"
    );
    let record = complete_action(&record, 0, date("2026-03-30"), &change()).unwrap();
    let record = tell_action(&record, 0, date("2026-04-02"), &change()).unwrap();
    assert_eq!(record.actions[0].told, Some(date("2026-04-02")));
}

/// A date typed wrong in a casework form marks the box at fault, not all three; a real date
/// that will not do marks them all.
#[test]
fn a_casework_date_names_the_box_at_fault() {
    use redress_core::record::DatePart;
    use redress_core::record::casework_edit::add_action;
    let record = make("complaint", "2025-12-19", "Bins", &[]);
    let problems = add_action(
        &record,
        "Ring back",
        "Sam",
        &DateInput::new("1", "13", "2026"),
        &change(),
    )
    .unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "action-by");
    assert_eq!(problems[0].parts, vec![DatePart::Month]);
    assert_eq!(problems[0].anchor(), "action-by-month");
    let problems = add_action(
        &record,
        "Ring back",
        "Sam",
        &DateInput::new("31", "2", "2026"),
        &change(),
    )
    .unwrap_err();
    assert_eq!(problems[0].parts, vec![DatePart::Day], "{problems:?}");
    let problems = add_action(&record, "", "Sam", &DateInput::new("1", "3", "2026"), &change()).unwrap_err();
    assert_eq!(
        (problems[0].field.as_str(), problems[0].parts.len()),
        ("action-what", 0)
    );
    assert_eq!(problems[0].anchor(), "action-what");
}

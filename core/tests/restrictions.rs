//! Restrictions on contact (Code 5.10–5.11): what, why, who decided and when, a review date
//! after the decision; shown with its review date; lifted once; old records read without one.

use redress_core::record::DateInput;
use redress_core::record::casework_edit::{RESTRICTIONS_LIST, RestrictionDraft, lift_restriction};
use redress_core::record::summary::{Standing, intake_rows, restriction_line};

mod common;
use common::dates::date;
use common::records::{change, make};

fn typed() -> RestrictionDraft {
    RestrictionDraft {
        what: "Contact by email only, to one named officer".into(),
        why: "Abusive phone calls to staff".into(),
        decided_by: "Head of Service".into(),
        decided: DateInput::new("2", "2", "2026"),
        review: DateInput::new("2", "8", "2026"),
    }
}

#[test]
fn a_restriction_is_added_with_its_review_date_and_named_in_the_history() {
    let record = make("complaint", "2026-01-05", "A", &[]);
    let added = typed().apply(&record, date("2026-02-03"), &change()).unwrap();
    let restriction = &added.restrictions[0];
    assert_eq!(
        (restriction.decided, restriction.review, restriction.lifted),
        (date("2026-02-02"), date("2026-08-02"), None)
    );
    assert_eq!(
        added.history.last().unwrap().what,
        "Restriction on contact added: Contact by email only, to one named officer (decided by Head of Service on Mon 2 Feb 2026, review by Sun 2 Aug 2026)"
    );
    let summary: Vec<(String, String)> = intake_rows(&added)
        .into_iter()
        .map(|row| (row.key.to_string(), row.value))
        .collect();
    assert!(
        summary.contains(&(
            "Restriction on contact".into(),
            "Contact by email only, to one named officer (review by Sun 2 Aug 2026)".into()
        )),
        "{summary:?}"
    );
    let line = restriction_line(restriction);
    assert_eq!(
        line.value,
        "Abusive phone calls to staff. Decided by Head of Service on Mon 2 Feb 2026. Review by Sun 2 Aug 2026."
    );
    assert_eq!(line.standing, Standing::Open);
}

#[test]
fn every_part_of_a_restriction_is_asked_for_and_the_review_comes_after_the_decision() {
    let record = make("complaint", "2026-01-05", "A", &[]);
    let today = date("2026-02-03");
    let fields = |draft: RestrictionDraft| -> Vec<(String, String)> {
        draft
            .apply(&record, today, &change())
            .unwrap_err()
            .into_iter()
            .map(|p| (p.field, p.message))
            .collect()
    };
    let cases: Vec<(RestrictionDraft, Vec<(&str, &str)>)> = vec![
        (
            RestrictionDraft::default(),
            vec![
                ("restriction-what", "Enter what contact is restricted"),
                ("restriction-why", "Enter why contact is restricted"),
                ("restriction-decided-by", "Enter who decided it"),
                ("restriction-decided", "Enter the date it was decided"),
                ("restriction-review", "Enter the date it will be reviewed"),
            ],
        ),
        (
            RestrictionDraft {
                review: DateInput::new("2", "2", "2026"),
                ..typed()
            },
            vec![(
                "restriction-review",
                "The review date must be after the date it was decided",
            )],
        ),
        (
            RestrictionDraft {
                decided: DateInput::new("4", "2", "2026"),
                ..typed()
            },
            vec![(
                "restriction-decided",
                "Date it was decided must be today or in the past",
            )],
        ),
    ];
    for (draft, expected) in cases {
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(f, m)| (f.to_string(), m.to_string()))
            .collect();
        assert_eq!(fields(draft), expected);
    }
    let too_far = RestrictionDraft {
        review: DateInput::new("1", "1", "2101"),
        ..typed()
    };
    assert_eq!(
        fields(too_far)[0].0,
        "restriction-review",
        "planned ahead, but not past 2100"
    );
}

#[test]
fn a_restriction_is_lifted_once() {
    let record = make("complaint", "2026-01-05", "A", &[]);
    let added = typed().apply(&record, date("2026-02-03"), &change()).unwrap();
    let lifted = lift_restriction(&added, 0, date("2026-05-01"), &change()).unwrap();
    assert_eq!(lifted.restrictions[0].lifted, Some(date("2026-05-01")));
    assert_eq!(
        restriction_line(&lifted.restrictions[0]).standing,
        Standing::Done("Lifted Fri 1 May 2026".into())
    );
    for (record, index) in [(&lifted, 0), (&added, 3)] {
        let problem = lift_restriction(record, index, date("2026-05-02"), &change()).unwrap_err();
        assert_eq!(problem.field, RESTRICTIONS_LIST);
    }
}

#[test]
fn a_record_written_before_restrictions_reads_with_none_and_writes_none() {
    let record = make("complaint", "2026-01-05", "A", &[]);
    let json = serde_json::to_value(&record).unwrap();
    assert!(json.get("restrictions").is_none(), "an empty list is left out");
    let read: redress_core::record::Record = serde_json::from_value(json).unwrap();
    assert!(read.restrictions.is_empty());
}

//! Taking a record in: the reference it is given (counted per kind and year), the risk
//! assessment, and the intake page's checks and its decision to accept or not.

use redress_core::record::DateInput;
use redress_core::record::intake::{RiskAssessment, RiskLevel};
use redress_core::settings::Settings;

mod common;
use common::dates::date;
use common::records::{change, make};

#[test]
fn references_count_up_per_kind_and_year() {
    let mut records = Vec::new();
    for (kind, received) in [
        ("complaint", "2026-01-05"),
        ("complaint", "2026-02-05"),
        ("concern", "2026-02-05"),
        ("complaint", "2025-12-01"),
    ] {
        let record = make(kind, received, "x", &records);
        records.push(record);
    }
    let references: Vec<&str> = records.iter().map(|r| r.reference.as_str()).collect();
    assert_eq!(
        references,
        vec!["C-2026-0001", "C-2026-0002", "N-2026-0001", "C-2025-0001"]
    );
}

#[test]
fn risk_is_seriousness_times_likelihood() {
    let level = |s, l| RiskAssessment::new(s, l).unwrap().level();
    assert_eq!(
        (
            level(1, 3),
            level(2, 2),
            level(2, 3),
            level(2, 4),
            level(3, 4),
            level(3, 5),
            level(5, 5)
        ),
        (
            RiskLevel::Low,
            RiskLevel::Moderate,
            RiskLevel::Moderate,
            RiskLevel::High,
            RiskLevel::High,
            RiskLevel::Extreme,
            RiskLevel::Extreme
        )
    );
    assert_eq!(RiskAssessment::new(0, 3), None);
}

#[test]
fn intake_asks_for_a_decision_when_the_time_limit_has_passed() {
    use redress_core::record::intake::Acceptance;
    use redress_core::record::intake_draft::{IntakeDraft, intake_tasks};
    let mut late = make("complaint", "2026-01-05", "Old matter", &[]);
    late.aware_date = Some(date("2024-06-01"));
    let rules = Settings::default().rules(date("2026-01-06"));
    let tasks = intake_tasks(&late, &rules);
    assert_eq!(tasks.iter().filter(|t| t.done).count(), 0);

    let mut draft = IntakeDraft {
        seriousness: "4".into(),
        likelihood: "".into(),
        ..IntakeDraft::from_record(&late)
    };
    let problems = draft.apply(&late, &rules, &change()).unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, vec!["likelihood", "decision"]);

    draft.likelihood = "3".into();
    draft.decision = "not-accepted".into();
    draft.not_accepted_reason = "no-such-reason".into();
    let problems = draft.apply(&late, &rules, &change()).unwrap_err();
    assert_eq!(problems[0].field, "not-accepted-reason", "{problems:?}");
    draft.not_accepted_reason = redress_core::record::intake::NotAcceptedReason::OlderThan12Months.code();
    draft.told_of_ombudsman = true;
    draft.complainant_type = "relative".into();
    let decided = draft.apply(&late, &rules, &change()).unwrap();
    assert!(matches!(
        decided.intake.acceptance,
        Acceptance::NotAccepted {
            told_of_ombudsman: true,
            ..
        }
    ));
    assert_eq!(
        decided.closed,
        Some(date("2026-01-06")),
        "a complaint not accepted is closed"
    );
    assert_eq!(decided.intake.risk.unwrap().level(), RiskLevel::High);
    let done: Vec<&str> = intake_tasks(&decided, &rules)
        .iter()
        .filter(|t| t.done)
        .map(|t| t.name)
        .collect();
    // A relative acting for the person, with no name and no consent: not done (Code 1.5).
    assert_eq!(done, vec!["Safeguarding and risk", "Decision to accept"]);
    draft.raised_by.name = "Susan Jones".into();
    draft.authority = "consent".into();
    let problems = draft.apply(&decided, &rules, &change()).unwrap_err();
    assert_eq!(problems[0].field, "authority-date", "consent needs its date");
    draft.authority_date = DateInput::new("2", "1", "2026");
    let authorised = draft.apply(&decided, &rules, &change()).unwrap();
    assert_eq!(
        authorised.intake.authority,
        Some(redress_core::record::Authority::Consent {
            given: date("2026-01-02")
        })
    );
    assert_eq!(
        authorised.raised_by.as_ref().map(|r| r.name.as_str()),
        Some("Susan Jones")
    );
    let done: Vec<&str> = intake_tasks(&authorised, &rules)
        .iter()
        .filter(|t| t.done)
        .map(|t| t.name)
        .collect();
    assert_eq!(
        done,
        vec!["Who raised it", "Safeguarding and risk", "Decision to accept"]
    );
}

#[test]
fn a_date_of_consent_is_never_dropped() {
    use redress_core::record::intake_draft::IntakeDraft;
    let record = make("complaint", "2026-01-05", "Raised by a daughter", &[]);
    let rules = Settings::default().rules(date("2026-01-06"));
    let typed = IntakeDraft {
        complainant_type: "relative".into(),
        authority_date: DateInput::new("2", "1", "2026"),
        ..IntakeDraft::from_record(&record)
    };
    // With no reason chosen, a date typed is a date of consent.
    let saved = typed.apply(&record, &rules, &change()).unwrap();
    assert_eq!(
        saved.intake.authority,
        Some(redress_core::record::Authority::Consent {
            given: date("2026-01-02")
        })
    );
    // With another reason, the date would be lost: it is named instead.
    let other = IntakeDraft {
        authority: "died".into(),
        ..typed.clone()
    };
    let problems = other.apply(&record, &rules, &change()).unwrap_err();
    assert_eq!(problems[0].field, "authority-date");
    assert_eq!(
        IntakeDraft {
            authority_date: DateInput::default(),
            ..other
        }
        .apply(&record, &rules, &change())
        .unwrap()
        .intake
        .authority,
        Some(redress_core::record::Authority::Died)
    );
}

#[test]
fn a_changed_name_or_address_is_written_with_the_old_and_the_new() {
    use redress_core::record::intake_draft::IntakeDraft;
    let record = make("complaint", "2026-01-05", "Raised by a daughter", &[]);
    let rules = Settings::default().rules(date("2026-01-06"));
    let mut typed = IntakeDraft::from_record(&record);
    typed.raised_by.name = "Susan Jones".into();
    typed.raised_by.address = "12 High Street\nExampletown".into();
    typed.complainant_type = "relative".into();
    let first = typed.apply(&record, &rules, &change()).unwrap();
    typed.raised_by.address = "14 High Street\nExampletown".into();
    typed.person.name = "Margaret Jones".into();
    let second = typed.apply(&first, &rules, &change()).unwrap();
    let changes: Vec<(&str, &str, &str)> = second.history[first.history.len()..]
        .iter()
        .filter_map(|e| {
            e.corrected
                .as_ref()
                .map(|c| (e.fact.as_deref().unwrap(), c.from.as_str(), c.to.as_str()))
        })
        .collect();
    assert_eq!(
        changes,
        vec![
            ("person-name", "Jo Bloggs", "Margaret Jones"),
            (
                "raised-by-address",
                "12 High Street, Exampletown",
                "14 High Street, Exampletown"
            ),
        ]
    );
    assert!(second.history.iter().all(|e| e.who == "Sam Officer"));
}

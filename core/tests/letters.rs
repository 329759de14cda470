//! Letters drafted from a record: which are offered, and what the acknowledgement and the stage
//! response say.

use redress_core::record::EventKind;
use redress_core::settings::Settings;

mod common;
use common::dates::date;
use common::records::{event, make};

#[test]
fn letters_are_drafted_from_the_record() {
    use redress_core::record::letters::{LetterInputs, LetterKind, available_letters, draft_letter};
    let settings = Settings {
        user_name: "Sam Officer".into(),
        organisation_name: "Northshire Council".into(),
        ..Settings::default()
    };
    let rules = settings.rules(date("2026-01-20"));
    let mut record = make("complaint", "2025-12-19", "Bins not collected for a month.", &[]);
    record.intake.desired_outcome = "Collections restored and an apology.".into();
    let record = event(&record, EventKind::Acknowledged, "2025-12-29", "Ann Handler");
    assert_eq!(
        available_letters(&record),
        vec![
            LetterKind::Acknowledgement,
            LetterKind::Extension,
            LetterKind::StageResponse
        ]
    );
    let inputs = LetterInputs::for_record(&record, date("2025-12-29"));
    let letter = draft_letter(LetterKind::Acknowledgement, &record, &settings, &rules, &inputs);
    for expected in [
        "Dear Jo Bloggs",
        "received on Friday 19 December 2025",
        "Our reference is C-2025-0001",
        "Bins not collected for a month.",
        "Collections restored and an apology.",
        "Ann Handler will handle your complaint",
        "by Tuesday 13 January 2026",
        "Sam Officer\nNorthshire Council",
    ] {
        assert!(letter.contains(expected), "{expected:?} missing from:\n{letter}");
    }
    let record = event(&record, EventKind::Responded, "2026-01-12", "");
    let inputs = LetterInputs::for_record(&record, date("2026-01-12"));
    let response = draft_letter(LetterKind::StageResponse, &record, &settings, &rules, &inputs);
    assert!(response.contains("Your complaint is partially upheld."));
    assert!(
        response.contains("You can ask us to consider your complaint at stage 2. You do not need to give reasons.")
    );
    assert!(response.contains("Local Government and Social Care Ombudsman"));
}

mod sent {
    //! Marking a letter sent records the event it announces, once, on the day it went.

    use super::common::dates::{date, today};
    use super::common::records::change;
    use redress_core::deadline::{DeadlineKind, record_deadlines};
    use redress_core::format::long_date;
    use redress_core::procedure::BUILT_IN_IDS;
    use redress_core::record::casework::RemedyKind;
    use redress_core::record::letter_sent::{LetterSentDraft, letter_code};
    use redress_core::record::letters::{LetterKind, available_letters, draft_letter, placeholders};
    use redress_core::record::{DateInput, Outcome, Record, RecordDraft};
    use redress_core::settings::Settings;

    fn settings() -> Settings {
        Settings {
            user_name: "Sam Officer".into(),
            organisation_name: "Northshire Council".into(),
            ..Settings::default()
        }
    }

    fn under(procedure: &str) -> Record {
        RecordDraft {
            kind: "complaint".into(),
            received: DateInput::from_date(date("2026-01-05")),
            service: "Adult social care".into(),
            person_name: "Jo Bloggs".into(),
            summary: "No reply about my father's care.".into(),
            procedure: procedure.into(),
            ..RecordDraft::default()
        }
        .to_record("id-0".into(), &change(), today(), &settings().procedures(), &[])
        .unwrap()
    }

    /// The draft as the letter page holds it for `kind` sent on `sent`, its text drafted for that day.
    fn draft(kind: LetterKind, record: &Record, sent: &str) -> LetterSentDraft {
        let mut draft = LetterSentDraft::for_record(record, date(sent));
        draft.handler = "Ann Handler".into();
        let settings = settings();
        let rules = settings.rules(today());
        draft.text = draft_letter(kind, record, &settings, &rules, &draft.inputs(today()));
        draft.placeholders_kept = true;
        draft
    }

    fn response_due(record: &Record) -> Option<chrono::NaiveDate> {
        record_deadlines(record, &settings().rules(today()))
            .into_iter()
            .find(|d| d.kind == DeadlineKind::Response && d.stage == Some(0))
            .map(|d| d.due)
    }

    #[test]
    fn an_acknowledgement_promises_the_response_date_that_holds_once_it_is_sent_in_every_procedure() {
        for id in BUILT_IN_IDS {
            if !available_letters(&under(id)).contains(&LetterKind::Acknowledgement) {
                // The Scottish, Northern Irish and PSOW models ask for no acknowledgement at
                // stage 1 (their own tests are in nations.rs).
                assert!(
                    ["spso-mchp-2020", "nipso-lg-mchp-2024", "psow-model-policy"].contains(&id),
                    "{id}"
                );
                continue;
            }
            for sent in ["2026-01-05", "2026-01-07", "2026-01-09"] {
                let record = under(id);
                let draft = draft(LetterKind::Acknowledgement, &record, sent);
                let after = draft
                    .apply(LetterKind::Acknowledgement, &record, today(), &[], &change())
                    .unwrap();
                assert_eq!(after.stages[0].acknowledged, Some(date(sent)), "{id}");
                let due = response_due(&after).unwrap_or_else(|| panic!("{id}: no response date"));
                {
                    assert!(
                        draft.text.contains(&long_date(due)),
                        "{id}, sent {sent}: {} missing from\n{}",
                        long_date(due),
                        draft.text
                    );
                }
            }
        }
        // The Code: a response within 10 working days of the acknowledgement. Sent on Wednesday
        // 7 January, the letter promises Wednesday 21 January, not the date projected from the
        // acknowledgement's own limit (five working days after receipt, then ten more).
        let record = under("lgsco-2024");
        let projected = response_due(&record).unwrap();
        let letter = draft(LetterKind::Acknowledgement, &record, "2026-01-07").text;
        assert!(letter.contains("by Wednesday 21 January 2026"), "{letter}");
        assert_ne!(projected, date("2026-01-21"));
        assert!(!letter.contains(&long_date(projected)));
    }

    #[test]
    fn marking_an_acknowledgement_sent_records_the_acknowledgement_and_logs_the_letter() {
        let record = under("lgsco-2024");
        let after = draft(LetterKind::Acknowledgement, &record, "2026-01-07")
            .apply(LetterKind::Acknowledgement, &record, today(), &[], &change())
            .unwrap();
        let stage = &after.stages[0];
        assert_eq!(stage.acknowledged, Some(date("2026-01-07")));
        assert_eq!(stage.handler.as_deref(), Some("Ann Handler"));
        let logged = after.correspondence.last().unwrap();
        assert_eq!(logged.date, date("2026-01-07"));
        assert_eq!(
            logged.letter.as_deref(),
            Some(letter_code(LetterKind::Acknowledgement, 1).as_str())
        );
        assert!(logged.note.contains("Dear Jo Bloggs"));
        let said: Vec<&str> = after.history.iter().map(|h| h.what.as_str()).collect();
        assert!(said.iter().any(|w| w.starts_with("Acknowledged")), "{said:?}");
        assert!(
            said.contains(&"Acknowledgement letter sent on Wed 7 Jan 2026"),
            "{said:?}"
        );
    }

    #[test]
    fn a_response_asks_for_the_outcome_and_records_it() {
        let record = under("lgsco-2024");
        let mut sent = draft(LetterKind::StageResponse, &record, "2026-01-15");
        sent.outcome.clear();
        let problems = sent
            .apply(LetterKind::StageResponse, &record, today(), &[], &change())
            .unwrap_err();
        assert_eq!(problems[0].field, "event-outcome");
        sent.outcome = Outcome::Upheld.code();
        let after = sent
            .apply(LetterKind::StageResponse, &record, today(), &[], &change())
            .unwrap();
        assert_eq!(after.stages[0].responded, Some(date("2026-01-15")));
        assert_eq!(after.stages[0].outcome, Some(Outcome::Upheld));
    }

    #[test]
    fn an_extension_notice_records_the_extension_with_its_reason_and_the_day_the_person_was_told() {
        let record = under("lgsco-2024");
        let mut sent = draft(LetterKind::Extension, &record, "2026-01-15");
        sent.extended_to = DateInput::from_date(date("2026-02-06"));
        let problems = sent
            .apply(LetterKind::Extension, &record, today(), &[], &change())
            .unwrap_err();
        assert!(problems.iter().any(|p| p.field == "event-reason"), "{problems:?}");
        sent.reason = "We are waiting for the care provider's records".into();
        let settings = settings();
        let rules = settings.rules(today());
        sent.text = draft_letter(LetterKind::Extension, &record, &settings, &rules, &sent.inputs(today()));
        assert!(sent.text.contains("by Friday 6 February 2026"), "{}", sent.text);
        assert!(sent.text.contains("waiting for the care provider's records"));
        let after = sent
            .apply(LetterKind::Extension, &record, today(), &[], &change())
            .unwrap();
        let extension = after.stages[0].extension().unwrap();
        assert_eq!(extension.to, date("2026-02-06"));
        assert_eq!(extension.told, Some(date("2026-01-15")));
        assert_eq!(extension.reason, "We are waiting for the care provider's records");
    }

    #[test]
    fn a_letter_with_a_placeholder_left_is_marked_sent_only_when_the_person_says_so() {
        let record = under("lgsco-2024");
        let mut sent = draft(LetterKind::Acknowledgement, &record, "2026-01-07");
        sent.text = "Dear Jo\n\nThank you.\n\n[Your name]\n[Your name]\n[Address]".into();
        assert_eq!(placeholders(&sent.text), vec!["[Your name]", "[Address]"]);
        sent.placeholders_kept = false;
        let problems = sent
            .apply(LetterKind::Acknowledgement, &record, today(), &[], &change())
            .unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "letter");
        assert!(
            problems[0].message.contains("[Your name], [Address]"),
            "{}",
            problems[0].message
        );
        sent.placeholders_kept = true;
        assert!(
            sent.apply(LetterKind::Acknowledgement, &record, today(), &[], &change())
                .is_ok()
        );
    }

    #[test]
    fn marking_the_same_letter_sent_twice_asks_first_and_records_the_event_once() {
        let record = under("lgsco-2024");
        let once = draft(LetterKind::Acknowledgement, &record, "2026-01-07")
            .apply(LetterKind::Acknowledgement, &record, today(), &[], &change())
            .unwrap();
        let mut again = draft(LetterKind::Acknowledgement, &once, "2026-01-08");
        let problems = again
            .apply(LetterKind::Acknowledgement, &once, today(), &[], &change())
            .unwrap_err();
        assert_eq!(problems[0].field, "again");
        assert!(
            problems[0].message.contains("Wed 7 Jan 2026"),
            "{}",
            problems[0].message
        );
        again.again = true;
        let twice = again
            .apply(LetterKind::Acknowledgement, &once, today(), &[], &change())
            .unwrap();
        assert_eq!(
            twice.stages[0].acknowledged,
            Some(date("2026-01-07")),
            "the first stands"
        );
        assert_eq!(twice.correspondence.len(), 2);
    }

    #[test]
    fn the_2009_acknowledgement_offers_a_discussion_and_an_advocate() {
        let record = under("social-services-nhs-2009");
        let letter = draft(LetterKind::Acknowledgement, &record, "2026-01-07").text;
        assert!(
            letter.contains("We would like to talk with you about how we will handle it"),
            "{letter}"
        );
        assert!(letter.contains("You can have an advocate"), "{letter}");
    }

    #[test]
    fn a_single_stage_response_says_no_stage_and_a_payment_is_named_with_its_amount() {
        let mut record = under("social-services-nhs-2009");
        record.remedies.push(redress_core::record::casework::Remedy {
            kind: RemedyKind::Financial,
            what: "For the missed visits".into(),
            amount_pence: Some(25_000),
            due: None,
            delivered: None,
            not_deliverable: None,
        });
        let letter = draft(LetterKind::StageResponse, &record, "2026-01-20").text;
        assert!(!letter.contains("stage 1"), "{letter}");
        assert!(letter.contains("This is our response to your complaint"), "{letter}");
        assert!(letter.contains("£250.00"), "{letter}");
    }
}

#[test]
fn the_record_heading_names_the_reference_the_kind_and_the_person() {
    use redress_core::record::Person;
    let mut record = make("complaint", "2025-12-19", "Bins.", &[]);
    assert_eq!(record.heading(), "C-2025-0001: Complaint about Jo Bloggs");
    record.person.name.clear();
    record.raised_by = Some(Person {
        name: "Ann Bloggs".into(),
        ..Person::default()
    });
    assert_eq!(record.heading(), "C-2025-0001: Complaint from Ann Bloggs");
    record.raised_by = None;
    assert_eq!(record.heading(), "C-2025-0001: Complaint");
}

//! Case handling: references, history, the stage-2 handler warning, outcomes, closing and
//! reopening, escalating a concern, remedies in pounds, My work and finding records.

use chrono::NaiveDate;
use redress_core::deadline::Status;
use redress_core::procedure;
use redress_core::record::casework::{Action, parse_pounds, pounds};
use redress_core::record::intake::{RiskAssessment, RiskLevel};
use redress_core::record::search::{RecordFilter, RecordRow, SortBy, State, find_rows};
use redress_core::record::{
    Change, ConcernOutcome, DateInput, EventDraft, EventKind, Outcome, Record, RecordDraft, RecordKind, close,
    escalate_concern, handler_warnings, record_event, reopen, set_concern_outcome,
};
use redress_core::settings::Settings;
use redress_core::worklist::my_work;

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn change() -> Change {
    Change::new("Sam Officer", "2026-02-01T09:00:00Z".parse().unwrap())
}

fn make(kind: &str, received: &str, summary: &str, existing: &[Record]) -> Record {
    let received = date(received);
    RecordDraft {
        kind: kind.into(),
        received: DateInput::from_date(received),
        service: "Corporate".into(),
        person_name: "Jo Bloggs".into(),
        summary: summary.into(),
        procedure: if kind == "complaint" {
            "lgsco-2024".into()
        } else {
            String::new()
        },
        ..RecordDraft::default()
    }
    .to_record(
        format!("id-{}", existing.len()),
        &change(),
        date("2026-11-22"),
        &Settings::default().procedures(),
        existing,
    )
    .unwrap()
}

fn event(record: &Record, kind: EventKind, day: &str, handler: &str) -> Record {
    let draft = EventDraft {
        kind: kind.code().into(),
        date: DateInput::from_date(date(day)),
        handler: handler.into(),
        outcome: Outcome::PartiallyUpheld.code(),
        ..EventDraft::default()
    };
    record_event(record, &draft, date("2026-11-22"), &change(), &[]).unwrap()
}

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
fn money_is_pence() {
    assert_eq!(parse_pounds("£1,250.5"), Some(125_050));
    assert_eq!(parse_pounds("250"), Some(25_000));
    assert_eq!(parse_pounds("12.345"), None);
    assert_eq!(parse_pounds("ten"), None);
    assert_eq!(pounds(125_050), "£1,250.50");
}

#[test]
fn my_work_groups_open_deadlines_by_when_and_by_handler() {
    let first = make("complaint", "2026-01-05", "A", &[]);
    let first = event(&first, EventKind::Acknowledged, "2026-01-06", "Ann Handler");
    let mut second = make("complaint", "2026-01-12", "B", std::slice::from_ref(&first));
    second.actions.push(Action {
        what: "Apologise".into(),
        who: "Bo".into(),
        by: date("2026-01-13"),
        done: None,
        told: None,
    });
    let closed = close(
        &event(
            &make("complaint", "2026-01-02", "C", &[]),
            EventKind::Responded,
            "2026-01-05",
            "",
        ),
        date("2026-01-06"),
        &change(),
    )
    .unwrap();
    let rules = Settings::default().rules(date("2026-01-19"));
    let work = my_work(&[first, second, closed], &rules);
    let labels = |items: &[redress_core::worklist::WorkItem]| {
        items
            .iter()
            .map(|i| format!("{} {}", i.reference, i.label))
            .collect::<Vec<_>>()
    };
    // A: acknowledged 6 Jan, response due 20 Jan. B: acknowledgement due 19 Jan, response projected 2 Feb.
    assert_eq!(labels(&work.overdue), Vec::<String>::new());
    assert_eq!(labels(&work.due_today), vec!["C-2026-0002 Stage 1 acknowledgement"]);
    assert_eq!(labels(&work.due_this_week), vec!["C-2026-0001 Stage 1 response"]);
    assert_eq!(work.actions_overdue.len(), 1);
    let loads: Vec<(String, usize, usize)> = work
        .by_handler
        .iter()
        .map(|h| (h.handler.clone(), h.due_today, h.due_this_week))
        .collect();
    assert_eq!(
        loads,
        vec![("Ann Handler".into(), 0, 1), ("Not yet assigned".into(), 1, 0)]
    );
    assert_eq!(work.due_today[0].status, Status::DueToday);
}

#[test]
fn records_are_found_by_words_filters_and_sorted() {
    let mut records = Vec::new();
    for (kind, received, summary) in [
        ("complaint", "2026-01-05", "Blue badge delay"),
        ("concern", "2026-01-07", "Carer late"),
        ("complaint", "2025-11-03", "Respite care refused"),
    ] {
        let record = make(kind, received, summary, &records);
        records.push(record);
    }
    let rules = Settings::default().rules(date("2026-01-08"));
    let rows: Vec<RecordRow> = records.iter().map(|r| RecordRow::new(r, &rules)).collect();
    let refs = |filter: &RecordFilter, sort| {
        find_rows(&rows, filter, sort)
            .iter()
            .map(|r| r.reference.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        refs(&RecordFilter::default(), SortBy::Newest),
        vec!["N-2026-0001", "C-2026-0001", "C-2025-0001"]
    );
    assert_eq!(
        refs(
            &RecordFilter {
                text: "CARE".into(),
                ..Default::default()
            },
            SortBy::Oldest
        ),
        vec!["C-2025-0001", "N-2026-0001"]
    );
    assert_eq!(
        refs(
            &RecordFilter {
                text: "c-2026 badge".into(),
                ..Default::default()
            },
            SortBy::Newest
        ),
        vec!["C-2026-0001"]
    );
    assert_eq!(
        refs(
            &RecordFilter {
                kind: Some(RecordKind::Complaint),
                ..Default::default()
            },
            SortBy::Reference
        ),
        vec!["C-2025-0001", "C-2026-0001"]
    );
    assert_eq!(
        refs(
            &RecordFilter {
                state: Some(State::Overdue),
                ..Default::default()
            },
            SortBy::NextDue
        ),
        vec!["C-2025-0001"]
    );
    assert_eq!(refs(&RecordFilter::default(), SortBy::NextDue)[0], "C-2025-0001");
}

#[test]
fn sample_data_covers_every_kind_and_procedure_and_is_marked() {
    let settings = Settings::default();
    let records = redress_core::sample::sample_records(date("2026-11-20"), &settings, &change());
    assert_eq!(records.len(), 20);
    assert!(
        records
            .iter()
            .all(|r| r.sample && r.summary.ends_with("(Sample record)"))
    );
    for kind in [
        RecordKind::Complaint,
        RecordKind::Concern,
        RecordKind::ServiceRequest,
        RecordKind::Compliment,
    ] {
        assert!(records.iter().any(|r| r.kind == kind), "{kind:?}");
    }
    for id in [
        "lgsco-2024",
        "housing-ombudsman-2024",
        "children-act-1989-2006",
        "social-services-nhs-2009",
    ] {
        assert!(
            records
                .iter()
                .any(|r| r.procedure.as_ref().is_some_and(|p| p.id() == id)),
            "{id}"
        );
    }
    assert!(records.iter().any(|r| r.closed.is_some()));
    assert!(records.iter().any(|r| {
        r.stages
            .first()
            .is_some_and(|s| s.acknowledged.is_some() && s.responded.is_none())
    }));
    let work = my_work(&records, &settings.rules(date("2026-11-20")));
    assert!(!work.due_this_week.is_empty() || !work.due_today.is_empty());
}

#[test]
fn casework_is_checked_and_written_in_the_history() {
    use redress_core::record::casework_edit::*;
    let record = make("complaint", "2026-01-05", "A", &[]);
    let today = date("2026-02-01");
    let problems = add_remedy(
        &record,
        "financial",
        "Refund of charges",
        "",
        &DateInput::default(),
        &change(),
    )
    .unwrap_err();
    assert_eq!(
        problems,
        vec![redress_core::problem::Problem::new(
            "remedy-amount",
            "Enter the amount of the financial remedy"
        )]
    );
    let record = add_remedy(
        &record,
        "financial",
        "Refund of charges",
        "£1,250",
        &DateInput::new("1", "3", "2026"),
        &change(),
    )
    .unwrap();
    assert_eq!(record.remedies[0].amount_pence, Some(125_000));
    let record = deliver_remedy(&record, 0, date("2026-02-20"), &change()).unwrap();
    let record = add_correspondence(
        &record,
        &DateInput::new("6", "1", "2026"),
        "call",
        "Agreed the outcome wanted",
        today,
        &change(),
    )
    .unwrap();
    assert!(
        add_correspondence(&record, &DateInput::new("6", "1", "2026"), "fax", "", today, &change())
            .unwrap_err()
            .len()
            == 2
    );
    let record = add_action(
        &record,
        "Retrain the team",
        "Bo",
        &DateInput::new("1", "4", "2026"),
        &change(),
    )
    .unwrap();
    let record = complete_action(&record, 0, date("2026-03-30"), &change()).unwrap();
    assert!(complete_action(&record, 0, date("2026-03-31"), &change()).is_err());
    let record = add_learning(&record, "We now call back within a day.", true, &change()).unwrap();
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
    assert_eq!(
        done,
        vec!["Who raised it", "Safeguarding and risk", "Decision to accept"]
    );
}

#[test]
fn letters_are_drafted_from_the_record() {
    use redress_core::letters::{LetterKind, available_letters, draft_letter};
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
        vec![LetterKind::Acknowledgement, LetterKind::StageResponse]
    );
    let letter = draft_letter(LetterKind::Acknowledgement, &record, &settings, &rules);
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
    let response = draft_letter(LetterKind::StageResponse, &record, &settings, &rules);
    assert!(response.contains("Your complaint is partially upheld."));
    assert!(
        response.contains("You can ask us to consider your complaint at stage 2. You do not need to give reasons.")
    );
    assert!(response.contains("Local Government and Social Care Ombudsman"));
}

#[test]
fn adjustments_due_for_review_show_on_my_work() {
    use redress_core::record::intake::Adjustment;
    let mut record = make("concern", "2026-01-05", "Needs large print", &[]);
    record.intake.adjustments.push(Adjustment {
        what: "Large print letters".into(),
        agreed: date("2026-01-05"),
        review: Some(date("2026-01-20")),
    });
    record.intake.adjustments.push(Adjustment {
        what: "Calls after 3pm".into(),
        agreed: date("2026-01-05"),
        review: Some(date("2026-03-01")),
    });
    let work = my_work(&[record], &Settings::default().rules(date("2026-01-15")));
    let due: Vec<&str> = work.reviews_due.iter().map(|r| r.what.as_str()).collect();
    assert_eq!(due, vec!["Review the adjustment: Large print letters"]);
}

#[test]
fn the_ombudsman_stage_is_recorded_with_recommendations_and_compliance() {
    use redress_core::record::ombudsman::{OmbudsmanDraft, comply};
    let record = make("complaint", "2025-12-19", "A", &[]);
    let mut draft = OmbudsmanDraft {
        referred: DateInput::new("2", "3", "2026"),
        finding: "upheld".into(),
        ..OmbudsmanDraft::default()
    };
    let problems = draft.apply(&record, date("2026-06-01"), &change()).unwrap_err();
    assert_eq!(problems[0].field, "ombudsman-decision");
    draft.decision = "investigated".into();
    draft.recommendation = "Apologise and pay £200".into();
    draft.recommendation_due = DateInput::new("1", "5", "2026");
    let referred = draft.apply(&record, date("2026-06-01"), &change()).unwrap();
    let ombudsman = referred.ombudsman.as_ref().unwrap();
    assert_eq!((ombudsman.upheld, ombudsman.recommendations.len()), (Some(true), 1));
    let work = my_work(
        std::slice::from_ref(&referred),
        &Settings::default().rules(date("2026-06-01")),
    );
    assert_eq!(
        work.actions_overdue[0].what,
        "Ombudsman’s recommendation: Apologise and pay £200"
    );
    let complied = comply(&referred, 0, date("2026-04-20"), &change()).unwrap();
    assert!(
        my_work(&[complied], &Settings::default().rules(date("2026-06-01")))
            .actions_overdue
            .is_empty()
    );
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

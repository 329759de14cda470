//! The advocate's workspace: a complaint to a council's children's services, drafted from the
//! person's answers, sent, chased, taken to stage 2 within its window, and packed for the
//! Ombudsman.

use chrono::{DateTime, NaiveDate, Utc};
use redress_core::advocacy::letters::{chaser_letter, complaint_letter, next_stage_letter};
use redress_core::advocacy::next::{NextStep, next_stage_window, next_steps};
use redress_core::advocacy::pack::ombudsman_pack;
use redress_core::advocacy::{CaseDraft, likely_procedure, mark_sent};
use redress_core::record::{Change, DateInput, EventDraft, Record, record_event};
use redress_core::settings::Settings;

mod common;
use common::dates::date;
use common::rules;

fn at(day: &str) -> Change {
    Change::new(
        "Ash Advocate",
        format!("{day}T10:00:00Z").parse::<DateTime<Utc>>().unwrap(),
    )
}

fn draft() -> CaseDraft {
    CaseDraft {
        person: "Jamie Reed".into(),
        advocate: "Ash Advocate".into(),
        authority: DateInput::new("2", "1", "2026"),
        organisation: "Northshire County Council".into(),
        organisation_address: "County Hall\nNorthtown\nNT1 1AA".into(),
        service: "Children’s social care".into(),
        procedure: "not-sure".into(),
        happened: DateInput::new("10", "11", "2025"),
    }
}

fn case() -> Record {
    let mut record = draft()
        .to_record(
            "case-1",
            date("2026-01-05"),
            &Settings::default().procedures(),
            &[],
            &at("2026-01-05"),
        )
        .unwrap();
    let answers = &mut record.outgoing.as_mut().unwrap().answers;
    answers.what_happened = "No social worker has visited since October.".into();
    answers.when = "Since 10 November 2025.".into();
    answers.who = "The children’s disability team.".into();
    answers.impact = "Jamie has had no respite and the family is exhausted.".into();
    answers.wanted = "A visit within two weeks and respite restored.".into();
    answers.adjustments = "Letters in large print.".into();
    answers.contact = "Through the advocate, by phone.".into();
    record
}

fn event(record: &Record, kind: &str, day: &str, today: &str) -> Record {
    let (d, m, y) = (&day[8..10], &day[5..7], &day[0..4]);
    let draft = EventDraft {
        kind: kind.into(),
        date: DateInput::new(d, m, y),
        outcome: "not-upheld".into(),
        handler: "Council officer".into(),
        ..EventDraft::default()
    };
    record_event(record, &draft, date(today), &at(today), &[]).unwrap_or_else(|e| panic!("{kind}: {:?}", e))
}

#[test]
fn not_sure_offers_the_procedure_the_service_most_likely_follows() {
    assert_eq!(likely_procedure("Children’s social care"), "children-act-1989-2006");
    assert_eq!(likely_procedure("Adult social care"), "social-services-nhs-2009");
    assert_eq!(likely_procedure("Corporate"), "lgsco-2024");
    let record = case();
    assert_eq!(record.procedure.as_ref().unwrap().id(), "children-act-1989-2006");
    assert_eq!(record.reference, "A-2026-0001");
    assert_eq!(record.issue_date, Some(date("2025-11-10")));
    let empty = CaseDraft::default()
        .to_record(
            "x",
            date("2026-01-05"),
            &Settings::default().procedures(),
            &[],
            &at("2026-01-05"),
        )
        .unwrap_err();
    let fields: Vec<&str> = empty.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["person", "organisation", "service", "procedure"]);
}

#[test]
fn the_letter_holds_every_answer_and_the_procedures_timescales() {
    let record = case();
    let letter = complaint_letter(&record, date("2026-01-05"), &rules("2026-01-05"));
    let outgoing = record.outgoing.as_ref().unwrap();
    for answer in [
        &outgoing.answers.what_happened,
        &outgoing.answers.when,
        &outgoing.answers.who,
        &outgoing.answers.impact,
        &outgoing.answers.wanted,
        &outgoing.answers.adjustments,
        &outgoing.answers.contact,
    ] {
        assert!(letter.contains(answer.as_str()), "the letter says: {answer}");
    }
    assert!(letter.contains("To: Northshire County Council"));
    assert!(letter.contains("on behalf of Jamie Reed"));
    assert!(letter.contains("They agreed to this on Friday 2 January 2026."));
    assert!(letter.contains("Please acknowledge this complaint in writing"));
    // Children's stage 1: a response within 10 working days of the date received: Mon 19 Jan.
    assert!(
        letter.contains("within 10 working days of the date received: by Monday 19 January 2026"),
        "{letter}"
    );
    assert!(letter.ends_with("Yours faithfully\n\nAsh Advocate"));
}

#[test]
fn the_twelve_month_limit_shows_until_it_is_sent() {
    let record = case();
    assert_eq!(
        next_steps(&record, &rules("2026-01-05")),
        [NextStep::Send {
            limit: Some(date("2026-11-10"))
        }]
    );
}

#[test]
fn a_missed_date_is_chased_and_an_answer_leads_to_stage_2_within_its_window() {
    let letter = complaint_letter(&case(), date("2026-01-05"), &rules("2026-01-05"));
    let sent = mark_sent(
        &case(),
        &DateInput::new("5", "1", "2026"),
        &letter,
        date("2026-01-05"),
        &at("2026-01-05"),
    )
    .unwrap();
    assert_eq!(sent.outgoing.as_ref().unwrap().sent, Some(date("2026-01-05")));
    assert_eq!(sent.correspondence.len(), 1);

    // Nothing heard by Tue 20 Jan: the response was due Mon 19 Jan.
    let late = rules("2026-01-20");
    let steps = next_steps(&sent, &late);
    // The acknowledgement (a local target of 3 working days: Thu 8 Jan) is missed too: one chaser for both.
    assert_eq!(
        steps[0],
        NextStep::Chase {
            missed: "stage 1 acknowledgement and stage 1 response".into(),
            due: date("2026-01-08")
        }
    );
    let chaser = chaser_letter(&sent, &late);
    assert!(
        chaser.contains("your stage 1 response was due by Monday 19 January 2026"),
        "{chaser}"
    );

    // Answered Wed 21 Jan, not upheld: ask for stage 2 within 20 working days: Wed 18 Feb.
    let answered = event(
        &event(&sent, "acknowledged", "2026-01-06", "2026-01-21"),
        "responded",
        "2026-01-21",
        "2026-01-21",
    );
    let now = rules("2026-01-22");
    assert_eq!(next_stage_window(&answered, &now), Some(date("2026-02-18")));
    assert_eq!(
        next_steps(&answered, &now),
        [NextStep::AskNextStage {
            stage: 2,
            by: Some(date("2026-02-18"))
        }]
    );
    let request = next_stage_letter(&answered, &now);
    assert!(request.contains("consider the complaint at Stage 2"), "{request}");
    assert!(request.contains("by Wednesday 18 February 2026"));
    assert!(request.contains("You do not have to give reasons."));

    let pack = ombudsman_pack(&answered, &now);
    let dates: Vec<NaiveDate> = pack.timeline.iter().map(|(d, _)| *d).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "the timeline runs oldest first");
    assert_eq!(
        pack.timeline[0],
        (
            date("2025-11-10"),
            "What the complaint is about happened (or was found out).".into()
        )
    );
    assert!(
        pack.timeline
            .iter()
            .any(|(d, what)| *d == date("2026-01-21") && what.contains("responded. Outcome: not upheld."))
    );
    assert_eq!(pack.asked_for, "A visit within two weeks and respite restored.");
    assert!(pack.ombudsman.contains("0300 061 0614"));
}

/// Marking a letter sent names the page's date input (only the box at fault) or, for a letter
/// left empty, the letter; a chaser and the request for the next stage go in the dated log, and
/// the request starts the next stage.
#[test]
fn a_letter_sent_is_checked_by_the_letter_pages_inputs() {
    use redress_core::advocacy::letters::CaseLetter;
    use redress_core::record::DatePart;
    let today = date("2026-01-05");
    let problems = CaseLetter::Complaint
        .send(
            &case(),
            &DateInput::new("5", "13", "2026"),
            "Dear Sir",
            today,
            &at("2026-01-05"),
            &[],
        )
        .unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].field.as_str(), problems[0].parts.as_slice()),
        ("sent", &[DatePart::Month][..])
    );
    assert_eq!(problems[0].anchor(), "sent-month");
    let sent = CaseLetter::Complaint
        .send(
            &case(),
            &DateInput::new("5", "1", "2026"),
            "Dear Sir",
            today,
            &at("2026-01-05"),
            &[],
        )
        .unwrap();
    assert_eq!(sent.outgoing.as_ref().unwrap().letter, "Dear Sir");

    let later = date("2026-01-20");
    let problems = CaseLetter::Chaser
        .send(
            &sent,
            &DateInput::new("40", "1", "2026"),
            " ",
            later,
            &at("2026-01-20"),
            &[],
        )
        .unwrap_err();
    let anchors: Vec<String> = problems.iter().map(|p| p.anchor()).collect();
    assert_eq!(
        anchors,
        ["sent-day"],
        "the note carries the words “Chaser sent.”, so it is never empty"
    );
    let chased = CaseLetter::Chaser
        .send(
            &sent,
            &DateInput::new("20", "1", "2026"),
            "Please reply",
            later,
            &at("2026-01-20"),
            &[],
        )
        .unwrap();
    assert_eq!(chased.correspondence.len(), 2);
    assert!(
        chased.correspondence[1]
            .note
            .starts_with("Chaser sent.\n\nPlease reply")
    );

    let answered = event(
        &event(&sent, "acknowledged", "2026-01-06", "2026-01-21"),
        "responded",
        "2026-01-21",
        "2026-01-21",
    );
    let asked_day = date("2026-01-22");
    let problems = CaseLetter::NextStage
        .send(
            &answered,
            &DateInput::new("22", "1", "20"),
            "Stage 2, please",
            asked_day,
            &at("2026-01-22"),
            &[],
        )
        .unwrap_err();
    assert_eq!(problems[0].anchor(), "sent-year");
    let asked = CaseLetter::NextStage
        .send(
            &answered,
            &DateInput::new("22", "1", "2026"),
            "Stage 2, please",
            asked_day,
            &at("2026-01-22"),
            &[],
        )
        .unwrap();
    assert_eq!(asked.stages.len(), 2);
    assert_eq!(asked.stages[1].started, asked_day);
    assert_eq!(CaseLetter::from_code("next-stage"), Some(CaseLetter::NextStage));
    assert_eq!(CaseLetter::from_code("letter"), None);
}

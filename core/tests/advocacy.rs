//! The advocate's workspace: a complaint to a council's children's services, drafted from the
//! person's answers, sent, chased, taken to stage 2 within its window, and packed for the
//! Ombudsman.

use chrono::{DateTime, NaiveDate, Utc};
use redress_core::advocacy::letters::{chaser_letter, complaint_letter, next_stage_letter};
use redress_core::advocacy::next::{NextStep, next_stage_window, next_steps};
use redress_core::advocacy::pack::ombudsman_pack;
use redress_core::advocacy::{CaseDraft, likely_procedure, mark_sent};
use redress_core::calendar::Nation;
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
        nation: Nation::EnglandAndWales,
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
    assert_eq!(
        likely_procedure("Children’s social care", Nation::EnglandAndWales),
        "children-act-1989-2006"
    );
    assert_eq!(
        likely_procedure("Adult social care", Nation::EnglandAndWales),
        "social-services-nhs-2009"
    );
    assert_eq!(likely_procedure("Corporate", Nation::EnglandAndWales), "lgsco-2024");
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
            limit: Some(date("2026-11-10")),
            months: 12
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
            by: Some(date("2026-02-18")),
            late: false
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

/// The case sent on Mon 5 Jan 2026 (children's procedure: acknowledgement by Thu 8 Jan, response
/// by Mon 19 Jan).
fn sent() -> Record {
    use redress_core::advocacy::letters::CaseLetter;
    CaseLetter::Complaint
        .send(
            &case(),
            &DateInput::new("5", "1", "2026"),
            "Dear Sir or Madam, the complaint.",
            date("2026-01-05"),
            &at("2026-01-05"),
            &[],
        )
        .unwrap()
}

fn chase(record: &Record, day: &str) -> Record {
    use redress_core::advocacy::letters::CaseLetter;
    let (d, m, y) = (&day[8..10], &day[5..7], &day[0..4]);
    let letter = chaser_letter(record, &rules(day));
    CaseLetter::Chaser
        .send(record, &DateInput::new(d, m, y), &letter, date(day), &at(day), &[])
        .unwrap()
}

#[test]
fn a_missed_response_offers_stage_2_beside_the_chaser() {
    let steps = next_steps(&sent(), &rules("2026-01-20"));
    assert!(matches!(steps[0], NextStep::Chase { .. }), "{steps:?}");
    assert_eq!(
        steps[1],
        NextStep::AskNextStage {
            stage: 2,
            by: None,
            late: true
        }
    );
    assert_eq!(steps.len(), 2, "the procedure is not exhausted: no Ombudsman yet");
    assert_eq!(steps[1].words(), "Or ask for stage 2 now: the response is late");

    // Only the acknowledgement missed (Fri 9 Jan): a chaser, and no stage 2 yet.
    let steps = next_steps(&sent(), &rules("2026-01-09"));
    assert!(matches!(&steps[0], NextStep::Chase { missed, .. } if missed == "stage 1 acknowledgement"));
    assert!(
        !steps.iter().any(|s| matches!(s, NextStep::AskNextStage { .. })),
        "{steps:?}"
    );
}

#[test]
fn a_chaser_gives_a_reply_by_date_and_the_case_waits_for_it_then_chases_again() {
    // Drafted on Tue 20 Jan: reply by Tue 27 Jan, 5 working days on.
    let letter = chaser_letter(&sent(), &rules("2026-01-20"));
    assert!(
        letter.contains("Please reply by Tuesday 27 January 2026 (within 5 working days)"),
        "{letter}"
    );
    let chased = chase(&sent(), "2026-01-20");
    assert_eq!(
        chased.correspondence.last().unwrap().letter.as_deref(),
        Some("chaser@1")
    );
    assert_eq!(
        redress_core::advocacy::next::last_chaser(&chased, &rules("2026-01-21")),
        Some((date("2026-01-20"), date("2026-01-27")))
    );
    let waiting = next_steps(&chased, &rules("2026-01-21"));
    assert_eq!(
        waiting[0],
        NextStep::AwaitReply {
            chased: date("2026-01-20"),
            reply_by: date("2026-01-27")
        }
    );
    assert_eq!(
        waiting[0].words(),
        "Wait for the reply to the chaser of Tue 20 Jan 2026: due by Tue 27 Jan 2026"
    );
    assert!(
        waiting
            .iter()
            .any(|s| matches!(s, NextStep::AskNextStage { late: true, .. })),
        "stage 2 is still offered: {waiting:?}"
    );
    // Still nothing on Wed 28 Jan: chase again, the unanswered chaser named.
    let unanswered = next_steps(&chased, &rules("2026-01-28"));
    assert!(
        matches!(&unanswered[0], NextStep::Chase { missed, .. }
            if missed.ends_with("and the reply to the chaser of Tue 20 Jan 2026")),
        "{unanswered:?}"
    );
}

#[test]
fn once_the_answer_comes_next_steps_move_on() {
    let chased = chase(&sent(), "2026-01-20");
    // Answered on Wed 21 Jan, never acknowledged: no chasing an acknowledgement now.
    let answered = event(&chased, "responded", "2026-01-21", "2026-01-21");
    let steps = next_steps(&answered, &rules("2026-01-22"));
    assert_eq!(
        steps,
        [NextStep::AskNextStage {
            stage: 2,
            by: Some(date("2026-02-18")),
            late: false
        }]
    );
    assert!(
        chaser_letter(&answered, &rules("2026-01-22")).contains("- [what was due, and when]"),
        "nothing left to chase"
    );

    // Stage 2 asked for: stage 1's dates are history, stage 2's are awaited.
    use redress_core::advocacy::letters::CaseLetter;
    let asked = CaseLetter::NextStage
        .send(
            &answered,
            &DateInput::new("22", "1", "2026"),
            "Please consider it at stage 2.",
            date("2026-01-22"),
            &at("2026-01-22"),
            &[],
        )
        .unwrap();
    assert!(matches!(
        next_steps(&asked, &rules("2026-01-23"))[..],
        [NextStep::Wait { .. }]
    ));
    // Stage 2 and 3 answered: the procedure is exhausted, so the Ombudsman.
    let mut last = event(&asked, "responded", "2026-02-20", "2026-02-20");
    last = event(&last, "next-stage-requested", "2026-02-23", "2026-02-23");
    last = event(&last, "responded", "2026-04-20", "2026-04-20");
    assert_eq!(next_steps(&last, &rules("2026-04-21")), [NextStep::Ombudsman]);
}

#[test]
fn the_ombudsman_pack_holds_the_letters_sent_and_no_line_twice() {
    use redress_core::advocacy::letters::CaseLetter;
    let chased = chase(&sent(), "2026-01-20");
    let answered = event(&chased, "responded", "2026-01-21", "2026-01-21");
    let asked = CaseLetter::NextStage
        .send(
            &answered,
            &DateInput::new("22", "1", "2026"),
            "Please consider it at stage 2.",
            date("2026-01-22"),
            &at("2026-01-22"),
            &[],
        )
        .unwrap();
    let pack = ombudsman_pack(&asked, &rules("2026-03-20"));
    let unique: std::collections::HashSet<&(NaiveDate, String)> = pack.timeline.iter().collect();
    assert_eq!(unique.len(), pack.timeline.len(), "{:?}", pack.timeline);
    let on = |day: &str| {
        pack.timeline
            .iter()
            .filter(|(d, _)| *d == date(day))
            .map(|(_, what)| what.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        on("2026-01-05"),
        ["Stage 1: Complaint sent to Northshire County Council."],
        "the complaint once, not again as a letter"
    );
    assert_eq!(
        on("2026-01-22"),
        ["Stage 2: Stage request sent to Northshire County Council."]
    );
    assert_eq!(on("2026-01-20"), ["Letter: Chaser sent."]);

    let letters: Vec<(NaiveDate, &str)> = pack.letters.iter().map(|l| (l.date, l.what.as_str())).collect();
    assert_eq!(
        letters,
        [
            (date("2026-01-05"), "Complaint sent."),
            (date("2026-01-20"), "Chaser sent."),
            (date("2026-01-22"), "Next stage asked for."),
        ]
    );
    assert_eq!(pack.letters[0].text, "Dear Sir or Madam, the complaint.");
    assert!(pack.letters[1].text.contains("Please reply by Tuesday 27 January 2026"));
    // Stage 1's acknowledgement was never recorded, but stage 1 is answered: not outstanding.
    assert!(
        pack.outstanding.iter().all(|o| !o.starts_with("Stage 1")),
        "{:?}",
        pack.outstanding
    );
    assert!(
        pack.outstanding.iter().any(|o| o.starts_with("Stage 2")),
        "stage 2's own missed dates are: {:?}",
        pack.outstanding
    );
}

#[test]
fn my_work_keeps_what_the_other_organisation_owes_apart_once_the_complaint_is_sent() {
    use redress_core::worklist::{DueKind, WorkFor, my_work};
    let unsent = case();
    let today = rules("2026-01-16");
    let work = my_work(std::slice::from_ref(&unsent), &today, &WorkFor::Everyone);
    assert!(
        work.owed_to_us.is_empty() && work.nothing_due(),
        "nothing is owed before it is sent"
    );
    let letter = complaint_letter(&unsent, date("2026-01-05"), &rules("2026-01-05"));
    let sent = mark_sent(
        &unsent,
        &DateInput::new("5", "1", "2026"),
        &letter,
        date("2026-01-05"),
        &at("2026-01-05"),
    )
    .unwrap();
    let work = my_work(std::slice::from_ref(&sent), &today, &WorkFor::Everyone);
    assert!(work.nothing_due(), "the organisation's own groups hold none of it");
    let owed: Vec<(DueKind, &str)> = work
        .owed_to_us
        .iter()
        .map(|item| (item.kind, item.label.as_str()))
        .collect();
    // Acknowledgement due Thu 8 Jan (overdue), response Mon 19 Jan (within 7 days).
    assert_eq!(
        owed,
        [
            (DueKind::Deadline, "Northshire County Council: Stage 1 acknowledgement"),
            (DueKind::Deadline, "Northshire County Council: Stage 1 response"),
        ]
    );
    assert_eq!(work.owed_to_us[0].person, "Jamie Reed");

    // Drawn from the row kept on the day it was sent, a week before and after: the response
    // comes into the next seven days only when it should, as it does from the record itself.
    use redress_core::record::search::{RecordRow, keep_row, kept_row};
    use redress_core::worklist::work_from_rows;
    let kept = keep_row(&RecordRow::new(&sent, &rules("2026-01-05")));
    for day in ["2026-01-05", "2026-01-09", "2026-01-16", "2026-01-26"] {
        let rules = rules(day);
        let row = kept_row(&kept, &rules).expect("the row reads back");
        let from_row = work_from_rows([&row], rules.today, &WorkFor::Everyone);
        assert_eq!(
            from_row,
            my_work(std::slice::from_ref(&sent), &rules, &WorkFor::Everyone),
            "{day}"
        );
    }
    let on = |day: &str| {
        let rules = rules(day);
        work_from_rows([&kept_row(&kept, &rules).unwrap()], rules.today, &WorkFor::Everyone)
            .owed_to_us
            .len()
    };
    assert_eq!(
        (on("2026-01-05"), on("2026-01-16")),
        (1, 2),
        "the response is owed soon only later"
    );
}

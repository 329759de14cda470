//! My work: everything due on the organisation's records — deadlines, actions, remedies, the
//! Ombudsman's recommendations, adjustment and restriction reviews — grouped overdue, due today,
//! due in the next 7 days and later, each row naming the person and a short summary; shown for
//! everyone, for the user ("Mine") or one handler; and the records list's "Next due" agreeing.

use chrono::NaiveDate;
use redress_core::deadline::Status;
use redress_core::record::casework::{Action, NotDeliverable, Remedy, RemedyKind, Restriction};
use redress_core::record::intake::Adjustment;
use redress_core::record::ombudsman::{Ombudsman, Recommendation};
use redress_core::record::search::RecordRow;
use redress_core::record::{EventKind, Record, close};
use redress_core::settings::Settings;
use redress_core::worklist::{
    DUE_THIS_WEEK, DUE_TODAY, DueKind, LATER, LATER_SHOWN, MyWork, OVERDUE, WorkFor, WorkItem, due_items, my_work,
    work_for_choices,
};

mod common;
use common::dates::date;
use common::records::{change, event, make};

/// Monday 19 January 2026: the day My work is looked at.
const TODAY: &str = "2026-01-19";

fn work(records: &[Record], who: &WorkFor) -> MyWork {
    my_work(records, &Settings::default().rules(date(TODAY)), who)
}

fn remedy(kind: RemedyKind, what: &str, due: Option<NaiveDate>) -> Remedy {
    Remedy {
        kind,
        what: what.into(),
        amount_pence: None,
        due,
        delivered: None,
        not_deliverable: None,
    }
}

fn action(what: &str, who: &str, by: &str) -> Action {
    Action {
        what: what.into(),
        who: who.into(),
        by: date(by),
        done: None,
        told: None,
    }
}

fn restriction(what: &str, review: &str) -> Restriction {
    Restriction {
        what: what.into(),
        why: "Abusive calls".into(),
        decided_by: "Head of Service".into(),
        decided: date("2026-01-05"),
        review: date(review),
        lifted: None,
    }
}

fn ombudsman(what: &str, due: &str) -> Ombudsman {
    Ombudsman {
        referred: date("2025-12-01"),
        decision: None,
        upheld: None,
        remedy_already_given: false,
        recommendations: vec![Recommendation {
            what: what.into(),
            due: date(due),
            complied: None,
        }],
    }
}

/// (group, kind, label) of every item shown, in order.
fn shown(work: &MyWork) -> Vec<(&'static str, DueKind, String)> {
    work.groups
        .iter()
        .flat_map(|g| g.items.iter().map(move |i| (g.title, i.kind, i.label.clone())))
        .collect()
}

/// A concern (no procedure, so no deadlines) with one of every other kind of thing due.
fn concern_with_everything() -> Record {
    let mut record = make(
        "concern",
        "2026-01-05",
        "Carer did not arrive\nThree visits missed",
        &[],
    );
    // The case: an apology due on Friday.
    record.remedies.push(remedy(
        RemedyKind::Apology,
        "Write to say sorry",
        Some(date("2026-01-23")),
    ));
    record
        .actions
        .push(action("Retrain the rota team", "Bo Baker", "2026-01-16"));
    record.intake.adjustments.push(Adjustment {
        what: "Large print letters".into(),
        agreed: date("2026-01-05"),
        review: Some(date(TODAY)),
    });
    record.restrictions.push(restriction("Email only", "2026-03-02"));
    record.ombudsman = Some(ombudsman("Pay £200", "2026-01-26"));
    record
}

#[test]
fn every_kind_of_thing_due_shows_in_its_group() {
    let work = work(&[concern_with_everything()], &WorkFor::Everyone);
    assert_eq!(
        shown(&work),
        vec![
            (OVERDUE, DueKind::Action, "Action: Retrain the rota team".to_string()),
            (
                DUE_TODAY,
                DueKind::AdjustmentReview,
                "Review the adjustment: Large print letters".into()
            ),
            (
                DUE_THIS_WEEK,
                DueKind::Remedy,
                "Remedy: Apology — Write to say sorry".into()
            ),
            (
                DUE_THIS_WEEK,
                DueKind::Recommendation,
                "Ombudsman’s recommendation: Pay £200".into()
            ),
            (
                LATER,
                DueKind::RestrictionReview,
                "Review the restriction on contact: Email only".into()
            ),
        ]
    );
    assert!(!work.nothing_due());
    assert!(matches!(work.group(OVERDUE)[0].status, Status::Overdue(_)));
    assert_eq!(work.group(DUE_TODAY)[0].status, Status::DueToday);
}

#[test]
fn a_remedy_due_on_friday_is_on_my_work_not_nothing_due() {
    let mut record = make("concern", "2026-01-05", "Apology owed", &[]);
    record
        .remedies
        .push(remedy(RemedyKind::Apology, "Say sorry", Some(date("2026-01-23"))));
    let work = work(&[record], &WorkFor::Everyone);
    assert!(!work.nothing_due());
    let week = work.group(DUE_THIS_WEEK);
    assert_eq!(
        (week.len(), week[0].kind, week[0].due),
        (1, DueKind::Remedy, date("2026-01-23"))
    );
}

#[test]
fn each_row_names_the_record_the_person_and_a_short_summary() {
    let record = concern_with_everything();
    let work = work(std::slice::from_ref(&record), &WorkFor::Everyone);
    let item: &WorkItem = &work.group(OVERDUE)[0];
    assert_eq!(
        (
            item.record_id.as_str(),
            item.reference.as_str(),
            item.person.as_str(),
            item.summary.as_str()
        ),
        (
            record.id.as_str(),
            record.reference.as_str(),
            "Jo Bloggs",
            "Carer did not arrive"
        )
    );
    let mut nameless = make("concern", "2026-01-05", &"A very long summary ".repeat(10), &[]);
    nameless.person.name.clear();
    nameless.actions.push(action("Call back", "", "2026-01-16"));
    let work = work_with(nameless);
    let item = &work.group(OVERDUE)[0];
    assert_eq!(item.person, "Name not given");
    assert!(
        item.summary.ends_with('…') && item.summary.chars().count() < 100,
        "{}",
        item.summary
    );
    assert_eq!(
        (item.handler.as_deref(), item.handler_words()),
        (None, "Not yet assigned")
    );
}

fn work_with(record: Record) -> MyWork {
    work(&[record], &WorkFor::Everyone)
}

#[test]
fn what_is_done_delivered_complied_with_or_lifted_is_not_due() {
    let mut record = concern_with_everything();
    record.actions[0].done = Some(date("2026-01-16"));
    record.remedies[0].delivered = Some(date("2026-01-16"));
    record.remedies.push(Remedy {
        not_deliverable: Some(NotDeliverable {
            reason: "Moved away".into(),
            alternative: "A letter".into(),
        }),
        ..remedy(RemedyKind::Financial, "Refund", Some(date("2026-01-20")))
    });
    record
        .remedies
        .push(remedy(RemedyKind::ExplanationOrAssistance, "No date yet", None));
    record.ombudsman.as_mut().unwrap().recommendations[0].complied = Some(date("2026-01-10"));
    record.restrictions[0].lifted = Some(date("2026-01-12"));
    record.intake.adjustments[0].review = None;
    let work = work_with(record);
    assert!(work.nothing_due(), "{:?}", shown(&work));
    assert_eq!(work.groups.len(), 4);
    assert_eq!(work.groups[0].empty, "Nothing is overdue.");
}

#[test]
fn a_closed_record_still_has_its_restriction_reviews_and_nothing_else() {
    let record = concern_with_everything();
    let closed = close(&record, date("2026-01-16"), &change()).unwrap();
    let kinds: Vec<DueKind> = shown(&work_with(closed)).into_iter().map(|(_, k, _)| k).collect();
    assert_eq!(kinds, vec![DueKind::RestrictionReview]);
}

#[test]
fn deadlines_are_grouped_by_when_they_fall_and_counted_by_handler() {
    let first = make("complaint", "2026-01-05", "A", &[]);
    let first = event(&first, EventKind::Acknowledged, "2026-01-06", "Ann Handler");
    let second = make("complaint", "2026-01-12", "B", std::slice::from_ref(&first));
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
    let work = work(&[first, second, closed], &WorkFor::Everyone);
    let labels = |title: &str| {
        work.group(title)
            .iter()
            .filter(|i| i.kind == DueKind::Deadline)
            .map(|i| format!("{} {}", i.reference, i.label))
            .collect::<Vec<_>>()
    };
    // A: acknowledged 6 Jan, response due 20 Jan. B: acknowledgement due today, its response
    // projected 2 Feb (later).
    assert_eq!(labels(OVERDUE), Vec::<String>::new());
    assert_eq!(labels(DUE_TODAY), vec!["C-2026-0002 Stage 1 acknowledgement"]);
    assert_eq!(labels(DUE_THIS_WEEK), vec!["C-2026-0001 Stage 1 response"]);
    assert_eq!(labels(LATER), vec!["C-2026-0002 Stage 1 response"]);
    let loads: Vec<(String, usize, usize, usize)> = work
        .by_handler
        .iter()
        .map(|h| (h.handler.clone(), h.due_today, h.due_this_week, h.later))
        .collect();
    assert_eq!(
        loads,
        vec![("Ann Handler".into(), 0, 1, 0), ("Not yet assigned".into(), 1, 0, 1)]
    );
}

/// A complaint handled by Ann Handler (the stage's handler) with an action Bo Baker is
/// responsible for, and a concern nobody handles yet with a remedy due.
fn two_handlers() -> Vec<Record> {
    let mut handled = make("complaint", "2026-01-12", "A", &[]);
    handled = event(&handled, EventKind::Acknowledged, "2026-01-13", "Ann Handler");
    handled.actions.push(action("Check the rota", "Bo Baker", "2026-01-21"));
    handled
        .remedies
        .push(remedy(RemedyKind::Apology, "Say sorry", Some(date("2026-01-22"))));
    let mut nobody = make("concern", "2026-01-05", "B", std::slice::from_ref(&handled));
    nobody
        .remedies
        .push(remedy(RemedyKind::Apology, "Say sorry too", Some(date("2026-01-22"))));
    vec![handled, nobody]
}

fn kinds_for(who: &WorkFor) -> Vec<(DueKind, String)> {
    shown(&work(&two_handlers(), who))
        .into_iter()
        .map(|(_, kind, label)| (kind, label))
        .collect()
}

#[test]
fn mine_is_what_the_user_handles_however_their_name_is_typed() {
    let mine = WorkFor::from_value("mine", "  ann   HANDLER ");
    assert_eq!(
        kinds_for(&mine),
        vec![
            (DueKind::Remedy, "Remedy: Apology — Say sorry".into()),
            (DueKind::Deadline, "Stage 1 response".into()),
        ],
        "the stage's handler has its deadline and the record's remedy; the action is Bo's"
    );
    // Without a name, "Mine" cannot be worked out: everyone's work is shown.
    assert_eq!(WorkFor::from_value("mine", " "), WorkFor::Everyone);
    assert_eq!(kinds_for(&WorkFor::from_value("mine", "")).len(), 4);
}

#[test]
fn work_is_shown_for_one_handler_or_for_nobody_yet() {
    assert_eq!(
        kinds_for(&WorkFor::from_value("handler:Bo Baker", "Ann Handler")),
        vec![(DueKind::Action, "Action: Check the rota".into())]
    );
    assert_eq!(
        kinds_for(&WorkFor::from_value("unassigned", "Ann Handler")),
        vec![(DueKind::Remedy, "Remedy: Apology — Say sorry too".into())]
    );
    assert_eq!(WorkFor::from_value("handler: ", "x"), WorkFor::Everyone);
    assert_eq!(WorkFor::from_value("", "x"), WorkFor::Everyone);
    // The loads count everyone's work, whoever the groups are shown for.
    let only_bo = work(&two_handlers(), &WorkFor::Handler("Bo Baker".into()));
    assert_eq!(only_bo.by_handler.len(), 3);
}

#[test]
fn the_choices_of_whose_work_name_the_team_and_every_handler_once() {
    let everyone = work(&two_handlers(), &WorkFor::Everyone);
    let team = vec!["bo baker".to_string(), "Cy Clerk".into(), "Ann Handler".into()];
    let choices = work_for_choices(&everyone, &team, "Ann Handler");
    let words: Vec<(&str, &str)> = choices.iter().map(|(v, w)| (v.as_str(), w.as_str())).collect();
    assert_eq!(
        words,
        vec![
            ("", "Everyone"),
            ("mine", "Mine (Ann Handler)"),
            ("handler:Cy Clerk", "Cy Clerk"),
            ("handler:bo baker", "bo baker"),
            ("unassigned", "Not yet assigned"),
        ]
    );
    let nameless = work_for_choices(&everyone, &[], "");
    assert!(nameless.iter().all(|(v, _)| v != "mine"));
    assert!(nameless.iter().any(|(v, _)| v == "handler:Ann Handler"));
}

#[test]
fn later_shows_the_nearest_and_counts_the_rest() {
    let mut record = make("concern", "2026-01-05", "Many", &[]);
    for n in 0..(LATER_SHOWN + 3) {
        let by = date("2026-03-01") + chrono::Days::new(n as u64);
        record.actions.push(Action {
            by,
            ..action(&format!("Step {n}"), "Bo", "2026-03-01")
        });
    }
    let work = work_with(record);
    let later = work.groups.iter().find(|g| g.title == LATER).unwrap();
    assert_eq!((later.items.len(), later.more), (LATER_SHOWN, 3));
    assert_eq!(later.items[0].label, "Action: Step 0");
}

#[test]
fn the_records_list_next_due_is_the_nearest_thing_my_work_lists() {
    let rules = Settings::default().rules(date(TODAY));
    let mut record = make("complaint", "2026-01-12", "A", &[]);
    record = event(&record, EventKind::Acknowledged, "2026-01-13", "Ann Handler");
    let row = RecordRow::new(&record, &rules);
    assert_eq!(
        row.next_due.as_ref().map(|(due, _, label)| (*due, label.as_str())),
        Some((date("2026-01-27"), "Stage 1 response"))
    );
    record
        .remedies
        .push(remedy(RemedyKind::Apology, "Say sorry", Some(date("2026-01-16"))));
    let row = RecordRow::new(&record, &rules);
    let first = &due_items(&record, &rules)[0];
    assert_eq!(row.next_due, Some((first.due, first.status, first.label.clone())));
    assert_eq!(first.label, "Remedy: Apology — Say sorry");
    assert!(row.overdue, "a remedy past its date makes the record overdue");
}

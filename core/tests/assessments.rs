//! Scoring, copying, comparing and sharing self-assessments, and their review reminders.

use chrono::{DateTime, NaiveDate, Utc};
use redress_core::assessment::compare::{Movement, compare};
use redress_core::assessment::review::{
    COMPLETED_FIELD, REVIEW_FIELD, details_problems, plan_due_field, plan_problems, reviews_due,
};
use redress_core::assessment::score::{Progress, left_to_answer, non_compliance, overall, part_totals};
use redress_core::assessment::{Assessment, Follows, FrameworkId, NCMG_2016, PlanItem};
use redress_core::exchange::file::{one_assessment, read};
use redress_core::problem::Problem;
use redress_core::record::{Change, DateInput, DatePart};

mod common;
use common::dates::today;
use common::exporter;

fn change(at: &str) -> Change {
    Change::new("Pat Manager", at.parse::<DateTime<Utc>>().unwrap())
}

fn ncmg() -> Assessment {
    Assessment::new(
        "a-1",
        FrameworkId::Ncmg2016,
        "Exampleshire Council",
        "2025 to 2026",
        &change("2026-01-05T09:00:00Z"),
    )
}

fn score(assessment: &mut Assessment, code: &str, value: u8) {
    let when = change("2026-01-06T09:00:00Z");
    assessment.edit_entry(code, &when, |entry| entry.score = Some(value));
}

#[test]
fn a_principle_totals_its_scores_against_three_times_its_areas() {
    let mut assessment = ncmg();
    for area in NCMG_2016.parts[0].items {
        score(&mut assessment, area.code, 2);
    }
    score(&mut assessment, "1.12", 3);
    let totals = part_totals(&assessment, &NCMG_2016.parts[0]);
    assert_eq!(
        (totals.total, totals.max, totals.answered, totals.items),
        (25, 36, 12, 12)
    );
    assert_eq!(totals.progress(), Progress::Completed);
    let maxima: Vec<u32> = NCMG_2016
        .parts
        .iter()
        .map(|p| part_totals(&assessment, p).max)
        .collect();
    assert_eq!(maxima, [36, 30, 21, 18, 18]);
    assert_eq!(overall(&assessment).max, 123);
}

#[test]
fn unscored_areas_are_left_out_never_counted_as_nought() {
    let mut assessment = ncmg();
    score(&mut assessment, "2.1", 3);
    score(&mut assessment, "2.2", 0);
    let totals = part_totals(&assessment, &NCMG_2016.parts[1]);
    assert_eq!((totals.total, totals.answered, totals.left()), (3, 2, 8));
    assert_eq!(totals.average(), Some(1.5), "the average is of scored areas only");
    assert_eq!(totals.progress(), Progress::InProgress);
    assert_eq!(
        part_totals(&assessment, &NCMG_2016.parts[2]).progress(),
        Progress::NotStarted
    );
    assert_eq!(part_totals(&assessment, &NCMG_2016.parts[2]).average(), None);
    let whole = overall(&assessment);
    assert_eq!((whole.answered, whole.items, whole.total), (2, 41, 3));
    let left = left_to_answer(&assessment);
    assert_eq!(left.len(), 39);
    assert_eq!(left[0].1.code, "1.1");
    assert!(
        left.iter().all(|(_, item)| item.code != "2.2"),
        "a score of 0 is an answer"
    );
}

#[test]
fn an_answer_emptied_of_everything_is_unanswered_again() {
    let mut assessment = ncmg();
    score(&mut assessment, "3.1", 1);
    assessment.edit_entry("3.1", &change("2026-01-07T09:00:00Z"), |entry| entry.score = None);
    assert!(assessment.entries.is_empty());
    assert_eq!(assessment.updated_by, "Pat Manager");
    assert_eq!(
        assessment.updated,
        "2026-01-07T09:00:00Z".parse::<DateTime<Utc>>().unwrap()
    );
}

#[test]
fn a_copy_carries_answers_and_open_actions_but_not_dates() {
    let mut last = ncmg();
    score(&mut last, "1.1", 2);
    last.edit_entry("1.1", &change("2026-01-06T09:00:00Z"), |e| {
        e.evidence = "Leaflets audited".into()
    });
    last.edit_plan("1", &change("2026-01-06T09:00:00Z"), |plan| {
        plan.push(PlanItem {
            action: "Easy-read leaflet".into(),
            owner: "Comms".into(),
            due: DateInput::new("1", "6", "2026"),
            done: true,
        });
        plan.push(PlanItem {
            action: "Translate the leaflet".into(),
            owner: "Comms".into(),
            due: DateInput::new("1", "9", "2026"),
            done: false,
        });
    });
    last.completed = DateInput::new("20", "2", "2026");
    let copy = last.copy_as("a-2", "2026 to 2027", &change("2026-11-22T09:00:00Z"));
    assert_eq!(copy.id, "a-2");
    assert_eq!(copy.copied_from.as_deref(), Some("a-1"));
    assert_eq!(copy.entries, last.entries);
    assert_eq!(copy.period, "2026 to 2027");
    assert_eq!(copy.organisation, "Exampleshire Council");
    let actions: Vec<&str> = copy.plan("1").iter().map(|i| i.action.as_str()).collect();
    assert_eq!(
        actions,
        ["Translate the leaflet"],
        "done actions stay with the old assessment"
    );
    assert!(copy.completed.is_empty() && copy.review.is_empty());
    assert_eq!(copy.created, "2026-11-22T09:00:00Z".parse::<DateTime<Utc>>().unwrap());
    assert_eq!(last.plan("1").len(), 2, "the original is untouched");
}

#[test]
fn comparing_shows_what_went_up_and_down() {
    let mut before = ncmg();
    for (code, value) in [("1.1", 1), ("1.2", 3), ("1.3", 2), ("2.1", 2)] {
        score(&mut before, code, value);
    }
    let mut after = before.copy_as("a-2", "2026 to 2027", &change("2026-11-22T09:00:00Z"));
    for (code, value) in [("1.1", 3), ("1.2", 2), ("1.4", 1)] {
        score(&mut after, code, value);
    }
    let comparison = compare(&before, &after).unwrap();
    let movement = |code: &str| comparison.items.iter().find(|c| c.item.code == code).unwrap().movement;
    assert_eq!(movement("1.1"), Movement::Up(2));
    assert_eq!(movement("1.2"), Movement::Down(1));
    assert_eq!(movement("1.3"), Movement::Same);
    assert_eq!(movement("1.4"), Movement::NewlyAnswered);
    assert_eq!(movement("1.5"), Movement::Unanswered);
    assert_eq!((comparison.went_up, comparison.went_down), (1, 1));
    let one = &comparison.parts[0];
    assert_eq!((one.before.total, one.after.total, one.difference), (6, 8, 2));
    assert!(!one.like_for_like, "1.4 was scored only in the later one");
    assert!(comparison.parts[1].like_for_like);
    assert_eq!(comparison.parts[1].difference, 0);

    let code = Assessment::new("c-1", FrameworkId::Code2024, "", "", &change("2026-01-05T09:00:00Z"));
    assert!(compare(&before, &code).is_err(), "only the same framework compares");
}

#[test]
fn the_code_summary_lists_every_no_and_partly_in_order() {
    let mut code = Assessment::new(
        "c-1",
        FrameworkId::Code2024,
        "Exampleshire",
        "2025 to 2026",
        &change("2026-01-05T09:00:00Z"),
    );
    let when = change("2026-01-06T09:00:00Z");
    for (row, follows) in [
        ("1", Follows::Yes),
        ("6-2", Follows::No),
        ("3", Follows::No),
        ("9", Follows::Partly),
    ] {
        code.edit_entry(row, &when, |entry| {
            entry.follows = Some(follows);
            entry.commentary = format!("About {row}");
        });
    }
    let findings = non_compliance(&code);
    let rows: Vec<(&str, Follows)> = findings.iter().map(|f| (f.item.code, f.follows)).collect();
    assert_eq!(rows, [("3", Follows::No), ("6-2", Follows::No), ("9", Follows::Partly)]);
    assert_eq!(findings[1].commentary, "About 6-2");
    let totals = overall(&code);
    assert_eq!(
        (totals.yes, totals.partly, totals.no, totals.answered, totals.items),
        (1, 1, 2, 4, 10)
    );
    assert!(non_compliance(&ncmg()).is_empty());
}

#[test]
fn the_review_falls_a_year_after_completion_unless_set() {
    let mut assessment = ncmg();
    assert_eq!(assessment.review_on(), None);
    assessment.completed = DateInput::new("20", "11", "2025");
    assert_eq!(assessment.review_on(), "2026-11-20".parse().ok());
    assert!(assessment.review_is_default());
    assessment.review = DateInput::new("1", "3", "2027");
    assert_eq!(assessment.review_on(), "2027-03-01".parse().ok());
}

#[test]
fn an_assessment_past_its_review_date_is_a_reminder_until_the_next_one_starts() {
    let mut last = ncmg();
    last.completed = DateInput::new("20", "11", "2025");
    let due = reviews_due(std::slice::from_ref(&last), today());
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].review, "2026-11-20".parse::<NaiveDate>().unwrap());
    assert_eq!(due[0].name, "NCMG good practice principles (2016), 2025 to 2026");
    assert!(reviews_due(std::slice::from_ref(&last), "2026-11-19".parse().unwrap()).is_empty());

    let next = last.copy_as("a-2", "2026 to 2027", &change("2026-11-22T09:00:00Z"));
    assert!(reviews_due(&[last.clone(), next], today()).is_empty());

    let code = Assessment::new("c-1", FrameworkId::Code2024, "", "", &change("2026-01-05T09:00:00Z"));
    assert_eq!(
        reviews_due(&[last, code], today()).len(),
        1,
        "each framework has its own reminder"
    );
}

#[test]
fn dates_typed_wrongly_are_named_and_kept() {
    let mut assessment = ncmg();
    assessment.completed = DateInput::new("31", "2", "2026");
    assessment.edit_plan("2", &change("2026-01-06T09:00:00Z"), |plan| {
        plan.push(PlanItem {
            action: "Advocacy leaflet".into(),
            due: DateInput::new("", "7", "2026"),
            ..PlanItem::default()
        })
    });
    let problems = details_problems(&assessment, today());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, COMPLETED_FIELD);
    assert_eq!(problems[0].message, "Date completed must be a real date");
    let plan = plan_problems(&assessment, "2");
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].field, plan_due_field(0));
    assert_eq!(plan[0].field, "plan-0-due");
    assert_eq!(plan[0].message, "Due date of action 1 must include a day");
    assert_eq!(plan[0].parts, vec![DatePart::Day], "only the missing day is marked");
    assert_eq!(plan[0].anchor(), "plan-0-due-day");
    assert!(plan_problems(&assessment, "1").is_empty(), "each part has its own plan");
    assert_eq!(assessment.completed, DateInput::new("31", "2", "2026"), "kept as typed");

    assessment.completed = DateInput::new("1", "3", "2026");
    assessment.review = DateInput::new("1", "2", "2026");
    assert_eq!(
        details_problems(&assessment, today()),
        vec![Problem::whole_date(
            REVIEW_FIELD,
            "Review date must be after the date completed"
        )]
    );
    assessment.completed = DateInput::new("1", "3", "2027");
    assert_eq!(
        details_problems(&assessment, today())[0].message,
        "Date completed must be today or in the past"
    );
}

#[test]
fn a_month_alone_wrong_marks_only_the_month() {
    let mut assessment = ncmg();
    assessment.completed = DateInput::new("1", "13", "2026");
    let problems = details_problems(&assessment, today());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, COMPLETED_FIELD);
    assert_eq!(problems[0].parts, vec![DatePart::Month]);
    assert_eq!(problems[0].anchor(), "completed-month");

    assessment.completed = DateInput::default();
    assessment.review = DateInput::new("1", "13", "2027");
    let problems = details_problems(&assessment, today());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].anchor(), "review-month");

    assessment.edit_plan("3", &change("2026-01-06T09:00:00Z"), |plan| {
        plan.push(PlanItem::default());
        plan.push(PlanItem {
            due: DateInput::new("1", "13", "2027"),
            ..PlanItem::default()
        })
    });
    let plan = plan_problems(&assessment, "3");
    assert_eq!(plan.len(), 1, "an empty due date is not wrong");
    assert_eq!(plan[0].field, "plan-1-due");
    assert_eq!(plan[0].parts, vec![DatePart::Month]);
    assert_eq!(plan[0].anchor(), "plan-1-due-month");
}

#[test]
fn one_assessment_goes_to_a_file_and_back() {
    let mut assessment = ncmg();
    score(&mut assessment, "5.6", 2);
    let file = one_assessment(&assessment, &exporter());
    let text = file.to_json();
    assert!(text.contains("\"format\": \"redress-export\""));
    assert!(text.contains("\"scope\": \"assessment\""));
    assert_eq!(read(&text).unwrap().assessments, vec![assessment]);
    assert_eq!(file.file_name(), "redress-ncmg-2016-2026-11-22-1000.json");
}

#[test]
fn a_file_with_problems_is_refused_whole_with_each_place_named() {
    let mut assessment = ncmg();
    score(&mut assessment, "1.1", 7);
    score(&mut assessment, "9.9", 1);
    assessment.edit_plan("8", &change("2026-01-06T09:00:00Z"), |plan| {
        plan.push(PlanItem::default())
    });
    let problems = read(&one_assessment(&assessment, &exporter()).to_json()).unwrap_err();
    let places: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        places,
        [
            "assessments[0].entries.1.1.score",
            "assessments[0].entries.9.9",
            "assessments[0].plans.8"
        ]
    );
    assert_eq!(problems[0].message, "A score must be 0, 1, 2 or 3, not 7.");
    assert_eq!(
        problems[1].message,
        "“9.9” is not an area of the NCMG good practice principles (2016)."
    );
}

#[test]
fn starting_names_every_missing_answer_and_can_copy_the_last() {
    let when = change("2026-11-22T09:00:00Z");
    let problems = redress_core::assessment::StartDraft::default()
        .start("n", &[], &when)
        .unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["framework", "organisation", "period"]);
    assert_eq!(problems[2].message, "Enter the period the assessment covers");

    let mut last = ncmg();
    score(&mut last, "4.2", 3);
    let draft = redress_core::assessment::StartDraft {
        framework: "ncmg-2016".into(),
        organisation: " Exampleshire Council ".into(),
        period: "2026 to 2027".into(),
        copy_last: true,
    };
    let copy = draft.start("n", std::slice::from_ref(&last), &when).unwrap();
    assert_eq!(copy.copied_from.as_deref(), Some("a-1"));
    assert_eq!(copy.entry("4.2").and_then(|e| e.score), Some(3));
    let blank = redress_core::assessment::StartDraft {
        copy_last: false,
        ..draft
    }
    .start("m", &[last], &when)
    .unwrap();
    assert!(blank.entries.is_empty() && blank.copied_from.is_none());
    assert_eq!(blank.organisation, "Exampleshire Council");
}

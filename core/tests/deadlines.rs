//! The deadline engine: every built-in procedure's dates worked by hand, statuses, pauses,
//! extensions, closure days, the receipt convention, months and the 12-month limit.

use chrono::NaiveDate;
use redress_core::calendar::{
    ClosureDay, CountingConvention, Nation, Pause, WorkingDayCalendar, add_months, add_working_days,
};
use redress_core::deadline::{Deadline, DeadlineKind, Status, calculate, record_deadlines, stage_deadlines};
use redress_core::procedure::{self, CustomProcedureDraft, CustomStageDraft, Procedure};
use redress_core::record::{DateInput, Extension, Record, RecordDraft, StageEvents};
use redress_core::settings::{ClosureDayDraft, Settings, add_closure_day};

mod common;
use common::dates::date;

fn built_in(id: &str, settings: &Settings) -> Procedure {
    procedure::find(&settings.procedures(), id).unwrap().clone()
}

/// (label, due) of every deadline, for comparing with a table worked by hand.
fn dates(deadlines: &[Deadline]) -> Vec<(String, String)> {
    deadlines.iter().map(|d| (d.label.clone(), d.due.to_string())).collect()
}

fn row(label: &str, due: &str) -> (String, String) {
    (label.to_string(), due.to_string())
}

fn find(deadlines: &[Deadline], kind: DeadlineKind) -> &Deadline {
    deadlines.iter().find(|d| d.kind == kind).unwrap()
}

#[test]
fn lgsco_both_stages() {
    let settings = Settings::default();
    let rules = settings.rules(date("2025-01-01"));
    let lgsco = built_in("lgsco-2024", &settings);
    assert_eq!(
        dates(&calculate(&lgsco, 0, date("2025-12-19"), &rules)),
        vec![
            row("Stage 1 acknowledgement", "2025-12-30"),
            row("Stage 1 response", "2026-01-14"),
            row("Stage 1 response: longest extension allowed", "2026-01-28"),
        ]
    );
    // Stage 2 asked for on Thu 2 Apr 2026, before Easter: 5 WD to acknowledge, then 20, then +20.
    assert_eq!(
        dates(&calculate(&lgsco, 1, date("2026-04-02"), &rules)),
        vec![
            row("Stage 2 acknowledgement", "2026-04-13"),
            row("Stage 2 response", "2026-05-12"),
            row("Stage 2 response: longest extension allowed", "2026-06-10"),
        ]
    );
    // The Housing Ombudsman's code has the same timescales.
    let housing = built_in("housing-ombudsman-2024", &settings);
    assert_eq!(
        dates(&calculate(&housing, 0, date("2025-12-19"), &rules))[1],
        row("Stage 1 response", "2026-01-14")
    );
}

#[test]
fn children_three_stages() {
    let settings = Settings::default();
    let rules = settings.rules(date("2025-01-01"));
    let children = built_in("children-act-1989-2006", &settings);
    assert_eq!(
        dates(&calculate(&children, 0, date("2026-01-05"), &rules)),
        vec![
            row("Stage 1 acknowledgement", "2026-01-08"),
            row("Stage 1 response", "2026-01-19"),
            row("Stage 1 response: longest extension allowed", "2026-02-02"),
            row("Last day to ask for stage 2 (investigation)", "2026-02-16"),
        ]
    );
    // Stage 2: 25 WD, to 65 WD in all; 2 Feb 2026 + 25 WD = 9 Mar; 65 WD in all = 7 May (Good Friday,
    // Easter Monday and the early May bank holiday skipped).
    let stage2 = calculate(&children, 1, date("2026-02-02"), &rules);
    assert_eq!(find(&stage2, DeadlineKind::Response).due, date("2026-03-09"));
    assert_eq!(find(&stage2, DeadlineKind::ExtensionLimit).due, date("2026-05-07"));
    // Stage 3 asked for on Mon 2 Mar 2026: panel within 30 WD, findings 5 WD later, response 15 WD after.
    assert_eq!(
        dates(&calculate(&children, 2, date("2026-03-02"), &rules)),
        vec![
            row("Stage 3 panel meets", "2026-04-15"),
            row("Stage 3 panel’s findings", "2026-04-22"),
            row("Stage 3 council’s response", "2026-05-14"),
        ]
    );
}

#[test]
fn children_stage_2_can_count_from_the_agreed_complaint_statement() {
    let mut settings = Settings::default();
    settings.local_targets.children_stage2_start = procedure::Stage2Start::AgreedStatement;
    let rules = settings.rules(date("2025-01-01"));
    let children = built_in("children-act-1989-2006", &settings);
    let mut events = StageEvents::started(date("2026-02-02"));
    let projected = stage_deadlines(&children, 1, &events, None, &rules);
    assert!(find(&projected, DeadlineKind::Response).projected);
    events.statement_agreed = Some(date("2026-02-09"));
    let counted = stage_deadlines(&children, 1, &events, None, &rules);
    let response = find(&counted, DeadlineKind::Response);
    assert_eq!((response.due, response.projected), (date("2026-03-16"), false));
    assert!(
        response
            .explanation
            .rule
            .contains("the agreed complaint statement, Mon 9 Feb 2026")
    );
}

#[test]
fn a_later_stage_clock_names_the_request_for_it_not_the_date_received() {
    let settings = Settings::default();
    let rules = settings.rules(date("2026-01-19"));
    let rule = |deadlines: &[Deadline], kind: DeadlineKind| find(deadlines, kind).explanation.rule.clone();
    // Children's stage 2 asked for on Mon 19 Jan 2026: 25 working days from the request.
    let children = built_in("children-act-1989-2006", &settings);
    let stage2 = calculate(&children, 1, date("2026-01-19"), &rules);
    assert_eq!(
        rule(&stage2, DeadlineKind::Response),
        "25 working days after the request for stage 2, Mon 19 Jan 2026, which is not itself counted."
    );
    assert_eq!(find(&stage2, DeadlineKind::Response).due, date("2026-02-23"));
    // Where the clock starts at the agreed statement, it counts from the request until then.
    let mut statement = Settings::default();
    statement.local_targets.children_stage2_start = procedure::Stage2Start::AgreedStatement;
    let children = built_in("children-act-1989-2006", &statement);
    let projected = calculate(&children, 1, date("2026-01-19"), &statement.rules(date("2026-01-19")));
    let response = find(&projected, DeadlineKind::Response);
    assert!(
        response
            .explanation
            .rule
            .contains("after the request for stage 2, Mon 19 Jan 2026")
    );
    assert!(
        response
            .explanation
            .notes
            .contains(&"Counted from the request until the complaint statement is agreed.".to_string())
    );
    // Stage 3's panel: 30 working days from the request for stage 3.
    let stage3 = calculate(&children, 2, date("2026-03-02"), &rules);
    assert_eq!(
        rule(&stage3, DeadlineKind::Panel),
        "30 working days after the request for stage 3, Mon 2 Mar 2026, which is not itself counted."
    );
    // The Code's stage 2: acknowledged within 5 working days of the request.
    let lgsco = built_in("lgsco-2024", &settings);
    let code2 = calculate(&lgsco, 1, date("2026-01-19"), &rules);
    assert_eq!(
        rule(&code2, DeadlineKind::Acknowledgement),
        "5 working days after the request for stage 2, Mon 19 Jan 2026, which is not itself counted."
    );
    // Stage 1 still starts on the date received.
    assert!(
        rule(
            &calculate(&lgsco, 0, date("2026-01-05"), &rules),
            DeadlineKind::Acknowledgement
        )
        .starts_with("5 working days after the date received, Mon 5 Jan 2026")
    );

    // On a record, stage 2's explanations name its own start, never stage 1's dates.
    let mut record = record("2025-12-01", "2026-01-05", &settings);
    record.procedure = Some(procedure::ProcedureRef::naming(&lgsco));
    record.stages[0].acknowledged = Some(date("2026-01-06"));
    record.stages[0].responded = Some(date("2026-01-14"));
    record.stages.push(StageEvents::started(date("2026-01-19")));
    for deadline in record_deadlines(&record, &rules).iter().filter(|d| d.stage == Some(1)) {
        let words = format!("{} {}", deadline.explanation.rule, deadline.explanation.notes.join(" "));
        assert!(!words.contains("the date received"), "{}: {words}", deadline.label);
        assert!(!words.contains("5 Jan 2026"), "{}: {words}", deadline.label);
    }
    let acknowledgement = record_deadlines(&record, &rules)
        .into_iter()
        .find(|d| d.stage == Some(1) && d.kind == DeadlineKind::Acknowledgement)
        .unwrap();
    assert!(
        acknowledgement
            .explanation
            .rule
            .contains("the request for stage 2, Mon 19 Jan 2026")
    );

    // A request on a non-working day, counted from the next working day, says so in those words.
    let next_day = Settings {
        counting: CountingConvention::NextWorkingDay,
        ..Settings::default()
    };
    let saturday = calculate(&lgsco, 1, date("2026-01-17"), &next_day.rules(date("2026-01-19")));
    assert_eq!(
        find(&saturday, DeadlineKind::Acknowledgement).explanation.notes,
        vec!["Asked for on Sat 17 Jan 2026, not a working day, so counted as asked for on Mon 19 Jan 2026."]
    );
}

#[test]
fn adults_local_target_agreed_date_and_six_months() {
    let settings = Settings::default();
    let rules = settings.rules(date("2025-01-01"));
    let adults = built_in("social-services-nhs-2009", &settings);
    let mut events = StageEvents::started(date("2026-01-05"));
    assert_eq!(
        dates(&stage_deadlines(&adults, 0, &events, None, &rules)),
        vec![
            row("Complaint acknowledgement", "2026-01-08"),
            row("Complaint response", "2026-02-02"),
            // 5 Jul 2026 is a Sunday.
            row("Complaint six-month limit", "2026-07-06"),
        ]
    );
    events.agreed_response = Some(date("2026-08-03"));
    let agreed = stage_deadlines(&adults, 0, &events, None, &rules);
    assert_eq!(find(&agreed, DeadlineKind::Response).due, date("2026-08-03"));
    assert_eq!(find(&agreed, DeadlineKind::OuterLimit).warnings.len(), 1);
}

#[test]
fn statuses_follow_the_events_and_the_day() {
    let settings = Settings::default();
    let lgsco = built_in("lgsco-2024", &settings);
    let mut events = StageEvents::started(date("2025-12-19"));
    let status_on = |events: &StageEvents, today: &str, kind| {
        find(
            &stage_deadlines(&lgsco, 0, events, None, &settings.rules(date(today))),
            kind,
        )
        .status
        .unwrap()
    };
    use DeadlineKind::Acknowledgement as Ack;
    assert_eq!(status_on(&events, "2025-12-19", Ack), Status::OnTrack);
    assert_eq!(
        status_on(&events, "2025-12-24", Ack),
        Status::DueSoon,
        "2 working days before"
    );
    assert_eq!(status_on(&events, "2025-12-30", Ack), Status::DueToday);
    assert_eq!(status_on(&events, "2026-01-05", Ack), Status::Overdue(3));
    events.acknowledged = Some(date("2025-12-29"));
    assert_eq!(status_on(&events, "2026-01-05", Ack), Status::Met);
    events.acknowledged = Some(date("2026-01-02"));
    assert_eq!(
        status_on(&events, "2026-01-05", Ack),
        Status::MetLate(2),
        "31 Dec and 2 Jan; 1 Jan is a holiday"
    );

    // Recording the acknowledgement ends the projection of the response.
    let deadlines = stage_deadlines(&lgsco, 0, &events, None, &settings.rules(date("2026-01-05")));
    let response = find(&deadlines, DeadlineKind::Response);
    assert_eq!((response.due, response.projected), (date("2026-01-16"), false));
    events.responded = Some(date("2026-01-20"));
    assert_eq!(
        status_on(&events, "2026-02-01", DeadlineKind::Response),
        Status::MetLate(2)
    );
}

#[test]
fn a_pause_stops_the_clock_for_its_working_days() {
    let settings = Settings::default();
    let lgsco = built_in("lgsco-2024", &settings);
    let mut events = StageEvents::started(date("2025-12-19"));
    events.acknowledged = Some(date("2025-12-30"));
    events.pauses.push(Pause {
        from: date("2026-01-05"),
        to: Some(date("2026-01-12")),
        reason: "Waiting for consent".into(),
    });
    let deadlines = stage_deadlines(&lgsco, 0, &events, None, &settings.rules(date("2026-01-20")));
    let response = find(&deadlines, DeadlineKind::Response);
    assert_eq!(response.due, date("2026-01-21"));
    assert_eq!(
        response.explanation.not_counted().unwrap(),
        "Not counted: 6 weekend days; holiday: New Year’s Day (Thu 1 Jan 2026); 5 working days while the clock was paused."
    );
    assert!(
        response
            .explanation
            .notes
            .iter()
            .any(|n| n.contains("Waiting for consent"))
    );

    // A pause still running moves the date on each day it lasts.
    events.pauses[0].to = None;
    let on = |today: &str| {
        find(
            &stage_deadlines(&lgsco, 0, &events, None, &settings.rules(date(today))),
            DeadlineKind::Response,
        )
        .due
    };
    assert!(on("2026-01-13") < on("2026-01-14"));
}

#[test]
fn an_extension_past_the_limit_without_a_good_reason_is_warned() {
    let settings = Settings::default();
    let lgsco = built_in("lgsco-2024", &settings);
    let mut events = StageEvents::started(date("2025-12-19"));
    events.acknowledged = Some(date("2025-12-30"));
    let extension = |to: &str, good_reason| Extension {
        to: date(to),
        reason: "Waiting for the care provider's records".into(),
        good_reason,
        told: Some(date("2026-01-10")),
    };
    let warnings = |events: &StageEvents| {
        find(
            &stage_deadlines(&lgsco, 0, events, None, &settings.rules(date("2026-01-15"))),
            DeadlineKind::Extended,
        )
        .warnings
        .clone()
    };
    events.extensions = vec![extension("2026-01-28", false)];
    assert!(warnings(&events).is_empty(), "the full 10 working days is allowed");
    events.extensions = vec![extension("2026-01-29", false)];
    assert_eq!(
        warnings(&events),
        vec![
            "This extension goes past the longest the procedure allows (Wed 28 Jan 2026) and no good reason is recorded."
        ]
    );
    events.extensions = vec![extension("2026-01-29", true)];
    assert!(warnings(&events).is_empty());
}

#[test]
fn closure_days_count_against_local_targets_only_where_opted_in() {
    let mut settings = add_closure_day(&Settings::default(), date("2026-01-06"), "Staff training").unwrap();
    let children = |settings: &Settings| {
        let procedure = built_in("children-act-1989-2006", settings);
        calculate(&procedure, 0, date("2026-01-05"), &settings.rules(date("2026-01-01")))
    };
    assert_eq!(
        find(&children(&settings), DeadlineKind::Acknowledgement).due,
        date("2026-01-08")
    );
    settings.closures_count_for_local_targets = true;
    let deadlines = children(&settings);
    let acknowledgement = find(&deadlines, DeadlineKind::Acknowledgement);
    assert_eq!(
        acknowledgement.due,
        date("2026-01-09"),
        "the local acknowledgement target skips the closure day"
    );
    assert!(acknowledgement.explanation.holidays_skipped()[0].contains("Staff training"));
    assert_eq!(
        find(&deadlines, DeadlineKind::Response).due,
        date("2026-01-19"),
        "the statutory limit does not"
    );
}

#[test]
fn a_receipt_on_a_non_working_day_can_count_from_the_next_working_day() {
    let mut settings = Settings::default();
    let lgsco = built_in("lgsco-2024", &settings);
    let ack = |settings: &Settings| {
        find(
            &calculate(&lgsco, 0, date("2025-12-20"), &settings.rules(date("2025-01-01"))),
            DeadlineKind::Acknowledgement,
        )
        .clone()
    };
    assert_eq!(ack(&settings).due, date("2025-12-30"));
    settings.counting = CountingConvention::NextWorkingDay;
    let moved = ack(&settings);
    assert_eq!(moved.due, date("2025-12-31"));
    assert_eq!(
        moved.explanation.notes,
        vec!["Received on Sat 20 Dec 2025, not a working day, so counted as received on Mon 22 Dec 2025."]
    );
}

#[test]
fn the_one_off_bank_holidays_of_2020_2022_and_2023_are_skipped() {
    let calendar = WorkingDayCalendar::default();
    // VE Day 2020 was moved to Friday 8 May.
    assert_eq!(
        add_working_days(&calendar, date("2020-05-07"), 1).unwrap().due,
        date("2020-05-11")
    );
    assert_eq!(
        add_working_days(&calendar, date("2020-05-01"), 1).unwrap().due,
        date("2020-05-04"),
        "4 May 2020 was worked"
    );
    // Platinum Jubilee: Thursday 2 and Friday 3 June 2022; the Queen's funeral, Monday 19 September 2022.
    assert_eq!(
        add_working_days(&calendar, date("2022-06-01"), 1).unwrap().due,
        date("2022-06-06")
    );
    assert_eq!(
        add_working_days(&calendar, date("2022-09-16"), 1).unwrap().due,
        date("2022-09-20")
    );
    // The coronation, Monday 8 May 2023.
    assert_eq!(
        add_working_days(&calendar, date("2023-05-05"), 1).unwrap().due,
        date("2023-05-09")
    );
}

#[test]
fn months_keep_the_date_or_take_the_month_end_then_a_working_day() {
    let calendar = WorkingDayCalendar::new(Nation::EnglandAndWales);
    assert_eq!(
        add_months(&calendar, date("2024-01-31"), 1).unwrap().due,
        date("2024-02-29"),
        "a leap year"
    );
    assert_eq!(
        add_months(&calendar, date("2025-01-31"), 1).unwrap().due,
        date("2025-02-28")
    );
    assert_eq!(
        add_months(&calendar, date("2025-08-31"), 6).unwrap().due,
        date("2026-03-02"),
        "Sat 28 Feb moves to Monday"
    );
    assert_eq!(
        add_months(&calendar, date("2025-06-25"), 6).unwrap().due,
        date("2025-12-29"),
        "Christmas and a weekend"
    );
    assert_eq!(
        add_months(&calendar, date("2023-02-28"), 12).unwrap().due,
        date("2024-02-28")
    );
}

fn record(aware: &str, received: &str, settings: &Settings) -> Record {
    let received: NaiveDate = date(received);
    let aware: NaiveDate = date(aware);
    RecordDraft {
        kind: "complaint".into(),
        received: DateInput::from_date(received),
        issue_date: DateInput::default(),
        aware_date: DateInput::from_date(aware),
        service: "Adult social care".into(),
        person_name: String::new(),
        raised_by_name: String::new(),
        summary: "Charged twice for day care.".into(),
        procedure: "social-services-nhs-2009".into(),
    }
    .to_record(
        "id".into(),
        &redress_core::record::Change::new("Sam Officer", "2026-01-01T00:00:00Z".parse().unwrap()),
        date("2026-11-22"),
        &settings.procedures(),
        &[],
    )
    .unwrap()
}

#[test]
fn the_twelve_month_limit_is_checked_at_intake() {
    let settings = Settings::default();
    let rules = settings.rules(date("2026-11-22"));
    let in_time = record("2024-12-19", "2025-12-19", &settings);
    let limit = find(&record_deadlines(&in_time, &rules), DeadlineKind::TimeLimit).clone();
    assert_eq!(
        (limit.due, limit.status_words().unwrap()),
        (date("2025-12-19"), "In time".to_string())
    );
    let late = record("2024-12-19", "2025-12-22", &settings);
    let limit = find(&record_deadlines(&late, &rules), DeadlineKind::TimeLimit).clone();
    assert_eq!(limit.status_words().unwrap(), "Passed: decide whether to accept");
    assert_eq!(limit.warnings.len(), 1);
}

#[test]
fn a_record_keeps_its_procedure_when_the_settings_change() {
    let mut settings = Settings::default();
    let made = record("2025-12-01", "2026-01-05", &settings);
    settings.local_targets.adults_response_days = 15;
    let deadlines = record_deadlines(&made, &settings.rules(date("2026-01-06")));
    assert_eq!(
        find(&deadlines, DeadlineKind::Response).due,
        date("2026-02-02"),
        "still 20 working days"
    );
}

#[test]
fn custom_procedures_are_checked_and_counted() {
    let stage = |name: &str, ack: &str, respond: &str, from: &str, extension: &str, window: &str| CustomStageDraft {
        name: name.into(),
        acknowledge_days: ack.into(),
        response_days: respond.into(),
        response_from: from.into(),
        extension_days: extension.into(),
        next_stage_window: window.into(),
    };
    let draft = CustomProcedureDraft {
        name: "Care provider complaints".into(),
        applies_to: String::new(),
        stages: vec![
            stage("First look", "2", "15", "received", "5", "10"),
            stage("Review", "x", "", "", "", ""),
        ],
    };
    let errors: Vec<(String, String)> = draft
        .to_procedure("custom-1".into())
        .unwrap_err()
        .into_iter()
        .map(|p| (p.field, p.message))
        .collect();
    assert_eq!(
        errors,
        vec![
            (
                "stage-2-acknowledge".to_string(),
                "The stage 2 acknowledgement limit must be a whole number of working days, like 10".to_string()
            ),
            (
                "stage-2-respond".to_string(),
                "Enter the stage 2 response limit".to_string()
            ),
            (
                "stage-2-from".to_string(),
                "Select what the stage 2 response is counted from".to_string()
            ),
        ]
    );
    let draft = CustomProcedureDraft {
        stages: vec![
            stage("First look", "2", "15", "received", "5", "10"),
            stage("Review", "3", "20", "acknowledged", "", ""),
        ],
        ..draft
    };
    let custom = draft.to_procedure("custom-1".into()).unwrap();
    let settings = Settings::default().add_custom_procedure(custom.clone());
    assert!(procedure::find(&settings.procedures(), "custom-1").is_some());
    assert_eq!(
        dates(&calculate(
            &custom,
            0,
            date("2026-01-05"),
            &settings.rules(date("2026-01-01"))
        )),
        vec![
            row("First look acknowledgement", "2026-01-07"),
            row("First look response", "2026-01-26"),
            row("First look response: longest extension allowed", "2026-02-02"),
            row("Last day to ask for stage 2", "2026-02-09"),
        ]
    );
}

#[test]
fn the_next_stage_window_is_met_by_the_request() {
    let settings = Settings::default();
    let children = built_in("children-act-1989-2006", &settings);
    let mut events = StageEvents::started(date("2026-01-05"));
    events.responded = Some(date("2026-01-16"));
    let window = |next: Option<&str>, today: &str| {
        find(
            &stage_deadlines(&children, 0, &events, next.map(date), &settings.rules(date(today))),
            DeadlineKind::NextStageWindow,
        )
        .clone()
    };
    assert_eq!(window(None, "2026-01-20").due, date("2026-02-13"));
    assert_eq!(window(None, "2026-01-20").status_words().unwrap(), "On track");
    assert_eq!(window(None, "2026-02-20").status_words().unwrap(), "Closed");
    assert_eq!(
        window(Some("2026-02-10"), "2026-02-20").status_words().unwrap(),
        "Requested in time"
    );
    let _ = ClosureDay {
        date: date("2026-01-01"),
        name: String::new(),
    };
}

#[test]
fn the_calculator_reads_its_link() {
    use redress_core::deadline::CalculatorQuestion;
    let procedures = Settings::default().procedures();
    assert_eq!(CalculatorQuestion::from_link(None, None, None, &procedures), None);
    let question = CalculatorQuestion::from_link(Some("lgsco-2024"), None, Some("2025-12-19"), &procedures)
        .unwrap()
        .unwrap();
    assert_eq!((question.stage, question.start), (0, date("2025-12-19")));
    assert_eq!(
        question.link(),
        "/calculator?procedure=lgsco-2024&stage=1&start=2025-12-19"
    );
    let answer = question.answer(&Settings::default().rules(date("2025-12-19")));
    assert_eq!(answer[0].due, date("2025-12-30"));
    assert!(
        answer.iter().all(|d| d.status.is_none()),
        "a calculation has no statuses"
    );
    let errors = CalculatorQuestion::from_link(Some("nope"), Some("9"), Some("2025-02-30"), &procedures)
        .unwrap()
        .unwrap_err();
    let fields: Vec<String> = errors.iter().map(|p| p.anchor()).collect();
    assert_eq!(fields, vec!["procedure", "start-day"]);
    assert_eq!(errors[1].parts.len(), 3, "a date in the link: every box");
    let errors = CalculatorQuestion::from_link(Some("lgsco-2024"), Some("3"), Some("2025-12-19"), &procedures)
        .unwrap()
        .unwrap_err();
    assert_eq!(
        errors,
        vec![redress_core::problem::Problem::new(
            "stage",
            "Select a stage of the procedure"
        )]
    );
}

/// The calculator's form opens as its link asks; sent, it makes the link, or names only the
/// date box at fault; a stage the procedure lacks asks about its first.
#[test]
fn the_calculator_form_makes_its_link() {
    use redress_core::deadline::CalculatorDraft;
    use redress_core::record::{DateInput, DatePart};
    let procedures = Settings::default().procedures();
    let opened = CalculatorDraft::from_link(Some("children-act-1989-2006"), Some("2"), Some("2026-02-02"));
    assert_eq!(opened.start, DateInput::new("2", "2", "2026"));
    assert_eq!(opened.stages(&procedures).len(), 3);
    assert_eq!(
        opened.link(&procedures).unwrap(),
        "/calculator?procedure=children-act-1989-2006&stage=2&start=2026-02-02"
    );
    let fresh = CalculatorDraft::from_link(None, None, Some("nonsense"));
    assert_eq!((fresh.stage.as_str(), fresh.start.is_empty()), ("1", true));
    assert!(fresh.stages(&procedures).is_empty());
    let typed = CalculatorDraft {
        procedure: "lgsco-2024".into(),
        stage: "3".into(),
        start: DateInput::new("19", "13", "2025"),
    };
    let problems = typed.link(&procedures).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].field.as_str(), problems[0].parts.as_slice()),
        ("start", &[DatePart::Month][..])
    );
    let typed = CalculatorDraft {
        start: DateInput::new("19", "12", "2025"),
        ..typed
    };
    assert_eq!(
        typed.link(&procedures).unwrap(),
        "/calculator?procedure=lgsco-2024&stage=1&start=2025-12-19"
    );
}

#[test]
fn an_open_extension_carries_the_status_and_the_standard_date_is_for_information() {
    let settings = Settings::default();
    let lgsco = built_in("lgsco-2024", &settings);
    let mut events = StageEvents::started(date("2025-12-19"));
    events.acknowledged = Some(date("2025-12-30"));
    events.extensions = vec![Extension {
        to: date("2026-01-28"),
        reason: "Records".into(),
        good_reason: false,
        told: None,
    }];
    let on = |events: &StageEvents| stage_deadlines(&lgsco, 0, events, None, &settings.rules(date("2026-01-20")));
    let open = on(&events);
    assert_eq!(find(&open, DeadlineKind::Response).status, None);
    assert_eq!(find(&open, DeadlineKind::Extended).status, Some(Status::OnTrack));
    // Once answered, the response is reported against both the standard and the extended date.
    events.responded = Some(date("2026-01-21"));
    let answered = on(&events);
    assert_eq!(find(&answered, DeadlineKind::Response).status, Some(Status::MetLate(5)));
    assert_eq!(find(&answered, DeadlineKind::Extended).status, Some(Status::Met));
}

/// A closure day's date names only the box at fault; a day already closed marks the whole date.
#[test]
fn a_closure_day_is_checked_by_its_date_input() {
    let typed = |day: &str, month: &str, year: &str| ClosureDayDraft {
        date: redress_core::record::DateInput::new(day, month, year),
        name: "  ".into(),
    };
    let problems = typed("29", "13", "2026").apply(&Settings::default()).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].anchor(), "closure-date-month");
    let settings = typed("29", "12", "2026").apply(&Settings::default()).unwrap();
    assert_eq!(settings.closure_days[0].name, "Closure day");
    let again = typed("29", "12", "2026").apply(&settings).unwrap_err();
    assert_eq!(again[0].field, "closure-date");
    assert_eq!(again[0].message, "That date is already a closure day");
    assert_eq!(again[0].parts.len(), 3);
}

/// The procedure form opens with one stage named "Stage 1"; stages are added numbered after the
/// last and removed from the end, never the only one; sent blank, every required box is named
/// by its input's id.
#[test]
fn a_new_procedure_form_adds_and_removes_stages() {
    let mut draft = CustomProcedureDraft::blank();
    assert_eq!(draft.stages, vec![CustomStageDraft::numbered(1)]);
    draft.add_stage();
    assert_eq!(draft.stages[1].name, "Stage 2");
    let fields: Vec<String> = draft
        .to_procedure("custom-1".into())
        .unwrap_err()
        .into_iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(
        fields,
        [
            "custom-name",
            "stage-1-acknowledge",
            "stage-1-respond",
            "stage-1-from",
            "stage-2-acknowledge",
            "stage-2-respond",
            "stage-2-from"
        ]
    );
    draft.remove_last_stage();
    draft.remove_last_stage();
    assert_eq!(draft.stages.len(), 1, "never the only stage");
}

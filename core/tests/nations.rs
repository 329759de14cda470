//! The procedures of Scotland, Northern Ireland and Wales: every date worked by hand against each
//! nation's bank holidays (Christmas and Easter in each; St Andrew's Day in Scotland; St
//! Patrick's Day and 12 July in Northern Ireland), the extensions, the window for stage 2 and the
//! time limits. What the nation chooses (the order, "not sure", the Ombudsman) is in
//! `nations_choices.rs`.

use redress_core::calendar::{Nation, bank_holidays};
use redress_core::deadline::{Deadline, DeadlineKind, Status, calculate, record_deadlines};
use redress_core::procedure::{self, Procedure};
use redress_core::record::{DateInput, EventDraft, EventKind, Record, RecordDraft, record_event};
use redress_core::settings::Settings;

mod common;
use common::dates::{date, today};
use common::records::change;

fn settings(nation: Nation) -> Settings {
    Settings {
        nation,
        ..Settings::default()
    }
}

fn built_in(id: &str, nation: Nation) -> Procedure {
    procedure::find(&settings(nation).procedures(), id).unwrap().clone()
}

/// (label, due) of every deadline of stage `stage` for something received on `start`.
fn dates(id: &str, nation: Nation, stage: usize, start: &str) -> Vec<(String, String)> {
    let rules = settings(nation).rules(today());
    calculate(&built_in(id, nation), stage, date(start), &rules)
        .iter()
        .map(|d| (d.label.clone(), d.due.to_string()))
        .collect()
}

fn row(label: &str, due: &str) -> (String, String) {
    (label.to_string(), due.to_string())
}

/// A complaint under `id` received on `received`, about `service`, the person aware on `aware`.
fn complaint(id: &str, nation: Nation, received: &str, aware: Option<&str>) -> Record {
    let mut record = RecordDraft {
        kind: "complaint".into(),
        received: DateInput::from_date(date(received)),
        service: "Corporate".into(),
        person_name: "Jo Bloggs".into(),
        summary: "Bins not collected".into(),
        procedure: id.into(),
        ..RecordDraft::default()
    }
    .to_record("id-0".into(), &change(), today(), &settings(nation).procedures(), &[])
    .unwrap();
    record.aware_date = aware.map(date);
    record
}

fn with(record: &Record, kind: EventKind, day: &str, extra: impl FnOnce(&mut EventDraft)) -> Record {
    let mut draft = EventDraft {
        kind: kind.code().into(),
        date: DateInput::from_date(date(day)),
        handler: "Ann Handler".into(),
        outcome: "not-upheld".into(),
        ..EventDraft::default()
    };
    extra(&mut draft);
    record_event(record, &draft, today(), &change(), &[]).unwrap()
}

fn find(deadlines: &[Deadline], stage: usize, kind: DeadlineKind) -> Option<&Deadline> {
    deadlines.iter().find(|d| d.stage == Some(stage) && d.kind == kind)
}

#[test]
fn st_andrews_day_is_not_a_working_day_in_scotland_and_its_substitute_monday_neither() {
    // 30 November 2026 is a Monday; in 2025 it fell on a Sunday, so Monday 1 December.
    let scottish = |year| {
        bank_holidays(Nation::Scotland, year)
            .into_iter()
            .map(|h| h.date)
            .collect::<Vec<_>>()
    };
    assert!(scottish(2026).contains(&date("2026-11-30")));
    assert!(scottish(2025).contains(&date("2025-12-01")));
    // SPSO stage 1 received Wed 25 Nov 2026: Thu 26, Fri 27, (Mon 30 St Andrew's Day), Tue 1,
    // Wed 2, Thu 3 Dec. An English organisation would owe it on Wed 2 Dec.
    assert_eq!(
        dates("spso-mchp-2020", Nation::Scotland, 0, "2026-11-25"),
        [
            row("Stage 1 response", "2026-12-03"),
            row("Stage 1 response: longest extension allowed", "2026-12-10"),
            // Two months after the response deadline, until the response is sent.
            row("Last day to ask for stage 2 (investigation)", "2027-02-03"),
        ]
    );
    assert_eq!(
        dates("spso-mchp-2020", Nation::EnglandAndWales, 0, "2026-11-25")[0],
        row("Stage 1 response", "2026-12-02")
    );
    // Received Thu 27 Nov 2025: Fri 28, (Mon 1 Dec, St Andrew's Day's substitute), Tue 2 … Fri 5.
    assert_eq!(
        dates("spso-mchp-2020", Nation::Scotland, 0, "2025-11-27")[0],
        row("Stage 1 response", "2025-12-05")
    );
}

#[test]
fn spso_over_christmas_and_easter_in_scotland() {
    // Received Fri 19 Dec 2025: Mon 22, Tue 23, Wed 24, (Christmas, Boxing Day) Mon 29, Tue 30.
    // Extended to 10 in all: Wed 31, (1 and 2 January: both Scottish bank holidays) Mon 5 … Thu 8.
    assert_eq!(
        dates("spso-mchp-2020", Nation::Scotland, 0, "2025-12-19"),
        [
            row("Stage 1 response", "2025-12-30"),
            row("Stage 1 response: longest extension allowed", "2026-01-08"),
            // 30 Dec + 2 months: 28 Feb (there is no 30 Feb), a Saturday, so Mon 2 Mar.
            row("Last day to ask for stage 2 (investigation)", "2026-03-02"),
        ]
    );
    // Stage 2 asked for on Thu 2 Apr 2026: Good Friday is skipped, Easter Monday is not a
    // Scottish bank holiday. Acknowledge by Wed 8 Apr; respond by Fri 1 May (20 working days),
    // with no fixed longest extension.
    assert_eq!(
        dates("spso-mchp-2020", Nation::Scotland, 1, "2026-04-02"),
        [
            row("Stage 2 acknowledgement", "2026-04-08"),
            row("Stage 2 response", "2026-05-01"),
        ]
    );
}

#[test]
fn nipso_over_christmas_easter_st_patricks_day_and_the_twelfth() {
    // Stage 1 received Wed 8 Jul 2026: Thu 9, Fri 10, (Mon 13: 12 July falls on a Sunday, its
    // substitute day) Tue 14, Wed 15, Thu 16; 10 working days in all by Thu 23 Jul.
    assert!(
        bank_holidays(Nation::NorthernIreland, 2026)
            .iter()
            .any(|h| h.date == date("2026-07-13"))
    );
    assert_eq!(
        dates("nipso-lg-mchp-2024", Nation::NorthernIreland, 0, "2026-07-08"),
        [
            row("Stage 1 response", "2026-07-16"),
            row("Stage 1 response: longest extension allowed", "2026-07-23"),
            row("Last day to ask for stage 2 (investigation)", "2026-09-16"),
        ]
    );
    // St Patrick's Day, Tue 17 Mar 2026: received Fri 13 Mar, due Mon 23 Mar.
    assert_eq!(
        dates("nipso-lg-mchp-2024", Nation::NorthernIreland, 0, "2026-03-13")[0],
        row("Stage 1 response", "2026-03-23")
    );
    // Easter: Good Friday and Easter Monday. Received Thu 2 Apr 2026: Tue 7 … Mon 13 Apr.
    assert_eq!(
        dates("nipso-lg-mchp-2024", Nation::NorthernIreland, 0, "2026-04-02")[0],
        row("Stage 1 response", "2026-04-13")
    );
    // Christmas: stage 2 asked for on Mon 22 Dec 2025. Acknowledge by Mon 29 Dec; respond in 20
    // working days, 2 January being a working day in Northern Ireland: Thu 22 Jan 2026.
    assert_eq!(
        dates("nipso-lg-mchp-2024", Nation::NorthernIreland, 1, "2025-12-22"),
        [
            row("Stage 2 acknowledgement", "2025-12-29"),
            row("Stage 2 response", "2026-01-22"),
        ]
    );
}

#[test]
fn welsh_social_services_over_christmas_and_easter() {
    // Received Mon 22 Dec 2025: acknowledge by Wed 24 Dec (reg 15(2)); the discussion within 10
    // working days of that: (Christmas, Boxing Day, New Year's Day) Mon 12 Jan; the written
    // resolution 5 working days after it: Mon 19 Jan.
    assert_eq!(
        dates("wales-social-services-2014", Nation::Wales, 0, "2025-12-22"),
        [
            row("Stage 1 acknowledgement", "2025-12-24"),
            row("Stage 1 discussion", "2026-01-12"),
            row("Stage 1 written resolution", "2026-01-19"),
        ]
    );
    // The formal investigation asked for on Thu 2 Apr 2026: 25 working days of the request,
    // skipping Good Friday, Easter Monday and the early May bank holiday: Tue 12 May.
    assert_eq!(
        dates("wales-social-services-2014", Nation::Wales, 1, "2026-04-02"),
        [row("Stage 2 response", "2026-05-12")]
    );
}

#[test]
fn the_psow_model_policy_over_christmas_and_easter() {
    // Stage 1 in 10 working days from Fri 19 Dec 2025: Wed 7 Jan 2026.
    assert_eq!(
        dates("psow-model-policy", Nation::Wales, 0, "2025-12-19"),
        [row("Stage 1 response", "2026-01-07")]
    );
    // Stage 2 from Thu 2 Apr 2026: acknowledge by Mon 13 Apr, respond by Tue 5 May.
    assert_eq!(
        dates("psow-model-policy", Nation::Wales, 1, "2026-04-02"),
        [
            row("Stage 2 acknowledgement", "2026-04-13"),
            row("Stage 2 response", "2026-05-05"),
        ]
    );
}

#[test]
fn wales_keeps_england_and_waless_bank_holidays() {
    for year in [2025, 2026, 2027] {
        assert_eq!(
            bank_holidays(Nation::Wales, year),
            bank_holidays(Nation::EnglandAndWales, year)
        );
    }
}

#[test]
fn each_date_names_the_rule_of_its_procedure() {
    let rules = settings(Nation::Scotland).rules(today());
    let spso = built_in("spso-mchp-2020", Nation::Scotland);
    let stage_2 = calculate(&spso, 1, date("2026-04-02"), &rules);
    let notes = |kind| {
        stage_2
            .iter()
            .find(|d| d.kind == kind)
            .unwrap()
            .explanation
            .notes
            .join(" ")
    };
    assert!(
        notes(DeadlineKind::Acknowledgement)
            .contains("SPSO model, stage 2: acknowledge receipt within three working days")
    );
    assert!(notes(DeadlineKind::Response).contains("revised time limits told to the person"));
    let stage_1 = calculate(&spso, 0, date("2026-11-25"), &rules);
    assert!(
        stage_1[0]
            .explanation
            .holidays_skipped()
            .iter()
            .any(|h| h.contains("St Andrew"))
    );

    let wales = built_in("wales-social-services-2014", Nation::Wales);
    let rules = settings(Nation::Wales).rules(today());
    let stage_1 = calculate(&wales, 0, date("2025-12-22"), &rules);
    assert!(stage_1[0].explanation.notes[0].contains("reg 15(2)"));
    assert!(stage_1[1].explanation.notes[0].contains("reg 16(3)"));
    assert!(stage_1[2].explanation.notes[0].contains("reg 16(5)"));
    // England's explanations are as they were: no rule note added.
    let lgsco = built_in("lgsco-2024", Nation::EnglandAndWales);
    let english = calculate(
        &lgsco,
        0,
        date("2025-12-19"),
        &settings(Nation::EnglandAndWales).rules(today()),
    );
    assert!(english[0].explanation.notes.is_empty());
}

#[test]
fn an_spso_stage_1_extension_past_10_working_days_needs_a_good_reason() {
    let record = complaint("spso-mchp-2020", Nation::Scotland, "2025-12-19", None);
    let rules = settings(Nation::Scotland).rules(date("2026-01-05"));
    let extend = |to: &str, good: bool| {
        with(&record, EventKind::Extended, to, |d| {
            d.reason = "The manager is away".into();
            d.good_reason = good;
        })
    };
    let within = record_deadlines(&extend("2026-01-08", false), &rules);
    let extended = find(&within, 0, DeadlineKind::Extended).unwrap();
    assert_eq!(extended.due, date("2026-01-08"));
    assert!(
        !extended
            .warnings
            .iter()
            .any(|w| w.contains("longest the procedure allows"))
    );
    let past = record_deadlines(&extend("2026-01-09", false), &rules);
    assert!(
        find(&past, 0, DeadlineKind::Extended)
            .unwrap()
            .warnings
            .iter()
            .any(|w| w.contains("longest the procedure allows (Thu 8 Jan 2026)"))
    );
    let good = record_deadlines(&extend("2026-01-09", true), &rules);
    assert!(
        !find(&good, 0, DeadlineKind::Extended)
            .unwrap()
            .warnings
            .iter()
            .any(|w| w.contains("longest"))
    );
}

#[test]
fn an_spso_stage_2_response_goes_to_a_revised_date_with_no_fixed_limit() {
    let record = complaint("spso-mchp-2020", Nation::Scotland, "2025-12-19", None);
    let record = with(&record, EventKind::Responded, "2025-12-29", |_| {});
    let record = with(&record, EventKind::NextStageRequested, "2026-01-05", |_| {});
    let rules = settings(Nation::Scotland).rules(date("2026-01-06"));
    assert!(redress_core::record::available_events(&record, &[]).contains(&EventKind::Extended));
    let record = with(&record, EventKind::Extended, "2026-03-20", |d| {
        d.reason = "Waiting for a witness".into();
    });
    let deadlines = record_deadlines(&record, &rules);
    assert!(
        find(&deadlines, 1, DeadlineKind::ExtensionLimit).is_none(),
        "no fixed limit"
    );
    let extended = find(&deadlines, 1, DeadlineKind::Extended).unwrap();
    assert_eq!(extended.due, date("2026-03-20"));
    assert_eq!(extended.status, Some(Status::OnTrack));
    assert!(
        extended
            .warnings
            .iter()
            .any(|w| w.contains("Record when the person was told"))
    );
    assert!(!extended.warnings.iter().any(|w| w.contains("longest")));
    assert!(extended.explanation.notes.iter().any(|n| n.contains("no fixed limit")));
    // The standard date is shown, its status taken over by the revised one.
    assert_eq!(find(&deadlines, 1, DeadlineKind::Response).unwrap().status, None);
}

#[test]
fn the_spso_window_for_stage_2_is_two_months_after_stage_1_or_six_after_finding_out() {
    let rules = settings(Nation::Scotland).rules(date("2026-01-05"));
    // Answered Tue 30 Dec 2025: two months on is 28 Feb 2026 (no 30 Feb), a Saturday: Mon 2 Mar.
    let answered = |aware| {
        let record = complaint("spso-mchp-2020", Nation::Scotland, "2025-12-19", aware);
        with(&record, EventKind::Responded, "2025-12-30", |_| {})
    };
    let deadlines = record_deadlines(&answered(None), &rules);
    let window = find(&deadlines, 0, DeadlineKind::NextStageWindow).unwrap();
    assert_eq!(window.label, "Last day to ask for stage 2 (investigation)");
    assert_eq!(window.due, date("2026-03-02"));
    assert!(window.explanation.rule.starts_with("2 months after the response"));
    assert!(window.explanation.notes[0].contains("within 6 months of the event"));
    // Found out on Mon 1 Dec 2025: six months on, Mon 1 Jun 2026, is later, so it counts.
    let deadlines = record_deadlines(&answered(Some("2025-12-01")), &rules);
    let window = find(&deadlines, 0, DeadlineKind::NextStageWindow).unwrap();
    assert_eq!(window.due, date("2026-06-01"));
    assert!(
        window
            .explanation
            .rule
            .starts_with("6 months after the date the person became aware")
    );
    // Found out long before: the two months after the response count.
    let deadlines = record_deadlines(&answered(Some("2025-07-01")), &rules);
    assert_eq!(
        find(&deadlines, 0, DeadlineKind::NextStageWindow).unwrap().due,
        date("2026-03-02")
    );
    // The same rule in Northern Ireland.
    let record = complaint("nipso-lg-mchp-2024", Nation::NorthernIreland, "2025-12-19", None);
    let record = with(&record, EventKind::Responded, "2025-12-30", |_| {});
    let rules = settings(Nation::NorthernIreland).rules(date("2026-01-05"));
    assert_eq!(
        find(&record_deadlines(&record, &rules), 0, DeadlineKind::NextStageWindow)
            .unwrap()
            .due,
        date("2026-03-02")
    );
}

#[test]
fn the_time_limit_is_six_months_in_scotland_northern_ireland_and_the_psow_model_and_twelve_for_welsh_social_services() {
    for (id, nation, months, due) in [
        ("spso-mchp-2020", Nation::Scotland, 6, "2026-06-01"),
        ("nipso-lg-mchp-2024", Nation::NorthernIreland, 6, "2026-06-01"),
        ("psow-model-policy", Nation::Wales, 6, "2026-06-01"),
        ("wales-social-services-2014", Nation::Wales, 12, "2026-12-01"),
        ("lgsco-2024", Nation::EnglandAndWales, 12, "2026-12-01"),
    ] {
        // Aware on Mon 1 Dec 2025; received Mon 22 Jun 2026, after six months.
        let record = complaint(id, nation, "2026-06-22", Some("2025-12-01"));
        let deadlines = record_deadlines(&record, &settings(nation).rules(date("2026-06-22")));
        let limit = deadlines.iter().find(|d| d.kind == DeadlineKind::TimeLimit).unwrap();
        assert_eq!(
            limit.label,
            format!("{months}-month time limit for making the complaint"),
            "{id}"
        );
        assert_eq!(limit.due, date(due), "{id}");
        assert_eq!(
            !limit.warnings.is_empty(),
            months == 6,
            "{id}: late only under six months"
        );
        assert_eq!(
            limit.explanation.notes.is_empty(),
            id == "lgsco-2024",
            "{id}: the rule named"
        );
    }
}

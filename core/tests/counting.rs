//! The counting rule and the first-stage deadlines, on DOMAIN.md's worked example and around
//! Christmas and Easter; with properties that hold for every start and length.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use redress_core::calendar::{Nation, NonWorkingReason, WorkingDayCalendar, add_working_days};
use redress_core::deadline::{DeadlineKind, calculate};
use redress_core::procedure;
use redress_core::settings::Settings;

mod common;
use common::dates::date;

fn lgsco_dates(received: &str) -> (NaiveDate, NaiveDate, NaiveDate) {
    let settings = Settings::default();
    let procedures = settings.procedures();
    let lgsco = procedure::find(&procedures, "lgsco-2024").unwrap();
    let deadlines = calculate(lgsco, 0, date(received), &settings.rules(date("2025-01-01")));
    let due = |kind| deadlines.iter().find(|d| d.kind == kind).unwrap().due;
    (
        due(DeadlineKind::Acknowledgement),
        due(DeadlineKind::Response),
        due(DeadlineKind::ExtensionLimit),
    )
}

#[test]
fn domain_worked_example_received_friday_19_december_2025() {
    assert_eq!(
        lgsco_dates("2025-12-19"),
        (date("2025-12-30"), date("2026-01-14"), date("2026-01-28"))
    );
}

#[test]
fn lgsco_stage_1_around_christmas_and_easter() {
    // Each row: received, acknowledgement due, response due, extension limit, worked by hand.
    let rows = [
        // Christmas Eve 2025 (Wed): 25, 26 Dec and 1 Jan are bank holidays.
        ("2025-12-24", "2026-01-05", "2026-01-19", "2026-02-02"),
        // Received on Christmas Day itself: the day received is never counted.
        ("2025-12-25", "2026-01-05", "2026-01-19", "2026-02-02"),
        // Christmas 2021 fell on a Saturday: substitute days Mon 27 and Tue 28 Dec.
        ("2021-12-23", "2022-01-04", "2022-01-18", "2022-02-01"),
        // Maundy Thursday 2026: Good Friday 3 Apr and Easter Monday 6 Apr are skipped.
        ("2026-04-02", "2026-04-13", "2026-04-27", "2026-05-12"),
        // Easter Saturday 2025 (Good Friday 18 Apr, Easter Monday 21 Apr).
        ("2025-04-19", "2025-04-28", "2025-05-13", "2025-05-28"),
    ];
    for (received, ack, response, extended) in rows {
        assert_eq!(
            lgsco_dates(received),
            (date(ack), date(response), date(extended)),
            "received {received}"
        );
    }
}

#[test]
fn the_explanation_names_the_holidays_skipped() {
    let settings = Settings::default();
    let procedures = settings.procedures();
    let lgsco = procedure::find(&procedures, "lgsco-2024").unwrap();
    let deadlines = calculate(lgsco, 0, date("2025-12-19"), &settings.rules(date("2025-01-01")));
    let acknowledgement = &deadlines[0].explanation;
    assert_eq!(
        acknowledgement.rule,
        "5 working days after the date received, Fri 19 Dec 2025, which is not itself counted."
    );
    assert_eq!(
        acknowledgement.holidays_skipped(),
        vec!["Christmas Day (Thu 25 Dec 2025)", "Boxing Day (Fri 26 Dec 2025)"]
    );
    assert_eq!(
        acknowledgement.not_counted().unwrap(),
        "Not counted: 4 weekend days; holidays: Christmas Day (Thu 25 Dec 2025), Boxing Day (Fri 26 Dec 2025)."
    );
    assert!(
        deadlines[1].projected,
        "a response counted from an unrecorded acknowledgement is projected"
    );
    assert!(!deadlines[0].projected);
}

#[test]
fn scotland_counts_its_own_holidays() {
    // 2 January is a holiday in Scotland only.
    let scotland = WorkingDayCalendar::new(Nation::Scotland);
    let england = WorkingDayCalendar::new(Nation::EnglandAndWales);
    assert_eq!(
        add_working_days(&england, date("2026-01-01"), 1).unwrap().due,
        date("2026-01-02")
    );
    assert_eq!(
        add_working_days(&scotland, date("2026-01-01"), 1).unwrap().due,
        date("2026-01-05")
    );
}

proptest! {
    #[test]
    fn a_due_date_is_a_working_day_with_exactly_n_working_days_after_the_start(
        offset in 0u64..40_000, n in 1u32..70,
    ) {
        let calendar = WorkingDayCalendar::default();
        let start = date("1990-01-01") + Days::new(offset);
        let counted = add_working_days(&calendar, start, n).unwrap();
        prop_assert!(calendar.is_working_day(counted.due));
        let working = start.iter_days().skip(1).take_while(|d| *d <= counted.due)
            .filter(|d| calendar.is_working_day(*d)).count();
        prop_assert_eq!(working, n as usize);
        for skipped in &counted.skipped {
            prop_assert!(!calendar.is_working_day(skipped.date));
            if skipped.reason == NonWorkingReason::Weekend {
                prop_assert!(skipped.date.weekday().number_from_monday() >= 6);
            }
        }
    }

    #[test]
    fn a_later_start_never_gives_an_earlier_due_date(offset in 0u64..40_000, n in 0u32..70) {
        let calendar = WorkingDayCalendar::default();
        let start = date("1990-01-01") + Days::new(offset);
        let next = start + Days::new(1);
        prop_assert!(add_working_days(&calendar, next, n).unwrap().due >= add_working_days(&calendar, start, n).unwrap().due);
    }
}

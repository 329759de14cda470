//! The counting rules of DOMAIN.md:
//! - "within N working days of day D" is the N-th working day after D; D itself is never
//!   counted, whether or not it is a working day (received Fri 19 Dec 2025, acknowledgement due
//!   Tue 30 Dec 2025);
//! - where the organisation chooses, a receipt on a non-working day counts as received on the
//!   next working day;
//! - "N months after" is the same date N months on, the month's last day where there is no such
//!   date, moved to the next working day if it is not one;
//! - days while the clock is paused do not count.
//!
//! Every count is checked: a date that would fall past the end of chrono's calendar, or a count
//! that would walk more than [`LONGEST_WALK`] days, gives `None`, and the deadline is not shown.
//! A stored or imported record can hold any date, and a panic in the browser stops the app.

use super::bank_holidays::{BankHoliday, HOLIDAY_YEARS, with_holidays};
use super::{NonWorkingReason, WorkingDayCalendar};
use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The most days one count walks: about 55 years, far longer than any limit a procedure sets
/// even with the clock paused for decades, and short enough that a nonsense value costs
/// milliseconds per deadline, not seconds.
pub const LONGEST_WALK: u32 = 20_000;

/// [`WorkingDayCalendar::non_working_reason`] for days taken in order, with each year's bank
/// holidays fetched once rather than looked up for every day.
struct Walk<'a> {
    calendar: &'a WorkingDayCalendar,
    year: Option<i32>,
    holidays: Vec<BankHoliday>,
}

impl<'a> Walk<'a> {
    fn new(calendar: &'a WorkingDayCalendar) -> Self {
        Self {
            calendar,
            year: None,
            holidays: Vec::new(),
        }
    }

    fn reason(&mut self, date: NaiveDate) -> Option<NonWorkingReason> {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            return Some(NonWorkingReason::Weekend);
        }
        if self.year != Some(date.year()) {
            self.year = Some(date.year());
            self.holidays = with_holidays(self.calendar.nation, date.year(), <[BankHoliday]>::to_vec);
        }
        if let Some(holiday) = self.holidays.iter().find(|h| h.date == date) {
            return Some(NonWorkingReason::BankHoliday(holiday.name.clone()));
        }
        self.calendar
            .closures
            .iter()
            .find(|closure| closure.date == date)
            .map(|closure| NonWorkingReason::Closure(closure.name.clone()))
    }
}

/// How a receipt on a non-working day is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CountingConvention {
    /// Count from the day received, whatever day it is (the rule in DOMAIN.md).
    #[default]
    FromDayReceived,
    /// A receipt on a non-working day counts as received on the next working day.
    NextWorkingDay,
}

impl CountingConvention {
    /// The day counting starts from for something received on `received`; `None` only when
    /// there is no working day left before the end of the calendar.
    pub fn start(self, calendar: &WorkingDayCalendar, received: NaiveDate) -> Option<NaiveDate> {
        match self {
            CountingConvention::FromDayReceived => Some(received),
            CountingConvention::NextWorkingDay => calendar.this_or_next_working_day(received),
        }
    }
}

/// A period when the clock stopped: from `from` (not counted) until it resumed on `to` (counted
/// again). An open pause (`to` is `None`) is still running.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Pause {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub reason: String,
}

impl Pause {
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.from && self.to.is_none_or(|to| date < to)
    }
}

/// A day passed over while counting, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SkippedDay {
    pub date: NaiveDate,
    pub reason: NonWorkingReason,
}

/// The result of counting: the due date and every day passed over on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Counted {
    pub due: NaiveDate,
    pub skipped: Vec<SkippedDay>,
}

/// The `n`-th working day after `start`. With `n == 0` the answer is `start` itself. `None`
/// when that day is past the end of the calendar or more than [`LONGEST_WALK`] days away.
pub fn add_working_days(calendar: &WorkingDayCalendar, start: NaiveDate, n: u32) -> Option<Counted> {
    add_working_days_paused(calendar, start, n, &[])
}

/// As [`add_working_days`], with the days inside `pauses` not counted either. An open pause
/// never ends, so callers close it (for example at today) before counting.
pub fn add_working_days_paused(
    calendar: &WorkingDayCalendar,
    start: NaiveDate,
    n: u32,
    pauses: &[Pause],
) -> Option<Counted> {
    // Each working day is at least one calendar day on, so a count this long can never finish.
    if n > LONGEST_WALK {
        return None;
    }
    let mut date = start;
    let mut counted = 0;
    let mut walked = 0u32;
    let mut skipped = Vec::new();
    let mut walk = Walk::new(calendar);
    while counted < n {
        walked += 1;
        if walked > LONGEST_WALK {
            return None;
        }
        date = date.succ_opt()?;
        let reason = walk.reason(date).or_else(|| {
            pauses
                .iter()
                .any(|p| p.covers(date))
                .then_some(NonWorkingReason::Paused)
        });
        match reason {
            None => counted += 1,
            Some(reason) => skipped.push(SkippedDay { date, reason }),
        }
    }
    Some(Counted { due: date, skipped })
}

/// Weekdays from a fixed Monday up to and including `date` (negative before it): the
/// difference of two of these is the weekdays between them, whatever their distance.
fn weekdays_through(date: NaiveDate) -> i64 {
    // Day 1 of the common era, 1 January 1, was a Monday.
    let from_monday = i64::from(date.num_days_from_ce()) - 1;
    5 * from_monday.div_euclid(7) + (from_monday.rem_euclid(7) + 1).min(5)
}

/// The working days after `from` up to and including `to`; 0 when `to` is not after `from`.
///
/// Worked out by arithmetic, not by walking each day: weekdays in the span, less the distinct
/// bank holidays and closure days that fall on them. A record received a century ago costs a
/// look at each year's holidays, not 36,000 days.
pub fn working_days_between(calendar: &WorkingDayCalendar, from: NaiveDate, to: NaiveDate) -> u32 {
    if to <= from {
        return 0;
    }
    let weekdays = weekdays_through(to) - weekdays_through(from);
    let in_span =
        |date: &NaiveDate| *date > from && *date <= to && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    // Each year's list is sorted; equal neighbours (never expected) would count once.
    let mut off: i64 = 0;
    let first_year = from.year().max(*HOLIDAY_YEARS.start());
    let last_year = to.year().min(*HOLIDAY_YEARS.end());
    for year in first_year..=last_year {
        with_holidays(calendar.nation, year, |holidays| {
            let mut previous = None;
            for date in holidays.iter().map(|h| h.date) {
                if in_span(&date) && previous != Some(date) {
                    off += 1;
                }
                previous = Some(date);
            }
        });
    }
    // Closure days on a bank holiday, or named twice, are already off once.
    let mut closures: Vec<NaiveDate> = calendar
        .closures
        .iter()
        .map(|c| c.date)
        .filter(in_span)
        .filter(|date| {
            !with_holidays(calendar.nation, date.year(), |holidays| {
                holidays.iter().any(|h| h.date == *date)
            })
        })
        .collect();
    crate::order::sort_dedup(&mut closures);
    off = off.saturating_add(i64::try_from(closures.len()).unwrap_or(i64::MAX));
    let working = weekdays.saturating_sub(off);
    u32::try_from(working.max(0)).unwrap_or(u32::MAX)
}

/// `months` after `start`: the same date (or the month's last day), then the next working day.
/// `skipped` holds the days passed over to reach a working day. `None` past the end of the
/// calendar.
pub fn add_months(calendar: &WorkingDayCalendar, start: NaiveDate, months: u32) -> Option<Counted> {
    let same_date = start.checked_add_months(Months::new(months))?;
    let mut date = same_date;
    let mut skipped = Vec::new();
    let mut walked = 0u32;
    let mut walk = Walk::new(calendar);
    while let Some(reason) = walk.reason(date) {
        skipped.push(SkippedDay { date, reason });
        walked += 1;
        if walked > LONGEST_WALK {
            return None;
        }
        date = date.succ_opt()?;
    }
    Some(Counted { due: date, skipped })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{ClosureDay, Nation};
    use proptest::prelude::*;

    /// The day-by-day count that [`working_days_between`] replaces.
    fn walked(calendar: &WorkingDayCalendar, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut n = 0;
        let mut day = from;
        while let Some(next) = day.succ_opt().filter(|d| *d <= to) {
            if calendar.is_working_day(next) {
                n += 1;
            }
            day = next;
        }
        n
    }

    fn date(days: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(1860, 1, 1)
            .and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(days)))
            .unwrap_or_default()
    }

    proptest! {
        #[test]
        fn working_days_between_matches_walking_each_day(
            from in 0i64..260_000,
            span in 0i64..4_000,
            closures in proptest::collection::vec(0i64..4_000, 0..6),
            nation in 0usize..4,
        ) {
            let calendar = WorkingDayCalendar::with_closures(
                Nation::ALL[nation],
                closures
                    .iter()
                    .map(|c| ClosureDay { date: date(from + c), name: "Closed".into() })
                    .chain(closures.first().map(|c| ClosureDay { date: date(from + c), name: "Twice".into() }))
                    .collect(),
            );
            let (from, to) = (date(from), date(from + span));
            prop_assert_eq!(working_days_between(&calendar, from, to), walked(&calendar, from, to));
            prop_assert_eq!(working_days_between(&calendar, to, from), 0);
        }
    }

    #[test]
    fn a_century_of_working_days_is_counted_right_without_walking_it() {
        let closures = vec![
            ClosureDay {
                date: NaiveDate::from_ymd_opt(1999, 12, 29).unwrap(),
                name: "Closed".into(),
            },
            // On a bank holiday: already off.
            ClosureDay {
                date: NaiveDate::from_ymd_opt(2025, 12, 25).unwrap(),
                name: "Christmas".into(),
            },
        ];
        for nation in Nation::ALL {
            let calendar = WorkingDayCalendar::with_closures(nation, closures.clone());
            let from = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
            let to = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
            assert_eq!(
                working_days_between(&calendar, from, to),
                walked(&calendar, from, to),
                "{nation:?}"
            );
        }
    }

    #[test]
    fn the_ends_of_time_give_none_or_a_number_never_a_panic() {
        let calendar = WorkingDayCalendar::new(Nation::EnglandAndWales);
        assert_eq!(add_working_days(&calendar, NaiveDate::MAX, 1), None);
        assert_eq!(add_working_days(&calendar, NaiveDate::MIN, u32::MAX), None);
        assert_eq!(add_months(&calendar, NaiveDate::MAX, 1), None);
        assert_eq!(add_months(&calendar, NaiveDate::MIN, u32::MAX), None);
        assert_eq!(
            calendar.this_or_next_working_day(NaiveDate::MAX),
            calendar.is_working_day(NaiveDate::MAX).then_some(NaiveDate::MAX)
        );
        let all = working_days_between(&calendar, NaiveDate::MIN, NaiveDate::MAX);
        assert!(all > 60_000_000, "{all}");
        let early = add_working_days(&calendar, NaiveDate::MIN, 10).map(|c| c.due);
        assert_eq!(
            early.map(|due| working_days_between(&calendar, NaiveDate::MIN, due)),
            Some(10)
        );
    }
}

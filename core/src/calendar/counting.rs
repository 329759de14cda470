//! The counting rules of DOMAIN.md:
//! - "within N working days of day D" is the N-th working day after D; D itself is never
//!   counted, whether or not it is a working day (received Fri 19 Dec 2025, acknowledgement due
//!   Tue 30 Dec 2025);
//! - where the organisation chooses, a receipt on a non-working day counts as received on the
//!   next working day;
//! - "N months after" is the same date N months on, the month's last day where there is no such
//!   date, moved to the next working day if it is not one;
//! - days while the clock is paused do not count.

use super::{NonWorkingReason, WorkingDayCalendar};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

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
    /// The day counting starts from for something received on `received`.
    pub fn start(self, calendar: &WorkingDayCalendar, received: NaiveDate) -> NaiveDate {
        match self {
            CountingConvention::FromDayReceived => received,
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

/// The `n`-th working day after `start`. With `n == 0` the answer is `start` itself.
pub fn add_working_days(calendar: &WorkingDayCalendar, start: NaiveDate, n: u32) -> Counted {
    add_working_days_paused(calendar, start, n, &[])
}

/// As [`add_working_days`], with the days inside `pauses` not counted either. An open pause
/// never ends, so callers close it (for example at today) before counting.
pub fn add_working_days_paused(calendar: &WorkingDayCalendar, start: NaiveDate, n: u32, pauses: &[Pause]) -> Counted {
    let mut date = start;
    let mut counted = 0;
    let mut skipped = Vec::new();
    while counted < n {
        date = date.succ_opt().expect("dates stay far from the end of time");
        let reason = calendar.non_working_reason(date).or_else(|| {
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
    Counted { due: date, skipped }
}

/// The working days after `from` up to and including `to`; 0 when `to` is not after `from`.
pub fn working_days_between(calendar: &WorkingDayCalendar, from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| calendar.is_working_day(*d))
        .count() as u32
}

/// `months` after `start`: the same date (or the month's last day), then the next working day.
/// `skipped` holds the days passed over to reach a working day.
pub fn add_months(calendar: &WorkingDayCalendar, start: NaiveDate, months: u32) -> Counted {
    let same_date = start
        .checked_add_months(Months::new(months))
        .expect("dates stay far from the end of time");
    let mut date = same_date;
    let mut skipped = Vec::new();
    while let Some(reason) = calendar.non_working_reason(date) {
        skipped.push(SkippedDay { date, reason });
        date = date.succ_opt().expect("dates stay far from the end of time");
    }
    Counted { due: date, skipped }
}

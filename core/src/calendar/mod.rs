//! Working-day calendars: which days count, and counting N working days after a start day.
//!
//! A working day is not a Saturday, a Sunday or a bank holiday of the organisation's nation
//! (DOMAIN.md, "Procedures and deadlines"), nor — for the organisation's own targets, where it
//! opts in — one of its closure days. The counting rules are those of [`add_working_days`] and
//! [`add_months`].

mod bank_holidays;
mod counting;
mod easter;

pub use bank_holidays::{BankHoliday, HOLIDAY_YEARS, Nation, bank_holidays};
pub use counting::{
    Counted, CountingConvention, LONGEST_WALK, Pause, SkippedDay, add_months, add_working_days,
    add_working_days_paused, working_days_between,
};
pub use easter::easter_sunday;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Why a day is not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum NonWorkingReason {
    Weekend,
    BankHoliday(String),
    /// One of the organisation's own closure days, with its name.
    Closure(String),
    /// The clock was paused on this day.
    Paused,
}

/// A day the organisation is closed, such as a day between Christmas and New Year.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClosureDay {
    pub date: NaiveDate,
    pub name: String,
}

/// The days that count: weekends and the nation's bank holidays never do; closure days do not
/// when this calendar includes them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WorkingDayCalendar {
    pub nation: Nation,
    pub closures: Vec<ClosureDay>,
}

impl WorkingDayCalendar {
    pub fn new(nation: Nation) -> Self {
        Self {
            nation,
            closures: Vec::new(),
        }
    }

    pub fn with_closures(nation: Nation, closures: Vec<ClosureDay>) -> Self {
        Self { nation, closures }
    }

    /// `None` when `date` is a working day, otherwise why it is not.
    pub fn non_working_reason(&self, date: NaiveDate) -> Option<NonWorkingReason> {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            return Some(NonWorkingReason::Weekend);
        }
        let holiday = bank_holidays::with_holidays(self.nation, date.year(), |holidays| {
            holidays.iter().find(|h| h.date == date).map(|h| h.name.clone())
        });
        if let Some(name) = holiday {
            return Some(NonWorkingReason::BankHoliday(name));
        }
        self.closures
            .iter()
            .find(|closure| closure.date == date)
            .map(|closure| NonWorkingReason::Closure(closure.name.clone()))
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.non_working_reason(date).is_none()
    }

    /// `date` itself if it is a working day, otherwise the next one; `None` when none is left
    /// before the end of the calendar.
    pub fn this_or_next_working_day(&self, date: NaiveDate) -> Option<NaiveDate> {
        let mut day = date;
        // Closure days are the only run of non-working days longer than a long weekend, and
        // there are only so many of them.
        for _ in 0..=self.closures.len().saturating_add(16) {
            if self.is_working_day(day) {
                return Some(day);
            }
            day = day.succ_opt()?;
        }
        None
    }
}

//! Working-day calendars: which days count, and counting N working days after a start day.
//!
//! A working day is not a Saturday, a Sunday or a bank holiday of the organisation's nation
//! (DOMAIN.md, "Procedures and deadlines"). The counting rule lives in [`counting`].

mod bank_holidays;
mod counting;
mod easter;

pub use bank_holidays::{BankHoliday, Nation, bank_holidays};
pub use counting::{Counted, SkippedDay, add_working_days};
pub use easter::easter_sunday;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Why a day is not a working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NonWorkingReason {
    Weekend,
    BankHoliday(String),
}

/// The days that count for an organisation: its nation's bank holidays and weekends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingDayCalendar {
    pub nation: Nation,
}

impl WorkingDayCalendar {
    pub fn new(nation: Nation) -> Self {
        Self { nation }
    }

    /// `None` when `date` is a working day, otherwise why it is not.
    pub fn non_working_reason(&self, date: NaiveDate) -> Option<NonWorkingReason> {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            return Some(NonWorkingReason::Weekend);
        }
        bank_holidays(self.nation, date.year())
            .into_iter()
            .find(|holiday| holiday.date == date)
            .map(|holiday| NonWorkingReason::BankHoliday(holiday.name))
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.non_working_reason(date).is_none()
    }
}

impl Default for WorkingDayCalendar {
    fn default() -> Self {
        Self::new(Nation::EnglandAndWales)
    }
}

//! The counting rule: "within N working days of day D" is the N-th working day after D. D itself
//! is never counted, whether or not it is a working day (DOMAIN.md's worked example: received
//! Fri 19 Dec 2025, acknowledgement due Tue 30 Dec 2025).

use super::{NonWorkingReason, WorkingDayCalendar};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A day passed over while counting, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedDay {
    pub date: NaiveDate,
    pub reason: NonWorkingReason,
}

/// The result of counting: the due date and every non-working day passed over on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counted {
    pub due: NaiveDate,
    pub skipped: Vec<SkippedDay>,
}

/// The `n`-th working day after `start`. With `n == 0` the answer is `start` itself.
pub fn add_working_days(calendar: &WorkingDayCalendar, start: NaiveDate, n: u32) -> Counted {
    let mut date = start;
    let mut counted = 0;
    let mut skipped = Vec::new();
    while counted < n {
        date = date
            .succ_opt()
            .expect("dates stay far from the end of time");
        match calendar.non_working_reason(date) {
            None => counted += 1,
            Some(reason) => skipped.push(SkippedDay { date, reason }),
        }
    }
    Counted { due: date, skipped }
}

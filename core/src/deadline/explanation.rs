//! Why a date is what it is: the rule in words, the start, and the days not counted.

use crate::calendar::{NonWorkingReason, SkippedDay};
use crate::format::short_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub working_days: u32,
    /// The event counted from, in words ("the date received").
    pub start_event: String,
    pub start: NaiveDate,
    /// Every day passed over, weekends included.
    pub skipped: Vec<SkippedDay>,
}

impl Explanation {
    pub fn new(
        working_days: u32,
        start_event: &str,
        start: NaiveDate,
        skipped: Vec<SkippedDay>,
    ) -> Self {
        Self {
            working_days,
            start_event: start_event.into(),
            start,
            skipped,
        }
    }

    /// "5 working days after the date received, Fri 19 Dec 2025, which is not itself counted."
    pub fn rule(&self) -> String {
        let days = if self.working_days == 1 {
            "working day"
        } else {
            "working days"
        };
        format!(
            "{} {days} after {}, {}, which is not itself counted.",
            self.working_days,
            self.start_event,
            short_date(self.start)
        )
    }

    /// The bank holidays passed over, in words: "Christmas Day (Thu 25 Dec 2025)".
    pub fn holidays_skipped(&self) -> Vec<String> {
        self.skipped
            .iter()
            .filter_map(|day| match &day.reason {
                NonWorkingReason::BankHoliday(name) => {
                    Some(format!("{name} ({})", short_date(day.date)))
                }
                NonWorkingReason::Weekend => None,
            })
            .collect()
    }

    /// How many Saturdays and Sundays were passed over.
    pub fn weekend_days_skipped(&self) -> usize {
        self.skipped
            .iter()
            .filter(|day| day.reason == NonWorkingReason::Weekend)
            .count()
    }

    /// The days not counted, in one sentence, or `None` when every day counted.
    pub fn not_counted(&self) -> Option<String> {
        let mut parts = Vec::new();
        match self.weekend_days_skipped() {
            0 => {}
            1 => parts.push("1 weekend day".to_string()),
            n => parts.push(format!("{n} weekend days")),
        }
        let holidays = self.holidays_skipped();
        if !holidays.is_empty() {
            parts.push(format!("bank holidays: {}", holidays.join(", ")));
        }
        (!parts.is_empty()).then(|| format!("Not counted: {}.", parts.join("; ")))
    }
}

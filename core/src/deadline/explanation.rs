//! Why a date is what it is: the rule in words, the start, notes, and the days not counted.

use crate::calendar::{NonWorkingReason, SkippedDay};
use crate::format::short_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Explanation {
    /// The rule applied, in one sentence.
    pub rule: String,
    /// Anything else that moved the date: the receipt convention, a projection, pauses.
    pub notes: Vec<String>,
    /// Every day passed over, weekends included.
    pub skipped: Vec<SkippedDay>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

impl Explanation {
    /// "5 working days after the date received, Fri 19 Dec 2025, which is not itself counted."
    pub fn working_days(n: u32, start_event: &str, start: NaiveDate, skipped: Vec<SkippedDay>) -> Self {
        let days = plural(usize::try_from(n).unwrap_or(usize::MAX), "working day", "working days");
        Self {
            rule: format!(
                "{days} after {start_event}, {}, which is not itself counted.",
                short_date(start)
            ),
            notes: Vec::new(),
            skipped,
        }
    }

    /// "6 months after the date received, Fri 19 Dec 2025 …"
    pub fn months(n: u32, start_event: &str, start: NaiveDate, skipped: Vec<SkippedDay>) -> Self {
        let months = plural(usize::try_from(n).unwrap_or(usize::MAX), "month", "months");
        let mut rule = format!(
            "{months} after {start_event}, {}: the same date {months} on, or the last day of the month where there is no such date",
            short_date(start)
        );
        rule.push_str(if skipped.is_empty() {
            "."
        } else {
            ", moved to the next working day."
        });
        Self {
            rule,
            notes: Vec::new(),
            skipped,
        }
    }

    /// A date given rather than counted.
    pub fn given(rule: String) -> Self {
        Self {
            rule,
            notes: Vec::new(),
            skipped: Vec::new(),
        }
    }

    pub fn with_note(mut self, note: String) -> Self {
        self.notes.push(note);
        self
    }

    /// Bank holidays and closure days passed over: "Christmas Day (Thu 25 Dec 2025)".
    pub fn holidays_skipped(&self) -> Vec<String> {
        self.skipped
            .iter()
            .filter_map(|day| match &day.reason {
                NonWorkingReason::BankHoliday(name) => Some(format!("{name} ({})", short_date(day.date))),
                NonWorkingReason::Closure(name) => Some(format!("{name}, a closure day ({})", short_date(day.date))),
                NonWorkingReason::Weekend | NonWorkingReason::Paused => None,
            })
            .collect()
    }

    fn count(&self, reason: &NonWorkingReason) -> usize {
        self.skipped.iter().filter(|day| &day.reason == reason).count()
    }

    /// The days not counted, in one sentence, or `None` when every day counted.
    pub fn not_counted(&self) -> Option<String> {
        let mut parts = Vec::new();
        let weekend = self.count(&NonWorkingReason::Weekend);
        if weekend > 0 {
            parts.push(plural(weekend, "weekend day", "weekend days"));
        }
        let holidays = self.holidays_skipped();
        if !holidays.is_empty() {
            parts.push(format!(
                "{}: {}",
                if holidays.len() == 1 { "holiday" } else { "holidays" },
                holidays.join(", ")
            ));
        }
        let paused = self.count(&NonWorkingReason::Paused);
        if paused > 0 {
            parts.push(format!(
                "{} while the clock was paused",
                plural(paused, "working day", "working days")
            ));
        }
        (!parts.is_empty()).then(|| format!("Not counted: {}.", parts.join("; ")))
    }
}

//! A deadline's status on a given day: not started, on track, due soon, due today, overdue,
//! met, or met late by so many working days.

use crate::calendar::{WorkingDayCalendar, working_days_between};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    NotStarted,
    OnTrack,
    /// Due within the organisation's "due soon" threshold of working days.
    DueSoon,
    DueToday,
    /// Past due by this many working days, and not met.
    Overdue(u32),
    Met,
    /// Met this many working days after the due date.
    MetLate(u32),
}

pub(crate) fn days(n: u32) -> String {
    if n == 1 {
        "1 working day".into()
    } else {
        format!("{n} working days")
    }
}

impl Status {
    pub fn words(self) -> String {
        match self {
            Status::NotStarted => "Not started".into(),
            Status::OnTrack => "On track".into(),
            Status::DueSoon => "Due soon".into(),
            Status::DueToday => "Due today".into(),
            Status::Overdue(n) => format!("Overdue by {}", days(n)),
            Status::Met => "Met".into(),
            Status::MetLate(n) => format!("Met late by {}", days(n)),
        }
    }
}

/// The status of a date due on `due`, met on `met` if it has been, seen on `today`.
pub fn status(
    calendar: &WorkingDayCalendar,
    due: NaiveDate,
    met: Option<NaiveDate>,
    today: NaiveDate,
    due_soon_days: u32,
) -> Status {
    match met {
        Some(met) if met <= due => Status::Met,
        // Met on a non-working day just after the due date is still one working day late.
        Some(met) => Status::MetLate(working_days_between(calendar, due, met).max(1)),
        None if today > due => Status::Overdue(working_days_between(calendar, due, today).max(1)),
        None if today == due => Status::DueToday,
        None if working_days_between(calendar, today, due) <= due_soon_days => Status::DueSoon,
        None => Status::OnTrack,
    }
}

//! The deadlines a record owes, each with the reason it falls where it does.
//!
//! Until the acknowledgement is recorded, a response counted from it is projected from the
//! acknowledgement deadline and marked as projected (DOMAIN.md, "Rules the engine keeps").

mod explanation;

pub use explanation::Explanation;

use crate::calendar::{WorkingDayCalendar, add_working_days};
use crate::procedure::{Procedure, StartEvent};
use crate::record::Record;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineKind {
    Acknowledgement,
    Response,
    /// The latest date the response may be extended to without a recorded good reason.
    ExtensionLimit,
}

/// One computed date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    /// e.g. "Stage 1 acknowledgement".
    pub label: String,
    pub due: NaiveDate,
    /// Counted from another deadline rather than from a recorded event.
    pub projected: bool,
    pub explanation: Explanation,
}

/// The first stage's deadlines of a record received on `received` under `procedure`.
pub fn first_stage_deadlines(
    procedure: &Procedure,
    received: NaiveDate,
    calendar: &WorkingDayCalendar,
) -> Vec<Deadline> {
    let Some(stage) = procedure.stages.first() else {
        return Vec::new();
    };
    let mut deadlines = Vec::new();

    let acknowledgement = add_working_days(calendar, received, stage.acknowledge.working_days);
    deadlines.push(Deadline {
        kind: DeadlineKind::Acknowledgement,
        label: format!("{} acknowledgement", stage.name),
        due: acknowledgement.due,
        projected: false,
        explanation: Explanation::new(
            stage.acknowledge.working_days,
            "the date received",
            received,
            acknowledgement.skipped,
        ),
    });

    let (response_start, start_words, projected) = match stage.respond.from {
        StartEvent::Receipt => (received, "the date received", false),
        StartEvent::Acknowledgement => (acknowledgement.due, "the acknowledgement deadline", true),
    };
    let response = add_working_days(calendar, response_start, stage.respond.working_days);
    deadlines.push(Deadline {
        kind: DeadlineKind::Response,
        label: format!("{} response", stage.name),
        due: response.due,
        projected,
        explanation: Explanation::new(
            stage.respond.working_days,
            start_words,
            response_start,
            response.skipped,
        ),
    });

    if stage.extension_days > 0 {
        let extended = add_working_days(calendar, response.due, stage.extension_days);
        deadlines.push(Deadline {
            kind: DeadlineKind::ExtensionLimit,
            label: format!("{} response, if extended", stage.name),
            due: extended.due,
            projected,
            explanation: Explanation::new(
                stage.extension_days,
                "the response deadline",
                response.due,
                extended.skipped,
            ),
        });
    }
    deadlines
}

/// The deadlines of a record: none for a record with no procedure or an unknown one.
pub fn record_deadlines(record: &Record, calendar: &WorkingDayCalendar) -> Vec<Deadline> {
    record
        .procedure
        .as_deref()
        .and_then(crate::procedure::find)
        .map(|procedure| first_stage_deadlines(&procedure, record.received, calendar))
        .unwrap_or_default()
}

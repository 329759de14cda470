//! The deadlines a record owes, each with its status and the reason it falls where it does.
//!
//! Until an event is recorded, a date counted from it is projected from that event's own
//! deadline and marked as projected (DOMAIN.md, "Rules the engine keeps").

mod calculator;
mod engine;
mod explanation;
mod limits;
mod status;

pub use calculator::{CalculatorDraft, CalculatorQuestion};
pub use engine::{Rules, calculate, record_deadlines, stage_deadlines};
pub use explanation::Explanation;
pub use limits::time_limit;
pub(crate) use status::days;
pub use status::{Status, status};

use crate::procedure::Basis;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineKind {
    Acknowledgement,
    Response,
    /// The latest date the response may be extended to without a recorded good reason.
    ExtensionLimit,
    /// The date the response was extended to.
    Extended,
    Panel,
    Findings,
    OuterLimit,
    /// The last day the person may ask for the next stage.
    NextStageWindow,
    /// The time limit for making the complaint: 12 months, or the procedure's own.
    TimeLimit,
}

/// One computed date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Deadline {
    /// Index of the stage in the procedure; `None` for the time limit.
    pub stage: Option<usize>,
    pub kind: DeadlineKind,
    /// e.g. "Stage 1 acknowledgement".
    pub label: String,
    pub due: NaiveDate,
    /// Counted from another deadline rather than from a recorded event.
    pub projected: bool,
    /// `None` for a date shown for information only (the extension limit before any extension).
    pub status: Option<Status>,
    /// The working-day calendar the status is counted on (statutory, or the organisation's own).
    pub basis: Basis,
    pub explanation: Explanation,
    /// Things the person handling it must know: an extension past its limit, a missing reason.
    pub warnings: Vec<String>,
}

impl Deadline {
    /// The status in words, fitted to the kind of date.
    pub fn status_words(&self) -> Option<String> {
        let status = self.status?;
        Some(match (self.kind, status) {
            (DeadlineKind::TimeLimit, Status::Met) => "In time".into(),
            (DeadlineKind::TimeLimit, Status::MetLate(_)) => "Passed: decide whether to accept".into(),
            (DeadlineKind::NextStageWindow, Status::Met) => "Requested in time".into(),
            (DeadlineKind::NextStageWindow, Status::MetLate(n)) => format!("Requested late by {}", status::days(n)),
            (DeadlineKind::NextStageWindow, Status::Overdue(_)) => "Closed".into(),
            (DeadlineKind::NextStageWindow, Status::NotStarted) => "Opens when the response is sent".into(),
            _ => status.words(),
        })
    }
}

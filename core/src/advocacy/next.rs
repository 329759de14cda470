//! What to do next on a case: send it, chase a missed date, ask for the next stage within its
//! window, or go to the Ombudsman once the procedure is exhausted or stuck.

use crate::deadline::{DeadlineKind, Rules, Status, record_deadlines};
use crate::format::short_date;
use crate::record::Record;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// Not sent yet: finish the draft and send it, before the 12-month limit.
    Send { limit: Option<NaiveDate> },
    /// Dates have passed with nothing from the organisation: chase them (the earliest was `due`).
    Chase { missed: String, due: NaiveDate },
    /// Answered: ask for the next stage if the answer does not resolve it (by `by`, if there is
    /// a window).
    AskNextStage { stage: usize, by: Option<NaiveDate> },
    /// The procedure is exhausted (the last stage answered) or stuck: the Ombudsman.
    Ombudsman,
    /// Waiting for the organisation, with nothing overdue.
    Wait { next_due: Option<NaiveDate> },
}

impl NextStep {
    /// What to do next, in a few words for the list and the case page.
    pub fn words(&self) -> String {
        match self {
            NextStep::Send { limit: Some(limit) } => format!("Send it before the time limit, {}", short_date(*limit)),
            NextStep::Send { limit: None } => "Finish and send the complaint".into(),
            NextStep::Chase { missed, due } => format!("Chase: {missed} overdue since {}", short_date(*due)),
            NextStep::AskNextStage { stage, by: Some(by) } => {
                format!("If not resolved, ask for stage {stage} by {}", short_date(*by))
            }
            NextStep::AskNextStage { stage, by: None } => format!("If not resolved, ask for stage {stage}"),
            NextStep::Ombudsman => "Go to the Ombudsman".into(),
            NextStep::Wait { next_due: Some(due) } => format!("Wait: next date {}", short_date(*due)),
            NextStep::Wait { next_due: None } => "Wait for the organisation".into(),
        }
    }
}

/// The last day the person may ask for the next stage, where the procedure sets one.
pub fn next_stage_window(record: &Record, rules: &Rules) -> Option<NaiveDate> {
    let stage = record.stages.len().checked_sub(1)?;
    record_deadlines(record, rules)
        .into_iter()
        .find(|d| d.kind == DeadlineKind::NextStageWindow && d.stage == Some(stage))
        .map(|d| d.due)
}

/// What to do next, most pressing first.
pub fn next_steps(record: &Record, rules: &Rules) -> Vec<NextStep> {
    let Some(outgoing) = &record.outgoing else {
        return Vec::new();
    };
    let deadlines = record_deadlines(record, rules);
    if outgoing.sent.is_none() {
        let limit = deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::TimeLimit)
            .map(|d| d.due);
        return vec![NextStep::Send { limit }];
    }
    let mut steps = Vec::new();
    // Every missed date goes in one chaser.
    let missed: Vec<_> = deadlines
        .iter()
        .filter(|d| {
            matches!(
                d.kind,
                DeadlineKind::Acknowledgement | DeadlineKind::Response | DeadlineKind::Extended
            )
        })
        .filter(|d| matches!(d.status, Some(Status::Overdue(_))))
        .collect();
    if let Some(first) = missed.iter().min_by_key(|d| d.due) {
        steps.push(NextStep::Chase {
            missed: missed
                .iter()
                .map(|d| d.label.to_lowercase())
                .collect::<Vec<_>>()
                .join(" and "),
            due: first.due,
        });
    }
    let stages_in_procedure = rules.procedure(record).map_or(0, |p| p.stages.len());
    if let Some(last) = record.stages.last().filter(|s| s.responded.is_some()) {
        let _ = last;
        if record.stages.len() < stages_in_procedure {
            steps.push(NextStep::AskNextStage {
                stage: record.stages.len() + 1,
                by: next_stage_window(record, rules).filter(|d| *d >= rules.today),
            });
        } else {
            steps.push(NextStep::Ombudsman);
        }
    } else if !steps.is_empty() {
        // A missed date the organisation does not put right is a reason to go to the Ombudsman.
        steps.push(NextStep::Ombudsman);
    }
    if steps.is_empty() {
        let next_due = deadlines
            .iter()
            .filter(|d| matches!(d.status, Some(Status::OnTrack | Status::DueSoon | Status::DueToday)))
            .map(|d| d.due)
            .min();
        steps.push(NextStep::Wait { next_due });
    }
    steps
}

/// How near the 12-month limit may come before the case page warns that it approaches.
pub const LIMIT_WARNING_DAYS: i64 = 60;

/// A warning about the 12-month limit for a case not yet sent: once it is near, and once passed.
pub fn limit_warning(limit: NaiveDate, today: NaiveDate) -> Option<String> {
    use crate::format::long_date;
    if limit < today {
        Some(format!(
            "The 12-month limit passed on {}. The organisation can still accept the complaint if there is a good reason it was not made sooner: say what it is.",
            long_date(limit)
        ))
    } else if (limit - today).num_days() <= LIMIT_WARNING_DAYS {
        Some(format!(
            "The 12-month limit is {}: send the complaint before then.",
            long_date(limit)
        ))
    } else {
        None
    }
}

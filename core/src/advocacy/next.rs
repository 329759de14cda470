//! What to do next on a case: send it, chase a missed date, ask for the next stage within its
//! window, or go to the Ombudsman once the procedure is exhausted or stuck.
//!
//! Only the stage in hand is chased, and only until its response comes: an acknowledgement
//! never recorded is not chased once the answer is in. A missed response also offers the next
//! stage, where the procedure has one, beside the chaser. A chaser sent has its own reply-by
//! date: until then the case waits for that reply; after it, the chaser is unanswered.

use crate::calendar::add_working_days;
use crate::deadline::{Deadline, DeadlineKind, Rules, Status, record_deadlines};
use crate::format::short_date;
use crate::record::Record;
use crate::record::casework::Correspondence;
use chrono::NaiveDate;

/// Working days a chaser gives the organisation to reply.
pub const CHASER_REPLY_DAYS: u32 = 5;

/// The last day to reply to a chaser sent on `sent`: [`CHASER_REPLY_DAYS`] working days on.
pub fn chaser_reply_by(sent: NaiveDate, rules: &Rules) -> Option<NaiveDate> {
    add_working_days(&rules.statutory, sent, CHASER_REPLY_DAYS).map(|counted| counted.due)
}

/// The code a chaser sent at stage `stage` (counted from 1) is logged with.
pub fn chaser_code(stage: usize) -> String {
    format!("chaser@{stage}")
}

fn is_chaser(entry: &Correspondence, stage: usize) -> bool {
    match &entry.letter {
        Some(code) => *code == chaser_code(stage),
        // Logged before chasers were named: by its first words.
        None => entry.note.starts_with("Chaser sent."),
    }
}

/// The latest chaser sent for the stage in hand, and the day its reply is due.
pub fn last_chaser(record: &Record, rules: &Rules) -> Option<(NaiveDate, NaiveDate)> {
    let stage = record.stages.last()?;
    let number = record.stages.len();
    let sent = record
        .correspondence
        .iter()
        .filter(|entry| entry.date >= stage.started && is_chaser(entry, number))
        .map(|entry| entry.date)
        .max()?;
    Some((sent, chaser_reply_by(sent, rules)?))
}

/// What the organisation has missed at the stage in hand, until its response comes.
pub fn missed(record: &Record, deadlines: &[Deadline]) -> Vec<Deadline> {
    let Some(index) = record.stages.len().checked_sub(1) else {
        return Vec::new();
    };
    if record.stages[index].responded.is_some() {
        return Vec::new();
    }
    deadlines
        .iter()
        .filter(|d| d.stage == Some(index))
        .filter(|d| {
            matches!(
                d.kind,
                DeadlineKind::Acknowledgement | DeadlineKind::Response | DeadlineKind::Extended
            )
        })
        .filter(|d| matches!(d.status, Some(Status::Overdue(_))))
        .cloned()
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// Not sent yet: finish the draft and send it, before the time limit (12 months, or six under
    /// the Scottish, Northern Irish and Welsh model procedures).
    Send { limit: Option<NaiveDate>, months: u32 },
    /// Dates have passed with nothing from the organisation: chase them (the earliest was `due`).
    Chase { missed: String, due: NaiveDate },
    /// Answered: ask for the next stage if the answer does not resolve it (by `by`, if there is
    /// a window). `late`: not answered in time, so the next stage may be asked for now.
    AskNextStage {
        stage: usize,
        by: Option<NaiveDate>,
        late: bool,
    },
    /// A chaser was sent on `chased`: wait for its reply, due by `reply_by`.
    AwaitReply { chased: NaiveDate, reply_by: NaiveDate },
    /// The procedure is exhausted (the last stage answered) or stuck: the Ombudsman.
    Ombudsman,
    /// Waiting for the organisation, with nothing overdue.
    Wait { next_due: Option<NaiveDate> },
}

impl NextStep {
    /// What to do next, in a few words for the list and the case page.
    pub fn words(&self) -> String {
        match self {
            NextStep::Send { limit: Some(limit), .. } => {
                format!("Send it before the time limit, {}", short_date(*limit))
            }
            NextStep::Send { limit: None, .. } => "Finish and send the complaint".into(),
            NextStep::Chase { missed, due } => format!("Chase: {missed} overdue since {}", short_date(*due)),
            NextStep::AskNextStage { stage, late: true, .. } => {
                format!("Or ask for stage {stage} now: the response is late")
            }
            NextStep::AskNextStage {
                stage, by: Some(by), ..
            } => {
                format!("If not resolved, ask for stage {stage} by {}", short_date(*by))
            }
            NextStep::AskNextStage { stage, by: None, .. } => format!("If not resolved, ask for stage {stage}"),
            NextStep::AwaitReply { chased, reply_by } => format!(
                "Wait for the reply to the chaser of {}: due by {}",
                short_date(*chased),
                short_date(*reply_by)
            ),
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
        let months = crate::procedure::time_limit_months(rules.procedure(record).as_deref()).0;
        return vec![NextStep::Send { limit, months }];
    }
    let mut steps = Vec::new();
    let missed = missed(record, &deadlines);
    let chaser = last_chaser(record, rules);
    let awaiting = chaser.filter(|(_, reply_by)| rules.today <= *reply_by);
    if let Some((chased, reply_by)) = awaiting.filter(|_| !missed.is_empty()) {
        steps.push(NextStep::AwaitReply { chased, reply_by });
    } else if let Some(first) = missed.iter().min_by_key(|d| d.due) {
        // Every missed date goes in one chaser, with the reply a chaser did not get.
        let mut what: Vec<String> = missed.iter().map(|d| d.label.to_lowercase()).collect();
        if let Some((chased, _)) = chaser {
            what.push(format!("the reply to the chaser of {}", short_date(chased)));
        }
        steps.push(NextStep::Chase {
            missed: what.join(" and "),
            due: first.due,
        });
    }
    let stages_in_procedure = rules.procedure(record).map_or(0, |p| p.stages.len());
    let has_next = record.stages.len() < stages_in_procedure;
    let answered = record.stages.last().is_some_and(|s| s.responded.is_some());
    let response_missed = missed
        .iter()
        .any(|d| matches!(d.kind, DeadlineKind::Response | DeadlineKind::Extended));
    if answered && has_next {
        steps.push(NextStep::AskNextStage {
            stage: record.stages.len() + 1,
            by: next_stage_window(record, rules).filter(|d| *d >= rules.today),
            late: false,
        });
    } else if answered {
        steps.push(NextStep::Ombudsman);
    } else if response_missed && has_next {
        // Not answered in time: the next stage can be asked for now, beside the chaser.
        steps.push(NextStep::AskNextStage {
            stage: record.stages.len() + 1,
            by: None,
            late: true,
        });
    } else if !missed.is_empty() && awaiting.is_none() {
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

/// How near the time limit may come before the case page warns that it approaches.
pub const LIMIT_WARNING_DAYS: i64 = 60;

/// A warning about the time limit of `months` for a case not yet sent: once it is near, and
/// once passed.
pub fn limit_warning(limit: NaiveDate, months: u32, today: NaiveDate) -> Option<String> {
    use crate::format::long_date;
    if limit < today {
        Some(format!(
            "The {months}-month limit passed on {}. The organisation can still accept the complaint if there is a good reason it was not made sooner: say what it is.",
            long_date(limit)
        ))
    } else if (limit - today).num_days() <= LIMIT_WARNING_DAYS {
        Some(format!(
            "The {months}-month limit is {}: send the complaint before then.",
            long_date(limit)
        ))
    } else {
        None
    }
}

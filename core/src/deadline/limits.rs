//! The limits on the person rather than the organisation: the time limit for making the
//! complaint (12 months, or the procedure's own: six under the Scottish and Northern Irish
//! models), and the last day to ask for the next stage — working days after the response, or,
//! where the procedure counts it in months, two months after the stage 1 response or six after
//! the person found out, whichever is later (the SPSO and NIPSO models).

use super::{Deadline, DeadlineKind, Explanation, Rules, Status, status};
use crate::calendar::{Counted, add_months, add_working_days_paused};
use crate::procedure::{Basis, Procedure, about, time_limit_months};
use crate::record::{Record, StageEvents};
use chrono::NaiveDate;

/// The day the person found out, or the day it happened, in words; `None` when neither is known.
fn found_out(record: &Record) -> Option<(NaiveDate, &'static str)> {
    match (record.aware_date, record.issue_date) {
        (Some(aware), _) => Some((aware, "the date the person became aware of the issue")),
        (None, Some(issue)) => Some((issue, "the date of the issue")),
        (None, None) => None,
    }
}

/// The time limit for making the complaint, counted from when the person became aware of the
/// issue or, failing that, from the issue itself: 12 months, or the procedure's own.
pub fn time_limit(record: &Record, rules: &Rules) -> Option<Deadline> {
    let (from, words) = found_out(record)?;
    let procedure = rules.procedure(record);
    let (months, rule) = time_limit_months(procedure.as_deref());
    let Counted { due, skipped } = add_months(&rules.statutory, from, months)?;
    let status = status(
        &rules.statutory,
        due,
        Some(record.received),
        rules.today,
        rules.due_soon_days,
    );
    let mut warnings = Vec::new();
    if status != Status::Met {
        warnings.push(format!(
            "The complaint was made after the {months}-month time limit. Decide whether to accept it, and record why."
        ));
    }
    let mut explanation = Explanation::months(months, words, from, skipped);
    explanation.notes.extend(rule.map(String::from));
    Some(Deadline {
        stage: None,
        kind: DeadlineKind::TimeLimit,
        label: format!("{months}-month time limit for making the complaint"),
        due,
        projected: false,
        status: Some(status),
        basis: Basis::Statutory,
        explanation,
        warnings,
    })
}

/// The last day to ask for the next stage, if stage `index` has a window: counted from the
/// response or, until it is sent, from its deadline (`response_due`, or the day the response was
/// extended to); none when neither can be known. A window in months is counted from the
/// response only here; [`later_by_event`] moves it to six months after the event where later.
pub(super) fn window_deadline(
    procedure: &Procedure,
    index: usize,
    events: &StageEvents,
    response_due: Option<NaiveDate>,
    next_started: Option<NaiveDate>,
    rules: &Rules,
) -> Option<Deadline> {
    let stage = procedure.stages.get(index)?;
    let months = about(&procedure.id)
        .and_then(|about| about.stage_1_window)
        .filter(|_| index == 0 && procedure.stages.len() > 1);
    if stage.next_stage_window.is_none() && months.is_none() {
        return None;
    }
    let extended_to = events.extension().map(|e| e.to);
    let (from, projected, words) = match events.responded {
        Some(responded) => (responded, false, "the response"),
        None => (extended_to.or(response_due)?, true, "the response deadline"),
    };
    let (due, mut explanation) = match (months, stage.next_stage_window) {
        (Some(window), _) => {
            let Counted { due, skipped } = add_months(&rules.statutory, from, window.after_response)?;
            let mut explanation = Explanation::months(window.after_response, words, from, skipped);
            explanation
                .notes
                .push(months_rule(procedure, window.after_event, window.after_response));
            (due, explanation)
        }
        (None, Some(window)) => {
            let Counted { due, skipped } = add_working_days_paused(&rules.statutory, from, window, &[])?;
            (due, Explanation::working_days(window, words, from, skipped))
        }
        (None, None) => return None,
    };
    if events.responded.is_none() {
        explanation
            .notes
            .push("Counted from the response deadline until the response is sent.".into());
    }
    let status = match (events.responded, next_started) {
        (None, None) => Status::NotStarted,
        (_, met) => rules.status(Basis::Statutory, due, met),
    };
    Some(Deadline {
        stage: Some(index),
        kind: DeadlineKind::NextStageWindow,
        label: format!("Last day to ask for {}", stage.next),
        due,
        projected,
        status: Some(status),
        basis: Basis::Statutory,
        explanation,
        warnings: Vec::new(),
    })
}

fn months_rule(procedure: &Procedure, after_event: u32, after_response: u32) -> String {
    let short = about(&procedure.id).map_or("", |about| about.short);
    format!(
        "{short}: ask for stage 2 within {after_event} months of the event or of finding out, or within {after_response} months of the stage 1 response if that is later; later only in exceptional circumstances."
    )
}

/// A stage 1 window counted in months moved to `after_event` months after the person found out,
/// where that is later than the months after the response (the SPSO and NIPSO models).
pub(super) fn later_by_event(deadlines: &mut [Deadline], record: &Record, procedure: &Procedure, rules: &Rules) {
    let Some(window) = about(&procedure.id).and_then(|about| about.stage_1_window) else {
        return;
    };
    let Some((from, words)) = found_out(record) else {
        return;
    };
    let Some(Counted { due, skipped }) = add_months(&rules.statutory, from, window.after_event) else {
        return;
    };
    let next_started = record.stages.get(1).map(|next| next.started);
    for deadline in deadlines
        .iter_mut()
        .filter(|d| d.kind == DeadlineKind::NextStageWindow && d.due < due)
    {
        let mut explanation = Explanation::months(window.after_event, words, from, skipped.clone());
        explanation
            .notes
            .push(months_rule(procedure, window.after_event, window.after_response));
        explanation.notes.push(format!(
            "Later than {} months after the {}, so this date counts.",
            window.after_response,
            if deadline.projected {
                "response deadline"
            } else {
                "response"
            }
        ));
        deadline.due = due;
        deadline.projected = false;
        deadline.explanation = explanation;
        if let Some(status) = deadline.status.as_mut().filter(|s| **s != Status::NotStarted) {
            *status = rules.status(Basis::Statutory, due, next_started);
        }
    }
}

//! Adding to a record's correspondence log, remedies, actions and learning, each checked and
//! written in the history. Errors are [`Problem`]s, each naming its field (and a date's boxes at
//! fault); the record is unchanged by them.

use super::casework::{
    Action, Correspondence, CorrespondenceKind, Feedback, Learning, NotDeliverable, Remedy, RemedyKind, SATISFACTION,
    parse_pounds, pounds,
};
use super::{Change, DateInput, Record};
use crate::format::short_date;
pub use crate::problem::Problem;
use chrono::NaiveDate;

/// What a form's check found, each with its field (see [`Problem`]).
pub type Problems = Vec<Problem>;

fn required(text: &str, field: &str, message: &str, problems: &mut Problems) -> String {
    let text = text.trim();
    if text.is_empty() {
        problems.push(Problem::new(field, message));
    }
    text.to_string()
}

fn date(input: &DateInput, field: &str, label: &str, latest: NaiveDate, problems: &mut Problems) -> Option<NaiveDate> {
    input
        .parse(label, latest)
        .map_err(|e| problems.push(Problem::date(field, e)))
        .ok()
}

fn changed(record: &Record, change: &Change, what: String) -> Record {
    let mut next = record.clone();
    next.updated = change.at;
    next.history.push(change.entry(what));
    next
}

/// Any date up to the end of 2100, for things planned ahead.
fn far_future() -> NaiveDate {
    NaiveDate::from_ymd_opt(2100, 12, 31).unwrap_or(NaiveDate::MAX)
}

pub fn add_correspondence(
    record: &Record,
    when: &DateInput,
    kind: &str,
    note: &str,
    today: NaiveDate,
    change: &Change,
) -> Result<Record, Problems> {
    let mut problems = Problems::new();
    let date = date(when, "correspondence-date", "Date", today, &mut problems);
    let kind = CorrespondenceKind::from_code(kind);
    if kind.is_none() {
        problems.push(Problem::new(
            "correspondence-kind",
            "Select a letter, email, call or meeting",
        ));
    }
    let note = required(
        note,
        "correspondence-note",
        "Enter a note of what was said or sent",
        &mut problems,
    );
    match (date, kind) {
        (Some(date), Some(kind)) if problems.is_empty() => {
            let mut next = changed(
                record,
                change,
                format!("{} logged for {}", kind.name(), short_date(date)),
            );
            next.correspondence.push(Correspondence { date, kind, note });
            crate::order::sort_by_key(&mut next.correspondence, |c| c.date);
            Ok(next)
        }
        _ => Err(problems),
    }
}

pub fn add_action(record: &Record, what: &str, who: &str, by: &DateInput, change: &Change) -> Result<Record, Problems> {
    let mut problems = Problems::new();
    let what = required(what, "action-what", "Enter what will be done", &mut problems);
    let who = required(who, "action-who", "Enter who is responsible", &mut problems);
    let by = date(by, "action-by", "Date it is due", far_future(), &mut problems);
    match by {
        Some(by) if problems.is_empty() => {
            let mut next = changed(
                record,
                change,
                format!("Action added: {what} ({who}, by {})", short_date(by)),
            );
            next.actions.push(Action {
                what,
                who,
                by,
                done: None,
                told: None,
            });
            Ok(next)
        }
        _ => Err(problems),
    }
}

/// The field the actions' problems name: the list of actions on the record page.
pub const ACTIONS_LIST: &str = "actions-list";
/// The field the remedies' problems name: the list of remedies on the record page.
pub const REMEDIES_LIST: &str = "remedies-list";

/// Marks action `index` done on `done`.
pub fn complete_action(record: &Record, index: usize, done: NaiveDate, change: &Change) -> Result<Record, Problem> {
    let action = record
        .actions
        .get(index)
        .ok_or_else(|| Problem::new(ACTIONS_LIST, "There is no such action"))?;
    if action.done.is_some() {
        return Err(Problem::new(ACTIONS_LIST, "That action is already done"));
    }
    let mut next = changed(
        record,
        change,
        format!("Action done: {} ({})", action.what, short_date(done)),
    );
    if let Some(action) = next.actions.get_mut(index) {
        action.done = Some(done);
    }
    Ok(next)
}

pub fn add_remedy(
    record: &Record,
    kind: &str,
    what: &str,
    amount: &str,
    due: &DateInput,
    change: &Change,
) -> Result<Record, Problems> {
    let mut problems = Problems::new();
    let kind = RemedyKind::from_code(kind);
    if kind.is_none() {
        problems.push(Problem::new("remedy-kind", "Select the kind of remedy"));
    }
    let what = required(what, "remedy-what", "Enter what will happen", &mut problems);
    let amount_pence = match (kind, amount.trim()) {
        (Some(RemedyKind::Financial), "") => {
            problems.push(Problem::new(
                "remedy-amount",
                "Enter the amount of the financial remedy",
            ));
            None
        }
        (_, "") => None,
        (_, text) => match parse_pounds(text) {
            Some(pence) => Some(pence),
            None => {
                problems.push(Problem::new(
                    "remedy-amount",
                    "Enter an amount in pounds, like 250 or 250.50",
                ));
                None
            }
        },
    };
    let due = if due.is_empty() {
        None
    } else {
        date(due, "remedy-due", "Date it is due", far_future(), &mut problems)
    };
    match kind {
        Some(kind) if problems.is_empty() => {
            let amount = amount_pence.map(|p| format!(" of {}", pounds(p))).unwrap_or_default();
            let mut next = changed(record, change, format!("Remedy added: {}{amount}", kind.name()));
            next.remedies.push(Remedy {
                kind,
                what,
                amount_pence,
                due,
                delivered: None,
                not_deliverable: None,
            });
            Ok(next)
        }
        _ => Err(problems),
    }
}

/// Marks remedy `index` delivered on `delivered`.
pub fn deliver_remedy(record: &Record, index: usize, delivered: NaiveDate, change: &Change) -> Result<Record, Problem> {
    let remedy = record
        .remedies
        .get(index)
        .ok_or_else(|| Problem::new(REMEDIES_LIST, "There is no such remedy"))?;
    if remedy.delivered.is_some() {
        return Err(Problem::new(REMEDIES_LIST, "That remedy is already delivered"));
    }
    let mut next = changed(
        record,
        change,
        format!("Remedy delivered: {} ({})", remedy.kind.name(), short_date(delivered)),
    );
    if let Some(remedy) = next.remedies.get_mut(index) {
        remedy.delivered = Some(delivered);
    }
    Ok(next)
}

pub fn add_learning(record: &Record, statement: &str, publish: bool, change: &Change) -> Result<Record, Problems> {
    let mut problems = Problems::new();
    let statement = required(statement, "learning-statement", "Enter what changed", &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let published = if publish { " (for publication)" } else { "" };
    let mut next = changed(record, change, format!("Learning added{published}"));
    next.learning.push(Learning { statement, publish });
    Ok(next)
}

pub fn set_feedback(
    record: &Record,
    when: &DateInput,
    satisfied: &str,
    comments: &str,
    today: NaiveDate,
    change: &Change,
) -> Result<Record, Problems> {
    let mut problems = Problems::new();
    let date = date(when, "feedback-date", "Date of the feedback", today, &mut problems);
    if !SATISFACTION.contains(&satisfied) {
        problems.push(Problem::new(
            "feedback-satisfied",
            "Select whether they were satisfied with the handling",
        ));
    }
    match date {
        Some(date) if problems.is_empty() => {
            let mut next = changed(record, change, format!("Feedback on the handling: {satisfied}"));
            next.feedback = Some(Feedback {
                date,
                satisfied: satisfied.into(),
                comments: comments.trim().into(),
            });
            Ok(next)
        }
        _ => Err(problems),
    }
}

/// Records that the person was told an action is done.
pub fn tell_action(record: &Record, index: usize, told: NaiveDate, change: &Change) -> Result<Record, Problem> {
    let action = record
        .actions
        .get(index)
        .ok_or_else(|| Problem::new(ACTIONS_LIST, "There is no such action"))?;
    if action.done.is_none() {
        return Err(Problem::new(
            ACTIONS_LIST,
            "Mark the action done before telling the person",
        ));
    }
    let mut next = changed(
        record,
        change,
        format!("Person told the action is done: {}", action.what),
    );
    if let Some(action) = next.actions.get_mut(index) {
        action.told = Some(told);
    }
    Ok(next)
}

/// Records that a remedy cannot be delivered, with the reason and the alternative offered.
pub fn remedy_not_deliverable(
    record: &Record,
    index: usize,
    reason: &str,
    alternative: &str,
    change: &Change,
) -> Result<Record, Problems> {
    let mut problems = Problems::new();
    let reason = required(
        reason,
        "not-deliverable-reason",
        "Enter why the remedy cannot be delivered",
        &mut problems,
    );
    let alternative = required(
        alternative,
        "not-deliverable-alternative",
        "Enter the alternative offered",
        &mut problems,
    );
    let Some(remedy) = record.remedies.get(index) else {
        problems.push(Problem::new("not-deliverable-reason", "No such remedy"));
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut next = changed(
        record,
        change,
        format!("Remedy cannot be delivered: {}", remedy.kind.name()),
    );
    if let Some(remedy) = next.remedies.get_mut(index) {
        remedy.not_deliverable = Some(NotDeliverable { reason, alternative });
    }
    Ok(next)
}

//! My work: what is overdue, due today and due in the next seven days, by handler; actions
//! overdue; and reasonable adjustments due for review. Open records only.

use crate::deadline::{DeadlineKind, Rules, Status, record_deadlines};
use crate::record::Record;
use chrono::{Days, NaiveDate};

/// One deadline on the work list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkItem {
    pub record_id: String,
    pub reference: String,
    pub label: String,
    pub due: NaiveDate,
    pub status: Status,
    /// Who handles the stage the deadline belongs to, if recorded.
    pub handler: Option<String>,
}

/// An action past its date and not done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    pub record_id: String,
    pub reference: String,
    pub what: String,
    pub who: String,
    pub by: NaiveDate,
}

/// How many deadlines one handler has in each group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandlerLoad {
    pub handler: String,
    pub overdue: usize,
    pub due_today: usize,
    pub due_this_week: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MyWork {
    pub overdue: Vec<WorkItem>,
    pub due_today: Vec<WorkItem>,
    /// Due after today and within the next seven days.
    pub due_this_week: Vec<WorkItem>,
    pub by_handler: Vec<HandlerLoad>,
    pub actions_overdue: Vec<ActionItem>,
    /// Reasonable adjustments whose review date is today or past, or within seven days.
    pub reviews_due: Vec<ActionItem>,
    /// What other organisations owe on the complaints made to them as an advocate: overdue,
    /// today or in the next seven days. Kept apart from the organisation's own work.
    pub owed_to_us: Vec<WorkItem>,
}

/// The organisation's own deadlines: the person's windows and the time limit are not work.
fn is_work(kind: DeadlineKind) -> bool {
    !matches!(
        kind,
        DeadlineKind::NextStageWindow | DeadlineKind::TimeLimit | DeadlineKind::ExtensionLimit
    )
}

pub const UNASSIGNED: &str = "Not yet assigned";

pub fn my_work(records: &[Record], rules: &Rules) -> MyWork {
    let week_end = rules.today.checked_add_days(Days::new(7)).unwrap_or(NaiveDate::MAX);
    let mut work = MyWork::default();
    for record in records.iter().filter(|r| r.closed.is_none() && r.is_advocacy()) {
        // Nothing is owed until the complaint is sent.
        if record.outgoing.as_ref().is_some_and(|o| o.sent.is_none()) {
            continue;
        }
        for deadline in record_deadlines(record, rules) {
            let Some(status) = deadline.status.filter(|_| is_work(deadline.kind)) else {
                continue;
            };
            let soon = matches!(status, Status::Overdue(_) | Status::DueToday)
                || (matches!(status, Status::DueSoon | Status::OnTrack) && deadline.due <= week_end);
            if soon {
                work.owed_to_us.push(WorkItem {
                    record_id: record.id.clone(),
                    reference: record.reference.clone(),
                    label: format!(
                        "{}: {}",
                        record.outgoing.as_ref().map_or("", |o| o.organisation.as_str()),
                        deadline.label
                    ),
                    due: deadline.due,
                    status,
                    handler: None,
                });
            }
        }
    }
    for record in records.iter().filter(|r| r.closed.is_none() && !r.is_advocacy()) {
        for deadline in record_deadlines(record, rules) {
            let Some(status) = deadline.status.filter(|_| is_work(deadline.kind)) else {
                continue;
            };
            let item = WorkItem {
                record_id: record.id.clone(),
                reference: record.reference.clone(),
                label: deadline.label.clone(),
                due: deadline.due,
                status,
                handler: deadline
                    .stage
                    .and_then(|i| record.stages.get(i))
                    .and_then(|s| s.handler.clone()),
            };
            match status {
                Status::Overdue(_) => work.overdue.push(item),
                Status::DueToday => work.due_today.push(item),
                Status::DueSoon | Status::OnTrack if deadline.due <= week_end => work.due_this_week.push(item),
                _ => {}
            }
        }
        for adjustment in &record.intake.adjustments {
            if let Some(review) = adjustment.review.filter(|review| *review <= week_end) {
                work.reviews_due.push(ActionItem {
                    record_id: record.id.clone(),
                    reference: record.reference.clone(),
                    what: format!("Review the adjustment: {}", adjustment.what),
                    who: String::new(),
                    by: review,
                });
            }
        }
        let recommendations = record.ombudsman.iter().flat_map(|o| o.recommendations.iter());
        for recommendation in recommendations.filter(|r| r.complied.is_none() && r.due < rules.today) {
            work.actions_overdue.push(ActionItem {
                record_id: record.id.clone(),
                reference: record.reference.clone(),
                what: format!("Ombudsman’s recommendation: {}", recommendation.what),
                who: "the organisation".into(),
                by: recommendation.due,
            });
        }
        for action in record.actions.iter().filter(|a| a.done.is_none() && a.by < rules.today) {
            work.actions_overdue.push(ActionItem {
                record_id: record.id.clone(),
                reference: record.reference.clone(),
                what: action.what.clone(),
                who: action.who.clone(),
                by: action.by,
            });
        }
    }
    for list in [&mut work.overdue, &mut work.due_today, &mut work.due_this_week] {
        crate::order::sort_by(list, |a, b| a.due.cmp(&b.due).then(a.reference.cmp(&b.reference)));
    }
    crate::order::sort_by_key(&mut work.actions_overdue, |a| a.by);
    crate::order::sort_by_key(&mut work.reviews_due, |a| a.by);

    let mut handlers: Vec<String> = [&work.overdue, &work.due_today, &work.due_this_week]
        .iter()
        .flat_map(|list| {
            list.iter()
                .map(|i| i.handler.clone().unwrap_or_else(|| UNASSIGNED.into()))
        })
        .collect();
    crate::order::sort_dedup(&mut handlers);
    let count = |list: &[WorkItem], handler: &str| {
        list.iter()
            .filter(|i| i.handler.as_deref().unwrap_or(UNASSIGNED) == handler)
            .count()
    };
    work.by_handler = handlers
        .into_iter()
        .map(|handler| HandlerLoad {
            overdue: count(&work.overdue, &handler),
            due_today: count(&work.due_today, &handler),
            due_this_week: count(&work.due_this_week, &handler),
            handler,
        })
        .collect();
    work
}

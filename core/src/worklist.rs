//! My work: everything due on the organisation's records — each stage's deadlines, actions not
//! done, remedies not delivered, the Ombudsman's recommendations not complied with, reasonable
//! adjustments and restrictions on contact due for review — grouped overdue, due today, due in
//! the next seven days and later, for everyone, for the user ("Mine") or for one handler; how
//! many each handler has; and apart, what other organisations owe on an advocate's cases.
//!
//! [`due_items`] is the one list of what a record has due. Each record's row holds it
//! ([`RecordRow::work`]): My work is worked out from the rows ([`work_from_rows`]), and the
//! records list's "Next due" is the nearest item, so the two never disagree, and My work can be
//! drawn from the rows kept at the last start before every record has been read.

use crate::deadline::{DeadlineKind, Rules, Status, record_deadlines};
use crate::procedure::Basis;
use crate::record::Record;
use crate::record::search::RecordRow;
use crate::settings::same_name;
use chrono::{Days, NaiveDate};

/// What kind of thing is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DueKind {
    /// A stage's deadline from the procedure (acknowledgement, response, panel…).
    Deadline,
    Action,
    Remedy,
    /// One of the Ombudsman's recommendations.
    Recommendation,
    /// A reasonable adjustment's review (Code 5.6).
    AdjustmentReview,
    /// A restriction on contact's review (Code 5.11).
    RestrictionReview,
}

/// One thing due on a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    pub kind: DueKind,
    /// What is due, in words: "Stage 1 response", "Remedy: Apology — Write to say sorry".
    pub label: String,
    pub due: NaiveDate,
    pub status: Status,
    /// Whose it is: the stage's handler for a deadline, who is responsible for an action, and
    /// the record's current handler for anything else; `None` while nobody is.
    pub handler: Option<String>,
    /// The calendar its status is counted on (deadlines may count the organisation's closure
    /// days; everything else counts the statutory working days).
    pub basis: Basis,
}

/// The organisation's own deadlines: the person's windows and the time limit are not work.
fn is_work(kind: DeadlineKind) -> bool {
    !matches!(
        kind,
        DeadlineKind::NextStageWindow | DeadlineKind::TimeLimit | DeadlineKind::ExtensionLimit
    )
}

/// Whether a deadline's status says it is still to be done.
fn open(status: Status) -> bool {
    matches!(
        status,
        Status::Overdue(_) | Status::DueToday | Status::DueSoon | Status::OnTrack
    )
}

/// Everything due on `record`, soonest first: on an open record, its deadlines, actions not
/// done, remedies with a date and neither delivered nor found undeliverable, the Ombudsman's
/// recommendations not complied with and adjustments' reviews; on any record, open or closed,
/// the reviews of restrictions still in force (a restriction is about the person, not the
/// complaint). An advocate's case has none: what is owed there is the other organisation's,
/// and [`owed`] lists it.
pub fn due_items(record: &Record, rules: &Rules) -> Vec<DueItem> {
    let mut items = Vec::new();
    if record.is_advocacy() {
        return items;
    }
    let current = record
        .stages
        .last()
        .and_then(|s| s.handler.clone())
        .filter(|h| !h.trim().is_empty());
    let mut plain = |kind: DueKind, label: String, due: NaiveDate, handler: Option<String>| {
        items.push(DueItem {
            kind,
            label,
            due,
            status: rules.status(Basis::Statutory, due, None),
            handler,
            basis: Basis::Statutory,
        });
    };
    for restriction in record.restrictions.iter().filter(|r| r.lifted.is_none()) {
        let label = format!("Review the restriction on contact: {}", restriction.what);
        plain(DueKind::RestrictionReview, label, restriction.review, current.clone());
    }
    if record.closed.is_some() {
        return items;
    }
    for adjustment in &record.intake.adjustments {
        if let Some(review) = adjustment.review {
            let label = format!("Review the adjustment: {}", adjustment.what);
            plain(DueKind::AdjustmentReview, label, review, current.clone());
        }
    }
    for action in record.actions.iter().filter(|a| a.done.is_none()) {
        let who = Some(action.who.clone()).filter(|w| !w.trim().is_empty());
        plain(DueKind::Action, format!("Action: {}", action.what), action.by, who);
    }
    for remedy in &record.remedies {
        if let (Some(due), None, None) = (remedy.due, remedy.delivered, &remedy.not_deliverable) {
            let label = format!("Remedy: {} — {}", remedy.kind.name(), remedy.what);
            plain(DueKind::Remedy, label, due, current.clone());
        }
    }
    let recommendations = record.ombudsman.iter().flat_map(|o| o.recommendations.iter());
    for recommendation in recommendations.filter(|r| r.complied.is_none()) {
        let label = format!("Ombudsman’s recommendation: {}", recommendation.what);
        plain(DueKind::Recommendation, label, recommendation.due, current.clone());
    }
    for deadline in record_deadlines(record, rules) {
        let Some(status) = deadline.status.filter(|s| is_work(deadline.kind) && open(*s)) else {
            continue;
        };
        items.push(DueItem {
            kind: DueKind::Deadline,
            label: deadline.label,
            due: deadline.due,
            status,
            handler: deadline
                .stage
                .and_then(|i| record.stages.get(i))
                .and_then(|s| s.handler.clone())
                .filter(|h| !h.trim().is_empty()),
            basis: deadline.basis,
        });
    }
    crate::order::sort_by(&mut items, |a, b| a.due.cmp(&b.due));
    items
}

/// What another organisation owes on an advocate's case once the complaint is sent: its
/// deadlines not yet met, soonest first. My work shows those overdue, due today or in the next
/// seven days (`owed_soon`).
pub fn owed(record: &Record, rules: &Rules) -> Vec<DueItem> {
    // Nothing is owed until the complaint is sent.
    let Some(outgoing) = record.outgoing.as_ref().filter(|o| o.sent.is_some()) else {
        return Vec::new();
    };
    if record.closed.is_some() {
        return Vec::new();
    }
    record_deadlines(record, rules)
        .into_iter()
        .filter_map(|deadline| {
            let status = deadline.status.filter(|s| is_work(deadline.kind) && open(*s))?;
            Some(DueItem {
                kind: DueKind::Deadline,
                label: format!("{}: {}", outgoing.organisation, deadline.label),
                due: deadline.due,
                status,
                handler: None,
                basis: deadline.basis,
            })
        })
        .collect()
}

/// Whether what is owed is overdue, due today or in the next seven days.
fn owed_soon(item: &DueItem, today: NaiveDate) -> bool {
    matches!(item.status, Status::Overdue(_) | Status::DueToday) || item.due <= week_end(today)
}

fn week_end(today: NaiveDate) -> NaiveDate {
    today.checked_add_days(Days::new(7)).unwrap_or(NaiveDate::MAX)
}

/// One row of My work: the record it is on, named by its reference and the person, a short
/// summary, and what is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkItem {
    pub record_id: String,
    pub reference: String,
    /// The person the record is about (or who raised it), or "Name not given".
    pub person: String,
    /// The summary's first line, cut short ([`crate::record::search::headline`]).
    pub summary: String,
    pub kind: DueKind,
    pub label: String,
    pub due: NaiveDate,
    pub status: Status,
    pub handler: Option<String>,
}

impl WorkItem {
    fn new(row: &RecordRow, item: &DueItem) -> Self {
        WorkItem {
            record_id: row.id.clone(),
            reference: row.reference.clone(),
            person: row.person_name.as_deref().unwrap_or(NAME_NOT_GIVEN).to_string(),
            summary: row.headline.clone(),
            kind: item.kind,
            label: item.label.clone(),
            due: item.due,
            status: item.status,
            handler: item.handler.clone(),
        }
    }

    /// The handler in words: their name, or [`UNASSIGNED`].
    pub fn handler_words(&self) -> &str {
        self.handler.as_deref().unwrap_or(UNASSIGNED)
    }
}

pub const UNASSIGNED: &str = "Not yet assigned";
pub const NAME_NOT_GIVEN: &str = "Name not given";

/// Whose work to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum WorkFor {
    #[default]
    Everyone,
    /// One handler's, matched however their name is capitalised or spaced ("Mine" is this, with
    /// the user's name).
    Handler(String),
    /// What nobody handles yet.
    Unassigned,
}

impl WorkFor {
    /// The choice as a form value: "", "mine", "unassigned" or `"handler:<name>"`; "mine" is the
    /// user's own work, and everyone's when the user has no name yet.
    pub fn from_value(value: &str, user_name: &str) -> WorkFor {
        match value {
            "mine" if !user_name.trim().is_empty() => WorkFor::Handler(user_name.trim().to_string()),
            "unassigned" => WorkFor::Unassigned,
            _ => match value.strip_prefix("handler:") {
                Some(name) if !name.trim().is_empty() => WorkFor::Handler(name.to_string()),
                _ => WorkFor::Everyone,
            },
        }
    }

    pub fn includes(&self, item: &WorkItem) -> bool {
        match self {
            WorkFor::Everyone => true,
            WorkFor::Handler(name) => item.handler.as_deref().is_some_and(|h| same_name(h, name)),
            WorkFor::Unassigned => item.handler.is_none(),
        }
    }
}

/// One group of My work, with its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkGroup {
    /// The table's caption: "Overdue".
    pub title: &'static str,
    /// What to say when the group is empty.
    pub empty: &'static str,
    pub items: Vec<WorkItem>,
    /// How many more there are than `items` holds (only "Later" is cut short).
    pub more: usize,
}

/// How many handlers' items fall in each group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandlerLoad {
    pub handler: String,
    pub overdue: usize,
    pub due_today: usize,
    pub due_this_week: usize,
    pub later: usize,
}

/// How many items "Later" shows: the nearest; the records list, sorted by next due, has the rest.
pub const LATER_SHOWN: usize = 20;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MyWork {
    /// Overdue, due today, due in the next 7 days, later: always these four, in this order.
    pub groups: Vec<WorkGroup>,
    /// Every handler's load, whoever the groups are shown for.
    pub by_handler: Vec<HandlerLoad>,
    /// What other organisations owe on the complaints made to them as an advocate: overdue,
    /// today or in the next seven days. Kept apart from the organisation's own work.
    pub owed_to_us: Vec<WorkItem>,
}

impl MyWork {
    /// Whether nothing at all is due for whoever it is shown for.
    pub fn nothing_due(&self) -> bool {
        self.groups.iter().all(|g| g.items.is_empty())
    }

    /// Every item of group `title`, for tests and counts.
    pub fn group(&self, title: &str) -> &[WorkItem] {
        self.groups
            .iter()
            .find(|g| g.title == title)
            .map_or(&[], |g| g.items.as_slice())
    }
}

pub const OVERDUE: &str = "Overdue";
pub const DUE_TODAY: &str = "Due today";
pub const DUE_THIS_WEEK: &str = "Due in the next 7 days";
pub const LATER: &str = "Later";

/// Which group an item falls in on `today`.
fn group_of(item: &WorkItem, today: NaiveDate) -> usize {
    match item.status {
        Status::Overdue(_) => 0,
        Status::DueToday => 1,
        _ if item.due <= week_end(today) => 2,
        _ => 3,
    }
}

/// My work on `rules.today`, for `who`, worked out from `records`' rows.
pub fn my_work(records: &[Record], rules: &Rules, who: &WorkFor) -> MyWork {
    let rows: Vec<RecordRow> = records.iter().map(|record| RecordRow::new(record, rules)).collect();
    work_from_rows(&rows, rules.today, who)
}

/// My work on `today`, for `who`, from the records' rows (their statuses worked out for
/// `today`: [`crate::record::search::Rows::new`], or rows kept and read back with [`crate::record::search::kept_row`]).
pub fn work_from_rows<'a>(rows: impl IntoIterator<Item = &'a RecordRow>, today: NaiveDate, who: &WorkFor) -> MyWork {
    let mut all: Vec<WorkItem> = Vec::new();
    let mut owed_to_us = Vec::new();
    for row in rows {
        if row.advocacy {
            let soon = row.work.iter().filter(|item| owed_soon(item, today));
            owed_to_us.extend(soon.map(|item| WorkItem::new(row, item)));
        } else {
            all.extend(row.work.iter().map(|item| WorkItem::new(row, item)));
        }
    }
    let by_date = |a: &WorkItem, b: &WorkItem| a.due.cmp(&b.due).then(a.reference.cmp(&b.reference));
    crate::order::sort_by(&mut all, by_date);
    crate::order::sort_by(&mut owed_to_us, by_date);

    let mut loads: Vec<HandlerLoad> = Vec::new();
    for item in &all {
        let name = item.handler_words();
        let at = match loads.iter().position(|l| same_name(&l.handler, name)) {
            Some(at) => at,
            None => {
                loads.push(HandlerLoad {
                    handler: name.to_string(),
                    overdue: 0,
                    due_today: 0,
                    due_this_week: 0,
                    later: 0,
                });
                loads.len() - 1
            }
        };
        let load = &mut loads[at];
        match group_of(item, today) {
            0 => load.overdue += 1,
            1 => load.due_today += 1,
            2 => load.due_this_week += 1,
            _ => load.later += 1,
        }
    }
    crate::order::sort_by(&mut loads, |a, b| {
        (a.handler == UNASSIGNED)
            .cmp(&(b.handler == UNASSIGNED))
            .then(a.handler.cmp(&b.handler))
    });

    let mut groups = vec![
        (OVERDUE, "Nothing is overdue."),
        (DUE_TODAY, "Nothing is due today."),
        (DUE_THIS_WEEK, "Nothing else is due in the next 7 days."),
        (LATER, "Nothing is due later."),
    ]
    .into_iter()
    .map(|(title, empty)| WorkGroup {
        title,
        empty,
        items: Vec::new(),
        more: 0,
    })
    .collect::<Vec<_>>();
    for item in all.into_iter().filter(|item| who.includes(item)) {
        let group = &mut groups[group_of(&item, today)];
        if group.title == LATER && group.items.len() >= LATER_SHOWN {
            group.more += 1;
        } else {
            group.items.push(item);
        }
    }
    MyWork {
        groups,
        by_handler: loads,
        owed_to_us,
    }
}

/// The choices of whose work to show, as (form value, words): everyone, the user's own ("Mine",
/// once the user has a name), each handler of the team and of the work, and what nobody handles
/// yet. A name on the team and on the work in other capitals is offered once, as the team
/// spells it.
pub fn work_for_choices(work: &MyWork, team: &[String], user_name: &str) -> Vec<(String, String)> {
    let mut choices = vec![(String::new(), "Everyone".to_string())];
    let user = user_name.trim();
    if !user.is_empty() {
        choices.push(("mine".into(), format!("Mine ({user})")));
    }
    let mut names: Vec<&str> = Vec::new();
    let from_work = work.by_handler.iter().map(|l| l.handler.as_str());
    for name in team.iter().map(String::as_str).chain(from_work) {
        let name = name.trim();
        if name.is_empty() || name == UNASSIGNED || same_name(name, user) {
            continue;
        }
        if !names.iter().any(|n| same_name(n, name)) {
            names.push(name);
        }
    }
    crate::order::sort(&mut names);
    choices.extend(names.into_iter().map(|n| (format!("handler:{n}"), n.to_string())));
    choices.push(("unassigned".into(), UNASSIGNED.to_string()));
    choices
}

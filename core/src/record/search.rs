//! Finding records: search as you type over reference, name and summary; filters by kind,
//! service, stage, state and handler; and sorting. Rows are worked out once per change of
//! the records, then filtered cheaply on every keystroke.

use super::{Record, RecordKind};
use crate::deadline::{Rules, Status, record_deadlines};
use chrono::NaiveDate;

/// What the records list shows of one record, with its next deadline worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRow {
    pub record: Record,
    /// The earliest deadline still open (not met), with its status.
    pub next_due: Option<(NaiveDate, Status, String)>,
    pub overdue: bool,
    /// 1-based stage the record is at, if it has stages.
    pub stage: Option<usize>,
    pub handler: Option<String>,
    /// Lower-case text searched: reference, name and summary.
    haystack: String,
}

impl RecordRow {
    pub fn new(record: &Record, rules: &Rules) -> Self {
        let open = record.closed.is_none();
        let next_due = open
            .then(|| {
                record_deadlines(record, rules)
                    .into_iter()
                    .filter_map(|d| d.status.map(|s| (d.due, s, d.label)))
                    .filter(|(_, s, _)| !matches!(s, Status::Met | Status::MetLate(_) | Status::NotStarted))
                    .min_by_key(|(due, _, _)| *due)
            })
            .flatten();
        let overdue = next_due
            .as_ref()
            .is_some_and(|(_, s, _)| matches!(s, Status::Overdue(_)));
        let haystack = format!(
            "{} {} {}",
            record.reference,
            record.person_name.as_deref().unwrap_or_default(),
            record.summary
        )
        .to_lowercase();
        Self {
            record: record.clone(),
            next_due,
            overdue,
            stage: (!record.stages.is_empty()).then_some(record.stages.len()),
            handler: record.stages.last().and_then(|s| s.handler.clone()),
            haystack,
        }
    }
}

/// Open, closed, or overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Open,
    Closed,
    Overdue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Latest received first.
    #[default]
    Newest,
    Oldest,
    /// Earliest next deadline first; records with none last.
    NextDue,
    Reference,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordFilter {
    pub text: String,
    pub kind: Option<RecordKind>,
    pub service: Option<String>,
    pub stage: Option<usize>,
    pub state: Option<State>,
    pub handler: Option<String>,
}

impl RecordFilter {
    pub fn matches(&self, row: &RecordRow) -> bool {
        let words = self.text.to_lowercase();
        words.split_whitespace().all(|word| row.haystack.contains(word))
            && self.kind.is_none_or(|kind| row.record.kind == kind)
            && self
                .service
                .as_ref()
                .is_none_or(|service| &row.record.service == service)
            && self.stage.is_none_or(|stage| row.stage == Some(stage))
            && self
                .handler
                .as_ref()
                .is_none_or(|handler| row.handler.as_ref() == Some(handler))
            && match self.state {
                None => true,
                Some(State::Open) => row.record.closed.is_none(),
                Some(State::Closed) => row.record.closed.is_some(),
                Some(State::Overdue) => row.overdue,
            }
    }
}

/// The rows that match, in the order asked for.
pub fn find_rows<'a>(rows: &'a [RecordRow], filter: &RecordFilter, sort: SortBy) -> Vec<&'a RecordRow> {
    let mut found: Vec<&RecordRow> = rows.iter().filter(|row| filter.matches(row)).collect();
    let newest = |a: &RecordRow, b: &RecordRow| {
        b.record
            .received
            .cmp(&a.record.received)
            .then(b.record.created.cmp(&a.record.created))
    };
    match sort {
        SortBy::Newest => found.sort_by(|a, b| newest(a, b)),
        SortBy::Oldest => found.sort_by(|a, b| newest(b, a)),
        SortBy::Reference => found.sort_by(|a, b| a.record.reference.cmp(&b.record.reference)),
        SortBy::NextDue => found.sort_by(|a, b| match (&a.next_due, &b.next_due) {
            (Some(x), Some(y)) => x.0.cmp(&y.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => newest(a, b),
        }),
    }
    found
}

/// The columns of the record list's CSV, in order.
pub const CSV_COLUMNS: [&str; 12] = [
    "Reference",
    "Kind",
    "Received",
    "Service",
    "Name",
    "Summary",
    "Stage",
    "Handler",
    "Next due",
    "Next deadline",
    "Status",
    "Closed",
];

/// The rows found, as a CSV document for a spreadsheet: dates as ISO 8601 so they sort.
pub fn list_csv(rows: &[&RecordRow]) -> String {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let record = &row.record;
            let (due, label, status) = match &row.next_due {
                Some((due, status, label)) => (Some(*due), label.clone(), status.words()),
                None => (None, String::new(), String::new()),
            };
            vec![
                record.reference.clone(),
                record.kind.short_name().to_string(),
                date(Some(record.received)),
                record.service.clone(),
                record.person_name.clone().unwrap_or_default(),
                record.summary.clone(),
                row.stage.map(|s| s.to_string()).unwrap_or_default(),
                row.handler.clone().unwrap_or_default(),
                date(due),
                label,
                status,
                date(record.closed),
            ]
        })
        .collect();
    crate::exchange::csv::document(&CSV_COLUMNS, &cells)
}

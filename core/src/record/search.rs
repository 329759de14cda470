//! Finding records: search as you type over reference, name and summary; filters by kind,
//! service, stage, state and handler; sorting; and GOV.UK pagination of what is found.
//!
//! Built for 50,000 records: a [`RecordRow`] holds only what the list shows and filters on,
//! with its lower-cased search text prepared once when the record changes. [`Rows`] keeps one row
//! per record by id, so saving one record re-derives one row, not all of them. A keystroke
//! lower-cases and splits the query once ([`Query`]), then only compares prepared text.

use super::{Record, RecordKind};
use crate::deadline::{Rules, Status, record_deadlines};
use crate::procedure::Basis;
use chrono::{DateTime, NaiveDate, Utc};
use std::cmp::Reverse;
use std::collections::HashMap;

mod kept;
pub use kept::{ROW_FORMAT, keep_row, kept_row};

/// The longest headline the list shows of a summary, in characters, before "…".
pub const HEADLINE_CHARS: usize = 80;

/// The first line of a summary, cut to a length a table cell can hold.
pub fn headline(summary: &str) -> String {
    let first_line = summary.lines().next().unwrap_or_default();
    if first_line.chars().count() > HEADLINE_CHARS {
        let cut: String = first_line.chars().take(HEADLINE_CHARS - 1).collect();
        format!("{cut}…")
    } else {
        first_line.to_string()
    }
}

/// What the records list shows of one record, with its next deadline worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRow {
    pub id: String,
    pub reference: String,
    pub kind: RecordKind,
    pub received: NaiveDate,
    pub created: DateTime<Utc>,
    /// When the record last changed: with `id`, a key for a keyed list that redraws a row only
    /// when its record changed.
    pub updated: DateTime<Utc>,
    pub service: String,
    pub person_name: Option<String>,
    /// The summary's first line, cut to [`HEADLINE_CHARS`] (see [`headline`]).
    pub headline: String,
    /// 1-based stage the record is at, if it has stages.
    pub stage: Option<usize>,
    pub handler: Option<String>,
    /// The nearest thing still due, with its status and what it is: for the organisation's own
    /// records, the first of what My work lists ([`crate::worklist::due_items`]); for an
    /// advocate's case, the earliest of its deadlines not yet met.
    pub next_due: Option<(NaiveDate, Status, String)>,
    pub overdue: bool,
    pub closed: Option<NaiveDate>,
    /// A complaint made *to* another organisation (the advocate's workspace).
    pub advocacy: bool,
    /// What My work lists of the record, soonest first: everything due on the organisation's
    /// own records ([`crate::worklist::due_items`]); on an advocate's case, what the other
    /// organisation owes ([`crate::worklist::owed`]).
    pub work: Vec<crate::worklist::DueItem>,
    /// Lower-case text searched: reference, name and the whole summary.
    haystack: String,
    /// The calendar the next deadline's status is counted on, to work it out again another day.
    due_basis: Basis,
    /// Which letters and digits the search text holds (see [`letter_set`]): a search word with
    /// a letter the row lacks is ruled out without reading the text.
    letters: u64,
}

/// A set of the characters in `text`, one bit each: `a`–`z` and `0`–`9` their own bit, any
/// other character one shared bit. If a word's set is not within a text's, the text cannot
/// hold the word; a one-letter word is in the text exactly when its bit is.
pub fn letter_set(text: &str) -> u64 {
    text.chars().fold(0, |set, c| set | letter_bit(c))
}

fn letter_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 1 << 63,
    }
}

impl RecordRow {
    pub fn new(record: &Record, rules: &Rules) -> Self {
        let work = if record.is_advocacy() {
            crate::worklist::owed(record, rules)
        } else {
            crate::worklist::due_items(record, rules)
        };
        let next = if record.is_advocacy() {
            // An advocate's case: the next of the other organisation's dates, or the
            // person's own window to ask for the next stage.
            record
                .closed
                .is_none()
                .then(|| {
                    record_deadlines(record, rules)
                        .into_iter()
                        .filter_map(|d| d.status.map(|s| ((d.due, s, d.label), d.basis)))
                        .filter(|((_, s, _), _)| !matches!(s, Status::Met | Status::MetLate(_) | Status::NotStarted))
                        .min_by_key(|((due, _, _), _)| *due)
                })
                .flatten()
        } else {
            // The nearest of what My work lists for the record: deadlines, actions, remedies,
            // recommendations and reviews alike.
            work.first()
                .map(|item| ((item.due, item.status, item.label.clone()), item.basis))
        };
        let due_basis = next.as_ref().map_or(Basis::Statutory, |(_, basis)| *basis);
        let next_due = next.map(|(due, _)| due);
        let overdue = next_due
            .as_ref()
            .is_some_and(|(_, s, _)| matches!(s, Status::Overdue(_)));
        // Both names, so a record is found by whoever raised it as well as by the person.
        let haystack = format!(
            "{} {} {} {}",
            record.reference,
            record.person.name,
            record.raised_by.as_ref().map_or("", |r| r.name.as_str()),
            record.summary
        )
        .to_lowercase();
        Self {
            id: record.id.clone(),
            reference: record.reference.clone(),
            kind: record.kind,
            received: record.received,
            created: record.created,
            updated: record.updated,
            service: record.service.clone(),
            person_name: record.display_name().map(str::to_string),
            headline: headline(&record.summary),
            stage: (!record.stages.is_empty()).then_some(record.stages.len()),
            handler: record.stages.last().and_then(|s| s.handler.clone()),
            next_due,
            overdue,
            closed: record.closed,
            advocacy: record.is_advocacy(),
            work,
            letters: letter_set(&haystack),
            haystack,
            due_basis,
        }
    }
}

/// Every record's row, kept up to date one record at a time. Rows sit side by side in one list
/// (a search walks them in order, which is what keeps a keystroke fast), with an index by id.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    rows: Vec<RecordRow>,
    /// Beside each row, what most searches need of it, small and side by side: a keystroke
    /// walks these and reads a row itself only when they cannot decide.
    keys: Vec<RowKey>,
    by_id: HashMap<String, usize>,
}

/// What a search needs to know of a row, in 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RowKey {
    letters: u64,
    kind: RecordKind,
    /// The stage, 0 for none (more than 255 stages count as 255, which no procedure has).
    stage: u8,
    advocacy: bool,
    closed: bool,
    overdue: bool,
}

impl RowKey {
    fn of(row: &RecordRow) -> Self {
        RowKey {
            letters: row.letters,
            kind: row.kind,
            stage: row.stage.map_or(0, |s| u8::try_from(s).unwrap_or(u8::MAX)),
            advocacy: row.advocacy,
            closed: row.closed.is_some(),
            overdue: row.overdue,
        }
    }
}

impl PartialEq for Rows {
    /// The same rows, whatever order they are held in.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|row| other.get(&row.id) == Some(row))
    }
}

impl Eq for Rows {}

impl Rows {
    /// Rows for every record, e.g. at start-up or when the rules change (settings, or a new day:
    /// statuses are worked out for `rules.today`).
    pub fn new(records: &[Record], rules: &Rules) -> Self {
        let mut rows = Self::default();
        rows.rebuild(records, rules);
        rows
    }

    /// Replaces every row with one worked out afresh. A record id held twice keeps one row, the
    /// later record's.
    pub fn rebuild(&mut self, records: &[Record], rules: &Rules) {
        self.rows.clear();
        self.keys.clear();
        self.by_id.clear();
        self.rows.reserve(records.len());
        self.keys.reserve(records.len());
        self.by_id.reserve(records.len());
        for record in records {
            self.upsert(record, rules);
        }
    }

    /// The row of a record just saved, added or replaced.
    pub fn upsert(&mut self, record: &Record, rules: &Rules) {
        self.insert(RecordRow::new(record, rules));
    }

    /// Adds or replaces a row read back from storage ([`kept_row`]).
    pub fn insert(&mut self, row: RecordRow) {
        let key = RowKey::of(&row);
        match self.by_id.get(&row.id).copied() {
            Some(i) if i < self.rows.len() => {
                self.rows[i] = row;
                self.keys[i] = key;
            }
            _ => {
                self.by_id.insert(row.id.clone(), self.rows.len());
                self.rows.push(row);
                self.keys.push(key);
            }
        }
    }

    /// Forgets a deleted record's row, returning it if there was one.
    pub fn remove(&mut self, id: &str) -> Option<RecordRow> {
        let index = self.by_id.remove(id)?;
        if index >= self.rows.len() {
            return None;
        }
        let row = self.rows.swap_remove(index);
        self.keys.swap_remove(index);
        // The last row moved into the gap.
        if let Some(moved) = self.rows.get(index) {
            self.by_id.insert(moved.id.clone(), index);
        }
        Some(row)
    }

    pub fn get(&self, id: &str) -> Option<&RecordRow> {
        self.by_id.get(id).and_then(|&i| self.rows.get(i))
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every row, in no particular order.
    pub fn iter(&self) -> std::slice::Iter<'_, RecordRow> {
        self.rows.iter()
    }

    /// Every row, in no particular order.
    pub fn as_slice(&self) -> &[RecordRow] {
        &self.rows
    }

    /// The rows that match, in the order asked for (see [`find_rows`]).
    pub fn find(&self, filter: &RecordFilter, sort: SortBy) -> Vec<&RecordRow> {
        find_rows(self.iter(), filter, sort)
    }

    /// Where the matching rows sit in [`Rows::as_slice`], in the order asked for: what a page
    /// keeps between keystrokes instead of copies of the rows (a few bytes a match).
    pub fn find_positions(&self, filter: &RecordFilter, sort: SortBy) -> Vec<usize> {
        self.find_in_order(&self.order(sort), filter)
    }

    /// Every row's position in [`Rows::as_slice`], sorted as asked: worked out once for as long
    /// as the rows stay the same, so a keystroke only filters ([`Rows::find_in_order`]).
    pub fn order(&self, sort: SortBy) -> Vec<usize> {
        let base = self.rows.as_ptr() as usize;
        let size = std::mem::size_of::<RecordRow>().max(1);
        find_rows(self.iter(), &RecordFilter::default(), sort)
            .into_iter()
            .map(|row| (row as *const RecordRow as usize - base) / size)
            .collect()
    }

    /// The positions in `order` (from [`Rows::order`]) whose rows match, in that order.
    pub fn find_in_order(&self, order: &[usize], filter: &RecordFilter) -> Vec<usize> {
        let query = Query::new(&filter.text);
        let letters = query.words.iter().fold(0, |set, word| set | word.letters);
        // Whether the keys alone decide: no filter by words of a person's choosing, and every
        // search word a single letter or digit.
        let keys_decide = filter.service.is_none() && filter.handler.is_none() && query.words.iter().all(|w| w.single);
        let stage = filter.stage.map(|s| u8::try_from(s).unwrap_or(u8::MAX));
        let passes = |key: &RowKey| {
            key.letters & letters == letters
                && filter.kind.is_none_or(|kind| key.kind == kind)
                && filter.advocacy.is_none_or(|advocacy| key.advocacy == advocacy)
                && stage.is_none_or(|stage| key.stage == stage)
                && match filter.state {
                    None => true,
                    Some(State::Open) => !key.closed,
                    Some(State::Closed) => key.closed,
                    Some(State::Overdue) => key.overdue,
                }
        };
        order
            .iter()
            .copied()
            .filter(|&i| {
                self.keys.get(i).is_some_and(passes)
                    && (keys_decide || self.rows.get(i).is_some_and(|row| filter.matches_query(row, &query)))
            })
            .collect()
    }

    /// The handlers named on any row, sorted and once each, for the handler filter.
    pub fn handlers(&self) -> Vec<String> {
        let mut names: Vec<&str> = self.iter().filter_map(|row| row.handler.as_deref()).collect();
        crate::order::sort_dedup(&mut names);
        names.into_iter().map(str::to_string).collect()
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
    /// `Some(false)` for the records list (complaints made to others live under Advocacy),
    /// `Some(true)` for the advocate's cases, `None` for both.
    pub advocacy: Option<bool>,
}

/// Search words, lower-cased and split once per search rather than once per row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<Word>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    text: String,
    letters: u64,
    /// One letter or digit: the row's letter set alone answers whether it is there.
    single: bool,
}

impl Query {
    pub fn new(text: &str) -> Self {
        Self {
            words: text
                .to_lowercase()
                .split_whitespace()
                .map(|word| Word {
                    letters: letter_set(word),
                    single: word.len() == 1 && word.as_bytes()[0].is_ascii_alphanumeric(),
                    text: word.to_string(),
                })
                .collect(),
        }
    }

    /// Whether every word is somewhere in the row's reference, name or summary.
    pub fn matches(&self, row: &RecordRow) -> bool {
        self.words.iter().all(|word| {
            row.letters & word.letters == word.letters && (word.single || row.haystack.contains(word.text.as_str()))
        })
    }
}

impl RecordFilter {
    /// Whether `row` passes every filter. Lower-cases the text each call: for many rows use
    /// [`find_rows`] or [`RecordFilter::matches_query`], which do that once.
    pub fn matches(&self, row: &RecordRow) -> bool {
        self.matches_query(row, &Query::new(&self.text))
    }

    /// As [`RecordFilter::matches`], with the text already prepared.
    pub fn matches_query(&self, row: &RecordRow, query: &Query) -> bool {
        self.kind.is_none_or(|kind| row.kind == kind)
            && self.advocacy.is_none_or(|advocacy| row.advocacy == advocacy)
            && self.service.as_ref().is_none_or(|service| &row.service == service)
            && self.stage.is_none_or(|stage| row.stage == Some(stage))
            && self
                .handler
                .as_ref()
                .is_none_or(|handler| row.handler.as_ref() == Some(handler))
            && match self.state {
                None => true,
                Some(State::Open) => row.closed.is_none(),
                Some(State::Closed) => row.closed.is_some(),
                Some(State::Overdue) => row.overdue,
            }
            && query.matches(row)
    }
}

/// Sorts by a small key held beside each row, so comparing touches the keys side by side rather
/// than each row where it lies; ties go by id, so the order never depends on how rows are held.
fn sort_by_key<'a, K: Ord>(found: &mut Vec<&'a RecordRow>, key: impl Fn(&'a RecordRow) -> K) {
    let mut keyed: Vec<(K, &'a RecordRow)> = found.iter().map(|row| (key(row), *row)).collect();
    crate::order::sort_by(&mut keyed, |a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    found.clear();
    found.extend(keyed.into_iter().map(|(_, row)| row));
}

/// The rows that match, in the order asked for. Takes any rows by reference (a slice, or
/// [`Rows::iter`]) and copies none of them.
pub fn find_rows<'a>(
    rows: impl IntoIterator<Item = &'a RecordRow>,
    filter: &RecordFilter,
    sort: SortBy,
) -> Vec<&'a RecordRow> {
    let query = Query::new(&filter.text);
    let mut found: Vec<&RecordRow> = rows
        .into_iter()
        .filter(|row| filter.matches_query(row, &query))
        .collect();
    match sort {
        // Latest received first, then latest created.
        SortBy::Newest => sort_by_key(&mut found, |row| (Reverse(row.received), Reverse(row.created))),
        SortBy::Oldest => sort_by_key(&mut found, |row| (row.received, row.created)),
        SortBy::Reference => sort_by_key(&mut found, |row| row.reference.as_str()),
        // Earliest next deadline first, records with none last; then newest first.
        SortBy::NextDue => sort_by_key(&mut found, |row| {
            (
                row.next_due.is_none(),
                row.next_due.as_ref().map(|(due, _, _)| *due),
                Reverse(row.received),
                Reverse(row.created),
            )
        }),
    }
    found
}

/// One link of a GOV.UK pagination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLink {
    /// A page number, from 1.
    Number(usize),
    /// "⋯": pages left out.
    Ellipsis,
}

/// One page of what was found, and the pagination to show under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<'a, T> {
    /// The items on this page.
    pub items: &'a [T],
    /// This page's number, from 1 (the page asked for, brought within the pages there are).
    pub number: usize,
    /// How many pages there are; 1 when nothing was found.
    pub pages: usize,
    /// How many items there are in all.
    pub total: usize,
    /// The position of this page's first and last items, from 1, for "Showing 21 to 40 of 312";
    /// both 0 when nothing was found.
    pub first: usize,
    pub last: usize,
    pub previous: Option<usize>,
    pub next: Option<usize>,
    /// The page links: the first, the last, this one and the ones either side of it, with an
    /// ellipsis for each gap. Empty when there is only one page (GOV.UK shows no pagination).
    pub links: Vec<PageLink>,
}

/// Page `page` (from 1; 0 or past the end is brought within range) of `items`, `per_page` at a
/// time (at least 1).
pub fn page<T>(items: &[T], page: usize, per_page: usize) -> Page<'_, T> {
    let per_page = per_page.max(1);
    let total = items.len();
    let pages = total.div_ceil(per_page).max(1);
    let number = page.clamp(1, pages);
    let start = (number - 1).saturating_mul(per_page).min(total);
    let end = start.saturating_add(per_page).min(total);
    let mut links = Vec::new();
    if pages > 1 {
        let shown = |n: usize| n == 1 || n == pages || n.abs_diff(number) <= 1;
        for n in 1..=pages {
            if shown(n) {
                links.push(PageLink::Number(n));
            } else if shown(n - 1) && shown(n + 1) {
                // An ellipsis standing for a single page hides nothing worth hiding.
                links.push(PageLink::Number(n));
            } else if shown(n - 1) {
                links.push(PageLink::Ellipsis);
            }
        }
    }
    Page {
        items: items.get(start..end).unwrap_or_default(),
        number,
        pages,
        total,
        first: if total == 0 { 0 } else { start + 1 },
        last: end,
        previous: (number > 1).then(|| number - 1),
        next: (number < pages).then(|| number + 1),
        links,
    }
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
    "What is due next",
    "Status",
    "Closed",
];

/// The rows found, as a CSV document for a spreadsheet: dates as ISO 8601 so they sort. Rows
/// hold only a summary's headline, so `record` looks up each row's record by id for the whole
/// summary; a row whose record it cannot find gives its headline.
pub fn list_csv<'r>(rows: &[&RecordRow], record: impl Fn(&str) -> Option<&'r Record>) -> String {
    let date = |d: Option<NaiveDate>| d.map(crate::format::iso_date).unwrap_or_default();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let (due, label, status) = match &row.next_due {
                Some((due, status, label)) => (Some(*due), label.clone(), status.words()),
                None => (None, String::new(), String::new()),
            };
            let summary = record(&row.id).map_or_else(|| row.headline.clone(), |record| record.summary.clone());
            vec![
                row.reference.clone(),
                row.kind.short_name().to_string(),
                date(Some(row.received)),
                row.service.clone(),
                row.person_name.clone().unwrap_or_default(),
                summary,
                row.stage.map(|s| s.to_string()).unwrap_or_default(),
                row.handler.clone().unwrap_or_default(),
                date(due),
                label,
                status,
                date(row.closed),
            ]
        })
        .collect();
    crate::exchange::csv::document(&CSV_COLUMNS, &cells)
}

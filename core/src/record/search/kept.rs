//! The records list's rows as kept in storage between starts, so the list can be drawn before
//! every record has been read: what a row holds, less what depends on the day (the status of
//! its next deadline, worked out again from the date and its calendar when read back).
//!
//! A kept row is a cache, never the truth: once the records are read their rows are worked out
//! afresh and any kept row that differs is written again. A row kept by another release of
//! Redress, or one that does not parse, is not used.

use super::{RecordRow, letter_set};
use crate::deadline::Rules;
use crate::procedure::Basis;
use crate::record::RecordKind;
use crate::worklist::{DueItem, DueKind};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What a kept row must carry to be used: its layout and the release that worked it out (a
/// release may count deadlines differently, so rows from another one are worked out again).
// 2: the search text holds whoever raised it as well as the person (schema 3).
// 3: the next due is the nearest of everything My work lists (actions, remedies, reviews…), not
//    only a stage's deadline.
// 4: everything My work lists of the record, so My work is drawn from kept rows at start.
pub const ROW_FORMAT: &str = concat!("4/", env!("CARGO_PKG_VERSION"));

/// A row as kept: short names, since there is one per record.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Kept<'a> {
    #[serde(borrow)]
    f: Cow<'a, str>,
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    r: Cow<'a, str>,
    k: RecordKind,
    d: NaiveDate,
    c: DateTime<Utc>,
    u: DateTime<Utc>,
    #[serde(borrow)]
    s: Cow<'a, str>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    n: Option<Cow<'a, str>>,
    #[serde(borrow)]
    h: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    st: Option<usize>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    hd: Option<Cow<'a, str>>,
    /// The next deadline still open: its date and label, and the calendar it is counted on.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    due: Option<(NaiveDate, Cow<'a, str>, Basis)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cl: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    a: bool,
    #[serde(borrow)]
    t: Cow<'a, str>,
    /// What My work lists of the record: what, its label, when, the calendar its status is
    /// counted on, and whose.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    w: Vec<KeptWork<'a>>,
}

/// One thing due, as kept: its status is worked out again from the date and its calendar.
type KeptWork<'a> = (DueKind, Cow<'a, str>, NaiveDate, Basis, Option<Cow<'a, str>>);

impl<'a> Kept<'a> {
    fn of(row: &'a RecordRow) -> Self {
        Kept {
            f: Cow::Borrowed(ROW_FORMAT),
            id: Cow::Borrowed(&row.id),
            r: Cow::Borrowed(&row.reference),
            k: row.kind,
            d: row.received,
            c: row.created,
            u: row.updated,
            s: Cow::Borrowed(&row.service),
            n: row.person_name.as_deref().map(Cow::Borrowed),
            h: Cow::Borrowed(&row.headline),
            st: row.stage,
            hd: row.handler.as_deref().map(Cow::Borrowed),
            due: row
                .next_due
                .as_ref()
                .map(|(due, _, label)| (*due, Cow::Borrowed(label.as_str()), row.due_basis)),
            cl: row.closed,
            a: row.advocacy,
            t: Cow::Borrowed(&row.haystack),
            w: row
                .work
                .iter()
                .map(|item| {
                    let handler = item.handler.as_deref().map(Cow::Borrowed);
                    (
                        item.kind,
                        Cow::Borrowed(item.label.as_str()),
                        item.due,
                        item.basis,
                        handler,
                    )
                })
                .collect(),
        }
    }
}

/// The row as text to keep.
pub fn keep_row(row: &RecordRow) -> String {
    serde_json::to_string(&Kept::of(row)).unwrap_or_default()
}

/// A kept row read back, its next deadline's status worked out for `rules.today`; `None` when
/// it does not parse or another release kept it.
pub fn kept_row(text: &str, rules: &Rules) -> Option<RecordRow> {
    let kept: Kept = serde_json::from_str(text).ok()?;
    if kept.f != ROW_FORMAT {
        return None;
    }
    let (next_due, due_basis) = match kept.due {
        Some((due, label, basis)) => (Some((due, rules.status(basis, due, None), label.into_owned())), basis),
        None => (None, Basis::Statutory),
    };
    let overdue = next_due
        .as_ref()
        .is_some_and(|(_, status, _)| matches!(status, crate::deadline::Status::Overdue(_)));
    let work = kept
        .w
        .into_iter()
        .map(|(kind, label, due, basis, handler)| DueItem {
            kind,
            label: label.into_owned(),
            due,
            status: rules.status(basis, due, None),
            handler: handler.map(Cow::into_owned),
            basis,
        })
        .collect();
    let haystack = kept.t.into_owned();
    Some(RecordRow {
        id: kept.id.into_owned(),
        reference: kept.r.into_owned(),
        kind: kept.k,
        received: kept.d,
        created: kept.c,
        updated: kept.u,
        service: kept.s.into_owned(),
        person_name: kept.n.map(Cow::into_owned),
        headline: kept.h.into_owned(),
        stage: kept.st,
        handler: kept.hd.map(Cow::into_owned),
        next_due,
        overdue,
        closed: kept.cl,
        advocacy: kept.a,
        work,
        letters: letter_set(&haystack),
        haystack,
        due_basis,
    })
}

impl RecordRow {
    /// Whether keeping `self` would keep the same as keeping `other`: the same row, whatever
    /// day each one's status was worked out for.
    pub fn same_kept(&self, other: &RecordRow) -> bool {
        Kept::of(self) == Kept::of(other)
    }
}

//! The Ombudsman pack: a dated timeline of the case, what was asked for, what is still
//! outstanding, the letters sent in full, and how to contact the Ombudsman — for the person to
//! send with their complaint. A letter that is also a stage's event (the complaint, the request
//! for the next stage) is one line of the timeline, not two.

use crate::deadline::{DeadlineKind, Rules, Status, record_deadlines};
use crate::format::long_date;
use crate::record::Record;
use crate::record::casework::{Correspondence, CorrespondenceKind};
use chrono::NaiveDate;
use std::collections::HashSet;

/// A letter sent, as the pack gives it in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackLetter {
    pub date: NaiveDate,
    /// "Complaint sent.", "Chaser sent." …
    pub what: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    /// Oldest first; events on the same day in the order they happened.
    pub timeline: Vec<(NaiveDate, String)>,
    pub asked_for: String,
    /// What the organisation still owes, with how late it is.
    pub outstanding: Vec<String>,
    /// Every letter sent on the case, oldest first, in full.
    pub letters: Vec<PackLetter>,
    pub ombudsman: &'static str,
}

/// Whether a log entry is the letter that started a stage, which the timeline already shows.
fn starts_a_stage(entry: &Correspondence) -> bool {
    match &entry.letter {
        Some(code) => code.starts_with("complaint@") || code.starts_with("next-stage@"),
        None => entry.note.starts_with("Complaint sent.") || entry.note.starts_with("Next stage asked for."),
    }
}

/// A letter's log note split into what it was ("Chaser sent.") and the letter itself.
fn letter_of(entry: &Correspondence) -> Option<PackLetter> {
    if entry.kind != CorrespondenceKind::Letter {
        return None;
    }
    let (what, text) = entry.note.split_once("\n\n")?;
    (!text.trim().is_empty()).then(|| PackLetter {
        date: entry.date,
        what: what.trim().to_string(),
        text: text.trim().to_string(),
    })
}

pub fn ombudsman_pack(record: &Record, rules: &Rules) -> Pack {
    let mut timeline: Vec<(NaiveDate, String)> = Vec::new();
    let organisation = record
        .outgoing
        .as_ref()
        .map_or("the organisation", |o| o.organisation.as_str());
    if let Some(date) = record.issue_date {
        timeline.push((date, "What the complaint is about happened (or was found out).".into()));
    }
    if let Some(date) = record.outgoing.as_ref().and_then(|o| o.authority) {
        timeline.push((date, "The person agreed that their advocate may act for them.".into()));
    }
    for (index, stage) in record.stages.iter().enumerate() {
        let n = index + 1;
        let sent = if index == 0 {
            "Complaint sent to"
        } else {
            "Stage request sent to"
        };
        timeline.push((stage.started, format!("Stage {n}: {sent} {organisation}.")));
        if let Some(date) = stage.acknowledged {
            timeline.push((date, format!("Stage {n}: {organisation} acknowledged it.")));
        }
        for extension in &stage.extensions {
            let told = extension.told.unwrap_or(stage.started);
            timeline.push((
                told,
                format!(
                    "Stage {n}: {organisation} extended the time to reply, to {}, because: {}",
                    long_date(extension.to),
                    extension.reason
                ),
            ));
        }
        if let Some(date) = stage.responded {
            let outcome = stage
                .outcome
                .map(|o| format!(" Outcome: {}.", o.name().to_lowercase()))
                .unwrap_or_default();
            timeline.push((date, format!("Stage {n}: {organisation} responded.{outcome}")));
        }
    }
    for letter in record.correspondence.iter().filter(|entry| !starts_a_stage(entry)) {
        timeline.push((
            letter.date,
            format!(
                "{}: {}",
                letter.kind.name(),
                letter.note.lines().next().unwrap_or_default()
            ),
        ));
    }
    // A stable sort keeps same-day events in the order above.
    crate::order::sort_by_key(&mut timeline, |(date, _)| *date);
    let mut seen = HashSet::new();
    timeline.retain(|line| seen.insert(line.clone()));
    // What the stage in hand still owes: an earlier stage's dates, or this one's once it is
    // answered, are history, not outstanding.
    let current = record
        .stages
        .len()
        .checked_sub(1)
        .filter(|index| record.stages[*index].responded.is_none());
    let outstanding = record_deadlines(record, rules)
        .into_iter()
        .filter(|d| current.is_some() && d.stage == current)
        .filter_map(|d| match d.status {
            Some(Status::Overdue(n)) if !matches!(d.kind, DeadlineKind::NextStageWindow) => Some(format!(
                "{}: due {}, now {} late.",
                d.label,
                long_date(d.due),
                crate::deadline::days(n)
            )),
            _ => None,
        })
        .collect();
    Pack {
        timeline,
        asked_for: record
            .outgoing
            .as_ref()
            .map(|o| o.answers.wanted.clone())
            .filter(|w| !w.trim().is_empty())
            .unwrap_or_else(|| "[What the person asked for]".into()),
        outstanding,
        letters: record.correspondence.iter().filter_map(letter_of).collect(),
        ombudsman: crate::record::letters::ombudsman(record, rules),
    }
}

//! The Ombudsman pack: a dated timeline of the case, what was asked for, what is still
//! outstanding, and how to contact the Ombudsman — for the person to send with their complaint.

use crate::deadline::{DeadlineKind, Rules, Status, record_deadlines};
use crate::format::long_date;
use crate::record::Record;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    /// Oldest first; events on the same day in the order they happened.
    pub timeline: Vec<(NaiveDate, String)>,
    pub asked_for: String,
    /// What the organisation still owes, with how late it is.
    pub outstanding: Vec<String>,
    pub ombudsman: &'static str,
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
        if let Some(extension) = &stage.extension {
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
    for letter in &record.correspondence {
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
    let outstanding = record_deadlines(record, rules)
        .into_iter()
        .filter_map(|d| match d.status {
            Some(Status::Overdue(n)) if !matches!(d.kind, DeadlineKind::TimeLimit | DeadlineKind::NextStageWindow) => {
                Some(format!(
                    "{}: due {}, now {} late.",
                    d.label,
                    long_date(d.due),
                    crate::deadline::days(n)
                ))
            }
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
        ombudsman: crate::record::letters::ombudsman(record),
    }
}

//! The regular update for the Member Responsible for Complaints (Code 9.6, 9.7a, b) for any range
//! of dates: volume, categories, outcomes, handling performance and themes.

use super::figures::{NOT_KNOWN_NOTE, Timeliness, average_days, by_kind, counted, outcomes_by_stage, share};
use super::{Cell, Period, Table};
use crate::deadline::Rules;
use crate::record::{Record, RecordKind};
use std::collections::BTreeMap;

/// How many subjects the themes table lists.
pub const THEMES: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct MemberReport {
    pub period: Period,
    pub service: Option<String>,
    pub tables: Vec<Table>,
    /// Learning statements marked for publication, from records received in the range.
    pub learning: Vec<String>,
}

/// Most first, then alphabetically.
fn ranked(counts: BTreeMap<&str, usize>) -> Vec<(&str, usize)> {
    let mut list: Vec<(&str, usize)> = counts.into_iter().collect();
    crate::order::sort_by(&mut list, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    list
}

pub fn member_report(records: &[Record], rules: &Rules, period: Period, service: Option<&str>) -> MemberReport {
    let received: Vec<&Record> = counted(records, service)
        .filter(|r| period.contains(r.received))
        .collect();
    let mut tables = vec![by_kind(records, service, period)];

    let mut performance = Table::new(
        "handling",
        "Handling performance",
        &[
            "Stage",
            "Responses",
            "Within the standard limit",
            "Within the extended limit",
            "Average working days",
            "Deadline not known",
        ],
    );
    for stage in 0..3 {
        let counts = Timeliness::of(records, service, period, stage, rules);
        performance.row(vec![
            Cell::from(format!("Stage {}", stage + 1)),
            Cell::Count(counts.answered),
            share(counts.standard, counts.known),
            share(counts.extended, counts.known),
            average_days(records, service, period, stage, rules),
            Cell::Count(counts.not_known()),
        ]);
    }
    tables.push(performance.with_note(NOT_KNOWN_NOTE));
    tables.push(outcomes_by_stage(records, service, period));

    let mut subjects: BTreeMap<&str, usize> = BTreeMap::new();
    let mut areas: BTreeMap<&str, usize> = BTreeMap::new();
    for record in received.iter().filter(|r| r.kind == RecordKind::Complaint) {
        for subject in &record.intake.subjects {
            *subjects.entry(subject).or_default() += 1;
        }
        if !record.intake.service_area.is_empty() {
            *areas.entry(&record.intake.service_area).or_default() += 1;
        }
    }
    let mut themes = Table::new(
        "themes",
        "Themes: the subjects complained about most",
        &["Subject", "Complaints"],
    );
    for (subject, n) in ranked(subjects).into_iter().take(THEMES) {
        themes.row(vec![subject.into(), Cell::Count(n)]);
    }
    tables.push(themes.with_chart(1));
    let mut categories = Table::new(
        "categories",
        "Categories: complaints by service area",
        &["Service area", "Complaints"],
    );
    for (area, n) in ranked(areas) {
        categories.row(vec![area.into(), Cell::Count(n)]);
    }
    tables.push(categories.with_chart(1));
    MemberReport {
        period,
        service: service.map(str::to_string),
        tables,
        learning: received
            .iter()
            .flat_map(|r| &r.learning)
            .filter(|l| l.publish)
            .map(|l| l.statement.clone())
            .collect(),
    }
}

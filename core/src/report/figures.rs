//! Figures more than one report needs: which records count, the stages answered in a period,
//! whether each was on time, shares, counts by category, records by kind, average days to
//! respond and outcomes by stage.

use super::{Cell, Period, Table};
use crate::calendar::working_days_between;
use crate::deadline::{DeadlineKind, Rules, Status, record_deadlines};
use crate::record::{Outcome, Record, RecordKind, StageEvents};

/// The records a report counts: real ones, the organisation's own (not complaints it made to
/// others as an advocate), of the service asked for.
pub(crate) fn counted<'a>(records: &'a [Record], service: Option<&'a str>) -> impl Iterator<Item = &'a Record> + 'a {
    records
        .iter()
        .filter(move |r| !r.sample && !r.is_advocacy() && service.is_none_or(|s| r.service == s))
}

/// Each stage answered in the period, with its record and index.
pub(crate) fn stages_answered<'a>(
    records: &'a [Record],
    service: Option<&'a str>,
    period: Period,
) -> impl Iterator<Item = (&'a Record, usize, &'a StageEvents)> + 'a {
    counted(records, service).flat_map(move |record| {
        record
            .stages
            .iter()
            .enumerate()
            .filter(move |(_, stage)| stage.responded.is_some_and(|d| period.contains(d)))
            .map(move |(index, stage)| (record, index, stage))
    })
}

/// Whether a stage's response met its standard limit, and its extended one (the extended date
/// where there was an extension, else the standard one again); `None` when its deadline is not
/// known (no procedure, or one that sets no response date for that stage), so it is counted
/// neither on time nor late.
pub(crate) fn on_time(record: &Record, index: usize, rules: &Rules) -> Option<(bool, bool)> {
    let deadlines = record_deadlines(record, rules);
    let met = |kind: DeadlineKind| {
        deadlines
            .iter()
            .find(|d| d.stage == Some(index) && d.kind == kind)
            .and_then(|d| d.status)
            .map(|status| status == Status::Met)
    };
    let standard = met(DeadlineKind::Response)?;
    let extended = met(DeadlineKind::Extended).unwrap_or(standard);
    Some((standard, extended))
}

/// The responses of one stage sent in a period, and how many of those with a known deadline
/// met it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Timeliness {
    pub answered: usize,
    /// Answered, with a deadline that is known: the whole the shares are of.
    pub known: usize,
    pub standard: usize,
    pub extended: usize,
}

impl Timeliness {
    pub(crate) fn of(
        records: &[Record],
        service: Option<&str>,
        period: Period,
        stage: usize,
        rules: &Rules,
    ) -> Timeliness {
        let mut counts = Timeliness::default();
        for (record, index, _) in stages_answered(records, service, period).filter(|(_, index, _)| *index == stage) {
            counts.answered += 1;
            if let Some((standard, extended)) = on_time(record, index, rules) {
                counts.known += 1;
                counts.standard += usize::from(standard);
                counts.extended += usize::from(extended);
            }
        }
        counts
    }

    pub(crate) fn not_known(&self) -> usize {
        self.answered - self.known
    }
}

/// The note under a table of responses on time.
pub(crate) const NOT_KNOWN_NOTE: &str = "A response whose deadline is not known (no procedure was recorded, or the procedure sets no date for that stage) is counted as “deadline not known”, never as late: the shares are of the responses whose deadline is known.";

/// "80% (4 of 5)", or "–" when nothing was answered.
pub(crate) fn share(part: usize, whole: usize) -> Cell {
    Cell::Share { part, whole }
}

/// "33%", or "–" when there is nothing to share.
pub(crate) fn percent(part: usize, whole: usize) -> Cell {
    Cell::Percent { part, whole }
}

pub(crate) fn counts_table<K: PartialEq + Clone>(
    id: &str,
    caption: &str,
    first: &str,
    items: impl Iterator<Item = K>,
    name: impl Fn(&K) -> String,
    all: &[K],
) -> Table {
    // In the order first seen; a short list, so a search is fine.
    let mut counts: Vec<(K, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(k, _)| *k == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let mut table = Table::new(id, caption, &[first, "Number", "Share"]);
    let mut keys: Vec<K> = all.to_vec();
    keys.extend(counts.iter().map(|(k, _)| k).filter(|k| !all.contains(k)).cloned());
    for key in keys {
        let n = counts.iter().find(|(k, _)| *k == key).map_or(0, |(_, n)| *n);
        if n > 0 || all.contains(&key) {
            table.row(vec![name(&key).into(), Cell::Count(n), percent(n, total)]);
        }
    }
    table.total(vec!["Total".into(), Cell::Count(total), percent(total, total)]);
    table
        .with_chart(1)
        .with_note("Percentages are rounded to whole numbers, so they may not add up to 100.")
}

pub(crate) fn by_kind(records: &[Record], service: Option<&str>, period: Period) -> Table {
    let last = period.years_before(1);
    let count = |p: Period, kind: RecordKind| {
        counted(records, service)
            .filter(|r| r.kind == kind && p.contains(r.received))
            .count()
    };
    let total = |p: Period| counted(records, service).filter(|r| p.contains(r.received)).count();
    let (this_label, last_label) = (period.label(), last.label());
    let mut table = Table::new(
        "records-by-kind",
        "Records by kind",
        &["Kind", &this_label, "Share", &last_label, "Share"],
    );
    for kind in RecordKind::ALL {
        let (now, then) = (count(period, kind), count(last, kind));
        table.row(vec![
            kind.short_name().into(),
            Cell::Count(now),
            percent(now, total(period)),
            Cell::Count(then),
            percent(then, total(last)),
        ]);
    }
    table.total(vec![
        "Total".into(),
        Cell::Count(total(period)),
        percent(total(period), total(period)),
        Cell::Count(total(last)),
        percent(total(last), total(last)),
    ]);
    table
        .with_chart(1)
        .with_note("Percentages are rounded to whole numbers, so they may not add up to 100.")
}

/// The average working days from a stage's start to its response, to one decimal place.
pub(crate) fn average_days(
    records: &[Record],
    service: Option<&str>,
    period: Period,
    stage: usize,
    rules: &Rules,
) -> Cell {
    let days: Vec<u32> = stages_answered(records, service, period)
        .filter(|(_, index, _)| *index == stage)
        .filter_map(|(_, _, s)| {
            s.responded
                .map(|r| working_days_between(&rules.statutory, s.started, r))
        })
        .collect();
    // Summed as f64: working days from a nonsense date can be tens of millions each.
    let total: f64 = days.iter().copied().map(f64::from).sum();
    Cell::Average(Some(total / days.len() as f64).filter(|_| !days.is_empty()))
}

pub(crate) fn outcomes_by_stage(records: &[Record], service: Option<&str>, period: Period) -> Table {
    let mut table = Table::new(
        "outcomes-by-stage",
        "Outcomes by stage",
        &["Outcome", "Stage 1", "Stage 2", "Stage 3"],
    );
    for outcome in Outcome::ALL {
        let mut row = vec![Cell::from(outcome.name())];
        for stage in 0..3 {
            let n = stages_answered(records, service, period)
                .filter(|(_, index, s)| *index == stage && s.outcome == Some(outcome))
                .count();
            row.push(Cell::Count(n));
        }
        table.row(row);
    }
    table
}

//! The annual complaints report for a period, for one service or all, with earlier years beside
//! it: what came in, who complained, about what, how each stage was answered and how quickly,
//! remedies, learning, what was not accepted and why, and the latest self-assessments.

use super::{Period, Table, percent};
use crate::assessment::score::{all_part_totals, non_compliance};
use crate::assessment::{Assessment, FrameworkId};
use crate::calendar::working_days_between;
use crate::deadline::{DeadlineKind, Rules, Status, record_deadlines};
use crate::record::casework::{RemedyKind, pounds};
use crate::record::intake::{Acceptance, ComplainantType, NotAcceptedReason};
use crate::record::{ConcernOutcome, Outcome, Record, RecordKind, StageEvents};
use std::collections::BTreeMap;

/// How many years the trend tables cover, this one included.
pub const YEARS: u32 = 5;

/// The latest self-assessments, as the report states them (Code 8.1a, c).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentSummary {
    pub name: String,
    pub completed: Option<chrono::NaiveDate>,
    /// "Principle one: 28 of 36 (12 of 12 areas scored)", or for the Code its counts.
    pub lines: Vec<String>,
    /// For the Code: every "no" and "partly", with the commentary.
    pub non_compliance: Vec<(String, String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnnualReport {
    pub period: Period,
    /// `None` for every service together.
    pub service: Option<String>,
    pub tables: Vec<Table>,
    /// Learning statements marked for publication, from records received in the period.
    pub learning: Vec<String>,
    pub assessments: Vec<AssessmentSummary>,
}

/// The records a report counts: real ones, the organisation's own (not complaints it made to
/// others as an advocate), of the service asked for.
pub(super) fn counted<'a>(records: &'a [Record], service: Option<&'a str>) -> impl Iterator<Item = &'a Record> + 'a {
    records
        .iter()
        .filter(move |r| !r.sample && r.outgoing.is_none() && service.is_none_or(|s| r.service == s))
}

/// Each stage answered in the period, with its record and index.
pub(super) fn stages_answered<'a>(
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
/// where there was an extension, else the standard one again).
pub(super) fn on_time(record: &Record, index: usize, rules: &Rules) -> (bool, bool) {
    let deadlines = record_deadlines(record, rules);
    let met = |kind: DeadlineKind| {
        deadlines
            .iter()
            .find(|d| d.stage == Some(index) && d.kind == kind)
            .map(|d| d.status == Some(Status::Met))
    };
    let standard = met(DeadlineKind::Response).unwrap_or(false);
    let extended = met(DeadlineKind::Extended).unwrap_or(standard);
    (standard, extended)
}

/// "80% (4 of 5)", or "–" when nothing was answered.
pub(super) fn share(part: usize, whole: usize) -> String {
    if whole == 0 {
        "–".into()
    } else {
        format!("{} ({part} of {whole})", percent(part, whole))
    }
}

pub(super) fn counts_table<K: PartialEq + Clone>(
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
            table.row(vec![name(&key), n.to_string(), percent(n, total)]);
        }
    }
    table.row(vec!["Total".into(), total.to_string(), percent(total, total)]);
    table
        .with_chart(1)
        .with_note("Percentages are rounded to whole numbers, so they may not add up to 100.")
}

fn years(period: Period) -> Vec<Period> {
    (0..YEARS).rev().map(|n| period.years_before(n)).collect()
}

pub(super) fn by_kind(records: &[Record], service: Option<&str>, period: Period) -> Table {
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
            now.to_string(),
            percent(now, total(period)),
            then.to_string(),
            percent(then, total(last)),
        ]);
    }
    table.row(vec![
        "Total".into(),
        total(period).to_string(),
        percent(total(period), total(period)),
        total(last).to_string(),
        percent(total(last), total(last)),
    ]);
    table
        .with_chart(1)
        .with_note("Percentages are rounded to whole numbers, so they may not add up to 100.")
}

fn stages_over_years(records: &[Record], service: Option<&str>, period: Period) -> Table {
    let spans = years(period);
    let labels: Vec<String> = spans.iter().map(Period::label).collect();
    let mut headers = vec!["Stage"];
    headers.extend(labels.iter().map(String::as_str));
    let mut table = Table::new("complaints-by-stage", "Complaints by stage, five years", &headers);
    for stage in 0..3 {
        let mut row = vec![format!("Stage {}", stage + 1)];
        for span in &spans {
            let n = counted(records, service)
                .filter(|r| r.kind == RecordKind::Complaint)
                .filter(|r| r.stages.get(stage).is_some_and(|s| span.contains(s.started)))
                .count();
            row.push(n.to_string());
        }
        table.row(row);
    }
    table
}

fn on_time_over_years(records: &[Record], service: Option<&str>, period: Period, rules: &Rules) -> Table {
    let spans = years(period);
    let labels: Vec<String> = spans.iter().map(Period::label).collect();
    let mut headers = vec!["Answered on time"];
    headers.extend(labels.iter().map(String::as_str));
    let mut table = Table::new("on-time", "Responses on time, five years", &headers);
    for stage in 0..3 {
        for (limit, extended) in [("standard", false), ("extended", true)] {
            let mut row = vec![format!("Stage {}, within the {limit} limit", stage + 1)];
            for span in &spans {
                let answered: Vec<(bool, bool)> = stages_answered(records, service, *span)
                    .filter(|(_, index, _)| *index == stage)
                    .map(|(record, index, _)| on_time(record, index, rules))
                    .collect();
                let met = answered.iter().filter(|(s, e)| if extended { *e } else { *s }).count();
                row.push(share(met, answered.len()));
            }
            table.row(row);
        }
    }
    table.with_note("Of the responses sent in each year at each stage. The extended limit is the date a response was extended to, where it was; otherwise the standard limit.")
}

/// The average working days from a stage's start to its response, to one decimal place.
pub(super) fn average_days(
    records: &[Record],
    service: Option<&str>,
    period: Period,
    stage: usize,
    rules: &Rules,
) -> String {
    let days: Vec<u32> = stages_answered(records, service, period)
        .filter(|(_, index, _)| *index == stage)
        .filter_map(|(_, _, s)| {
            s.responded
                .map(|r| working_days_between(&rules.statutory, s.started, r))
        })
        .collect();
    if days.is_empty() {
        "–".into()
    } else {
        format!("{:.1}", f64::from(days.iter().sum::<u32>()) / days.len() as f64)
    }
}

pub(super) fn outcomes_by_stage(records: &[Record], service: Option<&str>, period: Period) -> Table {
    let mut table = Table::new(
        "outcomes-by-stage",
        "Outcomes by stage",
        &["Outcome", "Stage 1", "Stage 2", "Stage 3"],
    );
    for outcome in Outcome::ALL {
        let mut row = vec![outcome.name().to_string()];
        for stage in 0..3 {
            let n = stages_answered(records, service, period)
                .filter(|(_, index, s)| *index == stage && s.outcome == Some(outcome))
                .count();
            row.push(n.to_string());
        }
        table.row(row);
    }
    table
}

fn remedies(received: &[&Record]) -> Table {
    let mut table = Table::new("remedies", "Remedies", &["Remedy", "Number", "Amount"]);
    let mut total_pence = 0i64;
    for kind in RemedyKind::ALL {
        let given: Vec<_> = received
            .iter()
            .flat_map(|r| &r.remedies)
            .filter(|m| m.kind == kind)
            .collect();
        let pence: i64 = given.iter().filter_map(|m| m.amount_pence).sum();
        total_pence += pence;
        if !given.is_empty() {
            table.row(vec![
                kind.name().into(),
                given.len().to_string(),
                if pence > 0 { pounds(pence) } else { String::new() },
            ]);
        }
    }
    let count: usize = received.iter().map(|r| r.remedies.len()).sum();
    table.row(vec!["Total".into(), count.to_string(), pounds(total_pence)]);
    table
}

fn summaries(assessments: &[Assessment]) -> Vec<AssessmentSummary> {
    let latest = |ncmg: bool| {
        assessments
            .iter()
            .filter(|a| (a.framework == FrameworkId::Ncmg2016) == ncmg)
            .max_by_key(|a| a.created)
    };
    [latest(true), latest(false)]
        .into_iter()
        .flatten()
        .map(|a| {
            let framework = a.framework();
            let lines = all_part_totals(a)
                .into_iter()
                .map(|(part, t)| match a.framework {
                    FrameworkId::Ncmg2016 => format!(
                        "{}: {} of {} ({} of {} areas scored)",
                        part.title, t.total, t.max, t.answered, t.items
                    ),
                    _ => format!(
                        "{}: yes {}, partly {}, no {} ({} of {} answered)",
                        part.summary, t.yes, t.partly, t.no, t.answered, t.items
                    ),
                })
                .collect();
            AssessmentSummary {
                name: a.name(),
                completed: a.completed_on(),
                lines,
                non_compliance: non_compliance(a)
                    .into_iter()
                    .map(|f| {
                        (
                            framework.item_label(f.item).to_string(),
                            f.follows.words().to_string(),
                            f.commentary,
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The annual report for `period`, for one service (or all when `service` is `None`).
pub fn annual_report(
    records: &[Record],
    assessments: &[Assessment],
    rules: &Rules,
    period: Period,
    service: Option<&str>,
) -> AnnualReport {
    let received: Vec<&Record> = counted(records, service)
        .filter(|r| period.contains(r.received))
        .collect();
    let complaints: Vec<&Record> = received
        .iter()
        .copied()
        .filter(|r| r.kind == RecordKind::Complaint)
        .collect();
    let mut tables = vec![by_kind(records, service, period)];
    tables.push(counts_table(
        "concern-outcomes",
        "Concern outcomes",
        "Outcome",
        received
            .iter()
            .filter(|r| r.kind == RecordKind::Concern)
            .map(|r| r.concern_outcome),
        |o| o.map_or("Not yet recorded".into(), |o| o.name().into()),
        &ConcernOutcome::CHOOSABLE
            .into_iter()
            .chain([ConcernOutcome::EscalatedToComplaint])
            .map(Some)
            .collect::<Vec<_>>(),
    ));
    tables.push(counts_table(
        "who-complained",
        "Who complained",
        "Who",
        complaints.iter().map(|r| r.intake.complainant_type),
        |t| t.map_or("Not recorded".into(), |t| t.name().into()),
        &ComplainantType::ALL.map(Some),
    ));
    tables.push(stages_over_years(records, service, period));
    let mut subjects = Table::new("subjects", "Subjects of complaints", &["Subject", "Number"]);
    let mut by_subject: BTreeMap<&str, usize> = BTreeMap::new();
    for subject in complaints.iter().flat_map(|r| &r.intake.subjects) {
        *by_subject.entry(subject).or_default() += 1;
    }
    let mut ranked: Vec<(&str, usize)> = by_subject.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (subject, n) in ranked {
        subjects.row(vec![subject.into(), n.to_string()]);
    }
    tables.push(
        subjects
            .with_chart(1)
            .with_note("A complaint can be about more than one subject."),
    );
    tables.push(counts_table(
        "service-areas",
        "Complaints by service area",
        "Service area",
        complaints
            .iter()
            .map(|r| Some(r.intake.service_area.clone()).filter(|a| !a.is_empty())),
        |a| a.clone().unwrap_or_else(|| "Not recorded".into()),
        &[],
    ));
    tables.push(outcomes_by_stage(records, service, period));
    tables.push(on_time_over_years(records, service, period, rules));
    let mut average = Table::new(
        "average-days",
        "Average working days to respond",
        &["Stage", &period.label(), &period.years_before(1).label()],
    );
    for stage in 0..3 {
        average.row(vec![
            format!("Stage {}", stage + 1),
            average_days(records, service, period, stage, rules),
            average_days(records, service, period.years_before(1), stage, rules),
        ]);
    }
    tables.push(average);
    let mut advocacy = Table::new("advocacy", "Advocacy", &["Advocacy", "Complaints", "Share"]);
    let offered = complaints.iter().filter(|r| r.intake.advocacy_offered).count();
    let taken = complaints.iter().filter(|r| r.intake.advocacy_taken_up).count();
    advocacy.row(vec![
        "Advocacy offered".into(),
        offered.to_string(),
        percent(offered, complaints.len()),
    ]);
    advocacy.row(vec![
        "Advocacy taken up".into(),
        taken.to_string(),
        percent(taken, complaints.len()),
    ]);
    tables.push(advocacy);
    tables.push(remedies(&received));
    let mut refused = Table::new(
        "not-accepted",
        "Complaints not accepted, and why (Code 8.1b)",
        &["Reason", "Number"],
    );
    for reason in NotAcceptedReason::ALL {
        let n = complaints
            .iter()
            .filter(|r| matches!(&r.intake.acceptance, Acceptance::NotAccepted { reason: why, .. } if *why == reason))
            .count();
        if n > 0 {
            refused.row(vec![reason.name().into(), n.to_string()]);
        }
    }
    tables.push(refused);
    AnnualReport {
        period,
        service: service.map(str::to_string),
        tables,
        learning: received
            .iter()
            .flat_map(|r| &r.learning)
            .filter(|l| l.publish)
            .map(|l| l.statement.clone())
            .collect(),
        assessments: summaries(assessments),
    }
}

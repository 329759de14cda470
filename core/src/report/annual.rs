//! The annual complaints report for a period, for one service or all, with earlier years beside
//! it: what came in, who complained, about what, how each stage was answered and how quickly,
//! remedies, learning, what was not accepted and why, and the latest self-assessments.

use super::figures::{
    NOT_KNOWN_NOTE, Timeliness, average_days, by_kind, counted, counts_table, outcomes_by_stage, percent, share,
};
use super::{Cell, Period, Table};
use crate::assessment::score::{all_part_totals, non_compliance};
use crate::assessment::{Assessment, FrameworkId};
use crate::deadline::Rules;
use crate::record::casework::RemedyKind;
use crate::record::intake::{Acceptance, ComplainantType, NotAcceptedReason};
use crate::record::{ConcernOutcome, Record, RecordKind};
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

fn years(period: Period) -> Vec<Period> {
    (0..YEARS).rev().map(|n| period.years_before(n)).collect()
}

fn stages_over_years(records: &[Record], service: Option<&str>, period: Period) -> Table {
    let spans = years(period);
    let labels: Vec<String> = spans.iter().map(Period::label).collect();
    let mut headers = vec!["Stage"];
    headers.extend(labels.iter().map(String::as_str));
    let mut table = Table::new("complaints-by-stage", "Complaints by stage, five years", &headers);
    for stage in 0..3 {
        let mut row = vec![Cell::from(format!("Stage {}", stage + 1))];
        for span in &spans {
            let n = counted(records, service)
                .filter(|r| r.kind == RecordKind::Complaint)
                .filter(|r| r.stages.get(stage).is_some_and(|s| span.contains(s.started)))
                .count();
            row.push(Cell::Count(n));
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
        let counts: Vec<Timeliness> = spans
            .iter()
            .map(|span| Timeliness::of(records, service, *span, stage, rules))
            .collect();
        for (limit, extended) in [("standard", false), ("extended", true)] {
            let mut row = vec![Cell::from(format!("Stage {}, within the {limit} limit", stage + 1))];
            row.extend(
                counts
                    .iter()
                    .map(|c| share(if extended { c.extended } else { c.standard }, c.known)),
            );
            table.row(row);
        }
        let mut row = vec![Cell::from(format!("Stage {}, deadline not known", stage + 1))];
        row.extend(counts.iter().map(|c| Cell::Count(c.not_known())));
        table.row(row);
    }
    table.with_note(&format!(
        "Of the responses sent in each year at each stage. The extended limit is the date a response was extended to, where it was; otherwise the standard limit. {NOT_KNOWN_NOTE}"
    ))
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
        // Saturating: a stored amount can be any i64, and a sum of them must not overflow.
        let pence: i64 = given.iter().filter_map(|m| m.amount_pence).fold(0, i64::saturating_add);
        total_pence = total_pence.saturating_add(pence);
        if !given.is_empty() {
            table.row(vec![
                kind.name().into(),
                Cell::Count(given.len()),
                if pence > 0 { Cell::Money(pence) } else { Cell::Blank },
            ]);
        }
    }
    let count: usize = received.iter().map(|r| r.remedies.len()).sum();
    table.total(vec!["Total".into(), Cell::Count(count), Cell::Money(total_pence)]);
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
    crate::order::sort_by(&mut ranked, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (subject, n) in ranked {
        subjects.row(vec![subject.into(), Cell::Count(n)]);
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
            Cell::from(format!("Stage {}", stage + 1)),
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
        Cell::Count(offered),
        percent(offered, complaints.len()),
    ]);
    advocacy.row(vec![
        "Advocacy taken up".into(),
        Cell::Count(taken),
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
            refused.row(vec![reason.name().into(), Cell::Count(n)]);
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

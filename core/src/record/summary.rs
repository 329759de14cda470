//! What the record page shows of a record, in words: the rows of "What was recorded" and of the
//! intake answers, and a line for each remedy and action with where it stands. The page renders
//! these and decides only how they look (a tag, a button).

use super::Record;
use super::casework::{Action, Remedy, Restriction, pounds};
use super::correct::{EventDate, Fact, withdrawable};
use super::intake::Acceptance;
use crate::deadline::Rules;
use crate::format::{long_date, short_date};

/// One row of a GOV.UK summary list: a key and its value in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    pub key: &'static str,
    pub value: String,
    /// Text the person wrote over several lines (a summary), shown with its line breaks.
    pub multiline: bool,
    /// Where the fact is changed, after the record's address: `correct/received`,
    /// `intake#who` (GOV.UK's "Change" link).
    pub change: Option<String>,
    /// Where an event recorded by mistake is withdrawn: `withdraw/stage-1-acknowledged`.
    pub withdraw: Option<String>,
}

fn row(key: &'static str, value: impl Into<String>) -> SummaryRow {
    SummaryRow {
        key,
        value: value.into(),
        multiline: false,
        change: None,
        withdraw: None,
    }
}

impl SummaryRow {
    fn change(mut self, at: impl Into<String>) -> Self {
        self.change = Some(at.into());
        self
    }

    fn multiline(mut self) -> Self {
        self.multiline = true;
        self
    }
}

/// The Change link of a fact corrected on its own page.
fn correct(fact: Fact) -> String {
    format!("correct/{}", fact.code())
}

/// "What was recorded": the facts of the first contact, and the procedure by name.
pub fn recorded_rows(record: &Record, rules: &Rules) -> Vec<SummaryRow> {
    let not_given = |name: &str, words: &str| {
        if name.is_empty() {
            words.to_string()
        } else {
            name.to_string()
        }
    };
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "Not given".to_string(), long_date);
    let mut rows = vec![
        row("Kind", record.kind.name()).change(correct(Fact::Kind)),
        row("Date received", long_date(record.received)).change(correct(Fact::Received)),
        row("Service", record.service.clone()).change(correct(Fact::Service)),
        row("The person it is about", not_given(&record.person.name, "Not given")).change("intake#contact"),
    ];
    if let Some(raiser) = &record.raised_by {
        rows.push(
            row(
                "Raised for them by",
                not_given(&raiser.name, "Someone else (name not given)"),
            )
            .change("intake#who"),
        );
    }
    rows.extend([
        row("Summary", record.summary.clone())
            .multiline()
            .change(correct(Fact::Summary)),
        row("Date of the issue", date(record.issue_date)).change(correct(Fact::IssueDate)),
        row("Date the person became aware", date(record.aware_date)).change(correct(Fact::AwareDate)),
    ]);
    if let Some(named) = &record.procedure {
        rows.push(
            row(
                "Procedure",
                rules.procedure(record).map_or_else(
                    || {
                        format!(
                            "“{}”, which this device does not hold, so its deadlines cannot be shown",
                            named.id()
                        )
                    },
                    |p| p.name.clone(),
                ),
            )
            .change(correct(Fact::Procedure)),
        );
    }
    rows
}

/// A person and how to reach them, a line each: name, address, phone, email, how they want to
/// be contacted and the format they need.
pub fn contact_lines(person: &super::Person) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if !person.name.is_empty() {
        lines.push(person.name.clone());
    }
    lines.extend(person.address_lines().into_iter().map(str::to_string));
    if !person.phone.is_empty() {
        lines.push(format!("Phone: {}", person.phone));
    }
    if !person.email.is_empty() {
        lines.push(format!("Email: {}", person.email));
    }
    if !person.preferred_contact.is_empty() {
        lines.push(format!("Prefers: {}", person.preferred_contact.to_lowercase()));
    }
    if !person.format.is_empty() {
        lines.push(format!("Needs: {}", person.format.to_lowercase()));
    }
    lines
}

/// The intake answers given so far; nothing for a question not yet answered.
pub fn intake_rows(record: &Record) -> Vec<SummaryRow> {
    let intake = &record.intake;
    let mut rows = Vec::new();
    if let Some(kind) = intake.complainant_type {
        rows.push(row("Who raised it", kind.name()));
    }
    if let Some(authority) = intake.authority {
        rows.push(row("Authority to act", authority.words()));
    }
    let recipient = record.recipient();
    if !recipient.is_empty() {
        rows.push(row("Letters go to", contact_lines(recipient).join("\n")).multiline());
    }
    if record.copy_to_person && record.raised_by.is_some() {
        rows.push(row("A copy goes to", contact_lines(&record.person).join("\n")).multiline());
    }
    for adjustment in &intake.adjustments {
        let review = adjustment
            .review
            .map(|r| format!(", review {}", short_date(r)))
            .unwrap_or_default();
        rows.push(row(
            "Adjustment",
            format!("{} (agreed {}{review})", adjustment.what, short_date(adjustment.agreed)),
        ));
    }
    rows.extend(record.restrictions.iter().map(restriction_row));
    if intake.advocacy_offered || intake.advocacy_taken_up {
        let taken = if intake.advocacy_taken_up {
            "offered and taken up"
        } else {
            "offered"
        };
        let who = if intake.advocate.is_empty() {
            String::new()
        } else {
            format!(": {}", intake.advocate)
        };
        rows.push(row("Advocacy", format!("{taken}{who}")));
    }
    if !intake.desired_outcome.is_empty() {
        rows.push(row("What they want", intake.desired_outcome.clone()));
    }
    if !intake.service_area.is_empty() {
        rows.push(row("Service area", intake.service_area.clone()));
    }
    if !intake.subjects.is_empty() {
        rows.push(row("Subjects", intake.subjects.join(", ")));
    }
    if let Some(safeguarding) = &intake.safeguarding {
        rows.push(row(
            "Safeguarding",
            format!(
                "Referred to {} on {}",
                safeguarding.referred_to,
                short_date(safeguarding.date)
            ),
        ));
    }
    if let Some(risk) = intake.risk {
        rows.push(row(
            "Risk",
            format!(
                "{} ({} × {} = {})",
                risk.level().name(),
                risk.seriousness,
                risk.likelihood,
                risk.score()
            ),
        ));
    }
    match &intake.acceptance {
        Acceptance::Accepted => {}
        Acceptance::AcceptedOutOfTime { reason } => {
            rows.push(row("Decision", format!("Accepted out of time: {reason}")))
        }
        Acceptance::NotAccepted {
            reason,
            detail,
            told_of_ombudsman,
        } => rows.push(row(
            "Decision",
            format!(
                "Not accepted: {}. {detail} {}",
                reason.name(),
                if *told_of_ombudsman {
                    "Told of the Ombudsman."
                } else {
                    "Not yet told of the Ombudsman."
                }
            ),
        )),
    }
    for row in &mut rows {
        row.change = Some(format!("intake#{}", intake_anchor(row.key, record.raised_by.is_some())));
    }
    rows
}

/// The part of the intake page where an intake answer is changed.
fn intake_anchor(key: &str, raised_by_someone_else: bool) -> &'static str {
    match key {
        "Who raised it" | "Authority to act" | "A copy goes to" => "who",
        "Letters go to" if raised_by_someone_else => "who",
        "Letters go to" | "Adjustment" | "Advocacy" => "contact",
        "What they want" => "want",
        "Service area" | "Subjects" => "subjects",
        "Safeguarding" | "Risk" => "risk",
        _ => "decision",
    }
}

/// One stage of "What has happened": its name and its rows, each date with its Change link
/// and, for what the latest stage recorded last, a link to withdraw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageSummary {
    pub name: String,
    pub rows: Vec<SummaryRow>,
}

/// Every recorded event, stage by stage; empty for a record without a procedure it can name.
/// Stage names come from the record's procedure, custom ones looked up in `library`.
pub fn stage_summaries(record: &Record, library: &[crate::procedure::CustomProcedure]) -> Vec<StageSummary> {
    let Some(procedure) = record.procedure_with(library) else {
        return Vec::new();
    };
    let can_withdraw = withdrawable(record);
    record
        .stages
        .iter()
        .enumerate()
        .map(|(index, events)| {
            let name = procedure
                .stages
                .get(index)
                .map_or_else(|| format!("Stage {}", index + 1), |s| s.title());
            let dated = |key: &'static str, date: EventDate, value: String| {
                let fact = if index == 0 && date == EventDate::Started {
                    Fact::Received
                } else {
                    Fact::Event { stage: index, date }
                };
                let mut line = row(key, value).change(correct(fact));
                if can_withdraw.contains(&fact) {
                    line.withdraw = Some(format!("withdraw/{}", fact.code()));
                }
                line
            };
            let mut rows = vec![dated(
                if index == 0 { "Received" } else { "Asked for" },
                EventDate::Started,
                long_date(events.started),
            )];
            for (key, who) in [
                ("Handled by", &events.handler),
                ("Investigating officer", &events.investigating_officer),
                ("Independent person", &events.independent_person),
            ] {
                if let Some(who) = who {
                    rows.push(row(key, who.clone()));
                }
            }
            for (key, date, value) in [
                ("Acknowledged", EventDate::Acknowledged, events.acknowledged),
                (
                    "Complaint statement agreed",
                    EventDate::StatementAgreed,
                    events.statement_agreed,
                ),
                (
                    "Response date agreed",
                    EventDate::AgreedResponse,
                    events.agreed_response,
                ),
            ] {
                if let Some(value) = value {
                    rows.push(dated(key, date, long_date(value)));
                }
            }
            // Every extension, each with its reason; only the one in force can be corrected.
            let in_force = events.extensions.len().saturating_sub(1);
            for (index, extension) in events.extensions.iter().enumerate() {
                let told = extension.told.map_or("not yet recorded".into(), long_date);
                let good = if extension.good_reason {
                    " A good reason for going past the limit is recorded."
                } else {
                    ""
                };
                let words = format!(
                    "To {}. Reason: {}.{good} Person told: {told}.",
                    long_date(extension.to),
                    extension.reason.trim_end_matches('.')
                );
                rows.push(if index == in_force {
                    dated("Extended", EventDate::Extension, words)
                } else {
                    row("Extended before", words)
                });
            }
            for pause in &events.pauses {
                let until = pause
                    .to
                    .map_or("still paused".into(), |to| format!("until {}", long_date(to)));
                rows.push(row(
                    "Clock paused",
                    format!("From {} {until}. Reason: {}", long_date(pause.from), pause.reason),
                ));
            }
            for (key, date, value) in [
                (
                    super::events::event_name(super::EventKind::PanelHeld, procedure.stages.get(index)),
                    EventDate::PanelHeld,
                    events.panel_held,
                ),
                (
                    "Panel’s findings issued",
                    EventDate::FindingsIssued,
                    events.findings_issued,
                ),
                ("Response sent", EventDate::Responded, events.responded),
            ] {
                if let Some(value) = value {
                    rows.push(dated(key, date, long_date(value)));
                }
            }
            if let Some(outcome) = events.outcome {
                rows.push(row("Outcome", outcome.name()));
            }
            StageSummary { name, rows }
        })
        .collect()
}

/// Where a remedy or an action stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Still to do: the page offers to mark it.
    Open,
    /// Done (delivered), in words: "Delivered Tue 3 Mar 2026".
    Done(String),
    /// Done, and a further step is still open (an action done but the person not yet told).
    DoneAndOpen(String),
    /// It will not be done as promised, in words: why, and what is offered instead.
    Instead(String),
}

/// A remedy or an action as one line: its key, what it is, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub key: String,
    pub value: String,
    pub standing: Standing,
}

/// A remedy: "Apology (£50.00)", "Write to say sorry. Due Mon 2 Mar 2026.", and where it stands.
pub fn remedy_line(remedy: &Remedy) -> Line {
    let amount = remedy
        .amount_pence
        .map(|p| format!(" ({})", pounds(p)))
        .unwrap_or_default();
    let due = remedy
        .due
        .map(|d| format!(" Due {}.", short_date(d)))
        .unwrap_or_default();
    let standing = match (remedy.delivered, &remedy.not_deliverable) {
        (_, Some(instead)) => Standing::Instead(format!(
            "Cannot be delivered: {}. Instead: {}",
            instead.reason, instead.alternative
        )),
        (Some(on), None) => Standing::Done(format!("Delivered {}", short_date(on))),
        (None, None) => Standing::Open,
    };
    Line {
        key: format!("{}{amount}", remedy.kind.name()),
        value: format!("{}.{due}", remedy.what.trim_end_matches('.')),
        standing,
    }
}

/// An action: what, who and by when, and where it stands (done, the person told).
pub fn action_line(action: &Action) -> Line {
    let standing = match (action.done, action.told) {
        (Some(on), Some(told)) => Standing::Done(format!("Done {}, person told {}", short_date(on), short_date(told))),
        (Some(on), None) => Standing::DoneAndOpen(format!("Done {}", short_date(on))),
        (None, _) => Standing::Open,
    };
    Line {
        key: action.what.clone(),
        value: format!("{}, by {}", action.who, short_date(action.by)),
        standing,
    }
}

/// A restriction on contact in "What was recorded": what, and its review date while it holds.
fn restriction_row(restriction: &Restriction) -> SummaryRow {
    let standing = match restriction.lifted {
        Some(lifted) => format!("lifted {}", short_date(lifted)),
        None => format!("review by {}", short_date(restriction.review)),
    };
    row("Restriction on contact", format!("{} ({standing})", restriction.what))
}

/// A restriction on contact: what, why, who decided and when, its review date, and whether it
/// still holds.
pub fn restriction_line(restriction: &Restriction) -> Line {
    let standing = match restriction.lifted {
        Some(on) => Standing::Done(format!("Lifted {}", short_date(on))),
        None => Standing::Open,
    };
    Line {
        key: restriction.what.clone(),
        value: format!(
            "{}. Decided by {} on {}. Review by {}.",
            restriction.why.trim_end_matches('.'),
            restriction.decided_by,
            short_date(restriction.decided),
            short_date(restriction.review)
        ),
        standing,
    }
}

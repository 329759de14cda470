//! What the record page shows of a record, in words: the rows of "What was recorded" and of the
//! intake answers, and a line for each remedy and action with where it stands. The page renders
//! these and decides only how they look (a tag, a button).

use super::Record;
use super::casework::{Action, Remedy, pounds};
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
}

fn row(key: &'static str, value: impl Into<String>) -> SummaryRow {
    SummaryRow {
        key,
        value: value.into(),
        multiline: false,
    }
}

/// "What was recorded": the facts of the first contact, and the procedure by name.
pub fn recorded_rows(record: &Record, rules: &Rules) -> Vec<SummaryRow> {
    let mut rows = vec![
        row("Kind", record.kind.name()),
        row("Date received", long_date(record.received)),
        row("Service", record.service.clone()),
        row(
            "The person it is about",
            if record.person.name.is_empty() {
                "Not given".to_string()
            } else {
                record.person.name.clone()
            },
        ),
    ];
    if let Some(raiser) = &record.raised_by {
        rows.push(row(
            "Raised for them by",
            if raiser.name.is_empty() {
                "Someone else (name not given)".to_string()
            } else {
                raiser.name.clone()
            },
        ));
    }
    rows.extend([SummaryRow {
        key: "Summary",
        value: record.summary.clone(),
        multiline: true,
    }]);
    if let Some(issue) = record.issue_date {
        rows.push(row("Date of the issue", long_date(issue)));
    }
    if let Some(aware) = record.aware_date {
        rows.push(row("Date the person became aware", long_date(aware)));
    }
    if let Some(named) = &record.procedure {
        rows.push(row(
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
        ));
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
        rows.push(SummaryRow {
            key: "Letters go to",
            value: contact_lines(recipient).join("\n"),
            multiline: true,
        });
    }
    if record.copy_to_person && record.raised_by.is_some() {
        rows.push(SummaryRow {
            key: "A copy goes to",
            value: contact_lines(&record.person).join("\n"),
            multiline: true,
        });
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
    rows
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

//! Outcomes, and the record-level moves that are always explicit: closing, reopening, a
//! concern's outcome, and escalating a concern to a linked complaint.

use super::{Change, Record, RecordKind, StageEvents};
use crate::format::short_date;
use crate::procedure::{Procedure, ProcedureRef};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a stage ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Upheld,
    PartiallyUpheld,
    NotUpheld,
    Withdrawn,
    ReviewDeclined,
    ResolvedAtIntake,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::Upheld,
        Outcome::PartiallyUpheld,
        Outcome::NotUpheld,
        Outcome::Withdrawn,
        Outcome::ReviewDeclined,
        Outcome::ResolvedAtIntake,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Outcome::Upheld => "Upheld",
            Outcome::PartiallyUpheld => "Partially upheld",
            Outcome::NotUpheld => "Not upheld",
            Outcome::Withdrawn => "Withdrawn",
            Outcome::ReviewDeclined => "Review declined",
            Outcome::ResolvedAtIntake => "Resolved at intake",
        }
    }

    pub fn code(self) -> String {
        crate::choice::to_code(self)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        crate::choice::from_code(code)
    }
}

/// What became of a concern (for the annual report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ConcernOutcome {
    PassedOnAnonymous,
    EscalatedToComplaint,
    NoFurtherContact,
    OpenAtPeriodEnd,
    OutsideProcedure,
    ProviderComplaint,
    ResolvedByTimelyDiscussion,
    SafeguardingReferral,
}

impl ConcernOutcome {
    /// The outcomes a person chooses; "escalated to complaint" comes only from escalating.
    pub const CHOOSABLE: [ConcernOutcome; 7] = [
        ConcernOutcome::ResolvedByTimelyDiscussion,
        ConcernOutcome::NoFurtherContact,
        ConcernOutcome::PassedOnAnonymous,
        ConcernOutcome::OutsideProcedure,
        ConcernOutcome::ProviderComplaint,
        ConcernOutcome::SafeguardingReferral,
        ConcernOutcome::OpenAtPeriodEnd,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ConcernOutcome::PassedOnAnonymous => "Passed on (anonymous)",
            ConcernOutcome::EscalatedToComplaint => "Escalated to a complaint",
            ConcernOutcome::NoFurtherContact => "No further contact",
            ConcernOutcome::OpenAtPeriodEnd => "Open at the end of the period",
            ConcernOutcome::OutsideProcedure => "Outside the procedure",
            ConcernOutcome::ProviderComplaint => "A provider’s complaint",
            ConcernOutcome::ResolvedByTimelyDiscussion => "Resolved by timely discussion",
            ConcernOutcome::SafeguardingReferral => "Safeguarding referral",
        }
    }

    pub fn code(self) -> String {
        crate::choice::to_code(self)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::CHOOSABLE.into_iter().find(|o| o.code() == code)
    }
}

/// Whether a record may be closed now: not already closed, and no stage left unanswered.
pub fn closable(record: &Record) -> Result<(), String> {
    if record.closed.is_some() {
        return Err("This record is already closed".into());
    }
    if record.stages.last().is_some_and(|stage| stage.responded.is_none()) {
        return Err("Record the response before closing the record".into());
    }
    Ok(())
}

/// Closes a record on `date`. A complaint with a stage still unanswered cannot be closed.
pub fn close(record: &Record, date: NaiveDate, change: &Change) -> Result<Record, String> {
    closable(record)?;
    if date < record.received {
        return Err("The date closed must be on or after the date received".into());
    }
    let mut next = record.clone();
    next.closed = Some(date);
    next.updated = change.at;
    next.history
        .push(change.entry(format!("Closed on {}", short_date(date))));
    Ok(next)
}

/// Reopens a closed record, with the reason.
pub fn reopen(record: &Record, reason: &str, change: &Change) -> Result<Record, String> {
    if record.closed.is_none() {
        return Err("This record is not closed".into());
    }
    if reason.trim().is_empty() {
        return Err("Enter why the record is being reopened".into());
    }
    let mut next = record.clone();
    next.closed = None;
    next.updated = change.at;
    next.history.push(change.entry(format!("Reopened: {}", reason.trim())));
    Ok(next)
}

/// Sets a concern's outcome.
pub fn set_concern_outcome(record: &Record, outcome: ConcernOutcome, change: &Change) -> Result<Record, String> {
    if record.kind != RecordKind::Concern {
        return Err("Only a concern has a concern outcome".into());
    }
    let mut next = record.clone();
    next.concern_outcome = Some(outcome);
    next.updated = change.at;
    next.history.push(change.entry(format!("Outcome: {}", outcome.name())));
    Ok(next)
}

/// Escalates a concern to a complaint received on `received` under `procedure`: the complaint
/// carries the concern's details over, and each names the other.
pub fn escalate_concern(
    concern: &Record,
    complaint_id: String,
    complaint_reference: String,
    received: NaiveDate,
    procedure: &Procedure,
    change: &Change,
) -> Result<(Record, Record), String> {
    if concern.kind != RecordKind::Concern {
        return Err("Only a concern can be escalated to a complaint".into());
    }
    if concern.escalated_to.is_some() {
        return Err("This concern has already been escalated".into());
    }
    if received < concern.received {
        return Err("The complaint cannot be received before the concern".into());
    }
    let mut complaint = concern.clone();
    complaint.id = complaint_id;
    complaint.reference = complaint_reference;
    complaint.kind = RecordKind::Complaint;
    complaint.received = received;
    complaint.procedure = Some(ProcedureRef::naming(procedure));
    complaint.stages = vec![StageEvents::started(received)];
    complaint.concern_outcome = None;
    complaint.escalated_from = Some(concern.id.clone());
    complaint.escalated_to = None;
    complaint.closed = None;
    complaint.created = change.at;
    complaint.updated = change.at;
    complaint.history = vec![change.entry(format!("Created by escalating concern {}", concern.reference))];

    let mut escalated = concern.clone();
    escalated.concern_outcome = Some(ConcernOutcome::EscalatedToComplaint);
    escalated.escalated_to = Some(complaint.id.clone());
    escalated.closed = Some(received);
    escalated.updated = change.at;
    escalated
        .history
        .push(change.entry(format!("Escalated to complaint {}", complaint.reference)));
    Ok((escalated, complaint))
}

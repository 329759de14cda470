//! Outcomes, and the record-level moves that are always explicit: closing, reopening, a
//! concern's outcome, and escalating a concern to a linked complaint.

use super::{Change, DateInput, Record, RecordKind, StageEvents};
use crate::format::short_date;
use crate::problem::{Problem, Problems};
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

/// The id of the record page's "Date closed" input, which closing's problems name.
pub const CLOSED: &str = "closed";
/// The id of the record page's "Why is it being reopened?" box.
pub const REOPEN_REASON: &str = "reopen-reason";
/// The id of the record page's concern outcome radios.
pub const CONCERN_OUTCOME: &str = "concern-outcome";

/// Whether a record may be closed now: not already closed, and no stage left unanswered.
pub fn closable(record: &Record) -> Result<(), Problem> {
    if record.closed.is_some() {
        return Err(Problem::new(CLOSED, "This record is already closed"));
    }
    if record.stages.last().is_some_and(|stage| stage.responded.is_none()) {
        return Err(Problem::new(CLOSED, "Record the response before closing the record"));
    }
    Ok(())
}

/// Closes a record on `date`. A complaint with a stage still unanswered cannot be closed.
pub fn close(record: &Record, date: NaiveDate, change: &Change) -> Result<Record, Problem> {
    closable(record)?;
    if date < record.received {
        return Err(Problem::whole_date(
            CLOSED,
            "The date closed must be on or after the date received",
        ));
    }
    let mut next = record.clone();
    next.closed = Some(date);
    next.updated = change.at;
    next.history
        .push(change.entry(format!("Closed on {}", short_date(date))));
    Ok(next)
}

/// "Close the record" as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CloseDraft {
    pub closed: DateInput,
}

impl CloseDraft {
    /// The record closed on the date typed, a day that has happened by `today` ([`close`]).
    /// Problems name `closed`, with a date's boxes at fault.
    pub fn apply(&self, record: &Record, today: NaiveDate, change: &Change) -> Result<Record, Problems> {
        let date = self
            .closed
            .parse("Date closed", today)
            .map_err(|e| vec![Problem::date(CLOSED, e)])?;
        close(record, date, change).map_err(|p| vec![p])
    }
}

/// Reopens a closed record, with the reason (its problem names `reopen-reason`).
pub fn reopen(record: &Record, reason: &str, change: &Change) -> Result<Record, Problem> {
    if record.closed.is_none() {
        return Err(Problem::new(REOPEN_REASON, "This record is not closed"));
    }
    if reason.trim().is_empty() {
        return Err(Problem::new(REOPEN_REASON, "Enter why the record is being reopened"));
    }
    let mut next = record.clone();
    next.closed = None;
    next.updated = change.at;
    next.history.push(change.entry(format!("Reopened: {}", reason.trim())));
    Ok(next)
}

/// The concern outcome chosen on the record page by its code, or the problem naming
/// `concern-outcome` when none (or one a person cannot choose) is.
pub fn chosen_concern_outcome(code: &str) -> Result<ConcernOutcome, Problem> {
    ConcernOutcome::from_code(code).ok_or_else(|| Problem::new(CONCERN_OUTCOME, "Select the outcome of the concern"))
}

/// Sets a concern's outcome.
pub fn set_concern_outcome(record: &Record, outcome: ConcernOutcome, change: &Change) -> Result<Record, Problem> {
    if record.kind != RecordKind::Concern {
        return Err(Problem::new(CONCERN_OUTCOME, "Only a concern has a concern outcome"));
    }
    let mut next = record.clone();
    next.concern_outcome = Some(outcome);
    next.updated = change.at;
    next.history.push(change.entry(format!("Outcome: {}", outcome.name())));
    Ok(next)
}

/// The id of the escalation page's "Date it became a complaint" input, which escalating's
/// problems name.
pub const ESCALATED_RECEIVED: &str = "received";
/// The id of the escalation page's procedure radios.
pub const ESCALATED_PROCEDURE: &str = "procedure";

/// Escalates a concern to a complaint received on `received` under `procedure`: the complaint
/// carries the concern's details over, and each names the other. Problems name the page's
/// date input, `received`.
pub fn escalate_concern(
    concern: &Record,
    complaint_id: String,
    complaint_reference: String,
    received: NaiveDate,
    procedure: &Procedure,
    change: &Change,
) -> Result<(Record, Record), Problem> {
    if concern.kind != RecordKind::Concern {
        return Err(Problem::new(
            ESCALATED_RECEIVED,
            "Only a concern can be escalated to a complaint",
        ));
    }
    if concern.escalated_to.is_some() {
        return Err(Problem::new(
            ESCALATED_RECEIVED,
            "This concern has already been escalated",
        ));
    }
    if received < concern.received {
        return Err(Problem::whole_date(
            ESCALATED_RECEIVED,
            "The complaint cannot be received before the concern",
        ));
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

/// "Escalate to a complaint" as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EscalateDraft {
    /// A procedure id, or empty while none is chosen.
    pub procedure: String,
    /// The day it became a complaint: the deadlines count from it.
    pub received: DateInput,
}

impl EscalateDraft {
    /// The form as it opens: received today.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            procedure: String::new(),
            received: DateInput::from_date(today),
        }
    }

    /// The concern, escalated, and the new complaint with the id given and the next complaint
    /// reference among `existing` ([`escalate_concern`]); `procedures` are those the
    /// organisation offers. Problems name `procedure` and `received`, every one found at once.
    pub fn apply(
        &self,
        concern: &Record,
        complaint_id: String,
        existing: &[Record],
        procedures: &[Procedure],
        today: NaiveDate,
        change: &Change,
    ) -> Result<(Record, Record), Problems> {
        let mut problems = Problems::new();
        let procedure = crate::procedure::find(procedures, &self.procedure);
        if procedure.is_none() {
            problems.push(Problem::new(
                ESCALATED_PROCEDURE,
                "Select the procedure the complaint is handled under",
            ));
        }
        let received = self
            .received
            .parse("Date it became a complaint", today)
            .map_err(|e| problems.push(Problem::date(ESCALATED_RECEIVED, e)))
            .ok();
        let (Some(procedure), Some(received)) = (procedure, received) else {
            return Err(problems);
        };
        let reference = change.next_reference(RecordKind::Complaint, received, existing);
        escalate_concern(concern, complaint_id, reference, received, procedure, change).map_err(|p| vec![p])
    }
}

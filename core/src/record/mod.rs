//! Records: every compliment, concern, service request and complaint (DOMAIN.md, "Records").

pub mod bounds;
pub mod casework;
pub mod casework_edit;
pub mod correct;
mod date_input;
pub mod deletion;
mod draft;
mod events;
mod history;
pub mod intake;
pub mod intake_draft;
pub mod letter_sent;
pub mod letters;
pub mod ombudsman;
mod outcome;
pub mod person;
mod reference;
pub mod search;
mod stage;
pub mod summary;

pub use date_input::{DateInput, DateInputError, DatePart};
pub use draft::{Field, RecordDraft, suggested_procedure};
pub use events::{
    EventDraft, EventKind, asks_investigators, available_events, event_choices, event_name, handler_warnings,
    record_event,
};
pub use history::{Change, Corrected, HistoryEntry};
pub use outcome::{
    CLOSED, CONCERN_OUTCOME, CloseDraft, ConcernOutcome, ESCALATED_PROCEDURE, ESCALATED_RECEIVED, EscalateDraft,
    Outcome, REOPEN_REASON, chosen_concern_outcome, closable, close, escalate_concern, reopen, set_concern_outcome,
};
pub use person::{Authority, Person};
pub use reference::{next_free_reference, next_reference, prefix as reference_prefix};
pub use stage::{Extension, StageEvents};

use crate::procedure::{CustomProcedure, Procedure, ProcedureRef};
use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The kind of contact a record is (Code §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RecordKind {
    Compliment,
    Concern,
    ServiceRequest,
    Complaint,
}

impl RecordKind {
    pub const ALL: [RecordKind; 4] = [
        RecordKind::Complaint,
        RecordKind::Concern,
        RecordKind::ServiceRequest,
        RecordKind::Compliment,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Compliment => "Compliment",
            RecordKind::Concern => "Concern, representation or comment",
            RecordKind::ServiceRequest => "Service request",
            RecordKind::Complaint => "Complaint",
        }
    }

    /// A short name for tags and tables.
    pub fn short_name(self) -> &'static str {
        match self {
            RecordKind::Concern => "Concern",
            other => other.name(),
        }
    }

    /// The stable code stored and used in form values.
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Compliment => "compliment",
            RecordKind::Concern => "concern",
            RecordKind::ServiceRequest => "service-request",
            RecordKind::Complaint => "complaint",
        }
    }

    pub fn from_code(code: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// What the kind means, for the hint beside the choice.
    pub fn hint(self) -> &'static str {
        match self {
            RecordKind::Compliment => "Praise or thanks for a service or a member of staff.",
            RecordKind::Concern => "A worry or comment that may be resolved quickly, or become a complaint.",
            RecordKind::ServiceRequest => "A request to provide or fix a service. Not a complaint.",
            RecordKind::Complaint => {
                "An expression of dissatisfaction, however made. The person need not use the word."
            }
        }
    }

    /// Only complaints are handled under a procedure with deadlines.
    pub fn has_procedure(self) -> bool {
        self == RecordKind::Complaint
    }
}

/// The services a record can be about, until the organisation changes the list in Settings.
pub const DEFAULT_SERVICES: [&str; 4] = ["Children’s social care", "Adult social care", "Corporate", "Other"];

/// A stored record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Record {
    /// UUID v4, made by the app.
    pub id: String,
    pub kind: RecordKind,
    pub received: NaiveDate,
    pub service: String,
    /// The person the record is about, and how to reach them (empty for an anonymous record).
    #[serde(default, skip_serializing_if = "Person::is_empty")]
    pub person: Person,
    /// Who raised it, when someone else did for the person (a relative, an advocate, an MP…);
    /// letters then go to them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raised_by: Option<Person>,
    /// Whether the person asked for a copy of the letters sent to whoever raised it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub copy_to_person: bool,
    pub summary: String,
    /// When the issue happened, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<NaiveDate>,
    /// When the person became aware of it, if known; the 12-month limit counts from here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aware_date: Option<NaiveDate>,
    /// The procedure it is handled under (complaints only), named by version as it was when the
    /// record was made, so later changes to procedures never change what it owed. Read it with
    /// [`Record::procedure_with`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<ProcedureRef>,
    /// What has happened at each stage reached, in order; stage 1 starts on the day received.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageEvents>,
    /// The human reference, e.g. `C-2026-0042`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    #[serde(default)]
    pub intake: intake::Intake,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concern_outcome: Option<ConcernOutcome>,
    /// The complaint this concern was escalated to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated_to: Option<String>,
    /// The concern this complaint was escalated from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correspondence: Vec<casework::Correspondence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remedies: Vec<casework::Remedy>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<casework::Action>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learning: Vec<casework::Learning>,
    /// Restrictions on contact (Code 5.10–5.11); none for most records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restrictions: Vec<casework::Restriction>,
    /// Every change, oldest first; never edited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ombudsman: Option<ombudsman::Ombudsman>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<casework::Feedback>,
    /// Set on a complaint made *to* another organisation (the advocate's workspace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outgoing: Option<crate::advocacy::Outgoing>,
    /// Made-up, from "Explore with sample data"; removed together in one step.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sample: bool,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

impl Record {
    /// Whether this is an advocacy case: a complaint made *to* another organisation, kept out
    /// of the organisation's own records list, work and reports.
    pub fn is_advocacy(&self) -> bool {
        self.outgoing.is_some()
    }

    /// Who letters go to: whoever raised it for the person, else the person.
    pub fn recipient(&self) -> &Person {
        match &self.raised_by {
            Some(raiser) if !raiser.is_empty() => raiser,
            _ => &self.person,
        }
    }

    /// The record page's heading: its reference, kind and who it is about ("C-2025-0001:
    /// Complaint about Alex Taylor"), or who raised it when the person is not named.
    pub fn heading(&self) -> String {
        let kind = self.kind.short_name();
        let about = self.person.name.trim();
        let from = self.raised_by.as_ref().map_or("", |r| r.name.trim());
        if !about.is_empty() {
            format!("{}: {kind} about {about}", self.reference)
        } else if !from.is_empty() {
            format!("{}: {kind} from {from}", self.reference)
        } else {
            format!("{}: {kind}", self.reference)
        }
    }

    /// The name to show for the record in lists: the person it is about, or, when only who
    /// raised it is known, theirs.
    pub fn display_name(&self) -> Option<&str> {
        let about = self.person.name.trim();
        if !about.is_empty() {
            return Some(about);
        }
        self.raised_by
            .as_ref()
            .map(|r| r.name.trim())
            .filter(|name| !name.is_empty())
    }

    /// The procedure this record is handled under, its custom procedures looked up in `library`
    /// (Settings' `custom_procedures`). `None` for a record without one, or one naming a
    /// procedure this device does not hold.
    pub fn procedure_with<'a>(&'a self, library: &'a [CustomProcedure]) -> Option<Cow<'a, Procedure>> {
        self.procedure.as_ref()?.resolve(library)
    }

    /// The record with a custom procedure it names turned into a copy, for a file going where
    /// `library` may not be (a one-record export, a redacted export, which carries no settings).
    pub fn self_contained(&self, library: &[CustomProcedure]) -> Record {
        Record {
            procedure: self.procedure.as_ref().map(|named| named.embedded(library)),
            ..self.clone()
        }
    }
}

/// Orders records newest first: latest received, then latest created.
pub fn newest_first(records: &mut [Record]) {
    crate::order::sort_by(records, |a, b| {
        b.received.cmp(&a.received).then(b.created.cmp(&a.created))
    });
}

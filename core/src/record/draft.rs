//! A record as typed into the New record form, and the checks it must pass to be saved.
//! Messages follow the GOV.UK Design System's wording; the draft itself is never changed by a
//! check, so nothing the person typed is lost.

use super::Change;
use super::{DateInput, DateInputError, Record, RecordKind};
use crate::problem::Problem;
use crate::procedure::{self, Procedure, ProcedureRef};
use chrono::NaiveDate;

/// Longest summary accepted, in characters.
pub const SUMMARY_MAX: usize = 10_000;
/// Longest name accepted, in characters.
pub const NAME_MAX: usize = 200;

/// The form's fields, in the order they appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Kind,
    Received,
    IssueDate,
    AwareDate,
    Service,
    PersonName,
    RaisedByName,
    Summary,
    Procedure,
    EventKind,
    EventDate,
    EventReason,
    EventTold,
    EventHandler,
    EventOutcome,
}

impl Field {
    /// The id of the field's element in the page.
    pub fn id(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Received => "received",
            Field::IssueDate => "issue-date",
            Field::AwareDate => "aware-date",
            Field::Service => "service",
            Field::PersonName => "person-name",
            Field::RaisedByName => "raised-by-name",
            Field::Summary => "summary",
            Field::Procedure => "procedure",
            Field::EventKind => "event",
            Field::EventDate => "event-date",
            Field::EventReason => "event-reason",
            Field::EventTold => "event-told",
            Field::EventHandler => "event-handler",
            Field::EventOutcome => "event-outcome",
        }
    }
}

impl Field {
    /// A problem with this field.
    pub fn problem(self, message: impl Into<String>) -> Problem {
        Problem::new(self.id(), message)
    }

    /// A date this field holds that could not be read, with the boxes at fault.
    pub fn date_problem(self, error: DateInputError) -> Problem {
        Problem::date(self.id(), error)
    }
}

/// Everything the New record form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordDraft {
    /// A [`RecordKind::code`], or empty when none is chosen.
    pub kind: String,
    pub received: DateInput,
    /// Optional: when the issue happened.
    pub issue_date: DateInput,
    /// Optional: when the person became aware of it.
    pub aware_date: DateInput,
    pub service: String,
    /// The name of the person the record is about.
    pub person_name: String,
    /// The name of whoever raised it for them, when someone else did.
    pub raised_by_name: String,
    pub summary: String,
    /// A procedure id, or empty.
    pub procedure: String,
}

impl RecordDraft {
    /// Checks every field and makes the record, or lists every problem in the form's order.
    /// `procedures` are those the organisation can choose from (`Settings::procedures`); the record
    /// names its own by version ([`ProcedureRef::naming`]).
    pub fn to_record(
        &self,
        id: String,
        change: &Change,
        today: NaiveDate,
        procedures: &[Procedure],
        existing: &[Record],
    ) -> Result<Record, Vec<Problem>> {
        let mut errors = Vec::new();

        let kind = RecordKind::from_code(&self.kind);
        if kind.is_none() {
            errors.push(Field::Kind.problem("Select what kind of record this is"));
        }

        let received = self
            .received
            .parse("Date received", today)
            .map_err(|error| Field::Received.date_problem(error));
        if let Err(error) = &received {
            errors.push(error.clone());
        }

        let mut optional_date = |input: &DateInput, field: Field, label: &str| {
            if input.day.trim().is_empty() && input.month.trim().is_empty() && input.year.trim().is_empty() {
                return None;
            }
            input
                .parse(label, today)
                .map_err(|error| errors.push(field.date_problem(error)))
                .ok()
        };
        let issue_date = optional_date(&self.issue_date, Field::IssueDate, "Date of the issue");
        let aware_date = optional_date(&self.aware_date, Field::AwareDate, "Date the person became aware");
        if let (Some(issue), Some(aware)) = (issue_date, aware_date)
            && aware < issue
        {
            errors.push(Problem::whole_date(
                Field::AwareDate.id(),
                "Date the person became aware must be the same as or after the date of the issue",
            ));
        }
        if let (Ok(received), Some(issue)) = (&received, issue_date.or(aware_date))
            && issue > *received
        {
            errors.push(Problem::whole_date(
                if aware_date.is_some() {
                    Field::AwareDate.id()
                } else {
                    Field::IssueDate.id()
                },
                "The issue must have happened, and the person become aware of it, on or before the date received",
            ));
        }

        // The form offers the organisation's own list (Settings); any named service is kept.
        if self.service.trim().is_empty() {
            errors.push(Field::Service.problem("Select the service it is about"));
        }

        let person_name = self.person_name.trim();
        if person_name.chars().count() > NAME_MAX {
            errors.push(Field::PersonName.problem(format!("Name must be {NAME_MAX} characters or fewer")));
        }
        let raised_by_name = self.raised_by_name.trim();
        if raised_by_name.chars().count() > NAME_MAX {
            errors.push(Field::RaisedByName.problem(format!("Name must be {NAME_MAX} characters or fewer")));
        }

        let summary = self.summary.trim();
        if summary.is_empty() {
            errors.push(Field::Summary.problem("Enter a summary of what the person told you"));
        } else if summary.chars().count() > SUMMARY_MAX {
            errors.push(Field::Summary.problem(format!("Summary must be {SUMMARY_MAX} characters or fewer")));
        }

        let needs_procedure = kind.is_some_and(RecordKind::has_procedure);
        let chosen = procedure::find(procedures, &self.procedure);
        if needs_procedure && chosen.is_none() {
            errors.push(Field::Procedure.problem("Select the procedure the complaint is handled under"));
        }

        match (kind, received) {
            (Some(kind), Ok(received)) if errors.is_empty() => Ok(Record {
                id,
                kind,
                received,
                service: self.service.clone(),
                person: super::Person::named(person_name),
                raised_by: (!raised_by_name.is_empty()).then(|| super::Person::named(raised_by_name)),
                copy_to_person: false,
                summary: summary.to_string(),
                issue_date,
                aware_date,
                procedure: chosen.filter(|_| needs_procedure).map(ProcedureRef::naming),
                stages: if needs_procedure {
                    vec![super::StageEvents::started(received)]
                } else {
                    Vec::new()
                },
                reference: change.next_reference(kind, received, existing),
                intake: Default::default(),
                concern_outcome: None,
                escalated_to: None,
                escalated_from: None,
                closed: None,
                correspondence: Vec::new(),
                remedies: Vec::new(),
                actions: Vec::new(),
                learning: Vec::new(),
                restrictions: Vec::new(),
                history: vec![change.entry("Record created")],
                ombudsman: None,
                feedback: None,
                outgoing: None,
                sample: false,
                created: change.at,
                updated: change.at,
            }),
            _ => Err(errors),
        }
    }
}

/// The procedure offered first for a complaint about `service` to an organisation in `nation`:
/// the one it most likely follows ([`crate::advocacy::likely_procedure`]: in England, children's
/// social care the 2006 regulations, adult social care the 2009 ones, housing the Housing
/// Ombudsman's Code, otherwise the LGSCO Code; Scotland's, Wales's and Northern Ireland's own),
/// when it is among `procedures`. The person can always choose another.
pub fn suggested_procedure(service: &str, nation: crate::calendar::Nation, procedures: &[Procedure]) -> Option<String> {
    let likely = crate::advocacy::likely_procedure(service, nation);
    (!service.trim().is_empty() && procedures.iter().any(|p| p.id == likely)).then(|| likely.to_string())
}

//! A record as typed into the New record form, and the checks it must pass to be saved.
//! Messages follow the GOV.UK Design System's wording; the draft itself is never changed by a
//! check, so nothing the person typed is lost.

use super::{DEFAULT_SERVICES, DateInput, DatePart, Record, RecordKind};
use crate::procedure;
use chrono::{DateTime, NaiveDate, Utc};

/// Longest summary accepted, in characters.
pub const SUMMARY_MAX: usize = 10_000;
/// Longest name accepted, in characters.
pub const NAME_MAX: usize = 200;

/// The form's fields, in the order they appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Kind,
    Received,
    Service,
    PersonName,
    Summary,
    Procedure,
}

impl Field {
    /// The id of the field's element in the page.
    pub fn id(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Received => "received",
            Field::Service => "service",
            Field::PersonName => "person-name",
            Field::Summary => "summary",
            Field::Procedure => "procedure",
        }
    }
}

/// One problem with the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
    /// For a date, the boxes at fault.
    pub date_parts: Vec<DatePart>,
}

impl FieldError {
    fn new(field: Field, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
            date_parts: Vec::new(),
        }
    }

    /// The element the error summary links to: the first box at fault, or the field itself.
    pub fn anchor(&self) -> String {
        match self.date_parts.first() {
            Some(part) => format!("{}-{}", self.field.id(), part.name()),
            None => self.field.id().to_string(),
        }
    }
}

/// Everything the New record form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordDraft {
    /// A [`RecordKind::code`], or empty when none is chosen.
    pub kind: String,
    pub received: DateInput,
    pub service: String,
    pub person_name: String,
    pub summary: String,
    /// A procedure id, or empty.
    pub procedure: String,
}

impl RecordDraft {
    /// Checks every field and makes the record, or lists every problem in the form's order.
    pub fn to_record(
        &self,
        id: String,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Record, Vec<FieldError>> {
        let mut errors = Vec::new();

        let kind = RecordKind::from_code(&self.kind);
        if kind.is_none() {
            errors.push(FieldError::new(
                Field::Kind,
                "Select what kind of record this is",
            ));
        }

        let received = self
            .received
            .parse("Date received", today)
            .map_err(|error| FieldError {
                field: Field::Received,
                message: error.message,
                date_parts: error.parts,
            });
        if let Err(error) = &received {
            errors.push(error.clone());
        }

        if !DEFAULT_SERVICES.contains(&self.service.as_str()) {
            errors.push(FieldError::new(
                Field::Service,
                "Select the service it is about",
            ));
        }

        let person_name = self.person_name.trim();
        if person_name.chars().count() > NAME_MAX {
            errors.push(FieldError::new(
                Field::PersonName,
                format!("Name must be {NAME_MAX} characters or fewer"),
            ));
        }

        let summary = self.summary.trim();
        if summary.is_empty() {
            errors.push(FieldError::new(
                Field::Summary,
                "Enter a summary of what the person told you",
            ));
        } else if summary.chars().count() > SUMMARY_MAX {
            errors.push(FieldError::new(
                Field::Summary,
                format!("Summary must be {SUMMARY_MAX} characters or fewer"),
            ));
        }

        let needs_procedure = kind.is_some_and(RecordKind::has_procedure);
        if needs_procedure && procedure::find(&self.procedure).is_none() {
            errors.push(FieldError::new(
                Field::Procedure,
                "Select the procedure the complaint is handled under",
            ));
        }

        match (kind, received) {
            (Some(kind), Ok(received)) if errors.is_empty() => Ok(Record {
                id,
                kind,
                received,
                service: self.service.clone(),
                person_name: (!person_name.is_empty()).then(|| person_name.to_string()),
                summary: summary.to_string(),
                procedure: needs_procedure.then(|| self.procedure.clone()),
                created: now,
                updated: now,
            }),
            _ => Err(errors),
        }
    }
}

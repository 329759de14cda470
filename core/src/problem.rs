//! One shape for whatever a check finds wrong — in what a person typed, in a file, in stored
//! data: the field (or the place in a file) it is about, the message to show by the field and
//! in the error summary, and for a date which of its boxes (day, month, year) are at fault, so
//! only those are marked.

use crate::record::{DateInputError, DatePart};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field's id: for a date, the id of the whole date input (its boxes are
    /// `<field>-day`, `<field>-month` and `<field>-year`). For a file or stored data, the place
    /// in it: `records[12].stages[0].acknowledged`, or "the file" for the whole.
    pub field: String,
    pub message: String,
    /// For a date, the boxes at fault; empty for any other field.
    pub parts: Vec<DatePart>,
}

impl Problem {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            field: field.into(),
            message: message.into(),
            parts: Vec::new(),
        }
    }

    /// Something wrong at a place in a file or in stored data.
    pub fn at(place: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(place, message)
    }

    /// Something wrong with a file as a whole.
    pub fn whole_file(message: impl Into<String>) -> Self {
        Self::new("the file", message)
    }

    /// The place in a file this problem names (its `field`).
    pub fn place(&self) -> &str {
        &self.field
    }

    /// A date that could not be read, with the boxes the reading found at fault.
    pub fn date(field: impl Into<String>, error: DateInputError) -> Self {
        Problem {
            field: field.into(),
            message: error.message,
            parts: error.parts,
        }
    }

    /// A real date that will not do (before the record was received, say): every box.
    pub fn whole_date(field: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            field: field.into(),
            message: message.into(),
            parts: vec![DatePart::Day, DatePart::Month, DatePart::Year],
        }
    }

    /// Where the error summary's link goes: the first box at fault, or the field.
    pub fn anchor(&self) -> String {
        match self.parts.first() {
            Some(part) => format!("{}-{}", self.field, part.name()),
            None => self.field.clone(),
        }
    }
}

/// Everything a check found, in the form's order (empty never leaves a check: a check that
/// finds nothing returns its result instead).
pub type Problems = Vec<Problem>;

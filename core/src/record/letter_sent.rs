//! Marking a drafted letter sent: one act that records the event the letter announces (the
//! acknowledgement, the extension with its reason, the response with its outcome) on the day it
//! went, and logs the letter in the correspondence. A letter still holding a placeholder, or one
//! already marked sent, is marked only when the person says so.

use super::casework::{Correspondence, CorrespondenceKind};
use super::letters::{LetterInputs, LetterKind, placeholders};
use super::{Change, DateInput, EventDraft, EventKind, Outcome, Record, record_event};
use crate::format::short_date;
use crate::problem::{Problem, Problems};
use crate::procedure::CustomProcedure;
use chrono::NaiveDate;

/// Which letter at which stage (`acknowledgement@1`), as kept on the correspondence it made.
pub fn letter_code(kind: LetterKind, stage: usize) -> String {
    format!("{}@{stage}", kind.code())
}

/// The code of `kind` at the record's latest stage.
fn code_now(kind: LetterKind, record: &Record) -> String {
    letter_code(kind, record.stages.len().max(1))
}

/// When this letter, at this stage, was last marked sent.
pub fn sent_before(kind: LetterKind, record: &Record) -> Option<NaiveDate> {
    let code = code_now(kind, record);
    record
        .correspondence
        .iter()
        .rev()
        .find(|c| c.letter.as_deref() == Some(code.as_str()))
        .map(|c| c.date)
}

/// The event sending this letter records, or `None` when the stage already holds it (a response
/// already recorded is not recorded again; an extension notice always records its extension).
pub fn event_of(kind: LetterKind, record: &Record) -> Option<EventKind> {
    let stage = record.stages.last()?;
    match kind {
        LetterKind::Acknowledgement | LetterKind::Stage2Acknowledgement => {
            stage.acknowledged.is_none().then_some(EventKind::Acknowledged)
        }
        LetterKind::Extension => Some(EventKind::Extended),
        LetterKind::StageResponse => stage.responded.is_none().then_some(EventKind::Responded),
    }
}

/// What the letter page holds: the day it is sent, what the event will say, the letter's text
/// and the person's answers to the two questions it may ask.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterSentDraft {
    pub sent: DateInput,
    /// An acknowledgement's handler.
    pub handler: String,
    /// A response's [`Outcome`] code.
    pub outcome: String,
    /// An extension's reason and the new date.
    pub reason: String,
    pub extended_to: DateInput,
    pub text: String,
    /// "Mark it sent with the square brackets left in".
    pub placeholders_kept: bool,
    /// "Mark it sent again".
    pub again: bool,
}

impl LetterSentDraft {
    /// Sent today, with what the record already says.
    pub fn for_record(record: &Record, today: NaiveDate) -> Self {
        let inputs = LetterInputs::for_record(record, today);
        LetterSentDraft {
            sent: DateInput::from_date(today),
            handler: inputs.handler,
            outcome: inputs.outcome.map(|o| o.code()).unwrap_or_default(),
            reason: inputs.extension.as_ref().map(|e| e.1.clone()).unwrap_or_default(),
            extended_to: inputs.extension.map(|e| DateInput::from_date(e.0)).unwrap_or_default(),
            ..Default::default()
        }
    }

    /// What the letter is drafted from as typed so far: a date not yet whole falls back to
    /// `today`, so the letter reads sensibly while the person types.
    pub fn inputs(&self, today: NaiveDate) -> LetterInputs {
        let sent = self.sent.parse("Date sent", today).unwrap_or(today);
        let extension = self
            .extended_to
            .parse("New date", NaiveDate::MAX)
            .ok()
            .map(|to| (to, self.reason.clone()));
        LetterInputs {
            sent,
            handler: self.handler.clone(),
            outcome: Outcome::from_code(&self.outcome),
            extension,
        }
    }

    /// The record with the event recorded and the letter logged, or every problem: at
    /// `letter-sent`, `event-handler`, `event-outcome`, `event-reason`, `extended-to`, `letter`
    /// (placeholders left) and `again` (already marked sent).
    pub fn apply(
        &self,
        kind: LetterKind,
        record: &Record,
        today: NaiveDate,
        library: &[CustomProcedure],
        change: &Change,
    ) -> Result<Record, Problems> {
        let mut problems = Problems::new();
        let sent = match self.sent.parse("Date sent", today) {
            Ok(date) => Some(date),
            Err(error) => {
                problems.push(Problem::date("letter-sent", error));
                None
            }
        };
        let event = event_of(kind, record);
        let next = match (sent, event) {
            (Some(sent), Some(event)) => {
                let draft = EventDraft {
                    kind: event.code().to_string(),
                    date: if event == EventKind::Extended {
                        self.extended_to.clone()
                    } else {
                        DateInput::from_date(sent)
                    },
                    reason: self.reason.clone(),
                    told: DateInput::from_date(sent),
                    handler: self.handler.clone(),
                    outcome: self.outcome.clone(),
                    ..Default::default()
                };
                match record_event(record, &draft, today, change, library) {
                    Ok(next) => Some(next),
                    Err(found) => {
                        problems.extend(found.into_iter().map(|p| renamed(p, event)));
                        None
                    }
                }
            }
            (Some(_), None) => Some(record.clone()),
            _ => None,
        };
        let left = placeholders(&self.text);
        if self.text.trim().is_empty() {
            problems.push(Problem::new("letter", "The letter is empty. Enter what you sent"));
        } else if !left.is_empty() && !self.placeholders_kept {
            problems.push(Problem::new(
                "letter",
                format!(
                    "The letter still has {} to fill in. Replace {}, or say it went as it is",
                    left.join(", "),
                    if left.len() == 1 { "it" } else { "them" }
                ),
            ));
        }
        if let Some(before) = sent_before(kind, record).filter(|_| !self.again) {
            problems.push(Problem::new(
                "again",
                format!(
                    "This letter was already marked sent on {}. Say whether to mark it sent again",
                    short_date(before)
                ),
            ));
        }
        let (Some(sent), Some(mut next)) = (sent, next) else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        next.updated = change.at;
        next.history
            .push(change.entry(format!("{} sent on {}", kind.title(), short_date(sent))));
        next.correspondence.push(Correspondence {
            date: sent,
            kind: CorrespondenceKind::Letter,
            note: self.text.trim().to_string(),
            letter: Some(code_now(kind, record)),
        });
        crate::order::sort_by_key(&mut next.correspondence, |c| c.date);
        Ok(next)
    }
}

/// An event's problem, placed at the letter page's field: the date of an acknowledgement or a
/// response is the date sent; an extension's date is its new date.
fn renamed(mut problem: Problem, event: EventKind) -> Problem {
    problem.field = match problem.field.as_str() {
        "event-date" if event == EventKind::Extended => "extended-to".into(),
        "event-date" => "letter-sent".into(),
        "event-told" => "letter-sent".into(),
        _ => problem.field,
    };
    problem
}

/// The event's name in a sentence ("the acknowledgement").
fn event_words(event: EventKind) -> &'static str {
    match event {
        EventKind::Acknowledged => "the acknowledgement",
        EventKind::Extended => "the extension, with its reason and new date",
        EventKind::Responded => "the response, with its outcome",
        _ => "what it announces",
    }
}

/// What marking the letter sent will do, said above the button.
pub fn what_marking_does(kind: LetterKind, record: &Record) -> String {
    match event_of(kind, record) {
        Some(event) => format!(
            "Marking it sent records {} on the date it was sent, and keeps the letter in the correspondence log.",
            event_words(event)
        ),
        None => "What it announces is already recorded. Marking it sent keeps the letter in the correspondence log."
            .to_string(),
    }
}

/// The banner on the record once the letter is marked sent.
pub fn marked_sent(kind: LetterKind, record: &Record) -> String {
    match event_of(kind, record) {
        Some(EventKind::Acknowledged) => format!("{} marked sent. The acknowledgement is recorded.", kind.title()),
        Some(EventKind::Extended) => format!("{} marked sent. The extension is recorded.", kind.title()),
        Some(EventKind::Responded) => format!("{} marked sent. The response is recorded.", kind.title()),
        _ => format!("{} marked sent and added to the correspondence log.", kind.title()),
    }
}

/// How the correspondence log folds an entry: the line shown closed ("Acknowledgement letter,
/// stage 1", or a long note's first line), or `None` for a short note shown whole.
pub fn folded(entry: &Correspondence) -> Option<String> {
    if let Some((kind, stage)) = entry.letter.as_deref().and_then(|code| code.split_once('@')) {
        return Some(match LetterKind::from_code(kind) {
            Some(LetterKind::Stage2Acknowledgement) => LetterKind::Stage2Acknowledgement.title().to_string(),
            Some(kind) => format!("{}, stage {stage}", kind.title()),
            None => format!("Letter, stage {stage}"),
        });
    }
    let note = entry.note.trim();
    let long = note.lines().count() > 4 || note.chars().count() > 400;
    long.then(|| {
        let first = note.lines().next().unwrap_or_default().trim();
        match first.char_indices().nth(80) {
            Some((cut, _)) => format!("{}…", &first[..cut]),
            None => first.to_string(),
        }
    })
}

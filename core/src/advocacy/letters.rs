//! The advocate's letters, in plain words: the complaint itself (every answer given, and the
//! timescales the organisation's own procedure sets), a chaser when a date is missed, and the
//! request for the next stage. Square brackets mark what only the writer can fill in. Sending
//! one ([`CaseLetter::send`]) records it on the case.

use super::Outgoing;
use crate::deadline::{DeadlineKind, Rules, calculate, record_deadlines};
use crate::format::long_date;
use crate::problem::{Problem, Problems};
use crate::procedure::{CustomProcedure, Length, Procedure, Stage, Step, StepKind};
use crate::record::casework_edit::CorrespondenceDraft;
use crate::record::{Change, DateInput, EventDraft, EventKind, Record, record_event};
use chrono::NaiveDate;

/// "within 5 working days of the date received", for a step of `stage`.
pub fn step_words(stage: &Stage, step: &Step) -> String {
    let length = match step.length {
        Length::WorkingDays(1) => "1 working day".to_string(),
        Length::WorkingDays(n) => format!("{n} working days"),
        Length::Months(1) => "1 month".to_string(),
        Length::Months(n) => format!("{n} months"),
    };
    format!("within {length} of {}", stage.anchor_words(step.from))
}

fn or_blank(text: &str, blank: &str) -> String {
    if text.trim().is_empty() {
        blank.to_string()
    } else {
        text.trim().to_string()
    }
}

fn person(record: &Record) -> String {
    or_blank(&record.person.name, "[name]")
}

/// The writer: the advocate, or the person when they write for themselves.
fn writer(record: &Record, outgoing: &Outgoing) -> String {
    if outgoing.advocate.trim().is_empty() {
        person(record)
    } else {
        outgoing.advocate.trim().to_string()
    }
}

/// What the procedure says the organisation must do at stage 1, with dates if sent on `sent`.
fn timescales(procedure: &Procedure, sent: NaiveDate, rules: &Rules) -> String {
    let Some(stage) = procedure.stages.first() else {
        return String::new();
    };
    let dates = calculate(procedure, 0, sent, rules);
    let mut lines = vec![format!("Under your {}:", procedure.name)];
    for step in &stage.steps {
        if !matches!(step.kind, StepKind::Acknowledgement | StepKind::Response) {
            continue;
        }
        let kind = if step.kind == StepKind::Acknowledgement {
            DeadlineKind::Acknowledgement
        } else {
            DeadlineKind::Response
        };
        let by = dates
            .iter()
            .find(|d| d.stage == Some(0) && d.kind == kind)
            .map(|d| format!(": by {}", long_date(d.due)))
            .unwrap_or_default();
        lines.push(format!(
            "- you should send your {} {}{by}",
            step.label,
            step_words(stage, step)
        ));
    }
    lines.join("\n")
}

/// The complaint letter, as drafted from the answers; `sent` is the day it will be sent.
pub fn complaint_letter(record: &Record, sent: NaiveDate, rules: &Rules) -> String {
    let Some(outgoing) = &record.outgoing else {
        return String::new();
    };
    let a = &outgoing.answers;
    let name = person(record);
    let on_behalf = if outgoing.advocate.trim().is_empty() {
        "I am writing to make a complaint.".to_string()
    } else {
        let agreed = outgoing
            .authority
            .map(|d| format!(" They agreed to this on {}.", long_date(d)))
            .unwrap_or_default();
        format!("I am writing on behalf of {name}, who has asked me to make this complaint for them.{agreed}")
    };
    let timescales = rules
        .procedure(record)
        .map(|p| timescales(&p, sent, rules))
        .unwrap_or_default();
    format!(
        "To: {organisation}\n[Address]\n\n{date}\n\nDear Sir or Madam\n\n\
         Complaint about {service}: {name}\n\n\
         {on_behalf}\n\n\
         What happened\n{what}\n\n\
         When it happened\n{when}\n\n\
         Who was involved\n{who}\n\n\
         How this has affected {name}\n{impact}\n\n\
         What {name} would like to happen\n{wanted}\n\n\
         Adjustments needed\n{adjustments}\n\n\
         How to contact us\n{contact}\n\n\
         Please acknowledge this complaint in writing and tell me who will deal with it.\n\n\
         {timescales}\n\n\
         If you need more time, please tell me why and when you will reply.\n\n\
         Yours faithfully\n\n{writer}",
        organisation = outgoing.organisation,
        date = long_date(sent),
        service = record.service,
        what = or_blank(&a.what_happened, "[What happened]"),
        when = or_blank(&a.when, "[When it happened]"),
        who = or_blank(&a.who, "[Who was involved]"),
        impact = or_blank(&a.impact, "[How it has affected them]"),
        wanted = or_blank(&a.wanted, "[What they want to happen]"),
        adjustments = or_blank(&a.adjustments, "None."),
        contact = or_blank(&a.contact, "[How to contact them]"),
        writer = writer(record, outgoing),
    )
}

/// A polite chaser for a missed date: what was due, when, and the date to reply by
/// ([`super::next::chaser_reply_by`], counted from today, the day it is drafted for).
pub fn chaser_letter(record: &Record, rules: &Rules) -> String {
    let Some(outgoing) = &record.outgoing else {
        return String::new();
    };
    let missed: Vec<String> = super::next::missed(record, &record_deadlines(record, rules))
        .into_iter()
        .map(|d| format!("- your {} was due by {}", d.label.to_lowercase(), long_date(d.due)))
        .collect();
    let sent = outgoing.sent.map(long_date).unwrap_or_else(|| "[date sent]".into());
    let reply_by = super::next::chaser_reply_by(rules.today, rules)
        .map(|by| format!("by {} (within 5 working days)", long_date(by)))
        .unwrap_or_else(|| "within 5 working days".into());
    format!(
        "To: {organisation}\n\n{today}\n\nDear Sir or Madam\n\n\
         Complaint about {service}: {name}, sent on {sent}\n\n\
         I have not yet had what your complaints procedure says I should have by now:\n{missed}\n\n\
         Please reply {reply_by}, telling me when I will have your response and why it is late.\n\n\
         If I do not hear from you, I will ask the Ombudsman to look at how this complaint has been handled.\n\n\
         Yours faithfully\n\n{writer}",
        organisation = outgoing.organisation,
        today = long_date(rules.today),
        service = record.service,
        name = person(record),
        missed = if missed.is_empty() {
            "- [what was due, and when]".to_string()
        } else {
            missed.join("\n")
        },
        writer = writer(record, outgoing),
    )
}

/// The request for the next stage. Under the Code no reasons are needed; where the procedure
/// sets a window for asking, its last day is named.
pub fn next_stage_letter(record: &Record, rules: &Rules) -> String {
    let Some(outgoing) = &record.outgoing else {
        return String::new();
    };
    let stage = record.stages.len();
    let next = rules
        .procedure(record)
        .and_then(|p| p.stages.get(stage).map(|s| s.title()))
        .unwrap_or_else(|| format!("stage {}", stage + 1));
    let answered = record
        .stages
        .last()
        .and_then(|s| s.responded)
        .map(long_date)
        .unwrap_or_else(|| "[date]".into());
    let window = super::next::next_stage_window(record, rules)
        .map(|due| {
            format!(
                "\n\nI am asking within the time your procedure allows (by {}).",
                long_date(due)
            )
        })
        .unwrap_or_default();
    format!(
        "To: {organisation}\n\n{today}\n\nDear Sir or Madam\n\n\
         Complaint about {service}: {name}\n\n\
         Thank you for your response of {answered}. {name} is not satisfied with it, and asks you to consider \
         the complaint at {next}.{window}\n\n\
         [If you wish, say what is still not resolved. You do not have to give reasons.]\n\n\
         Please acknowledge this request in writing and tell me when to expect your response.\n\n\
         Yours faithfully\n\n{writer}",
        organisation = outgoing.organisation,
        today = long_date(rules.today),
        service = record.service,
        name = person(record),
        writer = writer(record, outgoing),
    )
}

/// One of a case's letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseLetter {
    /// The complaint itself: sending it starts the organisation's clock.
    Complaint,
    /// A chaser for a missed date.
    Chaser,
    /// The request for the next stage.
    NextStage,
}

impl CaseLetter {
    /// The letter named in its address (`/cases/<id>/letter/<code>`).
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "complaint" => Some(Self::Complaint),
            "chaser" => Some(Self::Chaser),
            "next-stage" => Some(Self::NextStage),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Complaint => "complaint",
            Self::Chaser => "chaser",
            Self::NextStage => "next-stage",
        }
    }

    /// The page's heading.
    pub fn title(self) -> &'static str {
        match self {
            Self::Complaint => "The complaint letter",
            Self::Chaser => "A letter chasing a missed date",
            Self::NextStage => "Asking for the next stage",
        }
    }

    /// The banner on the case once the letter is marked sent.
    pub fn marked_sent(self) -> &'static str {
        match self {
            Self::Complaint => "The complaint letter is marked sent.",
            Self::Chaser => "The chaser is marked sent.",
            Self::NextStage => "The request for the next stage is marked sent.",
        }
    }

    /// The letter drafted for `record` as things stand (the complaint as it was sent, once it has
    /// been, or as it was last edited).
    pub fn draft(self, record: &Record, rules: &Rules) -> String {
        match self {
            Self::Complaint => match record.outgoing.as_ref().map(|o| o.letter.as_str()) {
                Some(letter) if !letter.is_empty() => letter.to_string(),
                _ => complaint_letter(record, rules.today, rules),
            },
            Self::Chaser => chaser_letter(record, rules),
            Self::NextStage => next_stage_letter(record, rules),
        }
    }

    /// The record with this letter sent on `when` (as typed in the page's `sent` date input): the
    /// complaint starts the organisation's clock ([`super::mark_sent`]), the request for the
    /// next stage starts that stage, and every letter goes in the dated log. Problems name
    /// `sent`, with the date's boxes at fault.
    pub fn send(
        self,
        record: &Record,
        when: &DateInput,
        letter: &str,
        today: NaiveDate,
        change: &Change,
        library: &[CustomProcedure],
    ) -> Result<Record, Problems> {
        // Logged with the letter it was, so a chaser's reply-by date can be tracked.
        let logged = |record: &Record, words: &str, code: String| {
            let note = format!("{words}\n\n{letter}");
            let mut next = CorrespondenceDraft::letter(when.clone(), note.clone())
                .apply(record, today, change)
                .map_err(on_this_page)?;
            if let Some(entry) = next
                .correspondence
                .iter_mut()
                .rev()
                .find(|entry| entry.note == note && entry.letter.is_none())
            {
                entry.letter = Some(code);
            }
            Ok(next)
        };
        match self {
            Self::Complaint => super::mark_sent(record, when, letter, today, change).map_err(|p| vec![p]),
            Self::Chaser => logged(record, "Chaser sent.", super::next::chaser_code(record.stages.len())),
            Self::NextStage => {
                // Who handles it at the organisation is not ours to know yet.
                let asked = EventDraft {
                    kind: EventKind::NextStageRequested.code().into(),
                    date: when.clone(),
                    handler: "Not known yet".into(),
                    ..EventDraft::default()
                };
                let asked = record_event(record, &asked, today, change, library).map_err(on_this_page)?;
                logged(
                    &asked,
                    "Next stage asked for.",
                    format!("next-stage@{}", asked.stages.len()),
                )
            }
        }
    }
}

/// Problems found by the record's own checks, moved to the letter page's date input (a date
/// keeps its boxes at fault). The log's note always begins with what was sent, so only the date
/// can be wrong.
fn on_this_page(problems: Problems) -> Problems {
    problems
        .into_iter()
        .map(|problem| Problem {
            field: SENT.into(),
            ..problem
        })
        .collect()
}

/// The id of the letter page's date input, which a sent letter's problems name.
pub const SENT: &str = "sent";

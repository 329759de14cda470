//! Letters drafted from a record: the acknowledgement, an extension notice, a stage response
//! with everything Code 6.18 asks for, and the stage 2 acknowledgement. Plain text the person
//! edits before sending; square brackets mark what only they can write.
//!
//! A letter is drafted for the day it will be sent ([`LetterInputs::sent`]), as if the event it
//! announces had happened that day: an acknowledgement sent on Monday promises the response by
//! Monday plus the procedure's working days, never the date projected before it was sent.
//! Marking it sent records that event ([`super::letter_sent`]).

use super::{Extension, Outcome, Record};
use crate::deadline::{DeadlineKind, Rules, record_deadlines};
use crate::format::long_date;
use crate::settings::Settings;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterKind {
    Acknowledgement,
    Extension,
    StageResponse,
    Stage2Acknowledgement,
}

impl LetterKind {
    pub const ALL: [LetterKind; 4] = [
        LetterKind::Acknowledgement,
        LetterKind::Extension,
        LetterKind::StageResponse,
        LetterKind::Stage2Acknowledgement,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LetterKind::Acknowledgement => "acknowledgement",
            LetterKind::Extension => "extension",
            LetterKind::StageResponse => "response",
            LetterKind::Stage2Acknowledgement => "stage-2-acknowledgement",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    pub fn title(self) -> &'static str {
        match self {
            LetterKind::Acknowledgement => "Acknowledgement letter",
            LetterKind::Extension => "Extension notice",
            LetterKind::StageResponse => "Stage response",
            LetterKind::Stage2Acknowledgement => "Stage 2 acknowledgement",
        }
    }
}

/// The letters that make sense for the record as it stands: the acknowledgement of its stage
/// (where its procedure asks for one: the Scottish and Northern Irish models' stage 1 does not),
/// an extension notice (to draft before the extension is recorded, or after), and the response.
pub fn available_letters(record: &Record) -> Vec<LetterKind> {
    if record.stages.is_empty() {
        return Vec::new();
    }
    let acknowledgement = if record.stages.len() == 1 {
        LetterKind::Acknowledgement
    } else {
        LetterKind::Stage2Acknowledgement
    };
    // A procedure this record alone cannot resolve (a custom one) is taken to ask for one.
    let asks_acknowledgement = record.procedure_with(&[]).is_none_or(|procedure| {
        procedure
            .stages
            .get(record.stages.len() - 1)
            .is_none_or(|stage| stage.step(crate::procedure::StepKind::Acknowledgement).is_some())
    });
    let mut letters = Vec::new();
    if asks_acknowledgement {
        letters.push(acknowledgement);
    }
    letters.extend([LetterKind::Extension, LetterKind::StageResponse]);
    letters
}

/// What the letter page knows before the letter is sent: the day it will go, and what the event
/// it announces will say (the outcome of a response; an extension's reason and new date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterInputs {
    pub sent: NaiveDate,
    /// Who handles the stage, named in an acknowledgement.
    pub handler: String,
    pub outcome: Option<Outcome>,
    /// The new date and the reason, for an extension notice.
    pub extension: Option<(NaiveDate, String)>,
}

impl LetterInputs {
    /// For a letter sent on `sent`, with what the record already holds.
    pub fn for_record(record: &Record, sent: NaiveDate) -> Self {
        let stage = record.stages.last();
        LetterInputs {
            sent,
            handler: stage.and_then(|s| s.handler.clone()).unwrap_or_default(),
            outcome: stage.and_then(|s| s.outcome),
            extension: stage.and_then(|s| s.extension()).map(|e| (e.to, e.reason.clone())),
        }
    }
}

/// Who to go to after the organisation, and how: the Ombudsman its procedure names (the SPSO
/// after Scotland's model, the PSOW after Wales's …), or, for a procedure of the organisation's
/// own, the Ombudsman of the nation it keeps (`rules`' calendar).
pub(crate) fn ombudsman(record: &Record, rules: &Rules) -> &'static str {
    let named = record
        .procedure
        .as_ref()
        .and_then(|p| crate::procedure::about(p.id()))
        .map(|about| about.ombudsman);
    named
        .unwrap_or_else(|| crate::procedure::about::ombudsman_of(rules.statutory.nation))
        .contact
}

/// The record as it will be once this letter is sent: the event it announces recorded on the
/// day it is sent (an acknowledgement, an extension, a response), unless already recorded.
pub fn as_sent(kind: LetterKind, record: &Record, inputs: &LetterInputs) -> Record {
    let mut next = record.clone();
    let Some(stage) = next.stages.last_mut() else {
        return next;
    };
    match kind {
        LetterKind::Acknowledgement | LetterKind::Stage2Acknowledgement => {
            stage.acknowledged.get_or_insert(inputs.sent);
        }
        LetterKind::Extension => {
            if let Some((to, reason)) = &inputs.extension {
                let told = Some(inputs.sent);
                let good_reason = stage.extension().is_some_and(|e| e.good_reason);
                let extension = Extension {
                    to: *to,
                    reason: reason.clone(),
                    good_reason,
                    told,
                };
                // The letter for the extension in force is that one, told today; another date
                // is a further extension, kept beside it.
                match stage.extensions.last_mut() {
                    Some(last) if last.to == *to => *last = extension,
                    _ => stage.extensions.push(extension),
                }
            }
        }
        LetterKind::StageResponse => {
            stage.responded.get_or_insert(inputs.sent);
            if stage.outcome.is_none() {
                stage.outcome = inputs.outcome;
            }
        }
    }
    next
}

/// The date a deadline of the record's latest stage will fall on, in words.
fn due(record: &Record, rules: &Rules, kind: DeadlineKind) -> Option<String> {
    let stage = record.stages.len().checked_sub(1)?;
    record_deadlines(record, rules)
        .into_iter()
        .find(|d| d.kind == kind && d.stage == Some(stage))
        .map(|d| long_date(d.due))
}

fn or_mark(text: &str, mark: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        mark.to_string()
    } else {
        text.to_string()
    }
}

/// A letter's text with the recipient's name and address above it and the date it is sent,
/// the format they need named below, and the copy line when the person asked for a copy of what
/// goes to whoever raised it.
fn addressed(record: &Record, sent: NaiveDate, letter: &str) -> String {
    let to = record.recipient();
    let mut head = vec![or_mark(&to.name, "[Name]")];
    let lines = to.address_lines();
    if lines.is_empty() {
        head.push("[Address]".into());
    } else {
        head.extend(lines.into_iter().map(str::to_string));
    }
    head.push(String::new());
    head.push(long_date(sent));
    let mut tail = String::new();
    if !to.format.is_empty() && !to.large_print() {
        tail.push_str(&format!(
            "\n\nWe will also send you this letter in {}, as agreed with you.",
            to.format.to_lowercase()
        ));
    }
    if record.copy_to_person && record.raised_by.is_some() {
        tail.push_str(&format!(
            "\n\nCopy to: {}",
            or_mark(&record.person.name, "[the person it is about]")
        ));
    }
    format!("{}\n\n{letter}{tail}", head.join("\n"))
}

/// The letter's text, for a letter sent as `inputs` say.
pub fn draft_letter(
    kind: LetterKind,
    record: &Record,
    settings: &Settings,
    rules: &Rules,
    inputs: &LetterInputs,
) -> String {
    let sent = as_sent(kind, record, inputs);
    let name = or_mark(&record.recipient().name, "Sir or Madam");
    let body = match kind {
        LetterKind::Acknowledgement => acknowledgement(&sent, rules, inputs),
        LetterKind::Extension => extension(&sent, rules, inputs),
        LetterKind::StageResponse => stage_response(&sent, rules),
        LetterKind::Stage2Acknowledgement => stage_2_acknowledgement(&sent, rules, inputs),
    };
    let sign_off = format!(
        "Yours sincerely\n\n{}\n{}",
        or_mark(&settings.user_name, "[Your name]"),
        or_mark(&settings.organisation_name, "[Organisation]")
    );
    addressed(record, inputs.sent, &format!("Dear {name}\n\n{body}\n\n{sign_off}"))
}

fn wants(record: &Record) -> String {
    or_mark(&record.intake.desired_outcome, "[the outcome they want]")
}

fn procedure_name(record: &Record, rules: &Rules) -> String {
    rules
        .procedure(record)
        .map_or("our complaints procedure".to_string(), |p| format!("the {}", p.name))
}

/// The acknowledgement of a complaint. Under the 2009 adult social care and NHS regulations
/// (reg. 13(7)) it offers to discuss how the complaint will be handled and how long it is likely
/// to take, and it tells the person an advocate can help them.
fn acknowledgement(record: &Record, rules: &Rules, inputs: &LetterInputs) -> String {
    let handler = or_mark(&inputs.handler, "[name of the person handling it]");
    let procedure = procedure_name(record, rules);
    let response_due = due(record, rules, DeadlineKind::Response).unwrap_or_else(|| "[date]".into());
    let opening = format!(
        "Thank you for your complaint, which we received on {}. Our reference is {}.\n\n\
         We understand that you are unhappy about: {}\n\n\
         You told us you would like: {}\n\n\
         If we have misunderstood anything, please tell us.",
        long_date(record.received),
        record.reference,
        record.summary,
        wants(record)
    );
    let adults = record
        .procedure
        .as_ref()
        .is_some_and(|p| p.id() == "social-services-nhs-2009");
    if adults {
        format!(
            "{opening}\n\n\
             {handler} will handle your complaint. We would like to talk with you about how we will handle it and \
             how long it is likely to take. Please contact {handler} to arrange a time, or tell us if you would \
             rather we wrote to you. Unless we agree another date with you, we aim to send you our response by \
             {response_due}.\n\n\
             You can have an advocate to help you with your complaint. [Name and contact details of the local \
             advocacy service.]"
        )
    } else {
        format!(
            "{opening}\n\n\
             {handler} will handle your complaint. Under {procedure}, we will send you our response by {response_due}. \
             If we need longer, we will tell you why and when to expect it."
        )
    }
}

fn extension(record: &Record, rules: &Rules, inputs: &LetterInputs) -> String {
    let (to, reason) = inputs
        .extension
        .as_ref()
        .map_or(("[new date]".to_string(), "[reason]".to_string()), |(to, reason)| {
            (long_date(*to), or_mark(reason, "[reason]"))
        });
    format!(
        "We are writing about your complaint, reference {}.\n\n\
         We are sorry, but we need more time to respond. This is because: {}\n\n\
         We will now send you our response by {to}.\n\n\
         If you are unhappy with this delay, you can contact {} at any time.",
        record.reference,
        reason.trim_end_matches('.'),
        ombudsman(record, rules)
    )
}

fn stage_2_acknowledgement(record: &Record, rules: &Rules, inputs: &LetterInputs) -> String {
    let stage_number = record.stages.len();
    let handler = or_mark(&inputs.handler, "[name of the person handling it]");
    let response_due = due(record, rules, DeadlineKind::Response).unwrap_or_else(|| "[date]".into());
    let received = record.stages.last().map_or(record.received, |s| s.started);
    format!(
        "Thank you for asking us to consider your complaint, reference {}, at stage {stage_number}. We received your request on {}.\n\n\
         Our understanding is that these issues are still outstanding: [what remains unresolved]\n\n\
         You told us you would like: {}\n\n\
         If we have misunderstood anything, please tell us.\n\n\
         {handler}, who was not involved at the earlier stage, will consider your complaint. We will send you our final response by {response_due}.",
        record.reference,
        long_date(received),
        wants(record)
    )
}

/// The body of a stage response: the decision, its reasons, what puts things right (with a
/// financial remedy's amount), what is still to do, and where to go next (Code 6.18). A
/// procedure of one stage has no "stage 1": its response is simply the response.
fn stage_response(record: &Record, rules: &Rules) -> String {
    let stage = record.stages.last();
    let stage_number = record.stages.len();
    let stages = rules.procedure(record).map_or(1, |p| p.stages.len());
    let escalate = if stage_number < stages {
        format!(
            "You can ask us to consider your complaint at stage {}. You do not need to give reasons. \
             You can also contact {} once our procedure is complete.",
            stage_number + 1,
            ombudsman(record, rules)
        )
    } else {
        format!(
            "This is our final response. If you remain dissatisfied, you can contact {}.",
            ombudsman(record, rules)
        )
    };
    let remedies: Vec<String> = record
        .remedies
        .iter()
        .map(|r| match r.amount_pence {
            Some(pence) if pence > 0 => format!("- {}: {} ({})", r.kind.name(), super::casework::pounds(pence), r.what),
            _ => format!("- {}: {}", r.kind.name(), r.what),
        })
        .collect();
    let actions: Vec<String> = record
        .actions
        .iter()
        .filter(|a| a.done.is_none())
        .map(|a| format!("- {} (by {})", a.what, long_date(a.by)))
        .collect();
    let outcome = stage
        .and_then(|s| s.outcome)
        .map_or("[upheld, partially upheld or not upheld]".into(), |o| {
            o.name().to_lowercase()
        });
    let opening = if stages == 1 {
        format!(
            "This is our response to your complaint, reference {}.",
            record.reference
        )
    } else {
        format!(
            "This is our stage {stage_number} response to your complaint, reference {}.",
            record.reference
        )
    };
    format!(
        "{opening}\n\n\
         Your complaint\n{}\n\n\
         Our decision\nYour complaint is {outcome}.\n\n\
         Our reasons\n[Set out the reasons for each decision.]\n\n\
         Putting things right\n{}\n\n\
         What we will still do\n{}\n\n\
         If you are not satisfied\n{escalate}",
        record.summary,
        if remedies.is_empty() {
            "[Any remedy offered.]".into()
        } else {
            remedies.join("\n")
        },
        if actions.is_empty() {
            "[Any actions still to be done, and when.]".into()
        } else {
            actions.join("\n")
        },
    )
}

/// What is left in square brackets for the person to write (`[Your name]`, `[Address]`), once
/// each, in the order they appear.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        let inside = &after[..close];
        if !inside.is_empty() && !inside.contains('[') && !inside.contains('\n') {
            let mark = format!("[{inside}]");
            if !found.contains(&mark) {
                found.push(mark);
            }
        }
        rest = &after[close..];
    }
    found
}

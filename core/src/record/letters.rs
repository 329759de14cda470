//! Letters drafted from a record: the acknowledgement, an extension notice, a stage response
//! with everything Code 6.18 asks for, and the stage 2 acknowledgement. Plain text the person
//! edits before sending; square brackets mark what only they can write.

use crate::deadline::{DeadlineKind, Rules, record_deadlines};
use crate::format::long_date;
use crate::record::Record;
use crate::settings::Settings;

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

/// The letters that make sense for the record as it stands.
pub fn available_letters(record: &Record) -> Vec<LetterKind> {
    let Some(stage) = record.stages.last() else {
        return Vec::new();
    };
    let mut letters = Vec::new();
    if record.stages.len() == 1 {
        letters.push(LetterKind::Acknowledgement);
    } else {
        letters.push(LetterKind::Stage2Acknowledgement);
    }
    if stage.extension.is_some() {
        letters.push(LetterKind::Extension);
    }
    letters.push(LetterKind::StageResponse);
    letters
}

/// Who to go to after the organisation, and how.
pub(crate) fn ombudsman(record: &Record) -> &'static str {
    match record.procedure.as_ref().map(|p| p.id()) {
        Some("housing-ombudsman-2024") => "the Housing Ombudsman Service (www.housing-ombudsman.org.uk, 0300 111 3000)",
        _ => "the Local Government and Social Care Ombudsman (www.lgo.org.uk, 0300 061 0614)",
    }
}

fn due(record: &Record, rules: &Rules, kind: DeadlineKind) -> Option<String> {
    let stage = record.stages.len().checked_sub(1)?;
    record_deadlines(record, rules)
        .into_iter()
        .find(|d| d.kind == kind && d.stage == Some(stage))
        .map(|d| long_date(d.due))
}

/// A letter's text with the recipient's name and address above it, and the copy line below
/// when the person asked for a copy of what goes to whoever raised it.
fn addressed(record: &Record, letter: &str) -> String {
    let to = record.recipient();
    let mut address = vec![if to.name.is_empty() {
        "[Name]".to_string()
    } else {
        to.name.clone()
    }];
    let lines = to.address_lines();
    if lines.is_empty() {
        address.push("[Address]".into());
    } else {
        address.extend(lines.into_iter().map(str::to_string));
    }
    let copy = if record.copy_to_person && record.raised_by.is_some() && !record.person.name.is_empty() {
        format!("\n\nCopy to: {}", record.person.name)
    } else {
        String::new()
    };
    format!("{}\n\n{letter}{copy}", address.join("\n"))
}

/// The letter's text.
pub fn draft_letter(kind: LetterKind, record: &Record, settings: &Settings, rules: &Rules) -> String {
    let to = record.recipient();
    let name = if to.name.is_empty() {
        "Sir or Madam".to_string()
    } else {
        to.name.clone()
    };
    let stage = record.stages.last();
    let stage_number = record.stages.len();
    let procedure = rules
        .procedure(record)
        .map_or("our complaints procedure".to_string(), |p| format!("the {}", p.name));
    let handler = stage
        .and_then(|s| s.handler.clone())
        .unwrap_or_else(|| "[name of the person handling it]".into());
    let wants = if record.intake.desired_outcome.is_empty() {
        "[the outcome they want]".to_string()
    } else {
        record.intake.desired_outcome.clone()
    };
    let response_due = due(record, rules, DeadlineKind::Response).unwrap_or_else(|| "[date]".into());
    let received = stage.map_or(record.received, |s| s.started);
    let sign_off = format!(
        "Yours sincerely\n\n{}\n{}",
        if settings.user_name.is_empty() {
            "[Your name]"
        } else {
            &settings.user_name
        },
        if settings.organisation_name.is_empty() {
            "[Organisation]"
        } else {
            &settings.organisation_name
        }
    );
    let body = match kind {
        LetterKind::Acknowledgement => format!(
            "Thank you for your complaint, which we received on {}. Our reference is {}.\n\n\
             We understand that you are unhappy about: {}\n\n\
             You told us you would like: {wants}\n\n\
             If we have misunderstood anything, please tell us.\n\n\
             {handler} will handle your complaint. Under {procedure}, we will send you our response by {response_due}. \
             If we need longer, we will tell you why and when to expect it.",
            long_date(received),
            record.reference,
            record.summary
        ),
        LetterKind::Extension => {
            let extension = stage.and_then(|s| s.extension.clone());
            let reason = extension.as_ref().map_or("[reason]".to_string(), |e| e.reason.clone());
            let to = extension.as_ref().map_or("[new date]".to_string(), |e| long_date(e.to));
            format!(
                "We are writing about your complaint, reference {}.\n\n\
                 We are sorry, but we need more time to respond. This is because: {reason}\n\n\
                 We will now send you our response by {to}.\n\n\
                 If you are unhappy with this delay, you can contact {} at any time.",
                record.reference,
                ombudsman(record)
            )
        }
        LetterKind::StageResponse => stage_response(record, rules),
        LetterKind::Stage2Acknowledgement => format!(
            "Thank you for asking us to consider your complaint, reference {}, at stage {stage_number}. We received your request on {}.\n\n\
             Our understanding is that these issues are still outstanding: [what remains unresolved]\n\n\
             You told us you would like: {wants}\n\n\
             If we have misunderstood anything, please tell us.\n\n\
             {handler}, who was not involved at the earlier stage, will consider your complaint. We will send you our final response by {response_due}.",
            record.reference,
            long_date(received)
        ),
    };
    addressed(record, &format!("Dear {name}\n\n{body}\n\n{sign_off}"))
}

/// The body of a stage response: the decision, its reasons, what puts things right, what is
/// still to do, and where to go next (Code 6.18).
fn stage_response(record: &Record, rules: &Rules) -> String {
    let stage = record.stages.last();
    let stage_number = record.stages.len();
    let stages = rules.procedure(record).map_or(1, |p| p.stages.len());
    let escalate = if stage_number < stages {
        format!(
            "You can ask us to consider your complaint at stage {}. You do not need to give reasons. \
                 You can also contact {} once our procedure is complete.",
            stage_number + 1,
            ombudsman(record)
        )
    } else {
        format!(
            "This is our final response. If you remain dissatisfied, you can contact {}.",
            ombudsman(record)
        )
    };
    let remedies: Vec<String> = record
        .remedies
        .iter()
        .map(|r| format!("- {}: {}", r.kind.name(), r.what))
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
    format!(
        "This is our stage {stage_number} response to your complaint, reference {}.\n\n\
             Your complaint\n{}\n\n\
             Our decision\nYour complaint is {outcome}.\n\n\
             Our reasons\n[Set out the reasons for each decision.]\n\n\
             Putting things right\n{}\n\n\
             What we will still do\n{}\n\n\
             If you are not satisfied\n{escalate}",
        record.reference,
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

//! Recording what happened at a stage — acknowledged, extended, paused, resumed, responded,
//! the next stage asked for — checked against the record and the procedure's steps.

use super::{Change, DateInput, DatePart, Extension, Field, Outcome, Record, StageEvents};
use crate::calendar::Pause;
use crate::format::short_date;
use crate::problem::Problem;
use crate::procedure::{Anchor, CustomProcedure, Stage, StepKind};
use chrono::NaiveDate;

/// Something that can happen at a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Acknowledged,
    StatementAgreed,
    ResponseDateAgreed,
    Extended,
    Paused,
    Resumed,
    PanelHeld,
    FindingsIssued,
    Responded,
    NextStageRequested,
}

impl EventKind {
    pub const ALL: [EventKind; 10] = [
        EventKind::Acknowledged,
        EventKind::StatementAgreed,
        EventKind::ResponseDateAgreed,
        EventKind::Extended,
        EventKind::Paused,
        EventKind::Resumed,
        EventKind::PanelHeld,
        EventKind::FindingsIssued,
        EventKind::Responded,
        EventKind::NextStageRequested,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::Acknowledged => "acknowledged",
            EventKind::StatementAgreed => "statement-agreed",
            EventKind::ResponseDateAgreed => "response-date-agreed",
            EventKind::Extended => "extended",
            EventKind::Paused => "paused",
            EventKind::Resumed => "resumed",
            EventKind::PanelHeld => "panel-held",
            EventKind::FindingsIssued => "findings-issued",
            EventKind::Responded => "responded",
            EventKind::NextStageRequested => "next-stage-requested",
        }
    }

    pub fn from_code(code: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The choice in words.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Acknowledged => "Acknowledged",
            EventKind::StatementAgreed => "Complaint statement agreed",
            EventKind::ResponseDateAgreed => "Response date agreed in the complaint plan",
            EventKind::Extended => "Response extended",
            EventKind::Paused => "Clock paused",
            EventKind::Resumed => "Clock resumed",
            EventKind::PanelHeld => "Review panel held",
            EventKind::FindingsIssued => "Panel’s findings issued",
            EventKind::Responded => "Response sent",
            EventKind::NextStageRequested => "Next stage asked for",
        }
    }

    /// The question the date answers.
    pub fn date_label(self) -> &'static str {
        match self {
            EventKind::ResponseDateAgreed => "Agreed response date",
            EventKind::Extended => "New response date",
            EventKind::Paused => "Date the clock stopped",
            EventKind::Resumed => "Date the clock started again",
            _ => "Date",
        }
    }

    /// Whether the date may be in the future (a date agreed or extended to).
    fn date_may_be_future(self) -> bool {
        matches!(self, EventKind::ResponseDateAgreed | EventKind::Extended)
    }

    fn needs_reason(self) -> bool {
        matches!(self, EventKind::Extended | EventKind::Paused)
    }

    /// Whether the form asks who handles the stage.
    pub fn asks_handler(self) -> bool {
        matches!(self, EventKind::Acknowledged | EventKind::NextStageRequested)
    }
}

/// The name of `kind` at `stage`: the Welsh regulations' stage 1 discussion is held where the
/// children's procedure holds a review panel, and is called what it is.
pub fn event_name(kind: EventKind, stage: Option<&Stage>) -> &'static str {
    let discussion = stage
        .and_then(|s| s.step(StepKind::Panel))
        .is_some_and(|step| step.label == "discussion");
    if kind == EventKind::PanelHeld && discussion {
        "Discussion held"
    } else {
        kind.name()
    }
}

/// The events that can be recorded now, each with its name at this stage ([`event_name`]).
pub fn event_choices(record: &Record, library: &[CustomProcedure]) -> Vec<(EventKind, &'static str)> {
    let procedure = record.procedure_with(library);
    let stage = procedure
        .as_deref()
        .and_then(|p| p.stages.get(record.stages.len().saturating_sub(1)));
    available_events(record, library)
        .into_iter()
        .map(|kind| (kind, event_name(kind, stage)))
        .collect()
}

/// What was typed into the "Record what happened" form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventDraft {
    /// An [`EventKind::code`], or empty.
    pub kind: String,
    pub date: DateInput,
    pub reason: String,
    /// Extensions: a good reason for going past the limit is recorded.
    pub good_reason: bool,
    /// Extensions: when the person was told, if they have been.
    pub told: DateInput,
    /// Acknowledgements and new stages: who handles the stage.
    pub handler: String,
    /// Responses: an [`Outcome`] code.
    pub outcome: String,
    /// Asking for a stage with a complaint statement (children's stage 2): who investigates,
    /// and the independent person.
    pub investigating_officer: String,
    pub independent_person: String,
}

/// Whether asking for the next stage also names an investigating officer and an independent
/// person (the children's stage 2 investigation).
pub fn asks_investigators(record: &Record, library: &[CustomProcedure]) -> bool {
    record
        .procedure_with(library)
        .is_some_and(|p| p.stages.get(record.stages.len()).is_some_and(|s| s.complaint_statement))
}

/// The events that can be recorded now, at the record's latest stage; custom procedures are
/// looked up in `library`.
pub fn available_events(record: &Record, library: &[CustomProcedure]) -> Vec<EventKind> {
    let (Some(procedure), Some(events)) = (record.procedure_with(library), record.stages.last()) else {
        return Vec::new();
    };
    let Some(stage) = procedure.stages.get(record.stages.len() - 1) else {
        return Vec::new();
    };
    let has = |kind: StepKind| stage.step(kind).is_some();
    let responded = events.responded.is_some();
    let mut available = Vec::new();
    if has(StepKind::Acknowledgement) && events.acknowledged.is_none() {
        available.push(EventKind::Acknowledged);
    }
    let statement = stage.complaint_statement || stage.steps.iter().any(|s| s.from == Anchor::StatementAgreed);
    if statement && events.statement_agreed.is_none() {
        available.push(EventKind::StatementAgreed);
    }
    if !responded && stage.steps.iter().any(|s| s.agreed_date_replaces) {
        available.push(EventKind::ResponseDateAgreed);
    }
    let stage_index = record.stages.len() - 1;
    let open = crate::procedure::open_extension(&procedure, stage_index);
    if !responded
        && stage
            .steps
            .iter()
            .any(|s| s.kind == StepKind::Response && (s.extension_days > 0 || open))
    {
        available.push(EventKind::Extended);
    }
    if !responded {
        available.push(if events.open_pause().is_some() {
            EventKind::Resumed
        } else {
            EventKind::Paused
        });
    }
    if has(StepKind::Panel) && events.panel_held.is_none() {
        available.push(EventKind::PanelHeld);
    }
    if has(StepKind::Findings) && events.panel_held.is_some() && events.findings_issued.is_none() {
        available.push(EventKind::FindingsIssued);
    }
    if !responded {
        available.push(EventKind::Responded);
    } else if record.stages.len() < procedure.stages.len() {
        available.push(EventKind::NextStageRequested);
    }
    available
}

fn date_error(field: Field, message: String, parts: Vec<DatePart>) -> Problem {
    Problem {
        field: field.id().to_string(),
        message,
        parts,
    }
}

/// The event's date as typed, checked: not in the future unless the event looks ahead (a date
/// agreed or extended to), and not before what it follows (the stage's start, the pause it
/// ends, the response a new stage follows, the panel its findings follow).
fn event_date(
    kind: EventKind,
    typed: &DateInput,
    events: &StageEvents,
    today: NaiveDate,
    errors: &mut Vec<Problem>,
) -> Option<NaiveDate> {
    let latest = if kind.date_may_be_future() {
        NaiveDate::MAX
    } else {
        today
    };
    match typed.parse(kind.date_label(), latest) {
        Ok(date) => {
            let earliest = match kind {
                EventKind::Resumed => events.open_pause().map_or(events.started, |p| p.from),
                EventKind::NextStageRequested => events.responded.unwrap_or(events.started),
                EventKind::FindingsIssued => events.panel_held.unwrap_or(events.started),
                _ => events.started,
            };
            if date < earliest {
                errors.push(date_error(
                    Field::EventDate,
                    format!(
                        "{} must be on or after {}",
                        kind.date_label(),
                        crate::format::short_date(earliest)
                    ),
                    vec![DatePart::Day, DatePart::Month, DatePart::Year],
                ));
            }
            Some(date)
        }
        Err(error) => {
            errors.push(date_error(Field::EventDate, error.message, error.parts));
            None
        }
    }
}

/// The history's words for an event.
fn history_line(kind: EventKind, date: NaiveDate, handler: &str, outcome: Option<Outcome>, reason: &str) -> String {
    let mut said = format!("{}: {}", kind.name(), short_date(date));
    if kind.asks_handler() {
        said.push_str(&format!(", handled by {handler}"));
    }
    if let Some(outcome) = outcome.filter(|_| kind == EventKind::Responded) {
        said.push_str(&format!(", {}", outcome.name().to_lowercase()));
    }
    if kind.needs_reason() {
        said.push_str(&format!(". Reason: {reason}"));
    }
    said
}

/// The record with the event added, or every problem with what was typed; custom procedures
/// are looked up in `library`.
pub fn record_event(
    record: &Record,
    draft: &EventDraft,
    today: NaiveDate,
    change: &Change,
    library: &[CustomProcedure],
) -> Result<Record, Vec<Problem>> {
    let mut errors = Vec::new();
    let available = available_events(record, library);
    let Some(kind) = EventKind::from_code(&draft.kind).filter(|kind| available.contains(kind)) else {
        return Err(vec![Field::EventKind.problem("Select what happened")]);
    };
    // An event is available only at a stage, so this is never taken.
    let Some(events) = record.stages.last() else {
        return Err(vec![Field::EventKind.problem("Select what happened")]);
    };
    let date = event_date(kind, &draft.date, events, today, &mut errors);
    let reason = draft.reason.trim().to_string();
    if kind.needs_reason() && reason.is_empty() {
        let what = if kind == EventKind::Extended {
            "why the response is extended"
        } else {
            "why the clock is paused"
        };
        errors.push(Field::EventReason.problem(format!("Enter {what}")));
    }
    let told = if kind == EventKind::Extended && !draft.told.is_empty() {
        match draft.told.parse("Date the person was told", today) {
            Ok(told) => Some(told),
            Err(error) => {
                errors.push(date_error(Field::EventTold, error.message, error.parts));
                None
            }
        }
    } else {
        None
    };
    let handler = draft.handler.trim().to_string();
    if kind.asks_handler() && handler.is_empty() {
        errors.push(Field::EventHandler.problem("Enter who will handle this stage"));
    }
    let outcome = Outcome::from_code(&draft.outcome);
    if kind == EventKind::Responded && outcome.is_none() {
        errors.push(Field::EventOutcome.problem("Select the outcome"));
    }
    let Some(date) = date.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };

    let mut next = record.clone();
    next.updated = change.at;
    let said = history_line(kind, date, &handler, outcome, &reason);
    let mut entry = change.entry(said);
    let stage_index = if kind == EventKind::NextStageRequested {
        record.stages.len()
    } else {
        record.stages.len() - 1
    };
    entry.fact = super::correct::event_fact(kind, stage_index);
    next.history.push(entry);
    let Some(stage) = next.stages.last_mut() else {
        return Err(vec![Field::EventKind.problem("Select what happened")]);
    };
    match kind {
        EventKind::Acknowledged => {
            stage.acknowledged = Some(date);
            stage.handler = Some(handler);
        }
        EventKind::StatementAgreed => stage.statement_agreed = Some(date),
        EventKind::ResponseDateAgreed => stage.agreed_response = Some(date),
        EventKind::Extended => stage.extensions.push(Extension {
            to: date,
            reason,
            good_reason: draft.good_reason,
            told,
        }),
        EventKind::Paused => stage.pauses.push(Pause {
            from: date,
            to: None,
            reason,
        }),
        EventKind::Resumed => {
            if let Some(pause) = stage.pauses.iter_mut().find(|p| p.to.is_none()) {
                pause.to = Some(date);
            }
        }
        EventKind::PanelHeld => stage.panel_held = Some(date),
        EventKind::FindingsIssued => stage.findings_issued = Some(date),
        EventKind::Responded => {
            stage.responded = Some(date);
            stage.outcome = outcome;
            // A response ends any pause still running.
            if let Some(pause) = stage.pauses.iter_mut().find(|p| p.to.is_none()) {
                pause.to = Some(date);
            }
        }
        EventKind::NextStageRequested => {
            let mut stage = StageEvents::started(date);
            stage.handler = Some(handler);
            let named = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
            stage.investigating_officer = named(&draft.investigating_officer);
            stage.independent_person = named(&draft.independent_person);
            next.stages.push(stage);
            next.closed = None;
        }
    }
    Ok(next)
}

/// Warnings about who handles each stage: the person answering a later stage must not be one
/// who handled an earlier one (Code 6.14).
pub fn handler_warnings(record: &Record) -> Vec<String> {
    let mut warnings = Vec::new();
    for (index, stage) in record.stages.iter().enumerate().skip(1) {
        let Some(handler) = stage.handler.as_deref() else {
            continue;
        };
        let earlier = record.stages.iter().take(index).position(|before| {
            before
                .handler
                .as_deref()
                .is_some_and(|h| h.eq_ignore_ascii_case(handler))
        });
        if let Some(earlier) = earlier {
            warnings.push(format!(
                "{handler} handles stage {} and also handled stage {}. The person considering a complaint at a later stage should not be the one who considered it before (Code 6.14).",
                index + 1,
                earlier + 1
            ));
        }
    }
    warnings
}

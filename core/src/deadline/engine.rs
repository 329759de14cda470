//! Works out every deadline of a stage from its procedure, its recorded events and the
//! organisation's calendars, projecting from a deadline where its event is not yet recorded.
//!
//! A date that cannot be counted (past the end of the calendar, from a nonsense stored value) is
//! left out, with every date counted from it: the record still opens, that deadline just isn't
//! shown.

use super::limits::{later_by_event, time_limit, window_deadline};
use super::{Deadline, DeadlineKind, Explanation, Status, status};
use crate::calendar::{Counted, CountingConvention, Pause, WorkingDayCalendar, add_months, add_working_days_paused};
use crate::format::short_date;
use crate::procedure::{Anchor, Basis, CustomProcedure, Length, LocalTargets, Procedure, ProcedureRef, Step, StepKind};
use crate::record::{Record, StageEvents};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Everything besides the record that a deadline depends on.
#[derive(Debug, Clone)]
pub struct Rules {
    /// For statutory and Code limits: weekends and bank holidays.
    pub statutory: WorkingDayCalendar,
    /// For the organisation's own targets: also its closure days, where it opts in.
    pub local: WorkingDayCalendar,
    pub convention: CountingConvention,
    pub due_soon_days: u32,
    pub today: NaiveDate,
    /// The organisation's library of custom procedures, which records name by version.
    pub custom_procedures: Vec<CustomProcedure>,
    /// The current built-ins, made once with the organisation's targets, each beside the
    /// targets a record names it with: most records name one of these, and making a
    /// definition again for every record's every deadline would be wasted work.
    pub built_in: Vec<(LocalTargets, Procedure)>,
}

impl Rules {
    /// The procedure `record` is handled under, looked up by its name.
    pub fn procedure<'a>(&'a self, record: &'a Record) -> Option<Cow<'a, Procedure>> {
        if let Some(ProcedureRef::BuiltIn { id, version, targets }) = &record.procedure
            && let Some((_, made)) = self
                .built_in
                .iter()
                .find(|(made_with, p)| p.id == *id && p.version == *version && made_with == targets)
        {
            return Some(Cow::Borrowed(made));
        }
        record.procedure_with(&self.custom_procedures)
    }

    fn calendar(&self, basis: Basis) -> &WorkingDayCalendar {
        match basis {
            Basis::Statutory => &self.statutory,
            Basis::Local => &self.local,
        }
    }

    pub(crate) fn status(&self, basis: Basis, due: NaiveDate, met: Option<NaiveDate>) -> Status {
        status(self.calendar(basis), due, met, self.today, self.due_soon_days)
    }
}

/// The event that meets a step.
fn met_by(kind: StepKind, events: &StageEvents) -> Option<NaiveDate> {
    match kind {
        StepKind::Acknowledgement => events.acknowledged,
        StepKind::Response | StepKind::OuterLimit => events.responded,
        StepKind::Panel => events.panel_held,
        StepKind::Findings => events.findings_issued,
    }
}

fn label(stage_name: &str, what: &str) -> String {
    format!("{stage_name} {what}")
}

/// Pauses as counted today: one still running covers every day up to and including today (and,
/// on the calendar's last day, stays open, which covers the same days).
fn closed_pauses(events: &StageEvents, today: NaiveDate) -> Vec<Pause> {
    let tomorrow = today.succ_opt();
    events
        .pauses
        .iter()
        .map(|p| Pause {
            to: p.to.or(tomorrow),
            ..p.clone()
        })
        .collect()
}

fn pause_note(pause: &Pause) -> String {
    let reason = if pause.reason.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", pause.reason.trim())
    };
    match pause.to {
        Some(to) => format!(
            "The clock was paused from {} until {}{reason}.",
            short_date(pause.from),
            short_date(to)
        ),
        None => format!(
            "The clock has been paused since {}{reason}; this date moves later for each working day it stays paused.",
            short_date(pause.from)
        ),
    }
}

/// Every deadline of stage `index` of `procedure`, given its events. `next_started` is the day
/// the next stage was requested, if it was.
pub fn stage_deadlines(
    procedure: &Procedure,
    index: usize,
    events: &StageEvents,
    next_started: Option<NaiveDate>,
    rules: &Rules,
) -> Vec<Deadline> {
    let Some(stage) = procedure.stages.get(index) else {
        return Vec::new();
    };
    let pauses = closed_pauses(events, rules.today);
    let Some(start) = rules.convention.start(&rules.statutory, events.started) else {
        return Vec::new();
    };
    // Stage 1 starts when the complaint is received; a later stage when it is asked for.
    let start_words = Anchor::StageStart.words_at(index, &stage.name);
    let mut start_notes = Vec::new();
    if start != events.started {
        let (what, as_what) = if index == 0 {
            ("Received", "received")
        } else {
            ("Asked for", "asked for")
        };
        start_notes.push(format!(
            "{what} on {}, not a working day, so counted as {as_what} on {}.",
            short_date(events.started),
            short_date(start)
        ));
    }
    let pause_notes: Vec<String> = events.pauses.iter().map(pause_note).collect();

    let mut due_by_kind: HashMap<StepKind, (NaiveDate, bool)> = HashMap::new();
    // Steps whose date could not be counted: nothing is projected from them either.
    let mut lost: HashSet<StepKind> = HashSet::new();
    let mut deadlines = Vec::new();
    for step in &stage.steps {
        let calendar = rules.calendar(step.basis);
        let Some((from, projected, from_words, projection_note)) = anchored(
            step.from,
            events,
            &due_by_kind,
            &lost,
            start,
            &start_words,
            stage.meeting(),
        ) else {
            lost.insert(step.kind);
            continue;
        };
        let Some((due, mut explanation)) = count(step, events, calendar, from, &from_words, &pauses) else {
            lost.insert(step.kind);
            continue;
        };
        if step.from == Anchor::StageStart || projected {
            explanation.notes.extend(start_notes.iter().cloned());
        }
        explanation.notes.extend(projection_note);
        if matches!(step.length, Length::WorkingDays(_)) {
            explanation.notes.extend(pause_notes.iter().cloned());
        }
        if step.basis == Basis::Local {
            explanation
                .notes
                .push("This is the organisation’s own target, set in Settings.".into());
        }
        if let Some(rule) = crate::procedure::rule_of(procedure, index, step.kind) {
            explanation.notes.insert(0, rule.to_string());
        }
        due_by_kind.insert(step.kind, (due, projected));

        let met = met_by(step.kind, events);
        // A response the procedure lets be put back to a revised date, with no fixed limit.
        let open = step.kind == StepKind::Response && crate::procedure::open_extension(procedure, index);
        let mut warnings = Vec::new();
        if step.kind == StepKind::OuterLimit
            && let Some(agreed) = events.agreed_response.filter(|agreed| *agreed > due)
        {
            warnings.push(format!(
                "The agreed response date, {}, is more than 6 months after receipt: the person must be told in writing why.",
                short_date(agreed)
            ));
        }
        deadlines.push(Deadline {
            stage: Some(index),
            kind: match step.kind {
                StepKind::Acknowledgement => DeadlineKind::Acknowledgement,
                StepKind::Response => DeadlineKind::Response,
                StepKind::Panel => DeadlineKind::Panel,
                StepKind::Findings => DeadlineKind::Findings,
                StepKind::OuterLimit => DeadlineKind::OuterLimit,
            },
            label: label(&stage.name, &step.label),
            due,
            projected,
            status: (!superseded_by_extension(step, open, events)).then(|| rules.status(step.basis, due, met)),
            basis: step.basis,
            explanation,
            warnings,
        });
        if step.extension_days > 0 || open {
            deadlines.extend(extension_deadlines(
                &stage.name,
                index,
                step,
                due,
                projected,
                events,
                &pauses,
                rules,
            ));
        }
    }

    // A response deadline that could not be counted has no window counted from it.
    let response_due = (!lost.contains(&StepKind::Response))
        .then(|| due_by_kind.get(&StepKind::Response).map_or(start, |(due, _)| *due));
    deadlines.extend(window_deadline(
        procedure,
        index,
        events,
        response_due,
        next_started,
        rules,
    ));
    deadlines
}

/// A step's date counted from `from` (or the date agreed in its place), with why.
fn count(
    step: &Step,
    events: &StageEvents,
    calendar: &WorkingDayCalendar,
    from: NaiveDate,
    from_words: &str,
    pauses: &[Pause],
) -> Option<(NaiveDate, Explanation)> {
    match (step.agreed_date_replaces, events.agreed_response, step.length) {
        (true, Some(agreed), _) => Some((
            agreed,
            Explanation::given(format!(
                "The date agreed with the person in the complaint plan, {}.",
                short_date(agreed)
            )),
        )),
        (_, _, Length::WorkingDays(n)) => add_working_days_paused(calendar, from, n, pauses)
            .map(|Counted { due, skipped }| (due, Explanation::working_days(n, from_words, from, skipped))),
        (_, _, Length::Months(n)) => add_months(calendar, from, n)
            .map(|Counted { due, skipped }| (due, Explanation::months(n, from_words, from, skipped))),
    }
}

/// The day a step counts from, whether that day is projected (its event not yet recorded), the
/// event in words, and a note on the projection; `None` when it is projected from a step whose
/// date could not be counted.
fn anchored(
    from: Anchor,
    events: &StageEvents,
    due_by_kind: &HashMap<StepKind, (NaiveDate, bool)>,
    lost: &HashSet<StepKind>,
    start: NaiveDate,
    start_words: &str,
    meeting: &str,
) -> Option<(NaiveDate, bool, String, Option<String>)> {
    match from {
        Anchor::StageStart => Some((start, false, start_words.to_string(), None)),
        Anchor::Acknowledged => recorded_or_projected(
            events.acknowledged,
            StepKind::Acknowledgement,
            due_by_kind,
            lost,
            start,
            meeting,
        ),
        Anchor::PanelHeld => {
            recorded_or_projected(events.panel_held, StepKind::Panel, due_by_kind, lost, start, meeting)
        }
        Anchor::FindingsIssued => recorded_or_projected(
            events.findings_issued,
            StepKind::Findings,
            due_by_kind,
            lost,
            start,
            meeting,
        ),
        Anchor::StatementAgreed => match events.statement_agreed {
            Some(date) => Some((date, false, "the agreed complaint statement".into(), None)),
            None => Some((
                start,
                true,
                start_words.to_string(),
                Some("Counted from the request until the complaint statement is agreed.".to_string()),
            )),
        },
    }
}

/// Whether an extension replaces this step's own date while it is still open: then its status
/// is the extended date's, and the standard date is shown for information.
fn superseded_by_extension(step: &Step, open: bool, events: &StageEvents) -> bool {
    step.kind == StepKind::Response
        && (step.extension_days > 0 || open)
        && !events.extensions.is_empty()
        && events.responded.is_none()
}

/// The anchor event's date if recorded, otherwise the due date of the step it meets.
/// `None` when the event is not recorded and its own deadline could not be counted.
fn recorded_or_projected(
    recorded: Option<NaiveDate>,
    kind: StepKind,
    due_by_kind: &HashMap<StepKind, (NaiveDate, bool)>,
    lost: &HashSet<StepKind>,
    fallback: NaiveDate,
    meeting: &str,
) -> Option<(NaiveDate, bool, String, Option<String>)> {
    let event = match kind {
        StepKind::Acknowledgement => "acknowledgement",
        StepKind::Panel => meeting,
        StepKind::Findings => "panel’s findings",
        StepKind::Response | StepKind::OuterLimit => "response",
    };
    match recorded {
        Some(date) => Some((date, false, format!("the {event}"), None)),
        None if lost.contains(&kind) => None,
        None => {
            let due = due_by_kind.get(&kind).map(|(due, _)| *due).unwrap_or(fallback);
            Some((
                due,
                true,
                format!("the {event} deadline"),
                Some(format!(
                    "Counted from the {event} deadline until the {event} is recorded."
                )),
            ))
        }
    }
}

/// The extension limit of a step, and the extended date when an extension is recorded.
#[allow(clippy::too_many_arguments)]
fn extension_deadlines(
    stage_name: &str,
    index: usize,
    step: &Step,
    due: NaiveDate,
    projected: bool,
    events: &StageEvents,
    pauses: &[Pause],
    rules: &Rules,
) -> Vec<Deadline> {
    let calendar = rules.calendar(step.basis);
    let mut deadlines = Vec::new();
    // Past the end of the calendar there is no limit to show, but a recorded extension still is;
    // nor is there one where the procedure sets none (a revised date told to the person).
    let counted = (step.extension_days > 0)
        .then(|| add_working_days_paused(calendar, due, step.extension_days, pauses))
        .flatten();
    let limit = counted.map(|Counted { due: limit, skipped }| {
        deadlines.push(Deadline {
            stage: Some(index),
            kind: DeadlineKind::ExtensionLimit,
            label: label(stage_name, &format!("{}: longest extension allowed", step.label)),
            due: limit,
            projected,
            status: None,
            basis: step.basis,
            explanation: Explanation::working_days(
                step.extension_days,
                &format!("the {} deadline", step.label),
                due,
                skipped,
            ),
            warnings: Vec::new(),
        });
        limit
    });
    if let Some(extension) = events.extension() {
        let mut warnings = Vec::new();
        if let Some(limit) = limit.filter(|limit| extension.to > *limit && !extension.good_reason) {
            warnings.push(format!(
                "This extension goes past the longest the procedure allows ({}) and no good reason is recorded.",
                short_date(limit)
            ));
        }
        if extension.told.is_none() {
            warnings.push("Record when the person was told of the delay, with the Ombudsman’s details.".into());
        }
        let reason = extension.reason.trim();
        let mut explanation = Explanation::given(format!(
            "The date the {} was extended to, {}.",
            step.label,
            short_date(extension.to)
        ));
        if !reason.is_empty() {
            explanation.notes.push(format!("Reason given: {reason}"));
        }
        if step.extension_days == 0 {
            explanation.notes.push(
                "The procedure sets no fixed limit here: the person must be told the revised date and why.".into(),
            );
        }
        // The extensions before this one, each with its reason.
        for earlier in events.extensions.iter().rev().skip(1).rev() {
            let reason = earlier.reason.trim();
            explanation.notes.push(if reason.is_empty() {
                format!("Extended before, to {}.", short_date(earlier.to))
            } else {
                format!("Extended before, to {}. Reason given: {reason}", short_date(earlier.to))
            });
        }
        deadlines.push(Deadline {
            stage: Some(index),
            kind: DeadlineKind::Extended,
            label: label(stage_name, &format!("{}, extended", step.label)),
            due: extension.to,
            projected: false,
            status: Some(rules.status(step.basis, extension.to, events.responded)),
            basis: step.basis,
            explanation,
            warnings,
        });
    }
    deadlines
}

/// Every deadline of a record: the time limit, then each stage reached so far.
pub fn record_deadlines(record: &Record, rules: &Rules) -> Vec<Deadline> {
    let mut deadlines: Vec<Deadline> = time_limit(record, rules).into_iter().collect();
    if let Some(procedure) = rules.procedure(record) {
        for (index, events) in record.stages.iter().enumerate() {
            let next_started = record.stages.get(index + 1).map(|next| next.started);
            let mut stage = stage_deadlines(&procedure, index, events, next_started, rules);
            if index == 0 {
                later_by_event(&mut stage, record, &procedure, rules);
            }
            deadlines.extend(stage);
        }
    }
    // A date a stage's deadlines count from that was corrected is named in their explanation.
    if record.history.iter().any(|entry| entry.corrected.is_some()) {
        for deadline in &mut deadlines {
            if let Some(stage) = deadline.stage {
                deadline
                    .explanation
                    .notes
                    .extend(crate::record::correct::corrections_at(record, stage));
            }
        }
    }
    deadlines
}

/// The calculator: every date of one stage for something received on `start`, nothing recorded.
pub fn calculate(procedure: &Procedure, stage: usize, start: NaiveDate, rules: &Rules) -> Vec<Deadline> {
    stage_deadlines(procedure, stage, &StageEvents::started(start), None, rules)
}

//! Correcting a fact of a record, and withdrawing an event recorded by mistake.
//!
//! Every fact the record page shows — the date received, the kind, the service, the procedure,
//! the summary, the dates of the issue and of awareness, and the date of every event — can be
//! corrected from its "Change" link. A correction is written in the history with the old and the
//! new value and who made it; the deadlines are worked out again from the corrected record, and
//! their explanation says a date was corrected. An event recorded by mistake can be withdrawn:
//! the record no longer holds it, and its history line stays, struck through, beside a line
//! saying it was withdrawn. Nothing is ever removed from the history.

use super::{Change, DateInput, Record, RecordKind, StageEvents};
use crate::format::long_date;
use crate::problem::{Problem, Problems};
use crate::procedure::{self, Procedure, ProcedureRef};
use chrono::NaiveDate;

/// A date of one stage that an event set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventDate {
    /// The day the stage began: the complaint received (stage 1), or the request for the stage.
    Started,
    Acknowledged,
    StatementAgreed,
    AgreedResponse,
    Extension,
    PanelHeld,
    FindingsIssued,
    Responded,
}

impl EventDate {
    const ALL: [EventDate; 8] = [
        EventDate::Started,
        EventDate::Acknowledged,
        EventDate::StatementAgreed,
        EventDate::AgreedResponse,
        EventDate::Extension,
        EventDate::PanelHeld,
        EventDate::FindingsIssued,
        EventDate::Responded,
    ];

    fn code(self) -> &'static str {
        match self {
            EventDate::Started => "started",
            EventDate::Acknowledged => "acknowledged",
            EventDate::StatementAgreed => "statement-agreed",
            EventDate::AgreedResponse => "agreed-response",
            EventDate::Extension => "extension",
            EventDate::PanelHeld => "panel-held",
            EventDate::FindingsIssued => "findings-issued",
            EventDate::Responded => "responded",
        }
    }

    /// "Date acknowledged".
    fn label(self, stage: usize) -> &'static str {
        match self {
            EventDate::Started if stage == 0 => "Date received",
            EventDate::Started => "Date the stage was asked for",
            EventDate::Acknowledged => "Date acknowledged",
            EventDate::StatementAgreed => "Date the complaint statement was agreed",
            EventDate::AgreedResponse => "Response date agreed",
            EventDate::Extension => "Date the response was extended to",
            EventDate::PanelHeld => "Date the review panel was held",
            EventDate::FindingsIssued => "Date the panel’s findings were issued",
            EventDate::Responded => "Date the response was sent",
        }
    }

    fn get(self, events: &StageEvents) -> Option<NaiveDate> {
        match self {
            EventDate::Started => Some(events.started),
            EventDate::Acknowledged => events.acknowledged,
            EventDate::StatementAgreed => events.statement_agreed,
            EventDate::AgreedResponse => events.agreed_response,
            EventDate::Extension => events.extension().map(|e| e.to),
            EventDate::PanelHeld => events.panel_held,
            EventDate::FindingsIssued => events.findings_issued,
            EventDate::Responded => events.responded,
        }
    }

    fn set(self, events: &mut StageEvents, date: Option<NaiveDate>) {
        match self {
            EventDate::Started => {
                if let Some(date) = date {
                    events.started = date;
                }
            }
            EventDate::Acknowledged => events.acknowledged = date,
            EventDate::StatementAgreed => events.statement_agreed = date,
            EventDate::AgreedResponse => events.agreed_response = date,
            // The extension in force is corrected, or withdrawn (the one before it then holds).
            EventDate::Extension => match (date, events.extensions.last_mut()) {
                (Some(date), Some(extension)) => extension.to = date,
                (None, _) => {
                    events.extensions.pop();
                }
                (Some(_), None) => {}
            },
            EventDate::PanelHeld => events.panel_held = date,
            EventDate::FindingsIssued => events.findings_issued = date,
            EventDate::Responded => {
                events.responded = date;
                if date.is_none() {
                    events.outcome = None;
                }
            }
        }
    }
}

/// A fact of a record that can be corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    Received,
    Kind,
    Service,
    Procedure,
    Summary,
    IssueDate,
    AwareDate,
    /// A date one event set, at a stage (counted from 0).
    Event {
        stage: usize,
        date: EventDate,
    },
}

/// What kind of answer a fact takes, so the page knows which input to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Date,
    OptionalDate,
    /// One of the choices [`choices`] gives.
    Choice,
    Text,
}

impl Fact {
    /// The code in the page's address and in the history: `received`, `stage-2-acknowledged`.
    pub fn code(self) -> String {
        match self {
            Fact::Received => "received".into(),
            Fact::Kind => "kind".into(),
            Fact::Service => "service".into(),
            Fact::Procedure => "procedure".into(),
            Fact::Summary => "summary".into(),
            Fact::IssueDate => "issue-date".into(),
            Fact::AwareDate => "aware-date".into(),
            Fact::Event { stage, date } => format!("stage-{}-{}", stage + 1, date.code()),
        }
    }

    pub fn from_code(code: &str) -> Option<Fact> {
        let simple = [
            Fact::Received,
            Fact::Kind,
            Fact::Service,
            Fact::Procedure,
            Fact::Summary,
            Fact::IssueDate,
            Fact::AwareDate,
        ];
        if let Some(fact) = simple.into_iter().find(|f| f.code() == code) {
            return Some(fact);
        }
        let rest = code.strip_prefix("stage-")?;
        let (number, date) = rest.split_once('-')?;
        let stage = number.parse::<usize>().ok()?.checked_sub(1)?;
        let date = EventDate::ALL.into_iter().find(|d| d.code() == date)?;
        // Stage 1 began when the record was received: that is corrected as the date received.
        (!(stage == 0 && date == EventDate::Started)).then_some(Fact::Event { stage, date })
    }

    /// The question the correction page asks, and the history's name for the fact.
    pub fn label(self) -> String {
        match self {
            Fact::Received => "Date received".into(),
            Fact::Kind => "Kind of record".into(),
            Fact::Service => "Service".into(),
            Fact::Procedure => "Procedure".into(),
            Fact::Summary => "Summary".into(),
            Fact::IssueDate => "Date of the issue".into(),
            Fact::AwareDate => "Date the person became aware".into(),
            Fact::Event { stage, date } => format!("Stage {}: {}", stage + 1, date.label(stage).to_lowercase()),
        }
    }

    /// The question alone, without the stage: the label of the page's input.
    pub fn question(self) -> &'static str {
        match self {
            Fact::Received => "Date received",
            Fact::Kind => "Kind of record",
            Fact::Service => "Service",
            Fact::Procedure => "Procedure",
            Fact::Summary => "Summary",
            Fact::IssueDate => "Date of the issue",
            Fact::AwareDate => "Date the person became aware",
            Fact::Event { stage, date } => date.label(stage),
        }
    }

    pub fn answer(self) -> Answer {
        match self {
            Fact::Received | Fact::Event { .. } => Answer::Date,
            Fact::IssueDate | Fact::AwareDate => Answer::OptionalDate,
            Fact::Kind | Fact::Service | Fact::Procedure => Answer::Choice,
            Fact::Summary => Answer::Text,
        }
    }

    /// Whether the record holds this fact now (an event not recorded cannot be corrected).
    pub fn holds(self, record: &Record) -> bool {
        match self {
            Fact::Procedure => record.kind == RecordKind::Complaint,
            Fact::Event { stage, date } => record
                .stages
                .get(stage)
                .is_some_and(|events| date.get(events).is_some()),
            _ => true,
        }
    }

    /// The fact's value as the record page shows it.
    pub fn shown(self, record: &Record, procedures: &[Procedure]) -> String {
        let date = |d: Option<NaiveDate>| d.map_or_else(|| "Not given".to_string(), long_date);
        match self {
            Fact::Received => long_date(record.received),
            Fact::Kind => record.kind.name().into(),
            Fact::Service => record.service.clone(),
            Fact::Procedure => record
                .procedure
                .as_ref()
                .map(|named| {
                    procedures
                        .iter()
                        .find(|p| p.id == named.id())
                        .map_or_else(|| named.id().to_string(), |p| p.name.clone())
                })
                .unwrap_or_else(|| "None".into()),
            Fact::Summary => record.summary.clone(),
            Fact::IssueDate => date(record.issue_date),
            Fact::AwareDate => date(record.aware_date),
            Fact::Event { stage, date: which } => date(record.stages.get(stage).and_then(|e| which.get(e))),
        }
    }
}

/// The choices a fact of [`Answer::Choice`] offers: (code, words).
pub fn choices(fact: Fact, services: &[String], procedures: &[Procedure]) -> Vec<(String, String)> {
    match fact {
        Fact::Kind => RecordKind::ALL
            .into_iter()
            .map(|k| (k.code().to_string(), k.name().to_string()))
            .collect(),
        Fact::Service => services.iter().map(|s| (s.clone(), s.clone())).collect(),
        // Settings::procedures: the built-ins and the organisation's own that are not retired.
        Fact::Procedure => procedures.iter().map(|p| (p.id.clone(), p.name.clone())).collect(),
        _ => Vec::new(),
    }
}

/// The correction form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorrectionDraft {
    /// A choice's code, or the text.
    pub value: String,
    pub date: DateInput,
    /// When the kind becomes a complaint: the procedure it is handled under.
    pub procedure: String,
    /// Why it is corrected (optional), kept in the history.
    pub reason: String,
}

impl CorrectionDraft {
    /// The form filled with the record's value now.
    pub fn from_record(record: &Record, fact: Fact) -> Self {
        let date = |d: Option<NaiveDate>| d.map(DateInput::from_date).unwrap_or_default();
        let mut draft = CorrectionDraft::default();
        match fact {
            Fact::Received => draft.date = DateInput::from_date(record.received),
            Fact::IssueDate => draft.date = date(record.issue_date),
            Fact::AwareDate => draft.date = date(record.aware_date),
            Fact::Event { stage, date: which } => {
                draft.date = date(record.stages.get(stage).and_then(|e| which.get(e)));
            }
            Fact::Kind => draft.value = record.kind.code().into(),
            Fact::Service => draft.value = record.service.clone(),
            Fact::Procedure => {
                draft.value = record
                    .procedure
                    .as_ref()
                    .map(|p| p.id().to_string())
                    .unwrap_or_default()
            }
            Fact::Summary => draft.value = record.summary.clone(),
        }
        draft
    }

    /// The corrected record, with the correction in its history; or the problems, each at its
    /// input (`value`, `date`, `procedure`). Correcting to the same value is refused: nothing
    /// would change.
    pub fn apply(
        &self,
        record: &Record,
        fact: Fact,
        procedures: &[Procedure],
        today: NaiveDate,
        change: &Change,
    ) -> Result<Record, Problems> {
        if !fact.holds(record) {
            return Err(vec![Problem::new("value", "There is nothing recorded here to correct")]);
        }
        let mut next = record.clone();
        let mut problems = Problems::new();
        match fact.answer() {
            Answer::Date | Answer::OptionalDate => self.set_date(&mut next, fact, today, &mut problems),
            Answer::Choice => self.set_choice(&mut next, fact, procedures, &mut problems),
            Answer::Text => match self.value.trim() {
                "" => problems.push(Problem::new("value", "Enter a summary of what the person told you")),
                text => next.summary = text.to_string(),
            },
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let (from, to) = (fact.shown(record, procedures), fact.shown(&next, procedures));
        if next == *record {
            let field = if fact.answer() == Answer::Choice || fact.answer() == Answer::Text {
                "value"
            } else {
                "date"
            };
            return Err(vec![Problem::new(
                field,
                format!("This is already {to}: change it, or go back"),
            )]);
        }
        let reason = self.reason.trim();
        let mut entry = change.entry(if reason.is_empty() {
            format!("Corrected {}: {from} → {to}", fact.label().to_lowercase())
        } else {
            format!(
                "Corrected {}: {from} → {to}. Why: {reason}",
                fact.label().to_lowercase()
            )
        });
        entry.fact = Some(fact.code());
        entry.corrected = Some(super::history::Corrected { from, to });
        next.history.push(entry);
        next.updated = change.at;
        Ok(next)
    }

    fn set_date(&self, next: &mut Record, fact: Fact, today: NaiveDate, problems: &mut Problems) {
        let label = fact.label();
        if fact.answer() == Answer::OptionalDate && self.date.is_empty() {
            match fact {
                Fact::IssueDate => next.issue_date = None,
                _ => next.aware_date = None,
            }
            return;
        }
        let date = match self.date.parse(&label, today) {
            Ok(date) => date,
            Err(error) => return problems.push(Problem::date("date", error)),
        };
        match fact {
            Fact::Received => {
                if next.issue_date.or(next.aware_date).is_some_and(|issue| issue > date) {
                    return problems.push(Problem::whole_date(
                        "date",
                        "The date received must be on or after the date of the issue and the date the person became aware",
                    ));
                }
                next.received = date;
                if let Some(first) = next.stages.first_mut() {
                    first.started = date;
                }
            }
            Fact::IssueDate | Fact::AwareDate => {
                if date > next.received {
                    return problems.push(Problem::whole_date(
                        "date",
                        format!("{label} must be on or before the date received"),
                    ));
                }
                match fact {
                    Fact::IssueDate => next.issue_date = Some(date),
                    _ => next.aware_date = Some(date),
                }
            }
            Fact::Event { stage, date: which } => {
                let Some(events) = next.stages.get_mut(stage) else {
                    return;
                };
                if which != EventDate::Started && which != EventDate::Extension && date < events.started {
                    return problems.push(Problem::whole_date(
                        "date",
                        format!("{label} must be on or after the day the stage began"),
                    ));
                }
                which.set(events, Some(date));
            }
            _ => {}
        }
    }

    fn set_choice(&self, next: &mut Record, fact: Fact, procedures: &[Procedure], problems: &mut Problems) {
        match fact {
            Fact::Service if self.value.trim().is_empty() => {
                problems.push(Problem::new("value", "Select the service it is about"));
            }
            Fact::Service => next.service = self.value.clone(),
            Fact::Procedure => match procedure::find(procedures, &self.value) {
                Some(chosen) => next.procedure = Some(ProcedureRef::naming(chosen)),
                None => problems.push(Problem::new(
                    "value",
                    "Select the procedure the complaint is handled under",
                )),
            },
            Fact::Kind => self.set_kind(next, procedures, problems),
            _ => {}
        }
    }

    /// A complaint is handled under a procedure, so becoming one chooses it; a complaint can stop
    /// being one only while nothing has happened at any stage, or the dates recorded would be lost.
    fn set_kind(&self, next: &mut Record, procedures: &[Procedure], problems: &mut Problems) {
        let Some(kind) = RecordKind::from_code(&self.value) else {
            return problems.push(Problem::new("value", "Select what kind of record this is"));
        };
        let was = next.kind;
        if kind == was {
            return;
        }
        if kind == RecordKind::Complaint {
            match procedure::find(procedures, &self.procedure) {
                Some(chosen) => {
                    next.procedure = Some(ProcedureRef::naming(chosen));
                    next.stages = vec![StageEvents::started(next.received)];
                }
                None => {
                    return problems.push(Problem::new(
                        "procedure",
                        "Select the procedure the complaint is handled under",
                    ));
                }
            }
        } else if was == RecordKind::Complaint {
            let untouched = next.stages.len() <= 1
                && next
                    .stages
                    .first()
                    .is_none_or(|s| *s == StageEvents::started(s.started));
            if !untouched {
                return problems.push(Problem::new(
                    "value",
                    "Events are recorded at its stages: withdraw them first, or close the complaint instead",
                ));
            }
            next.procedure = None;
            next.stages.clear();
        }
        next.kind = kind;
    }
}

/// The events recorded at the record's latest stage that can be withdrawn now, latest first:
/// every date but the stage's start, and, at a stage after the first with nothing else
/// recorded, the request for the stage itself.
pub fn withdrawable(record: &Record) -> Vec<Fact> {
    let Some((stage, events)) = record.stages.iter().enumerate().next_back() else {
        return Vec::new();
    };
    let mut found: Vec<Fact> = EventDate::ALL
        .into_iter()
        .rev()
        .filter(|d| *d != EventDate::Started && d.get(events).is_some())
        .map(|date| Fact::Event { stage, date })
        .collect();
    let bare = StageEvents {
        handler: events.handler.clone(),
        investigating_officer: events.investigating_officer.clone(),
        independent_person: events.independent_person.clone(),
        ..StageEvents::started(events.started)
    };
    if stage > 0 && *events == bare {
        found.push(Fact::Event {
            stage,
            date: EventDate::Started,
        });
    }
    found
}

/// The record without `fact`'s event, recorded by mistake: its history line struck through,
/// and a line saying it was withdrawn and why.
pub fn withdraw(record: &Record, fact: Fact, reason: &str, change: &Change) -> Result<Record, Problems> {
    if !withdrawable(record).contains(&fact) {
        return Err(vec![Problem::new(
            "withdraw",
            "Only what was recorded last at the latest stage can be withdrawn",
        )]);
    }
    let Fact::Event { stage, date } = fact else {
        return Err(Vec::new());
    };
    let shown = fact.shown(record, &[]);
    let mut next = record.clone();
    if date == EventDate::Started {
        next.stages.truncate(stage);
    } else if let Some(events) = next.stages.get_mut(stage) {
        date.set(events, None);
    }
    let code = fact.code();
    if let Some(entry) = next
        .history
        .iter_mut()
        .rev()
        .find(|e| e.fact.as_deref() == Some(code.as_str()) && !e.withdrawn && e.corrected.is_none())
    {
        entry.withdrawn = true;
    }
    let reason = reason.trim();
    let mut entry = change.entry(format!(
        "Withdrew {} ({shown}): recorded by mistake{}",
        fact.label().to_lowercase(),
        if reason.is_empty() {
            String::new()
        } else {
            format!(". Why: {reason}")
        }
    ));
    entry.fact = Some(code);
    next.history.push(entry);
    next.updated = change.at;
    Ok(next)
}

/// The fact an event sets at `stage`, for the history line that records it.
pub fn event_fact(kind: super::EventKind, stage: usize) -> Option<String> {
    use super::EventKind as K;
    let date = match kind {
        K::Acknowledged => EventDate::Acknowledged,
        K::StatementAgreed => EventDate::StatementAgreed,
        K::ResponseDateAgreed => EventDate::AgreedResponse,
        K::Extended => EventDate::Extension,
        K::PanelHeld => EventDate::PanelHeld,
        K::FindingsIssued => EventDate::FindingsIssued,
        K::Responded => EventDate::Responded,
        K::NextStageRequested => EventDate::Started,
        K::Paused | K::Resumed => return None,
    };
    Some(Fact::Event { stage, date }.code())
}

/// The corrections of the dates a stage's deadlines count from, in words, for the explanation
/// of its deadlines: "Date received corrected on 4 Dec 2026 by Sam Officer: it was Monday
/// 5 October 2026".
pub fn corrections_at(record: &Record, stage: usize) -> Vec<String> {
    let prefix = format!("stage-{}-", stage + 1);
    record
        .history
        .iter()
        .filter(|e| {
            e.fact
                .as_deref()
                .is_some_and(|f| (stage == 0 && f == "received") || f.starts_with(&prefix))
        })
        .filter_map(|e| {
            let corrected = e.corrected.as_ref()?;
            let fact = Fact::from_code(e.fact.as_deref()?)?;
            Some(format!(
                "{} corrected on {} by {}: it was {}.",
                fact.label(),
                crate::format::day_short_month(crate::format::uk_clock(e.at).0.date()),
                e.who,
                corrected.from
            ))
        })
        .collect()
}

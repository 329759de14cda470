//! Complaint procedures as data: ordered stages, each a list of steps (acknowledge, respond,
//! hold a panel …) with a limit counted from a named event, how far the response may be
//! extended, and the window in which the person may ask for the next stage.
//!
//! A record names its procedure by id and version ([`ProcedureRef`]) instead of keeping a copy:
//! every published version of a built-in stays defined here, and every version of a custom
//! procedure stays in the organisation's library ([`CustomProcedure`], kept in Settings), so
//! later changes to either never change what an old record owed. A record whose stored copy
//! matches no version keeps that copy.

pub mod about;
mod built_in;
mod custom;
mod nations;
mod reference;

pub use about::{about, open_extension, rule_of, time_limit_months};
pub use built_in::{BUILT_IN_IDS, LocalTargets, Stage2Start, built_in, built_in_for, built_in_version, targets_of};
pub use custom::{CustomProcedureDraft, CustomStageDraft};
pub use reference::{CustomProcedure, ProcedureRef, current_custom};

use serde::{Deserialize, Serialize};

/// Whose limit a step is: the law's or Code's, or the organisation's own target. Closure days
/// count against the organisation's own targets only, and only where it opts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    Statutory,
    Local,
}

/// The event a step's limit is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    /// The day the complaint, or the request for this stage, was received.
    StageStart,
    /// The day this stage was acknowledged.
    Acknowledged,
    /// The day the complaint statement was agreed (children's stage 2, where the organisation
    /// starts the clock there).
    StatementAgreed,
    /// The day the review panel met.
    PanelHeld,
    /// The day the panel's findings were issued.
    FindingsIssued,
}

impl Anchor {
    /// The event in words, as in "10 working days after the acknowledgement".
    pub fn words(self) -> &'static str {
        match self {
            Anchor::StageStart => "the date received",
            Anchor::Acknowledged => "the acknowledgement",
            Anchor::StatementAgreed => "the agreed complaint statement",
            Anchor::PanelHeld => "the panel",
            Anchor::FindingsIssued => "the panel’s findings",
        }
    }

    /// The event in words for a stage: a later stage starts with the request for it, not with
    /// the date the complaint was received ("the request for stage 2").
    pub fn words_at(self, stage: usize, stage_name: &str) -> String {
        match self {
            Anchor::StageStart if stage > 0 => request_for(stage_name),
            other => other.words().to_string(),
        }
    }
}

/// "the request for stage 2": the day a later stage starts.
pub fn request_for(stage_name: &str) -> String {
    let mut chars = stage_name.trim().chars();
    let name = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect::<String>(),
        None => "the next stage".to_string(),
    };
    format!("the request for {name}")
}

/// How long a step allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Length {
    WorkingDays(u32),
    Months(u32),
}

/// What a step asks of the organisation; the event that meets it follows from this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    Acknowledgement,
    Response,
    /// The review panel must meet (children's stage 3).
    Panel,
    /// The panel's findings must be issued.
    Findings,
    /// The longest a response may take without a written explanation (adults: 6 months).
    OuterLimit,
}

/// One thing a stage owes, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Step {
    pub kind: StepKind,
    /// e.g. "acknowledgement", "council’s response"; the stage name is put before it.
    pub label: String,
    pub length: Length,
    pub from: Anchor,
    pub basis: Basis,
    /// How many working days the step may be extended by without a recorded good reason.
    #[serde(default)]
    pub extension_days: u32,
    /// A date agreed with the person (the adults' complaint plan) replaces the limit.
    #[serde(default)]
    pub agreed_date_replaces: bool,
}

/// One stage of a procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Stage {
    /// e.g. "Stage 1"; put before each step's label.
    pub name: String,
    /// What the stage is, in a few words ("local resolution"); may be empty.
    #[serde(default)]
    pub description: String,
    pub steps: Vec<Step>,
    /// Working days after the response in which the person may ask for the next stage; `None`
    /// when there is no limit (or no next stage).
    #[serde(default)]
    pub next_stage_window: Option<u32>,
    /// Where the person goes after this stage, in words ("stage 2", "the Ombudsman").
    pub next: String,
    /// A complaint statement is agreed with the person at this stage (children's stage 2).
    #[serde(default)]
    pub complaint_statement: bool,
}

impl Stage {
    /// "Stage 1 (local resolution)", or just the name.
    pub fn title(&self) -> String {
        if self.description.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.description)
        }
    }

    pub fn step(&self, kind: StepKind) -> Option<&Step> {
        self.steps.iter().find(|step| step.kind == kind)
    }

    /// What this stage holds where the children's stage 3 holds a review panel: the Welsh
    /// regulations' stage 1 holds a discussion.
    pub fn meeting(&self) -> &'static str {
        match self.step(StepKind::Panel) {
            Some(step) if step.label == "discussion" => "discussion",
            _ => "panel",
        }
    }

    /// The event `anchor` in words at this stage ("the discussion" rather than "the panel").
    pub fn anchor_words(&self, anchor: Anchor) -> String {
        match anchor {
            Anchor::PanelHeld => format!("the {}", self.meeting()),
            other => other.words().to_string(),
        }
    }
}

/// A complaint procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Procedure {
    /// Stable id, e.g. `lgsco-2024`; custom procedures' ids start with `custom-`.
    pub id: String,
    /// Which definition of the procedure this is: a definition, once published, never changes;
    /// a change is a new version. Copies written before versions existed read as version 1.
    #[serde(default = "first_version")]
    pub version: u32,
    pub name: String,
    /// Which complaints it is for, in a few words.
    pub applies_to: String,
    pub stages: Vec<Stage>,
}

fn first_version() -> u32 {
    1
}

/// The procedure with this id among `procedures`.
pub fn find<'a>(procedures: &'a [Procedure], id: &str) -> Option<&'a Procedure> {
    procedures.iter().find(|procedure| procedure.id == id)
}

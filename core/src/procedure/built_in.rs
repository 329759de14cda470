//! The procedures of DOMAIN.md's table (England's here, the other nations' in
//! `super::nations`), with the organisation's local targets filled in, each
//! kept at every version Redress has published: a record names (id, version, targets) and must
//! owe the same dates for ever, so a published definition is never edited — a change to a
//! procedure is a new `version_n` function, and [`built_in`] moves on to it.

use super::{Anchor, Basis, Length, Procedure, Stage, Step, StepKind};
use crate::calendar::Nation;
use serde::{Deserialize, Serialize};

/// When the children's stage 2 clock starts; the organisation chooses (2006 Regulations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Stage2Start {
    /// The day the request for stage 2 was received.
    #[default]
    Request,
    /// The day the complaint statement was agreed with the person.
    AgreedStatement,
}

/// The organisation's own targets where the rules leave them to local policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct LocalTargets {
    /// Children's procedure: working days to acknowledge stages 1 and 2 (default 3).
    pub children_acknowledgement_days: u32,
    /// Adults' procedure: working days to respond when no date is agreed (default 20).
    pub adults_response_days: u32,
    pub children_stage2_start: Stage2Start,
}

impl Default for LocalTargets {
    fn default() -> Self {
        Self {
            children_acknowledgement_days: 3,
            adults_response_days: 20,
            children_stage2_start: Stage2Start::Request,
        }
    }
}

pub(super) fn step(kind: StepKind, label: &str, working_days: u32, from: Anchor, basis: Basis) -> Step {
    Step {
        kind,
        label: label.into(),
        length: Length::WorkingDays(working_days),
        from,
        basis,
        extension_days: 0,
        agreed_date_replaces: false,
    }
}

pub(super) fn extended(step: Step, extension_days: u32) -> Step {
    Step { extension_days, ..step }
}

/// The two stages of the Ombudsman codes (LGSCO and Housing Ombudsman, the same timescales).
fn code_stages() -> Vec<Stage> {
    use Anchor::*;
    use StepKind::*;
    vec![
        Stage {
            name: "Stage 1".into(),
            description: String::new(),
            steps: vec![
                step(Acknowledgement, "acknowledgement", 5, StageStart, Basis::Statutory),
                extended(step(Response, "response", 10, Acknowledged, Basis::Statutory), 10),
            ],
            next_stage_window: None,
            next: "stage 2, on request (no reasons needed)".into(),
            complaint_statement: false,
        },
        Stage {
            name: "Stage 2".into(),
            description: String::new(),
            steps: vec![
                step(Acknowledgement, "acknowledgement", 5, StageStart, Basis::Statutory),
                extended(step(Response, "response", 20, Acknowledged, Basis::Statutory), 20),
            ],
            next_stage_window: None,
            next: "the Ombudsman".into(),
            complaint_statement: false,
        },
    ]
}

/// The ids of the procedures Redress knows without being told: England's, then Scotland's,
/// Northern Ireland's and Wales's (`super::nations`).
pub const BUILT_IN_IDS: [&str; 8] = [
    "lgsco-2024",
    "housing-ombudsman-2024",
    "children-act-1989-2006",
    "social-services-nhs-2009",
    "spso-mchp-2020",
    "nipso-lg-mchp-2024",
    "wales-social-services-2014",
    "psow-model-policy",
];

/// The procedures Redress knows without being told, at their current versions.
pub fn built_in(local: &LocalTargets) -> Vec<Procedure> {
    BUILT_IN_IDS.iter().filter_map(|id| version_1(id, local)).collect()
}

/// The built-ins in the order an organisation in `nation` is offered them: its nation's own
/// first, then the others in their usual order.
pub fn built_in_for(nation: Nation, local: &LocalTargets) -> Vec<Procedure> {
    let mut procedures = built_in(local);
    procedures.sort_by_key(|p| super::about(&p.id).is_none_or(|about| about.nation != nation));
    procedures
}

/// Built-in procedure `id` as version `version` defined it, with these targets; `None` when no
/// such version was published.
pub fn built_in_version(id: &str, version: u32, local: &LocalTargets) -> Option<Procedure> {
    match version {
        1 => version_1(id, local),
        _ => None,
    }
}

/// The local targets a built-in procedure's definition was made with, read back from it. Targets
/// a procedure does not use are left at their defaults; whether the procedure really is that
/// built-in is for the caller to check, by making it again from these targets.
pub fn targets_of(procedure: &Procedure) -> LocalTargets {
    let mut targets = LocalTargets::default();
    let working_days = |stage: usize, kind: StepKind| {
        procedure
            .stages
            .get(stage)
            .and_then(|s| s.step(kind))
            .and_then(|step| match step.length {
                Length::WorkingDays(n) => Some(n),
                Length::Months(_) => None,
            })
    };
    match procedure.id.as_str() {
        "children-act-1989-2006" => {
            if let Some(days) = working_days(0, StepKind::Acknowledgement) {
                targets.children_acknowledgement_days = days;
            }
            let from = procedure
                .stages
                .get(1)
                .and_then(|s| s.step(StepKind::Response))
                .map(|step| step.from);
            if from == Some(Anchor::StatementAgreed) {
                targets.children_stage2_start = Stage2Start::AgreedStatement;
            }
        }
        "social-services-nhs-2009" => {
            if let Some(days) = working_days(0, StepKind::Response) {
                targets.adults_response_days = days;
            }
        }
        _ => {}
    }
    targets
}

/// Version 1 of built-in `id`, published in 2026. Never edit it: records name it. One procedure
/// is made at a time, since every deadline of a record is counted from its definition.
fn version_1(id: &str, local: &LocalTargets) -> Option<Procedure> {
    use Anchor::*;
    use StepKind::*;
    let stage2_from = match local.children_stage2_start {
        Stage2Start::Request => StageStart,
        Stage2Start::AgreedStatement => StatementAgreed,
    };
    let children_ack = local.children_acknowledgement_days;
    match id {
        "lgsco-2024" => Some(Procedure {
            id: "lgsco-2024".into(),
            version: 1,
            name: "LGSCO Complaint Handling Code 2024".into(),
            applies_to: "Corporate complaints to councils".into(),
            stages: code_stages(),
        }),
        "housing-ombudsman-2024" => Some(Procedure {
            id: "housing-ombudsman-2024".into(),
            version: 1,
            name: "Housing Ombudsman Complaint Handling Code 2024".into(),
            applies_to: "Complaints about social housing".into(),
            stages: code_stages(),
        }),
        "children-act-1989-2006" => Some(Procedure {
            id: "children-act-1989-2006".into(),
            version: 1,
            name: "Children Act 1989 Representations Procedure (England) Regulations 2006".into(),
            applies_to: "Children’s social care".into(),
            stages: vec![
                Stage {
                    name: "Stage 1".into(),
                    description: "local resolution".into(),
                    steps: vec![
                        step(
                            Acknowledgement,
                            "acknowledgement",
                            children_ack,
                            StageStart,
                            Basis::Local,
                        ),
                        extended(step(Response, "response", 10, StageStart, Basis::Statutory), 10),
                    ],
                    next_stage_window: Some(20),
                    next: "stage 2 (investigation)".into(),
                    complaint_statement: false,
                },
                Stage {
                    name: "Stage 2".into(),
                    description: "investigation".into(),
                    steps: vec![
                        step(
                            Acknowledgement,
                            "acknowledgement",
                            children_ack,
                            StageStart,
                            Basis::Local,
                        ),
                        extended(step(Response, "adjudication", 25, stage2_from, Basis::Statutory), 40),
                    ],
                    next_stage_window: Some(20),
                    next: "stage 3 (review panel)".into(),
                    complaint_statement: true,
                },
                Stage {
                    name: "Stage 3".into(),
                    description: "review panel".into(),
                    steps: vec![
                        step(Panel, "panel meets", 30, StageStart, Basis::Statutory),
                        step(Findings, "panel’s findings", 5, PanelHeld, Basis::Statutory),
                        step(Response, "council’s response", 15, FindingsIssued, Basis::Statutory),
                    ],
                    next_stage_window: None,
                    next: "the Ombudsman".into(),
                    complaint_statement: false,
                },
            ],
        }),
        "social-services-nhs-2009" => Some(Procedure {
            id: "social-services-nhs-2009".into(),
            version: 1,
            name: "Local Authority Social Services and NHS Complaints (England) Regulations 2009".into(),
            applies_to: "Adult social care and the NHS".into(),
            stages: vec![Stage {
                name: "Complaint".into(),
                description: String::new(),
                steps: vec![
                    step(Acknowledgement, "acknowledgement", 3, StageStart, Basis::Statutory),
                    Step {
                        agreed_date_replaces: true,
                        ..step(
                            Response,
                            "response",
                            local.adults_response_days,
                            StageStart,
                            Basis::Local,
                        )
                    },
                    Step {
                        kind: OuterLimit,
                        label: "six-month limit".into(),
                        length: Length::Months(6),
                        from: StageStart,
                        basis: Basis::Statutory,
                        extension_days: 0,
                        agreed_date_replaces: false,
                    },
                ],
                next_stage_window: None,
                next: "an optional local review, then the Ombudsman".into(),
                complaint_statement: false,
            }],
        }),
        other => super::nations::version_1(other),
    }
}

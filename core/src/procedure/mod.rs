//! Complaint procedures as data: ordered stages, each with its acknowledgement and response
//! limits in working days, the event each limit counts from, and how far it may be extended.
//!
//! A record names its procedure by id and keeps that id, so the built-ins can grow without
//! changing what an old record means. The full set of stages, windows and local targets of
//! DOMAIN.md's table arrives with the deadline engine; here each built-in has its first stage.

use serde::{Deserialize, Serialize};

/// The event a limit is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StartEvent {
    /// The day the organisation received the complaint (or the request for this stage).
    Receipt,
    /// The day the organisation acknowledged it.
    Acknowledgement,
}

impl StartEvent {
    /// The event in words, as in "10 working days after the acknowledgement".
    pub fn words(self) -> &'static str {
        match self {
            StartEvent::Receipt => "the date received",
            StartEvent::Acknowledgement => "the acknowledgement",
        }
    }
}

/// "Within N working days of an event".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limit {
    pub working_days: u32,
    pub from: StartEvent,
}

/// One stage of a procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub name: String,
    pub acknowledge: Limit,
    pub respond: Limit,
    /// How many working days the response may be extended by, beyond `respond`.
    pub extension_days: u32,
}

/// A complaint procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedure {
    /// Stable id stored on records, e.g. `lgsco-2024`.
    pub id: String,
    pub name: String,
    /// Which complaints it is for, in a few words.
    pub applies_to: String,
    pub stages: Vec<Stage>,
}

fn stage(name: &str, acknowledge: u32, respond: Limit, extension_days: u32) -> Stage {
    Stage {
        name: name.into(),
        acknowledge: Limit {
            working_days: acknowledge,
            from: StartEvent::Receipt,
        },
        respond,
        extension_days,
    }
}

const fn after_acknowledgement(working_days: u32) -> Limit {
    Limit {
        working_days,
        from: StartEvent::Acknowledgement,
    }
}

const fn after_receipt(working_days: u32) -> Limit {
    Limit {
        working_days,
        from: StartEvent::Receipt,
    }
}

/// The procedures Redress knows without being told.
pub fn built_in() -> Vec<Procedure> {
    vec![
        Procedure {
            id: "lgsco-2024".into(),
            name: "LGSCO Complaint Handling Code 2024".into(),
            applies_to: "Corporate complaints to councils".into(),
            stages: vec![stage("Stage 1", 5, after_acknowledgement(10), 10)],
        },
        Procedure {
            id: "housing-ombudsman-2024".into(),
            name: "Housing Ombudsman Complaint Handling Code 2024".into(),
            applies_to: "Complaints about social housing".into(),
            stages: vec![stage("Stage 1", 5, after_acknowledgement(10), 10)],
        },
        Procedure {
            id: "children-act-1989-2006".into(),
            name: "Children Act 1989 Representations Procedure (England) Regulations 2006".into(),
            applies_to: "Children’s social care".into(),
            stages: vec![stage(
                "Stage 1 (local resolution)",
                3,
                after_receipt(10),
                10,
            )],
        },
        Procedure {
            id: "social-services-nhs-2009".into(),
            name: "Local Authority Social Services and NHS Complaints (England) Regulations 2009"
                .into(),
            applies_to: "Adult social care and the NHS".into(),
            stages: vec![stage("Complaint", 3, after_receipt(20), 0)],
        },
    ]
}

/// The built-in procedure with this id.
pub fn find(id: &str) -> Option<Procedure> {
    built_in().into_iter().find(|procedure| procedure.id == id)
}

//! Procedures an organisation defines for itself in Settings: each stage's acknowledgement and
//! response limits, how far a response may be extended and the window to ask for the next stage.
//! The draft holds what was typed; checking it never changes it.

use super::{Anchor, Basis, Length, Procedure, Stage, Step, StepKind};
use crate::problem::Problem;

/// Longest limit accepted, in working days (about two years).
const MAX_DAYS: u32 = 500;

/// One stage as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomStageDraft {
    pub name: String,
    pub acknowledge_days: String,
    pub response_days: String,
    /// `received` or `acknowledged`.
    pub response_from: String,
    pub extension_days: String,
    /// Empty when there is no limit.
    pub next_stage_window: String,
}

/// A custom procedure as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomProcedureDraft {
    pub name: String,
    pub applies_to: String,
    pub stages: Vec<CustomStageDraft>,
}

impl CustomStageDraft {
    /// Stage `n` (from 1) as the form first shows it: named "Stage n", nothing else typed.
    pub fn numbered(n: usize) -> Self {
        Self {
            name: format!("Stage {n}"),
            ..Self::default()
        }
    }
}

impl CustomProcedureDraft {
    /// The form as it opens: no name yet, and one stage.
    pub fn blank() -> Self {
        Self {
            stages: vec![CustomStageDraft::numbered(1)],
            ..Self::default()
        }
    }

    /// "Add another stage": the next stage, numbered after the last.
    pub fn add_stage(&mut self) {
        self.stages.push(CustomStageDraft::numbered(self.stages.len() + 1));
    }

    /// "Remove the last stage", but never the only one.
    pub fn remove_last_stage(&mut self) {
        if self.stages.len() > 1 {
            self.stages.pop();
        }
    }
}

fn days(text: &str, field: String, what: &str, required: bool, errors: &mut Vec<Problem>) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        if required {
            errors.push(Problem::new(field, format!("Enter the {what}")));
        }
        return None;
    }
    match text.parse::<u32>() {
        Ok(n) if n <= MAX_DAYS => Some(n),
        Ok(_) => {
            errors.push(Problem::new(
                field,
                format!("The {what} must be {MAX_DAYS} working days or fewer"),
            ));
            None
        }
        Err(_) => {
            errors.push(Problem::new(
                field,
                format!("The {what} must be a whole number of working days, like 10"),
            ));
            None
        }
    }
}

impl CustomProcedureDraft {
    /// Checks every field and makes the procedure with the id given, or lists every problem.
    pub fn to_procedure(&self, id: String) -> Result<Procedure, Vec<Problem>> {
        let mut errors = Vec::new();
        if self.name.trim().is_empty() {
            errors.push(Problem::new("custom-name", "Enter a name for the procedure"));
        }
        if self.stages.is_empty() {
            errors.push(Problem::new("custom-name", "Add at least one stage"));
        }
        let count = self.stages.len();
        let mut stages = Vec::new();
        for (index, draft) in self.stages.iter().enumerate() {
            let n = index + 1;
            let field = |what: &str| format!("stage-{n}-{what}");
            let name = draft.name.trim();
            if name.is_empty() {
                errors.push(Problem::new(field("name"), format!("Enter a name for stage {n}")));
            }
            let acknowledge = days(
                &draft.acknowledge_days,
                field("acknowledge"),
                &format!("stage {n} acknowledgement limit"),
                true,
                &mut errors,
            );
            let respond = days(
                &draft.response_days,
                field("respond"),
                &format!("stage {n} response limit"),
                true,
                &mut errors,
            );
            let extension = days(
                &draft.extension_days,
                field("extension"),
                &format!("stage {n} extension limit"),
                false,
                &mut errors,
            );
            let window = days(
                &draft.next_stage_window,
                field("window"),
                &format!("stage {n} window to ask for the next stage"),
                false,
                &mut errors,
            );
            let from = match draft.response_from.as_str() {
                "acknowledged" => Some(Anchor::Acknowledged),
                "received" => Some(Anchor::StageStart),
                _ => {
                    errors.push(Problem::new(
                        field("from"),
                        format!("Select what the stage {n} response is counted from"),
                    ));
                    None
                }
            };
            if let (Some(acknowledge), Some(respond), Some(from)) = (acknowledge, respond, from) {
                let step = |kind, label: &str, days, from, extension_days| Step {
                    kind,
                    label: label.into(),
                    length: Length::WorkingDays(days),
                    from,
                    basis: Basis::Local,
                    extension_days,
                    agreed_date_replaces: false,
                };
                stages.push(Stage {
                    name: name.to_string(),
                    description: String::new(),
                    steps: vec![
                        step(
                            StepKind::Acknowledgement,
                            "acknowledgement",
                            acknowledge,
                            Anchor::StageStart,
                            0,
                        ),
                        step(StepKind::Response, "response", respond, from, extension.unwrap_or(0)),
                    ],
                    next_stage_window: if n < count { window } else { None },
                    complaint_statement: false,
                    next: if n < count {
                        format!("stage {}", n + 1)
                    } else {
                        "the Ombudsman".into()
                    },
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Procedure {
            id,
            version: 1,
            name: self.name.trim().to_string(),
            applies_to: if self.applies_to.trim().is_empty() {
                "Defined by this organisation".into()
            } else {
                self.applies_to.trim().to_string()
            },
            stages,
        })
    }
}

//! The deadline calculator's question, read from its link: which procedure, which stage, and
//! the day received, e.g. `?procedure=lgsco-2024&stage=1&start=2025-12-19`.

use super::{Deadline, Rules, calculate};
use crate::problem::Problem;
use crate::procedure::{Procedure, find};
use chrono::NaiveDate;

/// A question the calculator can answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalculatorQuestion {
    pub procedure: Procedure,
    /// Index of the stage, from 0.
    pub stage: usize,
    pub start: NaiveDate,
}

impl CalculatorQuestion {
    /// Reads the link's values. `None` when nothing was asked yet; otherwise the question or
    /// every problem as (field id, message).
    pub fn from_link(
        procedure: Option<&str>,
        stage: Option<&str>,
        start: Option<&str>,
        procedures: &[Procedure],
    ) -> Option<Result<Self, Vec<Problem>>> {
        if procedure.is_none() && start.is_none() {
            return None;
        }
        let mut errors = Vec::new();
        let chosen = procedure.and_then(|id| find(procedures, id));
        if chosen.is_none() {
            errors.push(Problem::new("procedure", "Select a procedure"));
        }
        let stage = match stage.map(str::parse::<usize>) {
            None => Some(0),
            Some(Ok(n)) if n >= 1 && chosen.is_none_or(|p| n <= p.stages.len()) => Some(n - 1),
            Some(_) => {
                errors.push(Problem::new("stage", "Select a stage of the procedure"));
                None
            }
        };
        let start = match start.map(|s| s.parse::<NaiveDate>()) {
            Some(Ok(date)) if (1990..=2100).contains(&chrono::Datelike::year(&date)) => Some(date),
            Some(Ok(_)) => {
                errors.push(Problem::whole_date(
                    "start",
                    "Date received must be between 1990 and 2100",
                ));
                None
            }
            _ => {
                errors.push(Problem::whole_date("start", "Enter the date received as a real date"));
                None
            }
        };
        Some(match (chosen, stage, start) {
            (Some(procedure), Some(stage), Some(start)) if errors.is_empty() => Ok(Self {
                procedure: procedure.clone(),
                stage,
                start,
            }),
            _ => Err(errors),
        })
    }

    /// The link that asks this question again.
    pub fn link(&self) -> String {
        format!(
            "/calculator?procedure={}&stage={}&start={}",
            self.procedure.id,
            self.stage + 1,
            self.start
        )
    }

    /// Every date of the stage. Nothing is recorded in a calculation, so no date has a status:
    /// "overdue" would only mean the calculation is about the past.
    pub fn answer(&self, rules: &Rules) -> Vec<Deadline> {
        calculate(&self.procedure, self.stage, self.start, rules)
            .into_iter()
            .map(|deadline| Deadline {
                status: None,
                ..deadline
            })
            .collect()
    }
}

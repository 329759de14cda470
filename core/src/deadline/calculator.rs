//! The deadline calculator's question, read from its link: which procedure, which stage, and
//! the day received, e.g. `?procedure=lgsco-2024&stage=1&start=2025-12-19`; and its form as
//! typed ([`CalculatorDraft`]), which makes that link.

use super::{Deadline, Rules, calculate};
use crate::problem::{Problem, Problems};
use crate::procedure::{Procedure, find};
use crate::record::DateInput;
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

/// The calculator's form as typed: the procedure and stage chosen, and the day received.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalculatorDraft {
    /// A procedure id, or empty while none is chosen.
    pub procedure: String,
    /// The stage's number, from 1.
    pub stage: String,
    pub start: DateInput,
}

impl CalculatorDraft {
    /// The form as a link asks it, so a bookmarked calculation shows what was asked: the first
    /// stage unless the link names one, and the day only when the link's is a real date.
    pub fn from_link(procedure: Option<&str>, stage: Option<&str>, start: Option<&str>) -> Self {
        Self {
            procedure: procedure.unwrap_or_default().to_string(),
            stage: stage.unwrap_or("1").to_string(),
            start: start
                .and_then(|text| text.parse::<NaiveDate>().ok())
                .map(DateInput::from_date)
                .unwrap_or_default(),
        }
    }

    /// The stages of the procedure chosen, as (number from 1, title); none before one is chosen.
    pub fn stages(&self, procedures: &[Procedure]) -> Vec<(String, String)> {
        find(procedures, &self.procedure)
            .map(|p| {
                p.stages
                    .iter()
                    .enumerate()
                    .map(|(i, s)| ((i + 1).to_string(), s.title()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The link that asks this question, or the date's problem (about `start`, its boxes at
    /// fault: any real date up to the end of 2100). A stage the procedure does not have asks
    /// about its first; the procedure is checked where the link is read
    /// ([`CalculatorQuestion::from_link`]).
    pub fn link(&self, procedures: &[Procedure]) -> Result<String, Problems> {
        let latest = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap_or(NaiveDate::MAX);
        let start = self
            .start
            .parse("Date received", latest)
            .map_err(|e| vec![Problem::date("start", e)])?;
        let stage = if self.stages(procedures).iter().any(|(n, _)| *n == self.stage) {
            self.stage.as_str()
        } else {
            "1"
        };
        Ok(format!(
            "/calculator?procedure={}&stage={stage}&start={start}",
            self.procedure
        ))
    }
}

//! The Ombudsman's stage: recorded, not timed — the referral, the decision, the finding,
//! whether a satisfactory remedy had already been given, and the recommendations with their
//! due dates and compliance.

use super::{Change, DateInput, Record};
use crate::format::short_date;
use crate::problem::{Problem, Problems};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OmbudsmanDecision {
    NotForUs,
    AssessedAndClosed,
    Investigated,
}

impl OmbudsmanDecision {
    pub const ALL: [OmbudsmanDecision; 3] = [
        OmbudsmanDecision::NotForUs,
        OmbudsmanDecision::AssessedAndClosed,
        OmbudsmanDecision::Investigated,
    ];

    pub fn name(self) -> &'static str {
        match self {
            OmbudsmanDecision::NotForUs => "Not for the Ombudsman to consider",
            OmbudsmanDecision::AssessedAndClosed => "Assessed and closed",
            OmbudsmanDecision::Investigated => "Investigated",
        }
    }

    pub fn code(self) -> String {
        crate::choice::to_code(self)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        crate::choice::from_code(code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Recommendation {
    pub what: String,
    pub due: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complied: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Ombudsman {
    pub referred: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<OmbudsmanDecision>,
    /// `Some(true)`: upheld, fault causing injustice; `Some(false)`: not upheld.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upheld: Option<bool>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub remedy_already_given: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
}

/// The Ombudsman form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OmbudsmanDraft {
    pub referred: DateInput,
    /// An [`OmbudsmanDecision`] code, or empty while waiting.
    pub decision: String,
    /// `upheld`, `not-upheld`, or empty.
    pub finding: String,
    pub remedy_already_given: bool,
    /// A new recommendation, if one is being added.
    pub recommendation: String,
    pub recommendation_due: DateInput,
}

impl OmbudsmanDraft {
    pub fn from_record(record: &Record) -> Self {
        match &record.ombudsman {
            None => Self::default(),
            Some(o) => Self {
                referred: DateInput::from_date(o.referred),
                decision: o.decision.map(OmbudsmanDecision::code).unwrap_or_default(),
                finding: match o.upheld {
                    Some(true) => "upheld".into(),
                    Some(false) => "not-upheld".into(),
                    None => String::new(),
                },
                remedy_already_given: o.remedy_already_given,
                ..Self::default()
            },
        }
    }

    pub fn apply(&self, record: &Record, today: NaiveDate, change: &Change) -> Result<Record, Problems> {
        let mut problems = Problems::new();
        let referred = match self.referred.parse("Date referred", today) {
            Ok(date) if date < record.received => {
                problems.push(Problem::whole_date(
                    "ombudsman-referred",
                    "Date referred must be on or after the date received",
                ));
                None
            }
            Ok(date) => Some(date),
            Err(e) => {
                problems.push(Problem::date("ombudsman-referred", e));
                None
            }
        };
        let decision = OmbudsmanDecision::from_code(&self.decision);
        let upheld = match self.finding.as_str() {
            "upheld" => Some(true),
            "not-upheld" => Some(false),
            _ => None,
        };
        if upheld.is_some() && decision != Some(OmbudsmanDecision::Investigated) {
            problems.push(Problem::new(
                "ombudsman-decision",
                "A finding follows an investigation: choose “Investigated”",
            ));
        }
        let mut recommendations = record
            .ombudsman
            .as_ref()
            .map(|o| o.recommendations.clone())
            .unwrap_or_default();
        if !self.recommendation.trim().is_empty() {
            match self
                .recommendation_due
                .parse("Date the recommendation is due", NaiveDate::MAX)
            {
                Ok(due) => recommendations.push(Recommendation {
                    what: self.recommendation.trim().into(),
                    due,
                    complied: None,
                }),
                Err(e) => problems.push(Problem::date("ombudsman-recommendation-due", e)),
            }
        }
        let Some(referred) = referred.filter(|_| problems.is_empty()) else {
            return Err(problems);
        };
        let mut next = record.clone();
        next.ombudsman = Some(Ombudsman {
            referred,
            decision,
            upheld,
            remedy_already_given: self.remedy_already_given,
            recommendations,
        });
        next.updated = change.at;
        next.history
            .push(change.entry(format!("Ombudsman stage updated (referred {})", short_date(referred))));
        Ok(next)
    }
}

/// The id of the record page's list of the Ombudsman's recommendations, which compliance's
/// problem names (a button in that list is what was pressed).
pub const RECOMMENDATIONS: &str = "ombudsman-recommendations";

/// Records that the organisation complied with recommendation `index` on `date`.
pub fn comply(record: &Record, index: usize, date: NaiveDate, change: &Change) -> Result<Record, Problem> {
    let recommendation = record
        .ombudsman
        .as_ref()
        .and_then(|o| o.recommendations.get(index))
        .ok_or_else(|| Problem::new(RECOMMENDATIONS, "There is no such recommendation"))?;
    if recommendation.complied.is_some() {
        return Err(Problem::new(
            RECOMMENDATIONS,
            "That recommendation is already complied with",
        ));
    }
    let what = recommendation.what.clone();
    let mut next = record.clone();
    if let Some(r) = next.ombudsman.as_mut().and_then(|o| o.recommendations.get_mut(index)) {
        r.complied = Some(date);
    }
    next.updated = change.at;
    next.history
        .push(change.entry(format!("Complied with the Ombudsman’s recommendation: {what}")));
    Ok(next)
}

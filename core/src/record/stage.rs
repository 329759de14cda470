//! What has happened at each stage of a record: the dates the deadlines are counted from and met by.

use crate::calendar::Pause;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A response extended to a later date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Extension {
    pub to: NaiveDate,
    pub reason: String,
    /// A good reason for going past the procedure's extension limit is recorded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub good_reason: bool,
    /// When the person was told of the delay, with the Ombudsman's details (Code 5.5, 6.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub told: Option<NaiveDate>,
}

/// The events of one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StageEvents {
    /// The day the complaint (stage 1) or the request for this stage was received.
    pub started: NaiveDate,
    /// Who is handling this stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<super::Outcome>,
    /// Children's stage 2: the investigating officer and the independent person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investigating_officer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub independent_person: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<NaiveDate>,
    /// Children's stage 2: the day the complaint statement was agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement_agreed: Option<NaiveDate>,
    /// Adults: the response date agreed in the complaint plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_response: Option<NaiveDate>,
    /// Every extension of the response, in the order made: the last is the one in force.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<Extension>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pauses: Vec<Pause>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub panel_held: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub findings_issued: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responded: Option<NaiveDate>,
}

impl StageEvents {
    /// The extension in force: the latest made.
    pub fn extension(&self) -> Option<&Extension> {
        self.extensions.last()
    }

    pub fn started(started: NaiveDate) -> Self {
        Self {
            started,
            handler: None,
            outcome: None,
            investigating_officer: None,
            independent_person: None,
            acknowledged: None,
            statement_agreed: None,
            agreed_response: None,
            extensions: Vec::new(),
            pauses: Vec::new(),
            panel_held: None,
            findings_issued: None,
            responded: None,
        }
    }

    /// The pause still running, if any.
    pub fn open_pause(&self) -> Option<&Pause> {
        self.pauses.iter().find(|pause| pause.to.is_none())
    }
}

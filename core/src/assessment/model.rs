//! One self-assessment as the organisation writes it over weeks: an answer per item, an action
//! plan per part, conclusions and dates. Saved as typed, dates included, so nothing is lost
//! between visits; the core reads the dates when it needs them.

use super::framework::{Framework, FrameworkId};
use crate::record::{Change, DateInput};
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Do we follow the Code here?
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Follows {
    No,
    Partly,
    Yes,
}

impl Follows {
    pub const ALL: [Follows; 3] = [Follows::Yes, Follows::Partly, Follows::No];

    pub fn words(self) -> &'static str {
        match self {
            Follows::Yes => "Yes",
            Follows::Partly => "Partly",
            Follows::No => "No",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Follows::Yes => "yes",
            Follows::Partly => "partly",
            Follows::No => "no",
        }
    }

    pub fn from_code(code: &str) -> Option<Follows> {
        Follows::ALL.into_iter().find(|f| f.code() == code)
    }

    /// No 0, partly 1, yes 2: how comparisons see it.
    pub fn level(self) -> u8 {
        self as u8
    }
}

/// The answer to one item. An NCMG area uses `score`, `evidence` ("basis for the score") and
/// `gaps` ("notes and queries"); a Code row uses `follows`, `evidence`, `commentary` and `action`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Entry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<Follows>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub gaps: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub commentary: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
}

impl Entry {
    /// The answer as a level to add up and compare: the score, or no 0 / partly 1 / yes 2.
    pub fn level(&self, framework: &Framework) -> Option<u8> {
        match framework.scale {
            super::Scale::Score => self.score,
            super::Scale::Follows => self.follows.map(Follows::level),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Entry::default()
    }
}

/// One item of a part's action plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlanItem {
    pub action: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due: DateInput,
    #[serde(default)]
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Assessment {
    pub id: String,
    pub framework: FrameworkId,
    #[serde(default)]
    pub organisation: String,
    /// The period assessed, in the organisation's words: "April 2025 to March 2026".
    #[serde(default)]
    pub period: String,
    /// Answers by item code; an item with no entry is unanswered.
    #[serde(default)]
    pub entries: BTreeMap<String, Entry>,
    /// Action plans by part number.
    #[serde(default)]
    pub plans: BTreeMap<String, Vec<PlanItem>>,
    #[serde(default)]
    pub conclusions: String,
    #[serde(default)]
    pub evidence_ideas: String,
    #[serde(default)]
    pub completed: DateInput,
    /// Left blank, the review falls a year after the date completed.
    #[serde(default)]
    pub review: DateInput,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    #[serde(default)]
    pub updated_by: String,
    /// The assessment this one started as a copy of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copied_from: Option<String>,
}

/// A date box is read only once all three parts are typed and make a date.
fn typed_date(input: &DateInput) -> Option<NaiveDate> {
    input.parse("Date", NaiveDate::MAX).ok()
}

impl Assessment {
    pub fn new(id: &str, framework: FrameworkId, organisation: &str, period: &str, change: &Change) -> Self {
        Assessment {
            id: id.into(),
            framework,
            organisation: organisation.trim().into(),
            period: period.trim().into(),
            entries: BTreeMap::new(),
            plans: BTreeMap::new(),
            conclusions: String::new(),
            evidence_ideas: String::new(),
            completed: DateInput::default(),
            review: DateInput::default(),
            created: change.at,
            updated: change.at,
            updated_by: change.who.clone(),
            copied_from: None,
        }
    }

    /// A new assessment starting from this one: every answer, open action and conclusion carried
    /// over to be checked again; actions already done, and the dates, left behind.
    pub fn copy_as(&self, id: &str, period: &str, change: &Change) -> Self {
        let plans = self
            .plans
            .iter()
            .map(|(part, items)| {
                (
                    part.clone(),
                    items.iter().filter(|i| !i.done).cloned().collect::<Vec<_>>(),
                )
            })
            .filter(|(_, items)| !items.is_empty())
            .collect();
        Assessment {
            entries: self.entries.clone(),
            plans,
            conclusions: self.conclusions.clone(),
            evidence_ideas: self.evidence_ideas.clone(),
            copied_from: Some(self.id.clone()),
            ..Assessment::new(id, self.framework, &self.organisation, period, change)
        }
    }

    pub fn framework(&self) -> &'static Framework {
        self.framework.framework()
    }

    pub fn entry(&self, code: &str) -> Option<&Entry> {
        self.entries.get(code)
    }

    /// Changes one item's answer; an answer emptied of everything is removed.
    pub fn edit_entry(&mut self, code: &str, change: &Change, edit: impl FnOnce(&mut Entry)) {
        let entry = self.entries.entry(code.to_string()).or_default();
        edit(entry);
        if entry.is_empty() {
            self.entries.remove(code);
        }
        self.touch(change);
    }

    pub fn plan(&self, part: &str) -> &[PlanItem] {
        self.plans.get(part).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn edit_plan(&mut self, part: &str, change: &Change, edit: impl FnOnce(&mut Vec<PlanItem>)) {
        let plan = self.plans.entry(part.to_string()).or_default();
        edit(plan);
        if plan.is_empty() {
            self.plans.remove(part);
        }
        self.touch(change);
    }

    /// Marks the assessment as changed now, by whoever is making the change.
    pub fn touch(&mut self, change: &Change) {
        self.updated = change.at;
        self.updated_by = change.who.clone();
    }

    /// The date completed, once typed in full.
    pub fn completed_on(&self) -> Option<NaiveDate> {
        typed_date(&self.completed)
    }

    /// The review date typed, or else a year after the date completed.
    pub fn review_on(&self) -> Option<NaiveDate> {
        if self.review.is_empty() {
            self.completed_on()?.checked_add_months(Months::new(12))
        } else {
            typed_date(&self.review)
        }
    }

    /// Whether the review date is the default (nothing typed for it).
    pub fn review_is_default(&self) -> bool {
        self.review.is_empty()
    }

    /// "NCMG good practice principles (2016), April 2025 to March 2026".
    pub fn name(&self) -> String {
        if self.period.is_empty() {
            self.framework().title.to_string()
        } else {
            format!("{}, {}", self.framework().title, self.period)
        }
    }
}

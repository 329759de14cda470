//! The advocate's workspace: a complaint made *to* another organisation, on someone's behalf or
//! by the person themselves. It is a record with an [`Outgoing`] part, so the same engine counts
//! what the organisation owes; the drafting answers, the letters, what to do next and the
//! Ombudsman pack are worked out here.

pub mod letters;
pub mod next;
pub mod pack;
mod start;

pub use start::{CaseDraft, case_reference, likely_procedure, mark_sent, not_sure_hint, set_answer, time_limit_hint};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the person says, in their words, gathered one question at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Answers {
    pub what_happened: String,
    pub when: String,
    pub who: String,
    pub impact: String,
    pub wanted: String,
    pub adjustments: String,
    pub contact: String,
}

/// The questions, in order: each field's code, the question, and a hint in plain words.
pub const QUESTIONS: [(&str, &str, &str); 7] = [
    (
        "what-happened",
        "What happened?",
        "Say it the way you would tell a friend. Short sentences are fine.",
    ),
    (
        "when",
        "When did it happen?",
        "Dates, or roughly when: “since March”, “on 3 June”.",
    ),
    (
        "who",
        "Who was involved?",
        "Names or jobs, if you know them: “the social worker”, “the care agency”.",
    ),
    (
        "impact",
        "How has it affected the person?",
        "What it has meant for them and their family.",
    ),
    (
        "wanted",
        "What do they want to happen now?",
        "For example: an apology, a meeting, a change, the service put right.",
    ),
    (
        "adjustments",
        "Do they need anything to take part?",
        "For example: large print, an interpreter, meetings at home, more time.",
    ),
    (
        "contact",
        "How do they want to be contacted?",
        "For example: by letter, by phone through the advocate, by email.",
    ),
];

impl Answers {
    pub fn get(&self, code: &str) -> &str {
        match code {
            "what-happened" => &self.what_happened,
            "when" => &self.when,
            "who" => &self.who,
            "impact" => &self.impact,
            "wanted" => &self.wanted,
            "adjustments" => &self.adjustments,
            _ => &self.contact,
        }
    }

    pub fn set(&mut self, code: &str, text: String) {
        match code {
            "what-happened" => self.what_happened = text,
            "when" => self.when = text,
            "who" => self.who = text,
            "impact" => self.impact = text,
            "wanted" => self.wanted = text,
            "adjustments" => self.adjustments = text,
            _ => self.contact = text,
        }
    }

    /// How many of the questions have an answer.
    pub fn answered(&self) -> usize {
        QUESTIONS
            .iter()
            .filter(|(code, _, _)| !self.get(code).trim().is_empty())
            .count()
    }
}

/// The part of a record that makes it a complaint to another organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Outgoing {
    /// The organisation complained to.
    pub organisation: String,
    /// Its postal address, for the letters (one line of the address a line).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation_address: String,
    /// Who is complaining for the person, if not the person themselves.
    #[serde(default)]
    pub advocate: String,
    /// The date the person agreed the advocate may act for them.
    #[serde(default)]
    pub authority: Option<NaiveDate>,
    #[serde(default)]
    pub answers: Answers,
    /// The complaint letter as last edited.
    #[serde(default)]
    pub letter: String,
    /// When the complaint was sent; the organisation's clock starts when it is received.
    #[serde(default)]
    pub sent: Option<NaiveDate>,
}

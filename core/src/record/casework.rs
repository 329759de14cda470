//! The work on a record after intake: the correspondence log, remedies, actions, learning and
//! restrictions on contact (DOMAIN.md, "Outcomes, remedies, actions, learning"; Code 5.8, §7,
//! 5.10–5.11; NCMG 4.4, 5.5).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CorrespondenceKind {
    Letter,
    Email,
    Call,
    Meeting,
}

impl CorrespondenceKind {
    /// The stable code used in stored data and form values.
    pub fn code(self) -> String {
        crate::choice::to_code(self)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        crate::choice::from_code(code)
    }

    pub const ALL: [CorrespondenceKind; 4] = [
        CorrespondenceKind::Letter,
        CorrespondenceKind::Email,
        CorrespondenceKind::Call,
        CorrespondenceKind::Meeting,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CorrespondenceKind::Letter => "Letter",
            CorrespondenceKind::Email => "Email",
            CorrespondenceKind::Call => "Phone call",
            CorrespondenceKind::Meeting => "Meeting",
        }
    }
}

/// One dated contact, with a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Correspondence {
    pub date: NaiveDate,
    pub kind: CorrespondenceKind,
    pub note: String,
    /// For a letter drafted by Redress and marked sent: which one, at which stage
    /// (`acknowledgement@1`), so sending it twice is noticed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<String>,
}

/// The kinds of remedy of Code §7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RemedyKind {
    Apology,
    AcknowledgingWhatWentWrong,
    ExplanationOrAssistance,
    ActionOnDelay,
    ReconsideringADecision,
    AmendingARecord,
    Financial,
    ChangingPolicyOrPractice,
}

impl RemedyKind {
    /// The stable code used in stored data and form values.
    pub fn code(self) -> String {
        crate::choice::to_code(self)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        crate::choice::from_code(code)
    }

    pub const ALL: [RemedyKind; 8] = [
        RemedyKind::Apology,
        RemedyKind::AcknowledgingWhatWentWrong,
        RemedyKind::ExplanationOrAssistance,
        RemedyKind::ActionOnDelay,
        RemedyKind::ReconsideringADecision,
        RemedyKind::AmendingARecord,
        RemedyKind::Financial,
        RemedyKind::ChangingPolicyOrPractice,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RemedyKind::Apology => "Apology",
            RemedyKind::AcknowledgingWhatWentWrong => "Acknowledging what went wrong",
            RemedyKind::ExplanationOrAssistance => "Explanation or assistance",
            RemedyKind::ActionOnDelay => "Action on a delay",
            RemedyKind::ReconsideringADecision => "Reconsidering a decision",
            RemedyKind::AmendingARecord => "Amending a record",
            RemedyKind::Financial => "Financial remedy",
            RemedyKind::ChangingPolicyOrPractice => "Changing policy or practice",
        }
    }
}

/// A remedy: what will happen, by when, and whether it was delivered (Code 7.3, 7.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Remedy {
    pub kind: RemedyKind,
    pub what: String,
    /// For a financial remedy, in pence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_pence: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered: Option<NaiveDate>,
    /// A remedy that cannot be delivered: why, and what is offered instead (Code 7.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_deliverable: Option<NotDeliverable>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NotDeliverable {
    pub reason: String,
    pub alternative: String,
}

/// An action: what, who is responsible, by when, when done (NCMG 4.4, 4.5, 5.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Action {
    pub what: String,
    pub who: String,
    pub by: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
    /// When the person was told it was done (NCMG 5.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub told: Option<NaiveDate>,
}

/// A restriction on contact for unacceptable behaviour (Code 5.10–5.11): what is restricted,
/// why, who decided and when, and when it is to be reviewed. It stays in force, and its review
/// stays due, until it is lifted, even once the record is closed: it is about the person, not
/// the complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Restriction {
    /// What is restricted: "Contact by email only, to one named officer".
    pub what: String,
    /// The behaviour it answers, as the person was told.
    pub why: String,
    pub decided_by: String,
    pub decided: NaiveDate,
    pub review: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifted: Option<NaiveDate>,
}

/// A short statement of what changed, marked for publication ("you said, we did").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Learning {
    pub statement: String,
    pub publish: bool,
}

/// "£1,250.00" from pence.
pub fn pounds(pence: i64) -> String {
    let pounds = pence / 100;
    // `unsigned_abs`: the most negative amount has no positive i64.
    let digits = pounds.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if pence < 0 { "-" } else { "" };
    format!("{sign}£{grouped}.{:02}", (pence % 100).abs())
}

/// Pence from "£1,250.50", "1250.5" or "1250"; `None` when it is not an amount of money.
pub fn parse_pounds(text: &str) -> Option<i64> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('£')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || fraction.len() > 2 {
        return None;
    }
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let pence = format!("{fraction:0<2}").parse::<i64>().ok()?;
    whole.parse::<i64>().ok()?.checked_mul(100)?.checked_add(pence)
}

/// The person's feedback on how their complaint was handled (NCMG 5.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Feedback {
    pub date: NaiveDate,
    /// "Yes", "Partly" or "No".
    pub satisfied: String,
    pub comments: String,
}

pub const SATISFACTION: [&str; 3] = ["Yes", "Partly", "No"];

//! What is asked at intake and triage: who raised it, what they want, safeguarding, the risk
//! assessment, and whether the complaint is accepted (Code §2; NCMG 2.7–2.9, 3.2).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who raised it, in relation to the person it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ComplainantType {
    ServiceUser,
    Parent,
    Relative,
    Carer,
    Advocate,
    MpOrCouncillor,
    OtherRepresentative,
    Professional,
    Anonymous,
}

impl ComplainantType {
    pub const ALL: [ComplainantType; 9] = [
        ComplainantType::ServiceUser,
        ComplainantType::Parent,
        ComplainantType::Relative,
        ComplainantType::Carer,
        ComplainantType::Advocate,
        ComplainantType::MpOrCouncillor,
        ComplainantType::OtherRepresentative,
        ComplainantType::Professional,
        ComplainantType::Anonymous,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ComplainantType::ServiceUser => "The person who uses the service",
            ComplainantType::Parent => "Parent",
            ComplainantType::Relative => "Relative",
            ComplainantType::Carer => "Carer",
            ComplainantType::Advocate => "Advocate",
            ComplainantType::MpOrCouncillor => "MP or councillor",
            ComplainantType::OtherRepresentative => "Other representative",
            ComplainantType::Professional => "Professional",
            ComplainantType::Anonymous => "Anonymous",
        }
    }

    pub fn code(self) -> String {
        crate::choice::to_code(self)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        crate::choice::from_code(code)
    }

    /// Someone acting for the person needs their consent or authority (NCMG 1.7; Code 1.5).
    pub fn is_representative(self) -> bool {
        !matches!(self, ComplainantType::ServiceUser | ComplainantType::Anonymous)
    }
}

/// A safeguarding referral made alongside the complaint, which goes on in parallel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Safeguarding {
    /// Children's safeguarding, MASH, LADO or adult safeguarding.
    pub referred_to: String,
    pub date: NaiveDate,
}

pub const SAFEGUARDING_REFERRALS: [&str; 4] = ["Children’s safeguarding", "MASH", "LADO", "Adult safeguarding"];

/// Seriousness 1–5 × likelihood of recurrence 1–5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RiskAssessment {
    pub seriousness: u8,
    pub likelihood: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
pub enum RiskLevel {
    Low,
    Moderate,
    High,
    Extreme,
}

impl RiskLevel {
    /// 1–3 Low, 4–6 Moderate, 8–12 High, 15–25 Extreme (the products 7, 13 and 14 cannot occur).
    pub fn of(score: u8) -> RiskLevel {
        match score {
            0..=3 => RiskLevel::Low,
            4..=6 => RiskLevel::Moderate,
            7..=12 => RiskLevel::High,
            _ => RiskLevel::Extreme,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            RiskLevel::Low => "Low",
            RiskLevel::Moderate => "Moderate",
            RiskLevel::High => "High",
            RiskLevel::Extreme => "Extreme",
        }
    }
}

pub const SERIOUSNESS: [&str; 5] = [
    "Unsatisfactory service not directly related to care",
    "Related to care: a single resolvable issue",
    "Below reasonable expectations in several ways, some potential for litigation",
    "Significant issues of standards, quality of care, safeguarding or rights",
    "Serious issues that may cause long-term damage",
];

pub const LIKELIHOOD: [&str; 5] = [
    "Rare (a one-off)",
    "Unlikely",
    "Possible",
    "Likely (several times a year)",
    "Almost certain",
];

impl RiskAssessment {
    pub fn new(seriousness: u8, likelihood: u8) -> Option<Self> {
        ((1..=5).contains(&seriousness) && (1..=5).contains(&likelihood)).then_some(Self {
            seriousness,
            likelihood,
        })
    }

    pub fn score(self) -> u8 {
        self.seriousness * self.likelihood
    }

    pub fn level(self) -> RiskLevel {
        RiskLevel::of(self.score())
    }
}

/// Why a complaint was not taken on (Code §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NotAcceptedReason {
    CourtProceedings,
    OlderThan12Months,
    NoConsent,
    SeparateAppealRoute,
    InsuranceClaim,
    Whistleblowing,
    ContractIssue,
    AnotherOrganisation,
    CommissionedProvider,
}

impl NotAcceptedReason {
    pub const ALL: [NotAcceptedReason; 9] = [
        NotAcceptedReason::CourtProceedings,
        NotAcceptedReason::OlderThan12Months,
        NotAcceptedReason::NoConsent,
        NotAcceptedReason::SeparateAppealRoute,
        NotAcceptedReason::InsuranceClaim,
        NotAcceptedReason::Whistleblowing,
        NotAcceptedReason::ContractIssue,
        NotAcceptedReason::AnotherOrganisation,
        NotAcceptedReason::CommissionedProvider,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NotAcceptedReason::CourtProceedings => "Court proceedings",
            NotAcceptedReason::OlderThan12Months => "Older than 12 months",
            NotAcceptedReason::NoConsent => "No consent, or not enough interest in the matter",
            NotAcceptedReason::SeparateAppealRoute => "There is a separate appeal route",
            NotAcceptedReason::InsuranceClaim => "An insurance claim",
            NotAcceptedReason::Whistleblowing => "Whistleblowing",
            NotAcceptedReason::ContractIssue => "A contract issue",
            NotAcceptedReason::AnotherOrganisation => "Another organisation’s matter",
            NotAcceptedReason::CommissionedProvider => "A commissioned provider’s own complaint",
        }
    }

    pub fn code(self) -> String {
        crate::choice::to_code(self)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        crate::choice::from_code(code)
    }
}

/// The decision to take a complaint on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case", tag = "decision")]
pub enum Acceptance {
    #[default]
    Accepted,
    /// Made after the 12-month limit and accepted all the same, with the reason.
    AcceptedOutOfTime { reason: String },
    NotAccepted {
        reason: NotAcceptedReason,
        detail: String,
        told_of_ombudsman: bool,
    },
}

/// A reasonable adjustment or accessible format agreed with the person (Code 5.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Adjustment {
    pub what: String,
    pub agreed: NaiveDate,
    pub review: Option<NaiveDate>,
}

pub const CONTACT_METHODS: [&str; 5] = ["Phone", "Email", "Letter", "Text message", "In person"];

/// Optional equality monitoring; every answer may be "Prefer not to say".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Equality {
    pub age_band: String,
    pub disability: String,
    pub ethnicity: String,
    pub sex: String,
}

pub const PREFER_NOT_TO_SAY: &str = "Prefer not to say";
pub const AGE_BANDS: [&str; 7] = [
    "Under 18",
    "18 to 24",
    "25 to 44",
    "45 to 64",
    "65 to 84",
    "85 or over",
    PREFER_NOT_TO_SAY,
];
pub const YES_NO: [&str; 3] = ["Yes", "No", PREFER_NOT_TO_SAY];
pub const SEXES: [&str; 3] = ["Female", "Male", PREFER_NOT_TO_SAY];
pub const ETHNIC_GROUPS: [&str; 6] = [
    "Asian or Asian British",
    "Black, Black British, Caribbean or African",
    "Mixed or multiple ethnic groups",
    "White",
    "Another ethnic group",
    PREFER_NOT_TO_SAY,
];

/// Everything asked at intake and triage beyond the basics.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Intake {
    pub complainant_type: Option<ComplainantType>,
    /// For a representative: the person's consent (with its date) or the reason someone else
    /// acts for them (Code 1.5).
    pub authority: Option<super::person::Authority>,
    pub adjustments: Vec<Adjustment>,
    pub advocacy_offered: bool,
    pub advocacy_taken_up: bool,
    pub advocate: String,
    pub service_area: String,
    pub subjects: Vec<String>,
    /// What the person wants to happen, agreed with them at the outset (NCMG 3.2; Code 6.12).
    pub desired_outcome: String,
    pub safeguarding: Option<Safeguarding>,
    pub risk: Option<RiskAssessment>,
    pub acceptance: Acceptance,
    pub equality: Equality,
    pub time_spent_minutes: Option<u32>,
}

//! The people on a record: the person it is about and, when someone else raised it, who did,
//! each with how to reach them (NCMG 3.4) and the format they need (Code 5.6); and a
//! representative's authority to act (Code 1.5; the 2006 and 2009 regulations). Letters go to
//! whoever should receive them, at their address.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A person and how to reach them. Everything may be empty (an anonymous concern has no one).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Person {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// A postal address, one line of the address a line.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// One of [`CONTACT_METHODS`](super::intake::CONTACT_METHODS), or empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub preferred_contact: String,
    /// One of [`FORMATS`], or empty for standard print.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub format: String,
}

/// Accessible formats a person may need their letters in (Code 5.6).
pub const FORMATS: [&str; 6] = ["Large print", "Easy read", "Braille", "Audio", "British Sign Language", "Another language"];

/// The format that makes a letter print large.
pub const LARGE_PRINT: &str = "Large print";

impl Person {
    pub fn named(name: &str) -> Self {
        Person {
            name: name.trim().to_string(),
            ..Person::default()
        }
    }

    /// Whether nothing is known of the person.
    pub fn is_empty(&self) -> bool {
        *self == Person::default()
    }

    /// Whether their letters should print large.
    pub fn large_print(&self) -> bool {
        self.format == LARGE_PRINT
    }

    /// The address as lines, empty lines left out.
    pub fn address_lines(&self) -> Vec<&str> {
        self.address.lines().map(str::trim).filter(|line| !line.is_empty()).collect()
    }
}

/// Why someone else may act for the person (Code 1.5: with their consent, or with the
/// authority to; the 2009 regulations, reg. 5(1): a person who has died, a child, a person
/// unable to act through physical incapacity or lack of capacity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case", tag = "basis")]
pub enum Authority {
    /// The person agreed, on this date.
    Consent { given: NaiveDate },
    /// The person is a child, and the representative acts for them.
    Child,
    /// The person lacks the capacity to complain, or cannot through physical incapacity.
    LacksCapacity,
    /// The person has died.
    Died,
}

impl Authority {
    /// Codes for the choice on the page, in the order shown.
    pub const CODES: [&'static str; 4] = ["consent", "child", "lacks-capacity", "died"];

    pub fn code(self) -> &'static str {
        match self {
            Authority::Consent { .. } => "consent",
            Authority::Child => "child",
            Authority::LacksCapacity => "lacks-capacity",
            Authority::Died => "died",
        }
    }

    /// The choice's words for a code.
    pub fn name_of(code: &str) -> &'static str {
        match code {
            "consent" => "The person agreed (consent)",
            "child" => "The person is a child",
            "lacks-capacity" => "The person lacks capacity, or cannot act through physical incapacity",
            "died" => "The person has died",
            _ => "",
        }
    }

    /// In a sentence, for the record page: "Consent given 2 Oct 2026".
    pub fn words(self) -> String {
        match self {
            Authority::Consent { given } => format!("Consent given {}", crate::format::day_short_month(given)),
            Authority::Child => "The person is a child".into(),
            Authority::LacksCapacity => "The person lacks capacity".into(),
            Authority::Died => "The person has died".into(),
        }
    }

    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Authority::Consent { given } => Some(given),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_lines_leave_out_blank_ones() {
        let person = Person {
            address: "12 High Street\n\n  Exampletown \nEX1 2AB".into(),
            ..Person::named(" Susan Jones ")
        };
        assert_eq!(person.name, "Susan Jones");
        assert_eq!(person.address_lines(), ["12 High Street", "Exampletown", "EX1 2AB"]);
        assert!(!person.is_empty());
        assert!(Person::default().is_empty());
    }

    #[test]
    fn an_authority_reads_as_it_is_written() {
        let consent = Authority::Consent {
            given: NaiveDate::from_ymd_opt(2026, 10, 2).unwrap_or_default(),
        };
        let text = serde_json::to_string(&consent).unwrap_or_default();
        assert_eq!(text, r#"{"basis":"consent","given":"2026-10-02"}"#);
        assert_eq!(serde_json::from_str::<Authority>(&text).ok(), Some(consent));
        assert_eq!(consent.words(), "Consent given 2 Oct 2026");
        for code in Authority::CODES {
            assert!(!Authority::name_of(code).is_empty());
        }
    }
}

//! The people on a record: the person it is about and, when someone else raised it, who did,
//! each with how to reach them (NCMG 3.4) and the format they need (Code 5.6); and a
//! representative's authority to act (Code 1.5; the 2006 and 2009 regulations). Letters go to
//! whoever should receive them, at their address.

use crate::problem::{Problem, Problems};
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
pub const FORMATS: [&str; 6] = [
    "Large print",
    "Easy read",
    "Braille",
    "Audio",
    "British Sign Language",
    "Another language",
];

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
        self.address
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect()
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

/// A person as typed into a form: checked into a [`Person`], every problem named by the id of
/// its input (`<prefix>-name`, `<prefix>-email`…).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonDraft {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub preferred_contact: String,
    pub format: String,
}

impl PersonDraft {
    pub fn from_person(person: &Person) -> Self {
        PersonDraft {
            name: person.name.clone(),
            address: person.address.clone(),
            phone: person.phone.clone(),
            email: person.email.clone(),
            preferred_contact: person.preferred_contact.clone(),
            format: person.format.clone(),
        }
    }

    /// Whether nothing has been typed.
    pub fn is_empty(&self) -> bool {
        [
            &self.name,
            &self.address,
            &self.phone,
            &self.email,
            &self.preferred_contact,
            &self.format,
        ]
        .iter()
        .all(|text| text.trim().is_empty())
    }

    /// The person, or the problems with what was typed, each at `<prefix>-<field>`.
    pub fn check(&self, prefix: &str, problems: &mut Problems) -> Person {
        let at = |field: &str| format!("{prefix}-{field}");
        let name = self.name.trim();
        if name.chars().count() > super::draft::NAME_MAX {
            problems.push(Problem::new(
                at("name"),
                format!("Name must be {} characters or fewer", super::draft::NAME_MAX),
            ));
        }
        let email = self.email.trim();
        if !email.is_empty() && !looks_like_email(email) {
            problems.push(Problem::new(
                at("email"),
                "Enter an email address in the correct format, like name@example.com",
            ));
        }
        let phone = self.phone.trim();
        if !phone.is_empty() && !looks_like_phone(phone) {
            problems.push(Problem::new(
                at("phone"),
                "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
            ));
        }
        let person = Person {
            name: name.into(),
            address: self
                .address
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
            phone: phone.into(),
            email: email.into(),
            preferred_contact: self.preferred_contact.clone(),
            format: self.format.clone(),
        };
        if let Some(missing) = person.missing_for_contact() {
            problems.push(Problem::new(at(missing.0), missing.1));
        }
        person
    }
}

impl Person {
    /// When the way they want to be contacted needs a detail that is not there: the field and
    /// what to say ("Enter their email address, or choose another way to contact them").
    pub fn missing_for_contact(&self) -> Option<(&'static str, &'static str)> {
        match self.preferred_contact.as_str() {
            "Email" if self.email.is_empty() => Some((
                "email",
                "Enter their email address, or choose another way to contact them",
            )),
            "Phone" | "Text message" if self.phone.is_empty() => Some((
                "phone",
                "Enter their telephone number, or choose another way to contact them",
            )),
            "Letter" if self.address.is_empty() => {
                Some(("address", "Enter their address, or choose another way to contact them"))
            }
            _ => None,
        }
    }

    /// Whether they can be reached the way they want to be.
    pub fn reachable(&self) -> bool {
        !self.preferred_contact.is_empty() && self.missing_for_contact().is_none()
    }
}

/// Something@something.something, with no spaces: GOV.UK's check of an email address's shape.
fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// Digits, spaces and the usual marks (+, brackets, dashes), with at least seven digits.
fn looks_like_phone(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_digit() || " +()-".contains(c))
        && text.chars().filter(char::is_ascii_digit).count() >= 7
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

    #[test]
    fn a_typed_person_is_checked_field_by_field() {
        let mut problems = Problems::new();
        let typed = PersonDraft {
            name: "Susan Jones".into(),
            email: "susan at example".into(),
            phone: "call me".into(),
            preferred_contact: "Letter".into(),
            ..PersonDraft::default()
        };
        let person = typed.check("raised-by", &mut problems);
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["raised-by-email", "raised-by-phone", "raised-by-address"]);
        assert_eq!(person.name, "Susan Jones");
        let mut none = Problems::new();
        let fine = PersonDraft {
            email: "susan.jones@example.org".into(),
            phone: "+44 (0)7700 900 982".into(),
            address: " 12 High Street \n\nExampletown ".into(),
            preferred_contact: "Email".into(),
            ..PersonDraft::default()
        }
        .check("person", &mut none);
        assert!(none.is_empty(), "{none:?}");
        assert_eq!(fine.address, "12 High Street\nExampletown");
        assert!(fine.reachable());
    }
}

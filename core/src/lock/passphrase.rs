//! A new passphrase as typed twice: its checks, and a hint of how hard it is to guess.
//!
//! The hint follows the NCSC's advice (three random words) and counts what makes a guess costly:
//! length above all. It is a hint, not a rule: only a passphrase too short, or typed differently
//! twice, is refused.

use crate::problem::Problem;

/// The fewest characters a passphrase may have.
pub const MIN_CHARACTERS: usize = 10;

/// The passphrase form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewPassphrase {
    pub passphrase: String,
    pub again: String,
}

/// How hard a passphrase looks to guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Strong,
}

impl Strength {
    /// The strength in a word or two, for the tag.
    pub fn label(self) -> &'static str {
        match self {
            Strength::TooShort => "Too short",
            Strength::Weak => "Weak",
            Strength::Fair => "Fair",
            Strength::Strong => "Strong",
        }
    }

    /// What to do about it, after the tag.
    pub fn words(self) -> &'static str {
        match self {
            Strength::TooShort => "Use at least 10 characters.",
            Strength::Weak => "Easy to guess: add more words.",
            Strength::Fair => "Another word would make it strong.",
            Strength::Strong => "Hard to guess.",
        }
    }

    /// The GOV.UK tag colour for the hint.
    pub fn colour(self) -> &'static str {
        match self {
            Strength::TooShort | Strength::Weak => "red",
            Strength::Fair => "yellow",
            Strength::Strong => "green",
        }
    }
}

/// A rough strength: length, the kinds of character used, and words; a passphrase that is one
/// character over and over, or a well-known one, is weak however long.
pub fn strength(passphrase: &str) -> Strength {
    let length = passphrase.chars().count();
    if length < MIN_CHARACTERS {
        return Strength::TooShort;
    }
    let distinct: std::collections::HashSet<char> = passphrase.to_lowercase().chars().collect();
    let lower = passphrase.to_lowercase();
    let common = ["password", "qwerty", "123456", "letmein", "redress", "complaint"];
    if distinct.len() < 5 || common.iter().any(|c| lower.contains(c)) && length < 20 {
        return Strength::Weak;
    }
    let kinds = [
        passphrase.chars().any(|c| c.is_lowercase()),
        passphrase.chars().any(|c| c.is_uppercase()),
        passphrase.chars().any(|c| c.is_ascii_digit()),
        passphrase.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|k| **k)
    .count();
    let words = passphrase
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 3)
        .count();
    if length >= 20 || (words >= 3 && length >= 15) || (length >= 14 && kinds >= 3) {
        Strength::Strong
    } else if length >= 12 || kinds >= 3 {
        Strength::Fair
    } else {
        Strength::Weak
    }
}

impl NewPassphrase {
    /// The passphrase, or every problem with what was typed (field ids `passphrase` and
    /// `passphrase-again`).
    pub fn check(&self) -> Result<&str, Vec<Problem>> {
        let mut problems = Vec::new();
        if self.passphrase.is_empty() {
            problems.push(Problem::new("passphrase", "Enter a passphrase"));
        } else if self.passphrase.chars().count() < MIN_CHARACTERS {
            problems.push(Problem::new(
                "passphrase",
                format!("The passphrase must be {MIN_CHARACTERS} characters or more"),
            ));
        } else if self.passphrase.trim() != self.passphrase {
            problems.push(Problem::new(
                "passphrase",
                "The passphrase must not start or end with a space",
            ));
        }
        if self.again.is_empty() {
            if !self.passphrase.is_empty() {
                problems.push(Problem::new("passphrase-again", "Enter the passphrase again"));
            }
        } else if self.again != self.passphrase {
            problems.push(Problem::new(
                "passphrase-again",
                "The passphrases do not match: type the same passphrase in both boxes",
            ));
        }
        if problems.is_empty() {
            Ok(&self.passphrase)
        } else {
            Err(problems)
        }
    }
}

/// The passphrase asked for to unlock, change or remove the lock.
pub fn check_given(passphrase: &str) -> Result<&str, Problem> {
    if passphrase.is_empty() {
        Err(Problem::new("passphrase", "Enter your passphrase"))
    } else {
        Ok(passphrase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_matters_most() {
        assert_eq!(strength("short"), Strength::TooShort);
        assert_eq!(strength("aaaaaaaaaaaa"), Strength::Weak);
        assert_eq!(strength("password12345"), Strength::Weak);
        assert_eq!(strength("kettlebox"), Strength::TooShort);
        assert_eq!(strength("kettleboxes"), Strength::Weak);
        assert_eq!(strength("kettle-boxes"), Strength::Fair);
        assert_eq!(strength("kettle orange violin"), Strength::Strong);
        assert_eq!(strength("Tr0ub4dor&3x!"), Strength::Fair);
        assert_eq!(strength("Tr0ub4dor&3x!Zq"), Strength::Strong);
        assert_eq!(Strength::Strong.label(), "Strong");
        assert!(Strength::TooShort.words().contains("10 characters"));
        assert_eq!(Strength::Weak.colour(), "red");
    }

    #[test]
    fn the_two_boxes_must_agree_and_the_first_must_be_long_enough() {
        let typed = |p: &str, a: &str| NewPassphrase {
            passphrase: p.into(),
            again: a.into(),
        };
        assert_eq!(
            typed("kettle orange violin", "kettle orange violin").check(),
            Ok("kettle orange violin")
        );
        let problems = typed("", "").check().unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, "Enter a passphrase");
        let problems = typed("short", "short").check().unwrap_err();
        assert_eq!(problems[0].message, "The passphrase must be 10 characters or more");
        let problems = typed("kettle orange violin", "kettle orange viola")
            .check()
            .unwrap_err();
        assert_eq!(problems[0].field, "passphrase-again");
        let problems = typed("kettle orange violin", "").check().unwrap_err();
        assert_eq!(problems[0].message, "Enter the passphrase again");
        let problems = typed(" kettle orange violin", " kettle orange violin")
            .check()
            .unwrap_err();
        assert!(problems[0].message.contains("space"));
        assert!(check_given("").is_err());
    }
}

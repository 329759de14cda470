//! Choices a person picks from a list — a kind of record, an outcome, a remedy — as one trait
//! every coded enum of the core implements ([`Coded`]: `ALL`, `code`, `name`), so every form
//! draws its radios from it; and the stable codes (`partially-upheld`, `older-than12-months`),
//! the kebab-case names serde stores, used as form values so a page and the stored data agree.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The stored code of a choice.
pub fn to_code<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The choice with this stored code.
pub fn from_code<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

/// A choice from a fixed list: every value in the order a form offers them, the code kept in
/// stored data and sent by the form, and the words a person reads.
pub trait Coded: Copy + 'static {
    /// Every value a person can choose, in the order they are offered.
    const ALL: &'static [Self];
    /// The stable code: stored, and the form's value.
    fn code(self) -> String;
    /// The words shown for it.
    fn name(self) -> &'static str;
    /// A hint shown under the choice, where one helps.
    fn hint(self) -> Option<&'static str> {
        None
    }
    /// The value with this code, among those a person can choose.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.code() == code)
    }
}

/// Implements [`Coded`] for an enum from its own `ALL` (or the list given), `code` and `name`.
macro_rules! coded {
    ($type:ty) => {
        coded!($type, <$type>::ALL);
    };
    ($type:ty, $all:expr) => {
        impl $crate::choice::Coded for $type {
            const ALL: &'static [Self] = &$all;
            fn code(self) -> String {
                <$type>::code(self).to_string()
            }
            fn name(self) -> &'static str {
                <$type>::name(self)
            }
        }
    };
}

impl Coded for crate::record::RecordKind {
    const ALL: &'static [Self] = &Self::ALL;
    fn code(self) -> String {
        Self::code(self).to_string()
    }
    fn name(self) -> &'static str {
        Self::name(self)
    }
    fn hint(self) -> Option<&'static str> {
        Some(Self::hint(self))
    }
}
coded!(crate::record::EventKind);

impl Coded for crate::calendar::Nation {
    const ALL: &'static [Self] = &Self::ALL;
    fn code(self) -> String {
        to_code(self)
    }
    fn name(self) -> &'static str {
        Self::name(self)
    }
}
coded!(crate::record::Outcome);
coded!(crate::record::ConcernOutcome, crate::record::ConcernOutcome::CHOOSABLE);
coded!(crate::record::ombudsman::OmbudsmanDecision);
coded!(crate::record::casework::CorrespondenceKind);
coded!(crate::record::casework::RemedyKind);
coded!(crate::record::intake::ComplainantType);
coded!(crate::record::intake::NotAcceptedReason);

#[cfg(test)]
mod tests {
    use super::Coded;
    use crate::record::casework::RemedyKind;
    use crate::record::{ConcernOutcome, EventKind, Outcome, RecordKind};

    fn round_trips<T: Coded + PartialEq + std::fmt::Debug>() {
        assert!(!T::ALL.is_empty());
        let mut codes: Vec<String> = T::ALL.iter().map(|v| v.code()).collect();
        for value in T::ALL {
            assert!(!value.code().is_empty(), "{value:?} has a code");
            assert!(!value.name().is_empty(), "{value:?} has words");
            assert_eq!(T::from_code(&value.code()), Some(*value));
        }
        crate::order::sort_dedup(&mut codes);
        assert_eq!(codes.len(), T::ALL.len(), "codes are unique");
    }

    #[test]
    fn every_coded_choice_has_a_unique_code_that_reads_back() {
        round_trips::<RecordKind>();
        round_trips::<EventKind>();
        round_trips::<Outcome>();
        round_trips::<ConcernOutcome>();
        round_trips::<RemedyKind>();
        round_trips::<crate::record::casework::CorrespondenceKind>();
        round_trips::<crate::record::intake::ComplainantType>();
        round_trips::<crate::record::intake::NotAcceptedReason>();
        round_trips::<crate::record::ombudsman::OmbudsmanDecision>();
        assert_eq!(RecordKind::from_code("nonsense"), None);
        assert_eq!(<EventKind as Coded>::ALL.len(), 10);
    }
}

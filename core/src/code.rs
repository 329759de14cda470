//! Stable codes for choices (`partially-upheld`, `older-than12-months`): the kebab-case names
//! serde stores, used as form values so a page and the stored data always agree.

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

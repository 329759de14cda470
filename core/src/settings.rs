//! The organisation's settings, kept on the device beside its records.

use serde::{Deserialize, Serialize};

/// Longest organisation name accepted.
pub const ORGANISATION_NAME_MAX: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Shown in the header and on letters and reports.
    pub organisation_name: String,
}

impl Settings {
    /// Checks a new organisation name; the error says what is wrong in words for the page.
    pub fn with_organisation_name(&self, name: &str) -> Result<Settings, String> {
        let name = name.trim();
        if name.chars().count() > ORGANISATION_NAME_MAX {
            return Err(format!(
                "Organisation name must be {ORGANISATION_NAME_MAX} characters or fewer"
            ));
        }
        let mut settings = self.clone();
        settings.organisation_name = name.to_string();
        Ok(settings)
    }
}

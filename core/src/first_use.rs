//! The first use of a device: who is using Redress and for which organisation, asked once, so
//! every history line names the person who made the change and letters sign off with both.

use crate::problem::{Problem, Problems};
use crate::settings::{ORGANISATION_NAME_MAX, Settings};

/// Whether Redress still needs to ask who is using it.
pub fn asks(settings: &Settings) -> bool {
    settings.user_name.trim().is_empty()
}

/// The two questions as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WhoDraft {
    pub user_name: String,
    pub organisation_name: String,
}

impl WhoDraft {
    /// What the settings already say.
    pub fn from(settings: &Settings) -> Self {
        WhoDraft {
            user_name: settings.user_name.clone(),
            organisation_name: settings.organisation_name.clone(),
        }
    }

    /// The settings with both answers, or a problem at `first-user-name` and
    /// `first-organisation-name` for each one missing or too long.
    pub fn apply(&self, current: &Settings) -> Result<Settings, Problems> {
        let mut problems = Problems::new();
        let mut answer = |typed: &str, field: &str, empty: &str, what: &str| {
            let typed = typed.trim();
            if typed.is_empty() {
                problems.push(Problem::new(field, empty));
            } else if typed.chars().count() > ORGANISATION_NAME_MAX {
                problems.push(Problem::new(
                    field,
                    format!("{what} must be {ORGANISATION_NAME_MAX} characters or fewer"),
                ));
            }
            typed.to_string()
        };
        let user_name = answer(&self.user_name, "first-user-name", "Enter your name", "Your name");
        let organisation_name = answer(
            &self.organisation_name,
            "first-organisation-name",
            "Enter the name of your organisation",
            "Organisation name",
        );
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Settings {
            user_name,
            organisation_name,
            ..current.clone()
        })
    }
}

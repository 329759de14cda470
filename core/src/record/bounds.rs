//! Values outside what the domain allows, named by their place (placeholder: helper A2 writes the
//! checks; these signatures let the restore path call them).

use super::Record;
use crate::assessment::Assessment;
use crate::exchange::file::Problem;
use crate::settings::Settings;

/// Every value of `record` outside what the domain allows.
pub fn check_record(_record: &Record) -> Vec<Problem> {
    Vec::new()
}

/// Every value of `assessment` outside what the domain allows.
pub fn check_assessment(_assessment: &Assessment) -> Vec<Problem> {
    Vec::new()
}

/// Every value of `settings` outside what the domain allows.
pub fn check_settings(_settings: &Settings) -> Vec<Problem> {
    Vec::new()
}

//! Starting an assessment: which framework, for whom and for what period — blank, or as a copy of
//! the last one against the same framework.

use super::framework::FrameworkId;
use super::model::Assessment;
use crate::problem::Problem;
use crate::record::Change;

/// What the start form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartDraft {
    /// A framework code, or empty when none was chosen.
    pub framework: String,
    pub organisation: String,
    pub period: String,
    /// Start from a copy of the latest assessment against the framework, when there is one.
    pub copy_last: bool,
}

impl StartDraft {
    /// The new assessment, or every problem with the form at once, each about its field
    /// ("framework", "organisation" or "period").
    pub fn start(&self, id: &str, existing: &[Assessment], change: &Change) -> Result<Assessment, Vec<Problem>> {
        let mut problems = Vec::new();
        let framework = FrameworkId::from_code(&self.framework);
        if framework.is_none() {
            problems.push(Problem::new("framework", "Select what to assess against"));
        }
        if self.organisation.trim().is_empty() {
            problems.push(Problem::new("organisation", "Enter the name of the organisation"));
        }
        if self.period.trim().is_empty() {
            problems.push(Problem::new("period", "Enter the period the assessment covers"));
        }
        let Some(framework) = framework.filter(|_| problems.is_empty()) else {
            return Err(problems);
        };
        let last = super::review::latest_of(existing, framework).filter(|_| self.copy_last);
        let mut assessment = match last {
            Some(last) => last.copy_as(id, self.period.trim(), change),
            None => Assessment::new(id, framework, &self.organisation, &self.period, change),
        };
        assessment.organisation = self.organisation.trim().into();
        Ok(assessment)
    }
}

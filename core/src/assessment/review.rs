//! An assessment's dates: what is wrong with those typed, and which assessments are past their
//! review date and so belong on My work.

use super::framework::FrameworkId;
use super::model::Assessment;
use crate::record::{DateInput, DatePart};
use chrono::NaiveDate;

/// A date box on an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateField {
    Completed,
    Review,
    /// The due date of a part's action-plan item (by position, from 0).
    PlanDue {
        part: String,
        index: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    pub field: DateField,
    pub message: String,
    /// The boxes to mark.
    pub parts: Vec<DatePart>,
}

fn check(input: &DateInput, label: &str, latest: NaiveDate) -> Option<(String, Vec<DatePart>)> {
    (!input.is_empty())
        .then(|| input.parse(label, latest).err().map(|e| (e.message, e.parts)))
        .flatten()
}

/// What is wrong with the dates typed so far. Empty boxes are not wrong: the assessment is
/// worked on over weeks, and a date is given when it is known.
pub fn date_problems(assessment: &Assessment, today: NaiveDate) -> Vec<DateProblem> {
    let mut problems = Vec::new();
    if let Some((message, parts)) = check(&assessment.completed, "Date completed", today) {
        problems.push(DateProblem {
            field: DateField::Completed,
            message,
            parts,
        });
    }
    if let Some((message, parts)) = check(&assessment.review, "Review date", NaiveDate::MAX) {
        problems.push(DateProblem {
            field: DateField::Review,
            message,
            parts,
        });
    } else if let (Some(completed), Some(review)) = (assessment.completed_on(), assessment.review_on())
        && review <= completed
    {
        problems.push(DateProblem {
            field: DateField::Review,
            message: "Review date must be after the date completed".into(),
            parts: vec![DatePart::Day, DatePart::Month, DatePart::Year],
        });
    }
    for (part, plan) in &assessment.plans {
        for (index, item) in plan.iter().enumerate() {
            let label = format!("Due date of action {}", index + 1);
            if let Some((message, parts)) = check(&item.due, &label, NaiveDate::MAX) {
                problems.push(DateProblem {
                    field: DateField::PlanDue {
                        part: part.clone(),
                        index,
                    },
                    message,
                    parts,
                });
            }
        }
    }
    problems
}

/// The NCMG framework is one series; the Code, in either mode, is another.
fn series(framework: FrameworkId) -> bool {
    framework == FrameworkId::Ncmg2016
}

/// An assessment whose review date has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDue {
    pub id: String,
    pub name: String,
    pub review: NaiveDate,
}

/// The latest assessment of each series when its review date is today or past. Starting the
/// next assessment (often as a copy) is what clears the reminder.
pub fn reviews_due(assessments: &[Assessment], today: NaiveDate) -> Vec<ReviewDue> {
    [true, false]
        .into_iter()
        .filter_map(|ncmg| {
            let latest = assessments
                .iter()
                .filter(|a| series(a.framework) == ncmg)
                .max_by_key(|a| a.created)?;
            let review = latest.review_on().filter(|date| *date <= today)?;
            Some(ReviewDue {
                id: latest.id.clone(),
                name: latest.name(),
                review,
            })
        })
        .collect()
}

/// Newest first, as the list of assessments shows them.
pub fn newest_first(assessments: &[Assessment]) -> Vec<&Assessment> {
    let mut list: Vec<&Assessment> = assessments.iter().collect();
    list.sort_by_key(|a| std::cmp::Reverse(a.created));
    list
}

/// The latest assessment against the same framework, to offer as the start of a new one.
pub fn latest_of(assessments: &[Assessment], framework: FrameworkId) -> Option<&Assessment> {
    assessments
        .iter()
        .filter(|a| a.framework == framework)
        .max_by_key(|a| a.created)
}

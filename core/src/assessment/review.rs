//! An assessment's dates: what is wrong with those typed, and which assessments are past their
//! review date and so belong on My work.

use super::framework::FrameworkId;
use super::model::Assessment;
use crate::problem::Problem;
use crate::record::DateInput;
use chrono::NaiveDate;

/// The id of the date completed's input on the details page (its boxes `completed-day`, …).
pub const COMPLETED_FIELD: &str = "completed";
/// The id of the review date's input on the details page.
pub const REVIEW_FIELD: &str = "review";

/// The id of the due date's input of a part's action-plan item (by position, from 0), on that
/// part's page: `plan-0-due`, its boxes `plan-0-due-day`, ….
pub fn plan_due_field(index: usize) -> String {
    format!("plan-{index}-due")
}

fn check(input: &DateInput, field: &str, label: &str, latest: NaiveDate) -> Option<Problem> {
    if input.is_empty() {
        return None;
    }
    input.parse(label, latest).err().map(|e| Problem::date(field, e))
}

/// What is wrong with the date completed and the review date typed so far, for the details
/// page. Empty boxes are not wrong: the assessment is worked on over weeks, and a date is given
/// when it is known.
pub fn details_problems(assessment: &Assessment, today: NaiveDate) -> Vec<Problem> {
    let mut problems = Vec::new();
    problems.extend(check(&assessment.completed, COMPLETED_FIELD, "Date completed", today));
    if let Some(problem) = check(&assessment.review, REVIEW_FIELD, "Review date", NaiveDate::MAX) {
        problems.push(problem);
    } else if let (Some(completed), Some(review)) = (assessment.completed_on(), assessment.review_on())
        && review <= completed
    {
        problems.push(Problem::whole_date(
            REVIEW_FIELD,
            "Review date must be after the date completed",
        ));
    }
    problems
}

/// What is wrong with the due dates typed so far in one part's action plan, for that part's
/// page. As with the details, empty boxes are not wrong.
pub fn plan_problems(assessment: &Assessment, part: &str) -> Vec<Problem> {
    assessment
        .plan(part)
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let label = format!("Due date of action {}", index + 1);
            check(&item.due, &plan_due_field(index), &label, NaiveDate::MAX)
        })
        .collect()
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
    crate::order::sort_by_key(&mut list, |a| std::cmp::Reverse(a.created));
    list
}

/// The latest assessment against the same framework, to offer as the start of a new one.
pub fn latest_of(assessments: &[Assessment], framework: FrameworkId) -> Option<&Assessment> {
    assessments
        .iter()
        .filter(|a| a.framework == framework)
        .max_by_key(|a| a.created)
}

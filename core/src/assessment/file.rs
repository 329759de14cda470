//! One assessment as a file of its own, to share with a governance board or another device:
//! written in the versioned envelope, and checked whole on the way back in, every problem named
//! with its place in the file.

use super::framework::Scale;
use super::model::Assessment;
use crate::exchange::{self, ASSESSMENT_FORMAT};

/// Something wrong with a file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// Where in the file: "data.entries.1.1.score", or "the file" for the whole.
    pub place: String,
    pub message: String,
}

/// The file's text: indented JSON in the "redress-assessment" envelope.
pub fn export(assessment: &Assessment) -> String {
    exchange::seal_file(ASSESSMENT_FORMAT, assessment)
}

/// A file name that says what the file holds, without personal details.
pub fn file_name(assessment: &Assessment) -> String {
    let period: String = assessment
        .period
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let period = period
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let when = if period.is_empty() {
        assessment.created.format("%Y-%m-%d").to_string()
    } else {
        period
    };
    format!("redress-assessment-{}-{when}.json", assessment.framework.code())
}

/// Reads a file written by [`export`], checking all of it: the assessment only when nothing is wrong.
pub fn import(text: &str) -> Result<Assessment, Vec<FileProblem>> {
    let assessment: Assessment = exchange::open_as(ASSESSMENT_FORMAT, text).map_err(|error| {
        vec![FileProblem {
            place: "the file".into(),
            message: format!("This file cannot be used because {error}."),
        }]
    })?;
    let problems = check(&assessment);
    if problems.is_empty() {
        Ok(assessment)
    } else {
        Err(problems)
    }
}

fn check(assessment: &Assessment) -> Vec<FileProblem> {
    let framework = assessment.framework();
    let mut problems = Vec::new();
    let mut problem = |place: String, message: String| problems.push(FileProblem { place, message });
    if assessment.id.trim().is_empty() {
        problem("data.id".into(), "The assessment has no id.".into());
    }
    for (code, entry) in &assessment.entries {
        let place = format!("data.entries.{code}");
        if framework.item(code).is_none() {
            problem(
                place.clone(),
                format!(
                    "“{code}” is not {} {} of the {}.",
                    article(framework.item_noun),
                    framework.item_noun,
                    framework.title
                ),
            );
            continue;
        }
        match (framework.scale, entry.score, entry.follows) {
            (Scale::Score, Some(score), _) if score > 3 => problem(
                format!("{place}.score"),
                format!("A score must be 0, 1, 2 or 3, not {score}."),
            ),
            (Scale::Score, _, Some(_)) => problem(
                format!("{place}.follows"),
                "This framework is scored 0 to 3; it has no yes, partly or no.".into(),
            ),
            (Scale::Follows, Some(_), _) => problem(
                format!("{place}.score"),
                "The Code is answered yes, partly or no; it has no score.".into(),
            ),
            _ => {}
        }
    }
    for part in assessment.plans.keys() {
        if framework.part(part).is_none() {
            problem(
                format!("data.plans.{part}"),
                format!(
                    "There is no {} “{part}” in the {}.",
                    framework.part_noun, framework.title
                ),
            );
        }
    }
    problems
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

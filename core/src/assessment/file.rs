//! Checking an assessment read from a file beyond what its shape says: every answered item is an
//! item of its framework, answered on that framework's scale, and every action plan belongs to
//! one of its parts. Places are relative to the assessment ("entries.1.1.score").

use super::framework::Scale;
use super::model::Assessment;

use crate::problem::Problem;

/// Every problem found, each at its place in the file ("entries.1.1.score").
pub fn check(assessment: &Assessment) -> Vec<Problem> {
    let framework = assessment.framework();
    let mut problems = Vec::new();
    let mut problem = |place: String, message: String| problems.push(Problem::at(place, message));
    if assessment.id.trim().is_empty() {
        problem("id".into(), "The assessment has no id.".into());
    }
    for (code, entry) in &assessment.entries {
        let place = format!("entries.{code}");
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
                format!("plans.{part}"),
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

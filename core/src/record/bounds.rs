//! Values that fit their type but not the domain: a date in the year 3000, a negative sum of money,
//! a risk scored 7 out of 5. The types let them through (serde reads `+262142-12-30` as a date
//! quite happily); the arithmetic that follows does not, and one such value stored on a device
//! could stop the app at every start. Every value is checked here, by the place it sits at
//! (`stages[0].acknowledged`), so a file can be refused and a stored document warned about,
//! naming exactly where the value is. Callers put the document's own place in front
//! (`records[3].`).

use super::Record;
use super::deletion::Deletion;
use crate::assessment::Assessment;
use crate::exchange::file::Problem;
use crate::procedure::{Length, Procedure};
use crate::record::DateInput;
use crate::settings::{ORGANISATION_NAME_MAX, Settings};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The earliest year a date may be in: older than any complaint anyone could still be handling.
pub const EARLIEST_YEAR: i32 = 1900;
/// The latest year a date may be in: far beyond any deadline, and far from where date
/// arithmetic runs out.
pub const LATEST_YEAR: i32 = 2200;
/// The longest limit a procedure may set, in working days: what the custom procedure form allows.
pub const MAX_WORKING_DAYS: u32 = 500;
/// The longest limit a procedure may set in months (two years; the longest built-in one is six).
pub const MAX_MONTHS: u32 = 24;

/// Collects problems, each at its place.
#[derive(Default)]
struct Check {
    problems: Vec<Problem>,
}

impl Check {
    fn problem(&mut self, place: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::at(place, message));
    }

    fn date(&mut self, place: impl Into<String>, date: NaiveDate) {
        let year = date.year();
        if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
            self.problem(
                place,
                format!("the year {year} is outside {EARLIEST_YEAR}–{LATEST_YEAR}"),
            );
        }
    }

    fn maybe_date(&mut self, place: impl Into<String>, date: Option<NaiveDate>) {
        if let Some(date) = date {
            self.date(place, date);
        }
    }

    fn time(&mut self, place: impl Into<String>, at: DateTime<Utc>) {
        self.date(place, at.date_naive());
    }

    /// A date as typed in three boxes: checked only once it makes a date, since a half-typed
    /// one is kept as typed and never counted from.
    fn typed_date(&mut self, place: impl Into<String>, input: &DateInput) {
        if let Ok(date) = input.parse("Date", NaiveDate::MAX) {
            self.date(place, date);
        }
    }

    fn at_most(&mut self, place: impl Into<String>, value: u32, most: u32, what: &str) {
        if value > most {
            self.problem(place, format!("{value} is more than {most} {what}"));
        }
    }

    fn within(&mut self, place: impl Into<String>, value: u32, range: std::ops::RangeInclusive<u32>) {
        if !range.contains(&value) {
            self.problem(place, format!("{value} is outside {}–{}", range.start(), range.end()));
        }
    }
}

/// Every value in a record outside what the domain allows, by place within the record.
pub fn check_record(record: &Record) -> Vec<Problem> {
    let mut c = Check::default();
    c.date("received", record.received);
    c.maybe_date("issue_date", record.issue_date);
    c.maybe_date("aware_date", record.aware_date);
    c.maybe_date("closed", record.closed);
    c.time("created", record.created);
    c.time("updated", record.updated);
    for (i, stage) in record.stages.iter().enumerate() {
        let place = |field: &str| format!("stages[{i}].{field}");
        c.date(place("started"), stage.started);
        c.maybe_date(place("acknowledged"), stage.acknowledged);
        c.maybe_date(place("statement_agreed"), stage.statement_agreed);
        c.maybe_date(place("agreed_response"), stage.agreed_response);
        for (j, extension) in stage.extensions.iter().enumerate() {
            c.date(place(&format!("extensions[{j}].to")), extension.to);
            c.maybe_date(place(&format!("extensions[{j}].told")), extension.told);
        }
        for (j, pause) in stage.pauses.iter().enumerate() {
            c.date(place(&format!("pauses[{j}].from")), pause.from);
            c.maybe_date(place(&format!("pauses[{j}].to")), pause.to);
        }
        c.maybe_date(place("panel_held"), stage.panel_held);
        c.maybe_date(place("findings_issued"), stage.findings_issued);
        c.maybe_date(place("responded"), stage.responded);
    }
    let intake = &record.intake;
    c.maybe_date("intake.authority.given", intake.authority.and_then(|a| a.date()));
    for (i, adjustment) in intake.adjustments.iter().enumerate() {
        c.date(format!("intake.adjustments[{i}].agreed"), adjustment.agreed);
        c.maybe_date(format!("intake.adjustments[{i}].review"), adjustment.review);
    }
    if let Some(safeguarding) = &intake.safeguarding {
        c.date("intake.safeguarding.date", safeguarding.date);
    }
    if let Some(risk) = &intake.risk {
        c.within("intake.risk.seriousness", u32::from(risk.seriousness), 1..=5);
        c.within("intake.risk.likelihood", u32::from(risk.likelihood), 1..=5);
    }
    for (i, letter) in record.correspondence.iter().enumerate() {
        c.date(format!("correspondence[{i}].date"), letter.date);
    }
    for (i, remedy) in record.remedies.iter().enumerate() {
        if let Some(pence) = remedy.amount_pence.filter(|pence| *pence < 0) {
            c.problem(
                format!("remedies[{i}].amount_pence"),
                format!("{pence} is less than nothing: an amount is never negative"),
            );
        }
        c.maybe_date(format!("remedies[{i}].due"), remedy.due);
        c.maybe_date(format!("remedies[{i}].delivered"), remedy.delivered);
    }
    for (i, action) in record.actions.iter().enumerate() {
        c.date(format!("actions[{i}].by"), action.by);
        c.maybe_date(format!("actions[{i}].done"), action.done);
        c.maybe_date(format!("actions[{i}].told"), action.told);
    }
    for (i, restriction) in record.restrictions.iter().enumerate() {
        c.date(format!("restrictions[{i}].decided"), restriction.decided);
        c.date(format!("restrictions[{i}].review"), restriction.review);
        c.maybe_date(format!("restrictions[{i}].lifted"), restriction.lifted);
    }
    for (i, entry) in record.history.iter().enumerate() {
        c.time(format!("history[{i}].at"), entry.at);
    }
    if let Some(ombudsman) = &record.ombudsman {
        c.date("ombudsman.referred", ombudsman.referred);
        for (i, recommendation) in ombudsman.recommendations.iter().enumerate() {
            c.date(format!("ombudsman.recommendations[{i}].due"), recommendation.due);
            c.maybe_date(
                format!("ombudsman.recommendations[{i}].complied"),
                recommendation.complied,
            );
        }
    }
    if let Some(feedback) = &record.feedback {
        c.date("feedback.date", feedback.date);
    }
    if let Some(outgoing) = &record.outgoing {
        c.maybe_date("outgoing.authority", outgoing.authority);
        c.maybe_date("outgoing.sent", outgoing.sent);
    }
    // Only a copy carries limits of its own; a reference names a definition checked elsewhere
    // (a built-in, or a custom procedure in the settings' library).
    if let Some(crate::procedure::ProcedureRef::Copy(copy)) = &record.procedure {
        for problem in check_procedure(copy) {
            c.problem(format!("procedure.copy.{}", problem.field), problem.message);
        }
    }
    c.problems
}

/// A tombstone's date outside what the domain allows, or a tombstone naming no record.
pub fn check_deletion(deletion: &Deletion) -> Vec<Problem> {
    let mut c = Check::default();
    if deletion.id.trim().is_empty() {
        c.problem("id", "empty: a deletion names the record deleted");
    }
    c.time("at", deletion.at);
    c.problems
}

/// Every limit in a procedure outside what the domain allows, by place within the procedure.
pub fn check_procedure(procedure: &Procedure) -> Vec<Problem> {
    let mut c = Check::default();
    for (i, stage) in procedure.stages.iter().enumerate() {
        for (j, step) in stage.steps.iter().enumerate() {
            let place = |field: &str| format!("stages[{i}].steps[{j}].{field}");
            match step.length {
                Length::WorkingDays(days) => c.at_most(place("length"), days, MAX_WORKING_DAYS, "working days"),
                Length::Months(months) => c.at_most(place("length"), months, MAX_MONTHS, "months"),
            }
            c.at_most(
                place("extension_days"),
                step.extension_days,
                MAX_WORKING_DAYS,
                "working days",
            );
        }
        if let Some(window) = stage.next_stage_window {
            c.at_most(
                format!("stages[{i}].next_stage_window"),
                window,
                MAX_WORKING_DAYS,
                "working days",
            );
        }
    }
    c.problems
}

/// Every value in an assessment outside what the domain or its framework allows (a score of 4,
/// an item its framework does not have), by place within the assessment.
pub fn check_assessment(assessment: &Assessment) -> Vec<Problem> {
    let mut c = Check::default();
    for problem in crate::assessment::file::check(assessment) {
        c.problem(problem.field, problem.message);
    }
    c.typed_date("completed", &assessment.completed);
    c.typed_date("review", &assessment.review);
    for (part, plan) in &assessment.plans {
        for (i, item) in plan.iter().enumerate() {
            c.typed_date(format!("plans.{part}[{i}].due"), &item.due);
        }
    }
    c.time("created", assessment.created);
    c.time("updated", assessment.updated);
    c.problems
}

/// Every value in the settings outside what the Settings page allows, by place within them.
pub fn check_settings(settings: &Settings) -> Vec<Problem> {
    let mut c = Check::default();
    for (place, text) in [
        ("organisation_name", &settings.organisation_name),
        ("user_name", &settings.user_name),
    ] {
        let length = text.chars().count();
        if length > ORGANISATION_NAME_MAX {
            c.problem(
                place,
                format!("{length} characters is more than the {ORGANISATION_NAME_MAX} allowed"),
            );
        }
    }
    c.within("due_soon_days", settings.due_soon_days, 0..=20);
    let targets = &settings.local_targets;
    c.within(
        "local_targets.children_acknowledgement_days",
        targets.children_acknowledgement_days,
        1..=20,
    );
    c.within(
        "local_targets.adults_response_days",
        targets.adults_response_days,
        1..=130,
    );
    for (i, closure) in settings.closure_days.iter().enumerate() {
        c.date(format!("closure_days[{i}].date"), closure.date);
    }
    for (i, procedure) in settings.custom_procedures.iter().enumerate() {
        for problem in check_procedure(&procedure.procedure) {
            c.problem(format!("custom_procedures[{i}].{}", problem.field), problem.message);
        }
    }
    c.problems
}

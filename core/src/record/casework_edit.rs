//! The record page's casework forms as typed — a contact for the correspondence log, a remedy,
//! a remedy that cannot be delivered, an action, a learning statement, the person's feedback,
//! a restriction on contact —
//! each a `…Draft` whose `apply` checks it and, when it is right, adds it to the record and
//! writes it in the history. Errors are [`Problem`]s, each naming the input's id (and a date's
//! boxes at fault); neither the draft nor the record is changed by them, so nothing typed is
//! lost. Marking an action done, telling the person, delivering a remedy and lifting a
//! restriction are buttons, not forms: their one problem names the list the button is in.

use super::casework::{
    Action, Correspondence, CorrespondenceKind, Feedback, Learning, NotDeliverable, Remedy, RemedyKind, Restriction,
    SATISFACTION, parse_pounds, pounds,
};
use super::{Change, DateInput, Record};
use crate::format::short_date;
pub use crate::problem::{Problem, Problems};
use chrono::NaiveDate;

fn required(text: &str, field: &str, message: &str, problems: &mut Problems) -> String {
    let text = text.trim();
    if text.is_empty() {
        problems.push(Problem::new(field, message));
    }
    text.to_string()
}

fn date(input: &DateInput, field: &str, label: &str, latest: NaiveDate, problems: &mut Problems) -> Option<NaiveDate> {
    input
        .parse(label, latest)
        .map_err(|e| problems.push(Problem::date(field, e)))
        .ok()
}

fn changed(record: &Record, change: &Change, what: String) -> Record {
    let mut next = record.clone();
    next.updated = change.at;
    next.history.push(change.entry(what));
    next
}

/// Any date up to the end of 2100, for things planned ahead.
fn far_future() -> NaiveDate {
    NaiveDate::from_ymd_opt(2100, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// "Log a letter, email, call or meeting" as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorrespondenceDraft {
    /// A [`CorrespondenceKind`] code, or empty while none is chosen.
    pub kind: String,
    pub date: DateInput,
    pub note: String,
}

impl CorrespondenceDraft {
    /// A letter sent on `date`, with `note` (the letter pages log what they send this way).
    pub fn letter(date: DateInput, note: impl Into<String>) -> Self {
        Self {
            kind: CorrespondenceKind::Letter.code(),
            date,
            note: note.into(),
        }
    }

    /// The record with this contact in its log, kept in date order. Problems name
    /// `correspondence-kind`, `correspondence-date` and `correspondence-note`; the date is one
    /// that has happened, by `today`.
    pub fn apply(&self, record: &Record, today: NaiveDate, change: &Change) -> Result<Record, Problems> {
        let mut problems = Problems::new();
        let date = date(&self.date, "correspondence-date", "Date", today, &mut problems);
        let kind = CorrespondenceKind::from_code(&self.kind);
        if kind.is_none() {
            problems.push(Problem::new(
                "correspondence-kind",
                "Select a letter, email, call or meeting",
            ));
        }
        let note = required(
            &self.note,
            "correspondence-note",
            "Enter a note of what was said or sent",
            &mut problems,
        );
        match (date, kind) {
            (Some(date), Some(kind)) if problems.is_empty() => {
                let mut next = changed(
                    record,
                    change,
                    format!("{} logged for {}", kind.name(), short_date(date)),
                );
                next.correspondence.push(Correspondence {
                    date,
                    kind,
                    note,
                    letter: None,
                });
                crate::order::sort_by_key(&mut next.correspondence, |c| c.date);
                Ok(next)
            }
            _ => Err(problems),
        }
    }
}

/// "Add an action" as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionDraft {
    pub what: String,
    pub who: String,
    pub by: DateInput,
}

impl ActionDraft {
    /// The record with this action added. Problems name `action-what`, `action-who` and
    /// `action-by` (any real date up to 2100: an action is planned ahead).
    pub fn apply(&self, record: &Record, change: &Change) -> Result<Record, Problems> {
        let mut problems = Problems::new();
        let what = required(&self.what, "action-what", "Enter what will be done", &mut problems);
        let who = required(&self.who, "action-who", "Enter who is responsible", &mut problems);
        let by = date(&self.by, "action-by", "Date it is due", far_future(), &mut problems);
        match by {
            Some(by) if problems.is_empty() => {
                let mut next = changed(
                    record,
                    change,
                    format!("Action added: {what} ({who}, by {})", short_date(by)),
                );
                next.actions.push(Action {
                    what,
                    who,
                    by,
                    done: None,
                    told: None,
                });
                Ok(next)
            }
            _ => Err(problems),
        }
    }
}

/// The field the actions' problems name: the list of actions on the record page.
pub const ACTIONS_LIST: &str = "actions-list";
/// The field the remedies' problems name: the list of remedies on the record page.
pub const REMEDIES_LIST: &str = "remedies-list";

/// Marks action `index` done on `done`.
pub fn complete_action(record: &Record, index: usize, done: NaiveDate, change: &Change) -> Result<Record, Problem> {
    let action = record
        .actions
        .get(index)
        .ok_or_else(|| Problem::new(ACTIONS_LIST, "There is no such action"))?;
    if action.done.is_some() {
        return Err(Problem::new(ACTIONS_LIST, "That action is already done"));
    }
    let mut next = changed(
        record,
        change,
        format!("Action done: {} ({})", action.what, short_date(done)),
    );
    if let Some(action) = next.actions.get_mut(index) {
        action.done = Some(done);
    }
    Ok(next)
}

/// "Add a remedy" as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemedyDraft {
    /// A [`RemedyKind`] code, or empty while none is chosen.
    pub kind: String,
    pub what: String,
    /// Pounds as typed ("250", "£1,250.50"); needed for a financial remedy.
    pub amount: String,
    /// Optional.
    pub due: DateInput,
}

impl RemedyDraft {
    /// The record with this remedy added. Problems name `remedy-kind`, `remedy-what`,
    /// `remedy-amount` and `remedy-due`.
    pub fn apply(&self, record: &Record, change: &Change) -> Result<Record, Problems> {
        let mut problems = Problems::new();
        let kind = RemedyKind::from_code(&self.kind);
        if kind.is_none() {
            problems.push(Problem::new("remedy-kind", "Select the kind of remedy"));
        }
        let what = required(&self.what, "remedy-what", "Enter what will happen", &mut problems);
        let amount_pence = match (kind, self.amount.trim()) {
            (Some(RemedyKind::Financial), "") => {
                problems.push(Problem::new(
                    "remedy-amount",
                    "Enter the amount of the financial remedy",
                ));
                None
            }
            (_, "") => None,
            (_, text) => match parse_pounds(text) {
                Some(pence) => Some(pence),
                None => {
                    problems.push(Problem::new(
                        "remedy-amount",
                        "Enter an amount in pounds, like 250 or 250.50",
                    ));
                    None
                }
            },
        };
        let due = if self.due.is_empty() {
            None
        } else {
            date(&self.due, "remedy-due", "Date it is due", far_future(), &mut problems)
        };
        match kind {
            Some(kind) if problems.is_empty() => {
                let amount = amount_pence.map(|p| format!(" of {}", pounds(p))).unwrap_or_default();
                let mut next = changed(record, change, format!("Remedy added: {}{amount}", kind.name()));
                next.remedies.push(Remedy {
                    kind,
                    what,
                    amount_pence,
                    due,
                    delivered: None,
                    not_deliverable: None,
                });
                Ok(next)
            }
            _ => Err(problems),
        }
    }
}

/// Marks remedy `index` delivered on `delivered`.
pub fn deliver_remedy(record: &Record, index: usize, delivered: NaiveDate, change: &Change) -> Result<Record, Problem> {
    let remedy = record
        .remedies
        .get(index)
        .ok_or_else(|| Problem::new(REMEDIES_LIST, "There is no such remedy"))?;
    if remedy.delivered.is_some() {
        return Err(Problem::new(REMEDIES_LIST, "That remedy is already delivered"));
    }
    let mut next = changed(
        record,
        change,
        format!("Remedy delivered: {} ({})", remedy.kind.name(), short_date(delivered)),
    );
    if let Some(remedy) = next.remedies.get_mut(index) {
        remedy.delivered = Some(delivered);
    }
    Ok(next)
}

/// The remedies that may still be recorded as not deliverable — neither delivered nor already
/// recorded so — each with the value [`NotDeliverableDraft::remedy`] takes for it and its words.
pub fn undeliverable_choices(record: &Record) -> Vec<(String, String)> {
    record
        .remedies
        .iter()
        .enumerate()
        .filter(|(_, r)| r.delivered.is_none() && r.not_deliverable.is_none())
        .map(|(i, r)| (i.to_string(), format!("{}: {}", r.kind.name(), r.what)))
        .collect()
}

/// "A remedy cannot be delivered" as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotDeliverableDraft {
    /// Which remedy: its place in the record's list as the choice's value
    /// ([`undeliverable_choices`]), or empty while none is chosen.
    pub remedy: String,
    pub reason: String,
    pub alternative: String,
}

impl NotDeliverableDraft {
    /// The record with the remedy marked as not deliverable, with the reason and the
    /// alternative offered (Code 7.4). Problems name `not-deliverable-which`,
    /// `not-deliverable-reason` and `not-deliverable-alternative`.
    pub fn apply(&self, record: &Record, change: &Change) -> Result<Record, Problems> {
        let mut problems = Problems::new();
        let index = self.remedy.parse::<usize>().ok().filter(|&index| {
            record
                .remedies
                .get(index)
                .is_some_and(|r| r.delivered.is_none() && r.not_deliverable.is_none())
        });
        if index.is_none() {
            problems.push(Problem::new(
                "not-deliverable-which",
                "Select the remedy that cannot be delivered",
            ));
        }
        let reason = required(
            &self.reason,
            "not-deliverable-reason",
            "Enter why the remedy cannot be delivered",
            &mut problems,
        );
        let alternative = required(
            &self.alternative,
            "not-deliverable-alternative",
            "Enter the alternative offered",
            &mut problems,
        );
        let (Some(index), true) = (index, problems.is_empty()) else {
            return Err(problems);
        };
        let name = record.remedies.get(index).map_or("", |r| r.kind.name());
        let mut next = changed(record, change, format!("Remedy cannot be delivered: {name}"));
        if let Some(remedy) = next.remedies.get_mut(index) {
            remedy.not_deliverable = Some(NotDeliverable { reason, alternative });
        }
        Ok(next)
    }
}

/// "Add a learning statement" as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LearningDraft {
    pub statement: String,
    /// Published in the annual report ("you said, we did").
    pub publish: bool,
}

impl LearningDraft {
    /// The record with this learning added. Its one problem names `learning-statement`.
    pub fn apply(&self, record: &Record, change: &Change) -> Result<Record, Problems> {
        let mut problems = Problems::new();
        let statement = required(
            &self.statement,
            "learning-statement",
            "Enter what changed",
            &mut problems,
        );
        if !problems.is_empty() {
            return Err(problems);
        }
        let published = if self.publish { " (for publication)" } else { "" };
        let mut next = changed(record, change, format!("Learning added{published}"));
        next.learning.push(Learning {
            statement,
            publish: self.publish,
        });
        Ok(next)
    }
}

/// "Record their feedback" as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedbackDraft {
    pub date: DateInput,
    /// One of [`SATISFACTION`], or empty while none is chosen.
    pub satisfied: String,
    /// Optional.
    pub comments: String,
}

impl FeedbackDraft {
    /// The record with this feedback (it replaces any before). Problems name `feedback-date`
    /// (a day that has happened, by `today`) and `feedback-satisfied`.
    pub fn apply(&self, record: &Record, today: NaiveDate, change: &Change) -> Result<Record, Problems> {
        let mut problems = Problems::new();
        let date = date(
            &self.date,
            "feedback-date",
            "Date of the feedback",
            today,
            &mut problems,
        );
        let satisfied = self.satisfied.as_str();
        if !SATISFACTION.contains(&satisfied) {
            problems.push(Problem::new(
                "feedback-satisfied",
                "Select whether they were satisfied with the handling",
            ));
        }
        match date {
            Some(date) if problems.is_empty() => {
                let mut next = changed(record, change, format!("Feedback on the handling: {satisfied}"));
                next.feedback = Some(Feedback {
                    date,
                    satisfied: satisfied.into(),
                    comments: self.comments.trim().into(),
                });
                Ok(next)
            }
            _ => Err(problems),
        }
    }
}

/// Records that the person was told an action is done.
pub fn tell_action(record: &Record, index: usize, told: NaiveDate, change: &Change) -> Result<Record, Problem> {
    let action = record
        .actions
        .get(index)
        .ok_or_else(|| Problem::new(ACTIONS_LIST, "There is no such action"))?;
    if action.done.is_none() {
        return Err(Problem::new(
            ACTIONS_LIST,
            "Mark the action done before telling the person",
        ));
    }
    let mut next = changed(
        record,
        change,
        format!("Person told the action is done: {}", action.what),
    );
    if let Some(action) = next.actions.get_mut(index) {
        action.told = Some(told);
    }
    Ok(next)
}

/// "Add a restriction on contact" as typed (Code 5.10–5.11).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RestrictionDraft {
    pub what: String,
    pub why: String,
    pub decided_by: String,
    pub decided: DateInput,
    pub review: DateInput,
}

/// The field the restrictions' problems name: the list of restrictions on the record page.
pub const RESTRICTIONS_LIST: &str = "restrictions-list";

impl RestrictionDraft {
    /// The record with this restriction added. Problems name `restriction-what`,
    /// `restriction-why`, `restriction-decided-by`, `restriction-decided` (a day that has
    /// happened, by `today`) and `restriction-review` (after the decision, up to 2100: a
    /// restriction with no review would never end, which the Code does not allow).
    pub fn apply(&self, record: &Record, today: NaiveDate, change: &Change) -> Result<Record, Problems> {
        let mut problems = Problems::new();
        let what = required(
            &self.what,
            "restriction-what",
            "Enter what contact is restricted",
            &mut problems,
        );
        let why = required(
            &self.why,
            "restriction-why",
            "Enter why contact is restricted",
            &mut problems,
        );
        let decided_by = required(
            &self.decided_by,
            "restriction-decided-by",
            "Enter who decided it",
            &mut problems,
        );
        let decided = date(
            &self.decided,
            "restriction-decided",
            "Date it was decided",
            today,
            &mut problems,
        );
        let review = if self.review.is_empty() {
            problems.push(Problem::new("restriction-review", "Enter the date it will be reviewed"));
            None
        } else {
            date(
                &self.review,
                "restriction-review",
                "Review date",
                far_future(),
                &mut problems,
            )
        };
        if let (Some(decided), Some(review)) = (decided, review)
            && review <= decided
        {
            problems.push(Problem::whole_date(
                "restriction-review",
                "The review date must be after the date it was decided",
            ));
        }
        match (decided, review) {
            (Some(decided), Some(review)) if problems.is_empty() => {
                let mut next = changed(
                    record,
                    change,
                    format!(
                        "Restriction on contact added: {what} (decided by {decided_by} on {}, review by {})",
                        short_date(decided),
                        short_date(review)
                    ),
                );
                next.restrictions.push(Restriction {
                    what,
                    why,
                    decided_by,
                    decided,
                    review,
                    lifted: None,
                });
                Ok(next)
            }
            _ => Err(problems),
        }
    }
}

/// Lifts restriction `index` on `lifted`: it no longer applies, and its review is no longer due.
pub fn lift_restriction(record: &Record, index: usize, lifted: NaiveDate, change: &Change) -> Result<Record, Problem> {
    let restriction = record
        .restrictions
        .get(index)
        .ok_or_else(|| Problem::new(RESTRICTIONS_LIST, "There is no such restriction"))?;
    if restriction.lifted.is_some() {
        return Err(Problem::new(RESTRICTIONS_LIST, "That restriction is already lifted"));
    }
    let mut next = changed(
        record,
        change,
        format!(
            "Restriction on contact lifted: {} ({})",
            restriction.what,
            short_date(lifted)
        ),
    );
    if let Some(restriction) = next.restrictions.get_mut(index) {
        restriction.lifted = Some(lifted);
    }
    Ok(next)
}

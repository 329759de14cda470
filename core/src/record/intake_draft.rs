//! The intake and triage page as typed: checked as a whole, saved as a whole, and shown as a
//! task list of what is done and what is left, so a worker can stop and come back.

use super::intake::{
    Acceptance, Adjustment, ComplainantType, Equality, NotAcceptedReason, RiskAssessment, Safeguarding,
};
use super::person::{Authority, PersonDraft};
use super::{Change, DateInput, Record, RecordKind};
use crate::deadline::{Rules, Status, time_limit};
use crate::problem::{Problem, Problems};
use chrono::NaiveDate;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IntakeDraft {
    pub complainant_type: String,
    /// The person the record is about.
    pub person: PersonDraft,
    /// Whoever raised it for them, when someone else did.
    pub raised_by: PersonDraft,
    pub copy_to_person: bool,
    /// An [`Authority`] code, or empty.
    pub authority: String,
    /// With consent: when it was given.
    pub authority_date: DateInput,
    pub adjustment: String,
    pub adjustment_agreed: DateInput,
    pub adjustment_review: DateInput,
    pub advocacy_offered: bool,
    pub advocacy_taken_up: bool,
    pub advocate: String,
    pub service_area: String,
    pub subjects: Vec<String>,
    pub desired_outcome: String,
    /// Empty when there is no safeguarding referral.
    pub safeguarding_referred_to: String,
    pub safeguarding_date: DateInput,
    pub seriousness: String,
    pub likelihood: String,
    /// `accept`, `accept-out-of-time` or `not-accepted`.
    pub decision: String,
    pub decision_reason: String,
    pub not_accepted_reason: String,
    pub told_of_ombudsman: bool,
    pub equality: Equality,
    pub time_spent_minutes: String,
}

fn optional_date(
    input: &DateInput,
    field: &str,
    label: &str,
    latest: NaiveDate,
    problems: &mut Problems,
) -> Option<NaiveDate> {
    if input.is_empty() {
        return None;
    }
    input
        .parse(label, latest)
        .map_err(|e| problems.push(Problem::date(field, e)))
        .ok()
}

/// A history line for each detail of a person that changed, with the old and the new value:
/// names, addresses and ways of contact are facts a correction must be traceable for.
fn people_changes(before: &Record, after: &Record, change: &Change) -> Vec<super::HistoryEntry> {
    let empty = super::Person::default();
    let mut lines = Vec::new();
    for (who, code, old, new) in [
        ("the person’s", "person", &before.person, &after.person),
        (
            "the representative’s",
            "raised-by",
            before.raised_by.as_ref().unwrap_or(&empty),
            after.raised_by.as_ref().unwrap_or(&empty),
        ),
    ] {
        for (what, field, from, to) in [
            ("name", "name", &old.name, &new.name),
            ("address", "address", &old.address, &new.address),
            ("phone number", "phone", &old.phone, &new.phone),
            ("email address", "email", &old.email, &new.email),
            (
                "way of contact",
                "preferred-contact",
                &old.preferred_contact,
                &new.preferred_contact,
            ),
            ("format", "format", &old.format, &new.format),
        ] {
            if from == to {
                continue;
            }
            let shown = |text: &str| {
                if text.is_empty() {
                    "not given".to_string()
                } else {
                    text.replace('\n', ", ")
                }
            };
            let (from, to) = (shown(from), shown(to));
            let mut entry = change.entry(format!("Changed {who} {what}: {from} → {to}"));
            entry.fact = Some(format!("{code}-{field}"));
            entry.corrected = Some(super::Corrected { from, to });
            lines.push(entry);
        }
    }
    let words = |a: Option<Authority>| a.map_or_else(|| "not recorded".to_string(), Authority::words);
    if before.intake.authority != after.intake.authority {
        let (from, to) = (words(before.intake.authority), words(after.intake.authority));
        let mut entry = change.entry(format!("Changed the authority to act: {from} → {to}"));
        entry.fact = Some("authority".into());
        entry.corrected = Some(super::Corrected { from, to });
        lines.push(entry);
    }
    lines
}

/// Whether the time limit for making the complaint (12 months, or its procedure's own) had
/// passed when the record was received.
pub fn out_of_time(record: &Record, rules: &Rules) -> bool {
    time_limit(record, rules).is_some_and(|limit| limit.status != Some(Status::Met))
}

impl IntakeDraft {
    pub fn from_record(record: &Record) -> Self {
        let intake = &record.intake;
        let (decision, decision_reason, not_accepted_reason, told) = match &intake.acceptance {
            Acceptance::Accepted => ("accept".to_string(), String::new(), String::new(), false),
            Acceptance::AcceptedOutOfTime { reason } => {
                ("accept-out-of-time".into(), reason.clone(), String::new(), false)
            }
            Acceptance::NotAccepted {
                reason,
                detail,
                told_of_ombudsman,
            } => ("not-accepted".into(), detail.clone(), reason.code(), *told_of_ombudsman),
        };
        Self {
            complainant_type: intake.complainant_type.map(ComplainantType::code).unwrap_or_default(),
            person: PersonDraft::from_person(&record.person),
            raised_by: record
                .raised_by
                .as_ref()
                .map(PersonDraft::from_person)
                .unwrap_or_default(),
            copy_to_person: record.copy_to_person,
            authority: intake.authority.map(|a| a.code().to_string()).unwrap_or_default(),
            authority_date: intake
                .authority
                .and_then(Authority::date)
                .map(DateInput::from_date)
                .unwrap_or_default(),
            advocacy_offered: intake.advocacy_offered,
            advocacy_taken_up: intake.advocacy_taken_up,
            advocate: intake.advocate.clone(),
            service_area: intake.service_area.clone(),
            subjects: intake.subjects.clone(),
            desired_outcome: intake.desired_outcome.clone(),
            safeguarding_referred_to: intake
                .safeguarding
                .as_ref()
                .map(|s| s.referred_to.clone())
                .unwrap_or_default(),
            safeguarding_date: intake
                .safeguarding
                .as_ref()
                .map(|s| DateInput::from_date(s.date))
                .unwrap_or_default(),
            seriousness: intake.risk.map(|r| r.seriousness.to_string()).unwrap_or_default(),
            likelihood: intake.risk.map(|r| r.likelihood.to_string()).unwrap_or_default(),
            decision,
            decision_reason,
            not_accepted_reason,
            told_of_ombudsman: told,
            equality: intake.equality.clone(),
            time_spent_minutes: intake.time_spent_minutes.map(|m| m.to_string()).unwrap_or_default(),
            ..Self::default()
        }
    }

    /// The record with this intake, or every problem as (field id, message).
    pub fn apply(&self, record: &Record, rules: &Rules, change: &Change) -> Result<Record, Problems> {
        let today = rules.today;
        let mut problems = Problems::new();
        let complainant_type = ComplainantType::from_code(&self.complainant_type);
        let person = self.person.check("person", &mut problems);
        let raised_by = self.raised_by(complainant_type, &mut problems);
        let authority = self.authority(today, &mut problems);
        let mut adjustments = record.intake.adjustments.clone();
        if !self.adjustment.trim().is_empty() {
            let agreed = self.adjustment_agreed.parse("Date agreed", today);
            let review = optional_date(
                &self.adjustment_review,
                "adjustment-review",
                "Review date",
                NaiveDate::MAX,
                &mut problems,
            );
            match agreed {
                Ok(agreed) => adjustments.push(Adjustment {
                    what: self.adjustment.trim().into(),
                    agreed,
                    review,
                }),
                Err(e) => problems.push(Problem::date("adjustment-agreed", e)),
            }
        }
        let safeguarding = if self.safeguarding_referred_to.is_empty() {
            None
        } else {
            match self.safeguarding_date.parse("Date of the referral", today) {
                Ok(date) => Some(Safeguarding {
                    referred_to: self.safeguarding_referred_to.clone(),
                    date,
                }),
                Err(e) => {
                    problems.push(Problem::date("safeguarding-date", e));
                    None
                }
            }
        };
        let risk = self.risk(&mut problems);
        let late = record.kind == RecordKind::Complaint && out_of_time(record, rules);
        let acceptance = self.acceptance(late, &mut problems);
        let time_spent_minutes = self.time_spent(&mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut next = record.clone();
        next.person = person;
        next.copy_to_person = self.copy_to_person && raised_by.is_some();
        next.raised_by = raised_by;
        next.intake = super::intake::Intake {
            complainant_type,
            authority,
            adjustments,
            advocacy_offered: self.advocacy_offered,
            advocacy_taken_up: self.advocacy_taken_up,
            advocate: self.advocate.trim().into(),
            service_area: self.service_area.clone(),
            subjects: self.subjects.clone(),
            desired_outcome: self.desired_outcome.trim().into(),
            safeguarding,
            risk,
            acceptance,
            equality: self.equality.clone(),
            time_spent_minutes,
        };
        if matches!(next.intake.acceptance, Acceptance::NotAccepted { .. }) && next.closed.is_none() {
            next.closed = Some(today.max(next.received));
        }
        next.updated = change.at;
        next.history.push(change.entry("Intake and triage updated"));
        let corrections = people_changes(record, &next, change);
        next.history.extend(corrections);
        Ok(next)
    }

    /// Whoever raised it for the person: kept whenever anything of them was typed; a person who
    /// raised it themselves (or anonymously) has no one else.
    fn raised_by(&self, complainant_type: Option<ComplainantType>, problems: &mut Problems) -> Option<super::Person> {
        if self.raised_by.is_empty() {
            return None;
        }
        let raiser = self.raised_by.check("raised-by", problems);
        if complainant_type.is_some_and(|t| !t.is_representative()) {
            problems.push(Problem::new(
                "raised-by-name",
                "The person raised it themselves: leave who raised it for them empty, or choose who raised it",
            ));
        }
        Some(raiser)
    }

    /// Why someone else may act for the person; consent needs its date.
    fn authority(&self, today: NaiveDate, problems: &mut Problems) -> Option<Authority> {
        // A date typed with no choice made is a date of consent; with another reason, it would
        // be dropped, so it is named rather than lost.
        let dated = !self.authority_date.is_empty();
        let basis = match self.authority.as_str() {
            "" if dated => "consent",
            "child" | "lacks-capacity" | "died" if dated => {
                problems.push(Problem::whole_date(
                    "authority-date",
                    "A date of consent goes with consent: choose consent, or clear the date",
                ));
                return None;
            }
            other => other,
        };
        match basis {
            "consent" if self.authority_date.is_empty() => {
                problems.push(Problem::whole_date(
                    "authority-date",
                    "Enter the date the person gave their consent",
                ));
                None
            }
            "consent" => optional_date(
                &self.authority_date,
                "authority-date",
                "Date of consent",
                today,
                problems,
            )
            .map(|given| Authority::Consent { given }),
            "child" => Some(Authority::Child),
            "lacks-capacity" => Some(Authority::LacksCapacity),
            "died" => Some(Authority::Died),
            _ => None,
        }
    }

    /// The risk matrix's two choices, both or neither.
    fn risk(&self, problems: &mut Problems) -> Option<RiskAssessment> {
        match (self.seriousness.parse::<u8>(), self.likelihood.parse::<u8>()) {
            (Ok(s), Ok(l)) => RiskAssessment::new(s, l),
            _ if self.seriousness.is_empty() && self.likelihood.is_empty() => None,
            _ => {
                let field = if self.seriousness.is_empty() {
                    "seriousness"
                } else {
                    "likelihood"
                };
                problems.push(Problem::new(
                    field,
                    "Choose both the seriousness and the likelihood, or neither",
                ));
                None
            }
        }
    }

    /// The decision to accept, with its reason; `late` when the complaint is out of time.
    fn acceptance(&self, late: bool, problems: &mut Problems) -> Acceptance {
        let reason = self.decision_reason.trim().to_string();
        match self.decision.as_str() {
            "accept" | "" if late => {
                problems.push(Problem::new(
                    "decision",
                    "The complaint was made after the time limit for making it: choose whether to accept it, and say why",
                ));
                Acceptance::Accepted
            }
            "accept" | "" => Acceptance::Accepted,
            "accept-out-of-time" => {
                if reason.is_empty() {
                    problems.push(Problem::new(
                        "decision-reason",
                        "Enter why the complaint is accepted out of time",
                    ));
                }
                Acceptance::AcceptedOutOfTime { reason }
            }
            _ => match NotAcceptedReason::from_code(&self.not_accepted_reason) {
                Some(why) => Acceptance::NotAccepted {
                    reason: why,
                    detail: reason,
                    told_of_ombudsman: self.told_of_ombudsman,
                },
                None => {
                    problems.push(Problem::new(
                        "not-accepted-reason",
                        "Select why the complaint is not accepted",
                    ));
                    Acceptance::Accepted
                }
            },
        }
    }

    /// Minutes spent, if given.
    fn time_spent(&self, problems: &mut Problems) -> Option<u32> {
        match self.time_spent_minutes.trim() {
            "" => None,
            text => match text.parse::<u32>() {
                Ok(minutes) => Some(minutes),
                Err(_) => {
                    problems.push(Problem::new(
                        "time-spent",
                        "Time spent must be a whole number of minutes, like 45",
                    ));
                    None
                }
            },
        }
    }
}

/// One line of the intake task list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeTask {
    pub name: &'static str,
    pub anchor: &'static str,
    pub done: bool,
}

/// What is done and what is left of intake and triage.
pub fn intake_tasks(record: &Record, rules: &Rules) -> Vec<IntakeTask> {
    let intake = &record.intake;
    let mut tasks = vec![
        IntakeTask {
            name: "Who raised it",
            anchor: "who",
            // Someone acting for the person needs their consent or the authority to (Code 1.5).
            done: intake.complainant_type.is_some_and(|t| {
                !t.is_representative()
                    || (record.raised_by.as_ref().is_some_and(|r| !r.name.is_empty()) && intake.authority.is_some())
            }),
        },
        IntakeTask {
            name: "How to reach them",
            anchor: "contact",
            done: record.recipient().reachable(),
        },
        IntakeTask {
            name: "What they want",
            anchor: "want",
            done: !intake.desired_outcome.is_empty(),
        },
        IntakeTask {
            name: "Service area and subjects",
            anchor: "subjects",
            done: !intake.service_area.is_empty(),
        },
        IntakeTask {
            name: "Safeguarding and risk",
            anchor: "risk",
            done: intake.risk.is_some(),
        },
    ];
    if record.kind == RecordKind::Complaint {
        let decided = !out_of_time(record, rules) || intake.acceptance != Acceptance::Accepted;
        tasks.push(IntakeTask {
            name: "Decision to accept",
            anchor: "decision",
            done: decided,
        });
    }
    tasks
}

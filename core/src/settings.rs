//! The organisation's settings, kept on the device beside its records: its name, its nation's
//! working days and its own closure days, how deadlines are counted and when they are "due
//! soon", its local targets, the procedures it has defined for itself, and its team: the
//! names handlers and people responsible are chosen from, so a typo makes no new handler.

use crate::calendar::{ClosureDay, CountingConvention, Nation, WorkingDayCalendar};
use crate::choice::{from_code, to_code as code};
use crate::deadline::Rules;
use crate::problem::{Problem, Problems};
use crate::procedure::{
    CustomProcedure, LocalTargets, Procedure, ProcedureRef, Stage2Start, built_in, built_in_for, built_in_version,
    current_custom, targets_of,
};
use crate::record::DateInput;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest organisation name accepted.
pub const ORGANISATION_NAME_MAX: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Settings {
    /// Shown in the header and on letters and reports.
    pub organisation_name: String,
    /// The name of whoever uses this device, written in each record's history.
    pub user_name: String,
    pub nation: Nation,
    pub closure_days: Vec<ClosureDay>,
    /// Closure days count against the organisation's own targets (never statutory ones).
    pub closures_count_for_local_targets: bool,
    /// A deadline this many working days away or fewer is "due soon".
    pub due_soon_days: u32,
    pub counting: CountingConvention,
    pub local_targets: LocalTargets,
    /// The library of the organisation's own procedures: every version of each, once. Records
    /// name a version; one removed while records name it is retired, never deleted.
    pub custom_procedures: Vec<CustomProcedure>,
    pub services: Vec<String>,
    pub service_areas: Vec<String>,
    pub subjects: Vec<String>,
    /// The people who handle complaints here, offered wherever a handler or a person
    /// responsible is asked for. Empty until the organisation lists them.
    /// Added after schema 3's first release: settings stored before it read with no team.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<String>,
}

pub const DEFAULT_SERVICE_AREAS: [&str; 11] = [
    "Area social work",
    "Through care",
    "Disabled children",
    "First response",
    "Early help",
    "Fostering and adoption",
    "Area services",
    "Finance",
    "Hospital social work",
    "Mental health",
    "Safeguarding",
];

pub const DEFAULT_SUBJECTS: [&str; 9] = [
    "Quality of service",
    "Staff attitude or behaviour",
    "Communication or information",
    "Decision or assessment",
    "Delay or failure to act",
    "Charging or finance",
    "Confidentiality or records",
    "Policy",
    "Other",
];

impl Default for Settings {
    fn default() -> Self {
        Self {
            organisation_name: String::new(),
            user_name: String::new(),
            nation: Nation::EnglandAndWales,
            closure_days: Vec::new(),
            closures_count_for_local_targets: false,
            due_soon_days: 2,
            counting: CountingConvention::FromDayReceived,
            local_targets: LocalTargets::default(),
            custom_procedures: Vec::new(),
            services: crate::record::DEFAULT_SERVICES.map(String::from).to_vec(),
            service_areas: DEFAULT_SERVICE_AREAS.map(String::from).to_vec(),
            subjects: DEFAULT_SUBJECTS.map(String::from).to_vec(),
            team: Vec::new(),
        }
    }
}

/// Whether two names as typed are one person's: the same words, whatever their capitals and
/// spacing ("ann  handler" is "Ann Handler").
pub fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    words(a) == words(b)
}

impl Settings {
    /// The procedures to choose from: the built-ins with this organisation's local targets, its
    /// nation's first, then the current version of each of its own that is not retired.
    pub fn procedures(&self) -> Vec<Procedure> {
        let mut procedures = built_in_for(self.nation, &self.local_targets);
        procedures.extend(current_custom(&self.custom_procedures));
        procedures
    }

    /// The settings with `procedure` added to the library, as the next version of its id.
    pub fn add_custom_procedure(&self, procedure: Procedure) -> Settings {
        let mut next = self.clone();
        let version = 1 + next
            .custom_procedures
            .iter()
            .filter(|entry| entry.procedure.id == procedure.id)
            .map(|entry| entry.procedure.version)
            .max()
            .unwrap_or(0);
        next.custom_procedures.push(CustomProcedure {
            procedure: Procedure { version, ..procedure },
            retired: false,
        });
        next
    }

    /// The settings with every custom procedure version of `library` (another device's, from an
    /// imported file) that this library lacks added to it, so the records that came with it keep
    /// their deadlines. Versions already here are left as they are.
    pub fn adopt_custom_procedures(&self, library: &[CustomProcedure]) -> Settings {
        let mut next = self.clone();
        for entry in library {
            let held = next.custom_procedures.iter().any(|mine| {
                mine.procedure.id == entry.procedure.id && mine.procedure.version == entry.procedure.version
            });
            if !held {
                next.custom_procedures.push(entry.clone());
            }
        }
        next
    }

    /// The settings with custom procedure `id` removed from the choices. While any of `records`
    /// names it, every version is kept and marked retired, so their deadlines never change;
    /// only a procedure no record names is deleted.
    pub fn remove_custom_procedure(&self, id: &str, records: &[crate::record::Record]) -> Settings {
        let named = records
            .iter()
            .any(|record| matches!(&record.procedure, Some(ProcedureRef::Custom { id: named, .. }) if named == id));
        let mut next = self.clone();
        if named {
            for entry in next.custom_procedures.iter_mut().filter(|e| e.procedure.id == id) {
                entry.retired = true;
            }
        } else {
            next.custom_procedures.retain(|entry| entry.procedure.id != id);
        }
        next
    }

    /// The names a handler or a person responsible is chosen from: the team, and the user
    /// when the team does not name them, once each.
    pub fn team_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let user = std::iter::once(&self.user_name);
        for name in self.team.iter().chain(user).map(|n| n.trim()) {
            if !name.is_empty() && !names.iter().any(|known| same_name(known, name)) {
                names.push(name.to_string());
            }
        }
        names
    }

    /// `typed` as the team spells it when it names someone on it ([`same_name`]); otherwise as
    /// typed, trimmed. Someone not on the team may still be named.
    pub fn known_name(&self, typed: &str) -> String {
        self.team_names()
            .into_iter()
            .find(|name| same_name(name, typed))
            .unwrap_or_else(|| typed.trim().to_string())
    }

    /// What deadlines are counted with, on `today`.
    pub fn rules(&self, today: NaiveDate) -> Rules {
        let local_closures = if self.closures_count_for_local_targets {
            self.closure_days.clone()
        } else {
            Vec::new()
        };
        Rules {
            statutory: WorkingDayCalendar::new(self.nation),
            local: WorkingDayCalendar::with_closures(self.nation, local_closures),
            convention: self.counting,
            due_soon_days: self.due_soon_days,
            today,
            custom_procedures: self.custom_procedures.clone(),
            built_in: built_in(&self.local_targets)
                .into_iter()
                .map(|procedure| (targets_of(&procedure), procedure))
                // Only where naming it again makes exactly this definition (always, for a
                // built-in; checked so the shortcut can never give a record other dates).
                .filter(|(targets, p)| built_in_version(&p.id, p.version, targets).as_ref() == Some(p))
                .collect(),
        }
    }
}

/// The general settings as typed on the Settings page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsDraft {
    pub organisation_name: String,
    pub user_name: String,
    /// A [`Nation`] in kebab case, e.g. `england-and-wales`.
    pub nation: String,
    pub due_soon_days: String,
    /// `from-day-received` or `next-working-day`.
    pub counting: String,
    pub children_acknowledgement_days: String,
    pub adults_response_days: String,
    /// `request` or `agreed-statement`.
    pub children_stage2_start: String,
    pub closures_count_for_local_targets: bool,
    /// One per line.
    pub services: String,
    /// One per line.
    pub service_areas: String,
    /// One per line.
    pub subjects: String,
    /// One per line.
    pub team: String,
}

fn lines(text: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !seen.iter().any(|s: &String| s.eq_ignore_ascii_case(line)) {
            seen.push(line.to_string());
        }
    }
    seen
}

/// The team as typed, one name a line: each name once ([`same_name`]), its spaces tidied.
fn team_lines(text: &str) -> Vec<String> {
    let mut team: Vec<String> = Vec::new();
    for name in text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")) {
        if !name.is_empty() && !team.iter().any(|known| same_name(known, &name)) {
            team.push(name);
        }
    }
    team
}

fn number(text: &str, range: std::ops::RangeInclusive<u32>, field: &str, what: &str, errors: &mut Vec<Problem>) -> u32 {
    match text.trim().parse::<u32>() {
        Ok(n) if range.contains(&n) => n,
        _ => {
            errors.push(Problem::new(
                field,
                format!(
                    "{what} must be a whole number from {} to {}",
                    range.start(),
                    range.end()
                ),
            ));
            0
        }
    }
}

impl SettingsDraft {
    pub fn from_settings(settings: &Settings) -> Self {
        Self {
            organisation_name: settings.organisation_name.clone(),
            user_name: settings.user_name.clone(),
            nation: code(settings.nation),
            due_soon_days: settings.due_soon_days.to_string(),
            counting: code(settings.counting),
            children_acknowledgement_days: settings.local_targets.children_acknowledgement_days.to_string(),
            adults_response_days: settings.local_targets.adults_response_days.to_string(),
            children_stage2_start: code(settings.local_targets.children_stage2_start),
            closures_count_for_local_targets: settings.closures_count_for_local_targets,
            services: settings.services.join("\n"),
            service_areas: settings.service_areas.join("\n"),
            subjects: settings.subjects.join("\n"),
            team: settings.team.join("\n"),
        }
    }

    /// The settings with these general values, or every problem as (field id, message).
    pub fn apply(&self, current: &Settings) -> Result<Settings, Vec<Problem>> {
        let mut errors = Vec::new();
        let name = self.organisation_name.trim();
        if name.chars().count() > ORGANISATION_NAME_MAX {
            errors.push(Problem::new(
                "organisation-name",
                format!("Organisation name must be {ORGANISATION_NAME_MAX} characters or fewer"),
            ));
        }
        let user_name = self.user_name.trim();
        if user_name.chars().count() > ORGANISATION_NAME_MAX {
            errors.push(Problem::new(
                "user-name",
                format!("Your name must be {ORGANISATION_NAME_MAX} characters or fewer"),
            ));
        }
        if lines(&self.services).is_empty() {
            errors.push(Problem::new("services", "Enter at least one service"));
        }
        let nation = from_code::<Nation>(&self.nation);
        if nation.is_none() {
            errors.push(Problem::new("nation", "Select the nation the organisation is in"));
        }
        let due_soon_days = number(&self.due_soon_days, 0..=20, "due-soon-days", "Due soon", &mut errors);
        let counting = from_code::<CountingConvention>(&self.counting);
        if counting.is_none() {
            errors.push(Problem::new(
                "counting",
                "Select how a receipt on a non-working day is counted",
            ));
        }
        let children_ack = number(
            &self.children_acknowledgement_days,
            1..=20,
            "children-acknowledgement-days",
            "Children’s acknowledgement target",
            &mut errors,
        );
        let adults_days = number(
            &self.adults_response_days,
            1..=130,
            "adults-response-days",
            "Adults’ response target",
            &mut errors,
        );
        let stage2 = from_code::<Stage2Start>(&self.children_stage2_start);
        if stage2.is_none() {
            errors.push(Problem::new(
                "children-stage2-start",
                "Select when the children’s stage 2 clock starts",
            ));
        }
        match (nation, counting, stage2) {
            (Some(nation), Some(counting), Some(stage2)) if errors.is_empty() => Ok(Settings {
                organisation_name: name.to_string(),
                user_name: user_name.to_string(),
                nation,
                due_soon_days,
                counting,
                closures_count_for_local_targets: self.closures_count_for_local_targets,
                services: lines(&self.services),
                service_areas: lines(&self.service_areas),
                subjects: lines(&self.subjects),
                team: team_lines(&self.team),
                local_targets: LocalTargets {
                    children_acknowledgement_days: children_ack,
                    adults_response_days: adults_days,
                    children_stage2_start: stage2,
                },
                ..current.clone()
            }),
            _ => Err(errors),
        }
    }
}

/// The id of the Settings page's "Closure date" input, which a closure day's problems name.
pub const CLOSURE_DATE: &str = "closure-date";

/// Adds a closure day, keeping the list in date order; the name defaults to "Closure day".
pub fn add_closure_day(settings: &Settings, date: NaiveDate, name: &str) -> Result<Settings, Problem> {
    if settings.closure_days.iter().any(|c| c.date == date) {
        return Err(Problem::whole_date(CLOSURE_DATE, "That date is already a closure day"));
    }
    let mut next = settings.clone();
    let name = if name.trim().is_empty() {
        "Closure day"
    } else {
        name.trim()
    };
    next.closure_days.push(ClosureDay {
        date,
        name: name.to_string(),
    });
    crate::order::sort(&mut next.closure_days);
    Ok(next)
}

/// "Add closure day" as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClosureDayDraft {
    pub date: DateInput,
    /// Optional: "Closure day" when empty.
    pub name: String,
}

impl ClosureDayDraft {
    /// The settings with this closure day added ([`add_closure_day`]). Closure days are planned
    /// ahead, so any real date up to the end of 2100 will do. Problems name `closure-date`.
    pub fn apply(&self, settings: &Settings) -> Result<Settings, Problems> {
        let latest = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap_or(NaiveDate::MAX);
        let date = self
            .date
            .parse("Closure date", latest)
            .map_err(|e| vec![Problem::date(CLOSURE_DATE, e)])?;
        add_closure_day(settings, date, &self.name).map_err(|p| vec![p])
    }
}

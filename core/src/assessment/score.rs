//! Adding up an assessment: each part's total against its maximum, what is answered and what is
//! left, and for the Code every "no" and "partly" for the annual report (Code 8.1c).
//! Unanswered items are never counted as 0: they are left out of totals and reported as left.

use super::framework::{Framework, Item, Part, Scale};
use super::model::{Assessment, Follows};

/// How far a part has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    NotStarted,
    InProgress,
    Completed,
}

impl Progress {
    pub fn words(self) -> &'static str {
        match self {
            Progress::NotStarted => "Not started",
            Progress::InProgress => "In progress",
            Progress::Completed => "Completed",
        }
    }
}

/// A part's (or the whole assessment's) figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub items: usize,
    pub answered: usize,
    /// The sum of the answered items' levels (NCMG: their scores).
    pub total: u32,
    /// The most the part can score: the top level times every item, answered or not (x/36).
    pub max: u32,
    pub yes: usize,
    pub partly: usize,
    pub no: usize,
}

impl Totals {
    fn add(&mut self, other: Totals) {
        self.items += other.items;
        self.answered += other.answered;
        self.total += other.total;
        self.max += other.max;
        self.yes += other.yes;
        self.partly += other.partly;
        self.no += other.no;
    }

    pub fn progress(&self) -> Progress {
        match self.answered {
            0 => Progress::NotStarted,
            n if n == self.items => Progress::Completed,
            _ => Progress::InProgress,
        }
    }

    /// The average level of the answered items, for comparing assessments that answered
    /// different numbers of items. None when nothing is answered.
    pub fn average(&self) -> Option<f64> {
        (self.answered > 0).then(|| self.total as f64 / self.answered as f64)
    }

    /// "2 of 12 unscored": the items still to answer.
    pub fn left(&self) -> usize {
        self.items - self.answered
    }
}

/// One part's figures.
pub fn part_totals(assessment: &Assessment, part: &Part) -> Totals {
    let framework = assessment.framework();
    let mut totals = Totals {
        items: part.items.len(),
        max: u32::from(framework.scale.max_level()) * part.items.len() as u32,
        ..Totals::default()
    };
    for item in part.items {
        let Some(entry) = assessment.entry(item.code) else {
            continue;
        };
        let Some(level) = entry.level(framework) else { continue };
        totals.answered += 1;
        totals.total += u32::from(level);
        match entry.follows {
            Some(Follows::Yes) => totals.yes += 1,
            Some(Follows::Partly) => totals.partly += 1,
            Some(Follows::No) => totals.no += 1,
            None => {}
        }
    }
    totals
}

/// Every part's figures, in the framework's order.
pub fn all_part_totals(assessment: &Assessment) -> Vec<(&'static Part, Totals)> {
    assessment
        .framework()
        .parts
        .iter()
        .map(|part| (part, part_totals(assessment, part)))
        .collect()
}

/// The whole assessment's figures.
pub fn overall(assessment: &Assessment) -> Totals {
    let mut totals = Totals::default();
    for (_, part) in all_part_totals(assessment) {
        totals.add(part);
    }
    totals
}

/// The items not yet answered, in order, with their part.
pub fn left_to_answer(assessment: &Assessment) -> Vec<(&'static Part, &'static Item)> {
    let framework = assessment.framework();
    framework
        .items()
        .filter(|(_, item)| assessment.entry(item.code).and_then(|e| e.level(framework)).is_none())
        .collect()
}

/// A place where the organisation does not (fully) follow the Code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub part: &'static Part,
    pub item: &'static Item,
    pub follows: Follows,
    pub commentary: String,
    pub action: String,
}

/// Every "no" and "partly", in the Code's order: the non-compliance the annual report states.
pub fn non_compliance(assessment: &Assessment) -> Vec<Finding> {
    let framework: &Framework = assessment.framework();
    if framework.scale != Scale::Follows {
        return Vec::new();
    }
    framework
        .items()
        .filter_map(|(part, item)| {
            let entry = assessment.entry(item.code)?;
            let follows = entry.follows.filter(|f| *f != Follows::Yes)?;
            Some(Finding {
                part,
                item,
                follows,
                commentary: entry.commentary.clone(),
                action: entry.action.clone(),
            })
        })
        .collect()
}

/// How far the "details, conclusions and dates" are: completed once there are conclusions and a
/// date completed, started once either is begun.
pub fn details_progress(assessment: &Assessment) -> Progress {
    let conclusions = !assessment.conclusions.trim().is_empty();
    if conclusions && assessment.completed_on().is_some() {
        Progress::Completed
    } else if conclusions || !assessment.completed.is_empty() {
        Progress::InProgress
    } else {
        Progress::NotStarted
    }
}

/// The items of one part not yet answered, in order.
pub fn left_in_part(assessment: &Assessment, part: &'static Part) -> Vec<&'static Item> {
    left_to_answer(assessment)
        .into_iter()
        .filter(|(p, _)| std::ptr::eq(*p, part))
        .map(|(_, item)| item)
        .collect()
}

//! Two assessments of the same framework side by side: per item and per part, what went up and
//! what went down.

use super::framework::{Item, Part};
use super::model::Assessment;
use super::score::{Totals, all_part_totals, overall};

/// How one item's answer moved from the earlier assessment to the later one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    Up(u8),
    Down(u8),
    Same,
    /// Answered only in the later assessment.
    NewlyAnswered,
    /// Answered only in the earlier assessment.
    NoLongerAnswered,
    Unanswered,
}

impl Movement {
    /// "Up 2", "Down 1", "No change", "Newly scored"…
    pub fn words(self, scale: super::Scale) -> String {
        let answered = scale.answered_word();
        match self {
            Movement::Up(by) => format!("Up {by}"),
            Movement::Down(by) => format!("Down {by}"),
            Movement::Same => "No change".into(),
            Movement::NewlyAnswered => format!("Newly {answered}"),
            Movement::NoLongerAnswered => format!("No longer {answered}"),
            Movement::Unanswered => format!("Not {answered} in either"),
        }
    }

    fn between(before: Option<u8>, after: Option<u8>) -> Movement {
        match (before, after) {
            (Some(b), Some(a)) if a > b => Movement::Up(a - b),
            (Some(b), Some(a)) if a < b => Movement::Down(b - a),
            (Some(_), Some(_)) => Movement::Same,
            (None, Some(_)) => Movement::NewlyAnswered,
            (Some(_), None) => Movement::NoLongerAnswered,
            (None, None) => Movement::Unanswered,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    pub part: &'static Part,
    pub item: &'static Item,
    pub before: Option<u8>,
    pub after: Option<u8>,
    pub movement: Movement,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartChange {
    pub part: &'static Part,
    pub before: Totals,
    pub after: Totals,
    /// The later total less the earlier one.
    pub difference: i64,
    /// The same items were answered in both, so the totals compare like with like.
    pub like_for_like: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub parts: Vec<PartChange>,
    pub items: Vec<ItemChange>,
    pub before: Totals,
    pub after: Totals,
    pub went_up: usize,
    pub went_down: usize,
}

/// Why two assessments cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DifferentFrameworks;

/// Compares `before` with `after`; both must be against the same framework.
pub fn compare(before: &Assessment, after: &Assessment) -> Result<Comparison, DifferentFrameworks> {
    if before.framework != after.framework {
        return Err(DifferentFrameworks);
    }
    let framework = before.framework();
    let level = |assessment: &Assessment, item: &Item| assessment.entry(item.code).and_then(|e| e.level(framework));
    let items: Vec<ItemChange> = framework
        .items()
        .map(|(part, item)| {
            let (b, a) = (level(before, item), level(after, item));
            ItemChange {
                part,
                item,
                before: b,
                after: a,
                movement: Movement::between(b, a),
            }
        })
        .collect();
    let parts = all_part_totals(before)
        .into_iter()
        .zip(all_part_totals(after))
        .map(|((part, b), (_, a))| PartChange {
            part,
            before: b,
            after: a,
            difference: i64::from(a.total) - i64::from(b.total),
            like_for_like: items
                .iter()
                .filter(|change| std::ptr::eq(change.part, part))
                .all(|change| change.before.is_some() == change.after.is_some()),
        })
        .collect();
    Ok(Comparison {
        went_up: items.iter().filter(|c| matches!(c.movement, Movement::Up(_))).count(),
        went_down: items.iter().filter(|c| matches!(c.movement, Movement::Down(_))).count(),
        parts,
        items,
        before: overall(before),
        after: overall(after),
    })
}

//! The frameworks an organisation assesses itself against, as data: parts (principles or Code
//! sections) holding items (areas or provisions), and the scale each item is answered on.

use serde::{Deserialize, Serialize};

/// Which framework an assessment is against. The code is what is stored and exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FrameworkId {
    /// The NCMG good practice principles (2016), scored 0–3.
    #[serde(rename = "ncmg-2016")]
    Ncmg2016,
    /// The Ombudsman's Complaint Handling Code (2024): Appendix A's ten rows.
    #[serde(rename = "lgsco-code-2024")]
    Code2024,
    /// The same Code, provision by provision.
    #[serde(rename = "lgsco-code-2024-detailed")]
    Code2024Detailed,
}

impl FrameworkId {
    pub const ALL: [FrameworkId; 3] = [
        FrameworkId::Ncmg2016,
        FrameworkId::Code2024,
        FrameworkId::Code2024Detailed,
    ];

    pub fn framework(self) -> &'static Framework {
        match self {
            FrameworkId::Ncmg2016 => &NCMG_2016,
            FrameworkId::Code2024 => &CODE_2024,
            FrameworkId::Code2024Detailed => &CODE_2024_DETAILED,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            FrameworkId::Ncmg2016 => "ncmg-2016",
            FrameworkId::Code2024 => "lgsco-code-2024",
            FrameworkId::Code2024Detailed => "lgsco-code-2024-detailed",
        }
    }

    pub fn from_code(code: &str) -> Option<FrameworkId> {
        FrameworkId::ALL.into_iter().find(|id| id.code() == code)
    }
}

/// How each item is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// NCMG: a score from 0 to 3.
    Score,
    /// The Code: do we follow it — yes, partly or no.
    Follows,
}

/// The four NCMG scores and what each means, as the framework defines them.
pub const SCORE_MEANINGS: [(u8, &str); 4] = [
    (3, "Strong evidence of effectiveness, including better outcomes"),
    (2, "Some evidence of effectiveness, with gaps"),
    (1, "Conforms, but cannot evidence effectiveness"),
    (0, "Not tackling it, or major obstacles; no evidence"),
];

impl Scale {
    /// The highest level an item can reach: 3 for a score, 2 for "yes".
    pub fn max_level(self) -> u8 {
        match self {
            Scale::Score => 3,
            Scale::Follows => 2,
        }
    }

    /// An answer in words: "2" or "Not scored"; "Partly" or "Not answered".
    pub fn level_words(self, level: Option<u8>) -> String {
        match (self, level) {
            (Scale::Score, Some(score)) => score.to_string(),
            (Scale::Score, None) => "Not scored".into(),
            (Scale::Follows, Some(2)) => "Yes".into(),
            (Scale::Follows, Some(1)) => "Partly".into(),
            (Scale::Follows, Some(_)) => "No".into(),
            (Scale::Follows, None) => "Not answered".into(),
        }
    }

    /// "scored" or "answered".
    pub fn answered_word(self) -> &'static str {
        match self {
            Scale::Score => "scored",
            Scale::Follows => "answered",
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Framework {
    pub id: FrameworkId,
    pub title: &'static str,
    /// What one part is called: "principle" or "section".
    pub part_noun: &'static str,
    /// What one item is called: "area", "provision" or "row".
    pub item_noun: &'static str,
    pub scale: Scale,
    pub parts: &'static [Part],
}

/// A principle of the NCMG framework or a section of the Code.
#[derive(Debug, PartialEq, Eq)]
pub struct Part {
    pub number: &'static str,
    /// "Principle one", "Section 6".
    pub title: &'static str,
    /// What the part asks: "ensure that the complaints process is accessible".
    pub summary: &'static str,
    /// NCMG's "underpinning user-led vision".
    pub vision: Option<&'static str>,
    pub items: &'static [Item],
}

/// An NCMG area, a Code provision or an Appendix A row.
#[derive(Debug, PartialEq, Eq)]
pub struct Item {
    /// "1.10", "6.14", or an Appendix A row's "6-1". Stored answers are keyed by it.
    pub code: &'static str,
    /// A heading the item sits under: "Stage 2", or Appendix A's "Code section".
    pub group: Option<&'static str>,
    pub text: &'static str,
}

impl Item {
    pub(super) const fn new(code: &'static str, text: &'static str) -> Self {
        Item {
            code,
            group: None,
            text,
        }
    }

    pub(super) const fn in_group(code: &'static str, group: &'static str, text: &'static str) -> Self {
        Item {
            code,
            group: Some(group),
            text,
        }
    }
}

impl Framework {
    pub fn items(&self) -> impl Iterator<Item = (&'static Part, &'static Item)> + '_ {
        self.parts
            .iter()
            .flat_map(|part| part.items.iter().map(move |item| (part, item)))
    }

    pub fn item_count(&self) -> usize {
        self.parts.iter().map(|part| part.items.len()).sum()
    }

    pub fn part(&self, number: &str) -> Option<&'static Part> {
        self.parts.iter().find(|part| part.number == number)
    }

    /// How an item is headed: an Appendix A row by its Code section ("6: Complaints stages
    /// (Stage 1)"), anything else by its number ("6.14").
    pub fn item_label(&self, item: &'static Item) -> &'static str {
        match item.group {
            Some(group) if self.parts.len() == 1 => group,
            _ => item.code,
        }
    }

    pub fn item(&self, code: &str) -> Option<&'static Item> {
        self.items().map(|(_, item)| item).find(|item| item.code == code)
    }
}

pub static NCMG_2016: Framework = Framework {
    id: FrameworkId::Ncmg2016,
    title: "NCMG good practice principles (2016)",
    part_noun: "principle",
    item_noun: "area",
    scale: Scale::Score,
    parts: super::ncmg::PRINCIPLES,
};

pub static CODE_2024: Framework = Framework {
    id: FrameworkId::Code2024,
    title: "Complaint Handling Code self-assessment (2024)",
    part_noun: "section",
    item_noun: "row",
    scale: Scale::Follows,
    parts: super::appendix_a::APPENDIX_A,
};

pub static CODE_2024_DETAILED: Framework = Framework {
    id: FrameworkId::Code2024Detailed,
    title: "Complaint Handling Code self-assessment (2024), provision by provision",
    part_noun: "section",
    item_noun: "provision",
    scale: Scale::Follows,
    parts: super::complaint_handling_code::SECTIONS,
};

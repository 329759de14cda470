//! Reading a GOV.UK date input (day, month and year boxes) into a date, with the Design
//! System's error messages: which part is missing, or that it is not a real date.

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Day,
    Month,
    Year,
}

impl DatePart {
    pub fn name(self) -> &'static str {
        match self {
            DatePart::Day => "day",
            DatePart::Month => "month",
            DatePart::Year => "year",
        }
    }
}

/// What the person typed in the three boxes, as typed. Kept as typed where a form saves as the
/// person goes (an assessment), so a half-typed date is never lost.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct DateInput {
    pub day: String,
    pub month: String,
    pub year: String,
}

/// Why the boxes do not make a date: the message and the boxes to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateInputError {
    pub message: String,
    pub parts: Vec<DatePart>,
}

const MONTH_NAMES: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A month as a number, or a month name such as "Dec" or "december" as people also type.
fn parse_month(text: &str) -> Option<u32> {
    if let Ok(number) = text.parse::<u32>() {
        return Some(number);
    }
    let lower = text.to_lowercase();
    (lower.len() >= 3)
        .then(|| MONTH_NAMES.iter().position(|name| lower.starts_with(name)))
        .flatten()
        .map(|index| index as u32 + 1)
}

impl DateInput {
    pub fn new(day: &str, month: &str, year: &str) -> Self {
        Self {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    /// Nothing typed in any of the three boxes.
    pub fn is_empty(&self) -> bool {
        self.day.trim().is_empty() && self.month.trim().is_empty() && self.year.trim().is_empty()
    }

    pub fn from_date(date: NaiveDate) -> Self {
        use chrono::Datelike;
        Self {
            day: date.day().to_string(),
            month: date.month().to_string(),
            year: date.year().to_string(),
        }
    }

    /// The date, or an error naming the field as `label` ("Date received").
    /// `latest` is the last date allowed (today, for a date something happened).
    pub fn parse(&self, label: &str, latest: NaiveDate) -> Result<NaiveDate, DateInputError> {
        let parts = [
            (DatePart::Day, self.day.trim()),
            (DatePart::Month, self.month.trim()),
            (DatePart::Year, self.year.trim()),
        ];
        let missing: Vec<DatePart> = parts
            .iter()
            .filter(|(_, text)| text.is_empty())
            .map(|(p, _)| *p)
            .collect();
        if missing.len() == 3 {
            return Err(DateInputError {
                message: format!("Enter the {}", label.to_lowercase()),
                parts: missing,
            });
        }
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(|part| part.name()).collect();
            return Err(DateInputError {
                message: format!("{label} must include a {}", names.join(" and ")),
                parts: missing,
            });
        }
        let not_real = |parts: Vec<DatePart>| DateInputError {
            message: format!("{label} must be a real date"),
            parts,
        };
        let day = self
            .day
            .trim()
            .parse::<u32>()
            .map_err(|_| not_real(vec![DatePart::Day]))?;
        let month = parse_month(self.month.trim()).ok_or_else(|| not_real(vec![DatePart::Month]))?;
        let year_text = self.year.trim();
        if year_text.len() != 4 || !year_text.chars().all(|c| c.is_ascii_digit()) {
            return Err(DateInputError {
                message: "Year must include 4 numbers".into(),
                parts: vec![DatePart::Year],
            });
        }
        let year: i32 = year_text.parse().map_err(|_| not_real(vec![DatePart::Year]))?;
        if !(1..=12).contains(&month) {
            return Err(not_real(vec![DatePart::Month]));
        }
        let date = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| not_real(vec![DatePart::Day]))?;
        if date > latest {
            return Err(DateInputError {
                message: format!("{label} must be today or in the past"),
                parts: vec![DatePart::Day, DatePart::Month, DatePart::Year],
            });
        }
        if year < 1990 {
            return Err(DateInputError {
                message: format!("{label} must be after 1990"),
                parts: vec![DatePart::Year],
            });
        }
        Ok(date)
    }
}

//! The period a report covers: by default the financial year, 1 April to 31 March.

use crate::record::{DateInput, DatePart};
use chrono::{Datelike, Months, NaiveDate};

/// What is wrong with a typed range: each side's message and the boxes to mark.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RangeProblem {
    pub start: Option<(String, Vec<DatePart>)>,
    pub end: Option<(String, Vec<DatePart>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    /// The last day counted.
    pub end: NaiveDate,
}

impl Period {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        Period { start, end }
    }

    /// A range from two typed dates: each must be whole and real, and the end not before the start.
    pub fn from_typed(start: &DateInput, end: &DateInput) -> Result<Self, RangeProblem> {
        let read =
            |input: &DateInput, label: &str| input.parse(label, NaiveDate::MAX).map_err(|e| (e.message, e.parts));
        match (read(start, "Start date"), read(end, "End date")) {
            (Ok(start), Ok(end)) if start <= end => Ok(Period { start, end }),
            (Ok(_), Ok(_)) => Err(RangeProblem {
                start: None,
                end: Some((
                    "End date must be on or after the start date".into(),
                    vec![DatePart::Day, DatePart::Month, DatePart::Year],
                )),
            }),
            (start, end) => Err(RangeProblem {
                start: start.err(),
                end: end.err(),
            }),
        }
    }

    /// The financial year (1 April to 31 March) that `day` falls in. At the very ends of the
    /// calendar the year is cut to the days chrono holds.
    pub fn financial_year(day: NaiveDate) -> Self {
        let year = if day.month() >= 4 {
            day.year()
        } else {
            day.year().saturating_sub(1)
        };
        Period {
            start: NaiveDate::from_ymd_opt(year, 4, 1).unwrap_or(NaiveDate::MIN),
            end: year
                .checked_add(1)
                .and_then(|next| NaiveDate::from_ymd_opt(next, 3, 31))
                .unwrap_or(NaiveDate::MAX),
        }
    }

    /// The quarter (April–June, July–September, October–December, January–March) `day` is in.
    pub fn quarter(day: NaiveDate) -> Self {
        let first_month = (day.month0() / 3) * 3 + 1;
        let start = NaiveDate::from_ymd_opt(day.year(), first_month, 1).unwrap_or(day);
        let end = start
            .checked_add_months(Months::new(3))
            .and_then(|next| next.pred_opt())
            .unwrap_or(NaiveDate::MAX);
        Period { start, end }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// The same span of dates `years` years earlier.
    /// Before the start of the calendar it stops there.
    pub fn years_before(&self, years: u32) -> Self {
        let back = Months::new(years.saturating_mul(12));
        Period {
            start: self.start.checked_sub_months(back).unwrap_or(NaiveDate::MIN),
            end: self.end.checked_sub_months(back).unwrap_or(NaiveDate::MIN),
        }
    }

    /// "2025–26" for a financial year; "1 Apr 2025 to 30 Jun 2025" otherwise.
    pub fn label(&self) -> String {
        let is_financial_year = self.start.month() == 4
            && self.start.day() == 1
            && self
                .start
                .year()
                .checked_add(1)
                .and_then(|next| NaiveDate::from_ymd_opt(next, 3, 31))
                == Some(self.end);
        if is_financial_year {
            format!("{}–{:02}", self.start.year(), (self.start.year() + 1).rem_euclid(100))
        } else {
            format!("{} to {}", self.start.format("%-d %b %Y"), self.end.format("%-d %b %Y"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn financial_years_and_quarters() {
        let year = Period::financial_year(day("2026-03-31"));
        assert_eq!((year.start, year.end), (day("2025-04-01"), day("2026-03-31")));
        assert_eq!(year.label(), "2025–26");
        assert_eq!(Period::financial_year(day("2026-04-01")).label(), "2026–27");
        assert_eq!(year.years_before(2).label(), "2023–24");
        let quarter = Period::quarter(day("2026-11-22"));
        assert_eq!((quarter.start, quarter.end), (day("2026-10-01"), day("2026-12-31")));
        assert_eq!(quarter.label(), "1 Oct 2026 to 31 Dec 2026");
        assert!(quarter.contains(day("2026-12-31")) && !quarter.contains(day("2027-01-01")));
    }

    #[test]
    fn a_typed_range_names_what_is_wrong_on_each_side() {
        let typed = |d: &str, m: &str, y: &str| DateInput::new(d, m, y);
        let range = Period::from_typed(&typed("1", "1", "2026"), &typed("31", "1", "2026")).unwrap();
        assert_eq!(range.label(), "1 Jan 2026 to 31 Jan 2026");
        let backwards = Period::from_typed(&typed("1", "2", "2026"), &typed("31", "1", "2026")).unwrap_err();
        assert_eq!(backwards.end.unwrap().0, "End date must be on or after the start date");
        let half = Period::from_typed(&typed("", "1", "2026"), &typed("31", "2", "2026")).unwrap_err();
        assert_eq!(half.start.unwrap().0, "Start date must include a day");
        assert_eq!(half.end.unwrap().0, "End date must be a real date");
    }
}

//! The period a report covers: by default the financial year, 1 April to 31 March; the years a
//! report offers to choose from; and a range of dates typed for the member's update.

use crate::problem::Problem;
use crate::record::{DateInput, Record};
use chrono::{Datelike, Months, NaiveDate};

/// The id of the date input for the first day of a typed range (the member's update's "From").
pub const START_FIELD: &str = "member-from";
/// The id of the date input for the last day of a typed range ("To").
pub const END_FIELD: &str = "member-to";

/// The most financial years a report offers, this one included.
pub const YEARS_OFFERED: usize = 30;

/// The member's update's two dates as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodDraft {
    pub start: DateInput,
    pub end: DateInput,
}

impl PeriodDraft {
    /// The boxes holding `period`'s first and last days.
    pub fn of(period: Period) -> Self {
        Self {
            start: DateInput::from_date(period.start),
            end: DateInput::from_date(period.end),
        }
    }

    /// The range typed, or its problems ([`Period::from_typed`]).
    pub fn period(&self) -> Result<Period, Vec<Problem>> {
        Period::from_typed(&self.start, &self.end)
    }
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
    /// The problems are about `START_FIELD` and `END_FIELD`, start first, each marking only the
    /// boxes at fault.
    pub fn from_typed(start: &DateInput, end: &DateInput) -> Result<Self, Vec<Problem>> {
        let read = |input: &DateInput, label: &str| input.parse(label, NaiveDate::MAX);
        match (read(start, "Start date"), read(end, "End date")) {
            (Ok(start), Ok(end)) if start <= end => Ok(Period { start, end }),
            (Ok(_), Ok(_)) => Err(vec![Problem::whole_date(
                END_FIELD,
                "End date must be on or after the start date",
            )]),
            (start, end) => Err(start
                .err()
                .map(|e| Problem::date(START_FIELD, e))
                .into_iter()
                .chain(end.err().map(|e| Problem::date(END_FIELD, e)))
                .collect()),
        }
    }

    /// The financial years a report offers, latest first: this one, then each earlier year back
    /// to the one holding the earliest record received (sample records too), at most
    /// `YEARS_OFFERED`.
    pub fn financial_years_to_offer(today: NaiveDate, records: &[Record]) -> Vec<Period> {
        let current = Period::financial_year(today);
        let earliest = records.iter().map(|r| r.received).min().unwrap_or(today);
        let mut years = vec![current];
        while years.last().is_some_and(|p| p.start > earliest) && years.len() < YEARS_OFFERED {
            years.push(current.years_before(u32::try_from(years.len()).unwrap_or(u32::MAX)));
        }
        years
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
            format!(
                "{} to {}",
                crate::format::day_short_month(self.start),
                crate::format::day_short_month(self.end)
            )
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
    fn the_member_update_form_opens_on_a_period_and_reads_it_back() {
        let quarter = Period::quarter(day("2026-11-22"));
        let mut draft = PeriodDraft::of(quarter);
        assert_eq!(draft.start, DateInput::new("1", "10", "2026"));
        assert_eq!(draft.period(), Ok(quarter));
        draft.end.month = "13".into();
        let problems = draft.period().unwrap_err();
        assert_eq!(problems[0].anchor(), "member-to-month");
    }

    #[test]
    fn a_typed_range_names_what_is_wrong_on_each_side() {
        use crate::record::DatePart::{Day, Month, Year};
        let typed = |d: &str, m: &str, y: &str| DateInput::new(d, m, y);
        let range = Period::from_typed(&typed("1", "1", "2026"), &typed("31", "1", "2026")).unwrap();
        assert_eq!(range.label(), "1 Jan 2026 to 31 Jan 2026");
        let one_day = Period::from_typed(&typed("1", "1", "2026"), &typed("1", "1", "2026")).unwrap();
        assert_eq!(one_day.start, one_day.end);

        let backwards = Period::from_typed(&typed("1", "2", "2026"), &typed("31", "1", "2026")).unwrap_err();
        assert_eq!(
            backwards,
            [Problem::whole_date(
                END_FIELD,
                "End date must be on or after the start date"
            )]
        );
        assert_eq!(backwards[0].parts, [Day, Month, Year]);
        assert_eq!(backwards[0].anchor(), "member-to-day");

        let half = Period::from_typed(&typed("", "1", "2026"), &typed("31", "2", "2026")).unwrap_err();
        let said: Vec<(&str, &str, &[_])> = half
            .iter()
            .map(|p| (p.field.as_str(), p.message.as_str(), p.parts.as_slice()))
            .collect();
        assert_eq!(
            said,
            [
                (START_FIELD, "Start date must include a day", &[Day][..]),
                (END_FIELD, "End date must be a real date", &[Day][..]),
            ]
        );

        // Only the box at fault is marked, and the summary's link goes to it.
        let month = Period::from_typed(&typed("1", "13", "2026"), &typed("31", "1", "2027")).unwrap_err();
        assert_eq!(month.len(), 1);
        assert_eq!(
            (month[0].field.as_str(), month[0].parts.as_slice()),
            (START_FIELD, &[Month][..])
        );
        assert_eq!(month[0].anchor(), "member-from-month");
        let year = Period::from_typed(&typed("1", "1", "2026"), &typed("31", "1", "26")).unwrap_err();
        assert_eq!(
            (
                year[0].field.as_str(),
                year[0].message.as_str(),
                year[0].parts.as_slice()
            ),
            (END_FIELD, "Year must include 4 numbers", &[Year][..])
        );
    }

    fn received(on: &str) -> Record {
        serde_json::from_value(serde_json::json!({
            "id": on, "kind": "compliment", "received": on, "service": "Corporate",
            "person_name": null, "summary": "", "created": "2026-01-01T09:00:00Z",
            "updated": "2026-01-01T09:00:00Z",
        }))
        .unwrap()
    }

    #[test]
    fn the_years_offered_run_back_to_the_earliest_record() {
        let today = day("2026-02-20");
        let offered = |records: &[Record]| -> Vec<String> {
            Period::financial_years_to_offer(today, records)
                .iter()
                .map(Period::label)
                .collect()
        };
        assert_eq!(offered(&[]), ["2025–26"], "with no records, this year");
        assert_eq!(offered(&[received("2026-02-01")]), ["2025–26"]);
        assert_eq!(offered(&[received("2027-05-01")]), ["2025–26"], "a record dated later");
        assert_eq!(
            offered(&[received("2025-01-10"), received("2023-04-01")]),
            ["2025–26", "2024–25", "2023–24"],
            "the year that starts on the earliest record's day is the last"
        );
        assert_eq!(
            offered(&[received("2023-03-31")]),
            ["2025–26", "2024–25", "2023–24", "2022–23"]
        );
        let long_ago = Period::financial_years_to_offer(today, &[received("1900-06-01")]);
        assert_eq!(long_ago.len(), YEARS_OFFERED);
        assert_eq!(long_ago.last().unwrap().label(), "1996–97");
        // Today the last day chrono holds: no panic, and the cap holds.
        let ends = Period::financial_years_to_offer(NaiveDate::MAX, &[received("1990-01-01")]);
        assert_eq!(ends.len(), YEARS_OFFERED);
    }
}

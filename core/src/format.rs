//! Dates in words, the en-GB way every page shows them ("Tue 30 Dec 2025").

use chrono::NaiveDate;

/// "Tue 30 Dec 2025".
pub fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// "Tuesday 30 December 2025".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn en_gb() {
        let date = NaiveDate::from_ymd_opt(2025, 12, 30).unwrap();
        assert_eq!(short_date(date), "Tue 30 Dec 2025");
        assert_eq!(long_date(date), "Tuesday 30 December 2025");
    }
}

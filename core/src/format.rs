//! Dates in words, the en-GB way every page shows them ("Tue 30 Dec 2025").

use chrono::NaiveDate;

/// "Tue 30 Dec 2025".
pub fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// "Tuesday 30 December 2025".
/// A count as GOV.UK writes numbers: "50,000", "1,250", "7".
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

pub fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(super::count(7), "7");
        assert_eq!(super::count(999), "999");
        assert_eq!(super::count(1000), "1,000");
        assert_eq!(super::count(50000), "50,000");
        assert_eq!(super::count(1234567), "1,234,567");
    }

    use super::*;

    #[test]
    fn en_gb() {
        let date = NaiveDate::from_ymd_opt(2025, 12, 30).unwrap();
        assert_eq!(short_date(date), "Tue 30 Dec 2025");
        assert_eq!(long_date(date), "Tuesday 30 December 2025");
    }
}

//! Dates and moments for tests: a day written as text, and the fixed "today" and "now" most
//! tests run on.

use chrono::{DateTime, NaiveDate, Utc};

/// The day written as `text` ("2025-12-19").
pub fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The day most tests run on: Sunday 22 November 2026.
pub fn today() -> NaiveDate {
    date("2026-11-22")
}

/// The moment most tests run at: 10:00 on [`today`].
pub fn now() -> DateTime<Utc> {
    "2026-11-22T10:00:00Z".parse().unwrap()
}

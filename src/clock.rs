//! The browser's clock, read here and passed into the core (which has none).

use chrono::{DateTime, NaiveDate, Utc};

/// Today in the device's own time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
        .expect("the browser's date is a real date")
}

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).expect("the browser's clock is in range")
}

//! Dates and times in words, the en-GB way every page shows them ("Tue 30 Dec 2025",
//! "1 Jul 2026, 2:05pm BST"): times in UK time, with British Summer Time, never UTC.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Utc};

// Names written out here rather than through chrono's `format`, whose general formatter (a
// parser of "%a %-d %b" at run time) costs about 20 KB of wasm for these few shapes.
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn day_name(date: NaiveDate) -> &'static str {
    DAYS[date.weekday().num_days_from_monday() as usize]
}

fn month_name(month: u32) -> &'static str {
    MONTHS[(month as usize + 11) % 12]
}

/// The first three letters: "Tue", "Dec" (GOV.UK's short forms, "Sept" aside, are these).
fn short(name: &str) -> &str {
    name.get(..3).unwrap_or(name)
}

/// "Tue 30 Dec 2025".
pub fn short_date(date: NaiveDate) -> String {
    format!("{} {}", short(day_name(date)), day_short_month(date))
}

/// "30 Dec 2025".
pub fn day_short_month(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), short(month_name(date.month())), date.year())
}

/// "30 December 2025".
pub fn day_long_month(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name(date.month()), date.year())
}

/// "2025-12-30", as files and CSV cells carry a date.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

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

/// A number with its noun, singular for one: "1 record", "2,500 records".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", count(n))
    }
}

/// "Tuesday 30 December 2025".
pub fn long_date(date: NaiveDate) -> String {
    format!("{} {}", day_name(date), day_long_month(date))
}

/// The last Sunday of a month, at one in the morning UTC: when British Summer Time begins (in
/// March) and ends (in October), under the Summer Time Order 2002.
fn change_over(year: i32, month: u32) -> Option<NaiveDateTime> {
    let first_of_next = NaiveDate::from_ymd_opt(year, month + 1, 1)?;
    let last = first_of_next.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    (last - Duration::days(i64::from(back))).and_hms_opt(1, 0, 0)
}

/// Whether UK clocks are on British Summer Time at this moment.
pub fn is_summer_time(at: DateTime<Utc>) -> bool {
    let moment = at.naive_utc();
    match (change_over(moment.year(), 3), change_over(moment.year(), 10)) {
        (Some(start), Some(end)) => start <= moment && moment < end,
        _ => false,
    }
}

/// The moment on UK clocks, and the zone's short name: "BST" or "GMT".
pub fn uk_clock(at: DateTime<Utc>) -> (NaiveDateTime, &'static str) {
    if is_summer_time(at) {
        (at.naive_utc() + Duration::hours(1), "BST")
    } else {
        (at.naive_utc(), "GMT")
    }
}

/// "1 Jul 2026, 2:05pm BST": a moment as UK clocks showed it, in GOV.UK's style for times.
pub fn uk_time(at: DateTime<Utc>) -> String {
    let (clock, zone) = uk_clock(at);
    let day = day_short_month(clock.date());
    match (clock.hour(), clock.minute()) {
        (12, 0) => return format!("{day}, midday {zone}"),
        (0, 0) => return format!("{day}, midnight {zone}"),
        _ => {}
    }
    let hour = match clock.hour() % 12 {
        0 => 12,
        h => h,
    };
    let half = if clock.hour() < 12 { "am" } else { "pm" };
    format!("{day}, {hour}:{:02}{half} {zone}", clock.minute())
}

/// "2026-07-01-1405": a moment on UK clocks for a file's name.
pub fn uk_stamp(at: DateTime<Utc>) -> String {
    let (clock, _) = uk_clock(at);
    format!("{}-{:02}{:02}", iso_date(clock.date()), clock.hour(), clock.minute())
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
        assert_eq!(day_short_month(date), "30 Dec 2025");
        assert_eq!(day_long_month(date), "30 December 2025");
        assert_eq!(iso_date(date), "2025-12-30");
        // Every day and month name, against chrono's own formatter.
        for offset in 0..400 {
            let day = date + Duration::days(offset);
            assert_eq!(long_date(day), day.format("%A %-d %B %Y").to_string());
            assert_eq!(short_date(day), day.format("%a %-d %b %Y").to_string());
            assert_eq!(iso_date(day), day.format("%Y-%m-%d").to_string());
        }
    }

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn times_are_shown_in_uk_time_with_summer_time() {
        // Winter: GMT, the same as UTC.
        assert_eq!(uk_time(at("2026-01-15T09:30:00Z")), "15 Jan 2026, 9:30am GMT");
        // Summer: an hour ahead, and the date can move on.
        assert_eq!(uk_time(at("2026-07-01T13:05:00Z")), "1 Jul 2026, 2:05pm BST");
        assert_eq!(uk_time(at("2026-06-30T23:30:00Z")), "1 Jul 2026, 12:30am BST");
        assert_eq!(uk_time(at("2026-12-01T12:00:00Z")), "1 Dec 2026, midday GMT");
        assert_eq!(uk_stamp(at("2026-07-01T13:05:00Z")), "2026-07-01-1405");
    }

    #[test]
    fn summer_time_starts_and_ends_at_one_in_the_morning_utc_on_the_last_sundays() {
        // 2026: Sunday 29 March and Sunday 25 October.
        assert!(!is_summer_time(at("2026-03-29T00:59:59Z")));
        assert!(is_summer_time(at("2026-03-29T01:00:00Z")));
        assert!(is_summer_time(at("2026-10-25T00:59:59Z")));
        assert!(!is_summer_time(at("2026-10-25T01:00:00Z")));
        // 2027: Sunday 28 March and Sunday 31 October (a month ending on a Sunday).
        assert!(is_summer_time(at("2027-03-28T01:00:00Z")));
        assert!(is_summer_time(at("2027-10-31T00:30:00Z")));
        assert!(!is_summer_time(at("2027-10-31T01:00:00Z")));
        assert_eq!(uk_time(at("2027-10-31T00:30:00Z")), "31 Oct 2027, 1:30am BST");
        assert_eq!(uk_time(at("2027-10-31T01:30:00Z")), "31 Oct 2027, 1:30am GMT");
    }
}

//! Easter Sunday by computation (the anonymous Gregorian algorithm), so no table of dates is needed.

use chrono::NaiveDate;

/// Easter Sunday of `year` in the Gregorian calendar; `None` for a year the algorithm (or
/// chrono) cannot place, such as one before year 1.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if year < 1 {
        return None;
    }
    // Every value below stays small for any positive i32 year: `b` is at most about 2 × 10⁷.
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_easters() {
        for (year, month, day) in [
            (2000, 4, 23),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(year), NaiveDate::from_ymd_opt(year, month, day), "{year}");
        }
    }

    #[test]
    fn no_easter_outside_what_chrono_can_hold() {
        assert_eq!(easter_sunday(0), None);
        assert_eq!(easter_sunday(i32::MIN), None);
        assert_eq!(easter_sunday(i32::MAX), None);
    }
}

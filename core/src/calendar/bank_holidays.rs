//! Bank holidays of the UK's three divisions, worked out from the standing rules plus a table of
//! one-off changes, so the app needs no network and no yearly update to know them.
//!
//! Fixed-date holidays that fall on a weekend get a substitute day: the next weekday that is not
//! already a holiday (so Christmas on a Saturday moves to Monday and Boxing Day to Tuesday).
//!
//! Holidays are worked out only for [`HOLIDAY_YEARS`]: bank holidays began in 1871, and no rule
//! can say what they will be centuries ahead. Outside those years only weekends are non-working,
//! which also keeps the work (and the cache) bounded whatever date a file holds.

use super::easter::easter_sunday;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The nation an organisation is in: it keeps that division's bank holidays, and is offered that
/// nation's complaint procedures first.
///
/// `england-and-wales` is the code settings have always stored; it now means England (its bank
/// holidays are England and Wales's, as before). `wales`, added with the Welsh procedures, keeps
/// the same bank holidays and offers the Welsh procedures first. Settings stored before `wales`
/// existed read unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Nation {
    #[default]
    EnglandAndWales,
    Scotland,
    NorthernIreland,
    Wales,
}

impl Nation {
    pub const ALL: [Nation; 4] = [
        Nation::EnglandAndWales,
        Nation::Wales,
        Nation::Scotland,
        Nation::NorthernIreland,
    ];

    /// The nation, as chosen in Settings.
    pub fn name(self) -> &'static str {
        match self {
            Nation::EnglandAndWales => "England",
            Nation::Wales => "Wales",
            Nation::Scotland => "Scotland",
            Nation::NorthernIreland => "Northern Ireland",
        }
    }

    /// The division whose bank holidays it keeps, as in "Scotland bank holidays".
    pub fn holidays_name(self) -> &'static str {
        match self {
            Nation::EnglandAndWales | Nation::Wales => "England and Wales",
            Nation::Scotland => "Scotland",
            Nation::NorthernIreland => "Northern Ireland",
        }
    }

    /// The division whose bank holidays it keeps: Wales keeps England and Wales's.
    pub fn division(self) -> Nation {
        match self {
            Nation::Wales => Nation::EnglandAndWales,
            other => other,
        }
    }
}

/// One bank holiday: its date and its name as people say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BankHoliday {
    pub date: NaiveDate,
    pub name: String,
}

/// The years whose bank holidays are known.
pub const HOLIDAY_YEARS: std::ops::RangeInclusive<i32> = 1871..=2500;

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The first `weekday` of `month`.
fn first(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, 1)
}

/// The last `weekday` of `month`.
fn last(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let next_month = if month == 12 {
        ymd(year.checked_add(1)?, 1, 1)?
    } else {
        ymd(year, month.checked_add(1)?, 1)?
    };
    let mut date = next_month.pred_opt()?;
    while date.weekday() != weekday {
        date = date.pred_opt()?;
    }
    Some(date)
}

/// Moved and extra holidays proclaimed for a single year. A moved holiday replaces the standing
/// one of the same name; an extra one is added.
enum OneOff {
    Moved {
        standing: &'static str,
        to: (i32, u32, u32),
    },
    Extra {
        name: &'static str,
        on: (i32, u32, u32),
    },
}

const EARLY_MAY: &str = "Early May bank holiday";
const SPRING: &str = "Spring bank holiday";

/// Applies to every division.
const ONE_OFFS: &[OneOff] = &[
    OneOff::Moved {
        standing: EARLY_MAY,
        to: (1995, 5, 8),
    },
    OneOff::Extra {
        name: "Millennium Day",
        on: (1999, 12, 31),
    },
    OneOff::Moved {
        standing: SPRING,
        to: (2002, 6, 4),
    },
    OneOff::Extra {
        name: "Golden Jubilee bank holiday",
        on: (2002, 6, 3),
    },
    OneOff::Extra {
        name: "Royal wedding",
        on: (2011, 4, 29),
    },
    OneOff::Moved {
        standing: SPRING,
        to: (2012, 6, 4),
    },
    OneOff::Extra {
        name: "Queen’s Diamond Jubilee",
        on: (2012, 6, 5),
    },
    OneOff::Moved {
        standing: EARLY_MAY,
        to: (2020, 5, 8),
    },
    OneOff::Moved {
        standing: SPRING,
        to: (2022, 6, 2),
    },
    OneOff::Extra {
        name: "Platinum Jubilee bank holiday",
        on: (2022, 6, 3),
    },
    OneOff::Extra {
        name: "Bank Holiday for the State Funeral of Queen Elizabeth II",
        on: (2022, 9, 19),
    },
    OneOff::Extra {
        name: "Bank holiday for the coronation of King Charles III",
        on: (2023, 5, 8),
    },
];

thread_local! {
    /// Each year's holidays are worked out once: counting asks about every day it passes.
    static CACHE: std::cell::RefCell<std::collections::HashMap<(Nation, i32), Vec<BankHoliday>>> =
        Default::default();
}

/// Every bank holiday of `nation` in `year`, in date order; none outside [`HOLIDAY_YEARS`].
pub fn bank_holidays(nation: Nation, year: i32) -> Vec<BankHoliday> {
    if !HOLIDAY_YEARS.contains(&year) {
        return Vec::new();
    }
    let nation = nation.division();
    if let Some(cached) = CACHE.with(|cache| cache.borrow().get(&(nation, year)).cloned()) {
        return cached;
    }
    let holidays = work_out(nation, year).unwrap_or_default();
    CACHE.with(|cache| cache.borrow_mut().insert((nation, year), holidays.clone()));
    holidays
}

/// Calls `f` with the year's holidays without copying them.
pub(super) fn with_holidays<T>(nation: Nation, year: i32, f: impl FnOnce(&[BankHoliday]) -> T) -> T {
    if !HOLIDAY_YEARS.contains(&year) {
        return f(&[]);
    }
    let nation = nation.division();
    if !CACHE.with(|cache| cache.borrow().contains_key(&(nation, year))) {
        bank_holidays(nation, year);
    }
    CACHE.with(|cache| match cache.borrow().get(&(nation, year)) {
        Some(holidays) => f(holidays),
        None => f(&[]),
    })
}

/// `None` only for a year chrono cannot hold, which [`HOLIDAY_YEARS`] already keeps out.
fn work_out(nation: Nation, year: i32) -> Option<Vec<BankHoliday>> {
    // Fixed dates, in the order they take substitute days.
    let mut fixed: Vec<(&str, NaiveDate)> = vec![("New Year’s Day", ymd(year, 1, 1)?)];
    if nation == Nation::Scotland {
        fixed.push(("2nd January", ymd(year, 1, 2)?));
    }
    if nation == Nation::NorthernIreland {
        fixed.push(("St Patrick’s Day", ymd(year, 3, 17)?));
        fixed.push(("Battle of the Boyne (Orangemen’s Day)", ymd(year, 7, 12)?));
    }
    // St Andrew's Day has been a Scottish bank holiday since 2007.
    if nation == Nation::Scotland && year >= 2007 {
        fixed.push(("St Andrew’s Day", ymd(year, 11, 30)?));
    }
    fixed.push(("Christmas Day", ymd(year, 12, 25)?));
    fixed.push(("Boxing Day", ymd(year, 12, 26)?));

    let easter = easter_sunday(year)?;
    let mut movable: Vec<(String, NaiveDate)> = vec![
        ("Good Friday".into(), easter.checked_sub_days(Days::new(2))?),
        (EARLY_MAY.into(), first(year, 5, Weekday::Mon)?),
        (SPRING.into(), last(year, 5, Weekday::Mon)?),
    ];
    if nation != Nation::Scotland {
        movable.push(("Easter Monday".into(), easter.checked_add_days(Days::new(1))?));
        movable.push(("Summer bank holiday".into(), last(year, 8, Weekday::Mon)?));
    } else {
        movable.push(("Summer bank holiday".into(), first(year, 8, Weekday::Mon)?));
    }
    for one_off in ONE_OFFS {
        match *one_off {
            OneOff::Moved {
                standing,
                to: (y, m, d),
            } if y == year => {
                if let (Some(entry), Some(date)) = (movable.iter_mut().find(|(name, _)| name == standing), ymd(y, m, d))
                {
                    entry.1 = date;
                }
            }
            OneOff::Extra { name, on: (y, m, d) } if y == year => {
                movable.extend(ymd(y, m, d).map(|on| (name.into(), on)))
            }
            _ => {}
        }
    }

    let mut holidays: Vec<BankHoliday> = movable
        .into_iter()
        .map(|(name, date)| BankHoliday { date, name })
        .collect();
    // Weekday fixed holidays keep their day; weekend ones then take the next free weekday.
    for (name, date) in fixed.iter().filter(|(_, date)| !is_weekend(*date)) {
        holidays.push(BankHoliday {
            date: *date,
            name: (*name).into(),
        });
    }
    for (name, date) in fixed.iter().filter(|(_, date)| is_weekend(*date)) {
        let mut substitute = *date;
        while is_weekend(substitute) || holidays.iter().any(|h| h.date == substitute) {
            substitute = substitute.succ_opt()?;
        }
        holidays.push(BankHoliday {
            date: substitute,
            name: format!("{name} (substitute day)"),
        });
    }
    crate::order::sort_by_key(&mut holidays, |h| h.date);
    Some(holidays)
}

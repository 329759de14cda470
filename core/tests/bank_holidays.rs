//! The computed bank holidays against the official list for 2012–2028, every division.

use chrono::{Datelike, NaiveDate};
use redress_core::calendar::{Nation, bank_holidays};
use std::collections::BTreeSet;

const ORACLE: &str = include_str!("fixtures/govuk-bank-holidays-2012-2028.json");

fn oracle(division: &str) -> BTreeSet<NaiveDate> {
    let json: serde_json::Value = serde_json::from_str(ORACLE).unwrap();
    json[division]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["date"].as_str().unwrap().parse().unwrap())
        .collect()
}

#[test]
fn every_division_matches_the_official_list_exactly() {
    for (nation, division) in [
        (Nation::EnglandAndWales, "england-and-wales"),
        (Nation::Scotland, "scotland"),
        (Nation::NorthernIreland, "northern-ireland"),
    ] {
        let official = oracle(division);
        let years: BTreeSet<i32> = official.iter().map(|d| d.year()).collect();
        assert_eq!(
            years,
            (2012..=2028).collect(),
            "{division}: the oracle covers 2012–2028"
        );
        for year in years {
            let official_year: BTreeSet<NaiveDate> = official.iter().copied().filter(|d| d.year() == year).collect();
            let computed: BTreeSet<NaiveDate> = bank_holidays(nation, year).into_iter().map(|h| h.date).collect();
            assert_eq!(computed, official_year, "{division} {year}");
        }
    }
}

#[test]
fn christmas_on_a_saturday_moves_christmas_to_monday_and_boxing_day_to_tuesday() {
    let names: Vec<(String, String)> = bank_holidays(Nation::EnglandAndWales, 2021)
        .into_iter()
        .filter(|h| h.date.month() == 12)
        .map(|h| (h.date.to_string(), h.name))
        .collect();
    assert_eq!(
        names,
        vec![
            ("2021-12-27".into(), "Christmas Day (substitute day)".into()),
            ("2021-12-28".into(), "Boxing Day (substitute day)".into()),
        ]
    );
}

#[test]
fn every_year_from_1990_to_2100_has_the_standing_holidays() {
    for year in 1990..=2100 {
        assert!(bank_holidays(Nation::EnglandAndWales, year).len() >= 8, "{year}");
        assert!(bank_holidays(Nation::Scotland, year).len() >= 8, "{year}");
        assert!(bank_holidays(Nation::NorthernIreland, year).len() >= 10, "{year}");
    }
}

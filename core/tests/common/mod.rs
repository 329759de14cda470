//! What several core test files share: a fixed moment, who exports, the sample records made
//! real, and an organisation's settings.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, Utc};
use redress_core::exchange::file::Exporter;
use redress_core::record::{Change, Record};
use redress_core::sample::sample_records;
use redress_core::settings::Settings;

pub fn now() -> DateTime<Utc> {
    "2026-11-22T10:00:00Z".parse().unwrap()
}

pub fn exporter() -> Exporter {
    Exporter {
        app_version: "0.1.0".into(),
        at: now(),
        organisation: "Exampleshire Council".into(),
    }
}

/// The sample records, made real (not marked as samples).
pub fn records() -> Vec<Record> {
    let today: NaiveDate = "2026-11-22".parse().unwrap();
    sample_records(today, &Settings::default(), &Change::new("Sam Officer", now()))
        .into_iter()
        .map(|mut r| {
            r.sample = false;
            r
        })
        .collect()
}

pub fn settings() -> Settings {
    Settings {
        organisation_name: "Exampleshire Council".into(),
        user_name: "Sam Officer".into(),
        ..Settings::default()
    }
}

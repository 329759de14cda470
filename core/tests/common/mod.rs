//! What several core test files share, so each is written once: dates and moments
//! ([`dates`]), records made for a test ([`records`]), and here who exports, an
//! organisation's settings and the deadline rules for a day.
//!
//! A test file takes it with `mod common;` and uses what it needs, e.g.
//! `use common::dates::date;`.
#![allow(dead_code)]

pub mod dates;
pub mod records;

use redress_core::deadline::Rules;
use redress_core::exchange::file::Exporter;
use redress_core::settings::Settings;

pub fn exporter() -> Exporter {
    Exporter {
        app_version: "0.1.0".into(),
        at: dates::now(),
        organisation: "Exampleshire Council".into(),
    }
}

pub fn settings() -> Settings {
    Settings {
        organisation_name: "Exampleshire Council".into(),
        user_name: "Sam Officer".into(),
        ..Settings::default()
    }
}

/// The deadline rules of the default settings, as on `today` ("2026-01-19").
pub fn rules(today: &str) -> Rules {
    Settings::default().rules(dates::date(today))
}

//! How long the records list, My work and the annual report take with 5,000 and 50,000
//! records: run with `cargo bench -p redress-core`. Prints timings; asserts nothing about them.
//!
//! "One saved record" is what the records page pays when one record changes: one row
//! re-derived ([`Rows::upsert`]), not all of them. "One keystroke" is a search over every row,
//! sorted, and its first page.

use chrono::NaiveDate;
use redress_core::record::search::{RecordFilter, Rows, SortBy, page};
use redress_core::record::{Change, Record};
use redress_core::report::Period;
use redress_core::report::annual::annual_report;
use redress_core::sample::sample_records;
use redress_core::settings::Settings;
use redress_core::worklist::{WorkFor, my_work};
use std::time::Instant;

/// `count` realistic records: the sample set, received every few days further back.
fn records(count: usize, today: NaiveDate, settings: &Settings, change: &Change) -> Vec<Record> {
    let mut records: Vec<Record> = Vec::with_capacity(count + 20);
    let mut batch = 0u64;
    while records.len() < count {
        let day = today
            .checked_sub_days(chrono::Days::new(batch % 2_400 * 3))
            .unwrap_or(today);
        for mut record in sample_records(day, settings, change) {
            record.id = format!("{}-{batch}", record.id);
            record.reference = format!("{}-{batch}", record.reference);
            records.push(record);
        }
        batch += 1;
    }
    records.truncate(count);
    records
}

fn time(what: &str, runs: u32, f: &mut dyn FnMut()) {
    let start = Instant::now();
    for _ in 0..runs {
        f();
    }
    println!(
        "  {what}: {:.2} ms",
        start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
    );
}

fn main() {
    let settings = Settings::default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("a real date");
    let change = Change::new("Bench", "2026-11-20T09:00:00Z".parse().expect("a real time"));
    let rules = settings.rules(today);
    for count in [5_000, 50_000] {
        let records = records(count, today, &settings, &change);
        println!("{} records", records.len());
        let runs = if count > 10_000 { 2 } else { 5 };

        let mut rows = Rows::default();
        time(
            "rows with next deadlines, all of them (start-up, a new day)",
            runs,
            &mut || {
                rows = Rows::new(&records, &rules);
            },
        );

        let mut edited = records[count / 2].clone();
        edited.summary.push_str(" Edited.");
        time("one saved record (one row re-derived)", 200, &mut || {
            rows.upsert(&edited, &rules);
        });

        let filter = RecordFilter {
            text: "care late".into(),
            advocacy: Some(false),
            ..RecordFilter::default()
        };
        time(
            "one search keystroke (filter, sort by next due, first page)",
            20,
            &mut || {
                let found = rows.find(&filter, SortBy::NextDue);
                std::hint::black_box(page(&found, 1, 20));
            },
        );
        let everything = RecordFilter::default();
        time("no search words: every row, newest first, first page", 20, &mut || {
            let found = rows.find(&everything, SortBy::Newest);
            std::hint::black_box(page(&found, 1, 20));
        });

        time("My work", runs, &mut || {
            std::hint::black_box(my_work(&records, &rules, &WorkFor::Everyone));
        });
        time("annual report", runs, &mut || {
            std::hint::black_box(annual_report(
                &records,
                &[],
                &rules,
                Period::financial_year(today),
                None,
            ));
        });
    }
}

//! How long the records list and My work take with thousands of records: run with
//! `cargo bench -p redress-core`. Prints timings; asserts nothing about them.

use chrono::NaiveDate;
use redress_core::record::search::{RecordFilter, RecordRow, SortBy, find_rows};
use redress_core::record::{Change, Record};
use redress_core::sample::sample_records;
use redress_core::settings::Settings;
use redress_core::worklist::my_work;
use std::time::Instant;

fn main() {
    let settings = Settings::default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("a real date");
    let change = Change::new("Bench", "2026-11-20T09:00:00Z".parse().expect("a real time"));
    let mut records: Vec<Record> = Vec::new();
    let mut batch = 0;
    while records.len() < 5_000 {
        let day = today - chrono::Days::new(batch * 3);
        for mut record in sample_records(day, &settings, &change) {
            record.id = format!("{}-{batch}", record.id);
            records.push(record);
        }
        batch += 1;
    }
    let rules = settings.rules(today);
    let time = |what: &str, runs: u32, f: &mut dyn FnMut()| {
        let start = Instant::now();
        for _ in 0..runs {
            f();
        }
        println!(
            "{what}: {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
        );
    };
    println!("{} records", records.len());
    let mut rows = Vec::new();
    time(
        "rows with next deadlines (once per change of the records)",
        5,
        &mut || {
            rows = records.iter().map(|r| RecordRow::new(r, &rules)).collect::<Vec<_>>();
        },
    );
    let filter = RecordFilter {
        text: "care late".into(),
        ..RecordFilter::default()
    };
    time("search as you type (each keystroke)", 50, &mut || {
        std::hint::black_box(find_rows(&rows, &filter, SortBy::NextDue));
    });
    time("My work", 5, &mut || {
        std::hint::black_box(my_work(&records, &rules));
    });
}

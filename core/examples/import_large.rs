//! How long reading a whole-device export of 50,000 records takes, and the most memory it
//! holds at once: run with `cargo run --release -p redress-core --example import_large`.
//! Prints figures; asserts nothing about them. The text itself is counted in the peak, as it is
//! in the app, which holds the file's text while it reads it.

use chrono::NaiveDate;
use redress_core::exchange::file::{self, Exporter};
use redress_core::record::{Change, Record};
use redress_core::sample::sample_records;
use redress_core::settings::Settings;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts the bytes held, and the most ever held since the last reset.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(held, Ordering::Relaxed);
        // SAFETY: the layout is passed on unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MB: f64 = 1_048_576.0;

fn main() {
    let settings = Settings::default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("a real date");
    let change = Change::new("Bench", "2026-11-20T09:00:00Z".parse().expect("a real time"));
    let mut records: Vec<Record> = Vec::new();
    let mut batch = 0;
    while records.len() < 50_000 {
        let day = today - chrono::Days::new(batch % 900);
        for mut record in sample_records(day, &settings, &change) {
            record.id = format!("{}-{batch}", record.id);
            record.sample = false;
            records.push(record);
        }
        batch += 1;
    }
    records.truncate(50_000);
    let exporter = Exporter {
        app_version: "bench".into(),
        at: change.at,
        organisation: "Bench".into(),
    };
    let text = file::everything(&records, &[], &settings, &[], &exporter, false).to_json();
    drop(records);
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let start = Instant::now();
    let read = file::read(&text);
    let elapsed = start.elapsed();
    let peak = PEAK.load(Ordering::Relaxed);
    let count = read.as_ref().map(|f| f.records.len()).unwrap_or(0);
    println!("file: {:.1} MB, {count} records read", text.len() as f64 / MB);
    println!("read: {:.0} ms", elapsed.as_secs_f64() * 1000.0);
    println!(
        "peak held while reading: {:.1} MB ({:.1} MB above the text and what was held before)",
        peak as f64 / MB,
        (peak - before) as f64 / MB
    );
    if let Err(problems) = read {
        println!("refused: {:?}", problems.first());
    }
}

//! Files are indented from compact text (one serialiser in the app, not two): the layout must be
//! byte for byte what serde_json's own pretty printer makes, for every kind of value.

use redress_core::exchange::file::Exporter;
use redress_core::exchange::pretty::indent;
use redress_core::record::Change;
use redress_core::settings::Settings;
use serde_json::json;

fn same(value: &serde_json::Value) {
    let compact = serde_json::to_string(value).unwrap();
    assert_eq!(
        indent(&compact),
        serde_json::to_string_pretty(value).unwrap(),
        "{compact}"
    );
}

#[test]
fn odd_values_are_laid_out_as_serde_json_lays_them_out() {
    for value in [
        json!(null),
        json!(1.5),
        json!("text"),
        json!([]),
        json!({}),
        json!([[]]),
        json!({"a": {}}),
        json!({"a": [], "b": [{}], "c": [[], [1, [2, {}]]]}),
        json!({"quotes \" and \\ back": "a, b: {c} [d]", "e": "\\", "f": "\\\"", "g": ["}", "]", ",", ":"]}),
        json!({"unicode": "Bronwen O’Neill — é ✓", "newline": "line\nline", "tab": "\t"}),
        json!([1, -2, 3.25, true, false, null, "x"]),
    ] {
        same(&value);
    }
}

#[test]
fn a_whole_export_is_laid_out_as_before() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let change = Change::new("Sam Officer", "2026-11-22T10:00:00Z".parse().unwrap());
    let settings = Settings::default();
    let records: Vec<_> = redress_core::sample::sample_records(today, &settings, &change)
        .into_iter()
        .map(|mut r| {
            r.sample = false;
            r
        })
        .collect();
    let exporter = Exporter {
        app_version: "0.1.0".into(),
        at: "2026-11-22T10:00:00Z".parse().unwrap(),
        organisation: "Exampleshire".into(),
    };
    let file = redress_core::exchange::file::everything(&records, &[], &settings, &[], &exporter, false);
    assert_eq!(file.records.len(), records.len());
    assert!(file.settings.is_some());
    assert_eq!(file.to_json(), serde_json::to_string_pretty(&file).unwrap());
}

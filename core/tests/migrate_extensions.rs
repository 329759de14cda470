//! The step to schema 4 — every extension of a stage kept, in order — against what the last
//! schema-3 release stored and exported (`fixtures/store-schema-3/`, made by that release, never
//! by hand): a stage's one extension becomes the first of its list, and every other field
//! arrives as it was. Then a second extension is kept beside the first, each with its reason.

use redress_core::exchange::file::read;
use redress_core::exchange::restore;
use redress_core::record::summary::SummaryRow;
use redress_core::record::{Change, DateInput, EventDraft, Record, record_event};
use serde_json::Value;
use std::path::Path;

mod common;
use common::dates::date;
use common::rules;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/store-schema-3")
            .join(name),
    )
    .unwrap()
}

/// The record as schema 3 wrote it: each stage's list of extensions back to its one extension.
fn as_schema_3(record: &Record) -> Value {
    let mut value = serde_json::to_value(record).unwrap();
    for stage in value
        .get_mut("stages")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        let stage = stage.as_object_mut().unwrap();
        if let Some(Value::Array(mut list)) = stage.remove("extensions") {
            assert_eq!(list.len(), 1, "schema 3 kept one extension a stage");
            stage.insert("extension".into(), list.remove(0));
        }
    }
    value
}

#[test]
fn every_stored_record_of_schema_3_arrives_whole() {
    for name in [
        "record-extended.json",
        "record-plain.json",
        "record-no-procedure.json",
        "record-case.json",
    ] {
        let text = fixture(name);
        let old: Value = serde_json::from_str::<Value>(&text).unwrap()["data"].clone();
        let restored = restore::record(&text).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        assert!(restored.migrated, "{name} was written by schema 3");
        assert!(restored.problems.is_empty(), "{name}: {:?}", restored.problems);
        assert_eq!(as_schema_3(&restored.data), old, "{name}: every field as it was");
    }
    let settings = restore::settings(&fixture("settings.json")).unwrap();
    assert_eq!(settings.data.organisation_name, "Exampleshire Council");
}

#[test]
fn each_stage_keeps_its_extension_as_the_first_of_its_list() {
    let record = restore::record(&fixture("record-extended.json")).unwrap().data;
    let first = &record.stages[0].extensions;
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].to, date("2026-09-30"));
    assert_eq!(first[0].reason, "Waiting for the contractor's report.");
    assert_eq!(first[0].told, Some(date("2026-09-10")));
    let second = record.stages[1].extension().unwrap();
    assert_eq!(second.to, date("2026-12-01"));
    assert!(second.good_reason);
    assert!(
        restore::record(&fixture("record-plain.json"))
            .unwrap()
            .data
            .stages
            .iter()
            .all(|s| s.extensions.is_empty())
    );
}

#[test]
fn the_export_of_schema_3_arrives_whole() {
    let text = fixture("export-schema-3.json");
    let old: Value = serde_json::from_str(&text).unwrap();
    let file = read(&text).unwrap_or_else(|problems| panic!("{problems:?}"));
    let old_records = old["records"].as_array().unwrap();
    assert_eq!(file.records.len(), old_records.len(), "every record");
    for (record, old) in file.records.iter().zip(old_records) {
        assert_eq!(&as_schema_3(record), old, "{}: every field as it was", record.id);
    }
    assert!(file.settings.is_some(), "the settings come too");
}

#[test]
fn a_second_extension_is_kept_beside_the_first_each_with_its_reason() {
    let record = restore::record(&fixture("record-extended.json")).unwrap().data;
    let change = Change::new("Jo Manager", "2026-11-25T09:00:00Z".parse().unwrap());
    let draft = EventDraft {
        kind: "extended".into(),
        date: DateInput::from_date(date("2026-12-15")),
        reason: "The independent person asked for more time.".into(),
        good_reason: true,
        told: DateInput::from_date(date("2026-11-25")),
        ..EventDraft::default()
    };
    let again = record_event(&record, &draft, date("2026-11-25"), &change, &[]).unwrap();
    let kept: Vec<(String, String)> = again.stages[1]
        .extensions
        .iter()
        .map(|e| (e.to.to_string(), e.reason.clone()))
        .collect();
    assert_eq!(
        kept,
        [
            (
                "2026-12-01".to_string(),
                "The investigating officer is on leave.".to_string()
            ),
            (
                "2026-12-15".to_string(),
                "The independent person asked for more time.".to_string()
            ),
        ]
    );
    assert_eq!(
        again.stages[1].extension().unwrap().to,
        date("2026-12-15"),
        "the latest is in force"
    );

    // The deadline counts to the latest, and its explanation names the one before.
    let deadlines = redress_core::deadline::record_deadlines(&again, &rules("2026-11-25"));
    let extended = deadlines
        .iter()
        .find(|d| d.stage == Some(1) && d.kind == redress_core::deadline::DeadlineKind::Extended)
        .unwrap();
    assert_eq!(extended.due, date("2026-12-15"));
    assert!(
        extended.explanation.notes.contains(
            &"Extended before, to Tue 1 Dec 2026. Reason given: The investigating officer is on leave.".into()
        ),
        "{:?}",
        extended.explanation.notes
    );

    // The record page shows both, each with its reason.
    let stages = redress_core::record::summary::stage_summaries(&again, &[]);
    let rows: &[SummaryRow] = &stages[1].rows;
    let extended_rows: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r.key.starts_with("Extended"))
        .map(|r| (r.key, r.value.as_str()))
        .collect();
    assert_eq!(extended_rows.len(), 2, "{extended_rows:?}");
    assert_eq!(extended_rows[0].0, "Extended before");
    assert!(extended_rows[0].1.contains("The investigating officer is on leave"));
    assert_eq!(extended_rows[1].0, "Extended");
    assert!(
        extended_rows[1]
            .1
            .contains("The independent person asked for more time")
    );
}

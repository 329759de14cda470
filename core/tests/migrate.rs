//! Each migration step against the stored envelopes the release before it wrote
//! (`fixtures/store-schema-1/`, made by the schema-1 release, never by hand): every record,
//! assessment and setting arrives whole, and every record owes exactly the dates it owed.

use redress_core::deadline::record_deadlines;
use redress_core::exchange::{SCHEMA_VERSION, open, restore, seal};
use redress_core::procedure::{Procedure, ProcedureRef, Stage2Start};
use redress_core::record::Record;
use redress_core::settings::Settings;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;
use common::dates::today;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store-schema-1")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap()
}

/// Every stored record of the fixture, by file name, as the schema-1 release wrote it.
fn stored_records() -> BTreeMap<String, String> {
    let mut records = BTreeMap::new();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if name.starts_with("record-") && name.ends_with(".json") {
            records.insert(name.clone(), read(&name));
        }
    }
    assert_eq!(records.len(), 28, "20 sample records and 8 made for the fixture");
    records
}

/// The data inside a stored envelope, as raw JSON.
/// A stored value without the fields that say nothing (null, empty, false), which this schema
/// leaves out when it stores a record: what is left must be the same.
fn without_empties(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !matches!(v, Value::Null | Value::Bool(false)) && v != &json!([]) && v != &json!(""))
                .map(|(k, v)| (k, without_empties(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_empties).collect()),
        other => other,
    }
}

fn data(text: &str) -> Value {
    let mut envelope: Value = serde_json::from_str(text).unwrap();
    assert_eq!(envelope["schema_version"], 1, "written by schema 1");
    envelope["data"].take()
}

fn settings() -> Settings {
    restore::settings(&read("settings.json")).unwrap().data
}

#[test]
fn every_record_owes_the_dates_the_old_release_computed() {
    let owed: Value = serde_json::from_str(&read("deadlines-by-the-old-release.json")).unwrap();
    let rules = settings().rules(today());
    for (name, text) in stored_records() {
        let restored = restore::record(&text).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        assert!(restored.migrated, "{name} was migrated");
        let record = restored.data;
        let mut now = serde_json::to_value(record_deadlines(&record, &rules)).unwrap();
        // A deadline now names the calendar it counts on, which the old release did not say.
        for deadline in now.as_array_mut().unwrap() {
            deadline.as_object_mut().unwrap().remove("basis");
            // A later stage's clock is now said to start with the request for it, which the old
            // release called the date received: the words differ, never the dates.
            let Some(stage) = deadline["stage"].as_u64().filter(|s| *s > 0) else {
                continue;
            };
            let request = format!("the request for stage {}", stage + 1);
            let rule = &mut deadline["explanation"]["rule"];
            *rule = Value::from(rule.as_str().unwrap().replace(&request, "the date received"));
            for note in deadline["explanation"]["notes"].as_array_mut().unwrap() {
                *note = Value::from(
                    note.as_str()
                        .unwrap()
                        .replace("asked for", "received")
                        .replace("Asked for", "Received"),
                );
            }
        }
        assert_eq!(now, owed[&record.id], "{name}: the same dates, statuses and reasons");
        // And the same as from the old full copy, read as a copy by this build.
        let mut with_copy = record.clone();
        with_copy.procedure = data(&text)["procedure"]
            .as_object()
            .map(|copy| ProcedureRef::Copy(serde_json::from_value(Value::Object(copy.clone())).unwrap()));
        assert_eq!(
            record_deadlines(&with_copy, &rules),
            record_deadlines(&record, &rules),
            "{name}: before and after"
        );
    }
}

#[test]
fn every_record_arrives_whole() {
    for (name, text) in stored_records() {
        let old = data(&text);
        let record = restore::record(&text).unwrap().data;
        let mut new = serde_json::to_value(&record).unwrap();
        // The procedure, looked up, is the copy that was stored (which had no version: 1).
        let resolved = record
            .procedure_with(&[])
            .map(|p| serde_json::to_value(p.as_ref()).unwrap());
        let mut copy = old["procedure"].clone();
        if let Some(object) = copy.as_object_mut() {
            object.insert("version".into(), json!(1));
        }
        assert_eq!(resolved.unwrap_or(Value::Null), copy, "{name}: its procedure");
        // The name given arrives as the person's (schema 3; these records say nothing of anyone
        // else raising them).
        assert_eq!(
            record.display_name(),
            old["person_name"].as_str(),
            "{name}: the person's name"
        );
        // Everything else, unchanged.
        let mut old = old;
        old.as_object_mut().unwrap().remove("procedure");
        old.as_object_mut().unwrap().remove("person_name");
        new.as_object_mut().unwrap().remove("procedure");
        new.as_object_mut().unwrap().remove("person");
        // A stage's one extension is the first of its list (schema 4).
        for stage in new
            .get_mut("stages")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            let stage = stage.as_object_mut().unwrap();
            if let Some(Value::Array(mut list)) = stage.remove("extensions") {
                assert_eq!(list.len(), 1, "{name}: one extension a stage then");
                stage.insert("extension".into(), list.remove(0));
            }
        }
        assert_eq!(without_empties(new), without_empties(old), "{name}: every other field");
    }
}

#[test]
fn a_built_in_copy_becomes_a_reference_and_anything_else_stays_a_copy() {
    let records = stored_records();
    let named = |file: &str| restore::record(&records[file]).unwrap().data.procedure;
    let built_in = |file: &str| match named(file) {
        Some(ProcedureRef::BuiltIn { id, version, targets }) => (id, version, targets),
        other => panic!("{file}: {other:?}"),
    };
    assert_eq!(built_in("record-lgsco.json").0, "lgsco-2024");
    assert_eq!(built_in("record-housing.json").0, "housing-ombudsman-2024");
    let (id, version, targets) = built_in("record-children.json");
    assert_eq!((id.as_str(), version), ("children-act-1989-2006", 1));
    assert_eq!(targets.children_acknowledgement_days, 5);
    assert_eq!(targets.children_stage2_start, Stage2Start::AgreedStatement);
    assert_eq!(
        built_in("record-children-default-targets.json")
            .2
            .children_acknowledgement_days,
        3
    );
    assert_eq!(built_in("record-adults.json").2.adults_response_days, 15);
    let complaints = records
        .keys()
        .filter(|name| name.starts_with("record-sample-") && !data(&records[*name])["procedure"].is_null());
    for sample in complaints {
        assert!(
            matches!(named(sample), Some(ProcedureRef::BuiltIn { .. })),
            "{sample} names its built-in"
        );
    }
    // An older definition of a built-in, and a custom procedure (the record's own step cannot
    // see the settings' library): kept whole.
    assert!(matches!(named("record-older-lgsco-copy.json"), Some(ProcedureRef::Copy(p)) if p.id == "lgsco-2024"));
    assert!(matches!(named("record-custom.json"), Some(ProcedureRef::Copy(p)) if p.id.starts_with("custom-")));
    assert_eq!(named("record-concern.json"), None);
}

/// The procedure copy was about a third of a stored complaint; the reference that replaces it is
/// under 200 bytes, and fields that say nothing (null, empty, false) are left out: together about
/// half (the figures print with `--nocapture`).
#[test]
fn a_migrated_record_sheds_its_procedure_copy() {
    let records = stored_records();
    let mut before = 0;
    let mut after = 0;
    for (name, text) in &records {
        let record = restore::record(text).unwrap().data;
        let Some(ProcedureRef::BuiltIn { .. }) = &record.procedure else {
            continue;
        };
        let copy = serde_json::to_string(&data(text)["procedure"]).unwrap().len();
        let reference = serde_json::to_string(&record.procedure).unwrap().len();
        let new = seal(&record).len();
        println!(
            "{name}: {} → {new} bytes, {:.0}% smaller (its copy was {copy} bytes, the reference is {reference})",
            text.len(),
            100.0 * (1.0 - new as f64 / text.len() as f64)
        );
        assert!(reference < 200, "{name}: a reference of {reference} bytes");
        assert!(
            new <= text.len() - copy + reference,
            "{name}: nothing but the procedure and empty fields changed size"
        );
        before += text.len();
        after += new;
    }
    let saved = 1.0 - after as f64 / before as f64;
    println!(
        "all complaints under a built-in: {before} → {after} bytes, {:.0}% smaller",
        100.0 * saved
    );
    assert!(saved > 0.45, "{:.0}% smaller", 100.0 * saved);
}

#[test]
fn the_assessment_arrives_whole() {
    let text = read("assessment.json");
    let restored = restore::assessment(&text).unwrap();
    assert!(restored.migrated);
    assert_eq!(serde_json::to_value(&restored.data).unwrap(), data(&text));
    assert_eq!(restored.data.entry("1.1").and_then(|e| e.score), Some(2));
}

#[test]
fn the_settings_arrive_whole_and_their_custom_procedure_is_version_1_of_the_library() {
    let text = read("settings.json");
    let restored = restore::settings(&text).unwrap();
    assert!(restored.migrated);
    let settings = restored.data;
    let old = data(&text);
    let old_custom: Procedure = serde_json::from_value(old["custom_procedures"][0].clone()).unwrap();
    assert_eq!(settings.custom_procedures.len(), 1);
    assert_eq!(settings.custom_procedures[0].procedure, old_custom);
    assert_eq!(settings.custom_procedures[0].procedure.version, 1);
    assert!(!settings.custom_procedures[0].retired);
    let mut new = serde_json::to_value(&settings).unwrap();
    let mut old = old;
    new.as_object_mut().unwrap().remove("custom_procedures");
    old.as_object_mut().unwrap().remove("custom_procedures");
    assert_eq!(new, old, "every other setting");
    assert_eq!(settings.local_targets.adults_response_days, 15);
    assert!(settings.procedures().iter().any(|p| p.id == old_custom.id));
}

#[test]
fn the_old_door_reads_schema_1_records_through_the_same_steps() {
    // `exchange::open` is what today's storage door calls; it takes the record's steps too.
    let records = stored_records();
    let opened: Record = open(&records["record-lgsco.json"]).unwrap();
    assert!(matches!(opened.procedure, Some(ProcedureRef::BuiltIn { .. })));
    assert_eq!(opened, restore::record(&records["record-lgsco.json"]).unwrap().data);
    let settings: Settings = open(&read("settings.json")).unwrap();
    assert_eq!(settings, self::settings());
}

#[test]
fn a_document_of_this_schema_is_not_migrated_again() {
    let records = stored_records();
    let record = restore::record(&records["record-children.json"]).unwrap().data;
    let again = restore::record(&seal(&record)).unwrap();
    assert!(!again.migrated);
    assert_eq!(again.data, record);
    assert_eq!(SCHEMA_VERSION, 4);
}

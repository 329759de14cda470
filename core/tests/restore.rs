//! The one restore path: stored envelopes with their revision, schema versions that no Redress
//! wrote refused by name, unreadable documents refused with their place, export files taking the
//! same per-document steps, and the custom-procedure library that records name.

use redress_core::deadline::record_deadlines;
use redress_core::exchange::file::read;
use redress_core::exchange::{DocKind, SCHEMA_VERSION, restore, schema_version_of, seal, seal_revision};
use redress_core::procedure::{CustomProcedureDraft, CustomStageDraft, Procedure, ProcedureRef};
use redress_core::record::{Change, DateInput, Record, RecordDraft};
use redress_core::settings::Settings;
use serde_json::{Value, json};

mod common;
use common::dates::date;

fn change() -> Change {
    Change::new("Sam Officer", "2026-01-05T09:00:00Z".parse().unwrap())
}

fn complaint(procedure: &str, settings: &Settings) -> Record {
    RecordDraft {
        kind: "complaint".into(),
        received: DateInput::new("5", "1", "2026"),
        service: "Corporate".into(),
        summary: "Bins not collected for a month.".into(),
        procedure: procedure.into(),
        ..RecordDraft::default()
    }
    .to_record("r-1".into(), &change(), date("2026-01-05"), &settings.procedures(), &[])
    .unwrap()
}

fn stored_with_version(version: &str) -> String {
    let record = complaint("lgsco-2024", &Settings::default());
    seal(&record).replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        &format!("\"schema_version\":{version}"),
        1,
    )
}

#[test]
fn a_stored_record_comes_back_with_its_revision() {
    let record = complaint("lgsco-2024", &Settings::default());
    let restored = restore::record(&seal_revision(&record, 7)).unwrap();
    assert_eq!(restored.data, record);
    assert_eq!(restored.revision, 7);
    assert!(!restored.migrated);
    assert!(restored.problems.is_empty());
    let plain = seal(&record);
    assert!(!plain.contains("revision"), "revision 0 is left out, as before");
    assert_eq!(restore::record(&plain).unwrap().revision, 0);
}

#[test]
fn schema_versions_no_redress_wrote_are_refused_by_name() {
    for (version, words) in [
        ("0", "is 0, which is not a schema version Redress has written"),
        (
            "4294967297",
            "is 4294967297, which is not a schema version Redress has written",
        ),
        ("-1", "is -1, which is not a schema version Redress has written"),
        ("1.5", "is 1.5, which is not a schema version Redress has written"),
        ("\"2\"", "is “2”, which is not a schema version Redress has written"),
    ] {
        let problem = restore::record(&stored_with_version(version)).unwrap_err();
        assert_eq!(problem.field, "schema_version", "{version}");
        assert!(problem.message.contains(words), "{version}: {}", problem.message);
    }
    let newer = restore::record(&stored_with_version("5")).unwrap_err();
    assert_eq!(newer.field, "schema_version");
    assert!(
        newer
            .message
            .contains("newer version of Redress (schema 5; this one reads up to 4)"),
        "{}",
        newer.message
    );
    let missing = seal(&complaint("lgsco-2024", &Settings::default())).replacen("\"schema_version\":4,", "", 1);
    assert_eq!(restore::record(&missing).unwrap_err().field, "schema_version");
}

#[test]
fn the_schema_version_helper_reads_the_whole_number_it_is() {
    assert_eq!(schema_version_of(&json!(1)), Ok(1));
    assert_eq!(schema_version_of(&json!(SCHEMA_VERSION)), Ok(SCHEMA_VERSION));
    for (value, words) in [
        (json!(0), "0, which is not a schema version Redress has written"),
        (
            json!(4294967297u64),
            "4294967297, which is not a schema version Redress has written",
        ),
        (json!(-1), "-1, which is not a schema version Redress has written"),
        (json!(5), "newer version of Redress (schema 5)"),
        (Value::Null, "missing"),
    ] {
        let message = schema_version_of(&value).unwrap_err().message;
        assert!(message.contains(words), "{value}: {message}");
    }
}

#[test]
fn what_cannot_be_read_is_refused_with_its_place() {
    let problem = restore::record("{not json").unwrap_err();
    assert_eq!(problem.field, "the stored data");
    assert!(
        problem.message.starts_with("It is not readable JSON"),
        "{}",
        problem.message
    );
    let problem = restore::record(r#"{"format":"excalidraw","schema_version":1,"data":{}}"#).unwrap_err();
    assert_eq!(problem.field, "format");
    assert!(problem.message.contains("“excalidraw”"));
    let mut value: Value = serde_json::from_str(&seal(&complaint("lgsco-2024", &Settings::default()))).unwrap();
    value["data"]["stages"][0]["acknowledged"] = json!("last Tuesday");
    let problem = restore::record(&value.to_string()).unwrap_err();
    assert_eq!(problem.field, "data.stages[0].acknowledged");
    let deep = format!(
        "{{\"format\":\"redress-store\",\"schema_version\":2,\"data\":{}{}}}",
        "[".repeat(200),
        "]".repeat(200)
    );
    assert!(
        restore::record(&deep)
            .unwrap_err()
            .message
            .contains("nested too deeply")
    );
}

#[test]
fn the_generic_door_takes_the_steps_of_the_kind_it_is_told() {
    let schema_1 = include_str!("fixtures/store-schema-1/record-lgsco.json");
    let as_record: restore::Restored<Record> = restore::document(DocKind::Record, schema_1).unwrap();
    assert!(matches!(as_record.data.procedure, Some(ProcedureRef::BuiltIn { .. })));
    // A list kept in an envelope (the storage index) takes no steps and reads as it is.
    let index: restore::Restored<Vec<String>> = restore::document(
        DocKind::Other,
        r#"{"format":"redress-store","schema_version":1,"data":["a","b"]}"#,
    )
    .unwrap();
    assert_eq!(index.data, vec!["a", "b"]);
    assert!(index.migrated);
}

#[test]
fn an_export_file_from_schema_1_takes_the_same_steps() {
    let text = include_str!("fixtures/export-schema-1.json");
    let old: Value = serde_json::from_str(text).unwrap();
    let file = read(text).expect("schema 1 files stay readable");
    assert_eq!(file.records.len(), 6);
    let settings = file.settings.clone().unwrap();
    let rules = settings.rules(date("2026-11-22"));
    for (record, old) in file.records.iter().zip(old["records"].as_array().unwrap()) {
        assert!(
            matches!(record.procedure, Some(ProcedureRef::BuiltIn { .. })),
            "{}: named by reference",
            record.id
        );
        let copy: Procedure = serde_json::from_value(old["procedure"].clone()).unwrap();
        let with_copy = Record {
            procedure: Some(ProcedureRef::Copy(copy)),
            ..record.clone()
        };
        assert_eq!(
            record_deadlines(record, &rules),
            record_deadlines(&with_copy, &rules),
            "{}: the same dates",
            record.id
        );
    }
}

fn custom_procedure() -> Procedure {
    CustomProcedureDraft {
        name: "Care provider’s procedure".into(),
        applies_to: String::new(),
        stages: vec![CustomStageDraft {
            name: "Stage 1".into(),
            acknowledge_days: "2".into(),
            response_days: "15".into(),
            response_from: "received".into(),
            extension_days: String::new(),
            next_stage_window: String::new(),
        }],
    }
    .to_procedure("custom-abc".into())
    .unwrap()
}

#[test]
fn a_built_in_is_named_with_the_targets_in_force_and_keeps_its_dates_when_they_change() {
    let mut settings = Settings::default();
    settings.local_targets.adults_response_days = 15;
    let record = complaint("social-services-nhs-2009", &settings);
    let Some(ProcedureRef::BuiltIn { version, targets, .. }) = &record.procedure else {
        panic!("{:?}", record.procedure);
    };
    assert_eq!((*version, targets.adults_response_days), (1, 15));
    let rules = settings.rules(date("2026-01-06"));
    let looked_up = rules.procedure(&record).unwrap();
    assert!(
        matches!(looked_up, std::borrow::Cow::Borrowed(_)),
        "made once, in the rules"
    );
    assert_eq!(looked_up.as_ref(), record.procedure_with(&[]).unwrap().as_ref());
    let before = record_deadlines(&record, &rules);
    settings.local_targets.adults_response_days = 25;
    assert_eq!(record_deadlines(&record, &settings.rules(date("2026-01-06"))), before);
    let named = serde_json::to_string(&record.procedure).unwrap();
    assert!(
        named.len() < 200 && !named.contains("stages"),
        "no copy of the procedure is kept: {named}"
    );
}

#[test]
fn a_custom_procedure_is_named_by_version_and_retired_not_deleted_while_named() {
    let settings = Settings::default().add_custom_procedure(custom_procedure());
    let record = complaint("custom-abc", &settings);
    assert_eq!(
        record.procedure,
        Some(ProcedureRef::Custom {
            id: "custom-abc".into(),
            version: 1
        })
    );
    let rules = settings.rules(date("2026-01-06"));
    let owed = record_deadlines(&record, &rules);
    assert_eq!(owed.len(), 2, "acknowledgement and response");

    // Removed while a record names it: kept, retired, no longer offered.
    let removed = settings.remove_custom_procedure("custom-abc", std::slice::from_ref(&record));
    assert_eq!(removed.custom_procedures.len(), 1);
    assert!(removed.custom_procedures[0].retired);
    assert!(!removed.procedures().iter().any(|p| p.id == "custom-abc"));
    assert_eq!(record_deadlines(&record, &removed.rules(date("2026-01-06"))), owed);
    let settings_back = restore::settings(&seal(&removed)).unwrap().data;
    assert_eq!(settings_back, removed, "retired survives storage");

    // Removed when nothing names it: gone.
    let unused = settings.remove_custom_procedure("custom-abc", &[]);
    assert!(unused.custom_procedures.is_empty());

    // Defined again under the same id, it is version 2 and version 1 stays for the record.
    let again = removed.add_custom_procedure(custom_procedure());
    assert_eq!(again.custom_procedures[1].procedure.version, 2);
    assert_eq!(record_deadlines(&record, &again.rules(date("2026-01-06"))), owed);

    // On a device without it, the record says so instead of owing nothing silently; a file for
    // such a device carries the definition.
    assert!(record.procedure_with(&[]).is_none());
    let carried = record.self_contained(&settings.custom_procedures);
    assert!(matches!(&carried.procedure, Some(ProcedureRef::Copy(p)) if p.id == "custom-abc"));
    assert_eq!(
        record_deadlines(&carried, &Settings::default().rules(date("2026-01-06"))),
        owed
    );
    // Or the other device adopts the library the file brought.
    let adopted = Settings::default().adopt_custom_procedures(&again.custom_procedures);
    assert_eq!(adopted.custom_procedures, again.custom_procedures);
    assert_eq!(
        adopted.adopt_custom_procedures(&again.custom_procedures),
        adopted,
        "once each"
    );
    assert_eq!(record_deadlines(&record, &adopted.rules(date("2026-01-06"))), owed);
}

#[test]
fn a_changed_built_in_is_kept_as_a_copy() {
    let mut procedure = Settings::default().procedures().remove(0);
    procedure.stages[0].steps[0].label = "first reply".into();
    assert!(matches!(ProcedureRef::naming(&procedure), ProcedureRef::Copy(_)));
}

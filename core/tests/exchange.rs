//! Export files: what they hold, reading any file safely with every problem placed, merging by id,
//! and redaction that leaves no name or free text behind.

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;
use redress_core::exchange::file::{MAX_FILE_BYTES, everything, one_record, read, read_bytes};
use redress_core::exchange::merge::{ImportDraft, Side, preview};
use redress_core::record::{Change, HistoryEntry, Record};
use redress_core::settings::Settings;
use serde_json::Value;

mod common;
use common::dates::now;
use common::records::{change, records};
use common::{exporter, settings};

fn export_text() -> String {
    everything(&records(), &[], &settings(), &[], &exporter(), false).to_json()
}

fn problems(text: &str) -> Vec<(String, String)> {
    read(text)
        .unwrap_err()
        .into_iter()
        .map(|p| (p.field, p.message))
        .collect()
}

#[test]
fn everything_goes_out_and_comes_back_the_same() {
    let mut all = records();
    all[0].sample = true;
    let file = everything(&all, &[], &settings(), &[], &exporter(), false);
    assert_eq!(file.records.len(), all.len() - 1, "made-up sample records stay behind");
    let text = file.to_json();
    let value: Value = serde_json::from_str(&text).unwrap();
    for key in [
        "format",
        "schema_version",
        "app_version",
        "exported_at",
        "organisation",
        "scope",
        "redacted",
    ] {
        assert!(value.get(key).is_some(), "{key} in the header");
    }
    assert_eq!(value["format"], "redress-export");
    assert_eq!(value["exported_at"], "2026-11-22T10:00:00Z");
    let back = read(&text).unwrap();
    assert_eq!(back, file);
    assert_eq!(back.settings, Some(settings()));
    assert_eq!(file.file_name(), "redress-everything-2026-11-22-1000.json");
}

#[test]
fn files_that_are_not_exports_are_named_for_what_they_are() {
    let text = export_text();
    assert_eq!(problems("").len(), 1);
    assert!(
        problems("hello")[0]
            .1
            .starts_with("This is not a JSON file (line 1, column 1)")
    );
    assert!(
        problems(&text[..text.len() / 2])[0]
            .1
            .starts_with("The file ends too soon")
    );
    assert_eq!(
        problems(r#"{"type":"excalidraw","elements":[]}"#)[0].1,
        "This is JSON, but not a Redress export: it has no format name."
    );
    assert_eq!(problems("[1,2]")[0].1, "This is JSON, but not a Redress export.");
    let store = r#"{"format":"redress-store","schema_version":1,"data":{}}"#;
    assert_eq!(
        problems(store)[0],
        (
            "format".into(),
            "This is “redress-store” data, not a Redress export (“redress-export”).".into()
        )
    );
    let current = format!("\"schema_version\": {}", redress_core::exchange::SCHEMA_VERSION);
    let newer = text.replacen(&current, "\"schema_version\": 7", 1);
    assert!(
        problems(&newer)[0]
            .1
            .starts_with("This file was made by a newer version of Redress (schema 7)")
    );
    let zero = text.replacen(&current, "\"schema_version\": 0", 1);
    assert_eq!(problems(&zero)[0].0, "schema_version");
}

#[test]
fn every_bad_field_is_named_by_its_place_and_nothing_is_returned() {
    let mut value: Value = serde_json::from_str(&export_text()).unwrap();
    value["records"][1]["received"] = Value::from("2025-02-30");
    value["records"][3]["stages"][0]["acknowledged"] = Value::from("last Tuesday");
    value["records"][4]["kind"] = Value::from("grumble");
    value["records"][6]["id"] = value["records"][2]["id"].clone();
    let found = problems(&value.to_string());
    let places: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        places,
        [
            "records[1].received",
            "records[3].stages[0].acknowledged",
            "records[4].kind",
            "records[6].id"
        ]
    );
    assert_eq!(found[0].1, "not a real date");
    assert_eq!(found[1].1, "not a real date");
    assert!(
        found[2]
            .1
            .starts_with("unknown variant “grumble”, expected one of “compliment”"),
        "{}",
        found[2].1
    );
    assert_eq!(found[3].1, "the same id as records[2]: each must appear once");
}

#[test]
fn a_file_far_bigger_than_any_export_is_refused_before_it_is_read() {
    assert_eq!(
        MAX_FILE_BYTES,
        256 * 1024 * 1024,
        "room for the largest export the app makes"
    );
    // Zeroed memory is not touched until it is read, so this costs the test almost nothing; the
    // limit is checked before a byte of it is.
    let huge = vec![0u8; 300 * 1024 * 1024];
    let found: Vec<(String, String)> = read_bytes(&huge)
        .unwrap_err()
        .into_iter()
        .map(|p| (p.field, p.message))
        .collect();
    assert_eq!(found[0].0, "the file");
    assert!(
        found[0]
            .1
            .starts_with("This file is 300 MB, more than the 256 MB an export from Redress can be"),
        "{}",
        found[0].1
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Any cut or any changed byte of a real export gives a file or a list of problems: never a panic.
    #[test]
    fn reading_a_damaged_export_never_panics(cut in 0usize..40_000, at in 0usize..40_000, byte in any::<u8>()) {
        let text = export_text();
        let mut bytes = text.into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        bytes.truncate(bytes.len() - cut.min(bytes.len()));
        let damaged = String::from_utf8_lossy(&bytes);
        let _ = read(&damaged);
    }

    #[test]
    fn reading_any_text_never_panics(text in ".{0,400}") {
        let _ = read(&text);
    }
}

fn with_history(mut record: Record, what: &str, at: &str) -> Record {
    let at: DateTime<Utc> = at.parse().unwrap();
    record.history.push(HistoryEntry {
        at,
        who: "Sam Officer".into(),
        what: what.into(),
        fact: None,
        corrected: None,
        withdrawn: false,
    });
    record.updated = at;
    record
}

#[test]
fn merging_takes_what_is_newer_and_lists_what_changed_on_both_sides() {
    let base = records();
    let mut here = base.clone();
    let mut theirs = base.clone();
    // 0: changed only in the file; 1: changed only here; 2: changed on both; 3: the same.
    theirs[0] = with_history(theirs[0].clone(), "Acknowledged", "2026-11-23T09:00:00Z");
    here[1] = with_history(here[1].clone(), "Closed", "2026-11-23T09:00:00Z");
    here[2] = with_history(here[2].clone(), "Extended here", "2026-11-23T09:00:00Z");
    theirs[2] = with_history(theirs[2].clone(), "Extended there", "2026-11-24T09:00:00Z");
    here.truncate(4);
    theirs.truncate(4);
    let new_one = base[5].clone();
    theirs.push(new_one.clone());
    let mut file = everything(&theirs, &[], &settings(), &[], &exporter(), false);
    file.settings = Some(settings());

    let plan = preview(&file, &here, &[], &settings(), &[]);
    assert_eq!(plan.new_records, vec![new_one.clone()]);
    assert_eq!(plan.updated_records, vec![theirs[0].clone()]);
    assert_eq!(plan.older_records, 1);
    assert_eq!(plan.unchanged_records, 1);
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(
        plan.conflicts[0].newer,
        Side::File,
        "the file's change is the later one"
    );
    assert_eq!(plan.settings, None, "this device's own settings are kept");

    let chosen = plan.to_apply(&ImportDraft::default(), &change()).records;
    assert_eq!(chosen, vec![new_one.clone(), theirs[0].clone(), theirs[2].clone()]);
    let kept_ours = plan
        .to_apply(
            &ImportDraft {
                conflicts: vec![Side::Device],
                ..ImportDraft::default()
            },
            &change(),
        )
        .records;
    assert_eq!(kept_ours, vec![new_one, theirs[0].clone()]);

    let fresh_device = preview(&file, &[], &[], &Settings::default(), &[]);
    assert_eq!(
        fresh_device.settings,
        Some(settings()),
        "a new device takes the file's settings"
    );
    assert_eq!(fresh_device.new_records.len(), 5);
}

#[test]
fn a_redacted_file_never_replaces_a_record() {
    let here = records();
    let mut theirs = here.clone();
    theirs[0] = with_history(theirs[0].clone(), "Acknowledged", "2026-11-23T09:00:00Z");
    let file = everything(&theirs, &[], &settings(), &[], &exporter(), true);
    let plan = preview(&file, &here, &[], &settings(), &[]);
    assert!(plan.updated_records.is_empty() && plan.conflicts.is_empty());
    assert_eq!(plan.kept_from_redacted, here.len());
}

/// Every string in the JSON of `value`, with its path.
fn strings(value: &Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) => out.push((path, s.clone())),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| strings(v, format!("{path}[{i}]"), out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| strings(v, format!("{path}.{k}"), out)),
        _ => {}
    }
}

/// The first sample with one of every kind of casework, person and history line, so the
/// redaction test exercises every field a record can hold.
fn full_record() -> Record {
    // The samples, and one record with every kind of casework, so every field is exercised.
    let mut full = serde_json::to_value(&records()[0]).unwrap();
    let casework = serde_json::json!({
        "correspondence": [{"date": "2026-11-20", "kind": "letter", "note": "x"}],
        "remedies": [{"kind": "apology", "what": "x", "amount_pence": 5000,
                      "not_deliverable": {"reason": "x", "alternative": "x"}}],
        "actions": [{"what": "x", "who": "x", "by": "2026-12-01"}],
        "learning": [{"statement": "x", "publish": true}],
        "restrictions": [{"what": "x", "why": "x", "decided_by": "x", "decided": "2026-11-20", "review": "2027-05-20"}],
        "feedback": {"date": "2026-11-20", "satisfied": "x", "comments": "x"},
        "ombudsman": {"referred": "2026-11-20", "recommendations": [{"what": "x", "due": "2026-12-01"}]}
    });
    for (key, value) in casework.as_object().unwrap() {
        full[key] = value.clone();
    }
    full["intake"]["adjustments"] = serde_json::json!([{"what": "x", "agreed": "2026-11-20"}]);
    let person = serde_json::json!({"name": "x", "address": "x", "phone": "x", "email": "x",
        "preferred_contact": "x", "format": "x"});
    full["person"] = person.clone();
    full["raised_by"] = person;
    full["intake"]["authority"] = serde_json::json!({"basis": "consent", "given": "2026-11-20"});
    full["intake"]["advocate"] = Value::from("x");
    full["history"] = serde_json::json!([{"at": "2026-11-20T09:00:00Z", "who": "x", "what": "x",
        "fact": "person-name", "corrected": {"from": "x", "to": "x"}}]);
    full["intake"]["acceptance"] = serde_json::json!({"decision": "accepted-out-of-time", "reason": "x"});
    full["stages"][0]["pauses"] = serde_json::json!([{"from": "2026-11-20", "to": null, "reason": "x"}]);
    full["stages"][0]["extensions"] = serde_json::json!([{"to": "2026-12-20", "reason": "x", "good_reason": true}]);
    full["stages"][0]["handler"] = Value::from("x");
    full["outgoing"] = serde_json::json!({"organisation": "Northshire Council", "organisation_address": "x", "advocate": "x", "letter": "x",
        "answers": {"what_happened": "x", "when": "x", "who": "x", "impact": "x", "wanted": "x", "adjustments": "x", "contact": "x"}});
    serde_json::from_value(full).expect("the full record reads")
}

#[test]
fn a_redacted_export_keeps_no_name_and_no_free_text() {
    let full = full_record();
    // Every string a record can hold is given a marker, where the record still reads with it.
    let mut marked = Vec::new();
    for record in records().into_iter().chain([full]) {
        let mut value = serde_json::to_value(&record).unwrap();
        let mut found = Vec::new();
        strings(&value, String::new(), &mut found);
        for (n, (path, _)) in found.iter().enumerate() {
            let pointer = path.replace('[', ".").replace(']', "").replace('.', "/");
            let Some(slot) = value.pointer_mut(&pointer) else {
                continue;
            };
            let before = slot.clone();
            *slot = Value::from(format!("SECRET {n} SECRET"));
            if serde_json::from_value::<Record>(value.clone()).is_err() {
                *value.pointer_mut(&pointer).unwrap() = before;
            }
        }
        marked.push(serde_json::from_value::<Record>(value).unwrap());
    }
    let mut before = Vec::new();
    strings(&serde_json::to_value(&marked).unwrap(), String::new(), &mut before);
    let marked_places: Vec<&str> = before
        .iter()
        .filter(|(_, s)| s.contains("SECRET"))
        .map(|(p, _)| p.as_str())
        .collect();
    for place in [
        "person.name",
        "raised_by.name",
        "address",
        "phone",
        "email",
        "preferred_contact",
        "format",
        "summary",
        "handler",
        "note",
        "who",
        "what",
        "statement",
        "desired_outcome",
        "comments",
        "reason",
        "alternative",
        "advocate",
        "impact",
        "wanted",
        "letter",
        "organisation_address",
        "corrected.from",
        "corrected.to",
        "restrictions[0].why",
        "decided_by",
    ] {
        assert!(
            marked_places.iter().any(|p| p.ends_with(place)),
            "the samples exercise {place}"
        );
    }

    let file = everything(&marked, &[], &settings(), &[], &exporter(), true);
    assert!(
        file.redacted && file.settings.is_none(),
        "no settings: they hold people's names"
    );
    let mut after = Vec::new();
    strings(&serde_json::to_value(&file.records).unwrap(), String::new(), &mut after);
    // What may stay: identifiers, and the lists figures are counted by.
    let allowed = |path: &str| {
        let tail = path.rsplit('.').next().unwrap_or(path);
        let tail = tail.split('[').next().unwrap_or(tail);
        path.contains(".procedure.")
            || path.contains(".equality.")
            || [
                "id",
                "reference",
                "service",
                "service_area",
                "subjects",
                "referred_to",
                "satisfied",
                "escalated_to",
                "escalated_from",
                // Which fact a history line is about: a code such as "person-name", not a value.
                "fact",
                // The organisation complained to, on an advocate's case: a public body, not a person.
                "organisation",
            ]
            .contains(&tail)
    };
    let leaks: Vec<&(String, String)> = after
        .iter()
        .filter(|(path, text)| text.contains("SECRET") && !allowed(path))
        .collect();
    assert!(leaks.is_empty(), "left after redaction: {leaks:?}");
    let handlers: Vec<String> = after
        .iter()
        .filter(|(p, _)| p.ends_with(".handler") || p.ends_with(".decided_by"))
        .map(|(_, s)| s.clone())
        .collect();
    assert!(handlers.iter().all(|h| h.starts_with("Person ")), "{handlers:?}");
    let one = one_record(&marked[0], &exporter(), true);
    assert!(one.records[0].person.name.is_empty() && one.records[0].display_name().is_none());
}

/// A file written by schema 1, kept as it was written. Every later version of Redress must read
/// it (through the migrations, once there are any): a new schema version adds its own fixture.
#[test]
fn a_file_from_schema_1_still_reads() {
    let text = include_str!("fixtures/export-schema-1.json");
    let file = read(text).expect("schema 1 files stay readable");
    assert_eq!(file.schema_version, redress_core::exchange::SCHEMA_VERSION);
    assert_eq!(file.records.len(), 6);
    assert_eq!(file.assessments.len(), 1);
    assert_eq!(file.assessments[0].entry("1.1").and_then(|e| e.score), Some(2));
    assert_eq!(file.settings.unwrap().organisation_name, "Exampleshire Council");
    assert_eq!(file.exported_at, now());
}

/// The text of an export with one record's field replaced by raw JSON text.
fn with_field(record: usize, key: &str, raw: &str) -> String {
    let mut value: Value = serde_json::from_str(&export_text()).unwrap();
    value["records"][record][key] = Value::from("MARKER");
    value.to_string().replacen("\"MARKER\"", raw, 1)
}

#[test]
fn a_date_no_complaint_can_have_is_refused_by_its_place() {
    // Today's dates read as dates, so these imported cleanly and then stopped the app at every
    // start: nothing in a file may do that.
    for (raw, year) in [("\"+262142-12-30\"", "262142"), ("\"3000-01-01\"", "3000")] {
        let found = problems(&with_field(2, "received", raw));
        assert_eq!(
            found,
            [(
                "records[2].received".to_string(),
                format!("the year {year} is outside 1900–2200")
            )]
        );
    }
    let mut value: Value = serde_json::from_str(&export_text()).unwrap();
    value["records"][0]["stages"][0]["acknowledged"] = Value::from("1899-12-31");
    value["settings"]["closure_days"] = serde_json::json!([{"date": "2999-12-24", "name": "Closed"}]);
    value["assessments"] = serde_json::json!([{
        "id": "a-1", "framework": "ncmg-2016", "created": "3000-01-01T00:00:00Z", "updated": "2026-11-22T10:00:00Z"
    }]);
    let places: Vec<String> = problems(&value.to_string()).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        places,
        [
            "records[0].stages[0].acknowledged",
            "assessments[0].created",
            "settings.closure_days[0].date"
        ]
    );
}

#[test]
fn a_schema_version_too_big_for_its_type_does_not_wrap_round() {
    let text = export_text();
    for (version, message) in [
        ("4294967297", "4294967297 is not a schema version Redress has written"),
        (
            "18446744073709551617",
            "18446744073709551617 is not a schema version Redress has written",
        ),
        ("-1", "-1 is not a schema version Redress has written"),
        ("1.5", "1.5 is not a schema version Redress has written"),
        ("\"1\"", "missing, or not a whole number"),
    ] {
        let current = format!("\"schema_version\": {}", redress_core::exchange::SCHEMA_VERSION);
        let changed = text.replacen(&current, &format!("\"schema_version\": {version}"), 1);
        assert_eq!(
            problems(&changed),
            [("schema_version".to_string(), message.to_string())],
            "{version}"
        );
    }
}

#[test]
fn text_that_is_not_utf8_is_refused_where_the_first_bad_byte_is() {
    let text = with_field(1, "summary", "\"caf\u{e9}\"");
    let at = text.find("caf\u{e9}").unwrap() + 3;
    let mut bytes = text.clone().into_bytes();
    // "é" as Latin-1 writes it: one byte that starts no UTF-8 character here.
    bytes.splice(at..at + 2, [0xE9]);
    let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    let found = read_bytes(&bytes).unwrap_err();
    assert_eq!(found[0].field, "the file");
    assert_eq!(
        found[0].message,
        format!(
            "This file is not UTF-8 text, as every Redress export is: byte {at} (on line {line}) is not part of any character. Another program may have saved it in a different encoding."
        )
    );
    let cut = &text.as_bytes()[..at + 1];
    assert!(
        read_bytes(cut).unwrap_err()[0]
            .message
            .starts_with("The file ends in the middle of a character")
    );
    assert_eq!(read_bytes(text.as_bytes()).unwrap().records[1].summary, "caf\u{e9}");
    let mut marked = "\u{feff}".to_string();
    marked.push_str(&text);
    assert!(read(&marked).is_ok(), "a byte-order mark in front is allowed");
}

#[test]
fn half_a_character_is_a_named_problem_not_a_panic() {
    for escape in ["\"\\ud800\"", "\"\\udc00 and more\"", "\"\\ud800\\u0041\""] {
        let found = problems(&with_field(3, "summary", escape));
        assert_eq!(found.len(), 1, "{escape}: {found:?}");
        assert_eq!(found[0].0, "records[3].summary", "{escape}");
        assert!(found[0].1.contains("half of a character"), "{}", found[0].1);
    }
    let in_a_name = "{\"\\ud800\": 1, \"format\": \"redress-export\"}";
    let found = problems(in_a_name);
    assert_eq!(found[0].0, "the file");
    assert!(found[0].1.contains("half of a character"), "{}", found[0].1);
}

#[test]
fn a_deeply_nested_file_says_what_it_is_not_that_it_is_not_json() {
    let deep = format!("{}{}", "[".repeat(5_000), "]".repeat(5_000));
    let found = problems(&with_field(0, "summary", &deep));
    assert_eq!(found[0].0, "records[0].summary");
    assert!(found[0].1.starts_with("invalid type: sequence"), "{}", found[0].1);
    let whole = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(problems(&whole)[0].1, "This is JSON, but not a Redress export.");
}

#[test]
fn every_problem_of_a_header_is_named_by_its_field() {
    let mut value: Value = serde_json::from_str(&export_text()).unwrap();
    value["exported_at"] = Value::from("yesterday");
    value.as_object_mut().unwrap().remove("organisation");
    value["records"] = Value::from(3);
    let found = problems(&value.to_string());
    assert_eq!(
        found,
        [
            ("exported_at".to_string(), "not a real date".to_string()),
            ("organisation".to_string(), "missing".to_string()),
            ("records".to_string(), "should be a list".to_string()),
        ]
    );
}

/// A complaint under a custom procedure, on a device whose settings hold that procedure.
fn custom_case() -> (Settings, Record) {
    use redress_core::procedure::{CustomProcedureDraft, CustomStageDraft};
    use redress_core::record::{DateInput, RecordDraft};
    let draft = CustomProcedureDraft {
        name: "Our corporate procedure".into(),
        applies_to: "Corporate complaints".into(),
        stages: vec![CustomStageDraft {
            name: "Stage 1".into(),
            acknowledge_days: "2".into(),
            response_days: "15".into(),
            response_from: "received".into(),
            extension_days: String::new(),
            next_stage_window: String::new(),
        }],
    };
    let settings = settings().add_custom_procedure(draft.to_procedure("custom-ours".into()).unwrap());
    let record = RecordDraft {
        kind: "complaint".into(),
        received: DateInput::new("5", "1", "2026"),
        service: "Corporate".into(),
        summary: "Under our own procedure".into(),
        procedure: "custom-ours".into(),
        ..RecordDraft::default()
    }
    .to_record(
        "00000000-0000-4000-8000-00000000c001".into(),
        &Change::new("Sam Officer", now()),
        now().date_naive(),
        &settings.procedures(),
        &[],
    )
    .unwrap();
    (settings, record)
}

#[test]
fn an_import_brings_the_files_own_procedures_into_a_device_that_keeps_its_settings() {
    let (theirs, record) = custom_case();
    let file =
        read(&everything(std::slice::from_ref(&record), &[], &theirs, &[], &exporter(), false).to_json()).unwrap();
    // This device has settings of its own, without that procedure.
    let mine = Settings {
        organisation_name: "Another council".into(),
        ..Settings::default()
    };
    let plan = preview(&file, &[], &[], &mine, &[]);
    assert!(plan.procedures_only);
    let adopted = plan.settings.clone().expect("the procedure is added");
    assert_eq!(
        adopted.organisation_name, "Another council",
        "this device's own settings are kept"
    );
    let today = NaiveDate::from_ymd_opt(2026, 1, 6).unwrap();
    let deadlines = redress_core::deadline::record_deadlines(&record, &adopted.rules(today));
    assert!(!deadlines.is_empty(), "the record keeps its deadlines here");
    assert!(redress_core::deadline::record_deadlines(&record, &mine.rules(today)).is_empty());
    // Importing again adds nothing.
    assert_eq!(preview(&file, &[], &[], &adopted, &[]).settings, None);
}

#[test]
fn files_without_settings_carry_a_custom_procedure_as_a_copy() {
    use redress_core::procedure::ProcedureRef;
    let (settings, record) = custom_case();
    assert!(matches!(record.procedure, Some(ProcedureRef::Custom { .. })));
    let redacted = everything(std::slice::from_ref(&record), &[], &settings, &[], &exporter(), true);
    assert!(matches!(redacted.records[0].procedure, Some(ProcedureRef::Copy(_))));
    let alone = one_record(&record.self_contained(&settings.custom_procedures), &exporter(), false);
    let today = NaiveDate::from_ymd_opt(2026, 1, 6).unwrap();
    assert_eq!(
        redress_core::deadline::record_deadlines(&alone.records[0], &Settings::default().rules(today)),
        redress_core::deadline::record_deadlines(&record, &settings.rules(today)),
        "the same dates on a device that never had the procedure"
    );
}

/// Read a part at a time, a file gives what it gives read in one go: the same file, or the same
/// problems at the same places, whatever the size of the parts.
#[test]
fn a_file_read_a_part_at_a_time_is_read_as_in_one_go() {
    use redress_core::exchange::file::{Reading, text};
    let good = export_text();
    let mut value: Value = serde_json::from_str(&good).unwrap();
    let count = value["records"].as_array().unwrap().len();
    assert!(count >= 10);
    value["records"][count - 2]["received"] = Value::String("3000-01-01".into());
    value["records"][1]["kind"] = Value::String("grumble".into());
    let bad = serde_json::to_string(&value).unwrap();
    let older = include_str!("fixtures/export-schema-1.json");
    for file in [good.as_str(), bad.as_str(), older, "{}", "not json"] {
        let whole = read(file);
        for part in [1, 3, 1000] {
            let mut reading = Reading::start(file);
            let mut steps = 0;
            while !reading.step(part) {
                steps += 1;
                assert!(reading.done() <= reading.records());
            }
            assert!(part > 1 || file != good || steps >= count - 1, "read in parts");
            assert_eq!(reading.finish(), whole, "parts of {part}");
        }
        assert_eq!(text(file.as_bytes()).map(read), Ok(read(file)));
    }
    let places: Vec<String> = read(&bad).unwrap_err().into_iter().map(|p| p.field).collect();
    assert!(places.iter().any(|p| p == "records[1].kind"), "{places:?}");
    assert!(
        places
            .iter()
            .any(|p| p.starts_with(&format!("records[{}].received", count - 2))),
        "{places:?}"
    );
}

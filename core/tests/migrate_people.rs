//! The step to schema 3 — the person a record is about and whoever raised it, each with how to
//! reach them — against what the schema-2 release stored and exported
//! (`fixtures/store-schema-2/`, made by that release, never by hand): every name, way of
//! contact, consent and adjustment arrives in its new place, and every other field as it was.

use redress_core::exchange::file::read;
use redress_core::exchange::restore;
use redress_core::record::{Authority, Person, Record};
use serde_json::Value;
use std::path::Path;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/store-schema-2")
            .join(name),
    )
    .unwrap()
}

fn restored(name: &str) -> (Record, Value) {
    let text = fixture(name);
    let old: Value = serde_json::from_str::<Value>(&text).unwrap()["data"].clone();
    let restored = restore::record(&text).unwrap();
    assert!(restored.migrated, "{name} was written by schema 2");
    assert!(restored.problems.is_empty(), "{name}: {:?}", restored.problems);
    (restored.data, old)
}

/// The old record and the new, without what moved, are the same.
fn rest_unchanged(name: &str, record: &Record, old: &Value) {
    let mut old = old.clone();
    let mut new = serde_json::to_value(record).unwrap();
    let (old_map, new_map) = (old.as_object_mut().unwrap(), new.as_object_mut().unwrap());
    old_map.remove("person_name");
    for moved in ["person", "raised_by"] {
        new_map.remove(moved);
    }
    for intake in [old_map.get_mut("intake"), new_map.get_mut("intake")]
        .into_iter()
        .flatten()
    {
        for moved in ["about_name", "preferred_contact", "authority"] {
            intake.as_object_mut().unwrap().remove(moved);
        }
    }
    assert_eq!(new, old, "{name}: every other field as it was");
}

#[test]
fn a_daughter_raising_it_for_her_mother_becomes_two_people() {
    let (record, old) = restored("record-daughter.json");
    assert_eq!(record.person, Person::named("Margaret Jones"));
    let raiser = record.raised_by.clone().expect("the daughter raised it");
    assert_eq!(raiser.name, "Susan Jones");
    assert_eq!(
        raiser.preferred_contact, "Email",
        "the way of contact was the daughter's"
    );
    assert_eq!(
        raiser.format, "Large print",
        "the large-print adjustment acts on her letters"
    );
    assert_eq!(record.recipient().name, "Susan Jones", "letters go to her");
    assert_eq!(
        record.intake.authority,
        Some(Authority::Consent {
            given: "2026-10-02".parse().unwrap()
        })
    );
    assert_eq!(
        record.intake.adjustments.len(),
        1,
        "the adjustment itself stays, with its dates"
    );
    rest_unchanged("record-daughter.json", &record, &old);
}

#[test]
fn a_person_raising_it_themselves_stays_one_person() {
    let (record, old) = restored("record-own.json");
    assert_eq!(record.person.name, "Alex Taylor");
    assert_eq!(record.person.preferred_contact, "Phone");
    assert_eq!(record.raised_by, None);
    rest_unchanged("record-own.json", &record, &old);
}

#[test]
fn a_representative_named_alone_is_who_raised_it() {
    let (record, old) = restored("record-advocate.json");
    assert!(record.person.is_empty(), "the person it is about was never named");
    assert_eq!(record.raised_by.as_ref().map(|r| r.name.as_str()), Some("Priya Shah"));
    assert_eq!(record.intake.authority, None);
    rest_unchanged("record-advocate.json", &record, &old);
}

#[test]
fn an_anonymous_record_has_no_one() {
    let (record, old) = restored("record-anonymous.json");
    assert!(record.person.is_empty() && record.raised_by.is_none());
    assert_eq!(record.display_name(), None);
    rest_unchanged("record-anonymous.json", &record, &old);
}

#[test]
fn an_export_of_schema_2_arrives_whole() {
    let text = fixture("export-schema-2.json");
    let old: Value = serde_json::from_str(&text).unwrap();
    let file = read(&text).unwrap_or_else(|problems| panic!("{problems:?}"));
    let old_records = old["records"].as_array().unwrap();
    assert_eq!(file.records.len(), old_records.len(), "every record");
    for (record, old) in file.records.iter().zip(old_records) {
        let old_name = old["person_name"].as_str().unwrap_or_default();
        let about = old["intake"]["about_name"].as_str().unwrap_or_default();
        let names: Vec<&str> = [
            record.person.name.as_str(),
            record.raised_by.as_ref().map_or("", |r| r.name.as_str()),
        ]
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect();
        let expected: Vec<&str> = [about, old_name].into_iter().filter(|n| !n.is_empty()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        let mut wanted = expected.clone();
        wanted.sort_unstable();
        assert_eq!(sorted, wanted, "{}: every name arrives", record.id);
        rest_unchanged(&record.id, record, old);
    }
    let daughter = file.records.iter().find(|r| r.id == "fixture-daughter").unwrap();
    assert_eq!(daughter.recipient().name, "Susan Jones");
    assert!(file.settings.is_some(), "the settings come too");
}

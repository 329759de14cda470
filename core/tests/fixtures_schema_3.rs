//! The schema-3 fixtures (`fixtures/store-schema-3/`, written by the last schema-3 release, never
//! by hand) are what this release reads and writes today: each stored record and the export come
//! back with no problem and, written again, are the same documents. When schema 4 comes, its
//! migration step is tested against these same files.

use redress_core::exchange::file::read;
use redress_core::exchange::{restore, seal};
use serde_json::Value;
use std::path::Path;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/store-schema-3")
            .join(name),
    )
    .unwrap()
}

fn document(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn every_stored_record_of_schema_3_reads_as_it_was_written() {
    for name in [
        "record-extended.json",
        "record-plain.json",
        "record-no-procedure.json",
        "record-case.json",
    ] {
        let text = fixture(name);
        let restored = restore::record(&text).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        assert!(restored.problems.is_empty(), "{name}: {:?}", restored.problems);
        assert_eq!(
            document(&seal(&restored.data)),
            document(&text),
            "{name}: written again, the same document"
        );
    }
    let settings = restore::settings(&fixture("settings.json")).unwrap();
    assert_eq!(settings.data.organisation_name, "Exampleshire Council");
}

#[test]
fn the_export_of_schema_3_reads_whole() {
    let text = fixture("export-schema-3.json");
    let file = read(&text).unwrap_or_else(|problems| panic!("{problems:?}"));
    let old = document(&text);
    assert_eq!(
        serde_json::to_value(&file.records).unwrap(),
        old["records"],
        "every record as it was written"
    );
    let case = file.records.iter().find(|r| r.id == "fixture-case").unwrap();
    assert!(
        case.correspondence.iter().any(|c| c.note.starts_with("Chaser sent.")),
        "the chaser is in the case's log"
    );
}

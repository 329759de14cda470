//! The JSON Schema published with the app (`public/schema/`, served at `/schema/`) is the one the
//! export file's own types describe. After changing those types, write it again with
//! `REDRESS_WRITE_SCHEMA=1 cargo test -p redress-core --test schema`. Each schema version has its
//! own file (`redress-export-N.schema.json`); the older ones stay published for older files.

use redress_core::exchange::SCHEMA_VERSION;
use redress_core::exchange::file::ExportFile;

#[test]
fn the_published_schema_is_the_one_the_types_describe() {
    let name = format!("redress-export-{SCHEMA_VERSION}.schema.json");
    let published = format!("{}/../public/schema/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut schema = schemars::schema_for!(ExportFile);
    schema.schema.metadata().title = Some(format!("Redress export file, schema version {SCHEMA_VERSION}"));
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::env::var_os("REDRESS_WRITE_SCHEMA").is_some() {
        std::fs::write(&published, &text).unwrap();
    }
    let found = std::fs::read_to_string(&published).unwrap_or_default();
    assert!(
        found == text,
        "public/schema/{name} is out of date: run REDRESS_WRITE_SCHEMA=1 cargo test -p redress-core --test schema"
    );
}

#[test]
fn every_older_schema_stays_published() {
    for version in 1..SCHEMA_VERSION {
        let path = format!(
            "{}/../public/schema/redress-export-{version}.schema.json",
            env!("CARGO_MANIFEST_DIR")
        );
        assert!(std::path::Path::new(&path).exists(), "{path} is still published");
    }
}

#[test]
fn the_schema_names_the_header_and_the_parts() {
    let schema = serde_json::to_value(schemars::schema_for!(ExportFile)).unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for field in [
        "format",
        "schema_version",
        "app_version",
        "exported_at",
        "organisation",
        "scope",
        "redacted",
    ] {
        assert!(required.contains(&field), "{field} is required");
    }
    for part in ["Record", "Assessment", "Settings", "StageEvents"] {
        assert!(schema["definitions"].get(part).is_some(), "{part} is described");
    }
}

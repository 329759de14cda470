//! The JSON Schema published with the app (`public/schema/`, served at `/schema/`) is the one the
//! export file's own types describe. After changing those types, write it again with
//! `REDRESS_WRITE_SCHEMA=1 cargo test -p redress-core --test schema`.

use redress_core::exchange::file::ExportFile;

const PUBLISHED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../public/schema/redress-export-1.schema.json"
);

#[test]
fn the_published_schema_is_the_one_the_types_describe() {
    let mut schema = schemars::schema_for!(ExportFile);
    schema.schema.metadata().title = Some("Redress export file, schema version 1".into());
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::env::var_os("REDRESS_WRITE_SCHEMA").is_some() {
        std::fs::write(PUBLISHED, &text).unwrap();
    }
    let published = std::fs::read_to_string(PUBLISHED).unwrap_or_default();
    assert!(
        published == text,
        "public/schema/redress-export-1.schema.json is out of date: run REDRESS_WRITE_SCHEMA=1 cargo test -p redress-core --test schema"
    );
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

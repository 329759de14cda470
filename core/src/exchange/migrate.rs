//! Bringing data written by an older schema up to this one, one version at a time and one
//! document at a time. Each version has one named step per kind of document (a record, an
//! assessment, the settings) that takes that document's JSON as version n − 1 wrote it and
//! leaves it as version n writes it. The same steps run for a document kept in storage and for
//! every document inside an export file, so the two doors can never disagree. Each step has a
//! fixture written by the release before it (`core/tests/fixtures/store-schema-1/`).

use super::SCHEMA_VERSION;
use crate::procedure::{Procedure, built_in_version, targets_of};
use serde_json::{Map, Value, json};

/// The kind of document a step is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Record,
    Assessment,
    Settings,
    /// Anything else kept in an envelope (the storage index, the list of deletions): its shape
    /// has not changed, so it takes no steps.
    Other,
}

type Change = fn(&mut Value);

/// The steps that make version `to`.
struct Step {
    to: u32,
    record: Change,
    assessment: Change,
    settings: Change,
}

/// In order: `STEPS[i]` makes version i + 2.
const STEPS: &[Step] = &[Step {
    to: 2,
    record: record_2_procedure_by_reference,
    assessment: assessment_2_unchanged,
    settings: settings_2_custom_procedures_as_library,
}];

const _: () = {
    assert!(
        STEPS.len() as u32 + 1 == SCHEMA_VERSION,
        "one step for each version after the first"
    );
    let mut i = 0;
    while i < STEPS.len() {
        assert!(STEPS[i].to == i as u32 + 2, "the steps are in order");
        i += 1;
    }
};

/// Schema 2: a complaint names its procedure instead of keeping a copy of it. A stored copy
/// becomes a built-in reference only when making that built-in again — from its id, version 1
/// and the local targets read from the copy — gives exactly the copy; anything else (an older
/// or changed built-in, a custom procedure, which this step cannot look up in the settings, or
/// a value that does not read as a procedure) stays a copy, whole, so nothing is lost.
fn record_2_procedure_by_reference(record: &mut Value) {
    let Some(procedure) = record.as_object_mut().and_then(|r| r.get_mut("procedure")) else {
        return;
    };
    if procedure.is_null() {
        return;
    }
    let copy = procedure.take();
    *procedure = match built_in_reference(&copy) {
        Some(reference) => reference,
        None => json!({ "copy": copy }),
    };
}

fn built_in_reference(copy: &Value) -> Option<Value> {
    let parsed: Procedure = serde_json::from_value(copy.clone()).ok()?;
    let targets = targets_of(&parsed);
    let made = serde_json::to_value(built_in_version(&parsed.id, 1, &targets)?).ok()?;
    // Schema 1 wrote no version: a copy then was version 1 of its definition.
    let mut expected = copy.clone();
    expected.as_object_mut()?.entry("version").or_insert(json!(1));
    (made == expected).then(|| json!({ "built-in": { "id": parsed.id, "version": 1, "targets": targets } }))
}

/// Schema 2 changed nothing in an assessment.
fn assessment_2_unchanged(_assessment: &mut Value) {}

/// Schema 2 made `custom_procedures` the library records name by version. A schema-1 custom
/// procedure already reads as version 1, not retired, so the stored text stays as it is.
fn settings_2_custom_procedures_as_library(_settings: &mut Value) {}

fn check(from: u32) -> Result<(), String> {
    match from {
        0 => Err("0 is not a schema version Redress has written".into()),
        newer if newer > SCHEMA_VERSION => Err(format!(
            "schema {newer} is newer than this Redress reads (up to schema {SCHEMA_VERSION})"
        )),
        _ => Ok(()),
    }
}

/// Migrates one document of `kind`, written by schema `from`, to this build's schema.
pub fn migrate_document(kind: DocKind, document: &mut Value, from: u32) -> Result<(), String> {
    check(from)?;
    for step in STEPS.iter().filter(|step| step.to > from) {
        match kind {
            DocKind::Record => (step.record)(document),
            DocKind::Assessment => (step.assessment)(document),
            DocKind::Settings => (step.settings)(document),
            DocKind::Other => {}
        }
    }
    Ok(())
}

/// Migrates a whole export file, written by schema `from`, to this build's schema: every element
/// of `records` and `assessments`, and `settings`, take their own steps.
pub fn migrate(object: &mut Map<String, Value>, from: u32) -> Result<(), String> {
    check(from)?;
    for (key, kind) in [("records", DocKind::Record), ("assessments", DocKind::Assessment)] {
        if let Some(Value::Array(items)) = object.get_mut(key) {
            for item in items {
                migrate_document(kind, item, from)?;
            }
        }
    }
    if let Some(settings) = object.get_mut("settings").filter(|s| s.is_object()) {
        migrate_document(DocKind::Settings, settings, from)?;
    }
    object.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    Ok(())
}

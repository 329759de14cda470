//! Bringing data written by an older schema up to this one, one version at a time and one
//! document at a time. Each version has one named step per kind of document (a record, an
//! assessment, the settings) that takes that document's JSON as version n − 1 wrote it and
//! leaves it as version n writes it. The same steps run for a document kept in storage and for
//! every document inside an export file, so the two doors can never disagree. Each step has a
//! fixture written by the release before it (`core/tests/fixtures/store-schema-1/` …
//! `store-schema-3/`).

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
const STEPS: &[Step] = &[
    Step {
        to: 2,
        record: record_2_procedure_by_reference,
        assessment: unchanged,
        settings: settings_2_custom_procedures_as_library,
    },
    Step {
        to: 3,
        record: record_3_people,
        assessment: unchanged,
        settings: unchanged,
    },
    Step {
        to: 4,
        record: record_4_every_extension,
        assessment: unchanged,
        settings: unchanged,
    },
];

/// The oldest schema whose settings read as they are: no step after it changes settings (a test
/// holds every step to this). The short read at start-up ([`super::restore::current_settings`])
/// takes settings written by this schema or a later one; a step that changes settings must
/// raise it to its own version.
pub const SETTINGS_UNCHANGED_SINCE: u32 = 1;

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

/// A step that changes nothing in this kind of document.
fn unchanged(_document: &mut Value) {}

/// Schema 3: the people on a record, each with how to reach them. Schema 2 kept one name
/// (`person_name`: whoever was named when the record was made), the name of the person it is
/// about when someone else raised it (`intake.about_name`), one way of contact and a consent
/// date. So:
/// - with a name in `about_name`, the record is about that person and was raised by the
///   `person_name` (who is also who was to be contacted);
/// - else, when intake recorded a representative (a relative, an advocate…) the named person is
///   who raised it, and the person it is about is not yet named;
/// - else the named person is the person it is about (and raised it themselves);
/// - a consent date becomes consent given on that date;
/// - an adjustment agreed for large print makes the letters' recipient's format large print
///   (the adjustment itself stays, with its dates).
///
/// Nothing is dropped: every old value has a place in the new shape.
fn record_3_people(record: &mut Value) {
    let Some(record) = record.as_object_mut() else {
        return;
    };
    let text = |value: Option<Value>| value.and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let named = text(record.remove("person_name"));
    let (about, contact, consent, representative, large_print) =
        match record.get_mut("intake").and_then(Value::as_object_mut) {
            Some(intake) => (
                text(intake.remove("about_name")),
                text(intake.remove("preferred_contact")),
                intake.remove("authority").filter(|date| date.is_string()),
                intake
                    .get("complainant_type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| !matches!(t, "service-user" | "anonymous")),
                intake.get("adjustments").and_then(Value::as_array).is_some_and(|all| {
                    all.iter().any(|a| {
                        a.get("what")
                            .and_then(Value::as_str)
                            .is_some_and(|what| what.to_lowercase().contains("large print"))
                    })
                }),
            ),
            None => (String::new(), String::new(), None, false, false),
        };
    if let (Some(given), Some(intake)) = (consent, record.get_mut("intake").and_then(Value::as_object_mut)) {
        intake.insert("authority".into(), json!({ "basis": "consent", "given": given }));
    }
    let person = |name: &str, reached: bool| {
        let mut person = Map::new();
        if !name.is_empty() {
            person.insert("name".into(), json!(name));
        }
        if reached && !contact.is_empty() {
            person.insert("preferred_contact".into(), json!(contact));
        }
        if reached && large_print {
            person.insert("format".into(), json!(crate::record::person::LARGE_PRINT));
        }
        Value::Object(person)
    };
    let (about, raised_by) = if !about.is_empty() {
        (person(&about, false), Some(person(&named, true)))
    } else if representative && !named.is_empty() {
        (person("", false), Some(person(&named, true)))
    } else {
        (person(&named, true), None)
    };
    if about.as_object().is_some_and(|p| !p.is_empty()) {
        record.insert("person".into(), about);
    }
    if let Some(raised_by) = raised_by {
        record.insert("raised_by".into(), raised_by);
    }
}

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

/// Schema 4: a stage keeps every extension of its response, in order (`extensions`), where
/// schema 3 kept one (`extension`), which a second overwrote. The one kept becomes the first and
/// only of the list; nothing else changes.
fn record_4_every_extension(record: &mut Value) {
    let Some(stages) = record.get_mut("stages").and_then(Value::as_array_mut) else {
        return;
    };
    for stage in stages.iter_mut().filter_map(Value::as_object_mut) {
        match stage.remove("extension") {
            Some(Value::Null) | None => {}
            Some(extension) => {
                stage.insert("extensions".into(), json!([extension]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_step_since_settings_unchanged_since_changes_settings() {
        let with_everything = crate::settings::Settings {
            organisation_name: "Northshire".into(),
            user_name: "Sam Patel".into(),
            team: vec!["Ann Handler".into()],
            ..crate::settings::Settings::default()
        };
        let settings = serde_json::to_value(&with_everything).unwrap();
        for step in STEPS.iter().filter(|step| step.to > SETTINGS_UNCHANGED_SINCE) {
            let mut after = settings.clone();
            (step.settings)(&mut after);
            assert_eq!(after, settings, "the step to schema {} changes settings", step.to);
        }
    }
}

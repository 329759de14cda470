//! The export file: everything on a device, one record or one assessment, with a header saying
//! what it is (format, schema version, app version, when, from which organisation, whether it is
//! redacted). Reading one back checks all of it before anything changes, and names the place of
//! every problem the way a person can find it: `records[12].stages[0].acknowledged`.

use super::SCHEMA_VERSION;
use super::migrate::migrate;
use crate::assessment::Assessment;
use crate::record::Record;
use crate::settings::Settings;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The format name of an export file.
pub const EXPORT_FORMAT: &str = "redress-export";
/// Larger files are refused before they are read: a whole device's export is a few megabytes
/// (browser storage holds about five), so anything far bigger is not one.
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Everything,
    Record,
    Assessment,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ExportFile {
    pub format: String,
    pub schema_version: u32,
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub organisation: String,
    pub scope: Scope,
    /// Names, contact details and free text removed: for sharing beyond the team.
    pub redacted: bool,
    /// Only in a whole export that is not redacted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
    #[serde(default)]
    pub records: Vec<Record>,
    #[serde(default)]
    pub assessments: Vec<Assessment>,
}

/// Who is exporting, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exporter {
    pub app_version: String,
    pub at: DateTime<Utc>,
    pub organisation: String,
}

impl ExportFile {
    pub fn new(scope: Scope, exporter: &Exporter) -> Self {
        ExportFile {
            format: EXPORT_FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            app_version: exporter.app_version.clone(),
            exported_at: exporter.at,
            organisation: exporter.organisation.clone(),
            scope,
            redacted: false,
            settings: None,
            records: Vec::new(),
            assessments: Vec::new(),
        }
    }

    /// The file's text: indented JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data always serialises")
    }

    /// A file name that says what the file holds, and when, without personal details.
    pub fn file_name(&self) -> String {
        let what = match self.scope {
            Scope::Everything => "everything".to_string(),
            Scope::Record => self.records.first().map(|r| r.reference.clone()).unwrap_or_default(),
            Scope::Assessment => self
                .assessments
                .first()
                .map(|a| a.framework.code().to_string())
                .unwrap_or_default(),
        };
        let redacted = if self.redacted { "-redacted" } else { "" };
        format!(
            "redress-{what}{redacted}-{}.json",
            self.exported_at.format("%Y-%m-%d-%H%M")
        )
    }
}

/// Something wrong with a file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// "records[12].stages[0].acknowledged", or "the file".
    pub place: String,
    pub message: String,
}

impl Problem {
    fn file(message: impl Into<String>) -> Self {
        Problem {
            place: "the file".into(),
            message: message.into(),
        }
    }

    fn at(place: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            place: place.into(),
            message: message.into(),
        }
    }
}

/// serde's words made plain: a date that is not a date says so, and names are quoted the way
/// the rest of Redress quotes them (“id”, not `id`).
fn plain(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    let message = &message
        .split('`')
        .enumerate()
        .map(|(i, piece)| {
            if i % 2 == 1 {
                format!("“{piece}”")
            } else {
                piece.to_string()
            }
        })
        .collect::<String>();
    if [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "input is not enough",
    ]
    .iter()
    .any(|m| message.contains(m))
    {
        "not a real date".into()
    } else {
        message.to_string()
    }
}

/// Reads one part of the file, naming the place of a problem within it.
fn part<T: DeserializeOwned>(value: Value, place: &str, problems: &mut Vec<Problem>) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(parsed) => Some(parsed),
        Err(error) => {
            let inner = error.path().to_string();
            let place = if inner == "." || inner.is_empty() {
                place.to_string()
            } else {
                format!("{place}.{inner}")
            };
            problems.push(Problem::at(place, plain(&error.into_inner().to_string())));
            None
        }
    }
}

fn list(object: &mut serde_json::Map<String, Value>, key: &str, problems: &mut Vec<Problem>) -> Vec<Value> {
    match object.remove(key) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            problems.push(Problem::at(key, "should be a list"));
            Vec::new()
        }
    }
}

fn duplicates<'a>(ids: impl Iterator<Item = (usize, &'a str)>, key: &str, problems: &mut Vec<Problem>) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, id) in ids {
        if let Some(first) = seen.insert(id, index) {
            seen.insert(id, first);
            problems.push(Problem::at(
                format!("{key}[{index}].id"),
                format!("the same id as {key}[{first}]: each must appear once"),
            ));
        }
    }
}

/// Reads and checks a whole file. Nothing is returned unless every part of it is right.
pub fn read(text: &str) -> Result<ExportFile, Vec<Problem>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![Problem::file(format!(
            "This file is {:.0} MB. An export from Redress is a few megabytes at most, so this is not one (the limit is {} MB).",
            text.len() as f64 / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        ))]);
    }
    let value: Value = serde_json::from_str(text).map_err(|error| {
        vec![Problem::file(if error.is_eof() {
            "The file ends too soon: it may have been cut off while it was copied or saved.".to_string()
        } else {
            format!(
                "This is not a JSON file (line {}, column {}).",
                error.line(),
                error.column()
            )
        })]
    })?;
    let Value::Object(mut object) = value else {
        return Err(vec![Problem::file("This is JSON, but not a Redress export.")]);
    };
    match object.get("format").and_then(Value::as_str) {
        Some(EXPORT_FORMAT) => {}
        Some(other) => {
            return Err(vec![Problem::at(
                "format",
                format!("This is “{other}” data, not a Redress export (“{EXPORT_FORMAT}”)."),
            )]);
        }
        None => {
            return Err(vec![Problem::file(
                "This is JSON, but not a Redress export: it has no format name.",
            )]);
        }
    }
    let version = match object.get("schema_version").and_then(Value::as_u64) {
        Some(version) => version as u32,
        None => return Err(vec![Problem::at("schema_version", "missing, or not a whole number")]),
    };
    if version > SCHEMA_VERSION {
        return Err(vec![Problem::at(
            "schema_version",
            format!(
                "This file was made by a newer version of Redress (schema {version}); this one reads up to schema {SCHEMA_VERSION}. Update Redress on this device, then import it."
            ),
        )]);
    }
    migrate(&mut object, version).map_err(|message| vec![Problem::at("schema_version", message)])?;

    let mut problems = Vec::new();
    let records: Vec<Value> = list(&mut object, "records", &mut problems);
    let assessments: Vec<Value> = list(&mut object, "assessments", &mut problems);
    let settings = object.remove("settings").filter(|v| !v.is_null());
    let header: Option<ExportFile> = part(Value::Object(object), "header", &mut problems);
    // Kept with their place in the file, so a duplicate is named where it is.
    let records: Vec<(usize, Record)> = records
        .into_iter()
        .enumerate()
        .filter_map(|(i, value)| part(value, &format!("records[{i}]"), &mut problems).map(|r| (i, r)))
        .collect();
    let assessments: Vec<Assessment> = assessments
        .into_iter()
        .enumerate()
        .filter_map(|(i, value)| part(value, &format!("assessments[{i}]"), &mut problems))
        .collect();
    let settings: Option<Settings> = settings.and_then(|value| part(value, "settings", &mut problems));
    duplicates(
        records.iter().map(|(i, r)| (*i, r.id.as_str())),
        "records",
        &mut problems,
    );
    duplicates(
        assessments.iter().map(|a| a.id.as_str()).enumerate(),
        "assessments",
        &mut problems,
    );
    for (index, record) in &records {
        if record.id.trim().is_empty() {
            problems.push(Problem::at(
                format!("records[{index}].id"),
                "empty: every record needs its id",
            ));
        }
    }
    for (index, assessment) in assessments.iter().enumerate() {
        for problem in crate::assessment::file::check(assessment) {
            problems.push(Problem::at(
                format!("assessments[{index}].{}", problem.place),
                problem.message,
            ));
        }
    }
    match header {
        Some(header) if problems.is_empty() => Ok(ExportFile {
            settings,
            records: records.into_iter().map(|(_, r)| r).collect(),
            assessments,
            ..header
        }),
        _ => Err(problems),
    }
}

/// Everything on the device except made-up sample records; settings too, unless redacted.
pub fn everything(
    records: &[Record],
    assessments: &[Assessment],
    settings: &Settings,
    exporter: &Exporter,
    redacted: bool,
) -> ExportFile {
    let mut file = ExportFile::new(Scope::Everything, exporter);
    let mut names = super::redact::Pseudonyms::default();
    let real = records.iter().filter(|r| !r.sample);
    if redacted {
        file.redacted = true;
        file.records = real.map(|r| super::redact::redact_record(r, &mut names)).collect();
        file.assessments = assessments
            .iter()
            .map(|a| super::redact::redact_assessment(a, &mut names))
            .collect();
    } else {
        file.settings = Some(settings.clone());
        file.records = real.cloned().collect();
        file.assessments = assessments.to_vec();
    }
    file
}

/// One record, to hand to a colleague (or, redacted, to someone outside the team).
pub fn one_record(record: &Record, exporter: &Exporter, redacted: bool) -> ExportFile {
    let mut file = ExportFile::new(Scope::Record, exporter);
    file.redacted = redacted;
    file.records = vec![if redacted {
        super::redact::redact_record(record, &mut super::redact::Pseudonyms::default())
    } else {
        record.clone()
    }];
    file
}

/// One self-assessment, to share with a governance board or another device.
pub fn one_assessment(assessment: &Assessment, exporter: &Exporter) -> ExportFile {
    let mut file = ExportFile::new(Scope::Assessment, exporter);
    file.assessments = vec![assessment.clone()];
    file
}

//! The export file: everything on a device, one record or one assessment, with a header saying
//! what it is (format, schema version, app version, when, from which organisation, whether it is
//! redacted). Reading one back checks all of it before anything changes, and names the place of
//! every problem the way a person can find it: `records[12].stages[0].acknowledged`.

use super::SCHEMA_VERSION;
use super::migrate::migrate;
use crate::assessment::Assessment;
use crate::record::Record;
use crate::record::bounds;
use crate::record::deletion::Deletion;
use crate::settings::Settings;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The format name of an export file.
pub const EXPORT_FORMAT: &str = "redress-export";
/// Larger files are refused before they are read. The largest export the app makes, a device
/// of 50,000 records, is well under half of this; anything bigger is not an export.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

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
    /// Records deleted on the device, in a whole export, so that importing it elsewhere (or an
    /// older file here) does not bring them back unasked. Absent from older files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deletions: Vec<Deletion>,
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
            deletions: Vec::new(),
        }
    }

    /// The file's text: indented JSON (serialised compact, as storage does, then indented).
    #[allow(
        clippy::expect_used,
        reason = "plain derived data with string keys always serialises"
    )]
    pub fn to_json(&self) -> String {
        super::pretty::indent(&serde_json::to_string(self).expect("plain data always serialises"))
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
            crate::format::uk_stamp(self.exported_at)
        )
    }
}

/// What is wrong with a file, and where: the one problem type, its field the place in the file.
pub use crate::problem::Problem;

/// serde's words made plain: a date that is not a date says so, and names are quoted the way
/// the rest of Redress quotes them (“id”, not `id`).
pub(crate) fn plain(message: &str) -> String {
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

/// Where a problem was found by serde, put after the place of the part it is in.
fn placed(place: &str, inner: String) -> String {
    if inner == "." || inner.is_empty() {
        place.to_string()
    } else if place.is_empty() {
        inner
    } else {
        format!("{place}.{inner}")
    }
}

/// Reads one part of the file from its own text, naming the place of a problem within it.
fn part<T: DeserializeOwned>(raw: &RawValue, place: &str, problems: &mut Vec<Problem>) -> Option<T> {
    match super::read_text::<T>(raw.get()) {
        Ok(parsed) => Some(parsed),
        Err(error) => {
            let inner = error.path().to_string();
            let error = error.into_inner();
            problems.push(Problem::at(placed(place, inner), plain_error(&error)));
            None
        }
    }
}

/// serde_json's error in words: the few that are about the text rather than the data say so.
fn plain_error(error: &serde_json::Error) -> String {
    let message = error.to_string();
    if message.contains("surrogate") || message.contains("hex escape") {
        "holds an escape that is half of a character (such as “\\ud800” on its own), which is not text".into()
    } else if message.contains("recursion limit") {
        NESTED.into()
    } else {
        plain(&message)
    }
}

const NESTED: &str = "This file is nested more deeply than any Redress export (lists within lists, over a hundred deep), so it cannot be read.";

/// The parts of a file, each left as its own text until it is read, so the whole file is never
/// held twice over as a tree of values (a device's export can be a hundred megabytes).
#[derive(Deserialize)]
struct Parts<'a> {
    #[serde(borrow, default)]
    format: Option<&'a RawValue>,
    #[serde(borrow, default)]
    schema_version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    app_version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    exported_at: Option<&'a RawValue>,
    #[serde(borrow, default)]
    organisation: Option<&'a RawValue>,
    #[serde(borrow, default)]
    scope: Option<&'a RawValue>,
    #[serde(borrow, default)]
    redacted: Option<&'a RawValue>,
    #[serde(borrow, default)]
    settings: Option<&'a RawValue>,
    #[serde(borrow, default)]
    records: Option<&'a RawValue>,
    #[serde(borrow, default)]
    assessments: Option<&'a RawValue>,
    #[serde(borrow, default)]
    deletions: Option<&'a RawValue>,
}

/// A list's items, each as its own text.
fn list<'a>(raw: Option<&'a RawValue>, key: &str, problems: &mut Vec<Problem>) -> Vec<&'a RawValue> {
    let Some(raw) = raw else {
        return Vec::new();
    };
    match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
        Ok(items) => items,
        Err(_) => {
            problems.push(Problem::at(key, "should be a list"));
            Vec::new()
        }
    }
}

/// One header field, which must be there.
fn field<T: DeserializeOwned>(raw: Option<&RawValue>, key: &str, problems: &mut Vec<Problem>) -> Option<T> {
    match raw {
        Some(raw) => part(raw, key, problems),
        None => {
            problems.push(Problem::at(key, "missing"));
            None
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

/// The schema version a file says it was written by, read whole: a number too big for this
/// build's type must not wrap round into a small one (`4294967297` is not schema 1).
// `exchange::schema_version_of` is the same rule for stored envelopes; a file keeps its own
// words, naming the number as it was typed and telling the person to update Redress.
fn schema_version(raw: Option<&RawValue>) -> Result<u32, Problem> {
    let not_written = |shown: &str| {
        Problem::at(
            "schema_version",
            format!("{shown} is not a schema version Redress has written"),
        )
    };
    let value: Value = raw
        .and_then(|raw| serde_json::from_str(raw.get()).ok())
        .unwrap_or(Value::Null);
    // As written in the file: a number too big for any type is shown as it was typed.
    let shown: String = raw.map_or("", |raw| raw.get().trim()).chars().take(40).collect();
    let version = match &value {
        Value::Null => return Err(Problem::at("schema_version", "missing, or not a whole number")),
        Value::Number(number) => match number.as_u64() {
            Some(version) => version,
            None => return Err(not_written(&shown)),
        },
        _ => return Err(Problem::at("schema_version", "missing, or not a whole number")),
    };
    if version == 0 {
        return Err(not_written("0"));
    }
    let Ok(version) = u32::try_from(version) else {
        return Err(not_written(&shown));
    };
    if version > SCHEMA_VERSION {
        return Err(Problem::at(
            "schema_version",
            format!(
                "This file was made by a newer version of Redress (schema {version}); this one reads up to schema {SCHEMA_VERSION}. Update Redress on this device, then import it."
            ),
        ));
    }
    Ok(version)
}

/// Why text is not JSON, in words.
fn not_json(error: &serde_json::Error) -> Problem {
    let message = error.to_string();
    Problem::whole_file(if error.is_eof() {
        "The file ends too soon: it may have been cut off while it was copied or saved.".to_string()
    } else if message.contains("recursion limit") {
        NESTED.to_string()
    } else if message.contains("surrogate") || message.contains("hex escape") {
        format!(
            "This file holds an escape that is half of a character (such as “\\ud800” on its own), which is not text (line {}, column {}).",
            error.line(),
            error.column()
        )
    } else {
        format!(
            "This is not a JSON file (line {}, column {}).",
            error.line(),
            error.column()
        )
    })
}

/// Whether a file of this many bytes is refused for its size alone: the app asks before it
/// reads a chosen file at all, so a huge one is never loaded into memory.
pub fn size_problem(bytes: usize) -> Option<Vec<Problem>> {
    (bytes > MAX_FILE_BYTES).then(|| too_big(bytes))
}

fn too_big(bytes: usize) -> Vec<Problem> {
    vec![Problem::whole_file(format!(
        "This file is {:.0} MB, more than the {} MB an export from Redress can be (one of 50,000 records is well under half that), so it is not one.",
        bytes as f64 / 1_048_576.0,
        MAX_FILE_BYTES / 1_048_576
    ))]
}

/// Reads and checks a whole file from its bytes as they are on disk: text that is not UTF-8 is
/// refused with the place of the first byte that is not, rather than read with "�" in its place.
pub fn read_bytes(bytes: &[u8]) -> Result<ExportFile, Vec<Problem>> {
    text(bytes).and_then(read)
}

/// A file's bytes as text, to read with [`Reading`]: refused, as [`read_bytes`] refuses them,
/// when too big or not UTF-8.
pub fn text(bytes: &[u8]) -> Result<&str, Vec<Problem>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_big(bytes.len()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let offset = error.valid_up_to();
            let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
            Err(vec![Problem::whole_file(match error.error_len() {
                Some(_) => format!(
                    "This file is not UTF-8 text, as every Redress export is: byte {offset} (on line {line}) is not part of any character. Another program may have saved it in a different encoding."
                ),
                None => format!(
                    "The file ends in the middle of a character (byte {offset}, on line {line}): it may have been cut off while it was copied or saved."
                ),
            })])
        }
    }
}

/// Reads and checks a whole file. Nothing is returned unless every part of it is right.
pub fn read(text: &str) -> Result<ExportFile, Vec<Problem>> {
    let mut reading = Reading::start(text);
    while !reading.step(usize::MAX) {}
    reading.finish()
}

/// A file being read a part at a time, so a page can draw between the parts: [`Reading::start`]
/// reads the header and finds where each record is; [`Reading::step`] reads so many records;
/// [`Reading::finish`] checks the rest and gives the file, or every problem found. The same
/// checks as [`read`], which is this done in one go.
pub struct Reading<'a>(Stage<'a>);

enum Stage<'a> {
    /// Read already (a file refused at once, or one of an older schema, read whole).
    Read(Box<Result<ExportFile, Vec<Problem>>>),
    Going(Box<Going<'a>>),
}

struct Going<'a> {
    parts: Parts<'a>,
    records: Vec<&'a RawValue>,
    next: usize,
    read: Vec<(usize, Record)>,
    /// Whether the records are a list at all.
    listing: Vec<Problem>,
    /// What the records read so far are found to hold.
    problems: Vec<Problem>,
}

impl<'a> Reading<'a> {
    pub fn start(text: &'a str) -> Self {
        match Self::begin(text) {
            Ok(going) => Reading(Stage::Going(going)),
            Err(read) => Reading(Stage::Read(read)),
        }
    }

    /// How many records the file holds, for "Checking 2,000 of 50,000 records…".
    pub fn records(&self) -> usize {
        match &self.0 {
            Stage::Read(read) => (**read).as_ref().map_or(0, |file| file.records.len()),
            Stage::Going(going) => going.records.len(),
        }
    }

    /// How many records have been read so far.
    pub fn done(&self) -> usize {
        match &self.0 {
            Stage::Read(_) => self.records(),
            Stage::Going(going) => going.next,
        }
    }

    /// Reads up to `count` more records; true once every record has been read.
    pub fn step(&mut self, count: usize) -> bool {
        let Stage::Going(going) = &mut self.0 else {
            return true;
        };
        let end = going.next.saturating_add(count).min(going.records.len());
        for i in going.next..end {
            let place = format!("records[{i}]");
            let Some(record) = part::<Record>(going.records[i], &place, &mut going.problems) else {
                continue;
            };
            if record.id.trim().is_empty() {
                going
                    .problems
                    .push(Problem::at(format!("{place}.id"), "empty: every record needs its id"));
            }
            within(&place, bounds::check_record(&record), &mut going.problems);
            going.read.push((i, record));
        }
        going.next = end;
        end == going.records.len()
    }

    /// Reads whatever is left and checks the file as a whole.
    pub fn finish(mut self) -> Result<ExportFile, Vec<Problem>> {
        while !self.step(usize::MAX) {}
        match self.0 {
            Stage::Read(read) => *read,
            Stage::Going(going) => (*going).finish(),
        }
    }

    fn begin(text: &'a str) -> Result<Box<Going<'a>>, Box<Result<ExportFile, Vec<Problem>>>> {
        let refuse = |problems: Vec<Problem>| Err(Box::new(Err(problems)));
        if text.len() > MAX_FILE_BYTES {
            return refuse(too_big(text.len()));
        }
        // Some editors put a byte-order mark before the text when they save it.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if !text.trim_start().starts_with('{') {
            return refuse(vec![match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Ok(_) => Problem::whole_file("This is JSON, but not a Redress export."),
                Err(error) => not_json(&error),
            }]);
        }
        let parts: Parts = match serde_json::from_str(text).map_err(|error| {
            vec![if error.classify() == serde_json::error::Category::Data {
                Problem::whole_file(format!(
                    "This is JSON, but not a Redress export: {}.",
                    plain(&error.to_string())
                ))
            } else {
                not_json(&error)
            }]
        }) {
            Ok(parts) => parts,
            Err(problems) => return refuse(problems),
        };
        match parts
            .format
            .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok())
        {
            Some(format) if format == EXPORT_FORMAT => {}
            Some(other) => {
                return refuse(vec![Problem::at(
                    "format",
                    format!("This is “{other}” data, not a Redress export (“{EXPORT_FORMAT}”)."),
                )]);
            }
            None => {
                return refuse(vec![Problem::whole_file(
                    "This is JSON, but not a Redress export: it has no format name.",
                )]);
            }
        }
        let version = match schema_version(parts.schema_version) {
            Ok(version) => version,
            Err(problem) => return refuse(vec![problem]),
        };
        if version < SCHEMA_VERSION {
            return Err(Box::new(read_older(text, version)));
        }
        let mut listing = Vec::new();
        let records = list(parts.records, "records", &mut listing);
        Ok(Box::new(Going {
            parts,
            records,
            next: 0,
            read: Vec::new(),
            listing,
            problems: Vec::new(),
        }))
    }
}

impl Going<'_> {
    fn finish(self) -> Result<ExportFile, Vec<Problem>> {
        let Going {
            parts,
            read: records,
            listing,
            problems: found,
            ..
        } = self;
        let mut problems = Vec::new();
        let app_version: Option<String> = field(parts.app_version, "app_version", &mut problems);
        let exported_at: Option<DateTime<Utc>> = field(parts.exported_at, "exported_at", &mut problems);
        let organisation: Option<String> = field(parts.organisation, "organisation", &mut problems);
        let scope: Option<Scope> = field(parts.scope, "scope", &mut problems);
        let redacted: Option<bool> = field(parts.redacted, "redacted", &mut problems);
        problems.extend(listing);
        problems.extend(found);
        let mut assessments: Vec<Assessment> = Vec::new();
        for (i, raw) in list(parts.assessments, "assessments", &mut problems)
            .into_iter()
            .enumerate()
        {
            let place = format!("assessments[{i}]");
            if let Some(assessment) = part::<Assessment>(raw, &place, &mut problems) {
                within(&place, bounds::check_assessment(&assessment), &mut problems);
                assessments.push(assessment);
            }
        }
        let mut deletions: Vec<Deletion> = Vec::new();
        for (i, raw) in list(parts.deletions, "deletions", &mut problems)
            .into_iter()
            .enumerate()
        {
            let place = format!("deletions[{i}]");
            if let Some(deletion) = part::<Deletion>(raw, &place, &mut problems) {
                within(&place, bounds::check_deletion(&deletion), &mut problems);
                deletions.push(deletion);
            }
        }
        let settings: Option<Settings> = parts.settings.and_then(|raw| part(raw, "settings", &mut problems));
        if let Some(settings) = &settings {
            within("settings", bounds::check_settings(settings), &mut problems);
        }
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
        match (app_version, exported_at, organisation, scope, redacted) {
            (Some(app_version), Some(exported_at), Some(organisation), Some(scope), Some(redacted))
                if problems.is_empty() =>
            {
                Ok(ExportFile {
                    format: EXPORT_FORMAT.into(),
                    schema_version: SCHEMA_VERSION,
                    app_version,
                    exported_at,
                    organisation,
                    scope,
                    redacted,
                    settings,
                    records: records.into_iter().map(|(_, r)| r).collect(),
                    assessments,
                    deletions,
                })
            }
            _ => Err(problems),
        }
    }
}

/// Puts the place of a part in front of the places of its problems.
fn within(place: &str, found: Vec<Problem>, problems: &mut Vec<Problem>) {
    problems.extend(
        found
            .into_iter()
            .map(|problem| Problem::at(placed(place, problem.field), problem.message)),
    );
}

/// A file written by an older schema: brought up to this one as a whole (older files are the
/// exception, so going through a tree of values here costs little), then read as any other.
fn read_older(text: &str, version: u32) -> Result<ExportFile, Vec<Problem>> {
    let mut object: Map<String, Value> = serde_json::from_str(text).map_err(|error| vec![not_json(&error)])?;
    migrate(&mut object, version).map_err(|message| vec![Problem::at("schema_version", message)])?;
    let text = serde_json::to_string(&Value::Object(object))
        .map_err(|error| vec![Problem::whole_file(plain(&error.to_string()))])?;
    read(&text)
}

/// Everything on the device except made-up sample records, with the device's deletions;
/// settings too, unless redacted.
pub fn everything(
    records: &[Record],
    assessments: &[Assessment],
    settings: &Settings,
    deletions: &[Deletion],
    exporter: &Exporter,
    redacted: bool,
) -> ExportFile {
    let mut file = ExportFile::new(Scope::Everything, exporter);
    let mut names = super::redact::Pseudonyms::default();
    let real = records.iter().filter(|r| !r.sample);
    if redacted {
        file.redacted = true;
        // No settings go with a redacted file, so a record naming a custom procedure carries a
        // copy of it instead: its deadlines stay the same wherever it is read.
        file.records = real
            .map(|r| super::redact::redact_record(&r.self_contained(&settings.custom_procedures), &mut names))
            .collect();
        file.assessments = assessments
            .iter()
            .map(|a| super::redact::redact_assessment(a, &mut names))
            .collect();
        file.deletions = deletions
            .iter()
            .map(|d| super::redact::redact_deletion(d, &mut names))
            .collect();
    } else {
        file.settings = Some(settings.clone());
        file.records = real.cloned().collect();
        file.assessments = assessments.to_vec();
        file.deletions = deletions.to_vec();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of an older schema is read as a whole tree of values, which has a depth limit; the
    /// current schema is read part by part and never reaches it. Either way the words are plain.
    #[test]
    fn a_file_nested_past_the_readers_limit_says_so() {
        let deep = format!(
            "{{\"format\":\"redress-export\",\"schema_version\":1,\"x\":{}{}}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        let problems = read_older(&deep, 1).unwrap_err();
        assert_eq!(problems[0].field, "the file");
        assert_eq!(problems[0].message, NESTED);
        assert!(NESTED.contains("nested more deeply than any Redress export"));
    }
}

//! References that never collide on import. A record coming in from a file keeps its reference
//! unless another record here (a different id) already has it, or another record in the same
//! file claimed it first: then it gets the next free reference of its kind and year, and its
//! history says why. The person sees every renumbering in the import preview first.
//!
//! A record this device renumbered before keeps the number it was given here when a later
//! version of it arrives with its old one, so the same record is never renumbered twice over.
//! Team sync will settle references across many devices; until then, a device makes its own
//! references unique on the way in.

use crate::format::short_date;
use crate::record::{Change, Corrected, HistoryEntry, Record, RecordKind, next_free_reference};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// What the reference clashed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clash {
    /// A record on this device.
    Here,
    /// A record earlier in the same file.
    InFile,
}

impl Clash {
    fn words(self) -> &'static str {
        match self {
            Clash::Here => "that reference is used here by another record",
            Clash::InFile => "another record in the same file has that reference",
        }
    }
}

/// Whether the renumbering happens whatever the person chooses, or only with a choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// A record changed on both sides: only if the person takes the file's version.
    FileTaken,
    /// A record deleted here: only if the person restores it.
    Restored,
}

/// One record given a new reference on import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renumbering {
    pub id: String,
    pub from: String,
    pub to: String,
    pub kind: RecordKind,
    pub received: NaiveDate,
    pub clash: Clash,
    pub when: When,
}

/// The fact a renumbering's history line records, so it is found again by what it is, not by
/// its words.
pub const FACT: &str = "reference-renumbered";

impl Renumbering {
    /// The line in the record's history: "Renumbered from C-2026-0042 to C-2026-0043 on
    /// import: that reference is used here by another record".
    pub fn history_note(&self) -> String {
        format!(
            "Renumbered from {} to {} on import: {}",
            self.from,
            self.to,
            self.clash.words()
        )
    }

    /// The line in the import preview.
    pub fn line(&self) -> String {
        let condition = match self.when {
            When::Always => "",
            When::FileTaken => "If you take the file’s version, ",
            When::Restored => "If you restore it, ",
        };
        let what = format!(
            "{} in the file (a {} received {})",
            self.from,
            self.kind.short_name().to_lowercase(),
            short_date(self.received)
        );
        let sentence = format!("{what} becomes {}: {}.", self.to, self.clash.words());
        if condition.is_empty() {
            sentence
        } else {
            format!("{condition}{sentence}")
        }
    }

    /// The record with its new reference and the history line that says why.
    pub fn apply(&self, record: &mut Record, change: &Change) {
        record.reference = self.to.clone();
        let mut entry = change.entry(self.history_note());
        entry.fact = Some(FACT.into());
        entry.corrected = Some(Corrected {
            from: self.from.clone(),
            to: self.to.clone(),
        });
        record.history.push(entry);
        record.updated = change.at;
    }
}

/// Whether a history line is a renumbering on import. Comparing two versions of a record leaves
/// these out: a renumbering here is not a change the other side has missed.
pub fn is_renumbering(entry: &HistoryEntry) -> bool {
    entry.fact.as_deref() == Some(FACT)
}

/// Whether `here` is `file` renumbered on import and not changed since: the same record, with
/// only the reference this device gave it and the history lines that say so.
pub fn same_but_renumbered(here: &Record, file: &Record) -> bool {
    if !here.history.iter().any(is_renumbering) {
        return false;
    }
    let mut undone = here.clone();
    undone.history.retain(|entry| !is_renumbering(entry));
    undone.reference.clone_from(&file.reference);
    undone.updated = file.updated;
    undone == *file
}

/// The renumberings an import needs. `here` is the device's records; `candidates` are the file's
/// records that may be written, each with when it would be, in the order they claim their
/// references (records this device holds first, then new ones in file order); `in_file` is
/// every record of the file, whose references a new number must not take either.
pub(super) fn plan<'a>(
    here: &[Record],
    candidates: impl IntoIterator<Item = (&'a Record, When)>,
    in_file: &[Record],
) -> Vec<Renumbering> {
    let by_id: HashMap<&str, &Record> = here.iter().map(|r| (r.id.as_str(), r)).collect();
    // Who holds each reference: the device's records first (the first, if old data repeats one).
    let mut owner: HashMap<String, String> = HashMap::new();
    for record in here.iter().filter(|r| !r.reference.is_empty()) {
        owner
            .entry(record.reference.clone())
            .or_insert_with(|| record.id.clone());
    }
    let mut taken: HashSet<String> = here
        .iter()
        .chain(in_file)
        .map(|r| r.reference.clone())
        .filter(|r| !r.is_empty())
        .collect();
    let mut renumbered = Vec::new();
    for (record, when) in candidates {
        if record.reference.is_empty() {
            continue;
        }
        let holder = match owner.get(&record.reference) {
            None => {
                owner.insert(record.reference.clone(), record.id.clone());
                continue;
            }
            Some(holder) if *holder == record.id => continue,
            Some(holder) => holder.clone(),
        };
        let clash = if by_id.contains_key(holder.as_str()) {
            Clash::Here
        } else {
            Clash::InFile
        };
        // The number this device gave the record before, while it is still the record's own.
        let own = by_id
            .get(record.id.as_str())
            .map(|r| r.reference.clone())
            .filter(|r| !r.is_empty() && owner.get(r) == Some(&record.id));
        let to =
            own.unwrap_or_else(|| next_free_reference(record.kind, record.received, taken.iter().map(String::as_str)));
        taken.insert(to.clone());
        owner.insert(to.clone(), record.id.clone());
        renumbered.push(Renumbering {
            id: record.id.clone(),
            from: record.reference.clone(),
            to,
            kind: record.kind,
            received: record.received,
            clash,
            when,
        });
    }
    renumbered
}

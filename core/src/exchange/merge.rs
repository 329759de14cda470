//! Merging an imported file into what is on the device, by id. A record whose history carries on
//! from ours is newer and replaces ours; one whose history ours carries on from is older and is
//! left. When both have changed since they parted, it is a conflict: the newer change is chosen
//! unless the person chooses otherwise. A redacted file never replaces anything.
//!
//! Deletions are data too. A record deleted on this device is not brought back by a file that
//! still holds it (an older export, a colleague's copy) unless the person chooses to restore it;
//! a record the file says was deleted elsewhere is listed and kept unless the person chooses to
//! delete it here. Nothing is lost by default, and the file's tombstones join the device's.
//!
//! A record whose reference is already used here by another record is renumbered on the way in
//! ([`super::renumber`]), and the preview says so.

use super::file::ExportFile;
use super::renumber::{self, Renumbering, When, is_renumbering, same_but_renumbered};
use crate::assessment::Assessment;
use crate::record::deletion::Deletion;
use crate::record::{Change, HistoryEntry, Record};
use crate::settings::Settings;
use std::collections::BTreeSet;

/// Where a conflict's record should come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Device,
    File,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub here: Record,
    pub file: Record,
    /// The side with the later change, chosen unless the person says otherwise.
    pub newer: Side,
}

/// What an import would do, for the person to see before anything changes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Preview {
    pub new_records: Vec<Record>,
    pub updated_records: Vec<Record>,
    pub unchanged_records: usize,
    /// Records the device has a later version of: left as they are.
    pub older_records: usize,
    /// Records a redacted file would have replaced: left as they are.
    pub kept_from_redacted: usize,
    pub conflicts: Vec<Conflict>,
    pub new_assessments: Vec<Assessment>,
    pub updated_assessments: Vec<Assessment>,
    pub unchanged_assessments: usize,
    pub older_assessments: usize,
    /// The settings to write: the file's, when this device has never saved any; otherwise this
    /// device's own with the file's custom procedures added ([`Preview::procedures_only`]), so
    /// the records that came with them keep their deadlines; `None` when nothing changes.
    pub settings: Option<Settings>,
    /// True when [`Preview::settings`] is this device's own, with only procedures added.
    pub procedures_only: bool,
    /// Records in the file that were deleted on this device, with the tombstone: left deleted
    /// unless the person chooses to restore them.
    pub deleted_here: Vec<(Deletion, Record)>,
    /// Records on this device that the file says were deleted elsewhere: kept unless the person
    /// chooses to delete them here too.
    pub deleted_in_file: Vec<(Deletion, Record)>,
    /// The file's tombstones this device does not have yet, for records it does not hold: they
    /// join the device's list of deletions.
    pub new_deletions: Vec<Deletion>,
    /// Records given a new reference because theirs is used here by another record, or by
    /// another record earlier in the file.
    pub renumbered: Vec<Renumbering>,
}

/// The import page's choices as made: one for each conflict and each deletion the preview
/// offers. Lists shorter than the preview's (empty, say) mean the defaults there: the newer
/// side of a conflict, nothing deleted here restored, nothing deleted in the file deleted here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportDraft {
    /// `conflicts[i]` for [`Preview::conflicts`]`[i]`.
    pub conflicts: Vec<Side>,
    /// `restore[i]` brings back [`Preview::deleted_here`]`[i]`.
    pub restore: Vec<bool>,
    /// `delete[i]` deletes [`Preview::deleted_in_file`]`[i]` here too.
    pub delete: Vec<bool>,
}

/// What to write to the device, all in one go.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Apply {
    /// Records to write: new, newer, chosen in a conflict, or restored.
    pub records: Vec<Record>,
    pub assessments: Vec<Assessment>,
    /// Ids of records to delete, as the file's tombstones say and the person chose.
    pub delete: Vec<String>,
    /// Tombstones to add to the device's list: the file's new ones, and those of the records
    /// deleted here by choice.
    pub add_deletions: Vec<Deletion>,
    /// Ids whose tombstones leave the device's list: the records restored.
    pub remove_deletions: Vec<String>,
}

impl Preview {
    pub fn changes_anything(&self) -> bool {
        !(self.new_records.is_empty()
            && self.updated_records.is_empty()
            && self.conflicts.is_empty()
            && self.new_assessments.is_empty()
            && self.updated_assessments.is_empty()
            && self.settings.is_none()
            && self.new_deletions.is_empty())
    }

    /// The preview's lines about references, one for each record renumbered on the way in:
    /// "C-2026-0001 in the file (a complaint received 5 Jan 2026) becomes C-2026-0004: that
    /// reference is used here by another record."
    pub fn renumbering_lines(&self) -> Vec<String> {
        self.renumbered.iter().map(Renumbering::line).collect()
    }

    /// Whether there is a deletion for the person to decide about (restore, or delete here too).
    pub fn offers_deletion_choices(&self) -> bool {
        !(self.deleted_here.is_empty() && self.deleted_in_file.is_empty())
    }

    /// The choices as the page first shows them: every default, spelled out.
    pub fn draft(&self) -> ImportDraft {
        ImportDraft {
            conflicts: self.conflicts.iter().map(|c| c.newer).collect(),
            restore: vec![false; self.deleted_here.len()],
            delete: vec![false; self.deleted_in_file.len()],
        }
    }

    /// Everything to write, with the person's choices (the defaults where none is given), made
    /// by `change`: a record renumbered says so in its history. Nothing chosen can be wrong, so
    /// there is nothing to check.
    pub fn to_apply(&self, choices: &ImportDraft, change: &Change) -> Apply {
        let mut records: Vec<Record> = self.new_records.iter().chain(&self.updated_records).cloned().collect();
        for (index, conflict) in self.conflicts.iter().enumerate() {
            if choices.conflicts.get(index).copied().unwrap_or(conflict.newer) == Side::File {
                records.push(conflict.file.clone());
            }
        }
        let mut remove_deletions = Vec::new();
        for (index, (deletion, record)) in self.deleted_here.iter().enumerate() {
            if choices.restore.get(index).copied().unwrap_or(false) {
                records.push(record.clone());
                remove_deletions.push(deletion.id.clone());
            }
        }
        let mut add_deletions = self.new_deletions.clone();
        let mut delete = Vec::new();
        for (index, (deletion, record)) in self.deleted_in_file.iter().enumerate() {
            if choices.delete.get(index).copied().unwrap_or(false) {
                delete.push(record.id.clone());
                add_deletions.push(deletion.clone());
            }
        }
        for record in &mut records {
            if let Some(renumbering) = self.renumbered.iter().find(|r| r.id == record.id) {
                renumbering.apply(record, change);
            }
        }
        let assessments = self
            .new_assessments
            .iter()
            .chain(&self.updated_assessments)
            .cloned()
            .collect();
        Apply {
            records,
            assessments,
            delete,
            add_deletions,
            remove_deletions,
        }
    }
}

/// How two versions of one record relate.
#[derive(Debug, PartialEq, Eq)]
enum Relation {
    Same,
    FileNewer,
    DeviceNewer,
    Diverged,
}

fn relate(here: &Record, file: &Record) -> Relation {
    if here == file || same_but_renumbered(here, file) {
        return Relation::Same;
    }
    // A renumbering on import is this device's own bookkeeping, not a change to the record.
    let kept = |entry: &&HistoryEntry| !is_renumbering(entry);
    let (h, f) = (|| here.history.iter().filter(kept), || file.history.iter().filter(kept));
    let shared = h().zip(f()).take_while(|(a, b)| a == b).count();
    match (shared == h().count(), shared == f().count()) {
        (true, false) => Relation::FileNewer,
        (false, true) => Relation::DeviceNewer,
        // Same history but different data (an edit that wrote no history), or both moved on.
        _ if file.updated == here.updated => Relation::Diverged,
        (true, true) if file.updated > here.updated => Relation::FileNewer,
        (true, true) => Relation::DeviceNewer,
        _ => Relation::Diverged,
    }
}

/// The file's records an import may write, in the order they claim their references: those
/// this device holds first, then new ones in the file's order, then those deleted here.
fn candidates(preview: &Preview) -> Vec<(&Record, When)> {
    let always = |r| (r, When::Always);
    preview
        .updated_records
        .iter()
        .map(always)
        .chain(preview.conflicts.iter().map(|c| (&c.file, When::FileTaken)))
        .chain(preview.new_records.iter().map(always))
        .chain(preview.deleted_here.iter().map(|(_, r)| (r, When::Restored)))
        .collect()
}

/// What importing `file` into a device holding `records`, `assessments`, `settings` and the
/// tombstones `deletions` would do.
pub fn preview(
    file: &ExportFile,
    records: &[Record],
    assessments: &[Assessment],
    settings: &Settings,
    deletions: &[Deletion],
) -> Preview {
    let mut preview = Preview::default();
    for incoming in &file.records {
        let Some(here) = records.iter().find(|r| r.id == incoming.id) else {
            match deletions.iter().find(|d| d.id == incoming.id) {
                Some(deletion) => preview.deleted_here.push((deletion.clone(), incoming.clone())),
                None => preview.new_records.push(incoming.clone()),
            }
            continue;
        };
        if file.redacted && here != incoming {
            preview.kept_from_redacted += 1;
            continue;
        }
        match relate(here, incoming) {
            Relation::Same => preview.unchanged_records += 1,
            Relation::FileNewer => preview.updated_records.push(incoming.clone()),
            Relation::DeviceNewer => preview.older_records += 1,
            Relation::Diverged => preview.conflicts.push(Conflict {
                here: here.clone(),
                file: incoming.clone(),
                newer: if incoming.updated > here.updated {
                    Side::File
                } else {
                    Side::Device
                },
            }),
        }
    }
    for incoming in &file.assessments {
        match assessments.iter().find(|a| a.id == incoming.id) {
            None => preview.new_assessments.push(incoming.clone()),
            Some(here) if here == incoming => preview.unchanged_assessments += 1,
            Some(here) if incoming.updated > here.updated && !file.redacted => {
                preview.updated_assessments.push(incoming.clone())
            }
            Some(_) => preview.older_assessments += 1,
        }
    }
    if *settings == Settings::default() {
        preview.settings = file.settings.clone().filter(|s| s != settings);
    } else if let Some(theirs) = file.settings.as_ref().filter(|_| !file.redacted) {
        let adopted = settings.adopt_custom_procedures(&theirs.custom_procedures);
        if adopted != *settings {
            preview.settings = Some(adopted);
            preview.procedures_only = true;
        }
    }
    preview.renumbered = renumber::plan(records, candidates(&preview), &file.records);
    // A redacted file's tombstones carry stand-in names, and it never changes what is here.
    if !file.redacted {
        let known: BTreeSet<&str> = deletions.iter().map(|d| d.id.as_str()).collect();
        let in_file: BTreeSet<&str> = file.records.iter().map(|r| r.id.as_str()).collect();
        let mut seen = BTreeSet::new();
        for deletion in &file.deletions {
            // A file holding both a record and its tombstone had the record restored: it stands.
            if known.contains(deletion.id.as_str())
                || in_file.contains(deletion.id.as_str())
                || !seen.insert(deletion.id.as_str())
            {
                continue;
            }
            match records.iter().find(|r| r.id == deletion.id) {
                Some(here) => preview.deleted_in_file.push((deletion.clone(), here.clone())),
                None => preview.new_deletions.push(deletion.clone()),
            }
        }
    }
    preview
}

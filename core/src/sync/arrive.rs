//! What a sync changes on this device, both ways. Before a push, [`gather`] notes every stored
//! document that differs from the version the device last knew as a new revision. After a pull,
//! [`take_in`] merges each document read into its tree and says what the device must store for
//! the documents whose winner changed: records and assessments to write, records to remove,
//! tombstones to add — applied, with the notes, in one transaction, like an import.
//!
//! A record counts as deleted here only when this device holds its tombstone: a record that is
//! simply not there (set aside as unreadable, or sample data removed) is never deleted for the
//! whole team.

use super::local::Local;
use super::receive::{Content, DocKey, Fit, Kind, SetAside, classify};
use super::team::{note_gone, note_version};
use super::tree::Merged;
use super::wire::{BulkGetDoc, Doc};
use crate::exchange::merge::Apply;
use crate::record::Record;
use crate::settings::Settings;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Notes this device's changes before a push. `current` holds every record, assessment and
/// tombstone stored here, by its id in the team's database (`record:{id}` …), as the body to
/// send (`local::envelope_body`); `tombstoned` the ids of records deleted here. Gives the ids
/// of the documents given a new revision.
pub fn gather(
    docs: &mut BTreeMap<String, Local>,
    current: BTreeMap<String, Value>,
    tombstoned: &BTreeSet<String>,
    seq: &mut u64,
) -> Vec<String> {
    let mut changed = Vec::new();
    for (id, body) in current {
        // A record still stored beside its tombstone is deleted, not changed: never revived.
        if let Some(key) = DocKey::parse(&id)
            && key.kind == Kind::Record
            && tombstoned.contains(&key.id)
        {
            continue;
        }
        let local = docs.entry(id.clone()).or_default();
        if note_version(local, body, seq) {
            changed.push(id);
        }
    }
    for (id, local) in docs.iter_mut() {
        let Some(key) = DocKey::parse(id) else { continue };
        if key.kind == Kind::Record
            && tombstoned.contains(&key.id)
            && note_gone(local, &Value::Object(Default::default()), seq)
        {
            changed.push(id.clone());
        }
    }
    changed
}

/// What a pulled batch changes on this device.
#[derive(Debug, Default)]
pub struct Arrived {
    /// What to store, as an import applies it.
    pub apply: Apply,
    /// The documents whose notes changed, to keep with it.
    pub noted: Vec<String>,
    /// Documents set aside, by id, with the reason.
    pub set_aside: Vec<SetAside>,
    /// The team's settings, when their winning version changed (`sync::settings`).
    pub settings: Option<Settings>,
}

/// Merges a pulled batch into the notes (`seq` counts each document whose tree changed) and
/// says what to store.
pub fn take_in(docs: &mut BTreeMap<String, Local>, batch: &[Doc], seq: &mut u64) -> Arrived {
    let mut arrived = Arrived::default();
    for doc in batch {
        let key = match classify(doc) {
            Fit::SetAside(aside) => {
                arrived.set_aside.push(aside);
                continue;
            }
            Fit::Apply(incoming) => incoming.key,
        };
        // Device claims and the team's key are read when a device joins; not kept on a device. The team's
        // settings are one document; any other settings document is not the team's.
        if matches!(key.kind, Kind::Device | Kind::Key)
            || (key.kind == Kind::Settings && doc.id != super::settings::DOC_ID)
        {
            continue;
        }
        let local = docs.entry(doc.id.clone()).or_default();
        let before = local.tree.winner();
        match local.apply(doc, *seq + 1) {
            None | Some(Merged::Known) => continue,
            Some(_) => *seq += 1,
        }
        if !arrived.noted.contains(&doc.id) {
            arrived.noted.push(doc.id.clone());
        }
        let after = local.tree.winner();
        if before == after {
            continue;
        }
        let Some(winner) = after else { continue };
        if winner.deleted {
            if key.kind == Kind::Record {
                arrived.apply.delete.push(key.id.clone());
            }
            continue;
        }
        let BulkGetDoc::Ok(winning) = local.get(&doc.id, &winner.rev) else {
            continue;
        };
        match classify(&winning) {
            Fit::Apply(incoming) => match incoming.content {
                Content::Record(record) => {
                    arrived.apply.remove_deletions.push(record.data.id.clone());
                    arrived.apply.records.push(record.data);
                }
                Content::Assessment(assessment) => arrived.apply.assessments.push(assessment.data),
                Content::Deletion(deletion) => {
                    // The tombstone removes the record too, even when the record's own deletion
                    // has not arrived yet.
                    arrived.apply.delete.push(deletion.data.id.clone());
                    arrived.apply.add_deletions.push(deletion.data);
                }
                Content::Settings(settings) => arrived.settings = Some(settings.data),
                Content::Tombstone | Content::NotKept => {}
            },
            Fit::SetAside(aside) => arrived.set_aside.push(aside),
        }
    }
    // A record restored in this batch keeps no tombstone, and is not removed by one.
    let restored: BTreeSet<String> = arrived.apply.records.iter().map(|r| r.id.clone()).collect();
    arrived.apply.add_deletions.retain(|d| !restored.contains(&d.id));
    arrived.apply.delete.retain(|id| !restored.contains(id));
    // A record both written and removed in one batch ends as its last winner says.
    let removed: BTreeSet<String> = arrived.apply.delete.iter().cloned().collect();
    arrived
        .apply
        .records
        .retain(|record: &Record| !removed.contains(&record.id));
    arrived.apply.remove_deletions.retain(|id| !removed.contains(id));
    arrived
}

/// The records of the notes that were changed on two devices and wait for a person, by record id.
pub fn conflicted(docs: &BTreeMap<String, Local>) -> Vec<String> {
    docs.iter()
        .filter(|(_, local)| !local.tree.conflicts().is_empty())
        .filter_map(|(id, _)| DocKey::parse(id))
        .filter(|key| key.kind == Kind::Record)
        .map(|key| key.id)
        .collect()
}

/// Whether the team's settings were changed on two devices and wait for a person.
pub fn settings_conflicted(docs: &BTreeMap<String, Local>) -> bool {
    docs.get(super::settings::DOC_ID)
        .is_some_and(|local| !local.tree.conflicts().is_empty())
}

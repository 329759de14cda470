//! Merging an imported file into what is on the device, by id. A record whose history carries on
//! from ours is newer and replaces ours; one whose history ours carries on from is older and is
//! left. When both have changed since they parted, it is a conflict: the newer change is chosen
//! unless the person chooses otherwise. A redacted file never replaces anything.

use super::file::ExportFile;
use crate::assessment::Assessment;
use crate::record::Record;
use crate::settings::Settings;

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
    /// The file's settings, taken only when this device has never saved any.
    pub settings: Option<Settings>,
}

impl Preview {
    pub fn changes_anything(&self) -> bool {
        !(self.new_records.is_empty()
            && self.updated_records.is_empty()
            && self.conflicts.is_empty()
            && self.new_assessments.is_empty()
            && self.updated_assessments.is_empty()
            && self.settings.is_none())
    }

    /// Every record and assessment to write, with the person's choice for each conflict
    /// (`choices[i]` for `conflicts[i]`; the newer side where no choice is given).
    pub fn to_apply(&self, choices: &[Side]) -> (Vec<Record>, Vec<Assessment>) {
        let mut records: Vec<Record> = self.new_records.iter().chain(&self.updated_records).cloned().collect();
        for (index, conflict) in self.conflicts.iter().enumerate() {
            if choices.get(index).copied().unwrap_or(conflict.newer) == Side::File {
                records.push(conflict.file.clone());
            }
        }
        let assessments = self
            .new_assessments
            .iter()
            .chain(&self.updated_assessments)
            .cloned()
            .collect();
        (records, assessments)
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
    if here == file {
        return Relation::Same;
    }
    let (h, f) = (&here.history, &file.history);
    let shared = h.iter().zip(f).take_while(|(a, b)| a == b).count();
    match (shared == h.len(), shared == f.len()) {
        (true, false) => Relation::FileNewer,
        (false, true) => Relation::DeviceNewer,
        // Same history but different data (an edit that wrote no history), or both moved on.
        _ if file.updated == here.updated => Relation::Diverged,
        (true, true) if file.updated > here.updated => Relation::FileNewer,
        (true, true) => Relation::DeviceNewer,
        _ => Relation::Diverged,
    }
}

/// What importing `file` into a device holding `records`, `assessments` and `settings` would do.
pub fn preview(file: &ExportFile, records: &[Record], assessments: &[Assessment], settings: &Settings) -> Preview {
    let mut preview = Preview::default();
    for incoming in &file.records {
        let Some(here) = records.iter().find(|r| r.id == incoming.id) else {
            preview.new_records.push(incoming.clone());
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
    }
    preview
}

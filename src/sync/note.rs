//! Before a sync sends anything: this device's records, assessments, deletions and the team's
//! settings, as stored now, noted as new revisions where they differ from what was last synced,
//! and what the device held then, which a pull must not write over unseen.

use super::run::Stop;
use crate::store::{self, SyncNotes};
use redress_core::exchange::seal;
use redress_core::sync::arrive::gather;
use redress_core::sync::local::envelope_body;
use redress_core::sync::settings as team_settings;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Notes every record, assessment and tombstone stored here, and the team's settings, that
/// differ from the version last synced, as a new revision. Gives the bases a pull writes over,
/// and whether this device's settings were held back (`core::sync::settings::may_offer`: not
/// before it knows the team's; `pulled_whole` says a whole pull found none).
pub(super) async fn note_changes(notes: &mut SyncNotes, pulled_whole: bool) -> Result<(Bases, bool), Stop> {
    let loaded = store::reload().await.map_err(|e| Stop::Here(e.to_string()))?;
    let bases = Bases {
        revisions: loaded
            .records
            .iter()
            .map(|r| (r.data.id.clone(), r.revision))
            .chain(loaded.assessments.iter().map(|a| (a.data.id.clone(), a.revision)))
            .collect(),
        settings: loaded.settings.clone(),
        taken_in: 0,
    };
    let mut current: BTreeMap<String, Value> = BTreeMap::new();
    // Sample records are made up, and the same ids on every device: never the team's.
    for record in loaded.records.iter().filter(|r| !r.data.sample) {
        if let Some(body) = envelope_body(&seal(&record.data)) {
            current.insert(format!("record:{}", record.data.id), body);
        }
    }
    for assessment in &loaded.assessments {
        if let Some(body) = envelope_body(&seal(&assessment.data)) {
            current.insert(format!("assessment:{}", assessment.data.id), body);
        }
    }
    for deletion in &loaded.deletions {
        if let Some(body) = envelope_body(&seal(deletion)) {
            current.insert(format!("deletion:{}", deletion.id), body);
        }
    }
    let holds_teams = notes.docs.contains_key(team_settings::DOC_ID);
    // The team's settings set aside (a newer Redress wrote them) are the team's all the same.
    let pulled_whole = pulled_whole && !notes.set_aside.docs.contains_key(team_settings::DOC_ID);
    let offer = team_settings::may_offer(holds_teams, pulled_whole, loaded.settings_saved);
    if offer && let Some(body) = envelope_body(&seal(&team_settings::shared(&loaded.settings))) {
        current.insert(team_settings::DOC_ID.into(), body);
    }
    let held = loaded.settings_saved && !offer;
    let tombstoned: BTreeSet<String> = loaded.deletions.iter().map(|d| d.id.clone()).collect();
    let changed = gather(&mut notes.docs, current, &tombstoned, &mut notes.seq);
    if changed.is_empty() {
        return Ok((bases, held));
    }
    let docs: Vec<(&str, &redress_core::sync::local::Local)> = changed
        .iter()
        .filter_map(|id| notes.docs.get(id).map(|local| (id.as_str(), local)))
        .collect();
    store::write_docs(&docs, notes.seq)
        .await
        .map_err(|e| Stop::Here(format!("Team sync could not keep its notes: {e}.")))?;
    Ok((bases, held))
}

/// What this device held when its changes were noted, which a pull writes over: each record's
/// and assessment's revision, and the settings. Anything saved since is never overwritten unseen.
pub(super) struct Bases {
    pub revisions: std::collections::HashMap<String, u64>,
    pub settings: redress_core::settings::Settings,
    /// What the pull has stored here so far.
    pub taken_in: usize,
}

//! Settling what was changed on two devices: a record, or the team's settings. The other
//! device's version is read from the sync notes for the person to compare; the one they keep is
//! saved here and written over both versions in the notes, so every device ends with it.

use super::TeamSyncState;
use super::one_at_a_time::one_at_a_time;
use crate::store;
use leptos::prelude::*;
use redress_core::exchange::{restore, seal};
use redress_core::record::Record;
use redress_core::settings::Settings;
use redress_core::sync::local::envelope_body;
use redress_core::sync::rev::Rev;
use redress_core::sync::settings as team_settings;
use redress_core::sync::team::{Status, keep_with_both_histories, note_resolved, other_version};

/// Another device's version of a record changed on two devices.
#[derive(Debug, Clone, PartialEq)]
pub struct Other {
    /// Its revision, which choosing settles.
    pub rev: Rev,
    pub record: Record,
    /// How many more versions from other devices wait after this one.
    pub more: usize,
}

impl TeamSyncState {
    /// The other device's version of a record changed on two devices, to compare with the one
    /// shown.
    pub async fn other_version(&self, id: &str) -> Option<Other> {
        let notes = store::read_sync().await.ok()?;
        let local = notes.docs.get(&format!("record:{id}"))?;
        let other = other_version(local)?;
        let text = serde_json::Value::Object(other.body.clone()).to_string();
        let record = restore::record(&text).ok()?.data;
        Some(Other {
            rev: other.rev,
            record,
            more: other.more,
        })
    }

    /// Settles a record changed on two devices: `keep` (the version shown, or the other), with
    /// both versions' history, is saved and written over the version shown and `settled` (the
    /// other version compared) in the sync notes, so every device that syncs next ends with it.
    /// A third version, if there is one, stays to be settled next.
    pub async fn resolve(&self, id: &str, keep: Record, dropped: Record, settled: Rev) -> Result<(), String> {
        let kept = keep_with_both_histories(&keep, &dropped);
        self.state
            .update_record(kept)
            .outcome()
            .await
            .map_err(|e| format!("The version you chose could not be saved: {e}."))?;
        let stored = store::load_record(id)
            .await?
            .ok_or_else(|| "The record is no longer on this device.".to_string())?;
        let body = envelope_body(&seal(&stored.data)).unwrap_or_default();
        let settled_all = !one_at_a_time(note_settled(format!("record:{id}"), body, settled)).await?;
        if settled_all {
            let _ = self.conflicts.try_update(|all| all.retain(|other| other != id));
        } else {
            // The next other version is shown in its place.
            self.conflicts.update(|_| {});
        }
        let left = self.conflicts.with_untracked(Vec::len);
        let _ = self.status.try_update(|status| {
            if let Status::Synced { conflicts, .. } = status {
                *conflicts = left;
            }
        });
        self.sync_now();
        Ok(())
    }

    /// The team's settings as another device changed them, when they were changed on two.
    pub async fn other_settings(&self) -> Option<(Rev, Settings)> {
        let notes = store::read_sync().await.ok()?;
        let local = notes.docs.get(team_settings::DOC_ID)?;
        let other = other_version(local)?;
        let text = serde_json::Value::Object(other.body.clone()).to_string();
        Some((other.rev, restore::settings(&text).ok()?.data))
    }

    /// Settles the team's settings changed on two devices: `keep` (this device's user name kept)
    /// is saved here and written over both versions, so every device takes it at its next sync.
    pub async fn resolve_settings(&self, keep: Settings, settled: Rev) -> Result<(), String> {
        let here = self.state.settings.get_untracked();
        let kept = team_settings::taken_in(keep, &here);
        self.state
            .save_settings(kept.clone())
            .outcome()
            .await
            .map_err(|e| format!("The settings you chose could not be saved: {e}."))?;
        let body = envelope_body(&seal(&team_settings::shared(&kept))).unwrap_or_default();
        let left = one_at_a_time(note_settled(team_settings::DOC_ID.into(), body, settled)).await?;
        let _ = self.settings_conflict.try_set(left);
        let _ = self.status.try_update(|status| {
            if let Status::Synced { settings, .. } = status {
                *settings = left;
            }
        });
        self.sync_now();
        Ok(())
    }
}

/// Notes in the sync notes that `body` settles the conflict of document `doc_id` with `settled`:
/// gives whether another version is still in conflict.
async fn note_settled(doc_id: String, body: serde_json::Value, settled: Rev) -> Result<bool, String> {
    let mut notes = store::read_sync().await.map_err(|e| e.to_string())?;
    let Some(local) = notes.docs.get_mut(&doc_id) else {
        return Ok(false);
    };
    note_resolved(local, body, &settled, &mut notes.seq);
    let left = !local.tree.conflicts().is_empty();
    store::write_docs(&[(doc_id.as_str(), &*local)], notes.seq)
        .await
        .map_err(|e| format!("Your choice was saved, but team sync could not note it: {e}."))?;
    Ok(left)
}

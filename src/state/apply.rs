//! A batch applied all or nothing — an import, or what a team sync pulled: storage first, in one
//! transaction, and memory only once storage has taken all of it.

use super::{AppState, rows};
use crate::store::{self, SaveError};
use leptos::prelude::*;
use redress_core::exchange::merge::Apply;
use redress_core::settings::Settings;
use std::collections::HashMap;

impl AppState {
    /// Applies an import all or nothing: storage first, as one batch, and memory only once
    /// storage has taken all of it. On failure nothing has changed anywhere.
    pub async fn apply_import(&self, apply: Apply, settings: Option<Settings>) -> Result<(), SaveError> {
        self.apply_batch(apply, settings, Vec::new(), None).await
    }

    /// Applies what a team sync pulled, as an import is applied, with the team's settings when
    /// they changed and team sync's notes of it (`store::sync_entries`), in one transaction.
    /// Each record is written over the revision sync read when it noted this device's changes
    /// (`bases`): one saved since, not yet noted, makes the whole batch [`SaveError::Conflict`]
    /// rather than be overwritten unseen.
    ///
    /// It takes its turn among this tab's saves, so every save asked for before it is in storage
    /// first (and makes the batch a conflict there); a document with a save asked for after it,
    /// or held only in memory, makes it [`SaveError::Conflict`] too, rather than be replaced in
    /// memory before its save runs.
    pub async fn apply_sync(
        &self,
        apply: Apply,
        settings: Option<Settings>,
        notes: Vec<(String, String)>,
        bases: &HashMap<String, u64>,
    ) -> Result<(), SaveError> {
        let state = *self;
        let bases = bases.clone();
        self.enqueue(async move {
            let ids = apply
                .records
                .iter()
                .map(|r| &r.id)
                .chain(apply.assessments.iter().map(|a| &a.id))
                .chain(apply.delete.iter());
            if ids.clone().any(|id| state.save_pending(id)) {
                return Err(SaveError::Conflict);
            }
            state.apply_batch(apply, settings, notes, Some(&bases)).await
        })
        .outcome()
        .await
    }

    async fn apply_batch(
        &self,
        apply: Apply,
        settings: Option<Settings>,
        notes: Vec<(String, String)>,
        bases: Option<&HashMap<String, u64>>,
    ) -> Result<(), SaveError> {
        let base = |id: &str| match bases {
            Some(bases) => bases.get(id).copied().unwrap_or(0),
            None => self.revision(id),
        };
        let Apply {
            records,
            assessments,
            delete,
            add_deletions,
            remove_deletions,
        } = apply;
        let (rows, kept) = self.rows_of(&records, settings.as_ref().unwrap_or(&self.settings.get_untracked()));
        // Many rows are kept in packs once the batch is in, not one by one within it.
        let many = kept.len() > store::LOOSE_ROWS_TO_PACK;
        let batch = store::Batch {
            rows: if many { Vec::new() } else { kept },
            records: records.iter().map(|r| (r, base(&r.id))).collect(),
            assessments: assessments.iter().map(|a| (a, base(&a.id))).collect(),
            settings: settings.as_ref(),
            deletions: add_deletions.iter().collect(),
            removals: delete.iter().map(String::as_str).collect(),
            undeletions: remove_deletions.iter().map(String::as_str).collect(),
            sync: notes,
        };
        let (record_revisions, assessment_revisions) = store::save_batch(&batch).await?;
        for (record, revision) in records.iter().zip(record_revisions) {
            self.set_revision(&record.id, revision);
        }
        for (assessment, revision) in assessments.iter().zip(assessment_revisions) {
            self.set_revision(&assessment.id, revision);
        }
        let _ = self.w.records.try_update(|all| all.retain(|r| !delete.contains(&r.id)));
        let _ = self.w.deletions.try_update(|all| {
            all.retain(|d| !remove_deletions.contains(&d.id));
            all.retain(|d| !add_deletions.iter().any(|a| a.id == d.id));
            all.extend(add_deletions.iter().cloned());
        });
        let _ = self.w.records.try_update(|all| {
            let mut at: HashMap<String, usize> = all.iter().enumerate().map(|(i, r)| (r.id.clone(), i)).collect();
            for record in records {
                match at.get(&record.id) {
                    Some(&i) => all[i] = record,
                    None => {
                        at.insert(record.id.clone(), all.len());
                        all.push(record);
                    }
                }
            }
        });
        let _ = self.w.assessments.try_update(|all| {
            for assessment in assessments {
                match all.iter_mut().find(|a| a.id == assessment.id) {
                    Some(slot) => *slot = assessment,
                    None => all.push(assessment),
                }
            }
        });
        self.take_rows(rows, &delete);
        if many {
            self.rows.with_untracked(rows::keep_every_row);
        } else {
            rows::pack_kept_rows();
        }
        if let Some(settings) = settings {
            let _ = self.w.settings.try_set(settings);
            self.settings_saved.set_value(true);
            // The file's settings may count deadlines differently: every row again.
            self.rebuild_rows();
        }
        Ok(())
    }
}

//! What another tab saved, announced over the storage door's channel: read again, one document
//! at a time, and taken in unless this tab holds that document unsaved.

use super::AppState;
use crate::store::{self, StoreChange, StoreProblem};
use leptos::prelude::*;
use leptos::task::spawn_local;

impl AppState {
    /// Takes in what another tab saved. Records this tab holds unsaved are left as they are.
    pub(super) fn apply_change(&self, change: StoreChange) {
        let state = *self;
        spawn_local(async move {
            match change {
                StoreChange::Record(id) => {
                    if state.unsaved_records.get_untracked().contains(&id) {
                        return;
                    }
                    match store::load_record(&id).await {
                        Ok(Some(fresh)) => {
                            state.set_revision(&id, fresh.revision);
                            state.bump_epoch(&id);
                            let _ =
                                state
                                    .w
                                    .records
                                    .try_update(|records| match records.iter_mut().find(|r| r.id == id) {
                                        Some(slot) => *slot = fresh.data,
                                        None => records.push(fresh.data),
                                    });
                            state.refresh_rows(std::slice::from_ref(&id));
                        }
                        Ok(None) => {}
                        Err(problem) => state.w.problems.update(|all| all.push(StoreProblem(problem))),
                    }
                }
                StoreChange::Deleted(id) => {
                    let _ = state.w.records.try_update(|records| records.retain(|r| r.id != id));
                    state.refresh_rows(std::slice::from_ref(&id));
                    if let Ok(Some(deletion)) = store::load_deletion(&id).await {
                        let _ = state.w.deletions.try_update(|all| {
                            all.retain(|d| d.id != id);
                            all.push(deletion.data);
                        });
                    }
                }
                StoreChange::Assessment(id) => {
                    if state.unsaved_assessments.get_untracked().contains(&id) {
                        return;
                    }
                    if let Ok(Some(fresh)) = store::load_assessment(&id).await {
                        state.set_revision(&id, fresh.revision);
                        state.bump_epoch(&id);
                        let _ = state
                            .w
                            .assessments
                            .try_update(|all| match all.iter_mut().find(|a| a.id == id) {
                                Some(slot) => *slot = fresh.data,
                                None => all.push(fresh.data),
                            });
                    }
                }
                StoreChange::AssessmentDeleted(id) => {
                    let _ = state.w.assessments.try_update(|all| all.retain(|a| a.id != id));
                }
                StoreChange::Settings => {
                    if !state.unsaved_settings.get_untracked()
                        && let Ok(Some(fresh)) = store::load_settings().await
                    {
                        let _ = state.w.settings.try_set(fresh.data);
                        state.settings_saved.set_value(true);
                        state.rebuild_rows();
                    }
                }
                StoreChange::Everything => {
                    if let Ok(loaded) = store::reload().await {
                        let ids: Vec<String> = loaded.records.iter().map(|r| r.data.id.clone()).collect();
                        for id in &ids {
                            state.bump_epoch(id);
                        }
                        // Records another tab removed (sample data) go from here too.
                        let unsaved = state.unsaved_records.get_untracked();
                        let _ = state
                            .w
                            .records
                            .try_update(|all| all.retain(|r| unsaved.contains(&r.id)));
                        state.adopt(store::Loaded {
                            problems: Vec::new(),
                            ..loaded
                        });
                    }
                }
                // Handled by the storage door itself: the page starts again.
                StoreChange::Lock => {}
            }
        });
    }
}

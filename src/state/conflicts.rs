//! Changes made in two tabs: an editor that opened before another tab's change arrived, or a
//! save that lost the race to another tab's, keeps both versions as a [`Conflict`] until the
//! person keeps one ([`AppState::resolve`]). Nothing is overwritten until then.

use super::{AppState, Conflict, Keep, Saving};
use crate::store::{self, Stored};
use leptos::prelude::*;
use redress_core::assessment::Assessment;
use redress_core::record::Record;

impl AppState {
    /// Saves a record built from a form that opened at `epoch` (see [`AppState::epoch`]). If
    /// another tab's change has arrived since, nothing is overwritten: both versions are kept
    /// and the person chooses. Returns false in that case.
    pub fn update_record_since(&self, epoch: u32, record: Record) -> Option<Saving> {
        if self.epoch(&record.id) != epoch
            && let Some(theirs) = self.record(&record.id)
        {
            let theirs = Stored {
                revision: self.revision(&record.id),
                data: theirs,
            };
            self.add_conflict(Conflict::Record {
                mine: Box::new(record),
                theirs: Box::new(theirs),
            });
            return None;
        }
        Some(self.update_record(record))
    }

    pub(super) fn add_conflict(&self, conflict: Conflict) {
        self.w.conflicts.update(|all| {
            all.retain(|c| c.id() != conflict.id());
            all.push(conflict);
        });
    }

    /// Another tab saved this record between this tab's last read and its save.
    pub(super) async fn race_lost_record(&self, mine: Record) {
        if let Ok(Some(theirs)) = store::load_record(&mine.id).await {
            self.add_conflict(Conflict::Record {
                mine: Box::new(mine),
                theirs: Box::new(theirs),
            });
        }
    }

    /// Keeps one version of a document changed in two tabs, and saves it over the other.
    /// Returns the save of the kept version, when it is this tab's.
    pub fn resolve(&self, id: &str, keep: Keep) -> Option<Saving> {
        let conflict = self
            .conflicts
            .with_untracked(|all| all.iter().find(|c| c.id() == id).cloned())?;
        let mut saving = None;
        self.w.conflicts.update(|all| all.retain(|c| c.id() != id));
        match conflict {
            Conflict::Record { mine, theirs } => {
                self.set_revision(id, theirs.revision);
                match keep {
                    Keep::Mine => {
                        self.w.records.update(|all| {
                            all.retain(|r| r.id != id);
                            all.push(*mine);
                        });
                        saving = Some(self.save_record(id.to_string()));
                    }
                    Keep::Theirs => self.w.records.update(|all| {
                        all.retain(|r| r.id != id);
                        all.push(theirs.data);
                    }),
                }
                self.refresh_rows(&[id.to_string()]);
            }
            Conflict::Assessment { mine, theirs } => {
                self.set_revision(id, theirs.revision);
                match keep {
                    Keep::Mine => saving = Some(self.save_assessment(*mine)),
                    Keep::Theirs => self.w.assessments.update(|all| {
                        all.retain(|a| a.id != id);
                        all.push(theirs.data);
                    }),
                }
            }
        }
        self.bump_epoch(id);
        saving
    }

    /// Saves an assessment edited in a working copy that opened at `epoch`; as
    /// [`AppState::update_record_since`], another tab's change is never overwritten.
    pub fn save_assessment_since(&self, epoch: u32, assessment: Assessment) -> Option<Saving> {
        if self.epoch(&assessment.id) != epoch
            && let Some(theirs) = self.assessment(&assessment.id)
        {
            let theirs = Stored {
                revision: self.revision(&assessment.id),
                data: theirs,
            };
            self.add_conflict(Conflict::Assessment {
                mine: Box::new(assessment),
                theirs: Box::new(theirs),
            });
            return None;
        }
        Some(self.save_assessment(assessment))
    }
}

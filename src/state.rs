//! The app's state, held once at the root: records, self-assessments, settings, and what storage
//! could not do.
//!
//! Every change goes to memory first and then to the storage door. A write that fails leaves
//! the change in memory, marks it unsaved and says so; "Try saving again" retries it.

use crate::store::{self, SaveError, StoreChange, StoreProblem};
use leptos::prelude::*;
use redress_core::assessment::Assessment;
use redress_core::record::{Change, Record};
use redress_core::settings::Settings;

#[derive(Clone, Copy)]
pub struct AppState {
    pub records: RwSignal<Vec<Record>>,
    pub assessments: RwSignal<Vec<Assessment>>,
    pub settings: RwSignal<Settings>,
    /// Ids of records held only in memory because their save failed.
    pub unsaved_records: RwSignal<Vec<String>>,
    pub unsaved_assessments: RwSignal<Vec<String>>,
    pub unsaved_settings: RwSignal<bool>,
    /// Why the last save failed, while anything is unsaved.
    pub save_error: RwSignal<Option<SaveError>>,
    /// What was found in storage and set aside.
    pub problems: RwSignal<Vec<StoreProblem>>,
}

impl AppState {
    /// Reads storage and starts listening to other tabs.
    pub fn load() -> Self {
        let loaded = store::load();
        let state = AppState {
            records: RwSignal::new(loaded.records),
            assessments: RwSignal::new(loaded.assessments),
            settings: RwSignal::new(loaded.settings),
            unsaved_records: RwSignal::new(Vec::new()),
            unsaved_assessments: RwSignal::new(Vec::new()),
            unsaved_settings: RwSignal::new(false),
            save_error: RwSignal::new(None),
            problems: RwSignal::new(loaded.problems),
        };
        store::on_change(move |change| state.apply_change(change));
        state
    }

    /// Who is making a change now, for the record's history.
    pub fn change(&self) -> Change {
        Change::new(
            &self.settings.with_untracked(|s| s.user_name.clone()),
            crate::clock::now(),
        )
    }

    pub fn record(&self, id: &str) -> Option<Record> {
        self.records
            .with(|records| records.iter().find(|r| r.id == id).cloned())
    }

    /// Adds a new record. It is kept in memory even when storage refuses it.
    pub fn add_record(&self, record: Record) -> Result<(), SaveError> {
        let id = record.id.clone();
        self.records.update(|records| records.push(record));
        self.save_record(&id, true)
    }

    /// Replaces a record with a changed copy and saves just that record.
    pub fn update_record(&self, record: Record) -> Result<(), SaveError> {
        let id = record.id.clone();
        self.records.update(|records| {
            if let Some(slot) = records.iter_mut().find(|r| r.id == id) {
                *slot = record;
            }
        });
        self.save_record(&id, false)
    }

    fn save_record(&self, id: &str, new: bool) -> Result<(), SaveError> {
        let Some(record) = self
            .records
            .with_untracked(|records| records.iter().find(|r| r.id == id).cloned())
        else {
            return Ok(());
        };
        let index: Vec<String> = self
            .records
            .with_untracked(|records| records.iter().map(|r| r.id.clone()).collect());
        let result = store::save_record(&record, new.then_some(index.as_slice()));
        self.unsaved_records.update(|unsaved| {
            unsaved.retain(|other| other != id);
            if result.is_err() {
                unsaved.push(id.to_string());
            }
        });
        self.note(result)
    }

    pub fn save_settings(&self, settings: Settings) -> Result<(), SaveError> {
        self.settings.set(settings.clone());
        let result = store::save_settings(&settings);
        self.unsaved_settings.set(result.is_err());
        self.note(result)
    }

    /// Adds the made-up records of "Explore with sample data".
    pub fn load_sample_data(&self) -> Result<(), SaveError> {
        let settings = self.settings.get_untracked();
        let samples = redress_core::sample::sample_records(crate::clock::today(), &settings, &self.change());
        let mut result = Ok(());
        for record in samples {
            if self.record(&record.id).is_none() {
                result = result.and(self.add_record(record));
            }
        }
        result
    }

    /// Removes every sample record in one step; they are made up, so no deletion is recorded.
    pub fn remove_sample_data(&self) -> Result<(), SaveError> {
        let samples: Vec<String> = self
            .records
            .with_untracked(|records| records.iter().filter(|r| r.sample).map(|r| r.id.clone()).collect());
        self.records.update(|records| records.retain(|r| !r.sample));
        self.unsaved_records
            .update(|unsaved| unsaved.retain(|id| !samples.contains(id)));
        let index: Vec<String> = self
            .records
            .with_untracked(|records| records.iter().map(|r| r.id.clone()).collect());
        let result = store::remove_records(&samples, &index);
        self.note(result)
    }

    /// Deletes a record after the person confirmed it; the deletion itself is recorded.
    pub fn delete_record(&self, id: &str) -> Result<(), SaveError> {
        let Some(record) = self.record(id) else { return Ok(()) };
        self.records.update(|records| records.retain(|r| r.id != id));
        self.unsaved_records
            .update(|unsaved| unsaved.retain(|other| other != id));
        let index: Vec<String> = self
            .records
            .with_untracked(|records| records.iter().map(|r| r.id.clone()).collect());
        let change = self.change();
        let deletion = store::Deletion {
            id: record.id,
            reference: record.reference,
            who: change.who,
            at: change.at,
        };
        let result = store::delete_record(id, &index, deletion);
        self.note(result)
    }

    /// Who is exporting now: this version of Redress, the time, the organisation in Settings.
    pub fn exporter(&self) -> redress_core::exchange::file::Exporter {
        redress_core::exchange::file::Exporter {
            app_version: env!("CARGO_PKG_VERSION").into(),
            at: crate::clock::now(),
            organisation: self.settings.with_untracked(|s| s.organisation_name.clone()),
        }
    }

    pub fn assessment(&self, id: &str) -> Option<Assessment> {
        self.assessments
            .with_untracked(|all| all.iter().find(|a| a.id == id).cloned())
    }

    /// Adds or replaces a self-assessment and saves it; kept in memory even when storage refuses.
    pub fn save_assessment(&self, assessment: Assessment) -> Result<(), SaveError> {
        let result = store::save_assessment(&assessment);
        let id = assessment.id.clone();
        self.assessments
            .update(|all| match all.iter_mut().find(|a| a.id == id) {
                Some(slot) => *slot = assessment,
                None => all.push(assessment),
            });
        self.unsaved_assessments.update(|unsaved| {
            unsaved.retain(|other| *other != id);
            if result.is_err() {
                unsaved.push(id);
            }
        });
        self.note(result)
    }

    pub fn delete_assessment(&self, id: &str) {
        self.assessments.update(|all| all.retain(|a| a.id != id));
        self.unsaved_assessments
            .update(|unsaved| unsaved.retain(|other| other != id));
        store::delete_assessment(id);
        let _ = self.note(Ok(()));
    }

    /// Applies an import all or nothing: storage first, as one batch, and memory only once
    /// storage has taken all of it. On failure nothing has changed anywhere.
    pub fn apply_import(
        &self,
        records: Vec<Record>,
        assessments: Vec<Assessment>,
        settings: Option<Settings>,
    ) -> Result<(), SaveError> {
        let mut index: Vec<String> = self
            .records
            .with_untracked(|all| all.iter().map(|r| r.id.clone()).collect());
        let before = index.len();
        for record in &records {
            if !index.contains(&record.id) {
                index.push(record.id.clone());
            }
        }
        let batch = store::Batch {
            records: &records,
            assessments: &assessments,
            settings: settings.as_ref(),
            index: (index.len() > before).then_some(index.as_slice()),
        };
        store::save_batch(&batch)?;
        self.records.update(|all| {
            for record in records {
                match all.iter_mut().find(|r| r.id == record.id) {
                    Some(slot) => *slot = record,
                    None => all.push(record),
                }
            }
        });
        self.assessments.update(|all| {
            for assessment in assessments {
                match all.iter_mut().find(|a| a.id == assessment.id) {
                    Some(slot) => *slot = assessment,
                    None => all.push(assessment),
                }
            }
        });
        if let Some(settings) = settings {
            self.settings.set(settings);
        }
        Ok(())
    }

    /// Tries again to save everything held only in memory.
    pub fn retry(&self) -> Result<(), SaveError> {
        for id in self.unsaved_records.get_untracked() {
            // The index may not have been written either, so write it again.
            self.save_record(&id, true)?;
        }
        if self.unsaved_settings.get_untracked() {
            self.save_settings(self.settings.get_untracked())?;
        }
        for id in self.unsaved_assessments.get_untracked() {
            if let Some(assessment) = self.assessment(&id) {
                self.save_assessment(assessment)?;
            }
        }
        Ok(())
    }

    fn note(&self, result: Result<(), SaveError>) -> Result<(), SaveError> {
        let anything_unsaved = !self.unsaved_records.get_untracked().is_empty()
            || !self.unsaved_assessments.get_untracked().is_empty()
            || self.unsaved_settings.get_untracked();
        self.save_error.set(match &result {
            Err(error) => Some(error.clone()),
            Ok(()) if anything_unsaved => self.save_error.get_untracked(),
            Ok(()) => None,
        });
        result
    }

    /// Takes in what another tab saved. Records this tab holds unsaved are left as they are.
    fn apply_change(&self, change: StoreChange) {
        let mut problems = Vec::new();
        match change {
            StoreChange::Record(id) => {
                if self.unsaved_records.get_untracked().contains(&id) {
                    return;
                }
                let fresh = store::load_record(&id, &mut problems);
                self.records.update(|records| {
                    records.retain(|r| r.id != id);
                    records.extend(fresh);
                });
            }
            StoreChange::Assessment(id) => {
                if self.unsaved_assessments.get_untracked().contains(&id) {
                    return;
                }
                let fresh = store::load_assessment(&id, &mut problems);
                self.assessments.update(|all| {
                    all.retain(|a| a.id != id);
                    all.extend(fresh);
                });
            }
            StoreChange::Settings => {
                if !self.unsaved_settings.get_untracked() {
                    self.settings.set(store::load_settings(&mut problems));
                }
            }
            StoreChange::Everything => {
                let loaded = store::load();
                let unsaved = self.unsaved_records.get_untracked();
                let kept: Vec<Record> = self
                    .records
                    .with_untracked(|records| records.iter().filter(|r| unsaved.contains(&r.id)).cloned().collect());
                self.records.set(
                    loaded
                        .records
                        .into_iter()
                        .filter(|r| !unsaved.contains(&r.id))
                        .chain(kept)
                        .collect(),
                );
                let unsaved = self.unsaved_assessments.get_untracked();
                let kept: Vec<Assessment> = self
                    .assessments
                    .with_untracked(|all| all.iter().filter(|a| unsaved.contains(&a.id)).cloned().collect());
                self.assessments.set(
                    loaded
                        .assessments
                        .into_iter()
                        .filter(|a| !unsaved.contains(&a.id))
                        .chain(kept)
                        .collect(),
                );
                problems.extend(loaded.problems);
            }
        }
        if !problems.is_empty() {
            self.problems.update(|all| all.extend(problems));
        }
    }
}

//! The app's state, held once at the root: records, self-assessments, settings, deletions, and
//! what storage could not do.
//!
//! Every change goes to memory first and then, in order, to the storage door (saves run one at a
//! time, so each builds on the revision the one before it wrote). A write that fails leaves the
//! change in memory, marks it unsaved and says so; "Try saving again" retries it. A change that
//! another tab made first is never overwritten: both versions are kept as a [`Conflict`] until
//! the person chooses ([`conflicts`]); other tabs' changes come in through [`other_tabs`]; the
//! records list's rows are kept in step by [`rows`]; an import or a sync's batch is applied all
//! or nothing by [`apply`]. Reading everything at start-up is [`open`], a piece of the app
//! fetched after the first page is drawn from the rows kept at the last start.

mod apply;
mod conflicts;
mod open;
mod other_tabs;
mod rows;

use crate::store::{self, Deletion, SaveError, StoreProblem, Stored};
use leptos::prelude::*;
// Leptos's arena for values that are not `Send` (nothing to do with browser storage).
use leptos::prelude::LocalStorage as ThisThread;
use leptos::task::spawn_local;
use redress_core::assessment::Assessment;
use redress_core::record::search::Rows;
use redress_core::record::{Change, Record};
use redress_core::settings::Settings;
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// A save on its way to storage: [`Saving::outcome`] tells whether it arrived (pages that say
/// "Saved" wait for it, so they never say it of a save that failed); dropped, the save goes on
/// unwatched and a failure shows in the storage banner.
pub struct Saving(futures_channel::oneshot::Receiver<Result<(), SaveError>>);

impl Saving {
    pub async fn outcome(self) -> Result<(), SaveError> {
        self.0
            .await
            .unwrap_or_else(|_| Err(SaveError::Blocked("the save was interrupted".into())))
    }
}

/// Two versions of one document: this tab's, and the one another tab saved first.
#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    Record {
        mine: Box<Record>,
        theirs: Box<Stored<Record>>,
    },
    Assessment {
        mine: Box<Assessment>,
        theirs: Box<Stored<Assessment>>,
    },
}

impl Conflict {
    pub fn id(&self) -> &str {
        match self {
            Conflict::Record { mine, .. } => &mine.id,
            Conflict::Assessment { mine, .. } => &mine.id,
        }
    }
}

/// Which version the person keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Mine,
    Theirs,
}

#[derive(Default)]
struct Book {
    /// The stored revision of each record and assessment as this tab last read or wrote it.
    revisions: HashMap<String, u64>,
    /// How many times another tab's change to a document has arrived here. An editor that
    /// opened at one count and saves at another would overwrite what it never saw.
    epochs: HashMap<String, u32>,
    queue: VecDeque<Pin<Box<dyn Future<Output = ()>>>>,
    running: bool,
    /// How many saves of each document are asked for and not yet carried out: what a team
    /// sync's batch must not write over in memory.
    waiting: HashMap<String, u32>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub records: ReadSignal<Vec<Record>>,
    pub assessments: ReadSignal<Vec<Assessment>>,
    pub settings: ReadSignal<Settings>,
    /// Every record deleted on this device, newest last.
    pub deletions: ReadSignal<Vec<Deletion>>,
    /// True until storage has been opened and read.
    pub opening: ReadSignal<bool>,
    /// True once the records list can be drawn: from the rows kept at the last start, before
    /// the records have been read, or once they have.
    pub rows_ready: ReadSignal<bool>,
    /// True once My work can be drawn: the rows kept at the last start cover every record
    /// stored (or nothing is stored), or the records have been read.
    pub work_ready: ReadSignal<bool>,
    /// True if the piece of the app that reads storage could not be fetched.
    pub not_fetched: ReadSignal<bool>,
    /// Ids of records held only in memory because their save failed.
    pub unsaved_records: ReadSignal<Vec<String>>,
    pub unsaved_assessments: ReadSignal<Vec<String>>,
    pub unsaved_settings: ReadSignal<bool>,
    /// Why the last save failed, while anything is unsaved.
    pub save_error: ReadSignal<Option<SaveError>>,
    /// What was found in storage and set aside.
    pub problems: ReadSignal<Vec<StoreProblem>>,
    /// Documents changed here and in another tab, waiting for the person's choice.
    pub conflicts: ReadSignal<Vec<Conflict>>,
    /// The records list's rows, kept up to date one record at a time: saving one record works
    /// out one row again, not every row.
    pub rows: ReadSignal<Rows>,
    /// Stored documents holding values Redress cannot work with, by id, in words: shown with a
    /// warning on their page, still exportable and deletable.
    pub warnings: ReadSignal<HashMap<String, Vec<String>>>,
    /// This device's reference tag in its team (`C-2026-K7-0042`), once team sync has claimed
    /// one: every reference made here then counts under it.
    pub device_tag: RwSignal<Option<String>>,
    /// The writing halves of the signals above: only the state's own code changes them.
    w: Writers,
    settings_saved: StoredValue<bool>,
    /// The day the rows' statuses were worked out for.
    rows_day: StoredValue<chrono::NaiveDate>,
    // Held in Leptos's arena for a value that stays on this thread (it is not `Send`).
    book: StoredValue<Rc<RefCell<Book>>, ThisThread>,
}

/// The writing halves of [`AppState`]'s signals, kept inside the state module.
#[derive(Clone, Copy)]
struct Writers {
    records: WriteSignal<Vec<Record>>,
    assessments: WriteSignal<Vec<Assessment>>,
    settings: WriteSignal<Settings>,
    deletions: WriteSignal<Vec<Deletion>>,
    opening: WriteSignal<bool>,
    rows_ready: WriteSignal<bool>,
    work_ready: WriteSignal<bool>,
    not_fetched: WriteSignal<bool>,
    unsaved_records: WriteSignal<Vec<String>>,
    unsaved_assessments: WriteSignal<Vec<String>>,
    unsaved_settings: WriteSignal<bool>,
    save_error: WriteSignal<Option<SaveError>>,
    problems: WriteSignal<Vec<StoreProblem>>,
    conflicts: WriteSignal<Vec<Conflict>>,
    warnings: WriteSignal<HashMap<String, Vec<String>>>,
    rows: WriteSignal<Rows>,
}

impl AppState {
    /// An empty state that fills itself from storage, and then listens to other tabs: first
    /// the rows kept at the last start (My work and the records list are drawn from them), then
    /// everything, in the piece of the app that reads storage ([`open`]).
    pub fn load() -> Self {
        let state = Self::empty();
        // What other tabs change while this one reads (records are read a part at a time) is
        // taken in once everything has been read.
        let listening = open::Listening::new();
        store::on_change({
            let listening = listening.clone();
            move |change| listening.heard(change)
        });
        spawn_local(async move {
            crate::timing::mark("opening");
            if let Some(early) = store::early().await {
                crate::timing::mark("rows-read");
                state.show_kept_rows(early);
                crate::timing::mark("rows-shown");
                // Let the page be drawn before the records are read.
                crate::timing::after_paint().await;
            }
            match open::read_everything(state, listening).await {
                Ok(reading) => reading.await,
                Err(crate::lazy::NotFetched) => {
                    let _ = state.w.not_fetched.try_set(true);
                }
            }
        });
        state
    }

    /// Whether the first page can be drawn: from the kept rows, or once everything is read.
    pub fn first_page_ready(&self) -> bool {
        self.work_ready.get() || self.rows_ready.get() || !self.opening.get()
    }

    /// Done once the first page can be drawn ([`Self::first_page_ready`]): what waits for it is
    /// fetched after that page, not alongside its read. Call it where a reactive owner is.
    pub fn after_first_page(&self) -> impl Future<Output = ()> + use<> {
        self.once(Self::first_page_ready)
    }

    /// Done once everything stored has been read (the piece that reads it is then here).
    pub fn after_everything_read(&self) -> impl Future<Output = ()> + use<> {
        self.once(|state| !state.opening.get())
    }

    /// Done once `ready` holds. Call it where a reactive owner is.
    fn once(&self, ready: fn(&AppState) -> bool) -> impl Future<Output = ()> + use<> {
        let (done, wait) = futures_channel::oneshot::channel::<()>();
        let done = StoredValue::new_local(Some(done));
        let state = *self;
        Effect::new(move |_| {
            if ready(&state)
                && let Some(done) = done.try_update_value(Option::take).flatten()
            {
                let _ = done.send(());
            }
        });
        async move {
            let _ = wait.await;
        }
    }

    fn empty() -> Self {
        let (records, records_w) = RwSignal::new(Vec::new()).split();
        let (assessments, assessments_w) = RwSignal::new(Vec::new()).split();
        let (settings, settings_w) = RwSignal::new(Settings::default()).split();
        let (deletions, deletions_w) = RwSignal::new(Vec::new()).split();
        let (opening, opening_w) = RwSignal::new(true).split();
        let (rows_ready, rows_ready_w) = RwSignal::new(false).split();
        let (work_ready, work_ready_w) = RwSignal::new(false).split();
        let (not_fetched, not_fetched_w) = RwSignal::new(false).split();
        let (unsaved_records, unsaved_records_w) = RwSignal::new(Vec::new()).split();
        let (unsaved_assessments, unsaved_assessments_w) = RwSignal::new(Vec::new()).split();
        let (unsaved_settings, unsaved_settings_w) = RwSignal::new(false).split();
        let (save_error, save_error_w) = RwSignal::new(None).split();
        let (problems, problems_w) = RwSignal::new(Vec::new()).split();
        let (conflicts, conflicts_w) = RwSignal::new(Vec::new()).split();
        let (warnings, warnings_w) = RwSignal::new(HashMap::new()).split();
        let (rows, rows_w) = RwSignal::new(Rows::default()).split();
        AppState {
            records,
            assessments,
            settings,
            deletions,
            opening,
            rows_ready,
            work_ready,
            not_fetched,
            unsaved_records,
            unsaved_assessments,
            unsaved_settings,
            save_error,
            problems,
            conflicts,
            warnings,
            rows,
            device_tag: RwSignal::new(None),
            w: Writers {
                records: records_w,
                assessments: assessments_w,
                settings: settings_w,
                deletions: deletions_w,
                opening: opening_w,
                rows_ready: rows_ready_w,
                work_ready: work_ready_w,
                not_fetched: not_fetched_w,
                unsaved_records: unsaved_records_w,
                unsaved_assessments: unsaved_assessments_w,
                unsaved_settings: unsaved_settings_w,
                save_error: save_error_w,
                problems: problems_w,
                conflicts: conflicts_w,
                warnings: warnings_w,
                rows: rows_w,
            },
            rows_day: StoredValue::new(crate::clock::today()),
            settings_saved: StoredValue::new(false),
            book: StoredValue::new_local(Rc::new(RefCell::new(Book::default()))),
        }
    }

    /// Takes in everything read from storage, keeping whatever this tab holds unsaved.
    fn adopt(&self, loaded: store::Loaded) {
        let unsaved = self.unsaved_records.get_untracked();
        let book = self.book.get_value();
        let mut book = book.borrow_mut();
        let mut records: Vec<Record> = self
            .records
            .with_untracked(|all| all.iter().filter(|r| unsaved.contains(&r.id)).cloned().collect());
        for stored in loaded.records {
            if !unsaved.contains(&stored.data.id) {
                book.revisions.insert(stored.data.id.clone(), stored.revision);
                records.push(stored.data);
            }
        }
        let unsaved = self.unsaved_assessments.get_untracked();
        let mut assessments: Vec<Assessment> = self
            .assessments
            .with_untracked(|all| all.iter().filter(|a| unsaved.contains(&a.id)).cloned().collect());
        for stored in loaded.assessments {
            if !unsaved.contains(&stored.data.id) {
                book.revisions.insert(stored.data.id.clone(), stored.revision);
                assessments.push(stored.data);
            }
        }
        drop(book);
        let _ = self.w.records.try_set(records);
        let _ = self.w.assessments.try_set(assessments);
        if !self.unsaved_settings.get_untracked() {
            let _ = self.w.settings.try_set(loaded.settings);
        }
        self.settings_saved.set_value(loaded.settings_saved);
        let _ = self.w.deletions.try_set(loaded.deletions);
        let _ = self.w.warnings.try_update(|all| {
            for (id, problems) in loaded.warnings {
                all.insert(
                    id,
                    problems.iter().map(|p| format!("{}: {}", p.field, p.message)).collect(),
                );
            }
        });
        if !loaded.problems.is_empty() {
            self.w.problems.update(|all| all.extend(loaded.problems));
        }
        self.rebuild_rows();
    }

    /// Runs `job` after every save asked for before it.
    fn enqueue(&self, job: impl Future<Output = Result<(), SaveError>> + 'static) -> Saving {
        let (reply, answer) = futures_channel::oneshot::channel();
        let job = async move {
            let _ = reply.send(job.await);
        };
        let book = self.book.get_value();
        let start = {
            let mut b = book.borrow_mut();
            b.queue.push_back(Box::pin(job));
            !std::mem::replace(&mut b.running, true)
        };
        if start {
            spawn_local(async move {
                loop {
                    let next = book.borrow_mut().queue.pop_front();
                    match next {
                        Some(job) => job.await,
                        None => {
                            book.borrow_mut().running = false;
                            break;
                        }
                    }
                }
            });
        }
        Saving(answer)
    }

    /// As [`Self::enqueue`], for a save of the document `id`: counted as waiting until it is done.
    fn enqueue_for(&self, id: &str, job: impl Future<Output = Result<(), SaveError>> + 'static) -> Saving {
        let book = self.book.get_value();
        *book.borrow_mut().waiting.entry(id.to_string()).or_default() += 1;
        let id = id.to_string();
        self.enqueue(async move {
            let outcome = job.await;
            let mut b = book.borrow_mut();
            if let Some(n) = b.waiting.get_mut(&id) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    b.waiting.remove(&id);
                }
            }
            outcome
        })
    }

    /// Whether a save of `id` is asked for and not yet carried out, or failed and is held only
    /// in memory.
    pub(crate) fn save_pending(&self, id: &str) -> bool {
        self.book.get_value().borrow().waiting.contains_key(id)
            || self.unsaved_records.with_untracked(|ids| ids.iter().any(|u| u == id))
            || self
                .unsaved_assessments
                .with_untracked(|ids| ids.iter().any(|u| u == id))
    }

    /// Waits until every save asked for so far has been carried out (or has failed).
    pub async fn saves_done(&self) {
        let _ = self.enqueue(async { Ok(()) }).outcome().await;
    }

    /// Whether anything is held only in memory because its save failed.
    pub fn anything_unsaved(&self) -> bool {
        !self.unsaved_records.get_untracked().is_empty()
            || !self.unsaved_assessments.get_untracked().is_empty()
            || self.unsaved_settings.get_untracked()
    }

    /// The revision this tab last read or wrote of a document (0 for one it never had).
    pub fn revision(&self, id: &str) -> u64 {
        self.book.get_value().borrow().revisions.get(id).copied().unwrap_or(0)
    }

    fn set_revision(&self, id: &str, revision: u64) {
        self.book
            .get_value()
            .borrow_mut()
            .revisions
            .insert(id.to_string(), revision);
    }

    /// How many of another tab's changes to this document have arrived: an editor notes it when
    /// it opens and passes it back when it saves (see [`AppState::update_record_since`]).
    pub fn epoch(&self, id: &str) -> u32 {
        self.book.get_value().borrow().epochs.get(id).copied().unwrap_or(0)
    }

    fn bump_epoch(&self, id: &str) {
        *self
            .book
            .get_value()
            .borrow_mut()
            .epochs
            .entry(id.to_string())
            .or_default() += 1;
    }

    /// Who is making a change now, for the record's history.
    pub fn change(&self) -> Change {
        Change::new(
            &self.settings.with_untracked(|s| s.user_name.clone()),
            crate::clock::now(),
        )
        .on_device(self.device_tag.try_get_untracked().flatten())
    }

    pub fn record(&self, id: &str) -> Option<Record> {
        self.records
            .with(|records| records.iter().find(|r| r.id == id).cloned())
    }

    /// Adds a new record. It is kept in memory even when storage refuses it.
    pub fn add_record(&self, record: Record) -> Saving {
        let id = record.id.clone();
        self.w.records.update(|records| records.push(record));
        self.refresh_rows(std::slice::from_ref(&id));
        self.save_record(id)
    }

    /// Replaces a record with a changed copy and saves just that record.
    pub fn update_record(&self, record: Record) -> Saving {
        let id = record.id.clone();
        self.w.records.update(|records| {
            if let Some(slot) = records.iter_mut().find(|r| r.id == id) {
                *slot = record;
            }
        });
        self.refresh_rows(std::slice::from_ref(&id));
        self.save_record(id)
    }

    /// Saves the record as memory holds it now, after every save asked for before.
    fn save_record(&self, id: String) -> Saving {
        let state = *self;
        self.enqueue_for(&id.clone(), async move {
            let Some(record) = state
                .records
                .try_with_untracked(|records| records.iter().find(|r| r.id == id).cloned())
                .flatten()
            else {
                return Ok(());
            };
            let result = store::save_record(&record, state.revision(&id)).await;
            match result {
                Ok(revision) => state.set_revision(&id, revision),
                Err(SaveError::Conflict) => {
                    state.race_lost_record(record).await;
                    return Err(SaveError::Conflict);
                }
                Err(_) => {}
            }
            state.mark_unsaved(&state.w.unsaved_records, &id, result.is_err());
            state.note(result.map(|_| ()))
        })
    }

    fn mark_unsaved(&self, list: &WriteSignal<Vec<String>>, id: &str, unsaved: bool) {
        let _ = list.try_update(|ids| {
            ids.retain(|other| other != id);
            if unsaved {
                ids.push(id.to_string());
            }
        });
    }

    pub fn save_settings(&self, settings: Settings) -> Saving {
        self.w.settings.set(settings);
        self.rebuild_rows();
        self.settings_saved.set_value(true);
        let state = *self;
        self.enqueue(async move {
            let Some(settings) = state.settings.try_get_untracked() else {
                return Ok(());
            };
            let result = store::save_settings(&settings).await;
            let _ = state.w.unsaved_settings.try_set(result.is_err());
            state.note(result)
        })
    }

    /// Adds the made-up records of "Explore with sample data", in one batch: stored first, then
    /// shown, so the sample banner appearing means they are kept (if storage refuses them they
    /// are shown all the same, marked unsaved).
    pub fn load_sample_data(&self) -> Saving {
        let settings = self.settings.get_untracked();
        let samples: Vec<Record> =
            redress_core::sample::sample_records(crate::clock::today(), &settings, &self.change())
                .into_iter()
                .filter(|r| self.record(&r.id).is_none())
                .collect();
        let state = *self;
        let (rows, kept) = self.rows_of(&samples, &settings);
        self.enqueue(async move {
            let batch = store::Batch {
                records: samples.iter().map(|r| (r, 0)).collect(),
                rows: kept,
                ..store::Batch::default()
            };
            let result = store::save_batch(&batch).await;
            match &result {
                Ok((revisions, _)) => {
                    for (record, revision) in samples.iter().zip(revisions) {
                        state.set_revision(&record.id, *revision);
                    }
                }
                Err(_) => {
                    for record in &samples {
                        state.mark_unsaved(&state.w.unsaved_records, &record.id, true);
                    }
                }
            }
            let _ = state.w.records.try_update(|records| records.extend(samples));
            state.take_rows(rows, &[]);
            rows::pack_kept_rows();
            state.note(result.map(|_| ()))
        })
    }

    /// Removes every sample record in one step; they are made up, so no deletion is recorded.
    pub fn remove_sample_data(&self) -> Saving {
        let samples: Vec<String> = self
            .records
            .with_untracked(|records| records.iter().filter(|r| r.sample).map(|r| r.id.clone()).collect());
        self.w.records.update(|records| records.retain(|r| !r.sample));
        self.rebuild_rows();
        self.w
            .unsaved_records
            .update(|unsaved| unsaved.retain(|id| !samples.contains(id)));
        let state = *self;
        self.enqueue(async move {
            let result = store::remove_records(&samples).await;
            state.note(result)
        })
    }

    /// Deletes a record after the person confirmed it; the deletion itself is kept.
    pub fn delete_record(&self, id: &str, why: &str) -> Saving {
        let record = self.record(id);
        let state = *self;
        let Some(record) = record else {
            return self.enqueue(async { Ok(()) });
        };
        self.w.records.update(|records| records.retain(|r| r.id != id));
        self.refresh_rows(&[id.to_string()]);
        self.w
            .unsaved_records
            .update(|unsaved| unsaved.retain(|other| other != id));
        let change = self.change();
        let deletion = Deletion {
            id: record.id,
            reference: record.reference,
            who: change.who,
            at: change.at,
            why: why.trim().to_string(),
        };
        self.w.deletions.update(|all| all.push(deletion.clone()));
        self.enqueue(async move {
            let result = store::delete_record(&deletion).await;
            state.note(result)
        })
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
    pub fn save_assessment(&self, assessment: Assessment) -> Saving {
        let id = assessment.id.clone();
        self.w
            .assessments
            .update(|all| match all.iter_mut().find(|a| a.id == id) {
                Some(slot) => *slot = assessment,
                None => all.push(assessment),
            });
        let state = *self;
        self.enqueue_for(&id.clone(), async move {
            let Some(assessment) = state
                .assessments
                .try_with_untracked(|all| all.iter().find(|a| a.id == id).cloned())
                .flatten()
            else {
                return Ok(());
            };
            let result = store::save_assessment(&assessment, state.revision(&id)).await;
            match result {
                Ok(revision) => state.set_revision(&id, revision),
                Err(SaveError::Conflict) => {
                    if let Ok(Some(theirs)) = store::load_assessment(&id).await {
                        state.add_conflict(Conflict::Assessment {
                            mine: Box::new(assessment),
                            theirs: Box::new(theirs),
                        });
                    }
                    return Err(SaveError::Conflict);
                }
                Err(_) => {}
            }
            state.mark_unsaved(&state.w.unsaved_assessments, &id, result.is_err());
            state.note(result.map(|_| ()))
        })
    }

    pub fn delete_assessment(&self, id: &str) -> Saving {
        self.w.assessments.update(|all| all.retain(|a| a.id != id));
        self.w
            .unsaved_assessments
            .update(|unsaved| unsaved.retain(|other| other != id));
        let state = *self;
        let id = id.to_string();
        self.enqueue(async move {
            let result = store::delete_assessment(&id).await;
            state.note(result)
        })
    }

    /// Whether this device has ever saved its own settings.
    pub fn settings_saved(&self) -> bool {
        self.settings_saved.get_value()
    }

    /// Tries again to save everything held only in memory.
    pub fn retry(&self) {
        for id in self.unsaved_records.get_untracked() {
            let _ = self.save_record(id);
        }
        if self.unsaved_settings.get_untracked() {
            let _ = self.save_settings(self.settings.get_untracked());
        }
        for id in self.unsaved_assessments.get_untracked() {
            if let Some(assessment) = self.assessment(&id) {
                let _ = self.save_assessment(assessment);
            }
        }
    }

    fn note(&self, result: Result<(), SaveError>) -> Result<(), SaveError> {
        let anything_unsaved = !self.unsaved_records.with_untracked(Vec::is_empty)
            || !self.unsaved_assessments.with_untracked(Vec::is_empty)
            || self.unsaved_settings.get_untracked();
        let _ = self.w.save_error.try_set(match &result {
            Err(SaveError::Conflict) => self.save_error.get_untracked(),
            Err(error) => Some(error.clone()),
            Ok(()) if anything_unsaved => self.save_error.get_untracked(),
            Ok(()) => None,
        });
        result
    }
}

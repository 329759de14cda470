//! The records list's rows, kept by the state one record at a time (`record::search::Rows`):
//! worked out again for a record when it changes, and all of them when the rules do. Each row
//! that changes is also kept in storage ([`store::keep_rows`]), so the next start draws the
//! list from the kept rows before every record has been read ([`AppState::show_kept_rows`]).

use super::AppState;
use crate::store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use redress_core::record::Record;
use redress_core::record::search::{RecordRow, Rows, keep_row, kept_row};
use redress_core::settings::Settings;

impl AppState {
    /// Works out every row again (at start-up, after a batch, when settings change), and keeps
    /// those that changed.
    pub(super) fn rebuild_rows(&self) {
        let today = crate::clock::today();
        let rules = self.settings.with_untracked(|s| s.rules(today));
        let Some(fresh) = self.records.try_with_untracked(|all| Rows::new(all, &rules)) else {
            return;
        };
        let (changed, gone) = self.rows.with_untracked(|old| {
            let changed: Vec<(String, String)> = fresh
                .iter()
                .filter(|row| !old.get(&row.id).is_some_and(|kept| kept.same_kept(row)))
                .map(|row| (row.id.clone(), keep_row(row)))
                .collect();
            let gone: Vec<String> = old
                .iter()
                .filter(|row| fresh.get(&row.id).is_none())
                .map(|row| row.id.clone())
                .collect();
            (changed, gone)
        });
        let _ = self.w.rows.try_set(fresh);
        self.rows_day.set_value(today);
        keep(changed, gone);
    }

    /// Works out again the rows of these records only; a record no longer held loses its row.
    pub(super) fn refresh_rows(&self, ids: &[String]) {
        if ids.len() > 64 {
            return self.rebuild_rows();
        }
        let rules = self.settings.with_untracked(|s| s.rules(self.rows_day.get_value()));
        let mut changed = Vec::new();
        let mut gone = Vec::new();
        self.records.with_untracked(|all| {
            let _ = self.w.rows.try_update(|rows| {
                for id in ids {
                    match all.iter().find(|r| r.id == *id) {
                        Some(record) => {
                            rows.upsert(record, &rules);
                            if let Some(row) = rows.get(id) {
                                changed.push((id.clone(), keep_row(row)));
                            }
                        }
                        None => {
                            rows.remove(id);
                            gone.push(id.clone());
                        }
                    }
                }
            });
        });
        keep(changed, gone);
    }

    /// The rows of records about to be stored in a batch, worked out with the settings they
    /// will be held under, each with its text to keep ([`store::Batch::rows`]).
    pub(super) fn rows_of(&self, records: &[Record], settings: &Settings) -> (Vec<RecordRow>, Vec<(String, String)>) {
        let rules = settings.rules(self.rows_day.get_value());
        let rows: Vec<RecordRow> = records.iter().map(|record| RecordRow::new(record, &rules)).collect();
        let kept = rows.iter().map(|row| (row.id.clone(), keep_row(row))).collect();
        (rows, kept)
    }

    /// Takes in rows a batch has already kept, and drops those of records it removed.
    pub(super) fn take_rows(&self, rows: Vec<RecordRow>, gone: &[String]) {
        let _ = self.w.rows.try_update(|all| {
            for id in gone {
                all.remove(id);
            }
            for row in rows {
                all.insert(row);
            }
        });
    }

    /// Draws the list from the rows kept at the last start, before the records are read. Rows
    /// kept by another release, or that do not read, are left out; the records, once read,
    /// put every row right ([`AppState::rebuild_rows`]). My work is drawn from them only if
    /// there is one for every record stored, or nothing is stored at all.
    pub(super) fn show_kept_rows(&self, early: store::Early) {
        let today = crate::clock::today();
        let rules = early.settings.rules(today);
        let mut rows = Rows::default();
        let mut kept = 0usize;
        for text in early.rows() {
            kept += 1;
            if let Some(row) = kept_row(text, &rules) {
                rows.insert(row);
            }
        }
        let every_record = kept == rows.len() && u32::try_from(rows.len()) == Ok(early.records);
        if rows.is_empty() && !early.nothing_stored {
            return;
        }
        let _ = self.w.settings.try_set(early.settings);
        let _ = self.w.rows.try_set(rows);
        self.rows_day.set_value(today);
        let _ = self.w.rows_ready.try_set(true);
        if every_record || early.nothing_stored {
            let _ = self.w.work_ready.try_set(true);
        }
    }

    /// The rows, their statuses worked out for today (a tab left open overnight catches up).
    pub fn rows_for_today(&self) -> ReadSignal<Rows> {
        if self.rows_day.get_value() != crate::clock::today() && !self.opening.get_untracked() {
            self.rebuild_rows();
        }
        self.rows
    }
}

/// Keeps every row the list holds, in packs, in place of what was kept: after a batch of more
/// rows than are worth keeping one by one.
pub(super) fn keep_every_row(rows: &Rows) {
    let kept: Vec<(String, String)> = rows.iter().map(|row| (row.id.clone(), keep_row(row))).collect();
    spawn_local(async move {
        if store::replace_rows(kept).await.is_ok() {
            crate::timing::mark("rows-packed");
        }
    });
}

/// Folds the rows kept one by one into packs once there are many (after a start-up that wrote
/// rows again, or a batch): the next start reads a few packs rather than many rows.
pub(super) fn pack_kept_rows() {
    spawn_local(pack());
}

/// How many rows one transaction keeps: a tab closed half-way through keeping 50,000 rows has
/// kept the parts before.
const ROWS_AT_A_TIME: usize = 1_000;

/// Keeps rows in storage, after whatever was asked for before. A row that could not be kept
/// loses nothing: the next start works it out from its record.
fn keep(changed: Vec<(String, String)>, gone: Vec<String>) {
    if changed.is_empty() && gone.is_empty() {
        return;
    }
    spawn_local(async move {
        let _ = store::keep_rows(&[], &gone).await;
        for part in changed.chunks(ROWS_AT_A_TIME) {
            if store::keep_rows(part, &[]).await.is_err() {
                return;
            }
        }
        pack().await;
    });
}

async fn pack() {
    if store::pack_rows(store::LOOSE_ROWS_TO_PACK).await == Ok(true) {
        crate::timing::mark("rows-packed");
    }
}

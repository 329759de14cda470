//! The records list's rows, kept by the state one record at a time (`record::search::Rows`):
//! worked out again for a record when it changes, and all of them when the rules do.

use super::AppState;
use leptos::prelude::*;
use redress_core::record::search::Rows;

impl AppState {
    /// Works out every row again (at start-up, after a batch, when settings change).
    pub(super) fn rebuild_rows(&self) {
        let today = crate::clock::today();
        let rules = self.settings.with_untracked(|s| s.rules(today));
        self.records.with_untracked(|all| {
            let _ = self.rows.try_update(|rows| rows.rebuild(all, &rules));
        });
        self.rows_day.set_value(today);
    }

    /// Works out again the rows of these records only; a record no longer held loses its row.
    pub(super) fn refresh_rows(&self, ids: &[String]) {
        if ids.len() > 64 {
            return self.rebuild_rows();
        }
        let rules = self.settings.with_untracked(|s| s.rules(self.rows_day.get_value()));
        self.records.with_untracked(|all| {
            let _ = self.rows.try_update(|rows| {
                for id in ids {
                    match all.iter().find(|r| r.id == *id) {
                        Some(record) => rows.upsert(record, &rules),
                        None => {
                            rows.remove(id);
                        }
                    }
                }
            });
        });
    }

    /// The rows, their statuses worked out for today (a tab left open overnight catches up).
    pub fn rows_for_today(&self) -> RwSignal<Rows> {
        if self.rows_day.get_value() != crate::clock::today() {
            self.rebuild_rows();
        }
        self.rows
    }
}

//! Reading everything stored at start-up: the records, self-assessments, settings and
//! deletions, with their migrations and checks, then other tabs' changes from then on. It is a
//! piece of the app of its own, fetched while the first page is drawn from the rows kept at the
//! last start, so a first visit downloads only what draws My work.

use super::{AppState, rows};
use crate::lazy::NotFetched;
use crate::store::{self, StoreChange};
use leptos::prelude::*;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// Other tabs' changes: held while this tab reads, then handed on as they come.
#[derive(Clone)]
pub(super) struct Listening(Rc<RefCell<Heard>>);

enum Heard {
    /// Heard before everything was read: taken in once it has been.
    Waiting(Vec<StoreChange>),
    /// Everything is read: each change is taken in as it comes.
    Taking(Rc<dyn Fn(StoreChange)>),
}

impl Listening {
    pub(super) fn new() -> Self {
        Listening(Rc::new(RefCell::new(Heard::Waiting(Vec::new()))))
    }

    /// A change another tab made.
    pub(super) fn heard(&self, change: StoreChange) {
        let take = match &mut *self.0.borrow_mut() {
            Heard::Waiting(changes) => {
                changes.push(change);
                return;
            }
            Heard::Taking(take) => take.clone(),
        };
        take(change);
    }

    /// From now on each change goes to `take`; returns those heard before.
    fn start_taking(&self, take: Rc<dyn Fn(StoreChange)>) -> Vec<StoreChange> {
        match std::mem::replace(&mut *self.0.borrow_mut(), Heard::Taking(take)) {
            Heard::Waiting(changes) => changes,
            Heard::Taking(_) => Vec::new(),
        }
    }
}

/// Reading everything, as it runs.
type Reading = Pin<Box<dyn Future<Output = ()>>>;

crate::lazy::split_point!(
    open,
    /// Reads everything stored into `state`, keeping whatever this tab holds unsaved, then
    /// takes in what other tabs changed meanwhile and listens from then on.
    pub(super) fn read_everything(state: AppState, listening: Listening) -> Result<Reading, NotFetched> {
        Ok(Box::pin(async move {
            let loaded = store::open().await;
            crate::timing::mark("records-read");
            let anything = !loaded.records.is_empty() || !loaded.assessments.is_empty();
            state.adopt(loaded);
            crate::timing::mark("records-taken-in");
            rows::pack_kept_rows();
            let waiting = listening.start_taking(Rc::new(move |change| state.apply_change(change)));
            for change in waiting {
                state.apply_change(change);
            }
            let _ = state.w.rows_ready.try_set(true);
            let _ = state.w.work_ready.try_set(true);
            let _ = state.w.opening.try_set(false);
            // Once there is something to lose, ask the browser not to clear it under storage
            // pressure (Settings shows whether it agreed, and can ask again).
            if anything {
                let _ = store::ask_to_persist().await;
            }
        }))
    }
);

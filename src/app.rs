//! The app root: state, and the shell around the pages (their addresses are in `routes`).

use crate::components::layout::Layout;
use crate::components::opening::{Opening as OpeningPage, READING};
use crate::pages::lock::{LockedShell, unlock::UnlockPage};
use crate::routes::AppRoutes;
use crate::state::AppState;
use crate::store::LockState;
use leptos::prelude::*;
use leptos_router::components::Router;

/// Whether the records can be opened yet: the lock is read first.
#[derive(Clone, PartialEq)]
enum Gate {
    /// Reading whether this device is locked.
    Checking,
    /// Locked: only the unlock page shows.
    Locked,
    /// A lock is kept but cannot be read: nothing is opened or changed.
    Unreadable(String),
    /// No lock, or unlocked: the app.
    Open { lock_set: bool, minutes: u32 },
}

#[component]
pub fn App() -> impl IntoView {
    let update = RwSignal::new(false);
    provide_context(crate::offline::UpdateReady(update));
    crate::components::notice::Notices::provide();
    crate::offline::register_service_worker(update);
    let gate = RwSignal::new(Gate::Checking);
    // Until the app itself listens, a change of the lock in another tab starts this one again.
    crate::store::on_change(|_| {});
    leptos::task::spawn_local(async move {
        let found = match crate::store::lock_state().await {
            LockState::None => Gate::Open {
                lock_set: false,
                minutes: redress_core::lock::DEFAULT_AUTO_LOCK_MINUTES,
            },
            LockState::Locked(_) => Gate::Locked,
            LockState::Unreadable(why) => Gate::Unreadable(why),
        };
        gate.set(found);
    });
    let unlocked = Callback::new(move |()| {
        leptos::task::spawn_local(async move {
            let minutes = match crate::store::lock_state().await {
                LockState::Locked(lock) => lock.auto_lock_minutes,
                _ => redress_core::lock::DEFAULT_AUTO_LOCK_MINUTES,
            };
            gate.set(Gate::Open {
                lock_set: true,
                minutes,
            });
        });
    });
    move || match gate.get() {
        Gate::Checking => {
            view! { <LockedShell><OpeningPage heading="Opening your records…" detail=READING /></LockedShell> }
                .into_any()
        }
        Gate::Locked => view! { <LockedShell>{crate::lazy::lazily(unlock_page(unlocked))}</LockedShell> }.into_any(),
        Gate::Unreadable(why) => view! { <LockedShell><LockUnreadable why /></LockedShell> }.into_any(),
        Gate::Open { lock_set, minutes } => view! { <Opened lock_set minutes /> }.into_any(),
    }
}

crate::lazy::split_point!(
    open,
    /// The unlock page, kept with the code that reads storage (what comes next on a locked
    /// device, which has always been here before: its worker holds both), so a device without a
    /// lock has neither in its first load.
    fn unlock_page(unlocked: Callback<()>) -> Result<AnyView, crate::lazy::NotFetched> {
        Ok(view! { <UnlockPage unlocked /> }.into_any())
    }
);

/// The app, once its records can be read.
#[component]
fn Opened(lock_set: bool, minutes: u32) -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    let locking = crate::locking::Locking::provide(state, lock_set, minutes);
    let sync = crate::sync::TeamSyncState::provide(state);
    let first_page = state.after_first_page();
    let everything_read = state.after_everything_read();
    leptos::task::spawn_local(async move {
        first_page.await;
        // If the piece cannot be fetched now, it is here once everything has been read (the
        // state's own read fetches it); if it never comes, the pages say so.
        if crate::sync::start_sync(sync).await.is_err() {
            everything_read.await;
            let _ = crate::sync::start_sync(sync).await;
        }
    });
    view! {
        <Router>
            {crate::locking::watch(locking)}
            <Layout>
                // Each page waits until storage has been read (`WhenOpen`), inside its route: the
                // router is drawn from the start, so a link followed meanwhile is not lost.
                <AppRoutes />
            </Layout>
        </Router>
    }
}

/// A lock that cannot be read: said plainly, and nothing touched.
#[component]
fn LockUnreadable(why: String) -> impl IntoView {
    view! {
        <h1 class="govuk-heading-l">"Redress cannot open this device’s records"</h1>
        <p class="govuk-body">{format!("The records are locked, but {why}.")}</p>
        <p class="govuk-body">"Nothing has been changed or removed. Ask your IT team for help, and do not clear this browser’s data."</p>
    }
}

//! The app root: state, and the shell around the pages (their addresses are in `routes`).

use crate::components::layout::Layout;
use crate::components::opening::Opening as OpeningPage;
use crate::pages::lock::{LockedShell, unlock::UnlockPage};
use crate::routes::AppRoutes;
use crate::state::AppState;
use crate::store::LockState;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;

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
        Gate::Checking => view! { <LockedShell><Opening /></LockedShell> }.into_any(),
        Gate::Locked => view! { <LockedShell><UnlockPage unlocked /></LockedShell> }.into_any(),
        Gate::Unreadable(why) => view! { <LockedShell><LockUnreadable why /></LockedShell> }.into_any(),
        Gate::Open { lock_set, minutes } => view! { <Opened lock_set minutes /> }.into_any(),
    }
}

/// The app, once its records can be read.
#[component]
fn Opened(lock_set: bool, minutes: u32) -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    let locking = crate::locking::Locking::provide(state, lock_set, minutes);
    crate::sync::TeamSyncState::provide(state);
    view! {
        <Router>
            {crate::locking::watch(locking)}
            <Layout>
                // Pages read the records when they open, so none opens before storage has been
                // read, but the records list, drawn from the rows kept at the last start.
                <WhenOpen>
                <AppRoutes />
                </WhenOpen>
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

/// Its pages once storage has been read; before then, the records list if its kept rows have
/// been read, and any other page "Opening your records…".
#[component]
fn WhenOpen(children: ChildrenFn) -> impl IntoView {
    let state = expect_context::<AppState>();
    let location = use_location();
    let ready = Memo::new(move |_| {
        !state.opening.get() || (state.rows_ready.get() && location.pathname.with(|path| path == "/records"))
    });
    view! { <Show when=move || ready.get() fallback=Opening>{children()}</Show> }
}

/// What shows while storage is being opened and read: with many records, a moment.
#[component]
fn Opening() -> impl IntoView {
    view! { <OpeningPage heading="Opening your records…" detail="Redress is reading the records kept in this browser." /> }
}

//! The app root: state, and the shell around the pages (their addresses are in `routes`).

use crate::components::layout::Layout;
use crate::routes::AppRoutes;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    let update = RwSignal::new(false);
    provide_context(crate::offline::UpdateReady(update));
    crate::components::notice::Notices::provide();
    crate::offline::register_service_worker(update);
    view! {
        <Router>
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
    view! {
        <div role="status" aria-live="polite">
            <h1 class="govuk-heading-l">"Opening your records…"</h1>
            <p class="govuk-body">"Redress is reading the records kept in this browser."</p>
        </div>
    }
}

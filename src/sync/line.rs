//! The team sync status line at the top of every page.

use super::TeamSyncState;
use leptos::prelude::*;
use redress_core::sync::team::Status;

/// The line at the top of every page while team sync is set up: where it stands, in words,
/// with a link to its page.
#[component]
pub fn SyncLine() -> impl IntoView {
    let sync = TeamSyncState::get();
    let words = move || sync.status.with(Status::words);
    let class = move || {
        if sync.status.with(Status::needs_attention) {
            "govuk-body-s app-sync-line app-sync-line--attention"
        } else {
            "govuk-body-s app-sync-line"
        }
    };
    view! {
        <p class=class role="status" hidden=move || words().is_none()>
            {move || words().unwrap_or_default()}
            " "
            <a class="govuk-link" href="/settings/sync">"Team sync settings"</a>
        </p>
    }
}

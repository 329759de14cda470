//! A success message shown on the page a person is taken to after saving ("Record C-2026-0042
//! created", "Acknowledgement recorded"): the GOV.UK success notification banner, said only once
//! the change is stored, and gone once the person moves on to another page.

use crate::state::Saving;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The message waiting to be shown, and the address it belongs to.
#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Option<(String, String)>>);

impl Notices {
    /// Provided once, at the app's root.
    pub fn provide() {
        provide_context(Notices(RwSignal::new(None)));
    }

    pub fn get() -> Self {
        expect_context::<Notices>()
    }

    /// Says `message` on the page at `path`, now (what it says is already done).
    pub fn say(self, path: impl Into<String>, message: impl Into<String>) {
        self.0.set(Some((message.into(), path.into())));
    }

    /// Says `message` on the page at `path` once `saving` is stored; a save that fails says so
    /// in the storage banner instead, never here.
    pub fn after_save(self, saving: Saving, path: String, message: String) {
        leptos::task::spawn_local(async move {
            if saving.outcome().await.is_ok() {
                let _ = self.0.try_set(Some((message, path)));
            }
        });
    }
}

/// The banner, at the top of the page it was meant for.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let notices = Notices::get().0;
    let location = use_location();
    // Moving to another page leaves the message behind.
    Effect::new(move |_| {
        let path = location.pathname.get();
        if notices.with_untracked(|n| n.as_ref().is_some_and(|(_, at)| *at != path)) {
            notices.set(None);
        }
    });
    let shown = move || {
        let path = location.pathname.get();
        notices.with(|n| {
            n.as_ref()
                .filter(|(_, at)| *at == path)
                .map(|(message, _)| message.clone())
        })
    };
    view! {
        {move || shown().map(|message| view! {
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title" tabindex="-1">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="notice-title">"Success"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{message}</p>
                </div>
            </div>
        })}
    }
}

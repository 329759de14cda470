//! The first use of a device asks who is using Redress and for which organisation, in a banner
//! on My work (where a new device starts) until it is answered: every change is then recorded
//! with a name, and letters are signed.

use crate::components::form::TextInput;
use crate::lens;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use redress_core::first_use::{WhoDraft, asks};
use redress_core::problem::Problems;

// Kept with the code that reads storage: it asks only once the settings have been read.
crate::lazy::lazy_page!(pub lazy_first_use, open, FirstUse);

#[component]
pub fn FirstUse() -> impl IntoView {
    let state = expect_context::<AppState>();
    let location = use_location();
    let shown = move || !state.opening.get() && state.settings.with(asks) && location.pathname.get() == "/";
    let draft = RwSignal::new(WhoDraft::default());
    let problems = RwSignal::new(Problems::new());
    let message = move |field: &'static str| {
        Signal::derive(move || problems.with(|all| all.iter().find(|p| p.field == field).map(|p| p.message.clone())))
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = state.settings.get_untracked();
        match draft.get_untracked().apply(&current) {
            Ok(settings) => {
                problems.set(Problems::new());
                let _ = state.save_settings(settings);
            }
            Err(found) => problems.set(found),
        }
    };
    view! {
        <Show when=shown>
            <div class="govuk-notification-banner" role="region" aria-labelledby="first-use-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="first-use-title">"Before you start"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">"Who is using Redress on this device?"</p>
                    <p class="govuk-body">"Every change is recorded with your name, and letters are signed with your name and organisation. You can change them in Settings."</p>
                    <form novalidate on:submit=save>
                        <TextInput id="first-user-name" label="Your name" value=lens!(draft, user_name) error=message("first-user-name") autocomplete="name" class="govuk-input govuk-!-width-two-thirds" />
                        <TextInput id="first-organisation-name" label="Organisation name" value=lens!(draft, organisation_name) error=message("first-organisation-name") autocomplete="organization" class="govuk-input govuk-!-width-two-thirds" />
                        <button type="submit" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">"Save your details"</button>
                    </form>
                </div>
            </div>
        </Show>
    }
}

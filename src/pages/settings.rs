//! Settings: the organisation's name, shown in the header and used on letters and reports.

use crate::components::error_summary::{ErrorSummary, SummaryLine};
use crate::components::form::TextInput;
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(state.settings.get_untracked().organisation_name);
    let error = RwSignal::new(None::<String>);
    let attempt = RwSignal::new(0u32);
    let saved = RwSignal::new(false);
    page_title(|| "Settings".into(), move || error.get().is_some());

    let lines = Signal::derive(move || {
        error
            .get()
            .map(|message| {
                vec![SummaryLine {
                    anchor: "organisation-name".into(),
                    message,
                }]
            })
            .unwrap_or_default()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match state
            .settings
            .get_untracked()
            .with_organisation_name(&name.get_untracked())
        {
            Ok(settings) => {
                error.set(None);
                name.set(settings.organisation_name.clone());
                // A failed write is reported by the storage banner; the setting is kept in memory.
                saved.set(state.save_settings(settings).is_ok());
            }
            Err(message) => {
                error.set(Some(message));
                attempt.update(|n| *n += 1);
            }
        }
    };
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary lines attempt />
                <Show when=move || saved.get()>
                    <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="settings-saved-title">
                        <div class="govuk-notification-banner__header">
                            <h2 class="govuk-notification-banner__title" id="settings-saved-title">"Success"</h2>
                        </div>
                        <div class="govuk-notification-banner__content">
                            <p class="govuk-notification-banner__heading">"Settings saved"</p>
                        </div>
                    </div>
                </Show>
                <h1 class="govuk-heading-l">"Settings"</h1>
                <form novalidate on:submit=on_submit>
                    <TextInput
                        id="organisation-name"
                        label="Organisation name"
                        hint="Shown at the top of every page and on letters and reports."
                        value=name
                        error=error
                        autocomplete="organization"
                    />
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Save settings"</button>
                </form>
            </div>
        </div>
    }
    .into_any()
}

//! Tells the person, on every page, when something could not be saved or stored data had to
//! be set aside: nothing is lost silently. It comes with the piece of the app that reads
//! storage ([`crate::state`]'s `open`).

use crate::components::notice::Notices;
use crate::state::{AppState, Conflict};
use leptos::prelude::*;

// Kept with the code that reads storage: there is nothing to tell until it has run.
crate::lazy::lazy_page!(pub lazy_storage_banner, open, StorageBanner);

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let unsaved_count = move || {
        state.unsaved_records.with(Vec::len)
            + state.unsaved_assessments.with(Vec::len)
            + usize::from(state.unsaved_settings.get())
    };
    let retry = move |_| {
        state.retry();
    };
    // Removing the samples asks first: the button shows a question and a second button.
    let asking = RwSignal::new(false);
    let location = leptos_router::hooks::use_location();
    let remove_samples = move |_| {
        let removed =
            redress_core::sample::removed(state.records.with_untracked(|r| r.iter().filter(|r| r.sample).count()));
        let saving = state.remove_sample_data();
        Notices::get().after_save(saving, location.pathname.get_untracked(), removed);
        asking.set(false);
    };
    let sample_count = move || {
        state
            .records
            .with(|records| records.iter().filter(|r| r.sample).count())
    };
    // Where each document changed in two tabs can be settled: its own page shows the choice.
    let conflicts = move || {
        state.conflicts.with(|all| {
            all.iter()
                .map(|c| match c {
                    Conflict::Record { mine, .. } => (mine.reference.clone(), format!("/records/{}", mine.id)),
                    Conflict::Assessment { mine, .. } => (mine.name(), format!("/assessments/{}", mine.id)),
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !state.conflicts.with(Vec::is_empty)>
            <div class="govuk-notification-banner" role="region" aria-labelledby="conflicts-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="conflicts-title">"Changed in two tabs"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">"Choose which version to keep of:"</p>
                    <ul class="govuk-list">
                        {move || conflicts().into_iter().map(|(name, href)| view! {
                            <li><a class="govuk-notification-banner__link" href=href>{name}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </Show>
        <Show when=move || state.records.with(|records| records.iter().any(|r| r.sample))>
            <div class="govuk-notification-banner" role="region" aria-labelledby="sample-data-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="sample-data-title">"Sample data"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">"You are exploring with made-up sample records."</p>
                    <Show when=move || asking.get() fallback=move || view! {
                        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| asking.set(true)>
                            "Remove all sample records"
                        </button>
                    }>
                        <p class="govuk-body">{move || redress_core::sample::removal_question(sample_count())}</p>
                        <div class="govuk-button-group govuk-!-margin-bottom-0">
                            <button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" on:click=remove_samples>
                                "Yes, remove them"
                            </button>
                            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| asking.set(false)>
                                "Cancel"
                            </button>
                        </div>
                    </Show>
                </div>
            </div>
        </Show>
        {move || state.save_error.get().filter(|_| unsaved_count() > 0).map(|error| {
            let count = unsaved_count();
            let what = if count == 1 { "1 change has".to_string() } else { format!("{count} changes have") };
            view! {
                <div class="govuk-notification-banner" role="alert" aria-labelledby="save-problem-title">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="save-problem-title">"Not saved"</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">
                            {format!("{what} not been saved on this device: {error}.")}
                        </p>
                        <p class="govuk-body">
                            "Redress is holding them in this tab. Do not close or reload it. "
                            "Free some space or allow this site to store data, then try again."
                        </p>
                        <button type="button" class="govuk-button govuk-!-margin-bottom-0" on:click=retry>
                            "Try saving again"
                        </button>
                    </div>
                </div>
            }
        })}
        <Show when=move || !state.problems.with(Vec::is_empty)>
            <div class="govuk-notification-banner" role="region" aria-labelledby="stored-problem-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="stored-problem-title">"Important"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">"Some stored data could not be read"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        {move || state.problems.get().into_iter().map(|problem| view! { <li>{problem.0}</li> }).collect_view()}
                    </ul>
                    <p class="govuk-body">"Nothing has been deleted."</p>
                </div>
            </div>
        </Show>
    }
}

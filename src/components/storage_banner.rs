//! Tells the person, on every page, when something could not be saved or stored data had to
//! be set aside: nothing is lost silently.

use crate::state::{AppState, Conflict};
use leptos::prelude::*;

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
    let remove_samples = move |_| {
        let _ = state.remove_sample_data();
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
                    <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=remove_samples>
                        "Remove all sample records"
                    </button>
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

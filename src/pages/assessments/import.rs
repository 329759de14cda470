//! Bringing one assessment in from a file: the file is checked whole first and nothing changes
//! unless all of it is right. An assessment already on this device is replaced only when the
//! person says so; they can keep both instead.

use crate::components::form::ErrorMessage;
use crate::files::{Refused, chosen_bytes};
use crate::state::AppState;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use redress_core::assessment::Assessment;
use redress_core::exchange::file::{MAX_FILE_BYTES, read_bytes, size_problem};

#[derive(Clone)]
enum Outcome {
    Problems(Vec<String>),
    Imported(String, String),
    AlreadyHere(String),
    /// The file's version and when the one here was last changed.
    Clash(Box<Assessment>, String),
}

/// What a file means for this device: refused, already here, in clash with the one here, or new
/// (and then saved).
/// What the file holds and what importing it means; a new assessment is saved, and the save
/// comes back with it to be waited for.
fn outcome_of(bytes: &[u8], state: AppState) -> (Outcome, Option<crate::state::Saving>) {
    let file = match read_bytes(bytes) {
        Err(problems) => {
            return (
                Outcome::Problems(
                    problems
                        .into_iter()
                        .map(|p| format!("{}: {}", p.field, p.message))
                        .collect(),
                ),
                None,
            );
        }
        Ok(file) => file,
    };
    let ([assessment], 0) = (file.assessments.as_slice(), file.records.len()) else {
        return (
            Outcome::Problems(vec![format!(
                "This file holds {} and {}. Import it on the Export and import page.",
                redress_core::format::plural(file.assessments.len(), "self-assessment", "self-assessments"),
                redress_core::format::plural(file.records.len(), "record", "records")
            )]),
            None,
        );
    };
    match state.assessment(&assessment.id) {
        Some(here) if here == *assessment => (Outcome::AlreadyHere(assessment.name()), None),
        Some(here) => (
            Outcome::Clash(
                Box::new(assessment.clone()),
                redress_core::format::uk_time(here.updated),
            ),
            None,
        ),
        None => {
            let saving = state.save_assessment(assessment.clone());
            (
                Outcome::Imported(assessment.id.clone(), assessment.name()),
                Some(saving),
            )
        }
    }
}

#[component]
pub fn ImportAssessment() -> impl IntoView {
    let state = expect_context::<AppState>();
    let input = NodeRef::<html::Input>::new();
    let outcome = RwSignal::new(None::<Outcome>);
    let on_import = move |_| {
        let Some(element) = input.get_untracked() else { return };
        spawn_local(async move {
            let result = match chosen_bytes(&element, MAX_FILE_BYTES).await {
                Err(Refused::TooBig(size)) => Outcome::Problems(
                    size_problem(size)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|p| p.message)
                        .collect(),
                ),
                Err(Refused::Problem(problem)) => Outcome::Problems(vec![problem]),
                Ok(bytes) => match outcome_of(&bytes, state) {
                    // "Imported" once it is stored; a save that fails says so in the storage banner.
                    (imported, Some(saving)) => match saving.outcome().await {
                        Ok(()) => imported,
                        Err(_) => return,
                    },
                    (result, None) => result,
                },
            };
            let _ = outcome.try_set(Some(result));
        });
    };
    let settle = move |keep_both: bool| {
        let Some(Outcome::Clash(assessment, _)) = outcome.get_untracked() else {
            return;
        };
        let mut assessment = *assessment;
        if keep_both {
            assessment.id = uuid::Uuid::new_v4().to_string();
        }
        let saving = state.save_assessment(assessment.clone());
        let imported = Outcome::Imported(assessment.id.clone(), assessment.name());
        // "Imported" once it is stored; a save that fails says so in the storage banner.
        leptos::task::spawn_local(async move {
            if saving.outcome().await.is_ok() {
                let _ = outcome.try_set(Some(imported));
            }
        });
    };
    let problems = move || match outcome.get() {
        Some(Outcome::Problems(problems)) => Some(problems),
        _ => None,
    };
    view! {
        <h2 class="govuk-heading-m">"Import an assessment"</h2>
        <p class="govuk-body">"From a file exported by Redress on this or another device. The whole file is checked before anything changes."</p>
        <div class="govuk-form-group" class:govuk-form-group--error=move || problems().is_some()>
            <label class="govuk-label" for="assessment-file">"Assessment file"</label>
            {move || problems().map(|problems| view! {
                <ErrorMessage id="assessment-file".to_string() message=format!("This file was not imported: {}", problems.join(" "))/>
            })}
            <input class="govuk-file-upload" id="assessment-file" name="assessment-file" type="file" accept=".json,application/json" node_ref=input
                aria-describedby=move || problems().map(|_| "assessment-file-error") />
        </div>
        {move || match outcome.get() {
            Some(Outcome::Imported(id, name)) => view! {
                <div class="govuk-inset-text" role="status">
                    "Imported " <a class="govuk-link" href=format!("/assessments/{id}")>{name}</a> "."
                </div>
            }.into_any(),
            Some(Outcome::AlreadyHere(name)) => view! {
                <div class="govuk-inset-text" role="status">{format!("{name} is already on this device, exactly as in the file. Nothing changed.")}</div>
            }.into_any(),
            Some(Outcome::Clash(assessment, here)) => view! {
                <div class="govuk-warning-text" role="status">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        {format!("{} is already on this device, with different answers (last changed here {here}; in the file {}).", assessment.name(), redress_core::format::uk_time(assessment.updated))}
                    </strong>
                </div>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| settle(false)>"Replace the one on this device"</button>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| settle(true)>"Keep both"</button>
                </div>
            }.into_any(),
            _ => ().into_any(),
        }}
        <button type="button" class="govuk-button govuk-button--secondary" on:click=on_import>"Import"</button>
    }
}

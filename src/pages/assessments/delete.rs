//! Deleting a self-assessment: its own page, confirmed, with the offer to export it first.

use super::shared::{not_found, route_assessment};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn DeleteAssessmentPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let Some(assessment) = route_assessment() else {
        return not_found();
    };
    page_title(|| "Delete a self-assessment".into(), || false);
    let id = assessment.id.clone();
    let back = format!("/assessments/{id}");
    let confirm = move |_| {
        state.delete_assessment(&id);
        navigate("/assessments", Default::default());
    };
    view! {
        <a href=back.clone() class="govuk-back-link">"Back to the assessment"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <span class="govuk-caption-l">{assessment.name()}</span>
                <h1 class="govuk-heading-l">"Are you sure you want to delete this self-assessment?"</h1>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        "It is removed from this device and cannot be brought back unless you have exported it."
                    </strong>
                </div>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--warning" data-module="govuk-button" on:click=confirm>
                        "Yes, delete this self-assessment"
                    </button>
                    <a class="govuk-link" href=back>"No, keep it"</a>
                </div>
            </div>
        </div>
    }
    .into_any()
}

//! Deleting a self-assessment: its own page, confirmed, with the offer to export it first.

use super::shared::{not_found, route_assessment};
use crate::components::confirm_delete::ConfirmDelete;
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
    let confirm = move || {
        state.delete_assessment(&id);
        navigate("/assessments", Default::default());
    };
    view! {
        <a href=back.clone() class="govuk-back-link">"Back to the assessment"</a>
        <ConfirmDelete
            caption=assessment.name()
            question="Are you sure you want to delete this self-assessment?"
            warning="It is removed from this device and cannot be brought back unless you have exported it."
            confirm="Yes, delete this self-assessment"
            back
            on_confirm=confirm
        />
    }
    .into_any()
}

//! Escalate a concern to a complaint: choose the procedure and the date it became a complaint;
//! the complaint carries the concern's details over and each links to the other.

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{FormErrors, ProblemSummary};
use crate::components::form::{Choice, Radios};
use crate::components::title::page_title;
use crate::state::AppState;
use crate::{date_lens, lens};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::problem::Problems;
use redress_core::record::{ESCALATED_PROCEDURE, ESCALATED_RECEIVED, EscalateDraft, RecordKind};

#[component]
pub fn EscalatePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let id = crate::routes::id_now();
    let concern = state.record(&id).filter(|r| r.kind == RecordKind::Concern);
    page_title(|| "Escalate to a complaint".into(), || false);
    let Some(concern) = concern else {
        return view! {
            <h1 class="govuk-heading-l">"Concern not found"</h1>
            <p class="govuk-body"><a class="govuk-link" href="/records">"Go to the list of records"</a></p>
        }
        .into_any();
    };
    // The form as typed, one draft; the core checks it and makes both records.
    let draft = RwSignal::new(EscalateDraft::new(clock::today()));
    let problems = RwSignal::new(Problems::new());
    let errors = FormErrors(problems);
    let procedures = state.settings.with_untracked(|s| s.procedures());
    let choices = procedures
        .iter()
        .map(|p| Choice::new(p.id.clone(), p.name.clone()).with_hint(p.applies_to.clone()))
        .collect();
    let reference = concern.reference.clone();
    let back = format!("/records/{}", concern.id);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new_id = uuid::Uuid::new_v4().to_string();
        let result = draft.with_untracked(|typed| {
            state.records.with_untracked(|existing| {
                typed.apply(
                    &concern,
                    new_id.clone(),
                    existing,
                    &procedures,
                    clock::today(),
                    &state.change(),
                )
            })
        });
        match result {
            Ok((concern, complaint)) => {
                let _ = state.update_record(concern);
                let _ = state.add_record(complaint);
                navigate(&format!("/records/{new_id}"), Default::default());
            }
            Err(found) => problems.set(found),
        }
    };
    view! {
        <a href=back class="govuk-back-link">"Back to the concern"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ProblemSummary problems />
                <span class="govuk-caption-l">{reference}</span>
                <h1 class="govuk-heading-l">"Escalate to a complaint"</h1>
                <p class="govuk-body">"A new complaint is made with this concern’s details. Each will link to the other, and the concern’s outcome becomes “escalated to a complaint”."</p>
                <form novalidate on:submit=on_submit>
                    <Radios
                        id=ESCALATED_PROCEDURE
                        legend="Which procedure is the complaint handled under?"
                        choices
                        value=lens!(draft, procedure)
                        error=errors.message(ESCALATED_PROCEDURE)
                    />
                    <DateInput id=ESCALATED_RECEIVED legend="Date it became a complaint" hint="The deadlines count from this day." fields=date_lens!(draft, received) error=errors.date(ESCALATED_RECEIVED) />
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Make the complaint"</button>
                </form>
            </div>
        </div>
    }
    .into_any()
}

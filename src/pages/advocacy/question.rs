//! The drafting questions, one to a page in plain words, as GOV.UK's "one thing per page"
//! pattern: each answer is saved on Continue, and the last leads to the letter.

use super::{not_found, route_case};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::advocacy::{QUESTIONS, set_answer};

/// The page follows the address: Continue moves to the next question within the same page.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params::<crate::routes::QuestionParams>();
    move || {
        let (id, number) = params.with(|p| {
            p.as_ref()
                .map(|p| (p.id.clone().unwrap_or_default(), p.n.unwrap_or(0)))
                .unwrap_or_default()
        });
        question(id, number)
    }
}

fn question(id: String, number: usize) -> AnyView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let (Some(record), Some(&(code, question, hint))) =
        (route_case(&id), number.checked_sub(1).and_then(|i| QUESTIONS.get(i)))
    else {
        return not_found();
    };
    page_title(move || question.to_string(), || false);
    let answer = RwSignal::new(
        record
            .outgoing
            .as_ref()
            .map(|o| o.answers.get(code).to_string())
            .unwrap_or_default(),
    );
    let back = if number == 1 {
        format!("/cases/{id}")
    } else {
        format!("/cases/{id}/questions/{}", number - 1)
    };
    let next = if number == QUESTIONS.len() {
        format!("/cases/{id}/letter/complaint")
    } else {
        format!("/cases/{id}/questions/{}", number + 1)
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(current) = state.record(&id) {
            let _ = state.update_record(set_answer(&current, code, &answer.get_untracked(), &state.change()));
        }
        navigate(&next, Default::default());
    };
    view! {
        <a href=back class="govuk-back-link">"Back"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <form on:submit=on_submit novalidate>
                    <div class="govuk-form-group">
                        <span class="govuk-caption-l">{format!("Question {number} of {}", QUESTIONS.len())}</span>
                        <h1 class="govuk-label-wrapper">
                            <label class="govuk-label govuk-label--l" for="answer">{question}</label>
                        </h1>
                        <div class="govuk-hint" id="answer-hint">{hint}</div>
                        <textarea class="govuk-textarea" id="answer" name="answer" rows="6" aria-describedby="answer-hint"
                            prop:value=move || answer.get() on:input=move |ev| answer.set(event_target_value(&ev))></textarea>
                    </div>
                    <button type="submit" class="govuk-button">"Continue"</button>
                </form>
                <p class="govuk-body">"You can leave a question empty and come back to it."</p>
            </div>
        </div>
    }
    .into_any()
}

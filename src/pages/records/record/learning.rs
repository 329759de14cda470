//! What was learnt from a record ("you said, we did", marked for publication) and the person's
//! feedback on how it was handled (NCMG 5.3, 5.5).

use super::casework::save;
use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::draft::checkbox;
use crate::components::error_summary::{FormErrors, ProblemSummary};
use crate::components::form::{Choice, Radios, TextArea};
use crate::components::kept::KeptDetails;
use crate::components::tag::{Colour, Tag};
use crate::state::AppState;
use crate::{date_lens, flag, lens};
use leptos::prelude::*;
use redress_core::format::short_date;
use redress_core::record::Record;
use redress_core::record::casework::SATISFACTION;
use redress_core::record::casework_edit::{FeedbackDraft, LearningDraft, Problems};

#[component]
pub fn LearningSection(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The form as typed: one draft, kept while the page is drawn again.
    let draft = crate::kept!(LearningDraft::default());
    let problems = crate::kept!(Problems::new());
    let errors = FormErrors(problems);
    let learning = record.learning.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = draft.with_untracked(|typed| typed.apply(&record, &state.change()));
        let clear = move || {
            let _ = draft.try_set(LearningDraft::default());
        };
        save(state, flash, problems, "Learning added.", result, clear);
    };
    view! {
        <h2 class="govuk-heading-m">"Learning"</h2>
        <ProblemSummary problems />
        {if learning.is_empty() {
            view! { <p class="govuk-body">"No learning recorded yet."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list govuk-list--bullet">
                    {learning.into_iter().map(|l| view! {
                        <li>{l.statement}{l.publish.then(|| view! { " " <Tag colour=Colour::Blue text="For publication" /> })}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <KeptDetails key=concat!(file!(), ":learning") summary="Add a learning statement">
            <form novalidate on:submit=add>
                <TextArea id="learning-statement" label="What changed because of this" hint="A short “you said, we did” statement." value=lens!(draft, statement) error=errors.message("learning-statement") />
                <div class="govuk-form-group">
                    <div class="govuk-checkboxes">
                        {checkbox("learning-publish", "Publish it in the annual report", flag!(draft, publish))}
                    </div>
                </div>
                <button type="submit" class="govuk-button govuk-button--secondary">"Add learning"</button>
            </form>
        </KeptDetails>
    }
}

#[component]
pub fn FeedbackSection(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The form as typed: one draft, kept while the page is drawn again.
    let draft = crate::kept!(FeedbackDraft::default());
    let problems = crate::kept!(Problems::new());
    let errors = FormErrors(problems);
    let current = record.feedback.clone();
    let save_feedback = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = draft.with_untracked(|typed| typed.apply(&record, clock::today(), &state.change()));
        let clear = move || {
            let _ = draft.try_set(FeedbackDraft::default());
        };
        save(state, flash, problems, "Feedback saved.", result, clear);
    };
    view! {
        <h2 class="govuk-heading-m">"Feedback on how we handled it"</h2>
        <ProblemSummary problems />
        {match current {
            None => view! { <p class="govuk-body">"No feedback yet."</p> }.into_any(),
            Some(f) => view! {
                <p class="govuk-body">{format!("{}: satisfied with the handling? {}. {}", short_date(f.date), f.satisfied, f.comments)}</p>
            }.into_any(),
        }}
        <KeptDetails key=concat!(file!(), ":feedback") summary="Record their feedback">
            <form novalidate on:submit=save_feedback>
                <DateInput id="feedback-date" legend="Date of the feedback" hint="For example, 20 2 2026" fields=date_lens!(draft, date) error=errors.date("feedback-date") />
                <Radios id="feedback-satisfied" legend="Were they satisfied with how it was handled?" choices=SATISFACTION.iter().copied().map(Choice::words).collect() value=lens!(draft, satisfied) error=errors.message("feedback-satisfied") />
                <TextArea id="feedback-comments" label="What they said (optional)" value=lens!(draft, comments) error=errors.message("feedback-comments") />
                <button type="submit" class="govuk-button govuk-button--secondary">"Save feedback"</button>
            </form>
        </KeptDetails>
    }
}

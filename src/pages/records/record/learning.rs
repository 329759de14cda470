//! What was learnt from a record ("you said, we did", marked for publication) and the person's
//! feedback on how it was handled (NCMG 5.3, 5.5).

use super::casework::{date_problem, problem, save};
use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::ProblemSummary;
use crate::components::form::{Choice, Radios, TextArea};
use crate::components::tag::{Colour, Tag};
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::format::short_date;
use redress_core::record::Record;
use redress_core::record::casework::SATISFACTION;
use redress_core::record::casework_edit::{Problems, add_learning, set_feedback};

#[component]
pub fn LearningSection(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (statement, publish, problems) = (
        crate::kept!(String::new()),
        crate::kept!(false),
        crate::kept!(Problems::new()),
    );
    let learning = record.learning.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = add_learning(
            &record,
            &statement.get_untracked(),
            publish.get_untracked(),
            &state.change(),
        );
        save(state, flash, problems, "Learning added.", result);
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
        <details class="govuk-details" prop:open=crate::components::kept::kept_open(concat!(file!(), ":details:", 1)) on:toggle=crate::components::kept::remember_open(concat!(file!(), ":details:", 1))>
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"Add a learning statement"</span></summary>
            <form novalidate on:submit=add class="govuk-details__text">
                <TextArea id="learning-statement" label="What changed because of this" hint="A short “you said, we did” statement." value=statement error=problem(problems, "learning-statement") />
                <div class="govuk-form-group">
                    <div class="govuk-checkboxes">
                        <div class="govuk-checkboxes__item">
                            <input class="govuk-checkboxes__input" id="learning-publish" type="checkbox"
                                prop:checked=move || publish.get() on:change=move |ev| publish.set(event_target_checked(&ev)) />
                            <label class="govuk-label govuk-checkboxes__label" for="learning-publish">"Publish it in the annual report"</label>
                        </div>
                    </div>
                </div>
                <button type="submit" class="govuk-button govuk-button--secondary">"Add learning"</button>
            </form>
        </details>
    }
}

#[component]
pub fn FeedbackSection(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (date, satisfied, comments, problems) = (
        crate::kept_date!(),
        crate::kept!(String::new()),
        crate::kept!(String::new()),
        crate::kept!(Problems::new()),
    );
    let current = record.feedback.clone();
    let save_feedback = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = set_feedback(
            &record,
            &date.typed(),
            &satisfied.get_untracked(),
            &comments.get_untracked(),
            clock::today(),
            &state.change(),
        );
        save(state, flash, problems, "Feedback saved.", result);
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
        <details class="govuk-details" prop:open=crate::components::kept::kept_open(concat!(file!(), ":details:", 2)) on:toggle=crate::components::kept::remember_open(concat!(file!(), ":details:", 2))>
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"Record their feedback"</span></summary>
            <form novalidate on:submit=save_feedback class="govuk-details__text">
                <DateInput id="feedback-date" legend="Date of the feedback" hint="For example, 20 2 2026" fields=date error=date_problem(problems, "feedback-date") />
                <Radios id="feedback-satisfied" legend="Were they satisfied with how it was handled?" choices=SATISFACTION.iter().copied().map(Choice::words).collect() value=satisfied error=problem(problems, "feedback-satisfied") />
                <TextArea id="feedback-comments" label="What they said (optional)" value=comments error=problem(problems, "feedback-comments") />
                <button type="submit" class="govuk-button govuk-button--secondary">"Save feedback"</button>
            </form>
        </details>
    }
}

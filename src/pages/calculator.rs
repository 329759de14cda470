//! The deadline calculator, for anyone (an advocate checking what an organisation owes): choose
//! a procedure, a stage and the day received, and see every date with its explanation. The
//! question lives in the link, so a calculation can be bookmarked or sent; the form is one draft
//! (`CalculatorDraft`) that makes the link.

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::deadlines::{DeadlineList, counting_note};
use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::{Choice, Radios};
use crate::components::title::page_title;
use crate::state::AppState;
use crate::{date_lens, lens};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use redress_core::deadline::{CalculatorDraft, CalculatorQuestion};
use redress_core::format::long_date;
use redress_core::procedure::Procedure;

/// The dates answering a question, with the link that asks it again.
fn answer(question: CalculatorQuestion, state: AppState) -> impl IntoView {
    let settings = state.settings.get();
    let deadlines = question.answer(&settings.rules(clock::today()));
    let stage_name = question.procedure.stages[question.stage].title();
    let note = counting_note(settings.nation.holidays_name(), false);
    view! {
        <section aria-labelledby="dates">
        <h2 class="govuk-heading-m" id="dates">"The dates"</h2>
        <p class="govuk-body">
            {format!("{}, {}, for something received on {}.", question.procedure.name, stage_name, long_date(question.start))}
        </p>
        <p class="govuk-body">{note} " " <a class="govuk-link" href="/settings">"Change the nation in Settings"</a> "."</p>
        <DeadlineList deadlines />
        <p class="govuk-body">
            "Link to this calculation: "
            <a class="govuk-link" href=question.link()>{question.link()}</a>
        </p>
        </section>
    }
}

/// The form's three questions, each box a lens onto the draft.
fn questions(draft: RwSignal<CalculatorDraft>, procedures: Memo<Vec<Procedure>>, errors: FormErrors) -> impl IntoView {
    let procedure_choices = move || {
        procedures
            .get()
            .into_iter()
            .map(|p| Choice::new(p.id, p.name).with_hint(p.applies_to))
            .collect::<Vec<_>>()
    };
    let stage_choices = Memo::new(move |_| procedures.with(|all| draft.with(|d| d.stages(all))));
    view! {
        {move || view! {
            <Radios id="procedure" legend="Which procedure?" choices=procedure_choices() value=lens!(draft, procedure) error=errors.message("procedure") />
        }}
        {move || {
            let choices: Vec<Choice> = stage_choices.get().into_iter().map(|(n, title)| Choice::new(n, title)).collect();
            (choices.len() > 1).then(|| view! {
                <Radios id="stage" legend="Which stage?" choices value=lens!(draft, stage) error=errors.message("stage") />
            })
        }}
        <DateInput
            id="start"
            legend="Date received"
            hint="The day the complaint, or the request for this stage, arrived. For example, 19 12 2025"
            fields=date_lens!(draft, start)
            error=errors.date("start")
        />
    }
}

#[component]
pub fn CalculatorPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = use_query_map();
    let navigate = use_navigate();
    let procedures = Memo::new(move |_| state.settings.with(|s| s.procedures()));
    let question = Memo::new(move |_| {
        query.with(|q| {
            CalculatorQuestion::from_link(
                q.get("procedure").as_deref(),
                q.get("stage").as_deref(),
                q.get("start").as_deref(),
                &procedures.get(),
            )
        })
    });
    // The form starts from the link, so a bookmarked calculation shows what was asked.
    let draft = RwSignal::new(query.with_untracked(|q| {
        CalculatorDraft::from_link(
            q.get("procedure").as_deref(),
            q.get("stage").as_deref(),
            q.get("start").as_deref(),
        )
    }));
    // What is wrong with the link, and then with the date as typed once the form is sent.
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    Effect::new(move |_| {
        let found = question.get().and_then(Result::err).unwrap_or_default();
        // A link with problems is a form sent back: its summary takes the focus.
        if !found.is_empty() {
            attempt.update(|n| *n += 1);
        }
        errors.0.set(found);
    });
    page_title(|| "Deadline calculator".into(), move || !errors.is_empty());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let link = draft.with_untracked(|typed| procedures.with_untracked(|all| typed.link(all)));
        // The date typed replaces whatever the link said about its date.
        errors.0.update(|all| all.retain(|p| p.field != "start"));
        match link {
            Ok(link) => navigate(&link, Default::default()),
            Err(found) => {
                errors.0.update(|all| all.extend(found));
                attempt.update(|n| *n += 1);
            }
        }
    };
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary lines=errors.lines() attempt />
                <h1 class="govuk-heading-l">"Deadline calculator"</h1>
                <p class="govuk-body">"Work out what an organisation owes and by when, under the procedure it follows. Nothing is saved."</p>
                <form novalidate on:submit=on_submit>
                    {questions(draft, procedures, errors)}
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Work out the dates"</button>
                </form>
            </div>
        </div>
        {move || question.get().and_then(Result::ok).map(|question| answer(question, state))}
    }
    .into_any()
}

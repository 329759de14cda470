//! Starting a self-assessment: what against, for whom, for what period; blank or as a copy of
//! the last one against the same framework.

use crate::components::draft::Text;
use crate::components::error_summary::{ErrorSummary, problem_lines};
use crate::components::form::{Choice, Radios, TextInput};
use crate::components::title::page_title;
use crate::lens;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::assessment::review::latest_of;
use redress_core::assessment::{FrameworkId, StartDraft};

fn framework_choices() -> Vec<Choice> {
    let hint = |id: FrameworkId| match id {
        FrameworkId::Ncmg2016 => {
            "Five principles and 41 areas, each scored 0 to 3, with an action plan for each principle."
        }
        FrameworkId::Code2024 => "The ten rows of the Code’s Appendix A: do we follow the Code — yes, partly or no.",
        FrameworkId::Code2024Detailed => "Every numbered provision of the Code (73), each answered yes, partly or no.",
    };
    FrameworkId::ALL
        .into_iter()
        .map(|id| Choice::new(id.code(), id.framework().title).with_hint(hint(id)))
        .collect()
}

#[component]
pub fn NewAssessmentPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    // The form as typed, one draft: the organisation's name to start with, and a copy of the
    // last assessment when there is one.
    let draft = RwSignal::new(StartDraft {
        organisation: state.settings.with_untracked(|s| s.organisation_name.clone()),
        copy_last: true,
        ..StartDraft::default()
    });
    // "How do you want to start?" answers the draft's yes-or-no: a copy, or blank.
    let start_from = Text::new(
        Signal::derive(move || if draft.with(|d| d.copy_last) { "copy" } else { "blank" }.to_string()),
        Callback::new(move |choice: String| draft.update(|d| d.copy_last = choice == "copy")),
    );
    let problems = RwSignal::new(Vec::<redress_core::problem::Problem>::new());
    let attempt = RwSignal::new(0u32);
    page_title(
        || "Start a self-assessment".into(),
        move || !problems.with(Vec::is_empty),
    );
    let message = move |field: &'static str| {
        Signal::derive(move || problems.with(|all| all.iter().find(|p| p.field == field).map(|p| p.message.clone())))
    };
    let lines = Signal::derive(move || problems.with(|all| problem_lines(all)));
    let last = move || {
        let chosen = draft.with(|d| FrameworkId::from_code(&d.framework))?;
        state.assessments.with(|all| latest_of(all, chosen).map(|a| a.name()))
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = uuid::Uuid::new_v4().to_string();
        let started = draft.with_untracked(|typed| {
            state
                .assessments
                .with_untracked(|all| typed.start(&id, all, &state.change()))
        });
        match started {
            Ok(assessment) => {
                problems.set(Vec::new());
                let _ = state.save_assessment(assessment);
                navigate(&format!("/assessments/{id}"), Default::default());
            }
            Err(found) => {
                problems.set(found);
                attempt.update(|n| *n += 1);
            }
        }
    };
    view! {
        <a href="/assessments" class="govuk-back-link">"Back to self-assessments"</a>
        <ErrorSummary lines attempt />
        <h1 class="govuk-heading-l">"Start a self-assessment"</h1>
        <form on:submit=on_submit novalidate>
            <Radios id="framework" legend="What do you want to assess against?" choices=framework_choices() value=lens!(draft, framework) error=message("framework") />
            <TextInput id="organisation" label="Organisation" value=lens!(draft, organisation) error=message("organisation") autocomplete="organization" />
            <TextInput id="period" label="Period the assessment covers" hint="For example, April 2025 to March 2026" value=lens!(draft, period) error=message("period") />
            {move || last().map(|name| view! {
                <Radios
                    id="start-from"
                    legend="How do you want to start?"
                    choices=vec![
                        Choice::new("copy", format!("As a copy of the last one: {name}"))
                            .with_hint("Every answer, open action and conclusion is carried over for you to check; the dates are not."),
                        Choice::new("blank", "Blank"),
                    ]
                    value=start_from
                    error=Signal::derive(|| None::<String>)
                />
            })}
            <button type="submit" class="govuk-button">"Start"</button>
        </form>
    }
    .into_any()
}

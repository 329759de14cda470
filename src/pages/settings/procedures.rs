//! The organisation's own procedures: a list on the Settings page, and a page to define one,
//! stage by stage ("add another"), checked by the core before it is kept.

use crate::components::error_summary::{ErrorSummary, problem_lines};
use crate::components::form::{Choice, Radios, TextInput};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::procedure::{CustomProcedureDraft, CustomStageDraft, current_custom};

/// The list on the Settings page.
#[component]
pub fn CustomProcedures() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A procedure records still name is retired (kept, not offered), never deleted: the core
    // decides which, from every record on the device.
    let remove = move |id: String| {
        let settings = state.records.with_untracked(|records| {
            state
                .settings
                .with_untracked(|s| s.remove_custom_procedure(&id, records))
        });
        let _ = state.save_settings(settings);
    };
    view! {
        <h2 class="govuk-heading-m" id="your-procedures">"Your own procedures"</h2>
        <p class="govuk-body">"For complaints handled under a procedure of your own, such as a care provider’s. Records made under one keep to it as it was: removing it here only stops it being offered for new records."</p>
        <Show
            when=move || !state.settings.with(|s| current_custom(&s.custom_procedures).is_empty())
            fallback=|| view! { <p class="govuk-body">"You have not defined any procedures."</p> }
        >
            <dl class="govuk-summary-list">
                <For each=move || state.settings.with(|s| current_custom(&s.custom_procedures)) key=|p| (p.id.clone(), p.version) let:procedure>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{procedure.name.clone()}</dt>
                        <dd class="govuk-summary-list__value">
                            {procedure.stages.iter().map(|s| s.name.clone()).collect::<Vec<_>>().join(", ")}
                        </dd>
                        <dd class="govuk-summary-list__actions">
                            <button
                                type="button"
                                class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                                on:click={
                                    let id = procedure.id.clone();
                                    move |_| remove(id.clone())
                                }
                            >
                                "Remove" <span class="govuk-visually-hidden">{format!(" {}", procedure.name)}</span>
                            </button>
                        </dd>
                    </div>
                </For>
            </dl>
        </Show>
        <a href="/settings/procedures/new" role="button" draggable="false" class="govuk-button govuk-button--secondary">"Add a procedure"</a>
    }
}

/// What one stage's boxes hold.
#[derive(Clone, Copy)]
struct StageFields {
    name: RwSignal<String>,
    acknowledge: RwSignal<String>,
    respond: RwSignal<String>,
    from: RwSignal<String>,
    extension: RwSignal<String>,
    window: RwSignal<String>,
}

impl StageFields {
    fn new(n: usize) -> Self {
        Self {
            name: RwSignal::new(format!("Stage {n}")),
            acknowledge: RwSignal::new(String::new()),
            respond: RwSignal::new(String::new()),
            from: RwSignal::new(String::new()),
            extension: RwSignal::new(String::new()),
            window: RwSignal::new(String::new()),
        }
    }

    fn draft(&self) -> CustomStageDraft {
        CustomStageDraft {
            name: self.name.get_untracked(),
            acknowledge_days: self.acknowledge.get_untracked(),
            response_days: self.respond.get_untracked(),
            response_from: self.from.get_untracked(),
            extension_days: self.extension.get_untracked(),
            next_stage_window: self.window.get_untracked(),
        }
    }
}

fn leak(text: String) -> &'static str {
    // Field ids and labels are built per stage; a form has a handful, made once per page visit.
    Box::leak(text.into_boxed_str())
}

#[component]
pub fn NewProcedurePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let applies_to = RwSignal::new(String::new());
    let stages = RwSignal::new(vec![StageFields::new(1)]);
    let errors = RwSignal::new(Vec::<redress_core::problem::Problem>::new());
    let attempt = RwSignal::new(0u32);
    page_title(|| "Add a procedure".into(), move || !errors.with(Vec::is_empty));

    let message_for = move |field: String| {
        Signal::derive(move || errors.with(|all| all.iter().find(|p| p.field == field).map(|p| p.message.clone())))
    };
    let lines = Signal::derive(move || errors.with(|all| problem_lines(all)));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = CustomProcedureDraft {
            name: name.get_untracked(),
            applies_to: applies_to.get_untracked(),
            stages: stages.get_untracked().iter().map(StageFields::draft).collect(),
        };
        match draft.to_procedure(format!("custom-{}", uuid::Uuid::new_v4())) {
            Ok(procedure) => {
                let settings = state.settings.with_untracked(|s| s.add_custom_procedure(procedure));
                let _ = state.save_settings(settings);
                navigate("/settings#your-procedures", Default::default());
            }
            Err(found) => {
                errors.set(found);
                attempt.update(|n| *n += 1);
            }
        }
    };
    let stage_view = move |index: usize, fields: StageFields| {
        let n = index + 1;
        let id = |what: &str| leak(format!("stage-{n}-{what}"));
        view! {
            <fieldset class="govuk-fieldset app-form-panel">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{format!("Stage {n}")}</legend>
                <TextInput id=id("name") label=leak(format!("Stage {n} name")) value=fields.name error=message_for(id("name").into()) />
                <TextInput id=id("acknowledge") label=leak(format!("Stage {n}: working days to acknowledge")) value=fields.acknowledge error=message_for(id("acknowledge").into()) class="govuk-input govuk-input--width-3" />
                <TextInput id=id("respond") label=leak(format!("Stage {n}: working days to respond")) value=fields.respond error=message_for(id("respond").into()) class="govuk-input govuk-input--width-3" />
                <Radios
                    id=id("from")
                    legend=leak(format!("Stage {n}: count the response from"))
                    choices=vec![
                        Choice::new("received", "The date received"),
                        Choice::new("acknowledged", "The acknowledgement"),
                    ]
                    value=fields.from
                    error=message_for(id("from").into())
                />
                <TextInput id=id("extension") label=leak(format!("Stage {n}: most working days the response may be extended by (optional)")) value=fields.extension error=message_for(id("extension").into()) class="govuk-input govuk-input--width-3" />
                <TextInput id=id("window") label=leak(format!("Stage {n}: working days the person has to ask for the next stage (optional)")) hint="Leave empty for no limit, or for the last stage." value=fields.window error=message_for(id("window").into()) class="govuk-input govuk-input--width-3" />
            </fieldset>
        }
    };
    view! {
        <a href="/settings" class="govuk-back-link">"Back to settings"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary lines attempt />
                <h1 class="govuk-heading-l">"Add a procedure"</h1>
                <form novalidate on:submit=on_submit>
                    <TextInput id="custom-name" label="Procedure name" value=name error=message_for("custom-name".into()) />
                    <TextInput id="custom-applies-to" label="What it is for (optional)" hint="For example, complaints about our home care service." value=applies_to />
                    {move || stages.get().into_iter().enumerate().map(|(i, f)| stage_view(i, f)).collect_view()}
                    <div class="govuk-button-group">
                        <button
                            type="button"
                            class="govuk-button govuk-button--secondary"
                            on:click=move |_| stages.update(|all| all.push(StageFields::new(all.len() + 1)))
                        >
                            "Add another stage"
                        </button>
                        <Show when=move || stages.with(|s| s.len() > 1)>
                            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| stages.update(|all| { all.pop(); })>
                                "Remove the last stage"
                            </button>
                        </Show>
                    </div>
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Save procedure"</button>
                </form>
            </div>
        </div>
    }
    .into_any()
}

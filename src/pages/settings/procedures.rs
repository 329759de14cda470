//! The organisation's own procedures: a list on the Settings page, and a page to define one,
//! stage by stage ("add another"), held as one draft (`CustomProcedureDraft`, its stages a list
//! in it) and checked by the core before it is kept.

use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::{Choice, Radios, TextInput};
use crate::components::title::page_title;
use crate::state::AppState;
use crate::{item_lens, lens};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::procedure::{CustomProcedureDraft, current_custom};

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

fn leak(text: String) -> &'static str {
    // Field ids and labels are built per stage; a form has a handful, made once per page visit.
    Box::leak(text.into_boxed_str())
}

/// Stage `index`'s boxes, each a lens onto that stage of the draft.
fn stage_view(draft: RwSignal<CustomProcedureDraft>, errors: FormErrors, index: usize) -> impl IntoView {
    let n = index + 1;
    let id = |what: &str| leak(format!("stage-{n}-{what}"));
    let days = "govuk-input govuk-input--width-3";
    view! {
        <fieldset class="govuk-fieldset app-form-panel">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{format!("Stage {n}")}</legend>
            <TextInput id=id("name") label=leak(format!("Stage {n} name")) value=item_lens!(draft, stages[index].name) error=errors.message(id("name")) />
            <TextInput id=id("acknowledge") label=leak(format!("Stage {n}: working days to acknowledge")) value=item_lens!(draft, stages[index].acknowledge_days) error=errors.message(id("acknowledge")) class=days />
            <TextInput id=id("respond") label=leak(format!("Stage {n}: working days to respond")) value=item_lens!(draft, stages[index].response_days) error=errors.message(id("respond")) class=days />
            <Radios
                id=id("from")
                legend=leak(format!("Stage {n}: count the response from"))
                choices=vec![
                    Choice::new("received", "The date received"),
                    Choice::new("acknowledged", "The acknowledgement"),
                ]
                value=item_lens!(draft, stages[index].response_from)
                error=errors.message(id("from"))
            />
            <TextInput id=id("extension") label=leak(format!("Stage {n}: most working days the response may be extended by (optional)")) value=item_lens!(draft, stages[index].extension_days) error=errors.message(id("extension")) class=days />
            <TextInput id=id("window") label=leak(format!("Stage {n}: working days the person has to ask for the next stage (optional)")) hint="Leave empty for no limit, or for the last stage." value=item_lens!(draft, stages[index].next_stage_window) error=errors.message(id("window")) class=days />
        </fieldset>
    }
}

#[component]
pub fn NewProcedurePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    // The form as typed: one draft, its stages a list in it; each box a lens.
    let draft = RwSignal::new(CustomProcedureDraft::blank());
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    page_title(|| "Add a procedure".into(), move || !errors.is_empty());
    let stage_count = Memo::new(move |_| draft.with(|d| d.stages.len()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = draft.with_untracked(|typed| typed.to_procedure(format!("custom-{}", uuid::Uuid::new_v4())));
        match result {
            Ok(procedure) => {
                let settings = state.settings.with_untracked(|s| s.add_custom_procedure(procedure));
                let _ = state.save_settings(settings);
                navigate("/settings#your-procedures", Default::default());
            }
            Err(found) => {
                errors.0.set(found);
                attempt.update(|n| *n += 1);
            }
        }
    };
    view! {
        <a href="/settings" class="govuk-back-link">"Back to settings"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary lines=errors.lines() attempt />
                <h1 class="govuk-heading-l">"Add a procedure"</h1>
                <form novalidate on:submit=on_submit>
                    <TextInput id="custom-name" label="Procedure name" value=lens!(draft, name) error=errors.message("custom-name") />
                    <TextInput id="custom-applies-to" label="What it is for (optional)" hint="For example, complaints about our home care service." value=lens!(draft, applies_to) />
                    // Drawn again only when a stage is added or removed, not as the boxes are typed in.
                    {move || (0..stage_count.get()).map(|index| stage_view(draft, errors, index)).collect_view()}
                    <div class="govuk-button-group">
                        <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| draft.update(CustomProcedureDraft::add_stage)>
                            "Add another stage"
                        </button>
                        <Show when=move || { stage_count.get() > 1 }>
                            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| draft.update(CustomProcedureDraft::remove_last_stage)>
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

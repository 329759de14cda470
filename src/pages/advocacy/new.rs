//! Starting a case: who it is for and who acts for them, the organisation and the procedure it
//! follows (or "not sure"), and when it happened, for the 12-month limit.

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::{Choice, Radios, TextArea, TextInput};
use crate::components::title::page_title;
use crate::state::AppState;
use crate::{date_lens, lens};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::advocacy::{CaseDraft, not_sure_hint, time_limit_hint};

#[component]
pub fn NewCasePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    // The form as typed, one draft; each field a lens onto it.
    let draft = RwSignal::new(CaseDraft {
        advocate: state.settings.with_untracked(|s| s.user_name.clone()),
        ..CaseDraft::default()
    });
    let form_errors = FormErrors::new();
    let problems = form_errors.0;
    let attempt = RwSignal::new(0u32);
    page_title(|| "Start a case".into(), move || !problems.with(Vec::is_empty));
    let message = move |field: &'static str| form_errors.message(field);
    let date_error = move |field: &'static str| form_errors.date(field);
    let lines = form_errors.lines();
    let services: Vec<Choice> = state
        .settings
        .with_untracked(|s| s.services.clone())
        .into_iter()
        .map(Choice::words)
        .collect();
    let nation = state.settings.with_untracked(|s| s.nation);
    let procedures: Vec<Choice> = state
        .settings
        .with_untracked(|s| s.procedures())
        .into_iter()
        .map(|p| Choice::new(p.id, p.name).with_hint(p.applies_to))
        .chain([Choice::new("not-sure", "Not sure").with_hint(not_sure_hint(nation))])
        .collect();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = CaseDraft {
            nation,
            ..draft.get_untracked()
        };
        let id = uuid::Uuid::new_v4().to_string();
        let procedures = state.settings.with_untracked(|s| s.procedures());
        let result = state
            .records
            .with_untracked(|all| draft.to_record(&id, clock::today(), &procedures, all, &state.change()));
        match result {
            Ok(record) => {
                let _ = state.add_record(record);
                navigate(&format!("/cases/{id}"), Default::default());
            }
            Err(found) => {
                problems.set(found);
                attempt.update(|n| *n += 1);
            }
        }
    };
    view! {
        <a href="/cases" class="govuk-back-link">"Back to advocacy"</a>
        <ErrorSummary lines attempt />
        <h1 class="govuk-heading-l">"Start a case"</h1>
        <form on:submit=on_submit novalidate>
            <TextInput id="person" label="Who is the complaint for?" hint="The person’s name" value=lens!(draft, person) error=message("person") />
            <TextInput id="advocate" label="Who is acting for them? (optional)" hint="Your name, if you are their advocate. Leave it empty if they are complaining for themselves." value=lens!(draft, advocate) />
            <DateInput id="authority" legend="When did they agree that you may act for them? (optional)" hint="For example, 2 1 2026" fields=date_lens!(draft, authority) error=date_error("authority") />
            <TextInput id="organisation" label="Which organisation is the complaint to?" hint="For example, Northshire County Council" value=lens!(draft, organisation) error=message("organisation") />
            <TextArea id="organisation-address" label="The organisation’s postal address (optional)" hint="For the letters. Its complaints team’s address, if it has one." value=lens!(draft, organisation_address) error=message("organisation-address") />
            <Radios id="service" legend="Which service is it about?" choices=services value=lens!(draft, service) error=message("service") />
            <Radios id="procedure" legend="Which complaints procedure does the organisation follow?" choices=procedures value=lens!(draft, procedure) error=message("procedure") />
            <DateInput id="happened" legend="When did it happen, or when did they find out? (optional)" hint=time_limit_hint(nation) fields=date_lens!(draft, happened) error=date_error("happened") />
            <button type="submit" class="govuk-button">"Start the case"</button>
        </form>
    }
    .into_any()
}

//! New record: the first contact, with GOV.UK validation that never loses what was typed.

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::{Choice, Radios, TextArea, TextInput};
use crate::components::notice::Notices;
use crate::components::title::page_title;
use crate::state::AppState;
use crate::{date_lens, lens};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::procedure::Procedure;
use redress_core::record::{Field, RecordDraft, RecordKind, suggested_procedure};

fn procedure_choices(procedures: Vec<Procedure>) -> Vec<Choice> {
    procedures
        .into_iter()
        .map(|p| Choice::new(p.id, p.name).with_hint(p.applies_to))
        .collect()
}

#[component]
pub fn NewRecordPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    // The form as typed, one draft; each field a lens onto it.
    let draft = RwSignal::new(RecordDraft::default());
    let procedure = lens!(draft, procedure);
    let form_errors = FormErrors::new();
    let errors = form_errors.0;
    let attempt = RwSignal::new(0u32);
    page_title(|| "New record".into(), move || !errors.with(Vec::is_empty));

    let message_for = move |field: Field| form_errors.message(field.id());
    let date_error = move |field: Field| form_errors.date(field.id());
    let lines = form_errors.lines();
    let is_complaint = move || draft.with(|d| RecordKind::from_code(&d.kind).is_some_and(RecordKind::has_procedure));
    // The procedure is offered from the service, until the person chooses another themselves.
    let offered = StoredValue::new(None::<String>);
    let service = Memo::new(move |_| draft.with(|d| d.service.clone()));
    Effect::new(move |_| {
        let service = service.get();
        let suggested = state
            .settings
            .with_untracked(|s| suggested_procedure(&service, s.nation, &s.procedures()));
        let chosen = draft.with_untracked(|d| d.procedure.clone());
        if chosen.is_empty() || Some(&chosen) == offered.get_value().as_ref() {
            if let Some(suggested) = suggested.clone() {
                draft.update(|d| d.procedure = suggested);
            }
            offered.set_value(suggested);
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = draft.get_untracked();
        let procedures = state.settings.with_untracked(|settings| settings.procedures());
        match draft.to_record(
            uuid::Uuid::new_v4().to_string(),
            &state.change(),
            clock::today(),
            &procedures,
            &state.records.get_untracked(),
        ) {
            Ok(record) => {
                let id = record.id.clone();
                // Kept in memory even if storage refuses it; the banner says so.
                let said = format!("Record {} created.", record.reference);
                let saving = state.add_record(record);
                let path = format!("/records/{id}");
                Notices::get().after_save(saving, path.clone(), said);
                navigate(&path, Default::default());
            }
            Err(found) => {
                errors.set(found);
                attempt.update(|n| *n += 1);
            }
        }
    };

    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary lines attempt />
                <h1 class="govuk-heading-l">"New record"</h1>
                <form novalidate on:submit=on_submit>
                    <Radios id="kind" legend="What kind of record is this?" choices={Choice::every::<RecordKind>()} value=lens!(draft, kind) error=message_for(Field::Kind) />
                    <DateInput
                        id="received"
                        legend="Date received"
                        hint="For example, 19 12 2025"
                        fields=date_lens!(draft, received)
                        error=date_error(Field::Received)
                    />
                    <DateInput
                        id="issue-date"
                        legend="Date of the issue (optional)"
                        hint="When what they are unhappy about happened. For example, 3 11 2025"
                        fields=date_lens!(draft, issue_date)
                        error=date_error(Field::IssueDate)
                    />
                    <DateInput
                        id="aware-date"
                        legend="Date the person became aware of it (optional)"
                        hint="The time limit for making a complaint (12 months, or 6 under the Scottish, Northern Irish and PSOW models) counts from here, or from the date of the issue."
                        fields=date_lens!(draft, aware_date)
                        error=date_error(Field::AwareDate)
                    />
                    <Radios id="service" legend="Which service is it about?" choices=state.settings.with_untracked(|s| s.services.iter().map(Choice::words).collect::<Vec<_>>()) value=lens!(draft, service) error=message_for(Field::Service) />
                    <TextInput
                        id="person-name"
                        label="Name of the person it is about (optional)"
                        hint="Leave this empty if the person wants to stay anonymous."
                        value=lens!(draft, person_name)
                        error=message_for(Field::PersonName)
                        autocomplete="off"
                    />
                    <TextInput
                        id="raised-by-name"
                        label="If someone else raised it for them, their name (optional)"
                        hint="A relative, an advocate, an MP. Letters then go to them; add their address at intake."
                        value=lens!(draft, raised_by_name)
                        error=message_for(Field::RaisedByName)
                        autocomplete="off"
                    />
                    <TextArea
                        id="summary"
                        label="Summary"
                        hint="What happened, in the person’s words where you can."
                        value=lens!(draft, summary)
                        error=message_for(Field::Summary)
                    />
                    <Show when=is_complaint>
                        <Radios
                            id="procedure"
                            legend="Which procedure is the complaint handled under?"
                            hint="This sets the deadlines."
                            choices=state.settings.with_untracked(|settings| procedure_choices(settings.procedures()))
                            value=procedure
                            error=message_for(Field::Procedure)
                        />
                    </Show>
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Save record"</button>
                </form>
            </div>
        </div>
    }
    .into_any()
}

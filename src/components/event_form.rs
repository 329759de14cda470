//! "Record what happened": the events that can happen now at the record's latest stage, each
//! checked by the core before the record changes. A mistake keeps everything typed.

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::{Choice, Radios, TextArea, TextInput};
use crate::state::AppState;
use crate::{date_lens, flag, lens};
use leptos::prelude::*;
use redress_core::format::long_date;
use redress_core::record::{
    EventDraft, EventKind, Field, Outcome, Record, asks_investigators, event_choices, record_event,
};

/// An extension's own questions: whether a good reason for going past the limit is recorded,
/// and when the person was told.
fn extension_fields(draft: RwSignal<EventDraft>, errors: FormErrors) -> impl IntoView {
    let good_reason = flag!(draft, good_reason);
    view! {
        <div class="govuk-form-group">
            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                    <input
                        class="govuk-checkboxes__input"
                        id="event-good-reason"
                        name="event-good-reason"
                        type="checkbox"
                        prop:checked=move || good_reason.get()
                        on:change=move |ev| good_reason.set(event_target_checked(&ev))
                    />
                    <label class="govuk-label govuk-checkboxes__label" for="event-good-reason">
                        "A good reason for going past the procedure’s extension limit is recorded"
                    </label>
                </div>
            </div>
        </div>
        <DateInput
            id="event-told"
            legend="Date the person was told, with the Ombudsman’s details (optional)"
            hint="Code 5.5 and 6.5: a delay must be explained to the person."
            fields=date_lens!(draft, told)
            error=errors.date(Field::EventTold.id())
        />
    }
}

#[component]
pub fn EventForm(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let library = state.settings.with_untracked(|s| s.custom_procedures.clone());
    let available = event_choices(&record, &library);
    if available.is_empty() {
        return ().into_any();
    }
    let choices: Vec<Choice> = available
        .iter()
        .map(|(kind, name)| Choice {
            label: (*name).into(),
            ..Choice::coded(*kind)
        })
        .collect();
    // The form as typed, one draft kept across redraws of the record page; a lens a field.
    let draft = crate::kept!(EventDraft::default());
    let kind = lens!(draft, kind);
    let date = date_lens!(draft, date);
    let reason = lens!(draft, reason);
    let handler = lens!(draft, handler);
    let outcome = lens!(draft, outcome);
    let investigating_officer = lens!(draft, investigating_officer);
    let independent_person = lens!(draft, independent_person);
    let investigators = asks_investigators(&record, &library);
    let form_errors = FormErrors::new();
    let errors = form_errors.0;
    let attempt = crate::kept!(0u32);

    let chosen = move || EventKind::from_code(&kind.get());
    let message_for = move |field: Field| form_errors.message(field.id());
    let date_error = move |field: Field| form_errors.date(field.id());
    let lines = form_errors.lines();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut typed = draft.get_untracked();
        // A colleague's name typed in other capitals is kept as the team spells it.
        typed.handler = state.settings.with_untracked(|s| s.known_name(&typed.handler));
        match record_event(&record, &typed, clock::today(), &state.change(), &library) {
            Ok(changed) => {
                let what = available
                    .iter()
                    .find(|(kind, _)| kind.code() == typed.kind)
                    .map_or("Event", |(_, name)| *name);
                let when = typed
                    .date
                    .parse("Date", chrono::NaiveDate::MAX)
                    .map(long_date)
                    .unwrap_or_default();
                errors.set(Vec::new());
                flash.set(None);
                // Said once the change is stored; a failed write keeps the change in memory and
                // what was typed in the form, and the storage banner says so.
                let saving = state.update_record(changed);
                leptos::task::spawn_local(async move {
                    if saving.outcome().await.is_ok() {
                        let _ = flash.try_set(Some(format!("Recorded: {what}, {when}.")));
                        let _ = draft.try_set(EventDraft::default());
                    }
                });
            }
            Err(found) => {
                errors.set(found);
                attempt.update(|n| *n += 1);
            }
        }
    };
    let date_legend = move || chosen().map_or("Date", EventKind::date_label);
    view! {
        <h2 class="govuk-heading-m" id="record-what-happened">"Record what happened"</h2>
        <ErrorSummary lines attempt />
        <form novalidate on:submit=on_submit class="app-form-panel">
            <Radios id="event" legend="What happened?" choices value=kind error=message_for(Field::EventKind) />
            {move || {
                let legend: &'static str = date_legend();
                view! {
                    <DateInput id="event-date" legend hint="For example, 30 12 2025" fields=date error=date_error(Field::EventDate) />
                }
            }}
            {move || {
                let label = match chosen() {
                    Some(EventKind::Extended) => "Why is the response being extended?",
                    Some(EventKind::Paused) => "Why is the clock paused?",
                    _ => return None,
                };
                Some(view! {
                    <TextArea id="event-reason" label hint="This is kept on the record and shown in the explanation of its dates." value=reason error=message_for(Field::EventReason) />
                })
            }}
            <Show when=move || chosen().is_some_and(EventKind::asks_handler)>
                <TextInput
                    id="event-handler"
                    label="Who will handle this stage?"
                    hint="At stage 2 and later, not someone who handled an earlier stage (Code 6.14)."
                    value=handler
                    error=message_for(Field::EventHandler)
                    list=crate::components::team::TEAM_LIST
                />
            </Show>
            <Show when=move || investigators && chosen() == Some(EventKind::NextStageRequested)>
                <TextInput id="event-investigating-officer" label="Investigating officer (optional)" value=investigating_officer />
                <TextInput id="event-independent-person" label="Independent person (optional)" value=independent_person />
            </Show>
            <Show when=move || chosen() == Some(EventKind::Responded)>
                <Radios
                    id="event-outcome"
                    legend="Outcome"
                    choices={Choice::every::<Outcome>()}
                    value=outcome
                    error=message_for(Field::EventOutcome)
                />
            </Show>
            <Show when=move || chosen() == Some(EventKind::Extended)>
                {extension_fields(draft, form_errors)}
            </Show>
            <button type="submit" class="govuk-button" data-module="govuk-button">"Record it"</button>
        </form>
    }
    .into_any()
}

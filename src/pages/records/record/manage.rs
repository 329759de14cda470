//! The explicit moves on a whole record: a concern's outcome and escalation, closing,
//! reopening, and the way to delete it.

use super::casework::save;
use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{FormErrors, ProblemSummary};
use crate::components::form::{Choice, Radios, TextArea};
use crate::date_lens;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::problem::Problems;
use redress_core::record::{
    CLOSED, CONCERN_OUTCOME, CloseDraft, ConcernOutcome, REOPEN_REASON, Record, RecordKind, chosen_concern_outcome,
    reopen, set_concern_outcome,
};

/// A concern's outcome, and the way to escalate it to a complaint.
#[component]
pub fn ConcernOutcomeForm(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    if record.kind != RecordKind::Concern {
        return ().into_any();
    }
    let state = expect_context::<AppState>();
    // One choice, kept while the page is drawn again.
    let chosen = crate::kept!(record.concern_outcome.map(|o| o.code()).unwrap_or_default());
    let problems = crate::kept!(Problems::new());
    let escalated = record.escalated_to.clone();
    let id = record.id.clone();
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match chosen_concern_outcome(&chosen.get_untracked()) {
            Ok(outcome) => {
                let result = set_concern_outcome(&record, outcome, &state.change()).map_err(|p| vec![p]);
                let message = format!("Outcome saved: {}.", outcome.name());
                save(state, flash, problems, &message, result, || ());
            }
            Err(problem) => problems.set(vec![problem]),
        }
    };
    if let Some(to) = escalated {
        let reference = state
            .record(&to)
            .map_or_else(|| "the complaint".to_string(), |r| r.reference);
        return view! {
            <h2 class="govuk-heading-m">"Outcome"</h2>
            <p class="govuk-body">
                "Escalated to complaint " <a class="govuk-link" href=format!("/records/{to}")>{reference}</a> "."
            </p>
        }
        .into_any();
    }
    view! {
        <h2 class="govuk-heading-m">"Outcome of the concern"</h2>
        <ProblemSummary problems />
        <form novalidate on:submit=on_save class="app-form-panel">
            <Radios
                id=CONCERN_OUTCOME
                legend="What became of it?"
                choices={Choice::every::<ConcernOutcome>()}
                value=chosen
                error=FormErrors(problems).message(CONCERN_OUTCOME)
            />
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button" data-module="govuk-button">"Save outcome"</button>
                <a class="govuk-button govuk-button--secondary" role="button" draggable="false" href=format!("/records/{id}/escalate")>
                    "Escalate to a complaint"
                </a>
            </div>
        </form>
    }
    .into_any()
}

/// Closing an open record on a date, or reopening a closed one with a reason. Each is a form
/// of its own with its own error summary; what was typed is kept while the page is drawn again.
#[component]
pub fn CloseOrReopen(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = crate::kept!(CloseDraft::default());
    let reason = crate::kept!(String::new());
    let problems = crate::kept!(Problems::new());
    let errors = FormErrors(problems);
    let closed = record.closed;
    let for_close = record.clone();
    let on_close = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = draft.with_untracked(|typed| typed.apply(&for_close, clock::today(), &state.change()));
        let clear = move || {
            let _ = draft.try_set(CloseDraft::default());
        };
        save(state, flash, problems, "Record closed.", result, clear);
    };
    let on_reopen = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = reopen(&record, &reason.get_untracked(), &state.change()).map_err(|p| vec![p]);
        let clear = move || {
            let _ = reason.try_set(String::new());
        };
        save(state, flash, problems, "Record reopened.", result, clear);
    };
    match closed {
        None => view! {
            <h2 class="govuk-heading-m">"Close the record"</h2>
            <ProblemSummary problems />
            <form novalidate on:submit=on_close class="app-form-panel">
                <DateInput id=CLOSED legend="Date closed" hint="When everything owed is done. For example, 20 1 2026" fields=date_lens!(draft, closed) error=errors.date(CLOSED) />
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Close record"</button>
            </form>
        }
        .into_any(),
        Some(_) => view! {
            <h2 class="govuk-heading-m">"Reopen the record"</h2>
            <ProblemSummary problems />
            <form novalidate on:submit=on_reopen class="app-form-panel">
                <TextArea id=REOPEN_REASON label="Why is it being reopened?" value=reason error=errors.message(REOPEN_REASON) />
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Reopen record"</button>
            </form>
        }
        .into_any(),
    }
}

/// One record as a file: to hand to a colleague, or redacted for someone outside the team.
#[component]
pub fn ExportRecord(record: Record) -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = crate::kept!(None::<String>);
    let export = move |redacted: bool| {
        // A file of one record carries no settings: a custom procedure goes with it as a copy.
        let whole = state
            .settings
            .with_untracked(|s| record.self_contained(&s.custom_procedures));
        let file = redress_core::exchange::file::one_record(&whole, &state.exporter(), redacted);
        message.set(Some(
            match crate::files::download(&file.file_name(), "application/json", &file.to_json()) {
                Ok(()) => format!("Saved as {}.", file.file_name()),
                Err(problem) => problem,
            },
        ));
    };
    let plain = export.clone();
    view! {
        <h2 class="govuk-heading-m">"Export this record"</h2>
        <p class="govuk-body">"As a file a colleague imports on their device. Redacted removes names, contact details and free text."</p>
        {move || message.get().map(|m| view! { <div class="govuk-inset-text" role="status">{m}</div> })}
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| plain(false)>"Export this record"</button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| export(true)>"Export it redacted"</button>
        </div>
    }
}

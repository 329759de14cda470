//! Correcting one fact of a record (its "Change" link), and withdrawing an event recorded by
//! mistake. The core checks the correction, writes it in the history with the old and the new
//! value, and the deadlines are worked out again; this page only asks and shows.

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::{Choice, Radios, TextArea};
use crate::components::notice::Notices;
use crate::components::title::page_title;
use crate::state::AppState;
use crate::{date_lens, lens};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::record::Record;
use redress_core::record::correct::{Answer, CorrectionDraft, Fact, choices, withdraw, withdrawable};

/// The record and the fact the address names, if both are there and the fact can be changed.
fn named(state: AppState) -> Option<(Record, Fact)> {
    let params = crate::routes::params_now::<crate::routes::FactParams>()?;
    let record = state.record(&params.id?)?;
    let fact = Fact::from_code(&params.fact?)?;
    fact.holds(&record).then_some((record, fact))
}

fn not_found() -> AnyView {
    view! {
        <h1 class="govuk-heading-l">"There is nothing to change here"</h1>
        <p class="govuk-body">"The record, or what this address names on it, is not on this device."</p>
        <p class="govuk-body"><a class="govuk-link" href="/records">"Go to the list of records"</a></p>
    }
    .into_any()
}

/// The input the fact takes: a date, a choice, or text.
fn answer_input(
    fact: Fact,
    record: &Record,
    draft: RwSignal<CorrectionDraft>,
    errors: FormErrors,
    state: AppState,
) -> AnyView {
    let label = fact.question();
    match fact.answer() {
        Answer::Date | Answer::OptionalDate => {
            let hint = if fact.answer() == Answer::OptionalDate {
                "For example, 27 3 2026. Leave it empty if it is not known."
            } else {
                "For example, 27 3 2026"
            };
            view! { <DateInput id="date" legend=label hint fields=date_lens!(draft, date) error=errors.date("date") /> }
                .into_any()
        }
        Answer::Text => {
            view! { <TextArea id="value" label=label value=lens!(draft, value) error=errors.message("value") /> }
                .into_any()
        }
        Answer::Choice => {
            let (services, procedures) = state.settings.with_untracked(|s| (s.services.clone(), s.procedures()));
            let offered =
                |list: Vec<(String, String)>| list.into_iter().map(|(code, words)| Choice::new(code, words)).collect();
            let kinds = offered(choices(fact, &services, &procedures));
            let procedure_choices = offered(choices(Fact::Procedure, &services, &procedures));
            let was_complaint = record.kind == redress_core::record::RecordKind::Complaint;
            let becomes_complaint = move || !was_complaint && draft.with(|d| d.value == "complaint");
            view! {
                <Radios id="value" legend=label choices=kinds value=lens!(draft, value) error=errors.message("value") />
                <Show when=becomes_complaint>
                    <Radios id="procedure" legend="Which procedure is the complaint handled under?" hint="This sets the deadlines."
                        choices=procedure_choices.clone() value=lens!(draft, procedure) error=errors.message("procedure") />
                </Show>
            }
            .into_any()
        }
    }
}

#[component]
pub fn CorrectPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let Some((record, fact)) = named(state) else {
        page_title(|| "Not found".into(), || false);
        return not_found();
    };
    let heading = format!("Correct the {}", fact.label().to_lowercase());
    let title = heading.clone();
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    page_title(move || title.clone(), move || !errors.0.with(Vec::is_empty));
    let draft = RwSignal::new(CorrectionDraft::from_record(&record, fact));
    let procedures = state.settings.with_untracked(|s| s.procedures());
    let now_shown = fact.shown(&record, &procedures);
    let back = format!("/records/{}", record.id);
    let id = record.id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = state.record(&id) else { return };
        let procedures = state.settings.with_untracked(|s| s.procedures());
        match draft
            .get_untracked()
            .apply(&current, fact, &procedures, clock::today(), &state.change())
        {
            Ok(changed) => {
                let said = format!("{} corrected.", fact.label());
                let saving = state.update_record(changed);
                let path = format!("/records/{id}");
                Notices::get().after_save(saving, path.clone(), said);
                navigate(&path, Default::default());
            }
            Err(found) => {
                errors.0.set(found);
                attempt.update(|n| *n += 1);
            }
        }
    };
    view! {
        <a href=back.clone() class="govuk-back-link">"Back to the record"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary lines=errors.lines() attempt />
                <span class="govuk-caption-l">{record.reference.clone()}</span>
                <h1 class="govuk-heading-l">{heading}</h1>
                <div class="govuk-inset-text app-pre-line">{format!("Recorded now: {now_shown}")}</div>
                <p class="govuk-body">"The correction is written in the record’s history with the old and the new value and your name. Deadlines are worked out again."</p>
                <form novalidate on:submit=on_submit>
                    {answer_input(fact, &record, draft, errors, state)}
                    <TextArea id="reason" label="Why is it being corrected? (optional)" hint="For example, “mistyped when the letter arrived”. Kept in the history." value=lens!(draft, reason) error=errors.message("reason") />
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button" data-module="govuk-button">"Save the correction"</button>
                        <a class="govuk-link" href=back>"Cancel"</a>
                    </div>
                </form>
            </div>
        </div>
    }
    .into_any()
}

#[component]
pub fn WithdrawPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let Some((record, fact)) = named(state).filter(|(record, fact)| withdrawable(record).contains(fact)) else {
        page_title(|| "Not found".into(), || false);
        return not_found();
    };
    page_title(|| "Withdraw what was recorded".into(), || false);
    let why = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let shown = fact.shown(&record, &[]);
    let back = format!("/records/{}", record.id);
    let id = record.id.clone();
    let confirm = move |_| {
        let Some(current) = state.record(&id) else { return };
        match withdraw(&current, fact, &why.get_untracked(), &state.change()) {
            Ok(changed) => {
                let saving = state.update_record(changed);
                let path = format!("/records/{id}");
                Notices::get().after_save(
                    saving,
                    path.clone(),
                    format!("Withdrawn: {}.", fact.label().to_lowercase()),
                );
                navigate(&path, Default::default());
            }
            Err(found) => problem.set(found.first().map(|p| p.message.clone())),
        }
    };
    view! {
        <a href=back.clone() class="govuk-back-link">"Back to the record"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <span class="govuk-caption-l">{record.reference.clone()}</span>
                <h1 class="govuk-heading-l">"Withdraw what was recorded by mistake?"</h1>
                <dl class="govuk-summary-list">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{fact.label()}</dt>
                        <dd class="govuk-summary-list__value">{shown}</dd>
                    </div>
                </dl>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        "The record will no longer hold it and its deadlines are worked out again. Its line in the history stays, struck through, with a note that you withdrew it."
                    </strong>
                </div>
                {move || problem.get().map(|message| view! { <p class="govuk-error-message">{message}</p> })}
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-label--s" for="withdraw-why">"Why is it being withdrawn? (optional)"</label>
                    <textarea class="govuk-textarea" id="withdraw-why" name="withdraw-why" rows="3"
                        prop:value=move || why.get() on:input=move |ev| why.set(event_target_value(&ev))></textarea>
                </div>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--warning" data-module="govuk-button" on:click=confirm>"Withdraw it"</button>
                    <a class="govuk-link" href=back>"Cancel"</a>
                </div>
            </div>
        </div>
    }
    .into_any()
}

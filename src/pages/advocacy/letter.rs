//! A case's letters — the complaint, a chaser, the request for the next stage — drafted by the
//! core, edited here, then printed (in large print if wanted), copied or saved as a file, and
//! marked as sent with its date, which starts the organisation's clock or goes in the log.

use super::{not_found, route_case};
use crate::clock;
use crate::components::date_input::{DateFields, DateInput};
use crate::components::large_print::large_print_toggle;
use crate::components::title::page_title;
use crate::files::download;
use crate::pages::records::record::letter::copy;
use crate::state::AppState;
use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::advocacy::letters::{chaser_letter, complaint_letter, next_stage_letter};
use redress_core::advocacy::mark_sent;
use redress_core::record::casework_edit::add_correspondence;
use redress_core::record::{DateInput as Typed, EventDraft, record_event};

/// A form's problems as one sentence for the date field.
fn messages(problems: Vec<redress_core::problem::Problem>) -> String {
    problems.into_iter().map(|p| p.message).collect::<Vec<_>>().join(". ")
}

fn title(kind: &str) -> Option<&'static str> {
    match kind {
        "complaint" => Some("The complaint letter"),
        "chaser" => Some("A letter chasing a missed date"),
        "next-stage" => Some("Asking for the next stage"),
        _ => None,
    }
}

#[component]
pub fn CaseLetterPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let params = crate::routes::params_now::<crate::routes::LetterParams>();
    let id = params.as_ref().and_then(|p| p.id.clone()).unwrap_or_default();
    let kind = params.and_then(|p| p.kind).unwrap_or_default();
    let (Some(record), Some(heading)) = (route_case(&id), title(&kind)) else {
        return not_found();
    };
    page_title(move || heading.to_string(), || false);
    let today = clock::today();
    let rules = state.settings.with_untracked(|s| s.rules(today));
    let outgoing = record.outgoing.clone().unwrap_or_default();
    let drafted = match kind.as_str() {
        "complaint" if !outgoing.letter.is_empty() => outgoing.letter.clone(),
        "complaint" => complaint_letter(&record, today, &rules),
        "chaser" => chaser_letter(&record, &rules),
        _ => next_stage_letter(&record, &rules),
    };
    let text = RwSignal::new(drafted);
    let large = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let sent_on = DateFields::default();
    sent_on.day.set(today.day().to_string());
    sent_on.month.set(today.month().to_string());
    sent_on.year.set(today.year().to_string());
    let sent_error = RwSignal::new(None::<(String, Vec<redress_core::record::DatePart>)>);
    let back = format!("/cases/{id}");
    let file_name = format!("{}-{kind}.txt", record.reference);
    let on_save_file = move |_| {
        message.set(Some(
            match download(&file_name, "text/plain;charset=utf-8", &text.get_untracked()) {
                Ok(()) => "Saved as a file.".into(),
                Err(problem) => problem,
            },
        ))
    };
    let on_copy = move |_| {
        message.set(Some(if copy(&text.get_untracked()) {
            "Copied.".into()
        } else {
            "This browser would not copy; select the text and copy it.".into()
        }))
    };
    let mark = {
        let (id, kind, back) = (id.clone(), kind.clone(), back.clone());
        move |_| {
            let Some(current) = state.record(&id) else { return };
            let when: Typed = sent_on.typed();
            let letter = text.get_untracked();
            let result = match kind.as_str() {
                "complaint" => mark_sent(&current, &when, &letter, today, &state.change()),
                "next-stage" => {
                    // Who handles it at the organisation is not ours to know yet.
                    let asked = EventDraft {
                        kind: "next-stage-requested".into(),
                        date: when.clone(),
                        handler: "Not known yet".into(),
                        ..EventDraft::default()
                    };
                    record_event(&current, &asked, today, &state.change(), &rules.custom_procedures)
                        .map_err(|errors| errors.into_iter().map(|e| e.message).collect::<Vec<_>>().join(". "))
                        .and_then(|asked| {
                            add_correspondence(
                                &asked,
                                &when,
                                "letter",
                                &format!("Next stage asked for.\n\n{letter}"),
                                today,
                                &state.change(),
                            )
                            .map_err(messages)
                        })
                }
                _ => add_correspondence(
                    &current,
                    &when,
                    "letter",
                    &format!("Chaser sent.\n\n{letter}"),
                    today,
                    &state.change(),
                )
                .map_err(messages),
            };
            match result {
                Ok(changed) => {
                    let _ = state.update_record(changed);
                    navigate(&back, Default::default());
                }
                Err(problem) => sent_error.set(Some((problem, vec![redress_core::record::DatePart::Day]))),
            }
        }
    };
    view! {
        <a href=back.clone() class="govuk-back-link app-no-print">"Back to the case"</a>
        <div class="app-no-print">
            <span class="govuk-caption-l">{format!("{} — to {}", record.reference, outgoing.organisation)}</span>
            <h1 class="govuk-heading-l">{heading}</h1>
            {move || message.get().map(|m| view! { <div class="govuk-inset-text" role="status">{m}</div> })}
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="letter">"Letter"</label>
                <div class="govuk-hint" id="letter-hint">"Read it through with the person and change anything. Replace anything in square brackets."</div>
                <textarea class="govuk-textarea app-letter" class:app-large-print=move || large.get() id="letter" name="letter" rows="26" aria-describedby="letter-hint"
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            {large_print_toggle(large, "govuk-!-margin-bottom-4")}
            <div class="govuk-button-group">
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                <button type="button" class="govuk-button govuk-button--secondary" on:click=on_copy>"Copy"</button>
                <button type="button" class="govuk-button govuk-button--secondary" on:click=on_save_file>"Save as a file"</button>
            </div>
            <h2 class="govuk-heading-m">"When it is sent"</h2>
            <DateInput id="sent" legend="Date sent" hint="For example, 5 1 2026" fields=sent_on error=sent_error />
            <button type="button" class="govuk-button" on:click=mark>"Mark as sent"</button>
        </div>
        <div class="app-print-only app-pre-line" class:app-large-print=move || large.get()>{move || text.get()}</div>
    }
    .into_any()
}

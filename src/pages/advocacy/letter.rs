//! A case's letters — the complaint, a chaser, the request for the next stage — drafted by the
//! core, edited here, then printed (in large print if wanted), copied or saved as a file, and
//! marked as sent with its date, which starts the organisation's clock or goes in the log.

use super::{not_found, route_case};
use crate::clock;
use crate::components::date_input::{DateFields, DateInput};
use crate::components::error_summary::{FormErrors, ProblemSummary};
use crate::components::large_print::large_print_toggle;
use crate::components::notice::Notices;
use crate::components::title::page_title;
use crate::files::download;
use crate::pages::records::record::letter::copy;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::advocacy::letters::{CaseLetter, SENT};
use redress_core::problem::Problems;
use redress_core::record::DateInput as Typed;

#[component]
pub fn CaseLetterPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let params = crate::routes::params_now::<crate::routes::LetterParams>();
    let id = params.as_ref().and_then(|p| p.id.clone()).unwrap_or_default();
    let kind = params.and_then(|p| p.kind).and_then(|k| CaseLetter::from_code(&k));
    let (Some(record), Some(kind)) = (route_case(&id), kind) else {
        return not_found();
    };
    let heading = kind.title();
    page_title(move || heading.to_string(), || false);
    let today = clock::today();
    let rules = state.settings.with_untracked(|s| s.rules(today));
    let outgoing = record.outgoing.clone().unwrap_or_default();
    let text = RwSignal::new(kind.draft(&record, &rules));
    let large = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let sent_on = RwSignal::new(Typed::from_date(today));
    let problems = RwSignal::new(Problems::new());
    let back = format!("/cases/{id}");
    let file_name = format!("{}-{}.txt", record.reference, kind.code());
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
        let (id, back) = (id.clone(), back.clone());
        move |_| {
            let Some(current) = state.record(&id) else { return };
            let letter = text.get_untracked();
            let sent = sent_on.get_untracked();
            match kind.send(
                &current,
                &sent,
                &letter,
                today,
                &state.change(),
                &rules.custom_procedures,
            ) {
                Ok(changed) => {
                    let saving = state.update_record(changed);
                    Notices::get().after_save(saving, back.clone(), kind.marked_sent().to_string());
                    navigate(&back, Default::default());
                }
                Err(found) => problems.set(found),
            }
        }
    };
    view! {
        <a href=back.clone() class="govuk-back-link app-no-print">"Back to the case"</a>
        <div class="app-no-print">
            <span class="govuk-caption-l">{format!("{} — to {}", record.reference, outgoing.organisation)}</span>
            <h1 class="govuk-heading-l">{heading}</h1>
            <ProblemSummary problems />
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
            <DateInput id=SENT legend="Date sent" hint="For example, 5 1 2026" fields=DateFields::of(sent_on) error=FormErrors(problems).date(SENT) />
            <button type="button" class="govuk-button" on:click=mark>"Mark as sent"</button>
        </div>
        <div class="app-print-only app-pre-line" class:app-large-print=move || large.get()>{move || text.get()}</div>
    }
    .into_any()
}

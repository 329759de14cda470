//! A letter drafted from the record: editable, printable, copyable; marking it as sent adds it
//! to the correspondence log.

use crate::clock;
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::record::casework_edit::CorrespondenceDraft;
use redress_core::record::letters::{LetterKind, available_letters, draft_letter};
use redress_core::record::{DateInput, Record};
use wasm_bindgen::JsValue;

/// The record page's list of letters that can be drafted now.
pub fn letter_links(record: &Record) -> impl IntoView + use<> {
    let letters = available_letters(record);
    let id = record.id.clone();
    (!letters.is_empty()).then(|| {
        view! {
            <h2 class="govuk-heading-m">"Letters"</h2>
            <ul class="govuk-list">
                {letters.into_iter().map(|kind| view! {
                    <li><a class="govuk-link" href=format!("/records/{id}/letters/{}", kind.code())>{format!("Draft the {}", kind.title().to_lowercase())}</a></li>
                }).collect_view()}
            </ul>
        }
    })
}

/// Puts text on the clipboard through `navigator.clipboard.writeText`, where the browser has it.
pub(crate) fn copy(text: &str) -> bool {
    let navigator = window().navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) else {
        return false;
    };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")) else {
        return false;
    };
    let Ok(write) = write.dyn_into::<js_sys::Function>() else {
        return false;
    };
    write.call1(&clipboard, &JsValue::from_str(text)).is_ok()
}

use wasm_bindgen::JsCast;

#[component]
pub fn LetterPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = crate::routes::params_now::<crate::routes::LetterParams>();
    let id = params.as_ref().and_then(|p| p.id.clone()).unwrap_or_default();
    let kind = params.and_then(|p| p.kind).and_then(|k| LetterKind::from_code(&k));
    let (Some(record), Some(kind)) = (state.record(&id), kind) else {
        page_title(|| "Letter not found".into(), || false);
        return view! { <h1 class="govuk-heading-l">"Letter not found"</h1> }.into_any();
    };
    page_title(move || kind.title().into(), || false);
    let settings = state.settings.get_untracked();
    let text = RwSignal::new(draft_letter(kind, &record, &settings, &settings.rules(clock::today())));
    let message = RwSignal::new(None::<String>);
    let back = format!("/records/{id}");
    let mark_sent = move |_| {
        let Some(current) = state.record(&id) else { return };
        let today = clock::today();
        let note = format!("{} sent.\n\n{}", kind.title(), text.get_untracked());
        match CorrespondenceDraft::letter(DateInput::from_date(today), note).apply(&current, today, &state.change()) {
            Ok(changed) => {
                // Said once it is stored: a save that fails says so in the storage banner instead.
                let saving = state.update_record(changed);
                message.set(None);
                leptos::task::spawn_local(async move {
                    if saving.outcome().await.is_ok() {
                        let _ =
                            message.try_set(Some("Marked as sent today and added to the correspondence log.".into()));
                    }
                });
            }
            Err(problems) => message.set(problems.first().map(|p| p.message.clone())),
        }
    };
    let on_copy = move |_| {
        let copied = copy(&text.get_untracked());
        message.set(Some(if copied {
            "Copied.".into()
        } else {
            "This browser would not copy; select the text and copy it.".into()
        }));
    };
    view! {
        <a href=back class="govuk-back-link app-no-print">"Back to the record"</a>
        <div class="app-no-print">
            <span class="govuk-caption-l">{record.reference.clone()}</span>
            <h1 class="govuk-heading-l">{kind.title()}</h1>
            {move || message.get().map(|m| view! { <div class="govuk-inset-text" role="status">{m}</div> })}
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="letter">"Letter"</label>
                <div class="govuk-hint" id="letter-hint">"Edit it before you send it. Replace anything in square brackets."</div>
                <textarea class="govuk-textarea app-letter" id="letter" name="letter" rows="24" aria-describedby="letter-hint"
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            <div class="govuk-button-group">
                <button type="button" class="govuk-button" on:click=mark_sent>"Mark as sent"</button>
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                <button type="button" class="govuk-button govuk-button--secondary" on:click=on_copy>"Copy"</button>
            </div>
        </div>
        <div class="app-print-only app-pre-line">{move || text.get()}</div>
    }
    .into_any()
}

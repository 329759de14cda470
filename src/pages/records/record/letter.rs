//! A letter drafted from the record for the day it is sent: editable, printable, copyable.
//! Marking it sent is one act the core checks: it records the event the letter announces and
//! keeps the letter in the correspondence log.

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::draft::checkbox;
use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::{Choice, ErrorMessage, Radios, TextArea, TextInput};
use crate::components::large_print::large_print_toggle;
use crate::components::notice::Notices;
use crate::components::title::page_title;
use crate::state::AppState;
use crate::{date_lens, flag, lens};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::record::letter_sent::{LetterSentDraft, event_of, marked_sent, sent_before, what_marking_does};
use redress_core::record::letters::{LetterKind, available_letters, draft_letter, placeholders};
use redress_core::record::{EventKind, Outcome, Record};
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

/// The questions the event the letter announces asks: who handles the stage, the outcome, or the
/// extension's reason and new date.
fn event_questions(event: Option<EventKind>, draft: RwSignal<LetterSentDraft>, errors: FormErrors) -> AnyView {
    match event {
        Some(EventKind::Acknowledged) => view! {
            <TextInput id="event-handler" label="Who will handle it" hint="Named in the letter." value=lens!(draft, handler) error=errors.message("event-handler") list=crate::components::team::TEAM_LIST />
        }
        .into_any(),
        Some(EventKind::Responded) => view! {
            <Radios id="event-outcome" legend="Outcome" hint="Said in the letter and recorded with the response."
                choices={Choice::every::<Outcome>()} value=lens!(draft, outcome) error=errors.message("event-outcome") />
        }
        .into_any(),
        Some(EventKind::Extended) => view! {
            <TextArea id="event-reason" label="Why more time is needed" hint="Told to the person in the letter and kept with the extension."
                value=lens!(draft, reason) error=errors.message("event-reason") />
            <DateInput id="extended-to" legend="New date for the response" hint="For example, 6 2 2026"
                fields=date_lens!(draft, extended_to) error=errors.date("extended-to") />
        }
        .into_any(),
        _ => ().into_any(),
    }
}

/// The letter's text box: redrafted from the questions above until the person edits it.
fn letter_box(
    draft: RwSignal<LetterSentDraft>,
    edited: RwSignal<bool>,
    large: RwSignal<bool>,
    errors: FormErrors,
) -> impl IntoView {
    let error = errors.message("letter");
    let left = Memo::new(move |_| draft.with(|d| placeholders(&d.text)));
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.get().is_some()>
            <label class="govuk-label govuk-label--s" for="letter">"Letter"</label>
            <div class="govuk-hint" id="letter-hint">"Edit it before you send it. Replace anything in square brackets."</div>
            {move || error.get().map(|message| view! { <ErrorMessage id="letter".to_string() message /> })}
            <textarea class="govuk-textarea app-letter" class:govuk-textarea--error=move || error.get().is_some()
                class:app-large-print=move || large.get() id="letter" name="letter" rows="24"
                aria-describedby=move || if error.get().is_some() { "letter-hint letter-error" } else { "letter-hint" }
                prop:value=move || draft.with(|d| d.text.clone())
                on:input=move |ev| { edited.set(true); draft.update(|d| d.text = event_target_value(&ev)); }></textarea>
        </div>
        <Show when=move || edited.get()>
            <p class="govuk-body">"You have changed the letter, so it is no longer drafted again when the answers above change. "
                <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| edited.set(false)>"Draft it again (your changes go)"</button>
            </p>
        </Show>
        {large_print_toggle(large, "govuk-!-margin-bottom-4")}
        <Show when=move || left.with(|l| !l.is_empty())>
            <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">"Warning"</span>
                    {move || format!("Still to fill in: {}", left.get().join(", "))}
                </strong>
            </div>
            <div class="govuk-form-group"><div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                {checkbox("placeholders-kept", "It went with the square brackets left in", flag!(draft, placeholders_kept))}
            </div></div>
        </Show>
    }
}

#[component]
pub fn LetterPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let params = crate::routes::params_now::<crate::routes::LetterParams>();
    let id = params.as_ref().and_then(|p| p.id.clone()).unwrap_or_default();
    let kind = params.and_then(|p| p.kind).and_then(|k| LetterKind::from_code(&k));
    let (Some(record), Some(kind)) = (state.record(&id), kind) else {
        page_title(|| "Letter not found".into(), || false);
        return view! { <h1 class="govuk-heading-l">"Letter not found"</h1> }.into_any();
    };
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    page_title(move || kind.title().into(), move || !errors.is_empty());
    let today = clock::today();
    let settings = state.settings.get_untracked();
    let rules = settings.rules(today);
    let draft = RwSignal::new(LetterSentDraft::for_record(&record, today));
    let inputs = Memo::new(move |_| draft.with(|d| d.inputs(today)));
    let edited = RwSignal::new(false);
    let large = RwSignal::new(record.recipient().large_print());
    {
        let record = record.clone();
        Effect::new(move |_| {
            let inputs = inputs.get();
            if !edited.get() {
                let text = draft_letter(kind, &record, &settings, &rules, &inputs);
                draft.update(|d| d.text = text);
            }
        });
    }
    let event = event_of(kind, &record);
    let before = sent_before(kind, &record);
    let message = RwSignal::new(None::<String>);
    let back = format!("/records/{id}");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = state.record(&id) else { return };
        let library = state.settings.with_untracked(|s| s.custom_procedures.clone());
        let mut typed = draft.get_untracked();
        // A colleague's name typed in other capitals is kept as the team spells it.
        typed.handler = state.settings.with_untracked(|s| s.known_name(&typed.handler));
        match typed.apply(kind, &current, clock::today(), &library, &state.change()) {
            Ok(changed) => {
                let saving = state.update_record(changed);
                let path = format!("/records/{id}");
                Notices::get().after_save(saving, path.clone(), marked_sent(kind, &current));
                navigate(&path, Default::default());
            }
            Err(found) => {
                errors.0.set(found);
                attempt.update(|n| *n += 1);
            }
        }
    };
    let on_copy = move |_| {
        let copied = copy(&draft.with_untracked(|d| d.text.clone()));
        message.set(Some(if copied {
            "Copied.".into()
        } else {
            "This browser would not copy; select the text and copy it.".into()
        }));
    };
    view! {
        <a href=back.clone() class="govuk-back-link app-no-print">"Back to the record"</a>
        <div class="app-no-print">
            <ErrorSummary lines=errors.lines() attempt />
            <span class="govuk-caption-l">{format!("{} — to {}", record.reference, record.recipient().name)}</span>
            <h1 class="govuk-heading-l">{kind.title()}</h1>
            {move || message.get().map(|m| view! { <div class="govuk-inset-text" role="status">{m}</div> })}
            <form novalidate on:submit=on_submit>
                <DateInput id="letter-sent" legend="Date sent" hint="The letter is dated this day and the dates it promises are counted from it. For example, 7 1 2026"
                    fields=date_lens!(draft, sent) error=errors.date("letter-sent") />
                {event_questions(event, draft, errors)}
                {letter_box(draft, edited, large, errors)}
                {before.map(|before| view! {
                    <div class="govuk-form-group" class:govuk-form-group--error=move || errors.message("again").get().is_some()>
                        <div class="govuk-warning-text">
                            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                            <strong class="govuk-warning-text__text">
                                <span class="govuk-visually-hidden">"Warning"</span>
                                {format!("This letter was already marked sent on {}.", redress_core::format::short_date(before))}
                            </strong>
                        </div>
                        {move || errors.message("again").get().map(|message| view! { <ErrorMessage id="again".to_string() message /> })}
                        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                            {checkbox("again", "Mark it sent again", flag!(draft, again))}
                        </div>
                    </div>
                })}
                <p class="govuk-body">{what_marking_does(kind, &record)}</p>
                <div class="govuk-button-group">
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Mark as sent"</button>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=on_copy>"Copy"</button>
                </div>
            </form>
        </div>
        <div class="app-print-only app-pre-line" class:app-large-print=move || large.get()>{move || draft.with(|d| d.text.clone())}</div>
    }
    .into_any()
}

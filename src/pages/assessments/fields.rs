//! Fields that save as the person types: each shows what was stored when the page opened and
//! hands every change straight to a callback. Labels carry a visually hidden part ("for area
//! 1.1") so that each of many alike fields has a name of its own for assistive technology.

use crate::components::form::ErrorMessage;
use leptos::prelude::*;
use redress_core::record::{DateInput, DatePart};

/// A text box (`rows` > 1) or a one-line input.
#[component]
pub fn AutoText(
    id: String,
    label: String,
    /// Read by screen readers after the label: " for area 1.1".
    #[prop(optional, into)]
    hidden: String,
    #[prop(default = None)] hint: Option<String>,
    value: String,
    #[prop(default = 1)] rows: u32,
    #[prop(into)] on_input: Callback<String>,
) -> impl IntoView {
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let field = if rows > 1 {
        view! {
            <textarea class="govuk-textarea" id=id.clone() name=id.clone() rows=rows.to_string()
                aria-describedby=hint_id.clone() prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input class="govuk-input" type="text" id=id.clone() name=id.clone() spellcheck="false" autocomplete="off"
                aria-describedby=hint_id.clone() prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for=id>
                {label}
                {(!hidden.is_empty()).then(|| view! { <span class="govuk-visually-hidden">{hidden}</span> })}
            </label>
            {hint.map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> })}
            {field}
        </div>
    }
}

/// The GOV.UK date input, saving each box as it is typed. `error` is the message and the boxes
/// to mark, once the page shows errors.
#[component]
pub fn AutoDate(
    id: String,
    legend: String,
    #[prop(optional, into)] hidden: String,
    hint: String,
    value: DateInput,
    #[prop(into)] error: Signal<Option<(String, Vec<DatePart>)>>,
    #[prop(into)] on_input: Callback<(DatePart, String)>,
) -> impl IntoView {
    let at_fault = move |part: DatePart| error.with(|e| e.as_ref().is_some_and(|(_, parts)| parts.contains(&part)));
    let boxes = [
        (DatePart::Day, "Day", value.day, "govuk-input--width-2"),
        (DatePart::Month, "Month", value.month, "govuk-input--width-2"),
        (DatePart::Year, "Year", value.year, "govuk-input--width-4"),
    ]
    .into_iter()
    .map(|(part, label, typed, width)| {
        let input_id = format!("{id}-{}", part.name());
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=input_id.clone()>{label}</label>
                    <input class=format!("govuk-input govuk-date-input__input {width}") class:govuk-input--error=move || at_fault(part)
                        id=input_id.clone() name=input_id type="text" inputmode="numeric" prop:value=typed
                        on:input=move |ev| on_input.run((part, event_target_value(&ev))) />
                </div>
            </div>
        }
    })
    .collect_view();
    let described = {
        let id = id.clone();
        move || {
            if error.with(Option::is_some) {
                format!("{id}-hint {id}-error")
            } else {
                format!("{id}-hint")
            }
        }
    };
    let error_id = id.clone();
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.with(Option::is_some)>
            <fieldset class="govuk-fieldset" role="group" aria-describedby=described>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                    {legend}
                    {(!hidden.is_empty()).then(|| view! { <span class="govuk-visually-hidden">{hidden}</span> })}
                </legend>
                <div id=format!("{id}-hint") class="govuk-hint">{hint}</div>
                {move || error.get().map(|(message, _)| view! { <ErrorMessage id=error_id.clone() message /> })}
                <div class="govuk-date-input" id=id>{boxes}</div>
            </fieldset>
        </div>
    }
}

/// Sets one box of a typed date.
pub fn set_part(date: &mut DateInput, part: DatePart, text: String) {
    match part {
        DatePart::Day => date.day = text,
        DatePart::Month => date.month = text,
        DatePart::Year => date.year = text,
    }
}

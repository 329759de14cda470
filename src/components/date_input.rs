//! The GOV.UK date input: day, month and year boxes in a fieldset, each box marked when at fault.

use super::draft::Text;
use super::form::ErrorMessage;
use leptos::prelude::*;
use redress_core::record::{DateInput as Typed, DatePart};

/// What the three boxes hold: lenses onto a draft's typed date (`date_lens!`), or signals of
/// their own.
#[derive(Clone, Copy)]
pub struct DateFields {
    pub day: Text,
    pub month: Text,
    pub year: Text,
}

impl Default for DateFields {
    fn default() -> Self {
        Self {
            day: RwSignal::new(String::new()).into(),
            month: RwSignal::new(String::new()).into(),
            year: RwSignal::new(String::new()).into(),
        }
    }
}

impl DateFields {
    /// The boxes as lenses onto a date held on its own, where it is a form's only date and
    /// the form has no draft type of its own (the date a letter was sent).
    pub fn of(date: RwSignal<Typed>) -> Self {
        Self {
            day: Text::of(date, |d| &d.day, |d| &mut d.day),
            month: Text::of(date, |d| &d.month, |d| &mut d.month),
            year: Text::of(date, |d| &d.year, |d| &mut d.year),
        }
    }

    /// What was typed, for the core to read.
    pub fn typed(&self) -> Typed {
        Typed::new(
            &self.day.get_untracked(),
            &self.month.get_untracked(),
            &self.year.get_untracked(),
        )
    }
}

/// A date input. `error` holds the message and the boxes to mark.
#[component]
pub fn DateInput(
    id: &'static str,
    legend: &'static str,
    hint: &'static str,
    fields: DateFields,
    #[prop(into)] error: Signal<Option<(String, Vec<DatePart>)>>,
) -> impl IntoView {
    let has_error = move || error.get().is_some();
    let part_at_fault = move |part: DatePart| error.get().is_some_and(|(_, parts)| parts.contains(&part));
    let item = move |part: DatePart, label: &'static str, value: Text, width: &'static str| {
        let input_id = format!("{id}-{}", part.name());
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=input_id.clone()>{label}</label>
                    <input
                        class=format!("govuk-input govuk-date-input__input {width}")
                        class:govuk-input--error=move || part_at_fault(part)
                        id=input_id.clone()
                        name=input_id
                        type="text"
                        inputmode="numeric"
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    />
                </div>
            </div>
        }
    };
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=has_error>
            <fieldset
                class="govuk-fieldset"
                role="group"
                aria-describedby=move || {
                    if has_error() { format!("{id}-hint {id}-error") } else { format!("{id}-hint") }
                }
            >
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                <div id=format!("{id}-hint") class="govuk-hint">{hint}</div>
                {move || error.get().map(|(message, _)| view! { <ErrorMessage id=id.to_string() message /> })}
                <div class="govuk-date-input" id=id>
                    {item(DatePart::Day, "Day", fields.day, "govuk-input--width-2")}
                    {item(DatePart::Month, "Month", fields.month, "govuk-input--width-2")}
                    {item(DatePart::Year, "Year", fields.year, "govuk-input--width-4")}
                </div>
            </fieldset>
        </div>
    }
}

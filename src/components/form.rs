//! Form fields with a visible label, an optional hint and the error message by the field.

use super::draft::Text;
use leptos::prelude::*;
use redress_core::choice::Coded;

fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The error message shown by a field, with its visually hidden "Error:" prefix.
#[component]
pub fn ErrorMessage(id: String, message: String) -> impl IntoView {
    view! {
        <p id=format!("{id}-error") class="govuk-error-message">
            <span class="govuk-visually-hidden">"Error: "</span>
            {message}
        </p>
    }
}

fn hint_view(id: &str, hint: Option<&'static str>) -> impl IntoView + use<> {
    hint.map(|hint| view! { <div id=format!("{id}-hint") class="govuk-hint">{hint}</div> })
}

/// A one-line text input.
#[component]
pub fn TextInput(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] value: Text,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(default = "govuk-input")] class: &'static str,
    /// The id of a `<datalist>` of suggestions ([`super::team::TEAM_LIST`]); anything may still be typed.
    #[prop(optional)]
    list: Option<&'static str>,
    /// `password` for a passphrase: what is typed is not shown.
    #[prop(default = "text")]
    input_type: &'static str,
) -> impl IntoView {
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.get().is_some()>
            <label class="govuk-label" for=id>{label}</label>
            {hint_view(id, hint)}
            {move || error.get().map(|message| view! { <ErrorMessage id=id.to_string() message /> })}
            <input
                class=class
                class:govuk-input--error=move || error.get().is_some()
                id=id
                name=id
                type=input_type
                spellcheck="false"
                autocomplete=autocomplete.unwrap_or("off")
                list=list
                aria-describedby=move || described_by(id, hint.is_some(), error.get().is_some())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A multi-line text box.
#[component]
pub fn TextArea(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] value: Text,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.get().is_some()>
            <label class="govuk-label govuk-label--s" for=id>{label}</label>
            {hint_view(id, hint)}
            {move || error.get().map(|message| view! { <ErrorMessage id=id.to_string() message /> })}
            <textarea
                class="govuk-textarea"
                class:govuk-textarea--error=move || error.get().is_some()
                id=id
                name=id
                rows="5"
                aria-describedby=move || described_by(id, hint.is_some(), error.get().is_some())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// One choice of a set of radios.
#[derive(Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

impl Choice {
    /// A choice whose value is its words (a service, a referral team).
    pub fn words(words: impl Into<String>) -> Choice {
        let words = words.into();
        Choice {
            value: words.clone(),
            label: words,
            hint: None,
        }
    }

    /// A choice with its own value and words.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
            hint: None,
        }
    }

    /// The same choice with a hint under it.
    pub fn with_hint(self, hint: impl Into<String>) -> Choice {
        Choice {
            hint: Some(hint.into()),
            ..self
        }
    }

    /// A first choice that leaves the answer empty ("Not decided yet").
    pub fn none(label: impl Into<String>) -> Choice {
        Choice::new(String::new(), label)
    }

    /// One of the core's coded choices, with its code, words and hint.
    pub fn coded<T: Coded>(value: T) -> Choice {
        Choice {
            value: value.code(),
            label: value.name().into(),
            hint: value.hint().map(Into::into),
        }
    }

    /// Every value of one of the core's coded choices, in its order.
    pub fn every<T: Coded>() -> Vec<Choice> {
        T::ALL.iter().copied().map(Choice::coded).collect()
    }
}

/// A set of radios in a fieldset whose legend asks the question. The first radio's id is the
/// group's id, so the error summary can link to it.
#[component]
pub fn Radios(
    id: &'static str,
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    choices: Vec<Choice>,
    #[prop(into)] value: Text,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(index, choice)| {
            let input_id = if index == 0 {
                id.to_string()
            } else {
                format!("{id}-{}", index + 1)
            };
            let item_hint_id = format!("{input_id}-item-hint");
            let has_hint = choice.hint.is_some();
            let checked_value = choice.value.clone();
            let chosen_value = choice.value.clone();
            view! {
                <div class="govuk-radios__item">
                    <input
                        class="govuk-radios__input"
                        id=input_id.clone()
                        name=id
                        type="radio"
                        value=choice.value.clone()
                        aria-describedby=has_hint.then(|| item_hint_id.clone())
                        prop:checked=move || value.get() == checked_value
                        on:change=move |_| value.set(chosen_value.clone())
                    />
                    <label class="govuk-label govuk-radios__label" for=input_id>{choice.label}</label>
                    {choice.hint.map(|hint| view! {
                        <div id=item_hint_id class="govuk-hint govuk-radios__hint">{hint}</div>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.get().is_some()>
            <fieldset
                class="govuk-fieldset"
                aria-describedby=move || described_by(id, hint.is_some(), error.get().is_some())
            >
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                {hint_view(id, hint)}
                {move || error.get().map(|message| view! { <ErrorMessage id=id.to_string() message /> })}
                <div class="govuk-radios" data-module="govuk-radios">{items}</div>
            </fieldset>
        </div>
    }
}

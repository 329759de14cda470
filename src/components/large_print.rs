//! The "Large print" checkbox the person's letters and the Ombudsman pack offer.

use leptos::prelude::*;

/// The "Large print" checkbox the person's letters and pack offer.
pub fn large_print_toggle(large: RwSignal<bool>, class: &'static str) -> impl IntoView {
    view! {
        <div class=format!("govuk-checkboxes govuk-checkboxes--small {class}")>
            <div class="govuk-checkboxes__item">
                <input class="govuk-checkboxes__input" id="large-print" type="checkbox" prop:checked=move || large.get()
                    on:change=move |ev| large.set(event_target_checked(&ev)) />
                <label class="govuk-label govuk-checkboxes__label" for="large-print">"Large print"</label>
            </div>
        </div>
    }
}

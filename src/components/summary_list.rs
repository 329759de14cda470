//! One row of a GOV.UK summary list: a key and its value.

use leptos::prelude::*;

pub fn summary_row(key: &'static str, value: impl IntoView) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
        </div>
    }
}

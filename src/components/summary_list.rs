//! Rows of a GOV.UK summary list: a key and its value, one at a time or as the core lists them.

use leptos::prelude::*;

pub fn summary_row(key: &'static str, value: impl IntoView) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
        </div>
    }
}

/// The rows the core worked out for a summary list, each value as words (text the person wrote
/// over several lines keeps its line breaks).
pub fn summary_rows(rows: Vec<redress_core::record::summary::SummaryRow>) -> impl IntoView {
    rows.into_iter()
        .map(|row| {
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{row.key}</dt>
                    <dd class="govuk-summary-list__value">
                        <span class:app-pre-line=row.multiline>{row.value}</span>
                    </dd>
                </div>
            }
        })
        .collect_view()
}

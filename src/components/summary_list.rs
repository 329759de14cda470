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
/// over several lines keeps its line breaks), with GOV.UK's "Change" link (and "Withdraw", for an
/// event recorded by mistake) where the core gives one. `base` is the record's address, which
/// the links continue (`/records/<id>` + `/correct/received`).
pub fn summary_rows(base: &str, rows: Vec<redress_core::record::summary::SummaryRow>) -> impl IntoView + use<> {
    let any_actions = rows.iter().any(|row| row.change.is_some() || row.withdraw.is_some());
    rows.into_iter()
        .map(|row| {
            let hidden = format!(" {}", row.key.to_lowercase());
            let change = row.change.map(|to| {
                let hidden = hidden.clone();
                view! {
                    <li class="govuk-summary-list__actions-list-item">
                        <a class="govuk-link" href=format!("{base}/{to}")>"Change"<span class="govuk-visually-hidden">{hidden}</span></a>
                    </li>
                }
            });
            let withdraw = row.withdraw.map(|to| {
                view! {
                    <li class="govuk-summary-list__actions-list-item">
                        <a class="govuk-link" href=format!("{base}/{to}")>"Withdraw"<span class="govuk-visually-hidden">{hidden}</span></a>
                    </li>
                }
            });
            let has_actions = change.is_some() || withdraw.is_some();
            view! {
                <div class="govuk-summary-list__row" class:govuk-summary-list__row--no-actions=any_actions && !has_actions>
                    <dt class="govuk-summary-list__key">{row.key}</dt>
                    <dd class="govuk-summary-list__value">
                        <span class:app-pre-line=row.multiline>{row.value}</span>
                    </dd>
                    {has_actions.then(|| view! {
                        <dd class="govuk-summary-list__actions">
                            <ul class="govuk-summary-list__actions-list">{change}{withdraw}</ul>
                        </dd>
                    })}
                </div>
            }
        })
        .collect_view()
}

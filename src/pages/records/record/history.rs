//! What has happened at each stage of a record, as a summary list per stage.

use crate::components::summary_list::summary_rows;
use leptos::prelude::*;
use redress_core::procedure::CustomProcedure;
use redress_core::record::Record;
use redress_core::record::summary::stage_summaries;

/// Every recorded event, stage by stage, each date with its Change link (and Withdraw, for
/// what the latest stage recorded); nothing for a record without stages.
pub fn history(record: &Record, library: &[CustomProcedure]) -> Option<impl IntoView + use<>> {
    let stages = stage_summaries(record, library);
    if stages.is_empty() {
        return None;
    }
    let base = format!("/records/{}", record.id);
    Some(view! {
        <h2 class="govuk-heading-m">"What has happened"</h2>
        {stages.into_iter().map(|stage| view! {
            <h3 class="govuk-heading-s">{stage.name}</h3>
            <dl class="govuk-summary-list">{summary_rows(&base, stage.rows)}</dl>
        }).collect_view()}
    })
}

/// The append-only history: when, who, what, newest first.
pub fn change_log(record: &Record) -> impl IntoView + use<> {
    let entries: Vec<_> = record.history.iter().rev().cloned().collect();
    view! {
        <details class="govuk-details">
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{if entries.len() == 1 { "Show the 1 change".to_string() } else { format!("Show all {} changes", entries.len()) }}</span>
            </summary>
            <div class="govuk-details__text">
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-table__caption--s">"Every change to this record, newest first"</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"When"</th>
                            <th scope="col" class="govuk-table__header">"Who"</th>
                            <th scope="col" class="govuk-table__header">"What"</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">
                        {entries.into_iter().map(|entry| view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell app-nowrap">{redress_core::format::uk_time(entry.at)}</td>
                                <td class="govuk-table__cell">{entry.who}</td>
                                <td class="govuk-table__cell">
                                    {if entry.withdrawn {
                                        view! { <s><span class="govuk-visually-hidden">"Withdrawn: "</span>{entry.what}</s> }.into_any()
                                    } else {
                                        view! { {entry.what} }.into_any()
                                    }}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

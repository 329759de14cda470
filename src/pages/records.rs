//! Records: every record on this device, newest first, or what to do when there are none.

use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::format::short_date;
use redress_core::record::{Record, newest_first};

/// The first line of a summary, cut to a length a table cell can hold.
fn headline(summary: &str) -> String {
    let first_line = summary.lines().next().unwrap_or_default();
    if first_line.chars().count() > 80 {
        format!("{}…", first_line.chars().take(79).collect::<String>())
    } else {
        first_line.to_string()
    }
}

fn row(record: Record) -> impl IntoView {
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell app-nowrap">{short_date(record.received)}</td>
            <td class="govuk-table__cell">
                <strong class="govuk-tag govuk-tag--grey">{record.kind.short_name()}</strong>
            </td>
            <td class="govuk-table__cell">{record.service.clone()}</td>
            <td class="govuk-table__cell">{record.person_name.clone().unwrap_or_else(|| "Not given".into())}</td>
            <td class="govuk-table__cell">
                <a class="govuk-link" href=format!("/records/{}", record.id)>{headline(&record.summary)}</a>
            </td>
        </tr>
    }
}

#[component]
pub fn RecordsPage() -> impl IntoView {
    page_title(|| "Records".into(), || false);
    let state = expect_context::<AppState>();
    let sorted = Memo::new(move |_| {
        let mut records = state.records.get();
        newest_first(&mut records);
        records
    });
    view! {
        <h1 class="govuk-heading-l">"Records"</h1>
        <Show
            when=move || !sorted.with(Vec::is_empty)
            fallback=|| view! {
                <p class="govuk-body">"There are no records on this device yet."</p>
                <p class="govuk-body">
                    "Record every compliment, concern, service request and complaint as it arrives. "
                    "Redress works out the deadlines for you."
                </p>
                <a href="/records/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">
                    "Create a record"
                </a>
            }
        >
            <a href="/records/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">
                "Create a record"
            </a>
            <div class="app-table-scroll" role="region" aria-label="Records" tabindex="0">
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--m">
                    {move || match sorted.with(Vec::len) {
                        1 => "1 record, newest first".to_string(),
                        n => format!("{n} records, newest first"),
                    }}
                </caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Received"</th>
                        <th scope="col" class="govuk-table__header">"Kind"</th>
                        <th scope="col" class="govuk-table__header">"Service"</th>
                        <th scope="col" class="govuk-table__header">"Person"</th>
                        <th scope="col" class="govuk-table__header">"Summary"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    <For each=move || sorted.get() key=|record| (record.id.clone(), record.updated) children=row />
                </tbody>
            </table>
            </div>
        </Show>
    }
    .into_any()
}

//! Advocacy: complaints made *to* other organisations, on someone's behalf or by the person
//! themselves. The list of cases here; each case's pages in the modules below.

pub mod case;
pub mod letter;
pub mod new;
pub mod pack;
pub mod question;

use crate::clock;
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::advocacy::next::{NextStep, next_steps};
use redress_core::format::short_date;
use redress_core::record::Record;

/// The case a route names, as it is now.
pub fn route_case(id: &str) -> Option<Record> {
    let state = expect_context::<AppState>();
    state.record(id).filter(|r| r.is_advocacy())
}

pub fn not_found() -> AnyView {
    page_title(|| "Case not found".into(), || false);
    view! {
        <h1 class="govuk-heading-l">"Case not found"</h1>
        <p class="govuk-body"><a class="govuk-link" href="/cases">"Go to advocacy cases"</a></p>
    }
    .into_any()
}

#[component]
pub fn CasesPage() -> impl IntoView {
    page_title(|| "Advocacy".into(), || false);
    let state = expect_context::<AppState>();
    let rows = move || {
        let rules = state.settings.with(|s| s.rules(clock::today()));
        state.records.with(|all| {
            all.iter()
                .filter(|r| r.is_advocacy())
                .map(|record| {
                    let outgoing = record.outgoing.clone().unwrap_or_default();
                    let next = next_steps(record, &rules).first().map(NextStep::words).unwrap_or_default();
                    view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell app-nowrap">
                                <a class="govuk-link" href=format!("/cases/{}", record.id)>{record.reference.clone()}</a>
                            </td>
                            <td class="govuk-table__cell">{record.person.name.clone()}</td>
                            <td class="govuk-table__cell">{outgoing.organisation}</td>
                            <td class="govuk-table__cell">{outgoing.sent.map_or("Not sent yet".to_string(), |d| format!("Sent {}", short_date(d)))}</td>
                            <td class="govuk-table__cell">{next}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let any = move || state.records.with(|all| all.iter().any(|r| r.is_advocacy()));
    view! {
        <h1 class="govuk-heading-l">"Advocacy"</h1>
        <p class="govuk-body">
            "Help a person make a complaint to another organisation and hold it to its own timescales: draft the complaint "
            "from their answers, see what the organisation owes and when, chase it, ask for the next stage, and put together "
            "a pack for the Ombudsman. People complaining for themselves can use it too."
        </p>
        <a href="/cases/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">"Start a case"</a>
        <Show when=any fallback=|| view! { <p class="govuk-body">"There are no cases on this device yet."</p> }>
            <div class="app-table-scroll" role="region" aria-label="Advocacy cases" tabindex="0">
                <table class="govuk-table app-table--compact">
                    <caption class="govuk-table__caption govuk-table__caption--m">"Cases"</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"Case"</th>
                            <th scope="col" class="govuk-table__header">"For"</th>
                            <th scope="col" class="govuk-table__header">"Complaint to"</th>
                            <th scope="col" class="govuk-table__header">"Sent"</th>
                            <th scope="col" class="govuk-table__header">"What next"</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">{rows}</tbody>
                </table>
            </div>
        </Show>
    }
    .into_any()
}

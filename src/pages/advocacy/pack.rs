//! The Ombudsman pack: a dated timeline of the case, what was asked for, what is still
//! outstanding, the letters sent and how to contact the Ombudsman, in plain English, printable,
//! in large print.

use super::{not_found, route_case};
use crate::clock;
use crate::components::large_print::large_print_toggle;
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::advocacy::pack::ombudsman_pack;
use redress_core::format::long_date;

#[component]
pub fn PackPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = crate::routes::id_now();
    let Some(record) = route_case(&id) else {
        return not_found();
    };
    page_title(|| "Ombudsman pack".into(), || false);
    let rules = state.settings.with_untracked(|s| s.rules(clock::today()));
    let pack = ombudsman_pack(&record, &rules);
    let large = RwSignal::new(false);
    let person = record.person.name.clone();
    let organisation = record
        .outgoing
        .as_ref()
        .map(|o| o.organisation.clone())
        .unwrap_or_default();
    view! {
        <a href=format!("/cases/{id}") class="govuk-back-link app-no-print">"Back to the case"</a>
        <div class="govuk-button-group app-no-print">
            <button type="button" class="govuk-button" on:click=move |_| { let _ = window().print(); }>"Print"</button>
            {large_print_toggle(large, "")}
        </div>
        <article class:app-large-print=move || large.get()>
            <span class="govuk-caption-l">{record.reference.clone()}</span>
            <h1 class="govuk-heading-l">{format!("Complaint to {organisation}: what happened, and when")}</h1>
            <p class="govuk-body">
                {format!("This is for the Ombudsman. It shows what {person} complained about, when, what {organisation} did, and what is still not done.")}
            </p>
            <h2 class="govuk-heading-m">"What happened, and when"</h2>
            <table class="govuk-table">
                <caption class="govuk-visually-hidden">"Timeline, oldest first"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Date"</th>
                        <th scope="col" class="govuk-table__header">"What happened"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {pack.timeline.into_iter().map(|(date, what)| view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell app-nowrap">{long_date(date)}</td>
                            <td class="govuk-table__cell app-pre-line">{what}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h2 class="govuk-heading-m">{format!("What {person} asked for")}</h2>
            <p class="govuk-body app-pre-line">{pack.asked_for}</p>
            <h2 class="govuk-heading-m">"What is still not done"</h2>
            {if pack.outstanding.is_empty() {
                view! { <p class="govuk-body">"Nothing is overdue from the organisation’s own timescales."</p> }.into_any()
            } else {
                view! { <ul class="govuk-list govuk-list--bullet">{pack.outstanding.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul> }.into_any()
            }}
            <h2 class="govuk-heading-m">"The letters sent"</h2>
            {if pack.letters.is_empty() {
                view! { <p class="govuk-body">"No letters are recorded on this case."</p> }.into_any()
            } else {
                pack.letters.into_iter().map(|letter| view! {
                    <h3 class="govuk-heading-s">{format!("{} {}", long_date(letter.date), letter.what)}</h3>
                    <p class="govuk-body app-pre-line">{letter.text}</p>
                }).collect_view().into_any()
            }}
            <h2 class="govuk-heading-m">"How to contact the Ombudsman"</h2>
            <p class="govuk-body">{format!("Contact {}. Send this timeline and the letters above.", pack.ombudsman)}</p>
        </article>
    }
    .into_any()
}

//! One advocacy case: who it is for and who it is to, the 12-month limit, drafting, what the
//! organisation owes and by when (the same engine as our own records), every reply and contact
//! recorded in a dated log, and what to do next.

use super::not_found;
use crate::clock;
use crate::components::deadlines::DeadlineList;
use crate::components::event_form::EventForm;
use crate::components::summary_list::summary_row;
use crate::components::title::page_title;
use crate::pages::records::record::casework::Correspondence;
use crate::pages::records::record::manage::ExportRecord;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::advocacy::QUESTIONS;
use redress_core::advocacy::next::{NextStep, limit_warning, next_steps};
use redress_core::deadline::record_deadlines;
use redress_core::format::long_date;
use redress_core::record::Record;

fn next_view(record: &Record, steps: Vec<NextStep>) -> impl IntoView + use<> {
    let id = record.id.clone();
    let today = clock::today();
    view! {
        <h2 class="govuk-heading-m">"What to do next"</h2>
        <ul class="govuk-list govuk-list--spaced">
            {steps.into_iter().map(|step| {
                let words = step.words();
                let link = match &step {
                    NextStep::Send { .. } => Some((format!("/cases/{id}/letter/complaint"), "Check and send the complaint letter")),
                    NextStep::Chase { .. } => Some((format!("/cases/{id}/letter/chaser"), "Draft a chaser")),
                    NextStep::AskNextStage { .. } => Some((format!("/cases/{id}/letter/next-stage"), "Draft the request for the next stage")),
                    NextStep::Ombudsman => Some((format!("/cases/{id}/pack"), "Put together the Ombudsman pack")),
                    NextStep::Wait { .. } | NextStep::AwaitReply { .. } => None,
                };
                let warning = match &step {
                    NextStep::Send { limit: Some(limit), months } => limit_warning(*limit, *months, today),
                    _ => None,
                };
                view! {
                    <li>
                        {warning.map(|w| view! {
                            <div class="govuk-warning-text">
                                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                                <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">"Warning"</span>{w}</strong>
                            </div>
                        })}
                        <p class="govuk-body govuk-!-margin-bottom-1">{words}</p>
                        {link.map(|(href, text)| view! { <a class="govuk-link" href=href>{text}</a> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// `flash` lives with the page, not the view, so a message survives the redraw its change causes.
fn case_view(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let rules = state.settings.with_untracked(|s| s.rules(clock::today()));
    let outgoing = record.outgoing.clone().unwrap_or_default();
    let person = record.person.name.clone();
    let procedure = rules.procedure(&record).map(|p| p.name.clone()).unwrap_or_default();
    let steps = next_steps(&record, &rules);
    let answered = outgoing.answers.answered();
    let id = record.id.clone();
    let sent = outgoing.sent.is_some();
    let deadlines: Vec<_> = record_deadlines(&record, &rules);
    view! {
        <span class="govuk-caption-l">{record.reference.clone()}</span>
        <h1 class="govuk-heading-l">{format!("Complaint to {} for {person}", outgoing.organisation)}</h1>
        {move || flash.get().map(|m| view! { <div class="govuk-notification-banner govuk-notification-banner--success" role="alert">
            <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{m}</p></div></div> })}
        <dl class="govuk-summary-list">
            {summary_row("For", person.clone())}
            {summary_row("Acting for them", if outgoing.advocate.is_empty() { "They are complaining for themselves".into() } else {
                format!("{}{}", outgoing.advocate, outgoing.authority.map(|d| format!(", agreed {}", long_date(d))).unwrap_or_default()) })}
            {summary_row("Complaint to", outgoing.organisation.clone())}
            {summary_row("Service", record.service.clone())}
            {summary_row("Their procedure", procedure)}
            {summary_row("When it happened", record.issue_date.map(long_date).unwrap_or_else(|| "Not given".into()))}
            {summary_row("Sent", outgoing.sent.map(long_date).unwrap_or_else(|| "Not yet".into()))}
        </dl>
        {next_view(&record, steps)}
        <h2 class="govuk-heading-m">"The complaint"</h2>
        <ul class="govuk-list">
            <li><a class="govuk-link" href=format!("/cases/{id}/questions/1")>{format!("Answer the questions ({answered} of {} answered)", QUESTIONS.len())}</a></li>
            <li><a class="govuk-link" href=format!("/cases/{id}/letter/complaint")>{if sent { "The complaint letter as sent" } else { "The complaint letter" }}</a></li>
            <li><a class="govuk-link" href=format!("/cases/{id}/pack")>"The Ombudsman pack: a dated timeline"</a></li>
        </ul>
        {sent.then(|| view! {
            <section aria-labelledby="owes-heading">
                <h2 class="govuk-heading-m" id="owes-heading">{format!("What {} owes, and by when", outgoing.organisation)}</h2>
                <DeadlineList deadlines />
            </section>
            <h2 class="govuk-heading-m">"Record their reply"</h2>
            <EventForm record=record.clone() flash />
            <Correspondence record=record.clone() flash />
        })}
        <ExportRecord record=record.clone() />
    }
}

#[component]
pub fn CasePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = crate::routes::id_now();
    if super::route_case(&id).is_none() {
        return not_found();
    }
    let title_id = id.clone();
    page_title(
        move || state.record(&title_id).map(|r| r.reference).unwrap_or_default(),
        || false,
    );
    let flash = RwSignal::new(None::<String>);
    view! {
        <a href="/cases" class="govuk-back-link">"Back to advocacy"</a>
        {move || state.records.with(|all| all.iter().find(|r| r.id == id).cloned()).map(|r| case_view(r, flash))}
    }
    .into_any()
}

//! Record: what was entered, and the deadlines the core computes for it, each explained.

use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use redress_core::calendar::WorkingDayCalendar;
use redress_core::deadline::{Deadline, record_deadlines};
use redress_core::format::{long_date, short_date};
use redress_core::procedure;
use redress_core::record::Record;

fn summary_row(key: &'static str, value: impl IntoView) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
        </div>
    }
}

fn deadline_view(deadline: Deadline) -> impl IntoView {
    let explanation = deadline.explanation.clone();
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{deadline.label.clone()}</dt>
            <dd class="govuk-summary-list__value">
                <p class="govuk-body govuk-!-margin-bottom-1">
                    <strong>{long_date(deadline.due)}</strong>
                    {deadline.projected.then(|| view! { " " <strong class="govuk-tag govuk-tag--blue">"Projected"</strong> })}
                </p>
                {deadline.projected.then(|| view! {
                    <p class="govuk-hint govuk-!-margin-bottom-1">"Counted from the acknowledgement deadline until the acknowledgement is recorded."</p>
                })}
                <details class="govuk-details govuk-!-margin-bottom-0">
                    <summary class="govuk-details__summary">
                        <span class="govuk-details__summary-text">"How was this worked out?"</span>
                    </summary>
                    <div class="govuk-details__text">
                        <p class="govuk-body">{format!("Due {}: {}", short_date(deadline.due), explanation.rule())}</p>
                        <p class="govuk-body govuk-!-margin-bottom-0">
                            {explanation.not_counted().unwrap_or_else(|| "Every day in between was a working day.".into())}
                        </p>
                    </div>
                </details>
            </dd>
        </div>
    }
}

fn record_view(record: Record) -> AnyView {
    let calendar = WorkingDayCalendar::default();
    let deadlines = record_deadlines(&record, &calendar);
    let procedure_name = record.procedure.as_deref().map(|id| {
        procedure::find(id)
            .map(|p| p.name)
            .unwrap_or(id.to_string())
    });
    view! {
        <span class="govuk-caption-l">{record.kind.name()}</span>
        <h1 class="govuk-heading-l">{format!("Received {}", long_date(record.received))}</h1>
        <h2 class="govuk-heading-m">"What was recorded"</h2>
        <dl class="govuk-summary-list">
            {summary_row("Kind", record.kind.name())}
            {summary_row("Date received", long_date(record.received))}
            {summary_row("Service", record.service.clone())}
            {summary_row("The person’s name", record.person_name.clone().unwrap_or_else(|| "Not given".into()))}
            {summary_row("Summary", view! { <span class="app-pre-line">{record.summary.clone()}</span> })}
            {procedure_name.map(|name| summary_row("Procedure", name))}
        </dl>
        <h2 class="govuk-heading-m">"Deadlines"</h2>
        {if deadlines.is_empty() {
            view! {
                <p class="govuk-body">
                    {format!("A {} has no statutory deadlines.", record.kind.short_name().to_lowercase())}
                </p>
            }.into_any()
        } else {
            view! {
                <p class="govuk-body">"Counted in working days: weekends and England and Wales bank holidays do not count."</p>
                <dl class="govuk-summary-list">{deadlines.into_iter().map(deadline_view).collect_view()}</dl>
            }.into_any()
        }}
    }
    .into_any()
}

#[component]
pub fn RecordPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let record = Memo::new(move |_| {
        params
            .with(|p| p.get("id"))
            .and_then(|id| state.record(&id))
    });
    page_title(
        move || {
            record.with(|r| {
                r.as_ref().map_or("Record not found".into(), |r| {
                    format!(
                        "{} received {}",
                        r.kind.short_name(),
                        short_date(r.received)
                    )
                })
            })
        },
        || false,
    );
    let unsaved = move || {
        record.with(|r| {
            r.as_ref()
                .is_some_and(|r| state.unsaved_records.with(|ids| ids.contains(&r.id)))
        })
    };
    view! {
        <a href="/" class="govuk-back-link">"Back to records"</a>
        <Show when=unsaved>
            <strong class="govuk-tag govuk-tag--red">"Not saved on this device"</strong>
        </Show>
        {move || match record.get() {
            Some(record) => record_view(record),
            None => view! {
                <h1 class="govuk-heading-l">"Record not found"</h1>
                <p class="govuk-body">"There is no record at this address on this device. It may have been made on another device and not imported here."</p>
                <p class="govuk-body"><a class="govuk-link" href="/">"Go to the list of records"</a></p>
            }.into_any(),
        }}
    }
    .into_any()
}

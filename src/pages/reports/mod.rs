//! Reports: the annual complaints report for a financial year, for one service or all, and the
//! regular update for the Member Responsible for Complaints (in `member`). Figures come from the
//! core; this page chooses the period and service, draws the tables and offers each as CSV.

pub mod member;
mod table;

use crate::clock;
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::report::Period;
use redress_core::report::annual::{AnnualReport, annual_report};
use table::ReportTable;

/// "All services" and each service in Settings, for a select.
pub fn service_select(value: RwSignal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let services = state.settings.with_untracked(|s| s.services.clone());
    view! {
        <div class="govuk-form-group app-filter">
            <label class="govuk-label" for="report-service">"Service"</label>
            <select class="govuk-select" id="report-service" name="report-service"
                on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_empty()>"All services"</option>
                {services.into_iter().map(|service| {
                    let chosen = service.clone();
                    let shown = service.clone();
                    view! { <option value=service selected=move || value.get() == chosen>{shown}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

fn report_view(report: AnnualReport, organisation: String) -> impl IntoView {
    let service = report.service.clone().unwrap_or_else(|| "all services".into());
    let prefix = format!("redress-annual-report-{}", report.period.label().replace('–', "-"));
    view! {
        <h1 class="govuk-heading-l">{format!("Annual complaints report {}", report.period.label())}</h1>
        <p class="govuk-body-l">
            {if organisation.is_empty() { String::new() } else { format!("{organisation}. ") }}
            {format!("Records received from {} to {}, {service}.", redress_core::format::day_long_month(report.period.start), redress_core::format::day_long_month(report.period.end))}
        </p>
        <p class="govuk-body">"No names or personal details appear in this report. Numbers are counts of records; stages are counted in the year they were answered."</p>
        {report.tables.into_iter().map(|table| view! { <ReportTable table file_prefix=prefix.clone() /> }).collect_view()}
        <h2 class="govuk-heading-m">"What we learned"</h2>
        {if report.learning.is_empty() {
            view! { <p class="govuk-body">"No learning statements were marked for publication."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list govuk-list--bullet">
                    {report.learning.into_iter().map(|l| view! { <li class="app-pre-line">{l}</li> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2 class="govuk-heading-m">"Self-assessment (Code 8.1a, c)"</h2>
        {if report.assessments.is_empty() {
            view! { <p class="govuk-body">"No self-assessment has been recorded yet."</p> }.into_any()
        } else {
            report.assessments.into_iter().map(|summary| view! {
                <h3 class="govuk-heading-s">{summary.name.clone()}</h3>
                <p class="govuk-body">{summary.completed.map_or_else(|| "Not yet completed.".to_string(), |d| format!("Completed {}.", redress_core::format::day_long_month(d)))}</p>
                <ul class="govuk-list">{summary.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                {(!summary.non_compliance.is_empty()).then(|| view! {
                    <p class="govuk-body">"Where we do not fully follow the Code:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        {summary.non_compliance.into_iter().map(|(item, follows, commentary)| view! {
                            <li>{format!("{item} — {follows}")}{(!commentary.is_empty()).then(|| format!(": {commentary}"))}</li>
                        }).collect_view()}
                    </ul>
                })}
            }).collect_view().into_any()
        }}
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    page_title(|| "Annual complaints report".into(), || false);
    let state = expect_context::<AppState>();
    let today = clock::today();
    let years = state
        .records
        .with_untracked(|all| Period::financial_years_to_offer(today, all));
    let year = RwSignal::new(0usize);
    let service = RwSignal::new(String::new());
    let options = years.clone();
    let report = Memo::new(move |_| {
        let period = years[year.get()];
        let rules = state.settings.with(|s| s.rules(today));
        let service = service.get();
        state.records.with(|records| {
            state.assessments.with(|assessments| {
                annual_report(
                    records,
                    assessments,
                    &rules,
                    period,
                    Some(service.as_str()).filter(|s| !s.is_empty()),
                )
            })
        })
    });
    let organisation = move || state.settings.with(|s| s.organisation_name.clone());
    view! {
        <div class="app-no-print">
            <div class="app-filters">
                <div class="govuk-form-group app-filter">
                    <label class="govuk-label" for="report-year">"Financial year"</label>
                    <select class="govuk-select" id="report-year" name="report-year"
                        on:change=move |ev| year.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {options.into_iter().enumerate().map(|(i, p)| view! {
                            <option value=i.to_string() selected=move || year.get() == i>{p.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                {service_select(service)}
                <div class="govuk-form-group app-filter">
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                </div>
            </div>
            <p class="govuk-body"><a class="govuk-link" href="/reports/member">"The Member Responsible for Complaints’ update, for any dates"</a></p>
            <Show when=move || state.records.with(|all| all.iter().any(|r| r.sample))>
                <div class="govuk-inset-text">"The made-up sample records are not counted in reports."</div>
            </Show>
        </div>
        {move || report_view(report.get(), organisation())}
    }
    .into_any()
}

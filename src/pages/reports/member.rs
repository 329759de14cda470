//! The regular update for the Member Responsible for Complaints (Code 9.6, 9.7): volume,
//! categories, outcomes, handling performance and themes, for a quarter or any dates.

use super::service_select;
use super::table::ReportTable;
use crate::clock;
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::record::DateInput;
use redress_core::report::Period;
use redress_core::report::member::member_report;

#[component]
pub fn MemberReportPage() -> impl IntoView {
    page_title(|| "Update for the Member Responsible for Complaints".into(), || false);
    let state = expect_context::<AppState>();
    let today = clock::today();
    let quarter = Period::quarter(today);
    let date_text = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let from = RwSignal::new(date_text(quarter.start));
    let to = RwSignal::new(date_text(quarter.end));
    let service = RwSignal::new(String::new());
    let period = Memo::new(move |_| {
        let read = |text: String| {
            let parts: Vec<&str> = text.split('-').collect();
            match parts.as_slice() {
                [y, m, d] => DateInput::new(d, m, y).parse("Date", chrono::NaiveDate::MAX).ok(),
                _ => None,
            }
        };
        match (read(from.get()), read(to.get())) {
            (Some(start), Some(end)) if start <= end => Ok(Period::new(start, end)),
            (Some(_), Some(_)) => Err("The end date must be on or after the start date".to_string()),
            _ => Err("Enter both dates".to_string()),
        }
    });
    let report = move || {
        let period = period.get()?;
        let rules = state.settings.with(|s| s.rules(today));
        let service = service.get();
        Ok::<_, String>(state.records.with(|records| {
            member_report(
                records,
                &rules,
                period,
                Some(service.as_str()).filter(|s| !s.is_empty()),
            )
        }))
    };
    view! {
        <a href="/reports" class="govuk-back-link app-no-print">"Back to the annual report"</a>
        <h1 class="govuk-heading-l">"Update for the Member Responsible for Complaints"</h1>
        <div class="app-filters app-no-print">
            <div class="govuk-form-group app-filter">
                <label class="govuk-label" for="member-from">"From"</label>
                <input class="govuk-input" type="date" id="member-from" name="member-from" prop:value=move || from.get()
                    on:change=move |ev| from.set(event_target_value(&ev)) />
            </div>
            <div class="govuk-form-group app-filter">
                <label class="govuk-label" for="member-to">"To"</label>
                <input class="govuk-input" type="date" id="member-to" name="member-to" prop:value=move || to.get()
                    on:change=move |ev| to.set(event_target_value(&ev)) />
            </div>
            {service_select(service)}
            <div class="govuk-form-group app-filter">
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
            </div>
        </div>
        {move || match report() {
            Err(message) => view! { <p class="govuk-error-message">{message}</p> }.into_any(),
            Ok(report) => {
                let prefix = format!("redress-member-update-{}-to-{}", report.period.start, report.period.end);
                view! {
                    <p class="govuk-body-l">{format!("{}, {}.", report.period.label(), report.service.clone().unwrap_or_else(|| "all services".into()))}</p>
                    {report.tables.into_iter().map(|table| view! { <ReportTable table file_prefix=prefix.clone() /> }).collect_view()}
                    <h2 class="govuk-heading-m">"Learning"</h2>
                    {if report.learning.is_empty() {
                        view! { <p class="govuk-body">"No learning statements marked for publication in this period."</p> }.into_any()
                    } else {
                        view! { <ul class="govuk-list govuk-list--bullet">{report.learning.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                    }}
                }.into_any()
            }
        }}
    }
    .into_any()
}

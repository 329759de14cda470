//! The regular update for the Member Responsible for Complaints (Code 9.6, 9.7): volume,
//! categories, outcomes, handling performance and themes, for a quarter or any dates.

use super::service_select;
use super::table::ReportTable;
use crate::clock;
use crate::components::date_input::{DateFields, DateInput};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::record::DateInput as Typed;
use redress_core::report::Period;
use redress_core::report::member::member_report;

#[component]
pub fn MemberReportPage() -> impl IntoView {
    page_title(|| "Update for the Member Responsible for Complaints".into(), || false);
    let state = expect_context::<AppState>();
    let today = clock::today();
    let quarter = Period::quarter(today);
    let fields = |date: chrono::NaiveDate| {
        let typed = Typed::from_date(date);
        let fields = DateFields::default();
        fields.day.set(typed.day);
        fields.month.set(typed.month);
        fields.year.set(typed.year);
        fields
    };
    let (from, to) = (fields(quarter.start), fields(quarter.end));
    let service = RwSignal::new(String::new());
    // Read as the boxes change; a date not yet whole is named by its own box.
    let period = Memo::new(move |_| {
        let typed = |f: DateFields| Typed::new(&f.day.get(), &f.month.get(), &f.year.get());
        Period::from_typed(&typed(from), &typed(to))
    });
    let from_error = Signal::derive(move || period.get().err().and_then(|p| p.start));
    let to_error = Signal::derive(move || period.get().err().and_then(|p| p.end));
    let report = move || {
        let period = period
            .get()
            .map_err(|_| "Enter a start date and an end date to see the update.".to_string())?;
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
            <div class="app-filter">
                <DateInput id="member-from" legend="From" hint="For example, 1 10 2026" fields=from error=from_error />
            </div>
            <div class="app-filter">
                <DateInput id="member-to" legend="To" hint="For example, 31 12 2026" fields=to error=to_error />
            </div>
            {service_select(service)}
            <div class="govuk-form-group app-filter">
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
            </div>
        </div>
        {move || match report() {
            Err(message) => view! { <p class="govuk-body">{message}</p> }.into_any(),
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

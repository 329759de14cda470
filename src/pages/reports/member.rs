//! The regular update for the Member Responsible for Complaints (Code 9.6, 9.7): volume,
//! categories, outcomes, handling performance and themes, for a quarter or any dates.
//!
//! The update follows the dates as they are typed, and a box at fault is marked as it is typed.
//! The error summary waits until the dates are sent (Enter, or "Show the update"): it takes the
//! focus when it appears, which must never happen in the middle of typing a year. Sent when right,
//! the focus moves to the dates the update covers.

use super::service_select;
use super::table::ReportTable;
use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{ErrorSummary, problem_lines};
use crate::components::title::page_title;
use crate::date_lens;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::problem::Problem;
use redress_core::record::DatePart;
use redress_core::report::member::member_report;
use redress_core::report::{END_FIELD, Period, PeriodDraft, START_FIELD};

/// The message and the boxes at fault for one date input, from the core's problems.
fn date_problem(problems: Memo<Vec<Problem>>, field: &'static str) -> Signal<Option<(String, Vec<DatePart>)>> {
    Signal::derive(move || {
        problems.with(|all| {
            all.iter()
                .find(|p| p.field == field)
                .map(|p| (p.message.clone(), p.parts.clone()))
        })
    })
}

#[component]
pub fn MemberReportPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = clock::today();
    // The dates as typed, one draft starting at this quarter; the service is the reports' filter.
    let draft = RwSignal::new(PeriodDraft::of(Period::quarter(today)));
    let service = RwSignal::new(String::new());
    // Read as the boxes change; a date not yet whole is named by its own box.
    let period = Memo::new(move |_| draft.with(PeriodDraft::period));
    let problems = Memo::new(move |_| period.get().err().unwrap_or_default());
    page_title(
        || "Update for the Member Responsible for Complaints".into(),
        move || problems.with(|all| !all.is_empty()),
    );
    // Whether the dates were sent with problems; put right, the summary goes until the next time.
    let sent = RwSignal::new(false);
    let attempt = RwSignal::new(0u32);
    Effect::new(move |_| {
        if problems.with(Vec::is_empty) {
            sent.set(false);
        }
    });
    let lines = Signal::derive(move || {
        if sent.get() {
            problems.with(|all| problem_lines(all))
        } else {
            Vec::new()
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !problems.with_untracked(Vec::is_empty) {
            sent.set(true);
            attempt.update(|n| *n += 1);
        } else if let Some(dates) = document().get_element_by_id("member-update-dates") {
            // The update already shows these dates: say so by moving to it.
            use wasm_bindgen::JsCast;
            if let Ok(dates) = dates.dyn_into::<web_sys::HtmlElement>() {
                let _ = dates.focus();
            }
        }
    };
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
        <div class="app-no-print">
            <ErrorSummary lines attempt />
        </div>
        <h1 class="govuk-heading-l">"Update for the Member Responsible for Complaints"</h1>
        <form class="app-filters app-no-print" novalidate on:submit=on_submit>
            <div class="app-filter">
                <DateInput id=START_FIELD legend="From" hint="For example, 1 10 2026" fields=date_lens!(draft, start) error=date_problem(problems, START_FIELD) />
            </div>
            <div class="app-filter">
                <DateInput id=END_FIELD legend="To" hint="For example, 31 12 2026" fields=date_lens!(draft, end) error=date_problem(problems, END_FIELD) />
            </div>
            {service_select(service)}
            <div class="govuk-form-group app-filter">
                <button type="submit" class="govuk-button" data-module="govuk-button">"Show the update"</button>
                " "
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
            </div>
        </form>
        {move || match report() {
            Err(message) => view! { <p class="govuk-body">{message}</p> }.into_any(),
            Ok(report) => {
                let prefix = format!("redress-member-update-{}-to-{}", report.period.start, report.period.end);
                view! {
                    <p class="govuk-body-l" id="member-update-dates" tabindex="-1">{format!("{}, {}.", report.period.label(), report.service.clone().unwrap_or_else(|| "all services".into()))}</p>
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

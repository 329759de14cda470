//! Escalate a concern to a complaint: choose the procedure and the date it became a complaint;
//! the complaint carries the concern's details over and each links to the other.

use crate::clock;
use crate::components::date_input::{DateFields, DateInput};
use crate::components::error_summary::{ErrorSummary, SummaryLine};
use crate::components::form::{Choice, Radios};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::procedure;
use redress_core::record::{DateInput as Typed, DatePart, RecordKind, escalate_concern, next_reference};

#[component]
pub fn EscalatePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let id = crate::routes::id_now();
    let concern = state.record(&id).filter(|r| r.kind == RecordKind::Concern);
    page_title(|| "Escalate to a complaint".into(), || false);
    let Some(concern) = concern else {
        return view! {
            <h1 class="govuk-heading-l">"Concern not found"</h1>
            <p class="govuk-body"><a class="govuk-link" href="/records">"Go to the list of records"</a></p>
        }
        .into_any();
    };
    let chosen = RwSignal::new(String::new());
    let date = DateFields::default();
    let today = Typed::from_date(clock::today());
    date.day.set(today.day);
    date.month.set(today.month);
    date.year.set(today.year);
    let procedure_error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<(String, Vec<DatePart>)>);
    let attempt = RwSignal::new(0u32);
    let lines = Signal::derive(move || {
        let mut lines = Vec::new();
        if let Some(message) = procedure_error.get() {
            lines.push(SummaryLine {
                anchor: "procedure".into(),
                message,
            });
        }
        if let Some((message, _)) = date_error.get() {
            lines.push(SummaryLine {
                anchor: "received-day".into(),
                message,
            });
        }
        lines
    });
    let reference = concern.reference.clone();
    let back = format!("/records/{}", concern.id);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let procedures = state.settings.with_untracked(|s| s.procedures());
        let procedure = procedure::find(&procedures, &chosen.get_untracked()).cloned();
        procedure_error.set(
            procedure
                .is_none()
                .then(|| "Select the procedure the complaint is handled under".into()),
        );
        let received = match date.typed().parse("Date it became a complaint", clock::today()) {
            Ok(day) => Some(day),
            Err(e) => {
                date_error.set(Some((e.message, e.parts)));
                None
            }
        };
        let (Some(procedure), Some(received)) = (procedure, received) else {
            attempt.update(|n| *n += 1);
            return;
        };
        let new_id = uuid::Uuid::new_v4().to_string();
        let new_reference = next_reference(RecordKind::Complaint, received, &state.records.get_untracked());
        match escalate_concern(
            &concern,
            new_id.clone(),
            new_reference,
            received,
            &procedure,
            &state.change(),
        ) {
            Ok((concern, complaint)) => {
                let _ = state.update_record(concern);
                let _ = state.add_record(complaint);
                navigate(&format!("/records/{new_id}"), Default::default());
            }
            Err(message) => {
                date_error.set(Some((message, vec![DatePart::Day, DatePart::Month, DatePart::Year])));
                attempt.update(|n| *n += 1);
            }
        }
    };
    view! {
        <a href=back class="govuk-back-link">"Back to the concern"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary lines attempt />
                <span class="govuk-caption-l">{reference}</span>
                <h1 class="govuk-heading-l">"Escalate to a complaint"</h1>
                <p class="govuk-body">"A new complaint is made with this concern’s details. Each will link to the other, and the concern’s outcome becomes “escalated to a complaint”."</p>
                <form novalidate on:submit=on_submit>
                    <Radios
                        id="procedure"
                        legend="Which procedure is the complaint handled under?"
                        choices=state.settings.with_untracked(|s| s.procedures()).into_iter().map(|p| Choice::new(p.id, p.name).with_hint(p.applies_to)).collect()
                        value=chosen
                        error=procedure_error
                    />
                    <DateInput id="received" legend="Date it became a complaint" hint="The deadlines count from this day." fields=date error=date_error />
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Make the complaint"</button>
                </form>
            </div>
        </div>
    }
    .into_any()
}

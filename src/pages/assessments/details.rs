//! An assessment's details, conclusions and dates: who and what period, the conclusions, ideas
//! for improving the evidence base, the date completed and the review date (a year on unless set).

use super::fields::{AutoDate, AutoText, set_part};
use super::shared::{SavedNote, Working, not_found, route_assessment};
use crate::clock;
use crate::components::error_summary::{ErrorSummary, problem_lines};
use crate::components::title::page_title;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::assessment::review::{COMPLETED_FIELD, REVIEW_FIELD, details_problems};
use redress_core::format::long_date;

#[component]
pub fn DetailsPage() -> impl IntoView {
    let Some(assessment) = route_assessment() else {
        return not_found();
    };
    let id = assessment.id.clone();
    let caption = assessment.name();
    let initial = assessment.clone();
    let working = Working::new(assessment);
    let show_errors = RwSignal::new(false);
    let attempt = RwSignal::new(0u32);
    let problems = Memo::new(move |_| working.assessment.with(|a| details_problems(a, clock::today())));
    // A date's message and the boxes at fault, once the page shows errors.
    let date_error = move |field: &'static str| {
        Signal::derive(move || {
            if !show_errors.get() {
                return None;
            }
            problems.with(|all| {
                all.iter()
                    .find(|p| p.field == field)
                    .map(|p| (p.message.clone(), p.parts.clone()))
            })
        })
    };
    // The summary follows the dates as they are put right, but takes the focus only when the
    // page is sent with problems (`attempt`), never while a box is typed in.
    let lines = Signal::derive(move || {
        if !show_errors.get() {
            return Vec::new();
        }
        problems.with(|all| problem_lines(all))
    });
    page_title(
        || "Details, conclusions and dates".into(),
        move || !lines.with(Vec::is_empty),
    );
    let review_hint = move || {
        working
            .assessment
            .with(|a| match (a.review_is_default(), a.review_on()) {
                (true, Some(date)) => format!(
                    "With no review date given, the review falls on {}, a year after the date completed.",
                    long_date(date)
                ),
                (false, Some(date)) => format!("The review falls on {}.", long_date(date)),
                _ => String::new(),
            })
    };
    let navigate = use_navigate();
    let back = format!("/assessments/{id}");
    let done = {
        let back = back.clone();
        move |_| {
            show_errors.set(true);
            if lines.with_untracked(Vec::is_empty) {
                navigate(&back, Default::default());
            } else {
                attempt.update(|n| *n += 1);
            }
        }
    };
    view! {
        <a href=back class="govuk-back-link">"Back to the assessment"</a>
        <crate::components::conflict::ConflictChoice id=id.clone() />
        <ErrorSummary lines attempt />
        <span class="govuk-caption-l">{caption}</span>
        <h1 class="govuk-heading-l">"Details, conclusions and dates"</h1>
        <SavedNote working />
        <AutoText id="organisation".to_string() label="Organisation".to_string() value=initial.organisation.clone()
            on_input=move |typed: String| working.edit(|a, c| { a.organisation = typed; a.touch(c) }) />
        <AutoText id="period".to_string() label="Period the assessment covers".to_string() value=initial.period.clone()
            on_input=move |typed: String| working.edit(|a, c| { a.period = typed; a.touch(c) }) />
        <AutoText id="conclusions".to_string() label="Conclusions".to_string() rows=6
            hint=Some("What the assessment shows overall: strengths, weaknesses and priorities".to_string())
            value=initial.conclusions.clone()
            on_input=move |typed: String| working.edit(|a, c| { a.conclusions = typed; a.touch(c) }) />
        <AutoText id="evidence-ideas".to_string() label="Ideas for improving the evidence base".to_string() rows=4
            value=initial.evidence_ideas.clone()
            on_input=move |typed: String| working.edit(|a, c| { a.evidence_ideas = typed; a.touch(c) }) />
        <AutoDate id=COMPLETED_FIELD.to_string() legend="Date completed".to_string() hint="For example, 27 3 2026".to_string()
            value=initial.completed.clone() error=date_error(COMPLETED_FIELD)
            on_input=move |(part, typed)| working.edit(|a, c| { set_part(&mut a.completed, part, typed); a.touch(c) }) />
        <AutoDate id=REVIEW_FIELD.to_string() legend="Review date".to_string() hint="Leave it blank for a year after the date completed".to_string()
            value=initial.review.clone() error=date_error(REVIEW_FIELD)
            on_input=move |(part, typed)| working.edit(|a, c| { set_part(&mut a.review, part, typed); a.touch(c) }) />
        <p class="govuk-body" aria-live="polite">{review_hint}</p>
        <button type="button" class="govuk-button" on:click=done>"Save and return to the assessment"</button>
    }
    .into_any()
}

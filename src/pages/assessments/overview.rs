//! One assessment at a glance: its details, a task list of its parts with each part's progress
//! and total, what is left, the Code's non-compliance summary, and what can be done with it.

use super::shared::{not_found, route_assessment, status_tag};
use crate::components::summary_list::summary_row;
use crate::components::tag::{Colour, Tag};
use crate::components::title::page_title;
use crate::files::download;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::assessment::score::{Progress, Totals, all_part_totals, details_progress, non_compliance, overall};
use redress_core::assessment::{Assessment, Scale};
use redress_core::exchange::file::one_assessment;
use redress_core::format::short_date;

fn progress_tag(progress: Progress) -> impl IntoView {
    let colour = match progress {
        Progress::Completed => Colour::Default,
        Progress::InProgress => Colour::LightBlue,
        Progress::NotStarted => Colour::Grey,
    };
    view! { <Tag colour text=progress.words() /> }
}

/// "22 of 36, 10 of 12 areas scored" or "Yes 7, partly 2, no 1".
pub fn totals_words(scale: Scale, noun: &str, totals: &Totals) -> String {
    match scale {
        Scale::Score => format!(
            "{} of {}, {} of {} {noun}s scored",
            totals.total, totals.max, totals.answered, totals.items
        ),
        Scale::Follows => format!(
            "Yes {}, partly {}, no {}; {} of {} {noun}s answered",
            totals.yes, totals.partly, totals.no, totals.answered, totals.items
        ),
    }
}

fn task_list(assessment: &Assessment) -> impl IntoView + use<> {
    let framework = assessment.framework();
    let id = assessment.id.clone();
    let details = details_progress(assessment);
    view! {
        <ul class="govuk-task-list">
            {all_part_totals(assessment).into_iter().map(|(part, totals)| {
                let hint_id = format!("part-{}-hint", part.number);
                view! {
                    <li class="govuk-task-list__item govuk-task-list__item--with-link">
                        <div class="govuk-task-list__name-and-hint">
                            <a class="govuk-link govuk-task-list__link" href=format!("/assessments/{id}/part/{}", part.number) aria-describedby=format!("{hint_id} part-{}-status", part.number)>
                                {format!("{}: {}", part.title, part.summary)}
                            </a>
                            <div id=hint_id class="govuk-task-list__hint">{totals_words(framework.scale, framework.item_noun, &totals)}</div>
                        </div>
                        <div class="govuk-task-list__status" id=format!("part-{}-status", part.number)>{progress_tag(totals.progress())}</div>
                    </li>
                }
            }).collect_view()}
            <li class="govuk-task-list__item govuk-task-list__item--with-link">
                <div class="govuk-task-list__name-and-hint">
                    <a class="govuk-link govuk-task-list__link" href=format!("/assessments/{id}/details") aria-describedby="details-status">
                        "Details, conclusions and dates"
                    </a>
                </div>
                <div class="govuk-task-list__status" id="details-status">{progress_tag(details)}</div>
            </li>
        </ul>
    }
}

/// Every "no" and "partly": what the annual report states as non-compliance (Code 8.1c).
pub fn findings_table(assessment: &Assessment) -> impl IntoView + use<> {
    let findings = non_compliance(assessment);
    let framework = assessment.framework();
    if findings.is_empty() {
        return view! { <p class="govuk-body">"No “no” or “partly” answers so far."</p> }.into_any();
    }
    view! {
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{match findings.len() {
                1 => "1 place where we do not fully follow the Code".to_string(),
                n => format!("{n} places where we do not fully follow the Code"),
            }}</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Code"</th>
                    <th scope="col" class="govuk-table__header">"Do we follow it?"</th>
                    <th scope="col" class="govuk-table__header">"Explanation and commentary"</th>
                    <th scope="col" class="govuk-table__header">"Action"</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">
                {findings.into_iter().map(|finding| view! {
                    <tr class="govuk-table__row">
                        <th scope="row" class="govuk-table__header">{framework.item_label(finding.item)}</th>
                        <td class="govuk-table__cell">{finding.follows.words()}</td>
                        <td class="govuk-table__cell app-pre-line">{finding.commentary}</td>
                        <td class="govuk-table__cell app-pre-line">{finding.action}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// "3 areas left to score", "1 row left to answer", "Every provision answered".
fn left_heading(scale: Scale, noun: &str, left: usize) -> String {
    let verb = if scale == Scale::Score { "score" } else { "answer" };
    match left {
        0 => format!("Every {noun} {}", scale.answered_word()),
        1 => format!("1 {noun} left to {verb}"),
        n => format!("{n} {noun}s left to {verb}"),
    }
}

fn view_assessment(assessment: Assessment) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = assessment.framework();
    let whole = overall(&assessment);
    let id = assessment.id.clone();
    let message = RwSignal::new(None::<String>);
    let exported = assessment.clone();
    let on_export = move |_| {
        let file = one_assessment(&exported, &state.exporter());
        message.set(Some(
            match download(&file.file_name(), "application/json", &file.to_json()) {
                Ok(()) => format!("Saved as {}. It holds this assessment only.", file.file_name()),
                Err(problem) => problem,
            },
        ));
    };
    let copied_from = assessment
        .copied_from
        .as_deref()
        .and_then(|from| state.assessment(from))
        .map(|from| from.name());
    let review = match (assessment.review_on(), assessment.review_is_default()) {
        (Some(date), true) => format!("{} (a year after the date completed)", short_date(date)),
        (Some(date), false) => short_date(date),
        (None, _) => "Not set".into(),
    };
    view! {
        <span class="govuk-caption-l">{framework.title}</span>
        <h1 class="govuk-heading-l">{if assessment.period.is_empty() { "Self-assessment".to_string() } else { assessment.period.clone() }}</h1>
        <p class="govuk-body">{status_tag(&assessment)}</p>
        {copied_from.map(|name| view! {
            <div class="govuk-inset-text">{format!("This assessment started as a copy of {name}. Check every answer: nothing is final until you give the date completed.")}</div>
        })}
        <dl class="govuk-summary-list">
            {summary_row("Organisation", assessment.organisation.clone())}
            {summary_row("Progress", totals_words(framework.scale, framework.item_noun, &whole))}
            {summary_row("Date completed", assessment.completed_on().map(short_date).unwrap_or_else(|| "Not yet".into()))}
            {summary_row("Review date", review)}
            {summary_row("Last changed", format!("{} by {}", redress_core::format::uk_time(assessment.updated), assessment.updated_by))}
        </dl>
        <h2 class="govuk-heading-m">{left_heading(framework.scale, framework.item_noun, whole.left())}</h2>
        {task_list(&assessment)}
        {(framework.scale == Scale::Follows).then(|| view! {
            <h2 class="govuk-heading-m">"Where we do not fully follow the Code"</h2>
            <p class="govuk-body">"Every “no” and “partly”, for the annual complaints performance and service improvement report (Code 8.1c)."</p>
            {findings_table(&assessment)}
        })}
        <h2 class="govuk-heading-m">"Share and keep"</h2>
        {move || message.get().map(|m| view! { <div class="govuk-inset-text" role="status">{m}</div> })}
        <div class="govuk-button-group">
            <a class="govuk-button" role="button" draggable="false" href=format!("/assessments/{id}/print")>"Print view"</a>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=on_export>"Export this assessment"</button>
        </div>
        <ul class="govuk-list">
            <li><a class="govuk-link" href="/assessments/new">"Start a new assessment (it can start as a copy of the latest)"</a></li>
            <li><a class="govuk-link" href=format!("/assessments/{id}/delete")>"Delete this assessment"</a></li>
        </ul>
    }
}

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let Some(assessment) = route_assessment() else {
        return not_found();
    };
    let name = assessment.name();
    page_title(move || name.clone(), || false);
    view! {
        <a href="/assessments" class="govuk-back-link">"Back to self-assessments"</a>
        <crate::components::conflict::ConflictChoice id=assessment.id.clone() />
        {view_assessment(assessment)}
    }
    .into_any()
}

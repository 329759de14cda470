//! An assessment as a document for a governance board: every part with its items, answers,
//! evidence and totals, the action plans, the Code's non-compliance, conclusions and dates.
//! On paper the navigation and buttons drop away.

use super::overview::{findings_table, totals_words};
use super::shared::{not_found, route_assessment};
use crate::components::summary_list::summary_row;
use crate::components::title::page_title;
use leptos::prelude::*;
use redress_core::assessment::score::{all_part_totals, overall};
use redress_core::assessment::{Assessment, Part, Scale};
use redress_core::format::short_date;

fn items_table(assessment: &Assessment, part: &'static Part) -> impl IntoView + use<> {
    let framework = assessment.framework();
    let scale = framework.scale;
    let headers: &[&str] = match scale {
        Scale::Score => &[
            "Area",
            "Score",
            "Basis for the score",
            "Notes and queries (evidence gaps)",
        ],
        Scale::Follows => &[
            "Code",
            "Do we follow it?",
            "Evidence",
            "Explanation and commentary",
            "Action",
        ],
    };
    let rows = part
        .items
        .iter()
        .map(|item| {
            let entry = assessment.entry(item.code).cloned().unwrap_or_default();
            let answer = scale.level_words(entry.level(framework));
            let heading = framework.item_label(item);
            let extra = match scale {
                Scale::Score => view! { <td class="govuk-table__cell app-pre-line">{entry.gaps}</td> }.into_any(),
                Scale::Follows => view! {
                    <td class="govuk-table__cell app-pre-line">{entry.commentary}</td>
                    <td class="govuk-table__cell app-pre-line">{entry.action}</td>
                }
                .into_any(),
            };
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                        <span class="app-nowrap">{heading}</span>
                        <span class="govuk-body-s app-print-item-text app-pre-line">{item.text}</span>
                    </th>
                    <td class="govuk-table__cell">{answer}</td>
                    <td class="govuk-table__cell app-pre-line">{entry.evidence}</td>
                    {extra}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="govuk-table app-table--compact app-print-table">
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    {headers.iter().enumerate().map(|(index, h)| {
                        let class = if index == 0 { "govuk-table__header govuk-!-width-one-third" } else { "govuk-table__header" };
                        view! { <th scope="col" class=class>{*h}</th> }
                    }).collect_view()}
                </tr>
            </thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
}

fn plan_table(assessment: &Assessment, part: &str) -> impl IntoView + use<> {
    let plan = assessment.plan(part).to_vec();
    (!plan.is_empty()).then(|| {
        view! {
            <table class="govuk-table app-table--compact">
                <caption class="govuk-table__caption govuk-table__caption--s">"Action plan"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Action"</th>
                        <th scope="col" class="govuk-table__header">"Owner"</th>
                        <th scope="col" class="govuk-table__header">"Due"</th>
                        <th scope="col" class="govuk-table__header">"Done"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {plan.into_iter().map(|item| {
                        let due = item.due.parse("Due", chrono::NaiveDate::MAX).map(short_date).unwrap_or_default();
                        view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell app-pre-line">{item.action}</td>
                                <td class="govuk-table__cell">{item.owner}</td>
                                <td class="govuk-table__cell app-nowrap">{due}</td>
                                <td class="govuk-table__cell">{if item.done { "Yes" } else { "No" }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}

#[component]
pub fn PrintPage() -> impl IntoView {
    let Some(assessment) = route_assessment() else {
        return not_found();
    };
    let framework = assessment.framework();
    let name = assessment.name();
    page_title(move || name.clone(), || false);
    let whole = overall(&assessment);
    let parts = all_part_totals(&assessment)
        .into_iter()
        .map(|(part, totals)| {
            view! {
                <section class="app-print-part">
                    <h2 class="govuk-heading-m">{format!("{}: {}", part.title, part.summary)}</h2>
                    {part.vision.map(|v| view! { <p class="govuk-body">"Underpinning user-led vision: " {v}</p> })}
                    <p class="govuk-body govuk-!-font-weight-bold">{totals_words(framework.scale, framework.item_noun, &totals)}</p>
                    {items_table(&assessment, part)}
                    {plan_table(&assessment, part.number)}
                </section>
            }
        })
        .collect_view();
    let totals_table = (framework.scale == Scale::Score).then(|| {
        view! {
            <table class="govuk-table app-table--compact">
                <caption class="govuk-table__caption govuk-table__caption--m">"Scores by principle"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Principle"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Areas scored"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Total"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Maximum"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {all_part_totals(&assessment).into_iter().map(|(part, t)| view! {
                        <tr class="govuk-table__row">
                            <th scope="row" class="govuk-table__header">{part.title}</th>
                            <td class="govuk-table__cell govuk-table__cell--numeric">{format!("{} of {}", t.answered, t.items)}</td>
                            <td class="govuk-table__cell govuk-table__cell--numeric">{t.total}</td>
                            <td class="govuk-table__cell govuk-table__cell--numeric">{t.max}</td>
                        </tr>
                    }).collect_view()}
                    <tr class="govuk-table__row">
                        <th scope="row" class="govuk-table__header">"All principles"</th>
                        <td class="govuk-table__cell govuk-table__cell--numeric">{format!("{} of {}", whole.answered, whole.items)}</td>
                        <td class="govuk-table__cell govuk-table__cell--numeric">{whole.total}</td>
                        <td class="govuk-table__cell govuk-table__cell--numeric">{whole.max}</td>
                    </tr>
                </tbody>
            </table>
        }
    });
    let id = assessment.id.clone();
    view! {
        <a href=format!("/assessments/{id}") class="govuk-back-link">"Back to the assessment"</a>
        <div class="govuk-button-group app-no-print">
            <button type="button" class="govuk-button" on:click=move |_| { let _ = window().print(); }>"Print"</button>
        </div>
        <article class="app-print-document">
            <span class="govuk-caption-l">{framework.title}</span>
            <h1 class="govuk-heading-l">{format!("{}: self-assessment, {}", assessment.organisation, assessment.period)}</h1>
            <dl class="govuk-summary-list">
                {summary_row("Progress", totals_words(framework.scale, framework.item_noun, &whole))}
                {summary_row("Date completed", assessment.completed_on().map(short_date).unwrap_or_else(|| "Not yet completed".into()))}
                {summary_row("Review date", assessment.review_on().map(short_date).unwrap_or_else(|| "Not set".into()))}
            </dl>
            {totals_table}
            {(framework.scale == Scale::Follows).then(|| view! {
                <h2 class="govuk-heading-m">"Where we do not fully follow the Code"</h2>
                {findings_table(&assessment)}
            })}
            {parts}
            <h2 class="govuk-heading-m">"Conclusions"</h2>
            <p class="govuk-body app-pre-line">{if assessment.conclusions.is_empty() { "None written yet.".to_string() } else { assessment.conclusions.clone() }}</p>
            <h2 class="govuk-heading-m">"Ideas for improving the evidence base"</h2>
            <p class="govuk-body app-pre-line">{if assessment.evidence_ideas.is_empty() { "None written yet.".to_string() } else { assessment.evidence_ideas.clone() }}</p>
        </article>
    }
    .into_any()
}

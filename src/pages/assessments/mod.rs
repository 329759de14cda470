//! Self-assessments: the list of assessments on this device, starting one, comparing two and
//! bringing one in from a file. Each assessment has its own pages in the modules below.

pub mod compare;
pub mod delete;
pub mod details;
mod fields;
mod import;
pub mod new;
pub mod overview;
pub mod part;
mod plan;
pub mod print;
mod shared;

use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::assessment::review::newest_first;
use redress_core::assessment::score::overall;
use redress_core::assessment::{Assessment, FrameworkId};
use redress_core::format::short_date;
use shared::status_tag;

fn row(assessment: &Assessment) -> impl IntoView + use<> {
    let framework = assessment.framework();
    let totals = overall(assessment);
    let progress = format!(
        "{} of {} {}s {}",
        totals.answered,
        totals.items,
        framework.item_noun,
        framework.scale.answered_word()
    );
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell">
                <a class="govuk-link" href=format!("/assessments/{}", assessment.id)>{assessment.name()}</a>
            </td>
            <td class="govuk-table__cell">{assessment.organisation.clone()}</td>
            <td class="govuk-table__cell">{progress}</td>
            <td class="govuk-table__cell">{status_tag(assessment)}</td>
            <td class="govuk-table__cell app-nowrap">{assessment.review_on().map(short_date).unwrap_or_default()}</td>
        </tr>
    }
}

/// Two assessments of one framework to compare, chosen from lists of those that can be.
#[component]
fn CompareForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let options = move || {
        state.assessments.with(|all| {
            FrameworkId::ALL
                .into_iter()
                .filter_map(|framework| {
                    let mut same: Vec<&Assessment> = newest_first(all)
                        .into_iter()
                        .filter(|a| a.framework == framework)
                        .collect();
                    same.reverse();
                    (same.len() >= 2).then(|| {
                        let group = framework.framework().title;
                        let options = same
                            .iter()
                            .map(|a| (a.id.clone(), a.period.clone(), a.name()))
                            .collect::<Vec<_>>();
                        (group, options)
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let before = NodeRef::<leptos::html::Select>::new();
    let after = NodeRef::<leptos::html::Select>::new();
    let navigate = leptos_router::hooks::use_navigate();
    // The same address a plain form would go to, reached without reloading the app.
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value =
            |select: NodeRef<leptos::html::Select>| select.get_untracked().map(|s| s.value()).unwrap_or_default();
        navigate(
            &format!("/assessments/compare?before={}&after={}", value(before), value(after)),
            Default::default(),
        );
    };
    let select = move |id: &'static str, label: &'static str, pick_last: bool, node: NodeRef<leptos::html::Select>| {
        view! {
            <div class="govuk-form-group app-filter">
                <label class="govuk-label" for=id>{label}</label>
                <select class="govuk-select" id=id name=id node_ref=node>
                    {options().into_iter().map(|(group, items)| {
                        let count = items.len();
                        view! {
                            <optgroup label=group>
                                {items.into_iter().enumerate().map(|(index, (value, period, name))| {
                                    let chosen = if pick_last { index + 1 == count } else { index + 2 == count };
                                    let shown = if period.is_empty() { name } else { period };
                                    view! { <option value=value selected=chosen>{shown}</option> }
                                }).collect_view()}
                            </optgroup>
                        }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <Show when=move || !options().is_empty()>
            <h2 class="govuk-heading-m">"Compare two assessments"</h2>
            <form method="get" action="/assessments/compare" class="app-filters" on:submit=on_submit.clone()>
                {select("before", "Earlier assessment", false, before)}
                {select("after", "Later assessment", true, after)}
                <div class="govuk-form-group app-filter">
                    <button type="submit" class="govuk-button govuk-button--secondary">"Compare"</button>
                </div>
            </form>
        </Show>
    }
}

#[component]
pub fn AssessmentsPage() -> impl IntoView {
    page_title(|| "Self-assessments".into(), || false);
    let state = expect_context::<AppState>();
    let list = move || {
        state
            .assessments
            .with(|all| newest_first(all).into_iter().map(row).collect_view())
    };
    view! {
        <h1 class="govuk-heading-l">"Self-assessments"</h1>
        <p class="govuk-body">
            "Score the organisation against the National Complaints Managers’ Group good practice principles, and "
            "assess it against the Ombudsman’s Complaint Handling Code every year (Code 8.1a) and after a significant "
            "restructure or change in procedures (Code 8.3). Work on an assessment over weeks: every answer is saved as you type."
        </p>
        <a href="/assessments/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">
            "Start a self-assessment"
        </a>
        <Show
            when=move || state.assessments.with(|all| !all.is_empty())
            fallback=|| view! { <p class="govuk-body">"There are no self-assessments on this device yet."</p> }
        >
            <div class="app-table-scroll" role="region" aria-label="Self-assessments on this device" tabindex="0">
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-table__caption--m">"On this device"</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"Assessment"</th>
                            <th scope="col" class="govuk-table__header">"Organisation"</th>
                            <th scope="col" class="govuk-table__header">"Progress"</th>
                            <th scope="col" class="govuk-table__header">"Status"</th>
                            <th scope="col" class="govuk-table__header">"Review date"</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">{list}</tbody>
                </table>
            </div>
        </Show>
        <CompareForm />
        <import::ImportAssessment />
    }
    .into_any()
}

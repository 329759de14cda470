//! My work, the home page: what is overdue, due today and due in the next seven days, by
//! handler; actions overdue; self-assessments past their review date. On a new device, what to do
//! first.

use crate::clock;
use crate::components::tag::{Tag, status_colour};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::assessment::review::{ReviewDue, reviews_due};
use redress_core::format::short_date;
use redress_core::worklist::{MyWork, WorkItem, my_work};

/// A table of work items; `base` is where each item's page lives ("/records" or "/cases").
fn work_table(caption: &'static str, items: Vec<WorkItem>, empty: &'static str, base: &'static str) -> impl IntoView {
    if items.is_empty() {
        return view! {
            <h2 class="govuk-heading-m">{caption}</h2>
            <p class="govuk-body">{empty}</p>
        }
        .into_any();
    }
    view! {
        <div class="app-table-scroll" role="region" aria-label=caption tabindex="0">
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--m">{format!("{caption} ({})", items.len())}</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Record"</th>
                        <th scope="col" class="govuk-table__header">"What is due"</th>
                        <th scope="col" class="govuk-table__header">"Due"</th>
                        <th scope="col" class="govuk-table__header">"Status"</th>
                        <th scope="col" class="govuk-table__header">"Handler"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {items.into_iter().map(|item| view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell app-nowrap">
                                <a class="govuk-link" href=format!("{base}/{}", item.record_id)>{item.reference.clone()}</a>
                            </td>
                            <td class="govuk-table__cell">{item.label.clone()}</td>
                            <td class="govuk-table__cell app-nowrap">{short_date(item.due)}</td>
                            <td class="govuk-table__cell">
                                <Tag colour=status_colour(item.status) text=item.status.words() />
                            </td>
                            <td class="govuk-table__cell">{item.handler.clone().unwrap_or_else(|| "Not yet assigned".into())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn work_view(work: MyWork) -> impl IntoView {
    let MyWork {
        overdue,
        due_today,
        due_this_week,
        by_handler,
        actions_overdue,
        reviews_due,
        owed_to_us,
    } = work;
    view! {
        {work_table("Overdue", overdue, "Nothing is overdue.", "/records")}
        {work_table("Due today", due_today, "Nothing is due today.", "/records")}
        {work_table("Due in the next 7 days", due_this_week, "Nothing else is due in the next 7 days.", "/records")}
        {(!by_handler.is_empty()).then(|| view! {
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--m">"By handler"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Handler"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Overdue"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Due today"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Next 7 days"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {by_handler.into_iter().map(|load| view! {
                        <tr class="govuk-table__row">
                            <th scope="row" class="govuk-table__header">{load.handler}</th>
                            <td class="govuk-table__cell govuk-table__cell--numeric">{load.overdue}</td>
                            <td class="govuk-table__cell govuk-table__cell--numeric">{load.due_today}</td>
                            <td class="govuk-table__cell govuk-table__cell--numeric">{load.due_this_week}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        <h2 class="govuk-heading-m">"Adjustments to review"</h2>
        {if reviews_due.is_empty() {
            view! { <p class="govuk-body">"No adjustments are due for review in the next 7 days."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list govuk-list--bullet">
                    {reviews_due.into_iter().map(|review| view! {
                        <li>
                            <a class="govuk-link" href=format!("/records/{}", review.record_id)>{review.reference}</a>
                            {format!(": {}, by {}", review.what, short_date(review.by))}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(!owed_to_us.is_empty()).then(|| view! {
            <div class="govuk-inset-text">
                "Below: what other organisations owe on complaints you made to them as an advocate. These are their dates, not ours."
            </div>
            {work_table("Owed to us by other organisations", owed_to_us, "", "/cases")}
        })}
        <h2 class="govuk-heading-m">"Actions overdue"</h2>
        {if actions_overdue.is_empty() {
            view! { <p class="govuk-body">"No actions are overdue."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list govuk-list--bullet">
                    {actions_overdue.into_iter().map(|action| view! {
                        <li>
                            <a class="govuk-link" href=format!("/records/{}", action.record_id)>{action.reference}</a>
                            {format!(": {} ({}), due {}", action.what, action.who, short_date(action.by))}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// Self-assessments whose review date has come: a banner, since nothing else will remind anyone.
fn assessment_reminders(due: Vec<ReviewDue>) -> impl IntoView {
    (!due.is_empty()).then(|| {
        view! {
            <div class="govuk-notification-banner" role="region" aria-labelledby="assessment-review-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="assessment-review-title">"Self-assessment due for review"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    {due.into_iter().map(|review| view! {
                        <p class="govuk-body">
                            <a class="govuk-notification-banner__link" href=format!("/assessments/{}", review.id)>{review.name}</a>
                            {format!(" was due for review on {}. ", short_date(review.review))}
                            <a class="govuk-notification-banner__link" href="/assessments/new">"Start the next one"</a>
                            " — it can start as a copy of this one."
                        </p>
                    }).collect_view()}
                </div>
            </div>
        }
    })
}

#[component]
pub fn MyWorkPage() -> impl IntoView {
    page_title(|| "My work".into(), || false);
    let state = expect_context::<AppState>();
    let work = Memo::new(move |_| {
        let rules = state.settings.with(|s| s.rules(clock::today()));
        state.records.with(|records| my_work(records, &rules))
    });
    let empty = move || state.records.with(Vec::is_empty);
    let reviews = Memo::new(move |_| state.assessments.with(|all| reviews_due(all, clock::today())));
    view! {
        {move || assessment_reminders(reviews.get())}
        <h1 class="govuk-heading-l">"My work"</h1>
        <Show when=move || !empty() fallback=|| view! { <FirstRun /> }>
            {move || work_view(work.get())}
        </Show>
    }
    .into_any()
}

/// What a new device shows: how to start, or a look around with sample records.
#[component]
fn FirstRun() -> impl IntoView {
    let state = expect_context::<AppState>();
    let load_sample = move |_| {
        let _ = state.load_sample_data();
    };
    view! {
        <p class="govuk-body-l">"There are no records on this device yet."</p>
        <p class="govuk-body">
            "Record every compliment, concern, service request and complaint as it arrives. Redress works out each deadline "
            "from the procedure and the working-day calendar, explains it, and lists here what is due."
        </p>
        <div class="govuk-button-group">
            <a href="/records/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">"Create a record"</a>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=load_sample>"Explore with sample data"</button>
        </div>
        <p class="govuk-body">"Sample records are made up, clearly marked, and removed in one step."</p>
        <p class="govuk-body">
            "Records from a colleague or a backup? "
            <a class="govuk-link" href="/data">"Import a file"</a>"."
        </p>
    }
}

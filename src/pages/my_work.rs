//! My work, the home page: everything due on the organisation's records — deadlines, actions,
//! remedies, the Ombudsman's recommendations, adjustment and restriction reviews — overdue, due
//! today, in the next seven days and later, for everyone, the user ("Mine") or one handler; each
//! handler's load; what other organisations owe on an advocate's cases; self-assessments past
//! their review date. On a new device, what to do first. The core groups and words it all, from
//! the records' rows: at start-up, the rows kept at the last start, so My work shows before
//! every record has been read.

use crate::clock;
use crate::components::tag::{Tag, status_colour};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::assessment::review::{ReviewDue, reviews_due};
use redress_core::format::short_date;
use redress_core::worklist::{HandlerLoad, MyWork, WorkFor, WorkGroup, WorkItem, work_for_choices, work_from_rows};

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
                        <th scope="col" class="govuk-table__header">"Person and summary"</th>
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
                            <td class="govuk-table__cell">
                                <span class="govuk-!-font-weight-bold">{item.person.clone()}</span>
                                <br />
                                {item.summary.clone()}
                            </td>
                            <td class="govuk-table__cell">{item.label.clone()}</td>
                            <td class="govuk-table__cell app-nowrap">{short_date(item.due)}</td>
                            <td class="govuk-table__cell">
                                <Tag colour=status_colour(item.status) text=item.status.words() />
                            </td>
                            <td class="govuk-table__cell">{item.handler_words().to_string()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// One of the four groups, with a pointer to the records list when "Later" is cut short.
fn group_view(group: WorkGroup) -> impl IntoView {
    let more = group.more;
    view! {
        {work_table(group.title, group.items, group.empty, "/records")}
        {(more > 0).then(|| view! {
            <p class="govuk-body">
                {format!("{more} more due later: ")}
                <a class="govuk-link" href="/records">"see the records list, sorted by next due"</a>"."
            </p>
        })}
    }
}

fn loads_view(by_handler: Vec<HandlerLoad>) -> impl IntoView {
    (!by_handler.is_empty()).then(|| {
        view! {
            <div class="app-table-scroll" role="region" aria-label="By handler" tabindex="0">
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-table__caption--m">"By handler"</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"Handler"</th>
                            <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Overdue"</th>
                            <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Due today"</th>
                            <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Next 7 days"</th>
                            <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Later"</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">
                        {by_handler.into_iter().map(|load| view! {
                            <tr class="govuk-table__row">
                                <th scope="row" class="govuk-table__header">{load.handler}</th>
                                <td class="govuk-table__cell govuk-table__cell--numeric">{load.overdue}</td>
                                <td class="govuk-table__cell govuk-table__cell--numeric">{load.due_today}</td>
                                <td class="govuk-table__cell govuk-table__cell--numeric">{load.due_this_week}</td>
                                <td class="govuk-table__cell govuk-table__cell--numeric">{load.later}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    })
}

fn work_view(work: MyWork) -> impl IntoView {
    let MyWork {
        groups,
        by_handler,
        owed_to_us,
    } = work;
    view! {
        {groups.into_iter().map(group_view).collect_view()}
        {loads_view(by_handler)}
        {(!owed_to_us.is_empty()).then(|| view! {
            <div class="govuk-inset-text">
                "Below: what other organisations owe on complaints you made to them as an advocate. These are their dates, not ours."
            </div>
            {work_table("Owed to us by other organisations", owed_to_us, "", "/cases")}
        })}
    }
}

/// "Show work for": everyone, mine, one handler, or nobody yet.
fn whose_view(choices: Vec<(String, String)>, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="work-for">"Show work for"</label>
            <select
                class="govuk-select"
                id="work-for"
                name="work-for"
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {choices.into_iter().map(|(v, text)| {
                    let chosen = v.clone();
                    view! { <option value=v selected=move || value.get() == chosen>{text}</option> }
                }).collect_view()}
            </select>
        </div>
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

/// While My work is drawn from the rows kept at the last start: that the records are still
/// being read and it may change (a change whose save failed, or a pause still running, is put
/// right once they are); or that they cannot be, if the piece that reads them was not fetched.
fn reading_line(state: AppState) -> impl IntoView {
    if state.not_fetched.get() {
        Some(view! { <p class="govuk-inset-text">{crate::lazy::NotFetched::WORDS}</p> }.into_any())
    } else if state.opening.get() {
        let words = "Still reading the records kept in this browser: this list may change.";
        Some(view! { <p class="govuk-body-s" role="status">{words}</p> }.into_any())
    } else {
        None
    }
}

#[component]
pub fn MyWorkPage() -> impl IntoView {
    page_title(|| "My work".into(), || false);
    let state = expect_context::<AppState>();
    let whose = RwSignal::new(String::new());
    let rows = state.rows_for_today();
    let work = Memo::new(move |_| {
        let who = state.settings.with(|s| WorkFor::from_value(&whose.get(), &s.user_name));
        rows.with(|rows| work_from_rows(rows.iter(), clock::today(), &who))
    });
    let choices = Memo::new(move |_| {
        state
            .settings
            .with(|s| work.with(|work| work_for_choices(work, &s.team, &s.user_name)))
    });
    let empty = move || rows.with(|rows| rows.is_empty());
    let reviews = Memo::new(move |_| state.assessments.with(|all| reviews_due(all, clock::today())));
    view! {
        {move || assessment_reminders(reviews.get())}
        <h1 class="govuk-heading-l">"My work"</h1>
        {move || reading_line(state)}
        <Show when=move || !empty() fallback=|| view! { <FirstRun /> }>
            {move || whose_view(choices.get(), whose)}
            {move || work_view(work.get())}
        </Show>
    }
    .into_any()
}

/// What a new device shows: how to start, or a look around with sample records.
#[component]
fn FirstRun() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Asked for before everything stored has been read, the samples are added once it has.
    let asked = RwSignal::new(false);
    Effect::new(move |_| {
        if asked.get() && !state.opening.get() {
            asked.set(false);
            // Everything has been read, so the piece that adds them is here already.
            leptos::task::spawn_local(async move {
                let _ = load_samples(state).await;
            });
        }
    });
    let load_sample = move |_| asked.set(true);
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

crate::lazy::split_point!(
    open,
    /// Adds the sample records, with the code that saves (fetched with the code that reads
    /// storage, once My work is drawn).
    fn load_samples(state: AppState) -> Result<(), crate::lazy::NotFetched> {
        let _ = state.load_sample_data();
        Ok(())
    }
);

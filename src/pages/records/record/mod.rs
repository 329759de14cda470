//! Record: what was entered, what has happened at each stage, and every deadline the core
//! computes for it with its status and explanation; below, the form to record what happened.

pub(crate) mod casework;
pub mod correct;
pub mod delete;
pub mod escalate;
mod history;
pub mod intake;
pub mod learning;
pub mod letter;
pub(crate) mod manage;
mod ombudsman;
mod restrictions;

use crate::clock;
use crate::components::deadlines::{DeadlineList, counting_note};
use crate::components::summary_list::summary_rows;
use crate::components::tag::{Colour, Tag};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::deadline::record_deadlines;
use redress_core::format::{long_date, short_date};
use redress_core::record::summary::{intake_rows, recorded_rows};
use redress_core::record::{Record, handler_warnings};

fn intake_tasks_view(record: &Record, rules: &redress_core::deadline::Rules) -> impl IntoView + use<> {
    let tasks = redress_core::record::intake_draft::intake_tasks(record, rules);
    let id = record.id.clone();
    view! {
        <h2 class="govuk-heading-m" id="intake">"Intake and triage"</h2>
        <ul class="govuk-task-list">
            {tasks.into_iter().map(|task| {
                let status_id = format!("task-{}-status", task.anchor);
                view! {
                    <li class="govuk-task-list__item govuk-task-list__item--with-link">
                        <div class="govuk-task-list__name-and-hint">
                            <a class="govuk-link govuk-task-list__link" href=format!("/records/{id}/intake#{}", task.anchor) aria-describedby=status_id.clone()>{task.name}</a>
                        </div>
                        <div class="govuk-task-list__status" id=status_id>
                            {if task.done { view! { "Completed" }.into_any() } else { view! { <Tag colour=Colour::Blue text="Incomplete" /> }.into_any() }}
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

fn record_view(record: Record, state: AppState, flash: RwSignal<Option<String>>) -> AnyView {
    let settings = state.settings.get();
    let rules = settings.rules(clock::today());
    let deadlines = record_deadlines(&record, &rules);
    let has_deadlines = !deadlines.is_empty();
    let note = counting_note(
        settings.nation.holidays_name(),
        settings.closures_count_for_local_targets && !settings.closure_days.is_empty(),
    );
    view! {
        <span class="govuk-caption-l">{format!("Received {}", long_date(record.received))}</span>
        <h1 class="govuk-heading-l">{record.heading()}</h1>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-full">
                {record.closed.map(|closed| view! {
                    <p class="govuk-body"><Tag colour=Colour::Grey text=format!("Closed {}", short_date(closed)) /></p>
                })}
                {record.escalated_from.clone().map(|from| {
                    let reference = state.record(&from).map_or_else(|| "a concern".to_string(), |r| r.reference);
                    view! {
                        <p class="govuk-body">"Escalated from concern " <a class="govuk-link" href=format!("/records/{from}")>{reference}</a> "."</p>
                    }
                })}
                {handler_warnings(&record).into_iter().map(|warning| view! {
                    <div class="govuk-warning-text">
                        <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">"Warning"</span>{warning}</strong>
                    </div>
                }).collect_view()}
                {intake_tasks_view(&record, &rules)}
                <h2 class="govuk-heading-m">"What was recorded"</h2>
                <dl class="govuk-summary-list">
                    {summary_rows(&format!("/records/{}", record.id), recorded_rows(&record, &rules))}
                    {summary_rows(&format!("/records/{}", record.id), intake_rows(&record))}
                </dl>
                {record.intake.risk.map(|risk| intake::risk_matrix(Some(risk)))}
                {history::history(&record, &settings.custom_procedures)}
                <section aria-labelledby="deadlines-heading">
                <h2 class="govuk-heading-m" id="deadlines-heading">"Deadlines"</h2>
                {if has_deadlines {
                    view! {
                        <p class="govuk-body">{note}</p>
                        <DeadlineList deadlines />
                    }.into_any()
                } else {
                    view! {
                        <p class="govuk-body">
                            {format!("A {} has no statutory deadlines.", record.kind.short_name().to_lowercase())}
                        </p>
                    }.into_any()
                }}
                </section>
                {record.closed.is_none().then(|| view! { <crate::components::event_form::EventForm record=record.clone() flash /> })}
                {letter::letter_links(&record)}
                <manage::ConcernOutcomeForm record=record.clone() flash />
                <casework::Correspondence record=record.clone() flash />
                {(record.kind == redress_core::record::RecordKind::Complaint).then(|| view! {
                    <casework::Remedies record=record.clone() flash />
                })}
                <casework::Actions record=record.clone() flash />
                <restrictions::Restrictions record=record.clone() flash />
                <ombudsman::OmbudsmanSection record=record.clone() flash />
                <learning::LearningSection record=record.clone() flash />
                {(record.kind == redress_core::record::RecordKind::Complaint).then(|| view! {
                    <learning::FeedbackSection record=record.clone() flash />
                })}
                {(redress_core::record::closable(&record).is_ok() || record.closed.is_some()).then(|| view! {
                    <manage::CloseOrReopen record=record.clone() flash />
                })}
                <manage::ExportRecord record=record.clone() />
                <h2 class="govuk-heading-m">"History"</h2>
                {history::change_log(&record)}
                <p class="govuk-body">
                    <a class="govuk-link app-link--warning" href=format!("/records/{}/delete", record.id)>"Delete this record"</a>
                </p>
            </div>
        </div>
    }
    .into_any()
}

#[component]
pub fn RecordPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let id_in_address = crate::routes::id_signal();
    // The sections below are drawn again whenever the record changes (one of their forms saved,
    // or another tab's change arrived); what was typed in the others is kept through it.
    let memory = crate::components::kept::FormMemory::provide();
    Effect::new(move |previous: Option<Option<String>>| {
        let id = id_in_address.get();
        if previous.is_some_and(|before| before != id) {
            memory.clear();
        }
        id
    });
    let record = Memo::new(move |_| id_in_address.get().and_then(|id| state.record(&id)));
    page_title(
        move || {
            record.with(|r| {
                r.as_ref().map_or("Record not found".into(), |r| {
                    format!("{} received {}", r.kind.short_name(), short_date(r.received))
                })
            })
        },
        || false,
    );
    let flash = RwSignal::new(None::<String>);
    let unsaved = move || {
        record.with(|r| {
            r.as_ref()
                .is_some_and(|r| state.unsaved_records.with(|ids| ids.contains(&r.id)))
        })
    };
    let id = id_in_address.get_untracked().unwrap_or_default();
    view! {
        <a href="/records" class="govuk-back-link">"Back to records"</a>
        <crate::components::conflict::ConflictChoice id=id.clone() />
        <crate::components::sync_conflict::DeviceConflictChoice id=id.clone() />
        {move || state.warnings.with(|all| all.get(&id).cloned()).map(|problems| view! {
            <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">"Warning"</span>
                    "This record holds values Redress cannot work with, so some of its dates and deadlines may not be shown. You can still export it or delete it."
                </strong>
            </div>
            <ul class="govuk-list govuk-list--bullet">
                {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
        })}
        <Show when=unsaved>
            <Tag colour=Colour::Red text="Not saved on this device" />
        </Show>
        {move || flash.get().map(|message| view! {
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="event-recorded-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="event-recorded-title">"Success"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{message}</p>
                </div>
            </div>
        })}
        {move || match record.get() {
            Some(record) => record_view(record, state, flash),
            None => view! {
                <h1 class="govuk-heading-l">"Record not found"</h1>
                <p class="govuk-body">"There is no record at this address on this device. It may have been made on another device and not imported here."</p>
                <p class="govuk-body"><a class="govuk-link" href="/records">"Go to the list of records"</a></p>
            }.into_any(),
        }}
    }
    .into_any()
}

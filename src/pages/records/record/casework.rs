//! The work on a record: the correspondence log, remedies and actions. Each section
//! lists what is there and has an "Add" form inside a details element; the core checks it.

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{FormErrors, ProblemSummary};
use crate::components::form::{Choice, Radios, TextArea, TextInput};
use crate::components::tag::{Colour, Tag};
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::format::short_date;
use redress_core::record::casework::{CorrespondenceKind, RemedyKind};
use redress_core::record::casework_edit::{
    Problem, Problems, add_action, add_correspondence, add_remedy, complete_action, deliver_remedy,
    remedy_not_deliverable, tell_action,
};
use redress_core::record::summary::{Standing, action_line, remedy_line};
use redress_core::record::{DatePart, Record};

/// The message for one field, from the core's problems.
pub(super) fn problem(problems: RwSignal<Problems>, field: &'static str) -> Signal<Option<String>> {
    FormErrors(problems).message(field)
}

/// The message for a date input and the boxes at fault, from the core's problems.
pub(super) fn date_problem(
    problems: RwSignal<Problems>,
    field: &'static str,
) -> Signal<Option<(String, Vec<DatePart>)>> {
    FormErrors(problems).date(field)
}

/// Saves a changed record, or shows the problems. The confirmation shows once the change is
/// stored, never before and never for a save that failed (the storage banner says so then).
pub(super) fn save(
    state: AppState,
    flash: RwSignal<Option<String>>,
    problems: RwSignal<Problems>,
    message: &str,
    result: Result<Record, Problems>,
) {
    match result {
        Ok(changed) => {
            problems.set(Vec::new());
            flash.set(None);
            let saving = state.update_record(changed);
            let message = message.to_string();
            leptos::task::spawn_local(async move {
                if saving.outcome().await.is_ok() {
                    let _ = flash.try_set(Some(message));
                }
            });
        }
        Err(found) => problems.set(found),
    }
}

#[component]
pub fn Correspondence(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (date, kind, note, problems) = (
        crate::kept_date!(),
        crate::kept!(String::new()),
        crate::kept!(String::new()),
        crate::kept!(Problems::new()),
    );
    let entries = record.correspondence.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = add_correspondence(
            &record,
            &date.typed(),
            &kind.get_untracked(),
            &note.get_untracked(),
            clock::today(),
            &state.change(),
        );
        save(state, flash, problems, "Correspondence logged.", result);
    };
    view! {
        <h2 class="govuk-heading-m">"Correspondence"</h2>
        <ProblemSummary problems />
        {if entries.is_empty() {
            view! { <p class="govuk-body">"Nothing logged yet."</p> }.into_any()
        } else {
            view! {
                <dl class="govuk-summary-list">
                    {entries.into_iter().map(|c| view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{format!("{} {}", short_date(c.date), c.kind.name())}</dt>
                            <dd class="govuk-summary-list__value app-pre-line">{c.note}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            }.into_any()
        }}
        <details class="govuk-details" prop:open=crate::components::kept::kept_open(concat!(file!(), ":details:", 1)) on:toggle=crate::components::kept::remember_open(concat!(file!(), ":details:", 1))>
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"Log a letter, email, call or meeting"</span></summary>
            <form novalidate on:submit=add class="govuk-details__text">
                <Radios id="correspondence-kind" legend="What was it?" choices={Choice::every::<CorrespondenceKind>()} value=kind error=problem(problems, "correspondence-kind") />
                <DateInput id="correspondence-date" legend="Date of the contact" hint="For example, 6 1 2026" fields=date error=date_problem(problems, "correspondence-date") />
                <TextArea id="correspondence-note" label="Note" value=note error=problem(problems, "correspondence-note") />
                <button type="submit" class="govuk-button govuk-button--secondary">"Log it"</button>
            </form>
        </details>
    }
}

#[component]
pub fn Remedies(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (kind, what, amount, due, problems) = (
        crate::kept!(String::new()),
        crate::kept!(String::new()),
        crate::kept!(String::new()),
        crate::kept_date!(),
        crate::kept!(Problems::new()),
    );
    let remedies = record.remedies.clone();
    let undeliverable_choices: Vec<Choice> = record
        .remedies
        .iter()
        .enumerate()
        .filter(|(_, r)| r.delivered.is_none() && r.not_deliverable.is_none())
        .map(|(i, r)| Choice::new(i.to_string(), format!("{}: {}", r.kind.name(), r.what)))
        .collect();
    let (which, reason, alternative) = (
        crate::kept!(String::new()),
        crate::kept!(String::new()),
        crate::kept!(String::new()),
    );
    let for_not_deliverable = record.clone();
    let not_deliverable = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(index) = which.get_untracked().parse::<usize>() else {
            problems.set(vec![Problem::new(
                "not-deliverable-which",
                "Select the remedy that cannot be delivered",
            )]);
            return;
        };
        let result = remedy_not_deliverable(
            &for_not_deliverable,
            index,
            &reason.get_untracked(),
            &alternative.get_untracked(),
            &state.change(),
        );
        save(state, flash, problems, "Remedy recorded as not deliverable.", result);
    };
    let for_deliver = record.clone();
    let deliver = move |index: usize| {
        let result = deliver_remedy(&for_deliver, index, clock::today(), &state.change()).map_err(|p| vec![p]);
        save(state, flash, problems, "Remedy marked as delivered today.", result);
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = add_remedy(
            &record,
            &kind.get_untracked(),
            &what.get_untracked(),
            &amount.get_untracked(),
            &due.typed(),
            &state.change(),
        );
        save(state, flash, problems, "Remedy added.", result);
    };
    view! {
        <h2 class="govuk-heading-m">"Remedies"</h2>
        <ProblemSummary problems />
        {if remedies.is_empty() {
            view! { <p class="govuk-body">"No remedies yet."</p> }.into_any()
        } else {
            view! {
                <dl class="govuk-summary-list" id="remedies-list" tabindex="-1">
                    {remedies.into_iter().enumerate().map(|(index, r)| {
                        let deliver = deliver.clone();
                        let name = r.kind.name();
                        let line = remedy_line(&r);
                        view! {
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{line.key}</dt>
                                <dd class="govuk-summary-list__value">{line.value}</dd>
                                <dd class="govuk-summary-list__actions">
                                    {match line.standing {
                                        Standing::Instead(words) => view! { <span>{words}</span> }.into_any(),
                                        Standing::Done(words) | Standing::DoneAndOpen(words) => view! { <Tag colour=Colour::Green text=words /> }.into_any(),
                                        Standing::Open => view! {
                                            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| deliver(index)>
                                                "Mark delivered" <span class="govuk-visually-hidden">{format!(": {name}")}</span>
                                            </button>
                                        }.into_any(),
                                    }}
                                </dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
            }.into_any()
        }}
        <details class="govuk-details" prop:open=crate::components::kept::kept_open(concat!(file!(), ":details:", 2)) on:toggle=crate::components::kept::remember_open(concat!(file!(), ":details:", 2))>
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"Add a remedy"</span></summary>
            <form novalidate on:submit=add class="govuk-details__text">
                <Radios id="remedy-kind" legend="Kind of remedy" choices={Choice::every::<RemedyKind>()} value=kind error=problem(problems, "remedy-kind") />
                <TextArea id="remedy-what" label="What will happen" value=what error=problem(problems, "remedy-what") />
                <TextInput id="remedy-amount" label="Amount in pounds (financial remedies)" value=amount error=problem(problems, "remedy-amount") class="govuk-input govuk-input--width-10" />
                <DateInput id="remedy-due" legend="Due by (optional)" hint="For example, 1 3 2026" fields=due error=date_problem(problems, "remedy-due") />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add remedy"</button>
            </form>
        </details>
        {(!undeliverable_choices.is_empty()).then(|| view! {
            <details class="govuk-details" prop:open=crate::components::kept::kept_open(concat!(file!(), ":details:", 3)) on:toggle=crate::components::kept::remember_open(concat!(file!(), ":details:", 3))>
                <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"A remedy cannot be delivered"</span></summary>
                <form novalidate on:submit=not_deliverable class="govuk-details__text">
                    <Radios id="not-deliverable-which" legend="Which remedy?" choices=undeliverable_choices value=which error=problem(problems, "not-deliverable-which") />
                    <TextArea id="not-deliverable-reason" label="Why it cannot be delivered" value=reason error=problem(problems, "not-deliverable-reason") />
                    <TextArea id="not-deliverable-alternative" label="The alternative offered" value=alternative error=problem(problems, "not-deliverable-alternative") />
                    <button type="submit" class="govuk-button govuk-button--secondary">"Record it"</button>
                </form>
            </details>
        })}
    }
}

#[component]
pub fn Actions(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (what, who, by, problems) = (
        crate::kept!(String::new()),
        crate::kept!(String::new()),
        crate::kept_date!(),
        crate::kept!(Problems::new()),
    );
    let actions = record.actions.clone();
    let for_tell = record.clone();
    let tell = move |index: usize| {
        let result = tell_action(&for_tell, index, clock::today(), &state.change()).map_err(|p| vec![p]);
        save(
            state,
            flash,
            problems,
            "Recorded that the person was told today.",
            result,
        );
    };
    let for_done = record.clone();
    let done = move |index: usize| {
        let result = complete_action(&for_done, index, clock::today(), &state.change()).map_err(|p| vec![p]);
        save(state, flash, problems, "Action marked as done today.", result);
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = add_action(
            &record,
            &what.get_untracked(),
            &who.get_untracked(),
            &by.typed(),
            &state.change(),
        );
        save(state, flash, problems, "Action added.", result);
    };
    view! {
        <h2 class="govuk-heading-m">"Actions"</h2>
        <ProblemSummary problems />
        {if actions.is_empty() {
            view! { <p class="govuk-body">"No actions yet."</p> }.into_any()
        } else {
            view! {
                <dl class="govuk-summary-list" id="actions-list" tabindex="-1">
                    {actions.into_iter().enumerate().map(|(index, a)| {
                        let done = done.clone();
                        let tell = tell.clone();
                        let what = a.what.clone();
                        let line = action_line(&a);
                        view! {
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{line.key}</dt>
                                <dd class="govuk-summary-list__value">{line.value}</dd>
                                <dd class="govuk-summary-list__actions">
                                    {match line.standing {
                                        Standing::Done(words) | Standing::Instead(words) => view! { <Tag colour=Colour::Green text=words /> }.into_any(),
                                        Standing::DoneAndOpen(words) => {
                                            let tell = tell.clone();
                                            let what = what.clone();
                                            view! {
                                                <Tag colour=Colour::Green text=words />
                                                " "
                                                <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| tell(index)>
                                                    "Person told today" <span class="govuk-visually-hidden">{format!(": {what}")}</span>
                                                </button>
                                            }.into_any()
                                        }
                                        Standing::Open => view! {
                                            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| done(index)>
                                                "Mark done" <span class="govuk-visually-hidden">{format!(": {what}")}</span>
                                            </button>
                                        }.into_any(),
                                    }}
                                </dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
            }.into_any()
        }}
        <details class="govuk-details" prop:open=crate::components::kept::kept_open(concat!(file!(), ":details:", 4)) on:toggle=crate::components::kept::remember_open(concat!(file!(), ":details:", 4))>
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"Add an action"</span></summary>
            <form novalidate on:submit=add class="govuk-details__text">
                <TextInput id="action-what" label="What will be done" value=what error=problem(problems, "action-what") />
                <TextInput id="action-who" label="Who is responsible" value=who error=problem(problems, "action-who") />
                <DateInput id="action-by" legend="Due by" hint="For example, 1 4 2026" fields=by error=date_problem(problems, "action-by") />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add action"</button>
            </form>
        </details>
    }
}

//! The work on a record: the correspondence log, remedies and actions. Each section lists what
//! is there and has an "Add" form inside a details element. A form is one draft of the core's
//! own type (`CorrespondenceDraft`, `RemedyDraft`…), kept across redraws of the page, each box a
//! lens onto it; the core checks it, and its problems give the section's error summary.

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{FormErrors, ProblemSummary};
use crate::components::form::{Choice, Radios, TextArea, TextInput};
use crate::components::kept::KeptDetails;
use crate::components::summary_list::{LineButton, line_list};
use crate::components::tag::Colour;
use crate::state::AppState;
use crate::{date_lens, lens};
use leptos::prelude::*;
use redress_core::format::short_date;
use redress_core::record::Record;
use redress_core::record::casework::{Action, Correspondence as Entry, CorrespondenceKind, Remedy, RemedyKind};
use redress_core::record::casework_edit::{
    ActionDraft, CorrespondenceDraft, NotDeliverableDraft, Problems, RemedyDraft, complete_action, deliver_remedy,
    tell_action, undeliverable_choices,
};
use redress_core::record::letter_sent::folded;
use redress_core::record::summary::{action_line, remedy_line};

/// Saves a changed record, or shows the problems. The confirmation shows once the change is
/// stored, never before and never for a save that failed (the storage banner says so then);
/// `clear` then empties the form that made it, ready for the next. A form sent back keeps
/// everything typed.
pub(super) fn save(
    state: AppState,
    flash: RwSignal<Option<String>>,
    problems: RwSignal<Problems>,
    message: &str,
    result: Result<Record, Problems>,
    clear: impl FnOnce() + 'static,
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
                    clear();
                }
            });
        }
        Err(found) => problems.set(found),
    }
}

fn correspondence_list(entries: Vec<Entry>) -> AnyView {
    if entries.is_empty() {
        return view! { <p class="govuk-body">"Nothing logged yet."</p> }.into_any();
    }
    view! {
        <dl class="govuk-summary-list">
            {entries.into_iter().map(|c| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{format!("{} {}", short_date(c.date), c.kind.name())}</dt>
                    <dd class="govuk-summary-list__value">{match folded(&c) {
                        // A letter or a long note is folded: its first line opens it.
                        Some(line) => view! {
                            <details class="govuk-details govuk-!-margin-bottom-0">
                                <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{line}</span></summary>
                                <div class="govuk-details__text app-pre-line">{c.note}</div>
                            </details>
                        }.into_any(),
                        None => view! { <span class="app-pre-line">{c.note}</span> }.into_any(),
                    }}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
    .into_any()
}

#[component]
pub fn Correspondence(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The form as typed: one draft, kept while the page is drawn again.
    let draft = crate::kept!(CorrespondenceDraft::default());
    let problems = crate::kept!(Problems::new());
    let errors = FormErrors(problems);
    let entries = record.correspondence.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = draft.with_untracked(|typed| typed.apply(&record, clock::today(), &state.change()));
        let clear = move || {
            let _ = draft.try_set(CorrespondenceDraft::default());
        };
        save(state, flash, problems, "Correspondence logged.", result, clear);
    };
    view! {
        <h2 class="govuk-heading-m">"Correspondence"</h2>
        <ProblemSummary problems />
        {correspondence_list(entries)}
        <KeptDetails key=concat!(file!(), ":correspondence") summary="Log a letter, email, call or meeting">
            <form novalidate on:submit=add>
                <Radios id="correspondence-kind" legend="What was it?" choices={Choice::every::<CorrespondenceKind>()} value=lens!(draft, kind) error=errors.message("correspondence-kind") />
                <DateInput id="correspondence-date" legend="Date of the contact" hint="For example, 6 1 2026" fields=date_lens!(draft, date) error=errors.date("correspondence-date") />
                <TextArea id="correspondence-note" label="Note" value=lens!(draft, note) error=errors.message("correspondence-note") />
                <button type="submit" class="govuk-button govuk-button--secondary">"Log it"</button>
            </form>
        </KeptDetails>
    }
}

/// The remedies with, for each still open, a button to mark it delivered today.
fn remedy_list(remedies: Vec<Remedy>, deliver: Callback<usize>) -> AnyView {
    let lines = remedies
        .iter()
        .map(|r| (remedy_line(r), r.kind.name().to_string()))
        .collect();
    let deliver = LineButton {
        words: "Mark delivered",
        on: deliver,
    };
    line_list("remedies-list", "No remedies yet.", lines, Colour::Green, deliver, None)
}

#[component]
pub fn Remedies(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Two forms, a draft each, and the section's problems: kept while the page is drawn again.
    let draft = crate::kept!(RemedyDraft::default());
    let instead = crate::kept!(NotDeliverableDraft::default());
    let problems = crate::kept!(Problems::new());
    let errors = FormErrors(problems);
    let remedies = record.remedies.clone();
    let undeliverable: Vec<Choice> = undeliverable_choices(&record)
        .into_iter()
        .map(|(value, words)| Choice::new(value, words))
        .collect();
    let for_instead = record.clone();
    let not_deliverable = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = instead.with_untracked(|typed| typed.apply(&for_instead, &state.change()));
        let clear = move || {
            let _ = instead.try_set(NotDeliverableDraft::default());
        };
        save(
            state,
            flash,
            problems,
            "Remedy recorded as not deliverable.",
            result,
            clear,
        );
    };
    let for_deliver = record.clone();
    let deliver = Callback::new(move |index: usize| {
        let result = deliver_remedy(&for_deliver, index, clock::today(), &state.change()).map_err(|p| vec![p]);
        save(
            state,
            flash,
            problems,
            "Remedy marked as delivered today.",
            result,
            || (),
        );
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = draft.with_untracked(|typed| typed.apply(&record, &state.change()));
        let clear = move || {
            let _ = draft.try_set(RemedyDraft::default());
        };
        save(state, flash, problems, "Remedy added.", result, clear);
    };
    view! {
        <h2 class="govuk-heading-m">"Remedies"</h2>
        <ProblemSummary problems />
        {remedy_list(remedies, deliver)}
        <KeptDetails key=concat!(file!(), ":remedy") summary="Add a remedy">
            <form novalidate on:submit=add>
                <Radios id="remedy-kind" legend="Kind of remedy" choices={Choice::every::<RemedyKind>()} value=lens!(draft, kind) error=errors.message("remedy-kind") />
                <TextArea id="remedy-what" label="What will happen" value=lens!(draft, what) error=errors.message("remedy-what") />
                <TextInput id="remedy-amount" label="Amount in pounds (financial remedies)" value=lens!(draft, amount) error=errors.message("remedy-amount") class="govuk-input govuk-input--width-10" />
                <DateInput id="remedy-due" legend="Due by (optional)" hint="For example, 1 3 2026" fields=date_lens!(draft, due) error=errors.date("remedy-due") />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add remedy"</button>
            </form>
        </KeptDetails>
        {(!undeliverable.is_empty()).then(|| view! {
            <KeptDetails key=concat!(file!(), ":not-deliverable") summary="A remedy cannot be delivered">
                <form novalidate on:submit=not_deliverable>
                    <Radios id="not-deliverable-which" legend="Which remedy?" choices=undeliverable value=lens!(instead, remedy) error=errors.message("not-deliverable-which") />
                    <TextArea id="not-deliverable-reason" label="Why it cannot be delivered" value=lens!(instead, reason) error=errors.message("not-deliverable-reason") />
                    <TextArea id="not-deliverable-alternative" label="The alternative offered" value=lens!(instead, alternative) error=errors.message("not-deliverable-alternative") />
                    <button type="submit" class="govuk-button govuk-button--secondary">"Record it"</button>
                </form>
            </KeptDetails>
        })}
    }
}

/// The actions with, for each, a button to mark it done today or, once done, to record that
/// the person was told today.
fn action_list(actions: Vec<Action>, done: Callback<usize>, tell: Callback<usize>) -> AnyView {
    let lines = actions.iter().map(|a| (action_line(a), a.what.clone())).collect();
    let done = LineButton {
        words: "Mark done",
        on: done,
    };
    let tell = LineButton {
        words: "Person told today",
        on: tell,
    };
    line_list(
        "actions-list",
        "No actions yet.",
        lines,
        Colour::Green,
        done,
        Some(tell),
    )
}

#[component]
pub fn Actions(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The form as typed: one draft, kept while the page is drawn again.
    let draft = crate::kept!(ActionDraft::default());
    let problems = crate::kept!(Problems::new());
    let errors = FormErrors(problems);
    let actions = record.actions.clone();
    let for_tell = record.clone();
    let tell = Callback::new(move |index: usize| {
        let result = tell_action(&for_tell, index, clock::today(), &state.change()).map_err(|p| vec![p]);
        let message = "Recorded that the person was told today.";
        save(state, flash, problems, message, result, || ());
    });
    let for_done = record.clone();
    let done = Callback::new(move |index: usize| {
        let result = complete_action(&for_done, index, clock::today(), &state.change()).map_err(|p| vec![p]);
        save(state, flash, problems, "Action marked as done today.", result, || ());
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut typed = draft.get_untracked();
        // A colleague's name typed in other capitals is kept as the team spells it.
        typed.who = state.settings.with_untracked(|s| s.known_name(&typed.who));
        let result = typed.apply(&record, &state.change());
        let clear = move || {
            let _ = draft.try_set(ActionDraft::default());
        };
        save(state, flash, problems, "Action added.", result, clear);
    };
    view! {
        <h2 class="govuk-heading-m">"Actions"</h2>
        <ProblemSummary problems />
        {action_list(actions, done, tell)}
        <KeptDetails key=concat!(file!(), ":action") summary="Add an action">
            <form novalidate on:submit=add>
                <TextInput id="action-what" label="What will be done" value=lens!(draft, what) error=errors.message("action-what") />
                <TextInput id="action-who" label="Who is responsible" value=lens!(draft, who) error=errors.message("action-who") list=crate::components::team::TEAM_LIST />
                <DateInput id="action-by" legend="Due by" hint="For example, 1 4 2026" fields=date_lens!(draft, by) error=errors.date("action-by") />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add action"</button>
            </form>
        </KeptDetails>
    }
}

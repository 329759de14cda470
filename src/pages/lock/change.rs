//! Changing the passphrase (the current one, then the new one twice: the data key is wrapped
//! again, instant at any size) and removing the lock (the passphrase again, then every record is
//! decrypted back to plain text in this browser).

use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::TextInput;
use crate::components::notice::Notices;
use crate::components::title::page_title;
use crate::locking::Locking;
use crate::state::AppState;
use crate::store::{self, UnlockError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use redress_core::lock::passphrase::{NewPassphrase, check_given};
use redress_core::problem::Problem;

fn failure(error: &UnlockError) -> Problem {
    Problem::new("current-passphrase", error.to_string())
}

#[component]
pub fn ChangePassphrasePage() -> impl IntoView {
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let notices = Notices::get();
    page_title(|| "Change the passphrase".into(), move || !errors.is_empty());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let old = current.get_untracked();
        let typed = NewPassphrase {
            passphrase: new.get_untracked(),
            again: again.get_untracked(),
        };
        let mut found: Vec<Problem> = Vec::new();
        if check_given(&old).is_err() {
            found.push(Problem::new("current-passphrase", "Enter your current passphrase"));
        }
        if let Err(problems) = typed.check() {
            found.extend(
                problems
                    .into_iter()
                    .map(|p| Problem::new(format!("new-{}", p.field), p.message)),
            );
        }
        if !found.is_empty() {
            errors.0.set(found);
            attempt.update(|n| *n += 1);
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let outcome = store::change_passphrase(&old, &typed.passphrase).await;
            let _ = busy.try_set(false);
            match outcome {
                Ok(()) => {
                    notices.say("/settings/lock", "Passphrase changed. Use the new one from now on.");
                    navigate("/settings/lock", Default::default());
                }
                Err(error) => {
                    let _ = current.try_set(String::new());
                    let _ = errors.0.try_set(vec![failure(&error)]);
                    let _ = attempt.try_update(|n| *n += 1);
                }
            }
        });
    };
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <a href="/settings/lock" class="govuk-back-link">"Back"</a>
                <ErrorSummary lines=errors.lines() attempt />
                <h1 class="govuk-heading-l">"Change the passphrase"</h1>
                <p class="govuk-body">"Your recovery key stays the same."</p>
                <form novalidate on:submit=on_submit>
                    <TextInput id="current-passphrase" label="Current passphrase" value=current error=errors.message("current-passphrase") autocomplete="current-password" input_type="password" />
                    <TextInput id="new-passphrase" label="New passphrase" hint="At least 10 characters." value=new error=errors.message("new-passphrase") autocomplete="new-password" input_type="password" />
                    {super::strength_hint(new)}
                    <TextInput id="new-passphrase-again" label="New passphrase again" value=again error=errors.message("new-passphrase-again") autocomplete="new-password" input_type="password" />
                    <button type="submit" class="govuk-button" data-module="govuk-button">
                        {move || if busy.get() { "Changing…" } else { "Change the passphrase" }}
                    </button>
                </form>
            </div>
        </div>
    }
}

#[component]
pub fn RemoveLockPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let locking = Locking::get();
    let passphrase = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let notices = Notices::get();
    page_title(|| "Remove the lock".into(), move || !errors.is_empty());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if let Err(problem) = check_given(&typed) {
            errors.0.set(vec![problem]);
            attempt.update(|n| *n += 1);
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            state.saves_done().await;
            let outcome = store::remove_lock(&typed).await;
            let _ = busy.try_set(false);
            match outcome {
                Ok(()) => {
                    let _ = locking.set.try_set(false);
                    notices.say(
                        "/settings",
                        "The lock is removed. The records on this device are kept as plain text.",
                    );
                    navigate("/settings", Default::default());
                }
                Err(error) => {
                    let _ = passphrase.try_set(String::new());
                    let _ = errors.0.try_set(vec![Problem::new("passphrase", error.to_string())]);
                    let _ = attempt.try_update(|n| *n += 1);
                }
            }
        });
    };
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <a href="/settings/lock" class="govuk-back-link">"Back"</a>
                <ErrorSummary lines=errors.lines() attempt />
                <h1 class="govuk-heading-l">"Remove the lock"</h1>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        "Anyone who can use this browser will be able to read every record kept in it, including in the browser’s developer tools."
                    </strong>
                </div>
                <form novalidate on:submit=on_submit>
                    <TextInput id="passphrase" label="Your passphrase" value=passphrase error=errors.message("passphrase") autocomplete="current-password" input_type="password" />
                    <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
                        {move || if busy.get() { "Decrypting…" } else { "Remove the lock" }}
                    </button>
                </form>
            </div>
        </div>
    }
}

//! The unlock page: all a locked app shows. The passphrase opens the records; a wrong one says
//! so and changes nothing. A forgotten passphrase: the recovery key, and a new passphrase.

use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::TextInput;
use crate::components::title::page_title;
use crate::store::{self, UnlockError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use redress_core::lock::passphrase::{NewPassphrase, check_given};
use redress_core::problem::Problem;

fn problem_of(error: &UnlockError, field: &str) -> Problem {
    let field = match error {
        UnlockError::WrongRecoveryKey => "recovery-key",
        _ => field,
    };
    Problem::new(field, error.to_string())
}

/// The page; `unlocked` is called once the records can be read.
#[component]
pub fn UnlockPage(unlocked: Callback<()>) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    page_title(|| "Unlock Redress".into(), move || !errors.is_empty());
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
        spawn_local(async move {
            let outcome = store::unlock(&typed).await;
            let _ = busy.try_set(false);
            match outcome {
                Ok(()) => unlocked.run(()),
                Err(error) => {
                    let _ = passphrase.try_set(String::new());
                    let _ = errors.0.try_set(vec![problem_of(&error, "passphrase")]);
                    let _ = attempt.try_update(|n| *n += 1);
                }
            }
        });
    };
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary lines=errors.lines() attempt />
                <h1 class="govuk-heading-l">"Redress is locked"</h1>
                <p class="govuk-body">"The records on this device are encrypted. Enter your passphrase to open them."</p>
                <form novalidate on:submit=on_submit>
                    <TextInput
                        id="passphrase"
                        label="Passphrase"
                        value=passphrase
                        error=errors.message("passphrase")
                        autocomplete="current-password"
                        input_type="password"
                    />
                    <button type="submit" class="govuk-button" data-module="govuk-button" aria-disabled=move || busy.get().then_some("true")>
                        {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
                    </button>
                </form>
                <Recover unlocked />
            </div>
        </div>
    }
}

/// "I have forgotten my passphrase": the recovery key shown at set-up, and a new passphrase.
#[component]
fn Recover(unlocked: Callback<()>) -> impl IntoView {
    let key = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = NewPassphrase {
            passphrase: new.get_untracked(),
            again: again.get_untracked(),
        };
        let mut found = Vec::new();
        if let Err(problem) = redress_core::lock::recovery::read(&key.get_untracked()) {
            found.push(problem);
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
        spawn_local(async move {
            let outcome = store::recover(&key.get_untracked(), &typed.passphrase).await;
            let _ = busy.try_set(false);
            match outcome {
                Ok(()) => unlocked.run(()),
                Err(error) => {
                    let _ = errors.0.try_set(vec![problem_of(&error, "recovery-key")]);
                    let _ = attempt.try_update(|n| *n += 1);
                }
            }
        });
    };
    view! {
        <details class="govuk-details">
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">"I have forgotten my passphrase"</span>
            </summary>
            <div class="govuk-details__text">
                <ErrorSummary lines=errors.lines() attempt />
                <p class="govuk-body">
                    "Use the recovery key you were given when the lock was set, and choose a new passphrase. "
                    "Without the passphrase or the recovery key, nobody can open these records — not even Redress."
                </p>
                <form novalidate on:submit=on_submit>
                    <TextInput
                        id="recovery-key"
                        label="Recovery key"
                        hint="64 letters and digits, in groups of four. Dashes and spaces do not matter."
                        value=key
                        error=errors.message("recovery-key")
                        class="govuk-input govuk-!-font-family-monospace"
                    />
                    <TextInput id="new-passphrase" label="New passphrase" value=new error=errors.message("new-passphrase") autocomplete="new-password" input_type="password" />
                    {super::strength_hint(new)}
                    <TextInput
                        id="new-passphrase-again"
                        label="New passphrase again"
                        value=again
                        error=errors.message("new-passphrase-again")
                        autocomplete="new-password"
                        input_type="password"
                    />
                    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                        {move || if busy.get() { "Unlocking…" } else { "Unlock with the recovery key" }}
                    </button>
                </form>
            </div>
        </details>
    }
}

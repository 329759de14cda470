//! Settings → "Lock this device's records": setting the lock (a passphrase twice, with a hint of
//! its strength and a plain warning), the recovery key shown once to print and keep, and, once
//! set, how soon it locks itself, "Lock now", and the ways to change or remove it.

use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::TextInput;
use crate::components::notice::Notices;
use crate::components::title::page_title;
use crate::locking::Locking;
use crate::state::AppState;
use crate::store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use redress_core::format::plural;
use redress_core::lock::passphrase::NewPassphrase;

#[component]
pub fn LockPage() -> impl IntoView {
    let locking = Locking::get();
    // The recovery key, once the lock has been set on this visit: shown once, never stored.
    let recovery = RwSignal::new(None::<String>);
    page_title(
        move || {
            if recovery.with(Option::is_some) {
                "Your recovery key".into()
            } else {
                "Lock this device’s records".into()
            }
        },
        || false,
    );
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <a href="/settings" class="govuk-back-link">"Back to settings"</a>
                {move || match recovery.get() {
                    Some(key) => view! { <RecoveryKey key recovery /> }.into_any(),
                    None if locking.set.get() => view! { <Manage /> }.into_any(),
                    None => view! { <SetLock recovery /> }.into_any(),
                }}
            </div>
        </div>
    }
}

#[component]
fn SetLock(recovery: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let locking = Locking::get();
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let count = move || state.records.with(Vec::len);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = NewPassphrase {
            passphrase: passphrase.get_untracked(),
            again: again.get_untracked(),
        };
        if let Err(problems) = typed.check() {
            errors.0.set(problems);
            attempt.update(|n| *n += 1);
            return;
        }
        errors.0.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            state.saves_done().await;
            let outcome = store::set_lock(&typed.passphrase).await;
            let _ = busy.try_set(false);
            match outcome {
                Ok(key) => {
                    let _ = locking.set.try_set(true);
                    let _ = recovery.try_set(Some(key));
                }
                Err(error) => {
                    let _ = errors.0.try_set(vec![redress_core::problem::Problem::new(
                        "passphrase",
                        error.to_string(),
                    )]);
                    let _ = attempt.try_update(|n| *n += 1);
                }
            }
        });
    };
    view! {
        <ErrorSummary lines=errors.lines() attempt />
        <h1 class="govuk-heading-l">"Lock this device’s records"</h1>
        <p class="govuk-body">
            "With a lock, every record, self-assessment and setting Redress keeps in this browser is encrypted. "
            "Nobody can read them — not in the browser’s developer tools, not from a copy of the disk — without your passphrase. "
            "Redress asks for it each time it opens, and locks itself when it has not been used for a while."
        </p>
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">"Warning"</span>
                "If you forget the passphrase and lose the recovery key you will be given next, nobody can open these records again: not your IT team, not Redress."
            </strong>
        </div>
        <p class="govuk-body">
            "Before you set a lock, you may want to "
            <a class="govuk-link" href="/data">"download a backup protected with a passphrase"</a>
            " and keep it somewhere safe."
        </p>
        <form novalidate on:submit=on_submit>
            <TextInput
                id="passphrase"
                label="Passphrase"
                hint="At least 10 characters. Three or four random words are strong and easy to remember, for example “kettle orange violin”."
                value=passphrase
                error=errors.message("passphrase")
                autocomplete="new-password"
                input_type="password"
            />
            {super::strength_hint(passphrase)}
            <TextInput
                id="passphrase-again"
                label="Passphrase again"
                value=again
                error=errors.message("passphrase-again")
                autocomplete="new-password"
                input_type="password"
            />
            <button type="submit" class="govuk-button" data-module="govuk-button" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() {
                    format!("Encrypting {}…", plural(count(), "record", "records"))
                } else {
                    "Set the lock".to_string()
                }}
            </button>
        </form>
    }
}

/// The recovery key, shown once: to print or write down, and keep apart from the device.
#[component]
fn RecoveryKey(key: String, recovery: RwSignal<Option<String>>) -> impl IntoView {
    let kept = RwSignal::new(false);
    let asked = RwSignal::new(false);
    let notices = Notices::get();
    let locking = Locking::get();
    let print = move |_| {
        let _ = window().print();
    };
    let on_continue = move |_| {
        if !kept.get_untracked() {
            asked.set(true);
            return;
        }
        notices.say(
            "/settings/lock",
            "The lock is set. The records on this device are encrypted.",
        );
        // The key is dropped from memory: it is never shown again.
        recovery.set(None);
        locking.nothing_typed();
    };
    let error =
        move || (asked.get() && !kept.get()).then_some("Confirm that you have kept the recovery key somewhere safe");
    view! {
        <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">"The lock is set"</h1>
            <div class="govuk-panel__body">"Your records are encrypted"</div>
        </div>
        <h2 class="govuk-heading-m">"Your recovery key"</h2>
        <p class="govuk-body">
            "If you forget your passphrase, this key is the only way to open the records. It is shown "
            <strong>"only now"</strong>
            ". Print it or write it down, and keep it somewhere safe, away from this device — as you would a spare house key."
        </p>
        <p class="govuk-inset-text app-recovery-key" id="recovery-key-text">
            <code class="govuk-!-font-size-24">{key}</code>
        </p>
        <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" on:click=print>
            "Print this page"
        </button>
        <div class="govuk-form-group" class:govuk-form-group--error=move || error().is_some()>
            {move || error().map(|message| view! {
                <p id="recovery-kept-error" class="govuk-error-message">
                    <span class="govuk-visually-hidden">"Error: "</span>{message}
                </p>
            })}
            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                    <input
                        class="govuk-checkboxes__input"
                        id="recovery-kept"
                        type="checkbox"
                        prop:checked=move || kept.get()
                        on:change=move |ev| kept.set(event_target_checked(&ev))
                    />
                    <label class="govuk-label govuk-checkboxes__label" for="recovery-kept">
                        "I have kept the recovery key somewhere safe"
                    </label>
                </div>
            </div>
        </div>
        <button type="button" class="govuk-button" data-module="govuk-button" on:click=on_continue>"Continue"</button>
    }
}

/// Once set: how soon it locks itself, "Lock now", and the ways to change or remove it.
#[component]
fn Manage() -> impl IntoView {
    let locking = Locking::get();
    let chosen = RwSignal::new(locking.minutes.get_untracked().to_string());
    let saved = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let minutes: u32 = chosen.get_untracked().parse().unwrap_or(15);
        spawn_local(async move {
            let outcome = store::set_auto_lock(minutes).await;
            let _ = saved.try_set(Some(match outcome {
                Ok(()) => {
                    let _ = locking.minutes.try_set(minutes);
                    format!(
                        "Redress will lock itself after {} without use.",
                        plural(minutes as usize, "minute", "minutes")
                    )
                }
                Err(error) => format!("That could not be saved: {error}."),
            }));
        });
    };
    let options = [5u32, 15, 30, 60].map(|m| {
        view! { <option value=m.to_string() selected=move || chosen.get() == m.to_string()>{plural(m as usize, "minute", "minutes")}</option> }
    });
    view! {
        <h1 class="govuk-heading-l">"Lock this device’s records"</h1>
        <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Records on this device"</dt>
                <dd class="govuk-summary-list__value">
                    <strong class="govuk-tag govuk-tag--green">"Encrypted"</strong>
                    " Opened only with your passphrase or the recovery key."
                </dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Passphrase"</dt>
                <dd class="govuk-summary-list__value">"Set"</dd>
                <dd class="govuk-summary-list__actions">
                    <a class="govuk-link" href="/settings/lock/change">"Change"<span class="govuk-visually-hidden">" the passphrase"</span></a>
                </dd>
            </div>
        </dl>
        {move || saved.get().map(|message| view! { <p class="govuk-body" role="status">{message}</p> })}
        <form novalidate on:submit=on_submit>
            <div class="govuk-form-group">
                <label class="govuk-label" for="auto-lock">"Lock Redress when it has not been used for"</label>
                <select class="govuk-select" id="auto-lock" name="auto-lock" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {options}
                </select>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Save"</button>
        </form>
        <h2 class="govuk-heading-m">"Lock now"</h2>
        <p class="govuk-body">"“Lock now” is at the top of every page. Redress also locks when the browser tab is closed."</p>
        <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" on:click=move |_| locking.lock_now()>
            "Lock now"
        </button>
        <h2 class="govuk-heading-m">"Remove the lock"</h2>
        <p class="govuk-body">
            "The records will be kept as plain text in this browser again. "
            <a class="govuk-link" href="/settings/lock/remove">"Remove the lock"</a>
        </p>
    }
}

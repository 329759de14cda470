//! The team passphrase, on the Team sync page, when the team's records are encrypted end to end:
//! chosen (typed twice) by the team's first locked device, or typed once by each device that
//! joins, to open the team's key. It is never sent to the server and never kept: the team key it
//! opens is kept, sealed by this device's own lock.

use crate::components::error_summary::FormErrors;
use crate::components::form::TextInput;
use crate::sync::TeamSyncState;
use leptos::prelude::*;
use redress_core::lock::passphrase::NewPassphrase;
use redress_core::problem::Problem;

/// The form: `make` for the team's first device, `wrong` when the one typed did not open the key.
/// Its errors go to `errors`, which the page summarises at its top.
#[component]
pub fn TeamPassphrase(make: bool, wrong: bool, errors: FormErrors, attempt: RwSignal<u32>) -> impl IntoView {
    let sync = TeamSyncState::get();
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    if wrong {
        attempt.update(|n| *n += 1);
        errors.0.set(vec![Problem::at(
            "team-passphrase",
            "That team passphrase does not open the team’s key: check it with your team",
        )]);
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = NewPassphrase {
            passphrase: passphrase.get_untracked(),
            again: if make {
                again.get_untracked()
            } else {
                passphrase.get_untracked()
            },
        };
        let checked = if make {
            typed.check().map(str::to_string)
        } else if typed.passphrase.is_empty() {
            Err(vec![Problem::at("passphrase", "Enter your team’s passphrase")])
        } else {
            Ok(typed.passphrase.clone())
        };
        match checked {
            Ok(passphrase) => {
                errors.0.set(Vec::new());
                sync.use_team_passphrase(passphrase);
            }
            Err(problems) => {
                errors.0.set(
                    problems
                        .into_iter()
                        .map(|mut p| {
                            p.field = format!("team-{}", p.field);
                            p
                        })
                        .collect(),
                );
                attempt.update(|n| *n += 1);
            }
        }
    };
    view! {
        <h2 class="govuk-heading-m">{if make { "Choose your team’s passphrase" } else { "Your team’s passphrase" }}</h2>
        {if make {
            view! {
                <p class="govuk-body">
                    "This device is locked, so your team’s records will be encrypted before they leave it: the server keeps only what it cannot read. "
                    "Choose a passphrase for the whole team and give it to each member in person or by phone, never by email. "
                    "Each device asks for it once, the first time it syncs."
                </p>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        "If every member forgets it, the records on the server cannot be read again: only the copies on each device remain."
                    </strong>
                </div>
            }.into_any()
        } else {
            view! {
                <p class="govuk-body">
                    "Your team’s records are encrypted end to end. Enter the passphrase your team chose, once: this device then keeps the team’s key under its own lock."
                </p>
            }.into_any()
        }}
        <form novalidate on:submit=on_submit>
            {if make {
                view! {
                    <TextInput
                        id="team-passphrase"
                        label="Team passphrase"
                        hint="At least 10 characters. Three random words are easy to remember and hard to guess."
                        value=passphrase
                        error=errors.message("team-passphrase")
                        autocomplete="off"
                        input_type="password"
                        class="govuk-input govuk-!-width-two-thirds"
                    />
                }.into_any()
            } else {
                view! {
                    <TextInput
                        id="team-passphrase"
                        label="Your team’s passphrase"
                        value=passphrase
                        error=errors.message("team-passphrase")
                        autocomplete="off"
                        input_type="password"
                        class="govuk-input govuk-!-width-two-thirds"
                    />
                }.into_any()
            }}
            {make.then(|| view! {
                <TextInput
                    id="team-passphrase-again"
                    label="Team passphrase again"
                    value=again
                    error=errors.message("team-passphrase-again")
                    autocomplete="off"
                    input_type="password"
                    class="govuk-input govuk-!-width-two-thirds"
                />
            })}
            <button type="submit" class="govuk-button" data-module="govuk-button">
                {if make { "Encrypt and sync" } else { "Open the team’s key and sync" }}
            </button>
        </form>
    }
}

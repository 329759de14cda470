//! Settings → Team sync: the team's CouchDB server, its database and the person's name there,
//! signing in (the password is kept only while the page is open), "Sync now", live sync on or
//! off, what the last sync did, the records changed on two devices, and stopping sync here.

use super::team_passphrase::TeamPassphrase;
use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::TextInput;
use crate::components::summary_list::summary_row;
use crate::components::title::page_title;
use crate::locking::Locking;
use crate::state::AppState;
use crate::sync::TeamSyncState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use redress_core::format::plural;
use redress_core::problem::Problem;
use redress_core::sync::team::{Status, check};

#[component]
pub fn TeamSyncPage() -> impl IntoView {
    page_title(|| "Team sync".into(), || false);
    let sync = TeamSyncState::get();
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <a href="/settings" class="govuk-back-link">"Back to settings"</a>
                {move || if sync.team.with(Option::is_some) {
                    view! { <Syncing /> }.into_any()
                } else {
                    view! { <SetUp /> }.into_any()
                }}
            </div>
        </div>
    }
}

/// The first time: where the team's database is, and signing in.
#[component]
fn SetUp() -> impl IntoView {
    let sync = TeamSyncState::get();
    let locking = Locking::get();
    let server = RwSignal::new(String::new());
    let database = RwSignal::new(String::new());
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let live = RwSignal::new(true);
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed_password = password.get_untracked();
        match check(
            &server.get_untracked(),
            &database.get_untracked(),
            &user.get_untracked(),
            &typed_password,
        ) {
            Err(problems) => {
                errors.0.set(problems);
                attempt.update(|n| *n += 1);
            }
            Ok(mut team) => {
                errors.0.set(Vec::new());
                team.live = live.get_untracked();
                spawn_local(async move {
                    if let Err(why) = sync.set_up(team, typed_password).await {
                        let _ = errors.0.try_set(vec![Problem::at("server", why)]);
                        let _ = attempt.try_update(|n| *n += 1);
                    }
                });
            }
        }
    };
    view! {
        <ErrorSummary lines=errors.lines() attempt />
        <h1 class="govuk-heading-l">"Team sync"</h1>
        <p class="govuk-body">
            "With team sync, everyone in your team works on one case load. Each device keeps every record and works offline; "
            "when it is online it sends its changes to your team’s own database and brings back everyone else’s."
        </p>
        <p class="govuk-body">
            "The database runs on your organisation’s Apache CouchDB server, not Redress’s: your IT team sets it up and gives you "
            "its address, the database’s name and your name and password there."
        </p>
        <div class="govuk-inset-text">
            "Records are sent to that server and nowhere else. Your password is kept only while Redress is open: "
            "you sign in again each time you open it."
        </div>
        {move || locking.set.get().then(|| view! {
            <p class="govuk-body">
                "This device is locked, so your team’s records are encrypted end to end: the server keeps only what it cannot read. "
                "After signing in you are asked for your team’s passphrase (the first device of a team chooses it)."
            </p>
        })}
        <form novalidate on:submit=on_submit>
            <TextInput
                id="server"
                label="Server address"
                hint="For example, https://couch.example.gov.uk"
                value=server
                error=errors.message("server")
                autocomplete="url"
                input_type="url"
            />
            <TextInput
                id="database"
                label="Your team’s database"
                hint="For example, complaints-team"
                value=database
                error=errors.message("database")
                class="govuk-input govuk-!-width-two-thirds"
            />
            <TextInput
                id="user"
                label="Your name on the server"
                value=user
                error=errors.message("user")
                autocomplete="username"
                class="govuk-input govuk-!-width-two-thirds"
            />
            <TextInput
                id="password"
                label="Your password on the server"
                value=password
                error=errors.message("password")
                autocomplete="current-password"
                input_type="password"
                class="govuk-input govuk-!-width-two-thirds"
            />
            <LiveCheckbox live />
            <button type="submit" class="govuk-button" data-module="govuk-button">"Set up and sync"</button>
        </form>
    }
}

#[component]
fn LiveCheckbox(live: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                    <input
                        class="govuk-checkboxes__input"
                        id="live"
                        type="checkbox"
                        prop:checked=move || live.get()
                        on:change=move |ev| live.set(event_target_checked(&ev))
                    />
                    <label class="govuk-label govuk-checkboxes__label" for="live">
                        "Sync by itself while this device is online (every half minute)"
                    </label>
                </div>
            </div>
        </div>
    }
}

/// Once set up: where it syncs, signing in, "Sync now", and what the last sync did.
#[component]
fn Syncing() -> impl IntoView {
    let sync = TeamSyncState::get();
    let state = expect_context::<AppState>();
    let team = move || sync.team.get().unwrap_or_default();
    let status = move || sync.status.with(Status::words).unwrap_or_default();
    let stopping = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let toggle_live = move |_| {
        let live = !team().live;
        spawn_local(async move {
            if let Err(why) = sync.set_live(live).await {
                let _ = failed.try_set(Some(why));
            }
        });
    };
    let stop = move |_| {
        spawn_local(async move {
            match sync.stop().await {
                Ok(()) => {}
                Err(why) => {
                    let _ = failed.try_set(Some(why));
                }
            }
        });
    };
    let reference = move |id: &str| {
        state
            .record(id)
            .map(|r| r.reference.clone())
            .unwrap_or_else(|| "A record".into())
    };
    // The sign-in and team passphrase forms' errors, summarised at the top of the page.
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    Effect::new(move |_| {
        let asks = sync
            .status
            .with(|s| s.needs_sign_in() || matches!(s, Status::TeamPassphrase { .. }));
        if !asks {
            errors.0.set(Vec::new());
        }
    });
    view! {
        <ErrorSummary lines=errors.lines() attempt />
        <h1 class="govuk-heading-l">"Team sync"</h1>
        <p class="govuk-body-l">{status}</p>
        {move || failed.get().map(|why| view! { <p class="govuk-error-message">{why}</p> })}
        <dl class="govuk-summary-list">
            {move || summary_row("Server", team().server)}
            {move || summary_row("Database", team().database)}
            {move || summary_row("Your name on the server", team().user)}
            {move || summary_row("Syncs by itself", if team().live { "Yes, every half minute while online" } else { "No, only when you choose Sync now" })}
        </dl>
        {move || if sync.status.with(Status::needs_sign_in) {
            view! { <SignIn errors attempt /> }.into_any()
        } else if let Status::TeamPassphrase { make, wrong } = sync.status.get() {
            view! { <TeamPassphrase make wrong errors attempt /> }.into_any()
        } else {
            view! {
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button" data-module="govuk-button" on:click=move |_| sync.sync_now()>"Sync now"</button>
                    <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" on:click=move |_| sync.sign_out()>"Sign out"</button>
                </div>
            }.into_any()
        }}
        <p class="govuk-body">
            <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" on:click=toggle_live>
                {move || if team().live { "Stop syncing by itself" } else { "Sync by itself while online" }}
            </button>
        </p>
        {move || sync.last.get().map(|last| view! {
            <h2 class="govuk-heading-m">"The last sync"</h2>
            <p class="govuk-body">
                {format!("Sent {}, received {}.", plural(last.sent, "change", "changes"), plural(last.received, "change", "changes"))}
            </p>
            {(!last.refused.is_empty()).then(|| view! {
                <h3 class="govuk-heading-s">"Refused by the server"</h3>
                <ul class="govuk-list govuk-list--bullet">
                    {last.refused.iter().map(|(id, why)| view! { <li>{format!("{id}: {why}")}</li> }).collect_view()}
                </ul>
            })}
        })}
        <crate::components::sync_conflict::SettingsConflictChoice />
        {move || (!sync.set_aside.with(Vec::is_empty)).then(|| view! {
            <h2 class="govuk-heading-m">"Set aside, not taken in"</h2>
            <p class="govuk-body">"These documents in the team’s database could not be read on this device, so nothing of them was taken in; everything else was. They stay on the server. If they were written by a newer version of Redress, they are read again once this device is updated."</p>
            <ul class="govuk-list govuk-list--bullet">
                {sync.set_aside.get().into_iter().map(|(id, why)| view! { <li>{format!("{id}: {why}")}</li> }).collect_view()}
            </ul>
        })}
        {move || (!sync.conflicts.with(Vec::is_empty)).then(|| view! {
            <h2 class="govuk-heading-m">"Changed on two devices"</h2>
            <p class="govuk-body">"Each of these records was changed on two devices while they were apart. Open it to choose which version to keep."</p>
            <ul class="govuk-list">
                {sync.conflicts.get().into_iter().map(|id| {
                    let words = reference(&id);
                    view! { <li><a class="govuk-link" href=format!("/records/{id}")>{words}</a></li> }
                }).collect_view()}
            </ul>
        })}
        <h2 class="govuk-heading-m">"Stop syncing on this device"</h2>
        <p class="govuk-body">"Every record stays on this device, and on the server. This device stops sending and bringing back changes until team sync is set up again."</p>
        {move || if stopping.get() {
            view! {
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--warning" data-module="govuk-button" on:click=stop>"Yes, stop syncing"</button>
                    <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" on:click=move |_| stopping.set(false)>"Keep syncing"</button>
                </div>
            }.into_any()
        } else {
            view! {
                <button type="button" class="govuk-button govuk-button--warning" data-module="govuk-button" on:click=move |_| stopping.set(true)>"Stop syncing on this device"</button>
            }.into_any()
        }}
    }
}

/// The password again, after Redress was opened; its errors summarised by the page.
#[component]
fn SignIn(errors: FormErrors, attempt: RwSignal<u32>) -> impl IntoView {
    let sync = TeamSyncState::get();
    let password = RwSignal::new(String::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = password.get_untracked();
        let Some(team) = sync.team.get_untracked() else { return };
        if typed.is_empty() {
            errors
                .0
                .set(vec![Problem::at("password", "Enter your password on the server")]);
            attempt.update(|n| *n += 1);
            return;
        }
        errors.0.set(Vec::new());
        spawn_local(async move {
            if let Err(why) = sync.set_up(team, typed).await {
                let _ = errors.0.try_set(vec![Problem::at("password", why)]);
                let _ = attempt.try_update(|n| *n += 1);
            }
        });
    };
    view! {

        <form novalidate on:submit=on_submit>
            <TextInput
                id="password"
                label="Your password on the server"
                hint="Redress keeps it only while it is open."
                value=password
                error=errors.message("password")
                autocomplete="current-password"
                input_type="password"
                class="govuk-input govuk-!-width-two-thirds"
            />
            <button type="submit" class="govuk-button" data-module="govuk-button">"Sign in and sync"</button>
        </form>
    }
}

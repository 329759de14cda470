//! Settings: the organisation's name, whose bank holidays it keeps, how deadlines are counted,
//! its local targets, its closure days and the procedures it defines for itself.

mod closures;
pub mod procedures;
mod storage;
pub mod sync;
mod team_passphrase;

use crate::components::draft::Text;
use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::components::form::{Choice, Radios, TextArea, TextInput};
use crate::components::title::page_title;
use crate::state::AppState;
use crate::{flag, lens};
use leptos::prelude::*;
use redress_core::calendar::Nation;
use redress_core::settings::SettingsDraft;

fn choice(value: &str, label: &str, hint: Option<&str>) -> Choice {
    let choice = Choice::new(value, label);
    match hint {
        Some(hint) => choice.with_hint(hint),
        None => choice,
    }
}

/// A success banner, shown after a save.
pub fn saved_banner(id: &'static str, message: String) -> impl IntoView {
    view! {
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby=id>
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id=id>"Success"</h2>
            </div>
            <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">{message}</p>
            </div>
        </div>
    }
}

/// Who the organisation is, and who is using Redress on this device.
fn organisation_fields(draft: RwSignal<SettingsDraft>, name: Text, errors: FormErrors) -> impl IntoView {
    view! {
        <h2 class="govuk-heading-m">"Your organisation"</h2>
        <TextInput
            id="organisation-name"
            label="Organisation name"
            hint="Shown at the top of every page and on letters and reports."
            value=name
            error=errors.message("organisation-name")
            autocomplete="organization"
        />
        <TextInput
            id="user-name"
            label="Your name"
            hint="Written in the history of every record you change on this device."
            value=lens!(draft, user_name)
            error=errors.message("user-name")
            autocomplete="name"
        />
        <TextArea
            id="team"
            label="Your team, one name a line"
            hint="Offered wherever a handler or a person responsible is asked for, so a name is typed the same way every time."
            value=lens!(draft, team)
            error=errors.message("team")
        />
    }
}

/// The nation (whose bank holidays are kept, whose procedures come first), how a day received is
/// counted, and when a deadline is "due soon".
fn working_days_fields(draft: RwSignal<SettingsDraft>, errors: FormErrors) -> impl IntoView {
    view! {
        <h2 class="govuk-heading-m">"Working days"</h2>
        <Radios id="nation" legend="Which nation is the organisation in?" hint="Its bank holidays are not working days (England and Wales share theirs), and its complaint procedures are offered first." choices={Choice::every::<Nation>()} value=lens!(draft, nation) error=errors.message("nation") />
        <Radios
            id="counting"
            legend="When something arrives on a weekend or bank holiday"
            choices=vec![
                choice("from-day-received", "Count from the day it arrived", Some("The day received is never counted, whatever day it is. This is the rule the Ombudsman’s Code and the regulations use.")),
                choice("next-working-day", "Treat it as received on the next working day", Some("Then count from that day.")),
            ]
            value=lens!(draft, counting)
            error=errors.message("counting")
        />
        <TextInput
            id="due-soon-days"
            label="Show a deadline as “due soon” when it is this many working days away or fewer"
            value=lens!(draft, due_soon_days)
            error=errors.message("due-soon-days")
            class="govuk-input govuk-input--width-2"
        />
    }
}

/// The organisation's own targets, where the rules leave a timescale to local policy.
fn target_fields(draft: RwSignal<SettingsDraft>, errors: FormErrors) -> impl IntoView {
    let closures_count = flag!(draft, closures_count_for_local_targets);
    view! {
        <h2 class="govuk-heading-m">"Your own targets"</h2>
        <p class="govuk-body">"Where the rules leave a timescale to local policy, these are yours. Records keep the targets they were made with."</p>
        <TextInput
            id="children-acknowledgement-days"
            label="Children’s complaints: working days to acknowledge stages 1 and 2"
            value=lens!(draft, children_acknowledgement_days)
            error=errors.message("children-acknowledgement-days")
            class="govuk-input govuk-input--width-2"
        />
        <TextInput
            id="adults-response-days"
            label="Adults’ complaints: working days to respond when no date is agreed"
            hint="Often 15 or 20. The regulations allow at most 6 months unless the person agrees to longer."
            value=lens!(draft, adults_response_days)
            error=errors.message("adults-response-days")
            class="govuk-input govuk-input--width-3"
        />
        <Radios
            id="children-stage2-start"
            legend="Children’s complaints: when does the stage 2 clock start?"
            choices=vec![
                choice("request", "When the request for stage 2 is received", None),
                choice("agreed-statement", "When the complaint statement is agreed", None),
            ]
            value=lens!(draft, children_stage2_start)
            error=errors.message("children-stage2-start")
        />
        <div class="govuk-form-group">
            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                    <input
                        class="govuk-checkboxes__input"
                        id="closures-count"
                        name="closures-count"
                        type="checkbox"
                        aria-describedby="closures-count-hint"
                        prop:checked=move || closures_count.get()
                        on:change=move |ev| closures_count.set(event_target_checked(&ev))
                    />
                    <label class="govuk-label govuk-checkboxes__label" for="closures-count">
                        "Do not count our closure days towards our own targets"
                    </label>
                    <div id="closures-count-hint" class="govuk-hint govuk-checkboxes__hint">
                        "Closure days never move a statutory or Code deadline."
                    </div>
                </div>
            </div>
        </div>
    }
}

/// Settings → the lock on this device's records: whether it is set, and the way to its page.
#[component]
fn LockSection() -> impl IntoView {
    let locking = crate::locking::Locking::get();
    view! {
        <h3 class="govuk-heading-s">"Lock this device’s records"</h3>
        {move || if locking.set.get() {
            view! {
                <p class="govuk-body">
                    <strong class="govuk-tag govuk-tag--green">"Encrypted"</strong>
                    " The records on this device are encrypted and open only with your passphrase. "
                    <a class="govuk-link" href="/settings/lock">"Manage the lock"</a>
                </p>
            }.into_any()
        } else {
            view! {
                <p class="govuk-body">
                    "The records on this device are kept as plain text: anyone who can use this browser can read them. "
                    <a class="govuk-link" href="/settings/lock">"Lock this device’s records with a passphrase"</a>
                </p>
            }.into_any()
        }}
    }
}

#[component]
fn TeamSyncSection() -> impl IntoView {
    let sync = crate::sync::TeamSyncState::get();
    view! {
        <h3 class="govuk-heading-s">"Team sync"</h3>
        {move || match sync.team.get() {
            Some(team) => view! {
                <p class="govuk-body">
                    {format!("This device syncs with the database {} on {}. ", team.database, team.server)}
                    <a class="govuk-link" href="/settings/sync">"Manage team sync"</a>
                </p>
            }.into_any(),
            None => view! {
                <p class="govuk-body">
                    "This device’s records are its own: they are shared only by exporting a file. "
                    <a class="govuk-link" href="/settings/sync">"Set up team sync with your team’s CouchDB server"</a>
                </p>
            }.into_any(),
        }}
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = SettingsDraft::from_settings(&state.settings.get_untracked());
    // The form as typed, one draft; each field a lens onto it.
    let draft = RwSignal::new(draft);
    let name = lens!(draft, organisation_name);
    let errors = FormErrors::new();
    let attempt = RwSignal::new(0u32);
    let saved = RwSignal::new(None::<String>);
    page_title(|| "Settings".into(), move || !errors.is_empty());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        let typed = draft.get_untracked();
        match typed.apply(&state.settings.get_untracked()) {
            Ok(settings) => {
                errors.0.set(Vec::new());
                name.set(settings.organisation_name.clone());
                // A failed write is reported by the storage banner; the settings are kept in memory.
                let saving = state.save_settings(settings);
                leptos::task::spawn_local(async move {
                    if saving.outcome().await.is_ok() {
                        let _ = saved.try_set(Some("Settings saved".into()));
                    }
                });
            }
            Err(found) => {
                errors.0.set(found);
                attempt.update(|n| *n += 1);
            }
        }
    };
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary lines=errors.lines() attempt />
                {move || saved.get().map(|message| saved_banner("settings-saved-title", message))}
                <h1 class="govuk-heading-l">"Settings"</h1>
                <form novalidate on:submit=on_submit>
                    {organisation_fields(draft, name, errors)}
                    {working_days_fields(draft, errors)}
                    {target_fields(draft, errors)}
                    <h2 class="govuk-heading-m">"Lists"</h2>
                    <TextArea id="services" label="Services, one a line" value=lens!(draft, services) error=errors.message("services") />
                    <TextArea id="service-areas" label="Service areas, one a line" value=lens!(draft, service_areas) error=errors.message("service-areas") />
                    <TextArea id="subjects" label="Subjects, one a line" value=lens!(draft, subjects) error=errors.message("subjects") />
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Save settings"</button>
                </form>
                <closures::ClosureDays />
                <procedures::CustomProcedures />
                <h2 class="govuk-heading-m">"Your data"</h2>
                <p class="govuk-body">
                    "Back up this device, hand records to a colleague or bring theirs in: "
                    <a class="govuk-link" href="/data">"export and import"</a>"."
                </p>
                <LockSection />
                <TeamSyncSection />
                <storage::DeviceStorage />
                <storage::Deletions />
            </div>
        </div>
    }
    .into_any()
}

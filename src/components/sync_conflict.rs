//! "Changed on two devices": a record two people changed while their devices were apart. Team
//! sync keeps both versions; this shows every value that differs, side by side, and the person
//! keeps one — with both versions' history — which sync then writes back for every device. The
//! team's settings, changed on two devices, are chosen between the same way.

use crate::sync::{Other, TeamSyncState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use redress_core::versions::differences;

/// The choice for the record `id` when team sync found it changed on two devices.
#[component]
pub fn DeviceConflictChoice(#[prop(into)] id: String) -> impl IntoView {
    let sync = TeamSyncState::get();
    let state = expect_context::<crate::state::AppState>();
    let other = RwSignal::new(None::<Other>);
    let in_conflict = {
        let id = id.clone();
        Memo::new(move |_| sync.conflicts.with(|all| all.contains(&id)))
    };
    {
        let id = id.clone();
        Effect::new(move |_| {
            // Tracked whole, so a version settled while a third waits brings the third.
            sync.conflicts.track();
            if in_conflict.get() {
                let id = id.clone();
                spawn_local(async move {
                    let found = sync.other_version(&id).await;
                    let _ = other.try_set(found);
                });
            } else {
                let _ = other.try_set(None);
            }
        });
    }
    let choice = RwSignal::new(None::<bool>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    move || {
        let id = id.clone();
        let Other {
            rev,
            record: theirs,
            more,
        } = other.get()?;
        let mine = state.record(&id)?;
        let rows = differences(&mine, &theirs);
        let keep = {
            let (mine, theirs) = (mine.clone(), theirs.clone());
            move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let Some(keep_other) = choice.get_untracked() else {
                    error.set(Some("Select which version to keep".into()));
                    return;
                };
                error.set(None);
                busy.set(true);
                let (kept, dropped) = if keep_other {
                    (theirs.clone(), mine.clone())
                } else {
                    (mine.clone(), theirs.clone())
                };
                let (id, rev) = (id.clone(), rev.clone());
                spawn_local(async move {
                    let outcome = sync.resolve(&id, kept, dropped, rev).await;
                    let _ = busy.try_set(false);
                    if let Err(why) = outcome {
                        let _ = error.try_set(Some(why));
                    }
                });
            }
        };
        let radio = move |value: bool, html_id: &'static str, label: &'static str| {
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=html_id name="device-conflict-keep" type="radio"
                        prop:checked=move || choice.get() == Some(value) on:change=move |_| choice.set(Some(value)) />
                    <label class="govuk-label govuk-radios__label" for=html_id>{label}</label>
                </div>
            }
        };
        Some(view! {
            <div class="govuk-notification-banner" role="region" aria-labelledby="device-conflict-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="device-conflict-title">"Changed on two devices"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">
                        "This record was changed on two devices while they were apart. Both versions are kept until you choose one; the history of both stays on the record."
                    </p>
                    {(more > 0).then(|| view! {
                        <p class="govuk-body">{redress_core::sync::team::more_versions_words(more)}</p>
                    })}
                    {super::conflict::table(rows, "What differs between the devices", "The version shown", "The other device’s version")}
                    <form novalidate on:submit=keep>
                        <div class=move || if error.with(Option::is_some) { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
                            <fieldset class="govuk-fieldset" aria-describedby=move || error.with(Option::is_some).then_some("device-conflict-error")>
                                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Which version do you want to keep?"</legend>
                                {move || error.get().map(|why| view! {
                                    <p id="device-conflict-error" class="govuk-error-message">
                                        <span class="govuk-visually-hidden">"Error: "</span>{why}
                                    </p>
                                })}
                                <div class="govuk-radios" data-module="govuk-radios">
                                    {radio(false, "device-conflict-shown", "Keep the version shown")}
                                    {radio(true, "device-conflict-other", "Keep the other device’s version")}
                                </div>
                            </fieldset>
                        </div>
                        <button type="submit" class="govuk-button govuk-!-margin-bottom-0" aria-disabled=move || busy.get().then_some("true")>"Keep this version"</button>
                    </form>
                </div>
            </div>
        })
    }
}

/// The choice when the team's settings were changed on two devices: every setting that differs,
/// side by side, and the person keeps one version (their own name stays theirs either way).
#[component]
pub fn SettingsConflictChoice() -> impl IntoView {
    let sync = TeamSyncState::get();
    let state = expect_context::<crate::state::AppState>();
    let other = RwSignal::new(None::<(redress_core::sync::rev::Rev, redress_core::settings::Settings)>);
    Effect::new(move |_| {
        if sync.settings_conflict.get() {
            spawn_local(async move {
                let found = sync.other_settings().await;
                let _ = other.try_set(found);
            });
        } else {
            let _ = other.try_set(None);
        }
    });
    let choice = RwSignal::new(None::<bool>);
    let error = RwSignal::new(None::<String>);
    move || {
        let (rev, theirs) = other.get()?;
        let mine = redress_core::sync::settings::shared(&state.settings.get());
        let theirs_shared = redress_core::sync::settings::shared(&theirs);
        let rows = differences(&mine, &theirs_shared);
        let keep = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(keep_other) = choice.get_untracked() else {
                error.set(Some("Select which settings to keep".into()));
                return;
            };
            error.set(None);
            let kept = if keep_other {
                theirs.clone()
            } else {
                state.settings.get_untracked()
            };
            let rev = rev.clone();
            spawn_local(async move {
                if let Err(why) = sync.resolve_settings(kept, rev).await {
                    let _ = error.try_set(Some(why));
                }
            });
        };
        let radio = move |value: bool, html_id: &'static str, label: &'static str| {
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=html_id name="settings-conflict-keep" type="radio"
                        prop:checked=move || choice.get() == Some(value) on:change=move |_| choice.set(Some(value)) />
                    <label class="govuk-label govuk-radios__label" for=html_id>{label}</label>
                </div>
            }
        };
        Some(view! {
            <div class="govuk-notification-banner" role="region" aria-labelledby="settings-conflict-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="settings-conflict-title">"Settings changed on two devices"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">
                        "The organisation’s settings were changed on two devices while they were apart. Every device uses the version shown until you choose; the other is kept."
                    </p>
                    {super::conflict::table(rows, "What differs between the settings", "The settings in use", "The other device’s settings")}
                    <form novalidate on:submit=keep>
                        <div class=move || if error.with(Option::is_some) { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
                            <fieldset class="govuk-fieldset" aria-describedby=move || error.with(Option::is_some).then_some("settings-conflict-error")>
                                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Which settings do you want to keep?"</legend>
                                {move || error.get().map(|why| view! {
                                    <p id="settings-conflict-error" class="govuk-error-message">
                                        <span class="govuk-visually-hidden">"Error: "</span>{why}
                                    </p>
                                })}
                                <div class="govuk-radios" data-module="govuk-radios">
                                    {radio(false, "settings-conflict-shown", "Keep the settings in use")}
                                    {radio(true, "settings-conflict-other", "Keep the other device’s settings")}
                                </div>
                            </fieldset>
                        </div>
                        <button type="submit" class="govuk-button govuk-!-margin-bottom-0">"Keep these settings"</button>
                    </form>
                </div>
            </div>
        })
    }
}

//! "Changed in another tab": when this tab's save met a version another tab had saved first,
//! both are shown — every value that differs, side by side — and the person keeps one. Nothing
//! is overwritten until they choose.

use crate::state::{AppState, Conflict, Keep};
use leptos::prelude::*;
use redress_core::versions::{Difference, differences};

/// Every value that differs, side by side, under the two versions' names.
pub fn table(rows: Vec<Difference>, label: &'static str, mine: &'static str, theirs: &'static str) -> impl IntoView {
    let shown = |text: String| if text.is_empty() { "(empty)".to_string() } else { text };
    view! {
        <div class="app-table-scroll" role="region" aria-label=label tabindex="0">
        <table class="govuk-table govuk-table--small-text-until-tablet">
            <caption class="govuk-table__caption govuk-table__caption--s">"What differs"</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Where"</th>
                    <th scope="col" class="govuk-table__header">{mine}</th>
                    <th scope="col" class="govuk-table__header">{theirs}</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">
                {rows.into_iter().map(|row| view! {
                    <tr class="govuk-table__row">
                        <th scope="row" class="govuk-table__header app-wrap">{row.label}</th>
                        <td class="govuk-table__cell app-wrap">{shown(row.mine)}</td>
                        <td class="govuk-table__cell app-wrap">{shown(row.theirs)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

/// The choice for the document `id`, when it is in conflict; nothing otherwise.
#[component]
pub fn ConflictChoice(#[prop(into)] id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let choice = RwSignal::new(None::<Keep>);
    let error = RwSignal::new(false);
    let conflict = {
        let id = id.clone();
        move || state.conflicts.with(|all| all.iter().find(|c| c.id() == id).cloned())
    };
    move || {
        let id = id.clone();
        conflict().map(move |conflict| {
            let is_assessment = matches!(conflict, Conflict::Assessment { .. });
            let rows = match &conflict {
                Conflict::Record { mine, theirs } => differences(mine.as_ref(), &theirs.data),
                Conflict::Assessment { mine, theirs } => differences(mine.as_ref(), &theirs.data),
            };
            let keep = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                match choice.get_untracked() {
                    Some(keep) => {
                        error.set(false);
                        let saving = state.resolve(&id, keep);
                        // An assessment's pages hold a working copy: open them afresh on the kept version.
                        if is_assessment {
                            leptos::task::spawn_local(async move {
                                if let Some(saving) = saving {
                                    let _ = saving.outcome().await;
                                }
                                let _ = window().location().reload();
                            });
                        }
                    }
                    None => error.set(true),
                }
            };
            let radio = move |value: Keep, html_id: &'static str, label: &'static str, hint: &'static str| {
                view! {
                    <div class="govuk-radios__item">
                        <input class="govuk-radios__input" id=html_id name="conflict-keep" type="radio"
                            aria-describedby=format!("{html_id}-hint")
                            prop:checked=move || choice.get() == Some(value) on:change=move |_| choice.set(Some(value)) />
                        <label class="govuk-label govuk-radios__label" for=html_id>{label}</label>
                        <div id=format!("{html_id}-hint") class="govuk-hint govuk-radios__hint">{hint}</div>
                    </div>
                }
            };
            view! {
                <div class="govuk-notification-banner" role="region" aria-labelledby="conflict-title">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="conflict-title">"Changed in another tab"</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">
                            "This was changed in another tab while you were working on it here. Nothing has been overwritten: choose which version to keep."
                        </p>
                        {table(rows, "What differs", "Your version (this tab)", "The other tab’s version")}
                        <form novalidate on:submit=keep>
                            <div class=move || if error.get() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
                                <fieldset class="govuk-fieldset" aria-describedby=move || error.get().then_some("conflict-keep-error")>
                                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Which version do you want to keep?"</legend>
                                    <Show when=move || error.get()>
                                        <p id="conflict-keep-error" class="govuk-error-message">
                                            <span class="govuk-visually-hidden">"Error: "</span>"Select which version to keep"
                                        </p>
                                    </Show>
                                    <div class="govuk-radios" data-module="govuk-radios">
                                        {radio(Keep::Theirs, "conflict-keep-theirs", "Keep the other tab’s version", "What you changed here is dropped.")}
                                        {radio(Keep::Mine, "conflict-keep-mine", "Keep your version", "It is saved over the other tab’s version.")}
                                    </div>
                                </fieldset>
                            </div>
                            <button type="submit" class="govuk-button govuk-!-margin-bottom-0">"Keep this version"</button>
                        </form>
                    </div>
                </div>
            }
        })
    }
}

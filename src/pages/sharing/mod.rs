//! Export and import: the whole device as one file — for a backup, or to hand records to the
//! team — optionally redacted for sharing beyond it; and bringing a file in, checked whole and
//! previewed before anything changes.

mod import;
pub mod protect;

use crate::components::title::page_title;
use crate::files::download;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::exchange::file::everything;

/// Saves the whole device as a file — encrypted under `passphrase` when one is given; says what
/// it holds, or why it could not.
pub async fn export_everything(state: AppState, redacted: bool, passphrase: Option<String>) -> String {
    let file = state.records.with_untracked(|records| {
        state.assessments.with_untracked(|assessments| {
            state.settings.with_untracked(|settings| {
                state.deletions.with_untracked(|deletions| {
                    everything(records, assessments, settings, deletions, &state.exporter(), redacted)
                })
            })
        })
    });
    let samples = state
        .records
        .with_untracked(|all| all.iter().filter(|r| r.sample).count());
    let (name, text) = match &passphrase {
        None => (file.file_name(), file.to_json()),
        Some(passphrase) => match protect::protect(&file.to_json(), passphrase).await {
            Ok(text) => (redress_core::lock::file::file_name(&file.file_name()), text),
            Err(problem) => return problem,
        },
    };
    match download(&name, "application/json", &text) {
        Ok(()) => {
            let mut message = format!(
                "Saved as {name}: {} and {}{}{}.",
                redress_core::format::plural(file.records.len(), "record", "records"),
                redress_core::format::plural(file.assessments.len(), "self-assessment", "self-assessments"),
                if redacted { ", redacted" } else { ", with your settings" },
                if passphrase.is_some() {
                    ", encrypted with your passphrase"
                } else {
                    ""
                }
            );
            if samples > 0 {
                message.push_str(&format!(" The {samples} made-up sample records are not in it."));
            }
            message
        }
        Err(problem) => problem,
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    page_title(|| "Export and import".into(), || false);
    let state = expect_context::<AppState>();
    let message = RwSignal::new(None::<String>);
    let protection = protect::Protection::new();
    let attempt = RwSignal::new(0u32);
    let export = move |redacted: bool| {
        let Ok(passphrase) = protection.passphrase() else {
            attempt.update(|n| *n += 1);
            return;
        };
        message.set(Some(if passphrase.is_some() {
            "Encrypting the file…".into()
        } else {
            "Saving the file…".into()
        }));
        leptos::task::spawn_local(async move {
            let said = export_everything(state, redacted, passphrase).await;
            let _ = message.try_set(Some(said));
        });
    };
    view! {
        <crate::components::error_summary::ErrorSummary
            lines=Signal::derive(move || crate::components::error_summary::problem_lines(&protection.problems.get()))
            attempt
        />
        <h1 class="govuk-heading-l">"Export and import"</h1>
        <p class="govuk-body">
            "Records stay on this device until you export them. Export everything to keep a backup or to hand records "
            "to a colleague, who imports the file on their device. Nothing is sent anywhere: the file is saved where your "
            "browser saves downloads. Keep it as safely as the records themselves."
        </p>
        <h2 class="govuk-heading-m">"Export"</h2>
        {move || message.get().map(|m| view! { <div class="govuk-inset-text" role="status">{m}</div> })}
        <protect::ProtectChoice protection />
        <div class="govuk-button-group">
            <button type="button" class="govuk-button" on:click=move |_| export(false)>
                "Export everything"
            </button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| export(true)>
                "Export everything, redacted"
            </button>
        </div>
        <details class="govuk-details">
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">"What does redacted mean?"</span>
            </summary>
            <div class="govuk-details__text">
                <p class="govuk-body">
                    "For sharing beyond the team, for example with a commissioner. Names, contact details and everything "
                    "typed as free text (summaries, notes, reasons, letters, history) are removed. Staff names become "
                    "“Person 1”, “Person 2” and so on. What the figures are made of is kept: kinds, dates, services, "
                    "areas, subjects, stages, outcomes, remedies’ amounts and equality monitoring. Settings are left out."
                </p>
                <p class="govuk-body">"A redacted file never replaces a record when it is imported."</p>
            </div>
        </details>
        <p class="govuk-body">
            "The file is JSON, described by a published schema: "
            <a class="govuk-link" href=format!("/schema/redress-export-{}.schema.json", redress_core::exchange::SCHEMA_VERSION)>
                {format!("redress-export schema, version {}", redress_core::exchange::SCHEMA_VERSION)}
            </a>"."
        </p>
        <import::ImportFile />
    }
    .into_any()
}

//! Importing a file: read and checked whole, then a preview of what it would change (new,
//! updated, unchanged, older, in conflict, with a choice for each conflict), a copy of the
//! current data offered first, and only then applied — all of it or none. A record whose
//! reference is used here by another is renumbered, and the preview says so first.

use super::export_everything;
use crate::components::summary_list::summary_row;
use crate::files::{Refused, chosen_bytes};
use crate::state::AppState;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use redress_core::exchange::file::{ExportFile, MAX_FILE_BYTES, Problem, Reading, size_problem};
use redress_core::exchange::merge::{ImportDraft, Preview, Side, preview};
use redress_core::lock::file::EncryptedFile;

/// Problems shown at most; a broken file can have thousands.
const SHOWN_PROBLEMS: usize = 30;

#[derive(Clone)]
enum Checked {
    Refused(Vec<Problem>),
    /// An encrypted file, waiting for its passphrase.
    Encrypted(Box<EncryptedFile>),
    Ready(Box<ExportFile>, Box<Preview>),
}

/// The file's bytes checked whole: refused, encrypted (its passphrase is asked for next), or
/// ready, with its preview.
async fn check_bytes(
    state: AppState,
    bytes: &[u8],
    message: RwSignal<Option<String>>,
    draft: RwSignal<ImportDraft>,
) -> Checked {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(300)]);
    if redress_core::lock::file::is_encrypted(&head) {
        return match redress_core::exchange::file::text(bytes).map(EncryptedFile::read) {
            Err(problems) => Checked::Refused(problems),
            Ok(Err(problem)) => Checked::Refused(vec![problem]),
            Ok(Ok(file)) => Checked::Encrypted(Box::new(file)),
        };
    }
    match read_in_parts(bytes, message).await {
        Err(problems) => Checked::Refused(problems),
        Ok(file) => {
            let plan = state.records.with_untracked(|records| {
                state.assessments.with_untracked(|assessments| {
                    state.deletions.with_untracked(|deletions| {
                        state
                            .settings
                            .with_untracked(|settings| preview(&file, records, assessments, settings, deletions))
                    })
                })
            });
            let _ = draft.try_set(plan.draft());
            Checked::Ready(Box::new(file), Box::new(plan))
        }
    }
}

fn refused(problems: Vec<Problem>) -> impl IntoView {
    let more = problems.len().saturating_sub(SHOWN_PROBLEMS);
    view! {
        <div class="govuk-error-summary" tabindex="-1">
            <div role="alert">
                <h2 class="govuk-error-summary__title">"This file cannot be imported"</h2>
                <div class="govuk-error-summary__body">
                    <p class="govuk-body">"Nothing on this device has changed. What is wrong, and where in the file:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        {problems.into_iter().take(SHOWN_PROBLEMS).map(|p| view! {
                            <li><code>{p.field}</code>": " {p.message}</li>
                        }).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p class="govuk-body">{format!("And {more} more.")}</p> })}
                </div>
            </div>
        </div>
    }
}

fn conflicts_view(preview: &Preview, draft: RwSignal<ImportDraft>) -> impl IntoView + use<> {
    let when = |r: &redress_core::record::Record| redress_core::format::uk_time(r.updated);
    preview
        .conflicts
        .iter()
        .enumerate()
        .map(|(index, conflict)| {
            let name = format!("conflict-{index}");
            let choice = move |side: Side, id: String, label: String| {
                view! {
                    <div class="govuk-radios__item">
                        <input class="govuk-radios__input" id=id.clone() name=name.clone() type="radio"
                            prop:checked=move || draft.with(|d| d.conflicts.get(index) == Some(&side))
                            on:change=move |_| draft.update(|d| if let Some(slot) = d.conflicts.get_mut(index) { *slot = side })/>
                        <label class="govuk-label govuk-radios__label" for=id>{label}</label>
                    </div>
                }
            };
            view! {
                <div class="govuk-form-group">
                    <fieldset class="govuk-fieldset">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                            {format!("{} changed on this device and in the file", conflict.here.reference)}
                        </legend>
                        <div class="govuk-radios govuk-radios--small">
                            {choice(Side::Device, format!("conflict-{index}-device"), format!("Keep this device’s (last changed {})", when(&conflict.here)))}
                            {choice(Side::File, format!("conflict-{index}-file"), format!("Take the file’s (last changed {})", when(&conflict.file)))}
                        </div>
                    </fieldset>
                </div>
            }
        })
        .collect_view()
}

/// The draft's yes-or-no choices of one kind: "restore" (records deleted here) or "delete"
/// (records the file says were deleted).
fn chosen<'a>(draft: &'a mut ImportDraft, kind: &str) -> &'a mut Vec<bool> {
    if kind == "restore" {
        &mut draft.restore
    } else {
        &mut draft.delete
    }
}

/// A yes-or-no choice for each record a deletion concerns: restore one deleted here, or delete
/// here one the file says was deleted. Nothing is restored or deleted unless chosen.
fn deletions_view(preview: &Preview, draft: RwSignal<ImportDraft>) -> impl IntoView + use<> {
    let pair = |kind: &'static str, index: usize, legend: String, keep: String, change: String| {
        let name = format!("{kind}-{index}");
        let option = move |value: bool, label: String| {
            let id = format!("{kind}-{index}-{}", if value { "yes" } else { "no" });
            let name = name.clone();
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=id.clone() name=name type="radio"
                        prop:checked=move || draft.with(|d| {
                            let list = if kind == "restore" { &d.restore } else { &d.delete };
                            list.get(index) == Some(&value)
                        })
                        on:change=move |_| draft.update(|d| if let Some(slot) = chosen(d, kind).get_mut(index) { *slot = value })/>
                    <label class="govuk-label govuk-radios__label" for=id>{label}</label>
                </div>
            }
        };
        view! {
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                    <div class="govuk-radios govuk-radios--small">
                        {option(false, keep)}
                        {option(true, change)}
                    </div>
                </fieldset>
            </div>
        }
    };
    let when = |d: &redress_core::record::deletion::Deletion| {
        redress_core::format::day_short_month(redress_core::format::uk_clock(d.at).0.date())
    };
    let here = preview
        .deleted_here
        .iter()
        .enumerate()
        .map(|(i, (deletion, _))| {
            pair(
                "restore",
                i,
                format!(
                    "{} was deleted on this device ({}) but is in the file",
                    deletion.reference,
                    when(deletion)
                ),
                "Keep it deleted".into(),
                "Restore it from the file".into(),
            )
        })
        .collect_view();
    let there = preview
        .deleted_in_file
        .iter()
        .enumerate()
        .map(|(i, (deletion, record))| {
            pair(
                "delete",
                i,
                format!(
                    "{} was deleted where the file was made ({})",
                    record.reference,
                    when(deletion)
                ),
                "Keep it on this device".into(),
                "Delete it here too".into(),
            )
        })
        .collect_view();
    view! { {here} {there} }
}

/// The core's line for each record given a new reference on the way in.
fn renumbered_view(preview: &Preview) -> impl IntoView + use<> {
    let lines = preview.renumbering_lines();
    (!lines.is_empty()).then(|| {
        view! {
            <h3 class="govuk-heading-s">"New references"</h3>
            <p class="govuk-body">"These records get a new reference, and their history says so:"</p>
            <ul class="govuk-list govuk-list--bullet">
                {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        }
    })
}

fn preview_view<A, B>(
    file: &ExportFile,
    preview: &Preview,
    draft: RwSignal<ImportDraft>,
    on_apply: A,
    on_backup: B,
) -> impl IntoView + use<A, B>
where
    A: Fn() + Clone + Send + Sync + 'static,
    B: Fn() + Clone + Send + Sync + 'static,
{
    let count = |n: usize| n.to_string();
    view! {
        <h3 class="govuk-heading-s">"What this file would change"</h3>
        <dl class="govuk-summary-list">
            {summary_row("From", format!("{}, exported {} by Redress {}{}",
                if file.organisation.is_empty() { "An organisation not named" } else { &file.organisation },
                redress_core::format::uk_time(file.exported_at), file.app_version,
                if file.redacted { " (redacted)" } else { "" }))}
            {summary_row("New records", count(preview.new_records.len()))}
            {summary_row("Records updated from the file", count(preview.updated_records.len()))}
            {summary_row("Records the same on both", count(preview.unchanged_records))}
            {summary_row("Records newer on this device (kept)", count(preview.older_records))}
            {(preview.kept_from_redacted > 0).then(|| summary_row("Records kept because the file is redacted", count(preview.kept_from_redacted)))}
            {summary_row("Records changed on both (choose below)", count(preview.conflicts.len()))}
            {(!preview.renumbered.is_empty()).then(|| summary_row("Records given a new reference (listed below)", count(preview.renumbered.len())))}
            {(!preview.deleted_here.is_empty()).then(|| summary_row("Records deleted on this device (kept deleted unless you choose)", count(preview.deleted_here.len())))}
            {(!preview.deleted_in_file.is_empty()).then(|| summary_row("Records the file says were deleted (kept unless you choose)", count(preview.deleted_in_file.len())))}
            {(!preview.new_deletions.is_empty()).then(|| summary_row("Notes of deletions added to this device’s list", count(preview.new_deletions.len())))}
            {summary_row("New self-assessments", count(preview.new_assessments.len()))}
            {summary_row("Self-assessments updated from the file", count(preview.updated_assessments.len()))}
            {summary_row("Settings", match (&preview.settings, preview.procedures_only) {
                (Some(_), false) => "Taken from the file: this device has none of its own yet".to_string(),
                (Some(_), true) => "This device’s settings are kept; the file’s own complaint procedures are added, so its records keep their deadlines".to_string(),
                (None, _) => "This device’s settings are kept".to_string(),
            })}
        </dl>
        {renumbered_view(preview)}
        {conflicts_view(preview, draft)}
        {deletions_view(preview, draft)}
        <p class="govuk-body">"Before importing you can save a copy of everything on this device as it is now."</p>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--secondary" on:click={ let f = on_backup.clone(); move |_| f() }>"Download the current data first"</button>
            <button type="button" class="govuk-button" on:click={ let f = on_apply.clone(); move |_| f() }
                disabled=!(preview.changes_anything() || preview.offers_deletion_choices())>"Import"</button>
        </div>
    }
}

/// How many records are checked between the page's turns: well under a tenth of a second on a busy
/// two-core laptop, so the page never freezes while 50,000 are checked.
const RECORDS_AT_A_TIME: usize = 1_000;

/// Reads and checks a file a part at a time, saying how far it has got once it is a large one.
async fn read_in_parts(bytes: &[u8], message: RwSignal<Option<String>>) -> Result<ExportFile, Vec<Problem>> {
    let text = redress_core::exchange::file::text(bytes)?;
    let mut reading = Reading::start(text);
    let total = reading.records();
    let mut parts = 0;
    while !reading.step(RECORDS_AT_A_TIME) {
        parts += 1;
        // Every ten parts, not every part: a screen reader reads each change of the status out.
        if parts % 10 == 0 {
            let _ = message.try_set(Some(format!(
                "Checking the file: {} of {} records checked…",
                redress_core::format::count(reading.done()),
                redress_core::format::count(total)
            )));
        }
        crate::timing::next_turn().await;
    }
    reading.finish()
}

#[component]
pub fn ImportFile() -> impl IntoView {
    let state = expect_context::<AppState>();
    let input = NodeRef::<html::Input>::new();
    let checked = RwSignal::new(None::<Checked>);
    // The choices the preview offers, as made: one draft.
    let draft = RwSignal::new(ImportDraft::default());
    let message = RwSignal::new(None::<String>);
    let on_check = move |_| {
        let Some(element) = input.get_untracked() else { return };
        message.set(Some("Checking the file…".into()));
        let _ = checked.try_set(None);
        spawn_local(async move {
            // Say so before a large file keeps the page busy while it is checked.
            crate::timing::after_paint().await;
            let bytes = chosen_bytes(&element, MAX_FILE_BYTES).await;
            let result = match bytes {
                Err(Refused::TooBig(size)) => Checked::Refused(size_problem(size).unwrap_or_default()),
                Err(Refused::Problem(problem)) => Checked::Refused(vec![Problem::whole_file(problem)]),
                Ok(bytes) => check_bytes(state, &bytes, message, draft).await,
            };
            let _ = message.try_set(None);
            let _ = checked.try_set(Some(result));
        });
    };
    let passphrase = RwSignal::new(String::new());
    let wrong = RwSignal::new(None::<String>);
    let on_open = Callback::new(move |()| {
        let Some(Checked::Encrypted(file)) = checked.get_untracked() else {
            return;
        };
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            wrong.set(Some("Enter the passphrase for the file".into()));
            return;
        }
        wrong.set(None);
        message.set(Some("Opening the file…".into()));
        spawn_local(async move {
            let result = match super::protect::open(&file, &typed).await {
                Ok(bytes) => {
                    let _ = passphrase.try_set(String::new());
                    Some(check_bytes(state, &bytes, message, draft).await)
                }
                Err(problem) => {
                    let _ = wrong.try_set(Some(problem.message));
                    None
                }
            };
            let _ = message.try_set(None);
            if let Some(result) = result {
                let _ = checked.try_set(Some(result));
            }
        });
    });
    let on_apply = move || {
        let Some(Checked::Ready(_, plan)) = checked.get_untracked() else {
            return;
        };
        let apply = draft.with_untracked(|choices| plan.to_apply(choices, &state.change()));
        let new = plan.new_records.len();
        let renumbered = apply
            .records
            .iter()
            .filter(|r| plan.renumbered.iter().any(|n| n.id == r.id))
            .count();
        let changed = apply.records.len().saturating_sub(new);
        let removed = apply.delete.len();
        let settings = plan.settings.clone();
        message.set(Some("Importing…".into()));
        spawn_local(async move {
            crate::timing::after_paint().await;
            match state.apply_import(apply, settings).await {
                Ok(()) => {
                    let _ = checked.try_set(None);
                    let mut said = format!("Imported: {new} new records and {changed} updated");
                    if removed > 0 {
                        said.push_str(&format!(", {removed} deleted as you chose"));
                    }
                    if renumbered > 0 {
                        said.push_str(&format!(", {renumbered} given a new reference"));
                    }
                    said.push('.');
                    let _ = message.try_set(Some(said));
                }
                Err(error) => {
                    let _ = message.try_set(Some(format!(
                        "Nothing was imported, because {error}. Nothing on this device has changed."
                    )));
                }
            }
        });
    };
    let backup = RwSignal::new(None::<String>);
    let on_backup = move || {
        spawn_local(async move {
            let said = export_everything(state, false, None).await;
            let _ = backup.try_set(Some(said));
        })
    };
    view! {
        <h2 class="govuk-heading-m">"Import"</h2>
        <p class="govuk-body">"A file exported by Redress, on this device or another. It is checked whole, and you see what it would change before anything does."</p>
        {move || message.get().map(|m| view! { <div class="govuk-inset-text" role="status">{m}</div> })}
        <div class="govuk-form-group">
            <label class="govuk-label" for="import-file">"File to import"</label>
            <input class="govuk-file-upload" id="import-file" name="import-file" type="file" accept=".json,application/json" node_ref=input />
        </div>
        <button type="button" class="govuk-button govuk-button--secondary" on:click=on_check>"Check the file"</button>
        {move || match checked.get() {
            None => ().into_any(),
            Some(Checked::Refused(problems)) => refused(problems).into_any(),
            Some(Checked::Encrypted(_)) => view! {
                <super::protect::AskPassphrase passphrase error=wrong on_open />
            }.into_any(),
            Some(Checked::Ready(file, plan)) => view! {
                {preview_view(&file, &plan, draft, on_apply, on_backup)}
                {move || backup.get().map(|m| view! { <div class="govuk-inset-text" role="status">{m}</div> })}
            }.into_any(),
        }}
    }
}

//! Export files protected with a passphrase: the choice on the export page (the passphrase
//! twice), encrypting a file's text before it is saved, and opening one on import once its
//! passphrase is given. Each file has its own salt; the envelope is the core's
//! (`redress_core::lock::file`).

use crate::components::form::TextInput;
use crate::crypto;
use leptos::prelude::*;
use redress_core::lock::file::{BOUND_TO, EncryptedFile, WRONG_PASSPHRASE};
use redress_core::lock::passphrase::NewPassphrase;
use redress_core::lock::{Kdf, decode};
use redress_core::problem::Problem;

/// The file's text encrypted under `passphrase`, as the text of an encrypted file.
pub async fn protect(text: &str, passphrase: &str) -> Result<String, String> {
    let fail = |e: crypto::CryptoError| format!("The file could not be encrypted: {e}.");
    let salt = crypto::new_salt().map_err(fail)?;
    let kdf = Kdf::new(&salt);
    let key = crypto::passphrase_key(passphrase, &kdf, &salt).await.map_err(fail)?;
    let encrypted = crypto::encrypt(&key, text.as_bytes(), BOUND_TO).await.map_err(fail)?;
    Ok(EncryptedFile::new(kdf, encrypted).to_text())
}

/// What an encrypted file holds, once `passphrase` opens it; the file's bytes are then checked
/// whole as any file's.
pub async fn open(file: &EncryptedFile, passphrase: &str) -> Result<Vec<u8>, Problem> {
    let salt = file.kdf.checked_salt()?;
    let fail = |e: crypto::CryptoError| Problem::new("import-passphrase", e.to_string());
    let key = crypto::passphrase_key(passphrase, &file.kdf, &salt)
        .await
        .map_err(fail)?;
    let _ = decode(&file.encrypted.data, "encrypted.data")?;
    crypto::decrypt(&key, &file.encrypted, BOUND_TO)
        .await
        .map_err(|e| match e {
            crypto::CryptoError::NotOpened => Problem::new("import-passphrase", WRONG_PASSPHRASE),
            other => fail(other),
        })
}

/// The export page's choice: protect the file with a passphrase, typed twice.
#[derive(Clone, Copy)]
pub struct Protection {
    pub chosen: RwSignal<bool>,
    pub passphrase: RwSignal<String>,
    pub again: RwSignal<String>,
    pub problems: RwSignal<Vec<Problem>>,
}

impl Protection {
    pub fn new() -> Self {
        Protection {
            chosen: RwSignal::new(false),
            passphrase: RwSignal::new(String::new()),
            again: RwSignal::new(String::new()),
            problems: RwSignal::new(Vec::new()),
        }
    }

    /// `None` for a plain file; the passphrase for a protected one; or the problems with it
    /// (also shown by the fields).
    pub fn passphrase(self) -> Result<Option<String>, Vec<Problem>> {
        if !self.chosen.get_untracked() {
            self.problems.set(Vec::new());
            return Ok(None);
        }
        let typed = NewPassphrase {
            passphrase: self.passphrase.get_untracked(),
            again: self.again.get_untracked(),
        };
        match typed.check() {
            Ok(passphrase) => {
                self.problems.set(Vec::new());
                Ok(Some(passphrase.to_string()))
            }
            Err(problems) => {
                let problems: Vec<Problem> = problems
                    .into_iter()
                    .map(|p| Problem::new(format!("export-{}", p.field), p.message))
                    .collect();
                self.problems.set(problems.clone());
                Err(problems)
            }
        }
    }

    fn message(self, field: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.problems
                .with(|all| all.iter().find(|p| p.field == field).map(|p| p.message.clone()))
        })
    }
}

impl Default for Protection {
    fn default() -> Self {
        Self::new()
    }
}

/// The checkbox, and the passphrase twice revealed under it.
#[component]
pub fn ProtectChoice(protection: Protection) -> impl IntoView {
    view! {
        <div class="govuk-form-group">
            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                    <input
                        class="govuk-checkboxes__input"
                        id="export-protect"
                        type="checkbox"
                        aria-controls="export-protect-fields"
                        aria-describedby="export-protect-hint"
                        prop:checked=move || protection.chosen.get()
                        on:change=move |ev| protection.chosen.set(event_target_checked(&ev))
                    />
                    <label class="govuk-label govuk-checkboxes__label" for="export-protect">
                        "Protect the file with a passphrase"
                    </label>
                    <div id="export-protect-hint" class="govuk-hint govuk-checkboxes__hint">
                        "The file is encrypted. Whoever imports it needs the passphrase: tell them it another way than the file, by phone say."
                    </div>
                </div>
                <div
                    class="govuk-checkboxes__conditional"
                    class:govuk-checkboxes__conditional--hidden=move || !protection.chosen.get()
                    id="export-protect-fields"
                >
                    <TextInput
                        id="export-passphrase"
                        label="Passphrase for the file"
                        hint="At least 10 characters."
                        value=protection.passphrase
                        error=protection.message("export-passphrase")
                        autocomplete="new-password"
                        input_type="password"
                    />
                    {crate::pages::lock::strength_hint(protection.passphrase)}
                    <TextInput
                        id="export-passphrase-again"
                        label="Passphrase for the file, again"
                        value=protection.again
                        error=protection.message("export-passphrase-again")
                        autocomplete="new-password"
                        input_type="password"
                    />
                </div>
            </div>
        </div>
    }
}

/// On import, the passphrase of an encrypted file.
#[component]
pub fn AskPassphrase(
    passphrase: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    on_open: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="govuk-inset-text">
            <p class="govuk-body">"This file is encrypted. Enter the passphrase it was protected with."</p>
            <TextInput
                id="import-passphrase"
                label="The file’s passphrase"
                value=passphrase
                error=error
                autocomplete="off"
                input_type="password"
            />
            <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" on:click=move |_| on_open.run(())>
                "Open the file"
            </button>
        </div>
    }
}

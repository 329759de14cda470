//! The lock on this device's records: the unlock page a locked app shows and nothing else
//! ([`unlock`]), and Settings → "Lock this device's records": setting it with its recovery key
//! ([`set`]), changing the passphrase and removing it ([`change`]).

pub mod change;
pub mod set;
pub mod unlock;

use leptos::prelude::*;

/// The shell around the unlock page: the service name, no navigation, nothing of the records.
#[component]
pub fn LockedShell(children: Children) -> impl IntoView {
    view! {
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">"Skip to main content"</a>
        <header class="govuk-service-navigation" aria-label="Redress">
            <div class="govuk-width-container">
                <div class="govuk-service-navigation__container">
                    <span class="govuk-service-navigation__service-name">
                        <span class="govuk-service-navigation__text app-service-name">"Redress"</span>
                    </span>
                </div>
            </div>
        </header>
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
                {children()}
            </main>
        </div>
        <crate::components::layout::Footer />
    }
}

/// The passphrase's strength, under the field, said as it changes.
pub fn strength_hint(passphrase: RwSignal<String>) -> impl IntoView {
    use redress_core::lock::passphrase::strength;
    view! {
        <p class="govuk-body-s" aria-live="polite" id="passphrase-strength">
            {move || {
                let typed = passphrase.get();
                (!typed.is_empty()).then(|| {
                    let found = strength(&typed);
                    view! {
                        "Strength: "
                        <strong class=format!("govuk-tag govuk-tag--{}", found.colour())>{found.label()}</strong>
                        " "
                        {found.words()}
                    }
                })
            }}
        </p>
    }
}

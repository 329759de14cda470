//! What the assessment pages share: finding the route's assessment, its status tag, and saving a
//! working copy as the person types.

use crate::components::tag::{Colour, Tag};
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::assessment::Assessment;
use redress_core::format::short_date;
use redress_core::record::Change;

/// "Completed Tue 3 Mar 2026" or "In progress".
pub fn status_tag(assessment: &Assessment) -> impl IntoView + use<> {
    match assessment.completed_on() {
        Some(date) => view! { <Tag colour=Colour::Green text=format!("Completed {}", short_date(date)) /> }.into_any(),
        None => view! { <Tag colour=Colour::LightBlue text="In progress" /> }.into_any(),
    }
}

/// The assessment named in the address, as it is now.
pub fn route_assessment() -> Option<Assessment> {
    let state = expect_context::<AppState>();
    let id = crate::routes::id_now();
    state.assessment(&id)
}

pub fn not_found() -> AnyView {
    crate::components::title::page_title(|| "Assessment not found".into(), || false);
    view! {
        <h1 class="govuk-heading-l">"Assessment not found"</h1>
        <p class="govuk-body">"There is no self-assessment with this address on this device."</p>
        <p class="govuk-body"><a class="govuk-link" href="/assessments">"Go to self-assessments"</a></p>
    }
    .into_any()
}

/// A working copy of one assessment: every edit is made to it and saved at once, so nothing
/// typed waits for a button. Fields show what was stored when the page opened and are not
/// redrawn as the person types.
#[derive(Clone, Copy)]
pub struct Working {
    pub assessment: RwSignal<Assessment>,
    /// When the last save reached storage, for "Saved at 10:42".
    pub saved_at: RwSignal<Option<String>>,
    /// Another tab's changes to it that had arrived when the page opened (see `AppState::epoch`).
    epoch: u32,
}

impl Working {
    pub fn new(assessment: Assessment) -> Self {
        let epoch = expect_context::<AppState>().epoch(&assessment.id);
        Working {
            assessment: RwSignal::new(assessment),
            saved_at: RwSignal::new(None),
            epoch,
        }
    }

    /// Applies `edit` (given who is changing it, and when) and saves.
    pub fn edit(&self, edit: impl FnOnce(&mut Assessment, &Change)) {
        let state = expect_context::<AppState>();
        let change = state.change();
        self.assessment.update(|a| edit(a, &change));
        let local_time = || String::from(js_sys::Date::new_0().to_locale_time_string("en-GB"));
        // Never overwrites another tab's change to the same assessment: that becomes a choice.
        let Some(saving) = state.save_assessment_since(self.epoch, self.assessment.get_untracked()) else {
            self.saved_at.set(None);
            return;
        };
        let saved_at = self.saved_at;
        leptos::task::spawn_local(async move {
            let saved = saving.outcome().await;
            let _ = saved_at.try_set(saved.ok().map(|_| local_time()));
        });
    }
}

/// "Saved automatically" and when, or nothing until the first edit.
#[component]
pub fn SavedNote(working: Working) -> impl IntoView {
    view! {
        <p class="govuk-body-s app-no-print" role="status">
            {move || match working.saved_at.get() {
                Some(at) => format!("Saved at {at}. Everything you type is saved as you go."),
                None => "Everything you type is saved as you go.".into(),
            }}
        </p>
    }
}

//! Deleting a record: deliberate (its own page), confirmed, and itself recorded.

use crate::components::confirm_delete::ConfirmDelete;
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn DeletePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let id = crate::routes::id_now();
    page_title(|| "Delete a record".into(), || false);
    let Some(record) = state.record(&id) else {
        return view! {
            <h1 class="govuk-heading-l">"Record not found"</h1>
            <p class="govuk-body"><a class="govuk-link" href="/records">"Go to the list of records"</a></p>
        }
        .into_any();
    };
    let back = format!("/records/{id}");
    let why = RwSignal::new(String::new());
    let confirm = move || {
        // A failed write is reported by the storage banner on every page.
        let _ = state.delete_record(&id, &why.get_untracked());
        navigate("/records", Default::default());
    };
    view! {
        <a href=back.clone() class="govuk-back-link">"Back to the record"</a>
        <ConfirmDelete
            caption=record.reference.clone()
            question="Are you sure you want to delete this record?"
            warning="Its details are removed from this device and cannot be brought back, unless you have an exported copy. A note that it was deleted, by whom, when and why, is kept and listed in Settings."
            confirm="Yes, delete this record"
            back
            on_confirm=confirm
        >
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="deletion-why">"Why is it being deleted? (optional)"</label>
                <div class="govuk-hint" id="deletion-why-hint">"For example, “entered twice” or “recorded on the wrong person”. Kept with the note of the deletion."</div>
                <textarea class="govuk-textarea" id="deletion-why" name="deletion-why" rows="3" aria-describedby="deletion-why-hint"
                    prop:value=move || why.get() on:input=move |ev| why.set(event_target_value(&ev))></textarea>
            </div>
        </ConfirmDelete>
    }
    .into_any()
}

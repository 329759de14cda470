//! The page that asks before deleting something: what it is, the question, a warning of what is
//! lost, a red button to go ahead and a link to keep it.

use leptos::prelude::*;

#[component]
pub fn ConfirmDelete(
    /// What is being deleted: a record's reference, an assessment's name.
    caption: String,
    question: &'static str,
    warning: &'static str,
    confirm: &'static str,
    /// Where "No, keep it" goes.
    back: String,
    #[prop(into)] on_confirm: Callback<()>,
    /// Anything to ask before going ahead (why a record is deleted).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <span class="govuk-caption-l">{caption}</span>
                <h1 class="govuk-heading-l">{question}</h1>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        {warning}
                    </strong>
                </div>
                {children.map(|children| children())}
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--warning" data-module="govuk-button"
                        on:click=move |_| on_confirm.run(())>
                        {confirm}
                    </button>
                    <a class="govuk-link" href=back>"No, keep it"</a>
                </div>
            </div>
        </div>
    }
}

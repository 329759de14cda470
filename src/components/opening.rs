//! A page still opening: its heading says what is on its way, said to screen readers as it
//! changes — the records being read at start, or a page's piece of the app being fetched.

use leptos::prelude::*;

/// "Opening …" as the page's heading, with an optional line under it.
#[component]
pub fn Opening(heading: &'static str, #[prop(optional)] detail: Option<&'static str>) -> impl IntoView {
    view! {
        <div role="status" aria-live="polite">
            <h1 class="govuk-heading-l">{heading}</h1>
            {detail.map(|detail| view! { <p class="govuk-body">{detail}</p> })}
        </div>
    }
}

//! "Page not found", for any address the app does not know.

use crate::components::title::page_title;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    page_title(|| "Page not found".into(), || false);
    view! {
        <h1 class="govuk-heading-l">"Page not found"</h1>
        <p class="govuk-body">"If you typed the web address, check it is correct."</p>
        <p class="govuk-body">"If you pasted the web address, check you copied the entire address."</p>
        <p class="govuk-body">
            "You can go to the " <a class="govuk-link" href="/records">"list of records"</a> "."
        </p>
    }
    .into_any()
}

//! A page still opening: its heading says what is on its way, said to screen readers as it
//! changes — the records being read at start, or a page's piece of the app being fetched; and
//! the wait itself, for each page, until storage has been read.

use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// What the records being read at start-up says under its heading.
pub const READING: &str = "Redress is reading the records kept in this browser.";

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

/// A page once storage has been read: pages read the records when they open. My work and the
/// records list open sooner, once the rows kept at the last start have been read (if they are
/// enough to draw them). Before then, "Opening your records…"; if the piece of the app that
/// reads storage cannot be fetched, that is said instead.
#[component]
pub fn WhenOpen(children: ChildrenFn) -> impl IntoView {
    let state = expect_context::<AppState>();
    let location = use_location();
    let ready = Memo::new(move |_| {
        !state.opening.get()
            || location.pathname.with(|path| match path.as_str() {
                "/" => state.work_ready.get(),
                "/records" => state.rows_ready.get(),
                _ => false,
            })
    });
    let fallback = move || {
        if state.not_fetched.get() {
            view! { <crate::lazy::CouldNotOpen /> }.into_any()
        } else {
            view! { <Opening heading="Opening your records…" detail=READING /> }.into_any()
        }
    };
    view! { <Show when=move || ready.get() fallback>{children()}</Show> }
}

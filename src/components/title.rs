//! The document title, "Page – Redress", prefixed "Error:" while a form shows errors (GOV.UK).

use leptos::prelude::*;

/// Keeps the document title in step with `page` and whether the page shows errors.
pub fn page_title(page: impl Fn() -> String + 'static, has_errors: impl Fn() -> bool + 'static) {
    Effect::new(move |_| {
        let prefix = if has_errors() { "Error: " } else { "" };
        document().set_title(&format!("{prefix}{} – Redress", page()));
    });
}

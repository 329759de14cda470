//! Parts of the app fetched the first time they are needed: the pages of each area (records,
//! assessments, advocacy, reports, settings, the calculator, export and import) and team sync
//! are split points, so a first visit downloads the shell and My work, not every page.
//!
//! The build cuts the wasm at these points (scripts/split.mjs); the service worker keeps every
//! piece after the first visit, so each page still opens offline. A piece that cannot be
//! fetched (offline before the worker kept it, or a release replaced meanwhile) is said so on
//! the page, and nothing else stops.

use crate::components::opening::WhenOpen;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// A piece of the app that could not be fetched.
#[derive(Debug)]
pub struct NotFetched;

impl NotFetched {
    /// What a person is told.
    pub const WORDS: &str = "Redress could not fetch this part of the app. Check the connection, then reload the page.";
}

impl From<SplitLoaderError> for NotFetched {
    fn from(_: SplitLoaderError) -> Self {
        NotFetched
    }
}

/// A route's page: once storage has been read ([`WhenOpen`]), the page `load` brings, once its
/// piece of the app is here.
pub fn page<F>(load: fn() -> F) -> impl IntoView
where
    F: Future<Output = Result<AnyView, NotFetched>> + Send + 'static,
{
    view! { <WhenOpen>{lazily(load())}</WhenOpen> }
}

/// Shows the page `load` brings, once its piece of the app is here (at once, after the first
/// time); until then, that it is opening.
pub fn lazily<F>(load: F) -> impl IntoView
where
    F: Future<Output = Result<AnyView, NotFetched>> + Send + 'static,
{
    view! {
        <Suspense fallback=Opening>
            {Suspend::new(async move {
                match load.await {
                    Ok(page) => page,
                    Err(NotFetched) => view! { <CouldNotOpen /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Shows what `load` brings, once its piece of the app is here; nothing until then, or if the
/// piece cannot be fetched (for parts of a page that have nothing to say until it has come).
pub fn quietly<F>(load: F) -> impl IntoView
where
    F: Future<Output = Result<AnyView, NotFetched>> + Send + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move { load.await.unwrap_or_else(|NotFetched| ().into_any()) })}
        </Suspense>
    }
}

/// While a page's piece is fetched: a moment on a slow connection, the first time only.
#[component]
fn Opening() -> impl IntoView {
    view! { <crate::components::opening::Opening heading="Opening the page…" /> }
}

/// A page whose piece of the app could not be fetched: said so, and that nothing was touched.
#[component]
pub fn CouldNotOpen() -> impl IntoView {
    crate::components::title::page_title(|| "This page could not be opened".into(), || false);
    view! {
        <h1 class="govuk-heading-l">"This page could not be opened"</h1>
        <p class="govuk-body">{NotFetched::WORDS}</p>
        <p class="govuk-body">"Nothing has been changed or removed."</p>
    }
}

/// A split point: `fn` becomes `async fn`, and with the `split` feature (the app as trunk builds
/// it) its code and all it alone reaches is kept in the piece named `$piece`, fetched at the
/// first call. Without the feature (the browser tests) it is an ordinary `async fn`.
macro_rules! split_point {
    ($piece:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($piece, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$meta])*
        $vis fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(feature = "split"))]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}
pub(crate) use split_point;

/// One page as a split point: `$piece` names the piece of the app it is kept in, with the
/// other pages of its area.
macro_rules! lazy_page {
    ($vis:vis $name:ident, $piece:ident, $page:path) => {
        $crate::lazy::split_point!(
            $piece,
            $vis fn $name() -> Result<::leptos::prelude::AnyView, $crate::lazy::NotFetched> {
                use ::leptos::prelude::IntoAny;
                Ok(::leptos::prelude::view! { <$page /> }.into_any())
            }
        );
    };
}
pub(crate) use lazy_page;

//! Redress in the browser: the Leptos app over `redress-core`. The binary (`main.rs`) only calls
//! [`start`]; the modules are public so the browser tests in `tests/` can reach the storage door.
//!
//! The core decides, the app shows: pages ask `redress-core` for what to show and render it;
//! only [`store`] touches browser storage.
//!
//! # Module map
//! - [`app`]: the root: state and the shell around the pages.
//! - [`routes`]: every page at its address, nested by area, and the typed parameters pages read.
//! - [`state`]: the state held once at the root — records, assessments, settings, deletions —
//!   with saves queued to the store, conflicts with other tabs, and the records list's rows.
//! - [`store`]: the storage door: IndexedDB (one database, a store per kind), the move-in from
//!   the old localStorage keys, envelopes, the rows kept for a fast start.
//! - [`components`]: pieces every page shares, after the GOV.UK Design System: the page shell
//!   and service navigation, form fields and choices ([`components::form`]), the date input,
//!   the error summary, tags ([`components::tag`]), summary rows, deadlines, the event form, a
//!   delete confirmation, the large-print toggle, typed text kept across redraws
//!   ([`components::kept`]), the storage banner, "Changed in another tab", not found.
//! - [`pages`]: one module a page, by area: [`pages::my_work`], [`pages::records`] (list, new,
//!   one record and its forms), [`pages::advocacy`], [`pages::assessments`], [`pages::reports`],
//!   [`pages::calculator`], [`pages::sharing`] (export and import), [`pages::settings`].
//! - [`clock`]: today and now, read from the browser and passed into the core.
//! - [`files`]: downloads, and reading a file the person chose.
//! - [`offline`]: the service worker that keeps the app working with no network, and the
//!   notice that a new release is ready.
//! - [`timing`]: marks on the performance timeline at the steps of start-up, for the benchmark.

// An app, not a library: its documentation is for the people who work on it, built with
// `--document-private-items`, so links to private modules are what they should be.
#![allow(rustdoc::private_intra_doc_links)]

pub mod app;
pub mod clock;
pub mod components;
pub mod crypto;
pub mod files;
pub mod lazy;
pub mod locking;
pub mod offline;
pub mod pages;
pub mod routes;
pub mod state;
pub mod store;
pub mod sync;
pub mod timing;

/// Mounts the app on the page's body (the app registers the service worker).
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

//! Redress in the browser: the Leptos app over `redress-core`. The binary (`main.rs`) only calls
//! [`start`]; the modules are public so the browser tests in `tests/` can reach the storage door.

pub mod app;
pub mod clock;
pub mod components;
pub mod files;
pub mod offline;
pub mod pages;
pub mod state;
pub mod store;
pub mod timing;

/// Registers the service worker and mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    offline::register_service_worker();
    leptos::mount::mount_to_body(app::App);
}

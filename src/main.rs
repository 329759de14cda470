//! Redress in the browser: mounts the app and registers the service worker for offline use.

mod app;
mod clock;
mod components;
mod offline;
mod pages;
mod state;
mod store;

fn main() {
    console_error_panic_hook::set_once();
    offline::register_service_worker();
    leptos::mount::mount_to_body(app::App);
}

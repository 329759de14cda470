//! The service worker (`public/sw.js`, served from the site root) that keeps the app shell so
//! Redress opens with no network after one visit, and the notice that a new release is ready.
//!
//! Each release's worker names its release (the hash in `redress-<hash>.js`, written in by
//! `scripts/release.mjs`). When the worker in charge holds another release than the one this
//! page is running — a new one has been fetched in the background — [`UpdateBanner`] offers to
//! reload. The page also asks the browser to look for a new release every half hour and when
//! the network comes back, so a tab left open all day still hears of one.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// How often an open page asks the browser to look for a new release.
const CHECK_EVERY_MS: i32 = 30 * 60 * 1000;

/// Whether a newer release than this page's is ready (in context from the app's root).
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

/// The release this page is running: the hash in the name of the app's script.
fn own_release() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let link = document
        .query_selector("link[rel=modulepreload][href*='/redress-']")
        .ok()??;
    let href = link.get_attribute("href")?;
    let name = href.rsplit('/').next()?;
    Some(name.strip_prefix("redress-")?.strip_suffix(".js")?.to_string())
}

/// Registers the worker, and sets `ready` once a worker holding another release is in charge.
pub fn register_service_worker(ready: RwSignal<bool>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // Missing where the page is not a secure context; the app still works, only not offline.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let workers = navigator.service_worker();
    let own = own_release();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let release = js_sys::Reflect::get(&event.data(), &"release".into())
            .ok()
            .and_then(|r| r.as_string());
        if let (Some(release), Some(own)) = (release, own.as_deref())
            && release != own
        {
            let _ = ready.try_set(true);
        }
    });
    workers.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The worker in charge at start may already hold a newer release.
    if let Some(controller) = workers.controller() {
        let _ = controller.post_message(&"release?".into());
    }
    let registering = workers.register("/sw.js");
    let look_again = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(move |registration: wasm_bindgen::JsValue| {
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        let check = Closure::<dyn FnMut()>::new(move || {
            let _ = registration.update();
        });
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), CHECK_EVERY_MS);
            let _ = window.add_event_listener_with_callback("online", check.as_ref().unchecked_ref());
        }
        check.forget();
    });
    let _ = registering.then(&look_again);
    look_again.forget();
}

/// "A new version of Redress is ready — Reload": a GOV.UK notification banner on every page
/// once a new release has been fetched. Nothing reloads until the person chooses.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = expect_context::<UpdateReady>().0;
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="govuk-notification-banner" role="region" aria-labelledby="update-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="update-title">"Update"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">"A new version of Redress is ready."</p>
                    <p class="govuk-body">"Reload to use it. Finish what you are typing first: what is saved stays saved."</p>
                    <button type="button" class="govuk-button govuk-!-margin-bottom-0" on:click=reload>"Reload"</button>
                </div>
            </div>
        </Show>
    }
}

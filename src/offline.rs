//! Registers the service worker (`public/sw.js`, served from the site root) that keeps the app
//! shell so Redress opens with no network after one visit.

use wasm_bindgen::JsValue;

pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // Missing where the page is not a secure context; the app still works, only not offline.
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let _ = navigator.service_worker().register("/sw.js");
}

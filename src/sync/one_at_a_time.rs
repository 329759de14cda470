//! One sync at a time on this device, across every tab: a sync and a person's settling of a
//! conflict each read the sync notes, add revisions numbered by the notes' counter, and write
//! them back, so two at once in two tabs would write over each other's notes and number two
//! revisions alike. The browser's Web Locks (`navigator.locks`) hold the others back until the
//! one running finishes, even if its tab is closed mid-way (the browser lets go then).
//!
//! A browser without Web Locks (before 2022) runs the work as it comes, as before.

use js_sys::{Function, Promise, Reflect};
use std::future::Future;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The lock's name: the same in every tab of this site.
const NAME: &str = "redress-team-sync";

/// A promise and the function that settles it.
fn promise() -> Option<(Promise, Function)> {
    let mut settle = None;
    let promise = Promise::new(&mut |resolve, _reject| settle = Some(resolve));
    // `Promise::new` calls its executor before it returns.
    Some((promise, settle?))
}

/// `navigator.locks.request`, when the browser has it.
fn request() -> Option<(JsValue, Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    let request = Reflect::get(&locks, &JsValue::from_str("request")).ok()?;
    Some((locks, request.dyn_into().ok()?))
}

/// Runs `work` holding the team sync lock, waiting first for any other tab's to finish.
pub async fn one_at_a_time<T>(work: impl Future<Output = T>) -> T {
    let (Some((locks, request)), Some((granted, grant)), Some((finished, finish))) = (request(), promise(), promise())
    else {
        return work.await;
    };
    let held = finished.clone();
    let grant_too = grant.clone();
    let callback = Closure::once_into_js(move |_lock: JsValue| {
        let _ = grant_too.call0(&JsValue::NULL);
        // Held until this promise settles, when the work is done.
        held
    });
    let Ok(requested) = request.call2(&locks, &JsValue::from_str(NAME), &callback) else {
        return work.await;
    };
    // Refused (a browser that will not lock here): the work goes on without it, never waits for ever.
    let refused = Closure::<dyn FnMut(JsValue)>::new(move |_why: JsValue| {
        let _ = grant.call0(&JsValue::NULL);
    });
    if let Ok(requested) = requested.dyn_into::<Promise>() {
        let _ = requested.catch(&refused);
    }
    refused.forget();
    let _ = JsFuture::from(granted).await;
    let outcome = work.await;
    let _ = finish.call0(&JsValue::NULL);
    outcome
}

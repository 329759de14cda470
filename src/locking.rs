//! Locking the app while it runs: "Lock now" (after every save has been carried out; asking first
//! if something typed or failed to save would be lost), locking itself after a period without
//! use, and when the page is put away. Locking drops the data key and starts the page again, so
//! no decrypted record, draft or signal is left in memory; the unlock page is what shows next.

use crate::state::AppState;
use crate::store;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Whether this device's records are locked (set at start-up and by Settings), and whether the
/// person is being asked before a lock that would lose what they typed.
#[derive(Clone, Copy)]
pub struct Locking {
    pub set: RwSignal<bool>,
    /// Minutes without use before the app locks itself.
    pub minutes: RwSignal<u32>,
    pub asking: RwSignal<bool>,
    /// Whether anything has been typed on this page since it was opened.
    typed: RwSignal<bool>,
    state: AppState,
}

impl Locking {
    pub fn provide(state: AppState, set: bool, minutes: u32) -> Self {
        let locking = Locking {
            state,
            set: RwSignal::new(set),
            minutes: RwSignal::new(minutes),
            asking: RwSignal::new(false),
            typed: RwSignal::new(false),
        };
        provide_context(locking);
        locking
    }

    pub fn get() -> Self {
        expect_context::<Locking>()
    }

    /// What was typed on this page has been dealt with (a confirmation, not a form to keep).
    pub fn nothing_typed(self) {
        self.typed.set(false);
    }

    /// "Lock now": locks once every save has been carried out, or asks first if something
    /// typed on this page, or a change that failed to save, would be lost.
    pub fn lock_now(self) {
        let state = self.state;
        if state.anything_unsaved() || self.typed.get_untracked() {
            self.asking.set(true);
            return;
        }
        self.lock_anyway();
    }

    /// Locks after the saves asked for so far, whatever is left unsaved.
    pub fn lock_anyway(self) {
        let state = self.state;
        leptos::task::spawn_local(async move {
            state.saves_done().await;
            lock_and_start_again();
        });
    }
}

/// Drops the key, tells the other tabs (they lock too), and starts the page again.
pub fn lock_and_start_again() {
    store::announce(&store::StoreChange::Lock);
    start_again_locked();
}

/// Drops the key and starts this page again, locked; other tabs carry on (a tab left idle locks
/// itself without taking the one the person is typing in with it).
fn start_again_locked() {
    store::forget_key();
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Watches for use — a key, a click, a touch, typing — and locks after `minutes` without any.
/// Also notes typing (so "Lock now" asks first), forgets it when the page changes, and locks
/// when the page is put away (the back-forward cache would keep it unlocked).
pub fn watch(locking: Locking) {
    let Some(window) = web_sys::window() else { return };
    let last_use = Rc::new(Cell::new(js_sys::Date::now()));
    let used = Closure::<dyn Fn()>::new({
        let last_use = last_use.clone();
        move || last_use.set(js_sys::Date::now())
    })
    .into_js_value();
    for event in ["keydown", "pointerdown", "touchstart", "wheel"] {
        let _ = window.add_event_listener_with_callback(event, used.unchecked_ref());
    }
    let typing = Closure::<dyn Fn()>::new(move || {
        let _ = locking.typed.try_set(true);
    })
    .into_js_value();
    let _ = window.add_event_listener_with_callback("input", typing.unchecked_ref());
    // A form sent is what was typed on its way to be saved — unless the page sent it back with
    // problems (its error summary shows), when what was typed is still only on the page.
    let sent = Closure::<dyn Fn()>::new(move || {
        leptos::task::spawn_local(async move {
            crate::timing::after_paint().await;
            let refused = document()
                .query_selector(".govuk-error-summary")
                .ok()
                .flatten()
                .is_some();
            let _ = locking.typed.try_set(refused);
        });
    })
    .into_js_value();
    let _ = window.add_event_listener_with_callback("submit", sent.unchecked_ref());
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        locking.typed.set(false);
        locking.asking.set(false);
    });
    let check = Closure::<dyn Fn()>::new(move || {
        if !locking.set.get_untracked() {
            return;
        }
        let idle = js_sys::Date::now() - last_use.get();
        if idle >= f64::from(locking.minutes.get_untracked()) * 60_000.0 {
            // Stop counting, let the saves already asked for finish, then lock this tab.
            last_use.set(f64::INFINITY);
            let state = locking.state;
            leptos::task::spawn_local(async move {
                state.saves_done().await;
                start_again_locked();
            });
        }
    })
    .into_js_value();
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(check.unchecked_ref(), 15_000);
    let put_away = Closure::<dyn Fn(web_sys::Event)>::new(move |_event: web_sys::Event| {
        if locking.set.get_untracked() {
            store::forget_key();
        }
    })
    .into_js_value();
    let _ = window.add_event_listener_with_callback("pagehide", put_away.unchecked_ref());
    // A page brought back from the back-forward cache has no key: start it again, locked.
    let brought_back = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let persisted = js_sys::Reflect::get(&event, &"persisted".into())
            .ok()
            .and_then(|p| p.as_bool())
            .unwrap_or(false);
        if persisted && locking.set.get_untracked() {
            start_again_locked();
        }
    })
    .into_js_value();
    let _ = window.add_event_listener_with_callback("pageshow", brought_back.unchecked_ref());
}

/// The question before a lock that would lose something: shown at the top of the page.
#[component]
pub fn LockQuestion() -> impl IntoView {
    let locking = Locking::get();
    view! {
        <Show when=move || locking.asking.get()>
            <div class="govuk-notification-banner" role="alert" aria-labelledby="lock-question-title" tabindex="-1">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="lock-question-title">"Important"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">"Something you typed is not saved"</p>
                    <p class="govuk-body">
                        "If you lock Redress now, what you typed on this page and has not been saved, or a change that could not be saved, will be lost."
                    </p>
                    <div class="govuk-button-group">
                        <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| locking.lock_anyway()>
                            "Lock anyway"
                        </button>
                        <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| locking.asking.set(false)>
                            "Go back to what I was doing"
                        </button>
                    </div>
                </div>
            </div>
        </Show>
    }
}

//! Changes made in another tab, from the browser's `storage` event.

use super::keys;
use leptos::prelude::window_event_listener;
use web_sys::StorageEvent;

/// What another tab changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreChange {
    Record(String),
    Assessment(String),
    Settings,
    /// Storage was cleared, or changed in a way best handled by reading everything again.
    Everything,
}

/// Calls `on_change` whenever another tab changes Redress's storage.
pub fn on_change(on_change: impl Fn(StoreChange) + 'static) {
    let handle = window_event_listener(leptos::ev::storage, move |event: StorageEvent| {
        let change = match event.key() {
            None => Some(StoreChange::Everything),
            Some(key) if key == keys::SETTINGS => Some(StoreChange::Settings),
            Some(key) => keys::record_id(&key)
                .map(StoreChange::Record)
                .or_else(|| keys::assessment_id(&key).map(StoreChange::Assessment)),
        };
        if let Some(change) = change {
            on_change(change);
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}

//! Telling the other tabs of this site what was saved, through a `BroadcastChannel` (IndexedDB
//! has no change event of its own). A message names what changed; the tab that hears it reads
//! that one document again.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "redress";

/// What another tab changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreChange {
    Record(String),
    /// The record was deleted (its tombstone saved).
    Deleted(String),
    Assessment(String),
    AssessmentDeleted(String),
    Settings,
    /// Many things at once (an import, sample data): best handled by reading everything again.
    Everything,
    /// The lock was set or removed, or the device was locked: every tab starts again (and asks for
    /// the passphrase, if there is one), so none goes on holding a key or decrypted records.
    Lock,
}

impl StoreChange {
    fn to_message(&self) -> String {
        match self {
            StoreChange::Record(id) => format!("record:{id}"),
            StoreChange::Deleted(id) => format!("deleted:{id}"),
            StoreChange::Assessment(id) => format!("assessment:{id}"),
            StoreChange::AssessmentDeleted(id) => format!("assessment-deleted:{id}"),
            StoreChange::Settings => "settings".into(),
            StoreChange::Everything => "everything".into(),
            StoreChange::Lock => "lock".into(),
        }
    }

    fn from_message(text: &str) -> Option<Self> {
        let (kind, id) = text.split_once(':').unwrap_or((text, ""));
        let id = id.to_string();
        Some(match kind {
            "record" => StoreChange::Record(id),
            "deleted" => StoreChange::Deleted(id),
            "assessment" => StoreChange::Assessment(id),
            "assessment-deleted" => StoreChange::AssessmentDeleted(id),
            "settings" => StoreChange::Settings,
            "everything" => StoreChange::Everything,
            "lock" => StoreChange::Lock,
            _ => return None,
        })
    }
}

thread_local! {
    static CHANNEL_HANDLE: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

fn channel() -> Option<BroadcastChannel> {
    CHANNEL_HANDLE.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = BroadcastChannel::new(CHANNEL).ok();
        }
        slot.clone()
    })
}

/// Tells the other tabs (a tab never hears its own messages).
pub fn announce(change: &StoreChange) {
    if let Some(channel) = channel() {
        let _ = channel.post_message(&JsValue::from_str(&change.to_message()));
    }
}

/// Calls `on_change` for every change another tab announces, for as long as the page lives (the
/// last one given replaces any before it). A change of the lock starts the page again instead.
pub fn on_change(on_change: impl Fn(StoreChange) + 'static) {
    let Some(channel) = channel() else { return };
    let listener = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        match event.data().as_string().as_deref().and_then(StoreChange::from_message) {
            Some(StoreChange::Lock) => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
            Some(change) => on_change(change),
            None => {}
        }
    });
    channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    listener.forget();
}

//! How much of the browser's storage Redress uses, and whether the browser has agreed to keep it
//! under storage pressure (`navigator.storage`: `estimate`, `persisted`, `persist`).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What Settings shows about storage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageUse {
    /// Bytes used by this site, as the browser estimates them.
    pub used: f64,
    /// Bytes this site may use.
    pub quota: f64,
    /// Whether the browser will keep the data even when the device runs short of space.
    pub persisted: bool,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing outside a secure context.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("storage"))
        .unwrap_or(false)
        .then(|| navigator.storage())
}

/// The site's use of storage, or `None` where the browser does not say.
pub async fn storage_use() -> Option<StorageUse> {
    let manager = manager()?;
    let estimate = JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    let persisted = match manager.persisted() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    };
    Some(StorageUse {
        used: number("usage"),
        quota: number("quota"),
        persisted,
    })
}

/// Asks the browser to keep Redress's data under storage pressure. Returns whether it agreed.
pub async fn ask_to_persist() -> bool {
    let Some(manager) = manager() else { return false };
    let Ok(promise) = manager.persist() else { return false };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Boolean>().ok())
        .is_some_and(|b| b.value_of())
}

//! The browser's own cryptography (WebCrypto's `crypto.subtle`), and nothing written here: keys
//! derived from a passphrase, a random data key wrapped and unwrapped, values encrypted and
//! opened with AES-256-GCM. Every call is a promise; callers make them before a storage
//! transaction opens, never inside one (the auto-commit trap, DATA-LAYER.md).
//!
//! The parameters — iterations, salt and IV lengths, what a value is bound to — are the core's
//! (`redress_core::lock`); this module only carries them to the browser.

use js_sys::{Array, Object, Uint8Array};
use redress_core::lock::{Encrypted, IV_BYTES, KEY_BYTES, Kdf, SALT_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, CryptoKey, SubtleCrypto};

/// Why a crypto call failed, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// The key was wrong or the ciphertext was changed: GCM's tag did not match.
    NotOpened,
    /// The browser has no WebCrypto here (not a secure context) or refused the call.
    Unavailable(String),
}

impl std::fmt::Display for CryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CryptoError::NotOpened => write!(f, "the key does not open it, or it was changed"),
            CryptoError::Unavailable(why) => write!(f, "this browser’s cryptography is not available here ({why})"),
        }
    }
}

fn unavailable(value: JsValue) -> CryptoError {
    let name = js_sys::Reflect::get(&value, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "OperationError" {
        return CryptoError::NotOpened;
    }
    let message = js_sys::Reflect::get(&value, &JsValue::from_str("message"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| format!("{value:?}"));
    CryptoError::Unavailable(if name.is_empty() {
        message
    } else {
        format!("{name}: {message}")
    })
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let window = web_sys::window().ok_or_else(|| CryptoError::Unavailable("no window".into()))?;
    let crypto = window.crypto().map_err(unavailable)?;
    Ok(crypto.subtle())
}

async fn settle(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, CryptoError> {
    JsFuture::from(promise.map_err(unavailable)?).await.map_err(unavailable)
}

fn usages(list: &[&str]) -> JsValue {
    list.iter().map(|u| JsValue::from_str(u)).collect::<Array>().into()
}

/// `n` random bytes from the browser's generator.
pub fn random(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0u8; n];
    let window = web_sys::window().ok_or_else(|| CryptoError::Unavailable("no window".into()))?;
    window
        .crypto()
        .map_err(unavailable)?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(unavailable)?;
    Ok(bytes)
}

/// A fresh salt for a new derivation.
pub fn new_salt() -> Result<Vec<u8>, CryptoError> {
    random(SALT_BYTES)
}

fn gcm(iv: &[u8], bound_to: &str) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data(&Uint8Array::from(bound_to.as_bytes()));
    params
}

fn aes_256() -> Object {
    web_sys::AesDerivedKeyParams::new("AES-GCM", 256).into()
}

/// The key that wraps the data key, derived from a passphrase as `kdf` says. Wrong passphrases
/// derive a key too: it is the unwrapping that fails.
pub async fn passphrase_key(passphrase: &str, kdf: &Kdf, salt: &[u8]) -> Result<CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let base = settle(subtle.import_key_with_object(
        "raw",
        &Uint8Array::from(passphrase.as_bytes()),
        &JsValue::from_str("PBKDF2").unchecked_into(),
        false,
        &usages(&["deriveKey"]),
    ))
    .await?;
    let params = web_sys::Pbkdf2Params::new_with_str(&kdf.name, &kdf.hash, kdf.iterations, &Uint8Array::from(salt));
    let key = settle(subtle.derive_key_with_object_and_object(
        &params,
        &base.unchecked_into(),
        &aes_256(),
        false,
        &usages(&["wrapKey", "unwrapKey", "encrypt", "decrypt"]),
    ))
    .await?;
    Ok(key.unchecked_into())
}

/// The recovery key's bytes as a key that wraps the data key (random, so not stretched).
pub async fn recovery_key(bytes: &[u8]) -> Result<CryptoKey, CryptoError> {
    let key = settle(subtle()?.import_key_with_object(
        "raw",
        &Uint8Array::from(bytes),
        &JsValue::from_str("AES-GCM").unchecked_into(),
        false,
        &usages(&["wrapKey", "unwrapKey"]),
    ))
    .await?;
    Ok(key.unchecked_into())
}

/// A new random data key. Extractable only so it can be wrapped at set-up; the key the app then
/// works with is unwrapped again as not extractable ([`unwrap`]).
pub async fn new_data_key() -> Result<CryptoKey, CryptoError> {
    let params: Object = web_sys::AesKeyGenParams::new("AES-GCM", (KEY_BYTES * 8) as u16).into();
    let key = settle(subtle()?.generate_key_with_object(&params, true, &usages(&["encrypt", "decrypt"]))).await?;
    Ok(key.unchecked_into())
}

/// The data key wrapped under `wrapping` with a fresh IV.
pub async fn wrap(data_key: &CryptoKey, wrapping: &CryptoKey, bound_to: &str) -> Result<Encrypted, CryptoError> {
    let iv = random(IV_BYTES)?;
    let wrapped = settle(subtle()?.wrap_key_with_object("raw", data_key, wrapping, &gcm(&iv, bound_to))).await?;
    Ok(Encrypted::new(&iv, &Uint8Array::new(&wrapped).to_vec()))
}

/// The data key unwrapped: [`CryptoError::NotOpened`] when `wrapping` is not the key it was
/// wrapped under (a wrong passphrase). `extractable` only to wrap it again (a new passphrase).
pub async fn unwrap(
    wrapped: &Encrypted,
    wrapping: &CryptoKey,
    bound_to: &str,
    extractable: bool,
) -> Result<CryptoKey, CryptoError> {
    let (iv, data) = wrapped.bytes("key").map_err(|p| CryptoError::Unavailable(p.message))?;
    let key = settle(subtle()?.unwrap_key_with_u8_array_and_object_and_object(
        "raw",
        &data,
        wrapping,
        &gcm(&iv, bound_to),
        &JsValue::from_str("AES-GCM").unchecked_into(),
        extractable,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await?;
    Ok(key.unchecked_into())
}

/// `plain` encrypted under `key` with a fresh IV, bound to `bound_to`.
pub async fn encrypt(key: &CryptoKey, plain: &[u8], bound_to: &str) -> Result<Encrypted, CryptoError> {
    let iv = random(IV_BYTES)?;
    let sealed = settle(subtle()?.encrypt_with_object_and_u8_array(&gcm(&iv, bound_to), key, plain)).await?;
    Ok(Encrypted::new(&iv, &Uint8Array::new(&sealed).to_vec()))
}

/// What `encrypted` holds, if `key` opens it and it is bound to `bound_to`, unchanged.
pub async fn decrypt(key: &CryptoKey, encrypted: &Encrypted, bound_to: &str) -> Result<Vec<u8>, CryptoError> {
    let (iv, data) = encrypted.bytes("value").map_err(|_| CryptoError::NotOpened)?;
    let plain = settle(subtle()?.decrypt_with_object_and_u8_array(&gcm(&iv, bound_to), key, &data)).await?;
    Ok(Uint8Array::new(&plain).to_vec())
}

/// Many values opened at once: every decryption is asked for before the first is awaited, so the
/// browser works on them together (10,000 records in one go at unlock).
pub async fn decrypt_many(key: &CryptoKey, values: Vec<(Encrypted, String)>) -> Vec<Result<Vec<u8>, CryptoError>> {
    let Ok(subtle) = subtle() else {
        return values
            .iter()
            .map(|_| Err(CryptoError::Unavailable("no WebCrypto".into())))
            .collect();
    };
    let asked: Vec<Result<js_sys::Promise, CryptoError>> = values
        .iter()
        .map(|(encrypted, bound_to)| {
            let (iv, data) = encrypted.bytes("value").map_err(|_| CryptoError::NotOpened)?;
            subtle
                .decrypt_with_object_and_u8_array(&gcm(&iv, bound_to), key, &data)
                .map_err(unavailable)
        })
        .collect();
    let mut opened = Vec::with_capacity(asked.len());
    for promise in asked {
        opened.push(match promise {
            Ok(promise) => JsFuture::from(promise)
                .await
                .map(|plain| Uint8Array::new(&plain).to_vec())
                .map_err(unavailable),
            Err(error) => Err(error),
        });
    }
    opened
}

/// Many values sealed at once, as [`decrypt_many`] opens them.
pub async fn encrypt_many(key: &CryptoKey, values: Vec<(Vec<u8>, String)>) -> Result<Vec<Encrypted>, CryptoError> {
    let subtle = subtle()?;
    let mut asked = Vec::with_capacity(values.len());
    for (plain, bound_to) in &values {
        let iv = random(IV_BYTES)?;
        let promise = subtle
            .encrypt_with_object_and_u8_array(&gcm(&iv, bound_to), key, plain)
            .map_err(unavailable)?;
        asked.push((iv, promise));
    }
    let mut sealed = Vec::with_capacity(asked.len());
    for (iv, promise) in asked {
        let data = JsFuture::from(promise).await.map_err(unavailable)?;
        sealed.push(Encrypted::new(&iv, &Uint8Array::new(&data).to_vec()));
    }
    Ok(sealed)
}

/// A new random team key (team sync's end-to-end encryption): extractable, so it can be
/// wrapped under the team passphrase and kept, sealed by the device's lock, in the sync notes.
pub async fn new_team_key() -> Result<CryptoKey, CryptoError> {
    new_data_key().await
}

/// A key's raw bytes (only an extractable one gives them).
pub async fn export_raw(key: &CryptoKey) -> Result<Vec<u8>, CryptoError> {
    let raw = settle(subtle()?.export_key("raw", key)).await?;
    Ok(Uint8Array::new(&raw).to_vec())
}

/// An AES-256-GCM key from its raw bytes, for encrypting and decrypting, not extractable.
pub async fn import_raw(bytes: &[u8]) -> Result<CryptoKey, CryptoError> {
    let key = settle(subtle()?.import_key_with_object(
        "raw",
        &Uint8Array::from(bytes),
        &JsValue::from_str("AES-GCM").unchecked_into(),
        false,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await?;
    Ok(key.unchecked_into())
}

//! Encryption at rest, as data: what the lock stores, what is encrypted and how each sealed value
//! is shaped. The cryptography itself is the browser's (WebCrypto, in the app's `crypto` module);
//! the core only names the parameters, checks what it reads and decides what is kept plain.
//!
//! The shape, as Bitwarden, Joplin and Standard Notes have it (DATA-LAYER.md): a random AES-256-GCM
//! *data key* encrypts every stored value; a key derived from the passphrase (PBKDF2-HMAC-SHA256,
//! [`MIN_ITERATIONS`] or more, a random 16-byte salt) wraps it, and so does a random *recovery
//! key* shown once. Changing the passphrase wraps the one data key again. Each value is sealed with
//! a fresh 12-byte IV and bound, as additional data, to where it is kept and its revision
//! ([`bound_to`]), so a ciphertext cannot be moved to another record, nor its revision changed,
//! unnoticed. (An older copy of the same value put back whole, revision and all, still opens:
//! rollback is not detected.)
//!
//! - [`passphrase`]: the passphrase as typed twice, its checks and a strength hint.
//! - [`recovery`]: the recovery key as shown and as typed back.
//! - [`file`](mod@file): an export file protected with its own passphrase.

pub mod file;
pub mod passphrase;
pub mod recovery;

use crate::problem::Problem;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

/// OWASP's floor for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet); what a new lock uses.
pub const MIN_ITERATIONS: u32 = 600_000;
/// The most iterations accepted from a file or a lock: enough headroom for years of raising the
/// floor, and a bound so a crafted file cannot keep the page busy for hours.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Bytes of random salt for each derivation.
pub const SALT_BYTES: usize = 16;
/// Bytes of random IV for each AES-GCM encryption (NIST SP 800-38D's recommended length).
pub const IV_BYTES: usize = 12;
/// Bytes of the data key and of the recovery key (AES-256).
pub const KEY_BYTES: usize = 32;
/// The version of [`Lock`] and [`Sealed`] this build writes.
pub const LOCK_VERSION: u32 = 1;
/// The format name of the lock kept on the device.
pub const LOCK_FORMAT: &str = "redress-lock";
/// Where the lock is kept: a key of the storage door's notes (its `meta` store).
pub const LOCK_KEY: &str = "lock";
/// Minutes of inactivity after which an unlocked app locks itself, unless Settings says otherwise.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 15;

/// How the key that wraps the data key is derived from a passphrase. Kept with what it wraps,
/// so the iterations can be raised later and old locks still open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    /// "PBKDF2" (the only one WebCrypto offers that is fit for passphrases).
    pub name: String,
    /// "SHA-256".
    pub hash: String,
    pub iterations: u32,
    /// Base64.
    pub salt: String,
}

impl Kdf {
    /// PBKDF2-HMAC-SHA256 at [`MIN_ITERATIONS`] with this salt.
    pub fn new(salt: &[u8]) -> Self {
        Kdf {
            name: "PBKDF2".into(),
            hash: "SHA-256".into(),
            iterations: MIN_ITERATIONS,
            salt: encode(salt),
        }
    }

    /// The salt's bytes, once the parameters are known to be ones this build can use.
    pub fn checked_salt(&self) -> Result<Vec<u8>, Problem> {
        if self.name != "PBKDF2" || self.hash != "SHA-256" {
            return Err(Problem::whole_file(format!(
                "it was locked with {} over {}, which this version of Redress cannot use",
                self.name, self.hash
            )));
        }
        if self.iterations > MAX_ITERATIONS {
            return Err(Problem::whole_file(format!(
                "its passphrase is stretched {} times, more than the {MAX_ITERATIONS} Redress will work through",
                self.iterations
            )));
        }
        if self.iterations < MIN_ITERATIONS {
            return Err(Problem::whole_file(format!(
                "its passphrase is stretched {} times, fewer than the {MIN_ITERATIONS} Redress requires",
                self.iterations
            )));
        }
        let salt = decode(&self.salt, "kdf.salt")?;
        if salt.len() < SALT_BYTES {
            return Err(Problem::at("kdf.salt", "the salt is shorter than 16 bytes"));
        }
        Ok(salt)
    }
}

/// A key, or any bytes, encrypted with AES-256-GCM: its IV and the ciphertext with its tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Encrypted {
    /// Base64, [`IV_BYTES`] long.
    pub iv: String,
    /// Base64: the ciphertext followed by GCM's 16-byte tag.
    pub data: String,
}

impl Encrypted {
    pub fn new(iv: &[u8], data: &[u8]) -> Self {
        Encrypted {
            iv: encode(iv),
            data: encode(data),
        }
    }

    /// The IV and the ciphertext as bytes, each checked.
    pub fn bytes(&self, place: &str) -> Result<(Vec<u8>, Vec<u8>), Problem> {
        let iv = decode(&self.iv, &format!("{place}.iv"))?;
        if iv.len() != IV_BYTES {
            return Err(Problem::at(format!("{place}.iv"), "the IV is not 12 bytes long"));
        }
        let data = decode(&self.data, &format!("{place}.data"))?;
        if data.len() < 16 {
            return Err(Problem::at(
                format!("{place}.data"),
                "the ciphertext is too short to hold its tag",
            ));
        }
        Ok((iv, data))
    }
}

/// The lock kept on the device: the data key wrapped under the passphrase and under the recovery
/// key. Nothing here is secret without one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    pub format: String,
    pub version: u32,
    /// How the passphrase becomes the key that wraps the data key.
    pub kdf: Kdf,
    /// The data key, wrapped under the passphrase's key.
    pub passphrase: Encrypted,
    /// The data key, wrapped under the recovery key (random, so it needs no stretching).
    pub recovery: Encrypted,
    /// Minutes of inactivity before the app locks itself.
    #[serde(default = "default_auto_lock")]
    pub auto_lock_minutes: u32,
}

fn default_auto_lock() -> u32 {
    DEFAULT_AUTO_LOCK_MINUTES
}

impl Lock {
    pub fn new(kdf: Kdf, passphrase: Encrypted, recovery: Encrypted) -> Self {
        Lock {
            format: LOCK_FORMAT.into(),
            version: LOCK_VERSION,
            kdf,
            passphrase,
            recovery,
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
        }
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads the lock kept on the device; a lock that cannot be read is said plainly (the app then
    /// keeps everything as it is and offers no way in but the recovery key's).
    pub fn read(text: &str) -> Result<Lock, Problem> {
        let lock: Lock = serde_json::from_str(text)
            .map_err(|e| Problem::whole_file(format!("the lock on this device cannot be read ({e})")))?;
        if lock.format != LOCK_FORMAT {
            return Err(Problem::whole_file("the lock on this device is not Redress’s"));
        }
        if lock.version > LOCK_VERSION {
            return Err(Problem::whole_file(
                "this device was locked by a newer version of Redress; open it with that version",
            ));
        }
        Ok(lock)
    }
}

/// A stored value sealed under the data key. Its revision stays outside (the door compares it to
/// learn that another tab saved first) and is bound in, with its place, as additional data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    pub sealed: u32,
    #[serde(default)]
    pub revision: u64,
    pub iv: String,
    pub data: String,
}

impl Sealed {
    pub fn new(revision: u64, encrypted: Encrypted) -> Self {
        Sealed {
            sealed: LOCK_VERSION,
            revision,
            iv: encrypted.iv,
            data: encrypted.data,
        }
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored value that [`is_sealed`] says is sealed.
    pub fn read(text: &str) -> Result<Sealed, Problem> {
        let sealed: Sealed = serde_json::from_str(text)
            .map_err(|e| Problem::whole_file(format!("its encrypted form cannot be read ({e})")))?;
        if sealed.sealed > LOCK_VERSION {
            return Err(Problem::whole_file("it was encrypted by a newer version of Redress"));
        }
        Ok(sealed)
    }

    pub fn encrypted(&self) -> Encrypted {
        Encrypted {
            iv: self.iv.clone(),
            data: self.data.clone(),
        }
    }
}

/// Whether stored text is a sealed value rather than a plain envelope (sealed text always starts
/// so: the door writes it, and a plain envelope starts with its format).
pub fn is_sealed(text: &str) -> bool {
    text.starts_with("{\"sealed\":")
}

/// The additional data a value is sealed with: where it is kept and its revision. Opening it
/// anywhere else, or at another revision, fails GCM's check.
pub fn bound_to(store: &str, key: &str, revision: u64) -> String {
    format!("redress/{store}/{key}#{revision}")
}

/// Whether a stored value stays plain when the lock is set: only the lock itself. Every record,
/// assessment, tombstone, the settings, the records list's rows, what was set aside and the old
/// door's notes are sealed.
pub fn kept_plain(store: &str, key: &str) -> bool {
    store == "meta" && key == LOCK_KEY
}

/// Why a sealed value could not be opened, as the end of a sentence ("… could not be read because
/// it was changed …").
pub const TAMPERED: &str = "it was changed after it was encrypted, or was moved here from elsewhere, so it \
     cannot be trusted (its authentication tag does not match)";

pub fn encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Base64 back to bytes; `place` names where it was, for the message.
pub fn decode(text: &str, place: &str) -> Result<Vec<u8>, Problem> {
    STANDARD
        .decode(text)
        .map_err(|_| Problem::at(place, "this is not base64, so it was not written by Redress"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lock() -> Lock {
        Lock::new(
            Kdf::new(&[7; 16]),
            Encrypted::new(&[1; 12], &[2; 48]),
            Encrypted::new(&[3; 12], &[4; 48]),
        )
    }

    #[test]
    fn a_new_lock_names_its_version_and_owasps_iterations_and_reads_back() {
        let lock = lock();
        let text = lock.to_text();
        assert!(text.contains("\"format\":\"redress-lock\""));
        assert!(text.contains("\"version\":1"));
        assert!(text.contains("\"iterations\":600000"));
        assert_eq!(Lock::read(&text), Ok(lock.clone()));
        assert_eq!(lock.kdf.checked_salt(), Ok(vec![7; 16]));
    }

    #[test]
    fn a_lock_from_a_newer_redress_or_weaker_parameters_is_refused_in_words() {
        let mut newer = lock();
        newer.version = 2;
        assert!(
            Lock::read(&newer.to_text())
                .unwrap_err()
                .message
                .contains("newer version")
        );
        let mut huge = lock();
        huge.kdf.iterations = u32::MAX;
        assert!(huge.kdf.checked_salt().unwrap_err().message.contains("more than"));
        let mut weak = lock();
        weak.kdf.iterations = 1000;
        assert!(
            weak.kdf
                .checked_salt()
                .unwrap_err()
                .message
                .contains("fewer than the 600000")
        );
        let mut other = lock();
        other.kdf.hash = "SHA-1".into();
        assert!(other.kdf.checked_salt().unwrap_err().message.contains("cannot use"));
        assert!(Lock::read("{\"format\":\"x\"").is_err());
    }

    #[test]
    fn a_sealed_value_keeps_its_revision_outside_and_is_told_from_a_plain_envelope() {
        let sealed = Sealed::new(12, Encrypted::new(&[9; 12], &[8; 40]));
        let text = sealed.to_text();
        assert!(is_sealed(&text));
        assert!(!is_sealed(
            "{\"format\":\"redress-store\",\"schema_version\":4,\"data\":{}}"
        ));
        assert!(text.contains("\"revision\":12"));
        assert_eq!(Sealed::read(&text), Ok(sealed.clone()));
        assert_eq!(sealed.encrypted().bytes("v"), Ok((vec![9; 12], vec![8; 40])));
    }

    #[test]
    fn a_value_is_bound_to_its_place_and_revision() {
        assert_eq!(bound_to("records", "r-1", 3), "redress/records/r-1#3");
        assert_ne!(bound_to("records", "r-1", 3), bound_to("records", "r-2", 3));
        assert_ne!(bound_to("records", "r-1", 3), bound_to("records", "r-1", 2));
    }

    #[test]
    fn only_the_lock_itself_is_kept_plain() {
        assert!(kept_plain("meta", LOCK_KEY));
        for (store, key) in [
            ("records", "r-1"),
            ("assessments", "a-1"),
            ("settings", "settings"),
            ("deletions", "r-2"),
            ("rows", "p:000000"),
            ("set-aside", "1:records/x"),
            ("meta", "redress:index"),
        ] {
            assert!(!kept_plain(store, key), "{store}/{key}");
        }
    }

    #[test]
    fn bad_bytes_are_placed() {
        let bad = Encrypted {
            iv: "not base64!".into(),
            data: "AAAA".into(),
        };
        assert_eq!(bad.bytes("passphrase").unwrap_err().field, "passphrase.iv");
        let short = Encrypted::new(&[1; 12], &[1; 4]);
        assert!(short.bytes("x").unwrap_err().message.contains("too short"));
    }
}

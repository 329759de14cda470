//! An export file protected with a passphrase: the whole export, encrypted with a key derived
//! from that passphrase and its own salt, inside an envelope that says it is encrypted and how.
//! Import recognises it, asks for the passphrase, and then checks the file inside whole, as any.

use super::{Encrypted, Kdf};
use crate::problem::Problem;
use serde::{Deserialize, Serialize};

/// The format name of an encrypted export file.
pub const ENCRYPTED_FORMAT: &str = "redress-encrypted-export";
/// The additional data the export is sealed with: the file cannot be taken for anything else.
pub const BOUND_TO: &str = "redress/export-file";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedFile {
    pub format: String,
    pub version: u32,
    /// Words for anyone who opens the file in a text editor.
    #[serde(default)]
    pub about: String,
    pub kdf: Kdf,
    pub encrypted: Encrypted,
}

impl EncryptedFile {
    pub fn new(kdf: Kdf, encrypted: Encrypted) -> Self {
        EncryptedFile {
            format: ENCRYPTED_FORMAT.into(),
            version: super::LOCK_VERSION,
            about: "A Redress export, encrypted with a passphrase (PBKDF2-HMAC-SHA256 and AES-256-GCM). \
                    Import it into Redress and give the passphrase to open it."
                .into(),
            kdf,
            encrypted,
        }
    }

    pub fn to_text(&self) -> String {
        // Compact: the pretty printer would be compiled again for these few types.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a file [`is_encrypted`] says is encrypted, checking its parameters.
    pub fn read(text: &str) -> Result<EncryptedFile, Problem> {
        let file: EncryptedFile = serde_json::from_str(text).map_err(|e| {
            Problem::whole_file(format!(
                "it says it is encrypted, but its envelope cannot be read ({e})"
            ))
        })?;
        if file.version > super::LOCK_VERSION {
            return Err(Problem::whole_file(
                "it was encrypted by a newer version of Redress; import it with that version",
            ));
        }
        file.kdf.checked_salt()?;
        file.encrypted.bytes("encrypted")?;
        Ok(file)
    }
}

/// Whether a file's text is an encrypted export (by its format, near the start).
pub fn is_encrypted(text: &str) -> bool {
    let head: String = text.chars().take(200).collect();
    head.contains(&format!("\"format\": \"{ENCRYPTED_FORMAT}\""))
        || head.contains(&format!("\"format\":\"{ENCRYPTED_FORMAT}\""))
}

/// The name an encrypted copy of an export is saved under: `redress-….json` becomes
/// `redress-….encrypted.json`.
pub fn file_name(plain_name: &str) -> String {
    match plain_name.strip_suffix(".json") {
        Some(stem) => format!("{stem}.encrypted.json"),
        None => format!("{plain_name}.encrypted"),
    }
}

/// What the import page says when the passphrase does not open the file.
pub const WRONG_PASSPHRASE: &str = "That passphrase does not open this file, or the file was changed after it was \
     encrypted. Check the passphrase with whoever made the file. Nothing has been imported";

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> EncryptedFile {
        EncryptedFile::new(Kdf::new(&[5; 16]), Encrypted::new(&[1; 12], &[2; 64]))
    }

    #[test]
    fn an_encrypted_file_says_so_and_how_and_reads_back() {
        let text = file().to_text();
        assert!(is_encrypted(&text));
        assert!(text.contains("PBKDF2"));
        assert!(text.contains("600000"));
        assert_eq!(EncryptedFile::read(&text), Ok(file()));
        assert!(!is_encrypted("{\"format\": \"redress-export\", \"schema_version\": 4}"));
    }

    #[test]
    fn a_file_from_a_newer_redress_or_with_weak_parameters_is_refused() {
        let mut newer = file();
        newer.version = 9;
        assert!(
            EncryptedFile::read(&newer.to_text())
                .unwrap_err()
                .message
                .contains("newer")
        );
        let mut weak = file();
        weak.kdf.iterations = 10;
        assert!(EncryptedFile::read(&weak.to_text()).is_err());
        let broken = file().to_text().replace("\"kdf\"", "\"kdx\"");
        assert!(
            EncryptedFile::read(&broken)
                .unwrap_err()
                .message
                .contains("cannot be read")
        );
    }

    #[test]
    fn an_encrypted_copy_is_named_so() {
        assert_eq!(
            file_name("redress-2026-12-04.json"),
            "redress-2026-12-04.encrypted.json"
        );
    }
}

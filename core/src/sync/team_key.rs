//! End-to-end encryption for a team whose devices are locked: the server keeps only ciphertext.
//!
//! A random AES-256-GCM **team key** encrypts the body of every document before it leaves a
//! device; the server stores `{"format": "redress-team-sealed", "sealed": {iv, data}}` and never
//! a name, a summary or a setting. The key is made by the team's first locked device and kept in
//! the team's database only wrapped under the **team passphrase** (PBKDF2 as the device lock,
//! [`crate::lock::Kdf`]): a secret the team shares among its members, never sent to the server.
//! Each device that joins types it once; from then on the device keeps the team key in its sync
//! notes, which its own lock seals, so each member's copy is wrapped by that member's passphrase.
//!
//! What is encrypted, as the device lock's values are, is bound to where it belongs: each body to
//! its document's id and revision, so a ciphertext moved onto another document, or put back as a
//! newer revision, does not open. In an encrypted team a body that arrives unencrypted is set
//! aside, never taken in. What the server still sees: the documents' ids (`record:` and a random
//! UUID), their revision ids, sizes and times, and the device tags' claims. A revision id is an
//! MD5 hash of the document's plain body, as CouchDB's own are: someone holding the server's data
//! could confirm a guess of a whole body (easiest for the settings, or a deletion's empty body),
//! but not read one. Making revision ids a keyed hash under the team key would close that; it is
//! not done yet. Nor can a device tell if the server holds back newer revisions (a rollback).
//!
//! The rule for a device, in [`decide`]: a team is encrypted or not, for all its devices. A
//! locked device syncs only with an encrypted team (it would otherwise send its records in the
//! clear), and a device without a lock only with a plain one (it could not keep the team's key
//! safe at rest). A team becomes encrypted when its first device is locked and its database is
//! empty.

use crate::lock::{Encrypted, Kdf};
use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The team key document's id in the team's database.
pub const DOC_ID: &str = "key:team";
/// The team key document's format name.
pub const FORMAT: &str = "redress-team-key";
/// The format name of a document body encrypted under the team key.
pub const SEALED_FORMAT: &str = "redress-team-sealed";
/// What the team key is bound to when wrapped under the team passphrase.
pub const BOUND_TO: &str = "redress/team-key";
/// The version of [`TeamKeyDoc`] this build writes.
pub const VERSION: u32 = 1;

/// The team key as the team's database keeps it: wrapped under the team passphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamKeyDoc {
    pub format: String,
    pub version: u32,
    /// Names this key, so a device knows whether the key it holds is the team's.
    pub key_id: String,
    pub kdf: Kdf,
    pub wrapped: Encrypted,
}

impl TeamKeyDoc {
    pub fn new(key_id: &str, kdf: Kdf, wrapped: Encrypted) -> Self {
        TeamKeyDoc {
            format: FORMAT.into(),
            version: VERSION,
            key_id: key_id.into(),
            kdf,
            wrapped,
        }
    }

    /// The document read from the server's body, its parameters checked.
    pub fn read(body: &Map<String, Value>) -> Result<TeamKeyDoc, Problem> {
        let doc: TeamKeyDoc = serde_json::from_value(Value::Object(body.clone()))
            .map_err(|e| Problem::whole_file(format!("the team’s key could not be read ({e})")))?;
        if doc.format != FORMAT || doc.version > VERSION {
            return Err(Problem::whole_file(
                "the team’s key was written by a newer version of Redress; update Redress on this device",
            ));
        }
        doc.kdf.checked_salt()?;
        doc.wrapped.bytes("wrapped")?;
        Ok(doc)
    }
}

/// The team key as a device keeps it, in its sync notes (sealed by the device's lock).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptTeamKey {
    /// The team's database it belongs to.
    pub database: String,
    pub key_id: String,
    /// The key's 32 bytes, base64.
    pub raw: String,
}

/// What a device does about encryption before it syncs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Plain JSON both ways: no lock here, no team key there.
    Plain,
    /// Encrypt and decrypt with the team key this device keeps.
    UseKept,
    /// Ask for the team passphrase, and open the team's key with it.
    OpenTeamKey,
    /// Ask for a new team passphrase (twice), and make the team's key: the first locked device
    /// of a team with an empty database.
    MakeTeamKey,
    /// Refuse to sync, in words.
    Refuse(String),
}

/// The rule: `locked` this device, `on_server` the team key document if the database has one,
/// `kept` the key this device holds, `database` the database's address and `documents` how many
/// documents it holds (`doc_count`).
pub fn decide(
    locked: bool,
    on_server: Option<&TeamKeyDoc>,
    kept: Option<&KeptTeamKey>,
    database: &str,
    documents: u64,
) -> Decision {
    match (locked, on_server) {
        (false, None) => Decision::Plain,
        (false, Some(_)) => Decision::Refuse(
            "This team’s records are encrypted end to end, so only a locked device can sync with them. Set a lock on this device (Settings, Lock this device’s records) and sync again.".into(),
        ),
        (true, Some(doc)) => match kept {
            Some(kept) if kept.key_id == doc.key_id && kept.database == database => Decision::UseKept,
            _ => Decision::OpenTeamKey,
        },
        (true, None) if documents == 0 => Decision::MakeTeamKey,
        (true, None) => Decision::Refuse(
            "This team’s database holds records that are not encrypted, and this device is locked: it would send its records in the clear. Ask whoever runs the server for a new, empty database for the team, or remove this device’s lock.".into(),
        ),
    }
}

/// How many of `ids` (a database's documents) hold a team's records: records, assessments,
/// deletions and settings, not a design document, a device's claim or another program's.
pub fn holding_records<'a>(ids: impl IntoIterator<Item = &'a str>) -> u64 {
    use super::receive::{DocKey, Kind};
    ids.into_iter()
        .filter_map(DocKey::parse)
        .filter(|key| {
            matches!(
                key.kind,
                Kind::Record | Kind::Assessment | Kind::Deletion | Kind::Settings
            )
        })
        .count() as u64
}

/// What the body of revision `rev` of `doc_id` is bound to when encrypted under the team key: a
/// ciphertext moved to another document, or put back as another revision, does not open.
pub fn bound_to(doc_id: &str, rev: &str) -> String {
    format!("redress/team-doc/{doc_id}/{rev}")
}

/// The format a device gives a body that came unencrypted in an encrypted team, so it is set
/// aside rather than taken in: the server, or a device without the lock, could have written it.
pub const CAME_PLAIN_FORMAT: &str = "redress-team-came-plain";

/// What a body that came unencrypted in an encrypted team is read as.
pub fn came_plain() -> Map<String, Value> {
    let mut body = Map::new();
    body.insert("format".into(), Value::String(CAME_PLAIN_FORMAT.into()));
    body
}

/// Whether a document's body is encrypted: only content is; a device's claim to its tag (its
/// device id, nothing about a person) and a deletion's empty body are sent as they are.
pub fn sealed_for_team(doc_id: &str, body: &Map<String, Value>) -> bool {
    !body.is_empty() && !doc_id.starts_with("device:") && doc_id != DOC_ID
}

/// The body sent for a document: its plain body encrypted.
pub fn sealed_body(encrypted: &Encrypted) -> Map<String, Value> {
    let mut body = Map::new();
    body.insert("format".into(), Value::String(SEALED_FORMAT.into()));
    body.insert("sealed".into(), serde_json::to_value(encrypted).unwrap_or(Value::Null));
    body
}

/// The ciphertext of a body encrypted under the team key, or `None` when it is not one.
pub fn sealed_of(body: &Map<String, Value>) -> Option<Encrypted> {
    if body.get("format").and_then(Value::as_str) != Some(SEALED_FORMAT) {
        return None;
    }
    serde_json::from_value(body.get("sealed")?.clone()).ok()
}

/// Whether a body is encrypted under a team key, opened or not.
pub fn is_sealed(body: &Map<String, Value>) -> bool {
    body.get("format").and_then(Value::as_str) == Some(SEALED_FORMAT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> TeamKeyDoc {
        TeamKeyDoc::new("k1", Kdf::new(&[7; 16]), Encrypted::new(&[1; 12], &[2; 48]))
    }

    #[test]
    fn a_team_is_encrypted_or_plain_for_every_device() {
        let db = "https://couch.example/team";
        let kept = KeptTeamKey {
            database: db.into(),
            key_id: "k1".into(),
            raw: String::new(),
        };
        assert_eq!(decide(false, None, None, db, 40), Decision::Plain);
        assert!(matches!(decide(false, Some(&doc()), None, db, 40), Decision::Refuse(w) if w.contains("Set a lock")));
        assert_eq!(decide(true, None, None, db, 0), Decision::MakeTeamKey);
        assert!(matches!(decide(true, None, None, db, 3), Decision::Refuse(w) if w.contains("not encrypted")));
        assert_eq!(decide(true, Some(&doc()), None, db, 3), Decision::OpenTeamKey);
        assert_eq!(decide(true, Some(&doc()), Some(&kept), db, 3), Decision::UseKept);
        let elsewhere = KeptTeamKey {
            database: "https://couch.example/other".into(),
            ..kept.clone()
        };
        assert_eq!(
            decide(true, Some(&doc()), Some(&elsewhere), db, 3),
            Decision::OpenTeamKey,
            "another team's key"
        );
        let older = KeptTeamKey {
            key_id: "k0".into(),
            ..kept
        };
        assert_eq!(
            decide(true, Some(&doc()), Some(&older), db, 3),
            Decision::OpenTeamKey,
            "the team's key was made again"
        );
    }

    #[test]
    fn only_a_teams_records_count_against_encrypting_it() {
        assert_eq!(
            holding_records(["_design/validate", "device:K7", "key:team", "shopping-list"]),
            0
        );
        assert_eq!(holding_records(["record:1", "settings:team", "_design/x"]), 2);
    }

    #[test]
    fn the_key_document_is_read_with_its_parameters_checked() {
        let body = match serde_json::to_value(doc()).unwrap() {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        assert_eq!(TeamKeyDoc::read(&body).unwrap(), doc());
        let mut weak = doc();
        weak.kdf.iterations = 1000;
        let weak = match serde_json::to_value(weak).unwrap() {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        assert!(TeamKeyDoc::read(&weak).is_err(), "too few iterations is refused");
        assert!(TeamKeyDoc::read(&Map::new()).is_err());
    }

    #[test]
    fn a_sealed_body_is_told_apart_and_read_back() {
        let encrypted = Encrypted::new(&[3; 12], &[4; 40]);
        let body = sealed_body(&encrypted);
        assert!(is_sealed(&body));
        assert_eq!(sealed_of(&body), Some(encrypted));
        let mut plain = Map::new();
        plain.insert("format".into(), Value::String("redress-store".into()));
        assert_eq!(sealed_of(&plain), None);
        assert!(sealed_for_team("record:1", &plain));
        assert!(!sealed_for_team("device:K7", &plain));
        assert!(!sealed_for_team("record:1", &Map::new()), "a deletion's empty body");
        assert_ne!(bound_to("record:1", "1-a"), bound_to("record:2", "1-a"));
        assert_ne!(bound_to("record:1", "1-a"), bound_to("record:1", "2-b"));
    }
}

//! Revisions as CouchDB writes them: `N-hash`, where N counts the edits from the document's
//! first version and the hash names this edit; the `_revisions` list a document carries when it
//! is replicated (`{start, ids}`, newest first) and the path of revisions it stands for; and a
//! new revision minted for an edit made on this device.

use md5::{Digest, Md5};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::cmp::Ordering;
use std::fmt;

/// One revision: its position (1 for a document's first version) and its hash.
///
/// Ordered as the winner rule compares them: the higher position first, then the greater hash
/// as a string (CouchDB and PouchDB both compare the hash's text).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rev {
    pub pos: u64,
    pub hash: String,
}

impl Ord for Rev {
    fn cmp(&self, other: &Self) -> Ordering {
        self.pos.cmp(&other.pos).then_with(|| self.hash.cmp(&other.hash))
    }
}

impl PartialOrd for Rev {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Why a revision's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRev(pub String);

impl fmt::Display for BadRev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}” is not a revision (one is written N-hash, as 3-a1b2c3)", self.0)
    }
}

impl Rev {
    pub fn new(pos: u64, hash: impl Into<String>) -> Rev {
        Rev { pos, hash: hash.into() }
    }

    /// Reads `N-hash`: N a whole number from 1, the hash not empty and without a `-` of its own
    /// (what CouchDB accepts from a replicator; `0-N` is a `_local` document's, never a tree's).
    pub fn parse(text: &str) -> Result<Rev, BadRev> {
        let bad = || BadRev(text.chars().take(80).collect());
        let (pos, hash) = text.split_once('-').ok_or_else(bad)?;
        let pos: u64 = pos.parse().map_err(|_| bad())?;
        if pos == 0 || hash.is_empty() || hash.contains('-') || !pos_digits_only(text) {
            return Err(bad());
        }
        Ok(Rev::new(pos, hash))
    }

    /// The revision this one was made from, when its hash is known (`parent` is its hash).
    pub fn parent_of(&self, parent: Option<&str>) -> Option<Rev> {
        match (self.pos, parent) {
            (2.., Some(hash)) => Some(Rev::new(self.pos - 1, hash)),
            _ => None,
        }
    }
}

/// `u64::parse` takes a leading `+`; CouchDB's positions never have one.
fn pos_digits_only(text: &str) -> bool {
    text.split('-')
        .next()
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.pos, self.hash)
    }
}

impl Serialize for Rev {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rev {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Rev::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The `_revisions` member of a replicated document: the position of its newest revision and
/// the hashes from the newest back to the oldest the sender still keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revisions {
    pub start: u64,
    pub ids: Vec<String>,
}

impl Revisions {
    /// The path it stands for, newest first: `{start: 3, ids: [c, b, a]}` is `3-c, 2-b, 1-a`.
    /// `None` when it would reach below position 1 or names no revision.
    pub fn to_path(&self) -> Option<Vec<Rev>> {
        let len = u64::try_from(self.ids.len()).ok()?;
        if len == 0 || len > self.start || self.ids.iter().any(|id| id.is_empty() || id.contains('-')) {
            return None;
        }
        Some(
            self.ids
                .iter()
                .zip((1..=self.start).rev())
                .map(|(hash, pos)| Rev::new(pos, hash.clone()))
                .collect(),
        )
    }

    /// The `_revisions` of a path given newest first, each revision the parent of the one
    /// before it. `None` when the path is empty or not a chain of positions.
    pub fn from_path(path: &[Rev]) -> Option<Revisions> {
        let start = path.first()?.pos;
        let chained = path.windows(2).all(|pair| pair[0].pos == pair[1].pos + 1);
        chained.then(|| Revisions {
            start,
            ids: path.iter().map(|rev| rev.hash.clone()).collect(),
        })
    }
}

/// The revision an edit on this device makes: one position past `parent` (1 for a new
/// document), its hash the MD5 of the parent, whether the edit deletes, and the body's JSON.
///
/// serde_json writes an object's members in key order (this workspace does not turn on its
/// `preserve_order`), so equal bodies give equal text and the same edit made on two devices is
/// the same revision. Anything else in the body — who, when — makes it another.
pub fn mint(parent: Option<&Rev>, deleted: bool, body: &Value) -> Rev {
    let mut hasher = Md5::new();
    if let Some(parent) = parent {
        hasher.update(parent.to_string().as_bytes());
    }
    hasher.update(if deleted { b"\x01" } else { b"\x00" });
    hasher.update(body.to_string().as_bytes());
    let hash = hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect::<String>();
    Rev::new(parent.map_or(1, |p| p.pos.saturating_add(1)), hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_revision_reads_and_writes_as_couchdb_does() {
        let rev = Rev::parse("12-abc123").unwrap();
        assert_eq!(rev, Rev::new(12, "abc123"));
        assert_eq!(rev.to_string(), "12-abc123");
        assert_eq!(serde_json::to_string(&rev).unwrap(), "\"12-abc123\"");
        assert_eq!(serde_json::from_str::<Rev>("\"1-x\"").unwrap(), Rev::new(1, "x"));
    }

    #[test]
    fn what_is_not_a_revision_is_refused() {
        for text in [
            "",
            "1",
            "1-",
            "-abc",
            "0-abc",
            "x-abc",
            "+1-abc",
            "1-a-b",
            "99999999999999999999-a",
        ] {
            assert!(Rev::parse(text).is_err(), "{text}");
        }
        assert!(serde_json::from_str::<Rev>("\"0-1\"").is_err());
    }

    #[test]
    fn revisions_order_by_position_then_hash_text() {
        assert!(Rev::new(2, "a") > Rev::new(1, "z"));
        assert!(Rev::new(2, "b") > Rev::new(2, "a"));
        assert!(Rev::new(10, "a") > Rev::new(9, "a"), "by number, not text");
    }

    #[test]
    fn a_revisions_list_is_a_path_and_back() {
        let revisions = Revisions {
            start: 3,
            ids: vec!["c".into(), "b".into(), "a".into()],
        };
        let path = revisions.to_path().unwrap();
        assert_eq!(path, vec![Rev::new(3, "c"), Rev::new(2, "b"), Rev::new(1, "a")]);
        assert_eq!(Revisions::from_path(&path), Some(revisions));
        let stemmed = Revisions {
            start: 7,
            ids: vec!["g".into(), "f".into()],
        };
        assert_eq!(stemmed.to_path().unwrap()[1], Rev::new(6, "f"));
    }

    #[test]
    fn a_revisions_list_that_does_not_fit_is_no_path() {
        let below_one = Revisions {
            start: 1,
            ids: vec!["b".into(), "a".into()],
        };
        assert_eq!(below_one.to_path(), None);
        assert_eq!(Revisions { start: 1, ids: vec![] }.to_path(), None);
        assert_eq!(Revisions::from_path(&[]), None);
        assert_eq!(Revisions::from_path(&[Rev::new(3, "c"), Rev::new(1, "a")]), None);
    }

    #[test]
    fn a_minted_revision_follows_its_parent_and_its_content() {
        let first = mint(None, false, &json!({"a": 1, "b": 2}));
        assert_eq!(first.pos, 1);
        assert_eq!(first.hash.len(), 32);
        assert_eq!(
            first,
            mint(None, false, &json!({"b": 2, "a": 1})),
            "key order does not matter"
        );
        let second = mint(Some(&first), false, &json!({"a": 2}));
        assert_eq!(second.pos, 2);
        assert_ne!(
            second.hash,
            mint(Some(&first), true, &json!({"a": 2})).hash,
            "a deletion is another edit"
        );
        assert_ne!(
            second.hash,
            mint(None, false, &json!({"a": 2})).hash,
            "so is another parent"
        );
    }
}

//! A document read from the team's database, sorted before anything is stored: one that fits
//! (a record, an assessment, the shared settings or a deletion, in the storage envelope, of this
//! schema or an older one) is applied; anything else — another program's, a malformed one, one
//! from a newer Redress, one whose id does not match what it holds — is set aside by its id with
//! the reason in words, and the rest of the batch goes on. Every document takes the storage
//! door's own way in, `exchange::restore`: the envelope, the migration steps, the reading and
//! the bounds.
//!
//! A document's id says what it is: `record:{id}`, `assessment:{id}`, `deletion:{id}` (a deleted
//! record's tombstone, who, when and why) or `settings:{name}`.

use super::rev::Rev;
use super::wire::Doc;
use crate::assessment::Assessment;
use crate::exchange::DocKind;
use crate::exchange::restore::{self, Restored};
use crate::problem::Problem;
use crate::record::Record;
use crate::record::bounds::check_deletion;
use crate::record::deletion::Deletion;
use crate::settings::Settings;
use serde_json::Value;
use std::fmt;

/// The kinds of document Redress keeps in a team's database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Record,
    Assessment,
    Deletion,
    Settings,
    /// A device's claim to its reference tag (`device:{tag}`, `sync::reference`): read only
    /// when a device joins, never stored on a device.
    Device,
    /// The team's key, wrapped (`key:team`, `sync::team_key`): read before a sync, never
    /// stored as a document.
    Key,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Record,
        Kind::Assessment,
        Kind::Deletion,
        Kind::Settings,
        Kind::Device,
        Kind::Key,
    ];

    fn prefix(self) -> &'static str {
        match self {
            Kind::Record => "record",
            Kind::Assessment => "assessment",
            Kind::Deletion => "deletion",
            Kind::Settings => "settings",
            Kind::Device => "device",
            Kind::Key => "key",
        }
    }
}

/// A document's id in the team's database: its kind and the id of what it holds.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocKey {
    pub kind: Kind,
    pub id: String,
}

impl DocKey {
    pub fn new(kind: Kind, id: impl Into<String>) -> DocKey {
        DocKey { kind, id: id.into() }
    }

    /// Reads `kind:id`; `None` for any other id (a design document, another program's).
    pub fn parse(text: &str) -> Option<DocKey> {
        let (prefix, id) = text.split_once(':')?;
        let kind = Kind::ALL.into_iter().find(|kind| kind.prefix() == prefix)?;
        (!id.is_empty()).then(|| DocKey::new(kind, id))
    }
}

impl fmt::Display for DocKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind.prefix(), self.id)
    }
}

/// What a fitting document holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Record(Box<Restored<Record>>),
    Assessment(Box<Restored<Assessment>>),
    Settings(Box<Restored<Settings>>),
    Deletion(Restored<Deletion>),
    /// A deleted revision (`_deleted: true`): whatever its body, it only says the document is
    /// gone on this branch.
    Tombstone,
    /// A device's claim to a reference tag, or the team's key: nothing to store.
    NotKept,
}

/// A document that fits, to store with its revisions.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub key: DocKey,
    /// Its revision and those before it, newest first, to merge into its tree.
    pub path: Vec<Rev>,
    pub deleted: bool,
    pub content: Content,
}

/// A document set aside: its id in the database, and why, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub id: String,
    pub why: String,
}

/// The documents from the team's database this device has set aside, kept between syncs so the
/// Team sync page can name them, and so a later release that reads more takes them in: a pull
/// moves its checkpoint past a document set aside, so it would never be read again by itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SetAsideNotes {
    /// The schema version of the release that last read the whole database.
    pub schema: u32,
    /// Each document set aside, by its id, with why.
    pub docs: std::collections::BTreeMap<String, String>,
}

impl SetAsideNotes {
    /// Whether the next pull should read the team's database from its beginning, not from its
    /// checkpoint: something was set aside by an older release, which this one may read.
    /// (Only documents this device lacks are fetched: the rest is compared, not sent.)
    pub fn read_again(&self) -> bool {
        !self.docs.is_empty() && self.schema < crate::exchange::SCHEMA_VERSION
    }

    /// A pulled batch's outcome: each document taken in is no longer set aside, and each set
    /// aside now is (with its reason now).
    pub fn after_batch(&mut self, taken_in: &[String], set_aside: &[SetAside]) {
        for id in taken_in {
            self.docs.remove(id);
        }
        for aside in set_aside {
            self.docs.insert(aside.id.clone(), aside.why.clone());
        }
    }

    /// A whole pull finished: this release has read the whole database.
    pub fn read_whole(&mut self) {
        self.schema = crate::exchange::SCHEMA_VERSION;
    }
}

/// What to do with a document read.
#[derive(Debug, Clone, PartialEq)]
pub enum Fit {
    Apply(Box<Incoming>),
    SetAside(SetAside),
}

fn aside(doc: &Doc, why: impl Into<String>) -> Fit {
    Fit::SetAside(SetAside {
        id: doc.id.chars().take(200).collect(),
        why: why.into(),
    })
}

fn words(problem: &Problem) -> String {
    format!("{}: {}", problem.field, problem.message)
}

/// Sorts one document read from the team's database.
pub fn classify(doc: &Doc) -> Fit {
    let Some(key) = DocKey::parse(&doc.id) else {
        return aside(
            doc,
            "It is not a Redress document (its id names no kind Redress keeps).",
        );
    };
    let Some(path) = doc.path() else {
        return aside(doc, "Its revisions do not read as CouchDB writes them.");
    };
    let incoming = |content| {
        Fit::Apply(Box::new(Incoming {
            key: key.clone(),
            path: path.clone(),
            deleted: doc.deleted,
            content,
        }))
    };
    if doc.deleted {
        return incoming(Content::Tombstone);
    }
    if matches!(key.kind, Kind::Device | Kind::Key) {
        return incoming(Content::NotKept);
    }
    if doc.body.get("format").and_then(Value::as_str) == Some(super::team_key::CAME_PLAIN_FORMAT) {
        return aside(
            doc,
            "It arrived unencrypted in a team whose records are encrypted end to end, so it was not taken in: a device without the lock, or the server itself, wrote it.",
        );
    }
    if super::team_key::is_sealed(&doc.body) {
        return aside(
            doc,
            "It is encrypted with a team key this device does not hold, or was changed after it was encrypted, so it could not be opened.",
        );
    }
    let text = Value::Object(doc.plain_body()).to_string();
    let content = match key.kind {
        Kind::Record => {
            restore::record(&text).and_then(|r| same_id(&key, &r.data.id).map(|()| Content::Record(Box::new(r))))
        }
        Kind::Assessment => restore::assessment(&text)
            .and_then(|a| same_id(&key, &a.data.id).map(|()| Content::Assessment(Box::new(a)))),
        Kind::Settings => restore::settings(&text).map(|s| Content::Settings(Box::new(s))),
        Kind::Device | Kind::Key => Ok(Content::NotKept),
        Kind::Deletion => restore::document::<Deletion>(DocKind::Other, &text).and_then(|mut d| {
            d.problems = check_deletion(&d.data);
            same_id(&key, &d.data.id).map(|()| Content::Deletion(d))
        }),
    };
    match content {
        Ok(content) => incoming(content),
        Err(problem) => aside(doc, words(&problem)),
    }
}

/// A document must hold what its id says, or it would write over another.
fn same_id(key: &DocKey, held: &str) -> Result<(), Problem> {
    if key.id == held {
        Ok(())
    } else {
        Err(Problem::at(
            "data.id",
            format!("It holds {held}, not {}, which its id names.", key.id),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::seal;
    use serde_json::json;

    fn doc(id: &str, mut body: Value) -> Doc {
        body["_id"] = json!(id);
        let mut doc: Doc = serde_json::from_value(body).unwrap();
        doc.rev = Some(Rev::new(1, "a"));
        doc
    }

    fn sealed<T: serde::Serialize>(data: &T) -> Value {
        serde_json::from_str(&seal(data)).unwrap()
    }

    fn deletion(id: &str) -> Deletion {
        Deletion {
            id: id.into(),
            reference: "C-2026-0001".into(),
            who: "Sam".into(),
            at: "2026-12-01T10:00:00Z".parse().unwrap(),
            why: String::new(),
        }
    }

    #[test]
    fn a_key_names_its_kind() {
        assert_eq!(DocKey::parse("record:abc"), Some(DocKey::new(Kind::Record, "abc")));
        assert_eq!(DocKey::new(Kind::Deletion, "x").to_string(), "deletion:x");
        for other in ["_design/app", "record:", "abc", "people:1"] {
            assert_eq!(DocKey::parse(other), None, "{other}");
        }
    }

    #[test]
    fn a_deletion_in_its_envelope_fits() {
        let Fit::Apply(incoming) = classify(&doc("deletion:r1", sealed(&deletion("r1")))) else {
            panic!("fits")
        };
        assert_eq!(incoming.path, vec![Rev::new(1, "a")]);
        assert!(matches!(&incoming.content, Content::Deletion(d) if d.data.who == "Sam"));
    }

    #[test]
    fn a_record_from_the_samples_fits() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let change = crate::record::Change::new("Sam", "2026-12-01T10:00:00Z".parse().unwrap());
        let record = crate::sample::sample_records(today, &crate::settings::Settings::default(), &change).remove(0);
        let Fit::Apply(incoming) = classify(&doc(&format!("record:{}", record.id), sealed(&record))) else {
            panic!("fits")
        };
        assert!(matches!(&incoming.content, Content::Record(r) if r.data.id == record.id));
    }

    #[test]
    fn a_tombstone_fits_whatever_its_body() {
        let mut gone = doc("record:r1", json!({"anything": 1}));
        gone.deleted = true;
        assert!(matches!(classify(&gone), Fit::Apply(i) if i.content == Content::Tombstone && i.deleted));
    }

    #[test]
    fn what_does_not_fit_is_set_aside_with_its_reason() {
        let newer = {
            let mut body = sealed(&deletion("r1"));
            body["schema_version"] = json!(99);
            body
        };
        let cases = [
            (doc("_design/app", json!({})), "not a Redress document"),
            (doc("deletion:r1", json!({"format": "other"})), "not the right kind"),
            (doc("deletion:r1", json!({"hello": 1})), "no format"),
            (doc("deletion:r1", newer), "newer version"),
            (doc("deletion:r2", sealed(&deletion("r1"))), "It holds r1, not r2"),
            (
                doc(
                    "deletion:r1",
                    json!({"format": "redress-store", "schema_version": 4, "data": {"id": 3}}),
                ),
                "data",
            ),
        ];
        for (doc, words) in cases {
            match classify(&doc) {
                Fit::SetAside(aside) => {
                    assert_eq!(aside.id, doc.id);
                    assert!(aside.why.contains(words), "{}: {}", doc.id, aside.why);
                }
                Fit::Apply(_) => panic!("{} should be set aside", doc.id),
            }
        }
        let mut no_rev = doc("deletion:r1", sealed(&deletion("r1")));
        no_rev.rev = None;
        assert!(matches!(classify(&no_rev), Fit::SetAside(a) if a.why.contains("revisions")));
    }

    #[test]
    fn what_an_older_release_set_aside_is_read_again_once() {
        let mut notes = SetAsideNotes::default();
        assert!(!notes.read_again(), "nothing set aside");
        notes.after_batch(
            &[],
            &[SetAside {
                id: "record:7".into(),
                why: "a newer version of Redress".into(),
            }],
        );
        notes.schema = crate::exchange::SCHEMA_VERSION - 1;
        assert!(notes.read_again(), "set aside by an older release");
        notes.after_batch(&["record:7".into()], &[]);
        notes.read_whole();
        assert!(notes.docs.is_empty(), "taken in at last");
        notes.after_batch(
            &[],
            &[SetAside {
                id: "other:1".into(),
                why: "not Redress's".into(),
            }],
        );
        assert!(!notes.read_again(), "this release read it and could not: not again");
        assert_eq!(notes.docs.len(), 1);
    }

    #[test]
    fn every_kind_of_document_redress_writes_is_known_by_its_id() {
        for id in [
            "record:1",
            "assessment:1",
            "deletion:1",
            "settings:team",
            "device:K7",
            "key:team",
        ] {
            let key = DocKey::parse(id).unwrap_or_else(|| panic!("{id} is Redress's"));
            assert_eq!(key.to_string(), id);
        }
        let claim: Doc = serde_json::from_value(json!({
            "_id": "key:team", "_rev": "1-abc", "_revisions": {"start": 1, "ids": ["abc"]},
            "format": "redress-team-key"
        }))
        .unwrap();
        assert!(
            matches!(classify(&claim), Fit::Apply(incoming) if incoming.content == Content::NotKept),
            "the team's key is neither kept nor set aside"
        );
    }
}

//! The JSON CouchDB speaks during replication, as serde types: the changes feed
//! (`style=all_docs`), `_bulk_get` with `revs=true`, `_bulk_docs` with `new_edits: false`, a
//! replicated document and an error. `_revs_diff`'s shapes are in `diff`, the checkpoint's in
//! `checkpoint`. Members this side does not use are let through unread.

use super::edit::Write;
use super::rev::{Rev, Revisions};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// A place in a database's changes feed. Opaque: CouchDB 2+ writes a string
/// (`"1841-g1AAAA…"`), PouchDB and CouchDB 1 a number; it is only ever given back as it came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Seq {
    Number(u64),
    Text(String),
}

impl Default for Seq {
    /// The start of the feed.
    fn default() -> Seq {
        Seq::Number(0)
    }
}

impl fmt::Display for Seq {
    /// As the `since` parameter takes it (the app still percent-encodes it).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seq::Number(n) => write!(f, "{n}"),
            Seq::Text(text) => f.write_str(text),
        }
    }
}

/// `GET /{db}` (only what replication reads).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DbInfo {
    pub db_name: String,
    #[serde(default)]
    pub update_seq: Option<Seq>,
    /// How many documents it holds, not counting deleted ones.
    #[serde(default)]
    pub doc_count: u64,
    #[serde(default)]
    pub doc_del_count: u64,
}

/// `GET /{db}/_changes?style=all_docs&since=…&limit=…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangesResponse {
    pub results: Vec<Change>,
    pub last_seq: Seq,
    /// How many changes are left after these (CouchDB 2+; absent from older servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<u64>,
}

/// One document in the changes feed, with every leaf (`style=all_docs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub seq: Seq,
    pub id: String,
    pub changes: Vec<ChangeRev>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRev {
    pub rev: Rev,
}

/// `POST /{db}/_bulk_get?revs=true`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkGetRequest {
    pub docs: Vec<BulkGetItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkGetItem {
    pub id: String,
    pub rev: Rev,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BulkGetResponse {
    pub results: Vec<BulkGetResult>,
}

/// The revisions asked for one document, each found or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BulkGetResult {
    pub id: String,
    pub docs: Vec<BulkGetDoc>,
}

/// `{"ok": doc}`, or `{"error": {…}}` (CouchDB) or `{"missing": "rev"}` (PouchDB, and
/// CouchDB's `open_revs`) for a revision not there. The answer of the fallback,
/// `GET /{db}/{id}?revs=true&open_revs=[…]&latest=true`, is a list of these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BulkGetDoc {
    Ok(Doc),
    Error(RevError),
    Missing(String),
}

/// Why one revision could not be read (`not_found` when it is gone: compacted, or never there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevError {
    pub id: String,
    #[serde(default)]
    pub rev: Option<String>,
    pub error: String,
    #[serde(default)]
    pub reason: String,
}

/// `POST /{db}/_bulk_docs`: `new_edits: false` stores each revision as it is, with its path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BulkDocsRequest {
    pub docs: Vec<Doc>,
    pub new_edits: bool,
}

/// One line of `_bulk_docs`'s answer. With `new_edits: false` CouchDB names only the
/// documents it refused (PouchDB names every one, `ok` or not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkDocsItem {
    pub id: String,
    #[serde(default)]
    pub ok: Option<bool>,
    #[serde(default)]
    pub rev: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

impl BulkDocsItem {
    pub fn failed(&self) -> bool {
        self.error.is_some()
    }
}

/// The body of an error answer: `{"error": "unauthorized", "reason": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouchError {
    pub error: String,
    #[serde(default)]
    pub reason: String,
}

/// A replicated document: CouchDB's own members, and the body — for Redress, the storage
/// envelope (`format`, `schema_version`, `data`) as its top-level members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    #[serde(rename = "_id")]
    pub id: String,
    #[serde(rename = "_rev", default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<Rev>,
    #[serde(rename = "_revisions", default, skip_serializing_if = "Option::is_none")]
    pub revisions: Option<Revisions>,
    #[serde(rename = "_deleted", default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    #[serde(flatten)]
    pub body: Map<String, Value>,
}

impl Doc {
    /// The document to send for a revision written here.
    pub fn of_write(id: &str, write: &Write) -> Doc {
        Doc {
            id: id.to_string(),
            rev: Some(write.rev.clone()),
            revisions: Some(write.revisions.clone()),
            deleted: write.deleted,
            body: plain(&write.body),
        }
    }

    /// Its path, newest first: from `_revisions` when it came with them and they agree with
    /// `_rev`, else `_rev` alone. `None` when it names no revision or the two disagree.
    pub fn path(&self) -> Option<Vec<Rev>> {
        match (&self.rev, &self.revisions) {
            (Some(rev), Some(revisions)) => revisions.to_path().filter(|path| path.first() == Some(rev)),
            (None, Some(revisions)) => revisions.to_path(),
            (Some(rev), None) => Some(vec![rev.clone()]),
            (None, None) => None,
        }
    }

    /// The body without CouchDB's own members (`_attachments`, `_conflicts`…).
    pub fn plain_body(&self) -> Map<String, Value> {
        plain_members(&self.body)
    }
}

/// A body's members without any CouchDB keeps for itself (a name starting with `_`), which a
/// document must not carry twice; anything but an object is an empty body.
pub fn plain(body: &Value) -> Map<String, Value> {
    match body {
        Value::Object(members) => plain_members(members),
        _ => Map::new(),
    }
}

fn plain_members(members: &Map<String, Value>) -> Map<String, Value> {
    members
        .iter()
        .filter(|(key, _)| !key.starts_with('_'))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

/// What `_bulk_docs` refused when it answered 417 Expectation Failed: the server's validation
/// function refused at least one document of the batch. The body lists each document's outcome
/// (CouchDB 1, PouchDB), or is one error for the batch; then, not knowing which, every document
/// of the batch is counted refused with that reason. As CouchDB's own replicator does, a refused
/// document is not offered again until it changes; it stays whole on this device, and the Team
/// sync page names it.
pub fn refused_by_validation(text: &str, request: &BulkDocsRequest) -> Vec<BulkDocsItem> {
    if let Ok(items) = serde_json::from_str::<Vec<BulkDocsItem>>(text) {
        return items.into_iter().filter(BulkDocsItem::failed).collect();
    }
    let error = serde_json::from_str::<CouchError>(text).ok();
    request
        .docs
        .iter()
        .map(|doc| BulkDocsItem {
            id: doc.id.clone(),
            ok: None,
            rev: doc.rev.as_ref().map(ToString::to_string),
            error: Some(error.as_ref().map_or_else(|| "forbidden".into(), |e| e.error.clone())),
            reason: Some(
                error
                    .as_ref()
                    .map(|e| e.reason.clone())
                    .filter(|reason| !reason.is_empty())
                    .unwrap_or_else(|| "The server’s rules refused it.".into()),
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_sequence_is_a_number_or_text_and_goes_back_as_it_came() {
        let feed: ChangesResponse = serde_json::from_value(json!({
            "results": [
                {"seq": "12-g1AAAA", "id": "record:1", "changes": [{"rev": "2-b"}, {"rev": "2-c"}]},
                {"seq": 13, "id": "record:2", "changes": [{"rev": "3-d"}], "deleted": true}
            ],
            "last_seq": "13-g1AAAB",
            "pending": 0
        }))
        .unwrap();
        assert_eq!(feed.results[0].seq, Seq::Text("12-g1AAAA".into()));
        assert_eq!(feed.results[1].seq.to_string(), "13");
        assert_eq!(feed.results[0].changes.len(), 2);
        assert!(feed.results[1].deleted);
        assert_eq!(Seq::default().to_string(), "0");
    }

    #[test]
    fn bulk_get_reads_each_revision_found_or_not() {
        let answer: BulkGetResponse = serde_json::from_value(json!({"results": [{
            "id": "record:1",
            "docs": [
                {"ok": {"_id": "record:1", "_rev": "2-b", "_revisions": {"start": 2, "ids": ["b", "a"]},
                        "format": "redress-store", "schema_version": 4, "data": {}}},
                {"error": {"id": "record:1", "rev": "9-z", "error": "not_found", "reason": "missing"}}
            ]
        }]}))
        .unwrap();
        let BulkGetDoc::Ok(doc) = &answer.results[0].docs[0] else {
            panic!("found")
        };
        assert_eq!(doc.path().unwrap(), vec![Rev::new(2, "b"), Rev::new(1, "a")]);
        assert_eq!(doc.body["format"], "redress-store");
        assert!(matches!(&answer.results[0].docs[1], BulkGetDoc::Error(e) if e.error == "not_found"));
        let pouch: Vec<BulkGetDoc> = serde_json::from_value(json!([{"missing": "9-q"}])).unwrap();
        assert_eq!(pouch, [BulkGetDoc::Missing("9-q".into())]);
    }

    #[test]
    fn a_document_goes_out_with_its_path_and_without_new_edits() {
        let mut tree = crate::sync::tree::RevTree::default();
        let write = crate::sync::edit::edit(&mut tree, json!({"format": "redress-store", "data": {"id": "1"}}));
        let request = BulkDocsRequest {
            docs: vec![Doc::of_write("record:1", &write)],
            new_edits: false,
        };
        let sent = serde_json::to_value(&request).unwrap();
        assert_eq!(sent["new_edits"], false);
        assert_eq!(sent["docs"][0]["_id"], "record:1");
        assert_eq!(sent["docs"][0]["_revisions"]["start"], 1);
        assert_eq!(sent["docs"][0]["data"]["id"], "1");
        assert!(sent["docs"][0].get("_deleted").is_none());
    }

    #[test]
    fn a_path_that_disagrees_with_its_rev_is_no_path() {
        let doc: Doc =
            serde_json::from_value(json!({"_id": "x", "_rev": "3-c", "_revisions": {"start": 2, "ids": ["b"]}}))
                .unwrap();
        assert_eq!(doc.path(), None);
        let bare: Doc =
            serde_json::from_value(json!({"_id": "x", "_rev": "3-c", "_conflicts": ["3-d"], "a": 1})).unwrap();
        assert_eq!(bare.path(), Some(vec![Rev::new(3, "c")]));
        assert_eq!(bare.plain_body().len(), 1);
        assert_eq!(
            plain(&json!({"_id": "x", "a": 1})).len(),
            1,
            "an _id in a body would be sent twice"
        );
        assert!(plain(&json!([1])).is_empty());
    }

    #[test]
    fn bulk_docs_answers_read_refusals() {
        let answer: Vec<BulkDocsItem> = serde_json::from_value(
            json!([{"id": "a", "error": "forbidden", "reason": "no"}, {"id": "b", "ok": true, "rev": "1-x"}]),
        )
        .unwrap();
        assert!(answer[0].failed());
        assert!(!answer[1].failed());
    }

    #[test]
    fn a_validation_refusal_names_what_was_refused() {
        let doc = |id: &str| Doc {
            id: id.into(),
            rev: None,
            revisions: None,
            deleted: false,
            body: Map::new(),
        };
        let request = BulkDocsRequest {
            docs: vec![doc("a"), doc("b")],
            new_edits: false,
        };
        let listed = refused_by_validation(
            r#"[{"id":"a","error":"forbidden","reason":"no"},{"id":"b","ok":true}]"#,
            &request,
        );
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].id, "a");
        let whole = refused_by_validation(r#"{"error":"forbidden","reason":"Only the team"}"#, &request);
        assert_eq!(whole.len(), 2, "every document of the batch, not knowing which");
        assert_eq!(whole[1].reason.as_deref(), Some("Only the team"));
        assert_eq!(refused_by_validation("<html>", &request).len(), 2);
    }
}

//! This device's side of a replication, as plain data the store keeps per document: its
//! revision tree, the bodies of its leaves, and the place of its last change in the device's own
//! changes feed. The store answers the protocol's requests with these functions — its changes
//! feed, `_bulk_get` and `_bulk_docs` — so a push reads from the device and a pull writes to it
//! by the same rules the server follows.

use super::rev::{Rev, Revisions};
use super::tree::{Merged, RevTree};
use super::wire::{BulkGetDoc, Change, ChangeRev, ChangesResponse, Doc, Seq, plain};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One document as this device keeps it for sync.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Local {
    pub tree: RevTree,
    /// The body of every leaf (a version that lost is kept until a person chooses); an older
    /// revision's body goes once a later one arrives, as CouchDB's compaction does.
    #[serde(default)]
    pub bodies: BTreeMap<Rev, Map<String, Value>>,
    /// The device's sequence number at this document's last change.
    #[serde(default)]
    pub seq: u64,
}

impl Local {
    /// Keeps a revision written here (`edit::Write`'s rev and body), as the device's change
    /// number `seq`.
    pub fn keep(&mut self, rev: Rev, body: &Value, seq: u64) {
        self.bodies.insert(rev, plain(body));
        self.compact();
        self.seq = seq;
    }

    /// Stores a replicated document (`_bulk_docs` with `new_edits: false`): merges its path and
    /// keeps its body. `seq` becomes its change number only when the tree changed; `None` when
    /// the document names no revision.
    pub fn apply(&mut self, doc: &Doc, seq: u64) -> Option<Merged> {
        let path = doc.path()?;
        let merged = self.tree.merge_path(&path, doc.deleted);
        if merged != Merged::Known {
            if let Some(rev) = path.first() {
                self.bodies.insert(rev.clone(), doc.plain_body());
            }
            self.compact();
            self.seq = seq;
        }
        Some(merged)
    }

    fn compact(&mut self) {
        let leaves: Vec<Rev> = self.tree.leaves().into_iter().map(|leaf| leaf.rev).collect();
        self.bodies.retain(|rev, _| leaves.contains(rev));
    }

    /// The revision `rev` as `_bulk_get?revs=true` gives it: with its path, or missing.
    pub fn get(&self, id: &str, rev: &Rev) -> BulkGetDoc {
        let Some(body) = self.bodies.get(rev) else {
            return BulkGetDoc::Missing(rev.to_string());
        };
        let deleted = self.tree.leaves().iter().any(|leaf| &leaf.rev == rev && leaf.deleted);
        BulkGetDoc::Ok(Doc {
            id: id.to_string(),
            rev: Some(rev.clone()),
            revisions: Revisions::from_path(&self.tree.path_to(rev)),
            deleted,
            body: body.clone(),
        })
    }

    /// The winning version's body, or `None` when the document is deleted or unknown.
    pub fn winner_body(&self) -> Option<&Map<String, Value>> {
        self.tree
            .winner()
            .filter(|leaf| !leaf.deleted)
            .and_then(|leaf| self.bodies.get(&leaf.rev))
    }
}

/// The device's changes feed (`style=all_docs`): each document changed after `since`, once, at
/// its last change, oldest first, at most `limit`.
pub fn changes<'a>(docs: impl IntoIterator<Item = (&'a str, &'a Local)>, since: u64, limit: usize) -> ChangesResponse {
    let mut newer: Vec<(&str, &Local)> = docs.into_iter().filter(|(_, local)| local.seq > since).collect();
    newer.sort_by_key(|(id, local)| (local.seq, *id));
    let pending = newer.len().saturating_sub(limit) as u64;
    let results: Vec<Change> = newer
        .into_iter()
        .take(limit)
        .map(|(id, local)| Change {
            seq: Seq::Number(local.seq),
            id: id.to_string(),
            changes: local
                .tree
                .leaves()
                .into_iter()
                .map(|leaf| ChangeRev { rev: leaf.rev })
                .collect(),
            deleted: local.tree.is_deleted(),
        })
        .collect();
    let last_seq = results.last().map_or(Seq::Number(since), |change| change.seq.clone());
    ChangesResponse {
        results,
        last_seq,
        pending: Some(pending),
    }
}

/// The body to write for a document the store sealed (`exchange::seal_revision`): the envelope
/// as JSON, without its `revision` — how many times *this* device saved it over, which means
/// nothing on another device and would make the same content a different revision. `None` when
/// the text is not a JSON object.
pub fn envelope_body(sealed: &str) -> Option<Value> {
    let mut value: Value = serde_json::from_str(sealed).ok()?;
    value.as_object_mut()?.remove("revision");
    Some(value)
}

/// A sequence from this device's own feed read back as its number (0 for anything else).
pub fn seq_number(seq: &Seq) -> u64 {
    match seq {
        Seq::Number(n) => *n,
        Seq::Text(text) => text.parse().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::edit;
    use serde_json::json;

    fn with_edit(value: i32, seq: u64) -> Local {
        let mut local = Local::default();
        let write = edit::edit(&mut local.tree, json!({"value": value}));
        local.keep(write.rev, &write.body, seq);
        local
    }

    #[test]
    fn a_revision_read_here_goes_out_with_its_path() {
        let mut local = with_edit(1, 1);
        let second = edit::edit(&mut local.tree, json!({"value": 2}));
        local.keep(second.rev.clone(), &second.body, 2);
        assert_eq!(local.bodies.len(), 1, "the older body goes");
        let BulkGetDoc::Ok(doc) = local.get("record:1", &second.rev) else {
            panic!("found")
        };
        assert_eq!(doc.revisions, Some(second.revisions));
        assert_eq!(doc.body["value"], 2);
        assert!(matches!(local.get("record:1", &Rev::new(9, "z")), BulkGetDoc::Missing(rev) if rev == "9-z"));
        assert_eq!(local.winner_body().unwrap()["value"], 2);
    }

    #[test]
    fn a_document_replicated_here_keeps_both_leaves_of_a_conflict() {
        let mut here = with_edit(0, 1);
        let mut there = here.clone();
        let mine = edit::edit(&mut here.tree, json!({"value": "mine"}));
        here.keep(mine.rev, &mine.body, 2);
        let theirs = edit::edit(&mut there.tree, json!({"value": "theirs"}));
        let doc = Doc::of_write("record:1", &theirs);
        assert_eq!(here.apply(&doc, 3), Some(Merged::NewBranch));
        assert_eq!(here.bodies.len(), 2);
        assert_eq!(here.seq, 3);
        assert_eq!(here.apply(&doc, 4), Some(Merged::Known));
        assert_eq!(here.seq, 3, "nothing new, no new change");
        let mut bare = doc;
        bare.rev = None;
        bare.revisions = None;
        assert_eq!(here.apply(&bare, 5), None);
    }

    #[test]
    fn a_sealed_document_is_sent_without_this_devices_save_count() {
        let deletion = crate::record::deletion::Deletion {
            id: "r1".into(),
            reference: "C-2026-0001".into(),
            who: "Sam".into(),
            at: "2026-12-01T10:00:00Z".parse().unwrap(),
            why: String::new(),
        };
        let body = envelope_body(&crate::exchange::seal_revision(&deletion, 7)).unwrap();
        assert!(body.get("revision").is_none());
        assert_eq!(body["format"], "redress-store");
        assert_eq!(
            body,
            envelope_body(&crate::exchange::seal_revision(&deletion, 2)).unwrap()
        );
        assert_eq!(envelope_body("[1]"), None);
        assert_eq!(envelope_body("not json"), None);
    }

    #[test]
    fn the_feed_gives_each_document_once_at_its_last_change() {
        let docs = [("b", with_edit(1, 5)), ("a", with_edit(2, 3)), ("c", with_edit(3, 1))];
        let feed = changes(docs.iter().map(|(id, local)| (*id, local)), 1, 1);
        assert_eq!(feed.results.len(), 1);
        assert_eq!(feed.results[0].id, "a");
        assert_eq!(feed.last_seq, Seq::Number(3));
        assert_eq!(feed.pending, Some(1));
        let rest = changes(
            docs.iter().map(|(id, local)| (*id, local)),
            seq_number(&feed.last_seq),
            10,
        );
        assert_eq!(rest.results.len(), 1);
        let none = changes(docs.iter().map(|(id, local)| (*id, local)), 5, 10);
        assert!(none.results.is_empty());
        assert_eq!(none.last_seq, Seq::Number(5));
    }
}

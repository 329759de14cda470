//! A document's revision tree: every revision this side knows, each with the one it was made
//! from. Two devices that edited the same version each add a branch; CouchDB keeps both, and so
//! does this.
//!
//! PouchDB holds the tree nested (`pouchdb-merge`, after CouchDB's `couch_key_tree`); here it is
//! held flat, each revision beside its parent's hash. Merging a path is then adding its
//! revisions — a union — which is the same whatever order replicas hear of each other, and
//! hearing twice changes nothing: the properties that make every replica end the same.

use super::rev::Rev;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What merging a path did to the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merged {
    /// Its newest revision was already known: nothing new (or only an older link).
    Known,
    /// It went on from a leaf, or started the document: no new conflict.
    NewLeaf,
    /// It branched from a revision that had gone on already, or began a second root: the
    /// document has one more leaf, a conflict.
    NewBranch,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Node {
    /// The hash of the revision before it, when known.
    parent: Option<String>,
    /// Kept for leaves only: once a revision has a later one, whether it deleted counts for
    /// nothing (a replica that heard of it only inside a path cannot know), so it is dropped and
    /// replicas that heard of the same revisions in any order hold equal trees.
    deleted: bool,
}

/// A leaf of the tree: a version a device last wrote, and whether it deletes the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    pub rev: Rev,
    pub deleted: bool,
}

/// One revision of a stored tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub rev: Rev,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// The revision tree of one document. Stored as a list of [`Entry`], oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<Entry>", into = "Vec<Entry>")]
pub struct RevTree {
    nodes: BTreeMap<Rev, Node>,
}

impl From<Vec<Entry>> for RevTree {
    fn from(entries: Vec<Entry>) -> RevTree {
        let mut tree = RevTree::default();
        for entry in entries {
            tree.add(entry.rev, entry.parent, entry.deleted);
        }
        tree.settle();
        tree
    }
}

impl From<RevTree> for Vec<Entry> {
    fn from(tree: RevTree) -> Vec<Entry> {
        tree.nodes
            .into_iter()
            .map(|(rev, node)| Entry {
                rev,
                parent: node.parent,
                deleted: node.deleted,
            })
            .collect()
    }
}

/// The order of the winner rule: a version that is not deleted beats a deleted one, then the
/// higher position, then the greater hash.
fn rank(leaf: &Leaf) -> (bool, &Rev) {
    (!leaf.deleted, &leaf.rev)
}

impl RevTree {
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn contains(&self, rev: &Rev) -> bool {
        self.nodes.contains_key(rev)
    }

    /// Every revision known, oldest position first.
    pub fn revs(&self) -> impl Iterator<Item = &Rev> {
        self.nodes.keys()
    }

    /// Adds one revision; a parent learned later fills in a gap, a deletion once known stays.
    fn add(&mut self, rev: Rev, parent: Option<String>, deleted: bool) {
        let parent = if rev.pos > 1 { parent } else { None };
        let node = self.nodes.entry(rev).or_insert(Node { parent: None, deleted });
        if node.parent.is_none() {
            node.parent = parent;
        }
        node.deleted |= deleted;
    }

    /// Merges `path` (newest first, each the parent of the one before, as
    /// [`super::rev::Revisions::to_path`] gives it) whose newest revision is `deleted` or not.
    pub fn merge_path(&mut self, path: &[Rev], deleted: bool) -> Merged {
        let Some(newest) = path.first() else {
            return Merged::Known;
        };
        if self.contains(newest) {
            self.add_path(path, deleted);
            self.settle();
            return Merged::Known;
        }
        let was_empty = self.is_empty();
        let joins = path.iter().skip(1).find(|rev| self.contains(rev)).cloned();
        let joined_a_leaf = joins.as_ref().is_some_and(|rev| self.is_leaf(rev));
        self.add_path(path, deleted);
        self.settle();
        match joins {
            Some(_) if joined_a_leaf => Merged::NewLeaf,
            None if was_empty => Merged::NewLeaf,
            _ => Merged::NewBranch,
        }
    }

    fn add_path(&mut self, path: &[Rev], deleted: bool) {
        for (i, rev) in path.iter().enumerate() {
            let parent = path.get(i + 1).filter(|p| p.pos + 1 == rev.pos).map(|p| p.hash.clone());
            self.add(rev.clone(), parent, deleted && i == 0);
        }
    }

    /// Adds a revision made on this device on top of `parent` (`None` for a new document).
    pub fn add_edit(&mut self, rev: Rev, parent: Option<&Rev>, deleted: bool) {
        self.add(rev, parent.map(|p| p.hash.clone()), deleted);
        self.settle();
    }

    /// Drops the deletion mark of every revision that has a later one.
    fn settle(&mut self) {
        for parent in self.parents() {
            if let Some(node) = self.nodes.get_mut(&parent) {
                node.deleted = false;
            }
        }
    }

    fn parent_of(&self, rev: &Rev) -> Option<Rev> {
        let node = self.nodes.get(rev)?;
        rev.parent_of(node.parent.as_deref())
    }

    fn parents(&self) -> BTreeSet<Rev> {
        self.nodes.keys().filter_map(|rev| self.parent_of(rev)).collect()
    }

    fn is_leaf(&self, rev: &Rev) -> bool {
        self.contains(rev)
            && !self
                .nodes
                .keys()
                .any(|child| self.parent_of(child).as_ref() == Some(rev))
    }

    /// The leaves: every version no later revision was made from, oldest position first.
    pub fn leaves(&self) -> Vec<Leaf> {
        let parents = self.parents();
        self.nodes
            .iter()
            .filter(|(rev, _)| !parents.contains(rev))
            .map(|(rev, node)| Leaf {
                rev: rev.clone(),
                deleted: node.deleted,
            })
            .collect()
    }

    /// The winning revision, the same on every replica that knows the same leaves: not deleted
    /// beats deleted, then the higher position, then the greater hash (PouchDB's
    /// `winningRev`, CouchDB's rule). `None` for an empty tree.
    pub fn winner(&self) -> Option<Leaf> {
        self.leaves().into_iter().max_by(|a, b| rank(a).cmp(&rank(b)))
    }

    /// Whether the document is deleted: its winner is a deletion (every leaf is one).
    pub fn is_deleted(&self) -> bool {
        self.winner().is_some_and(|leaf| leaf.deleted)
    }

    /// The leaves that lost and are not deleted (CouchDB's `_conflicts`), best first: the
    /// versions a person still has to choose between.
    pub fn conflicts(&self) -> Vec<Rev> {
        self.losers(false)
    }

    /// The leaves that lost and are deleted (CouchDB's `_deleted_conflicts`), best first.
    pub fn deleted_conflicts(&self) -> Vec<Rev> {
        self.losers(true)
    }

    fn losers(&self, deleted: bool) -> Vec<Rev> {
        let winner = self.winner().map(|leaf| leaf.rev);
        let mut losers: Vec<Rev> = self
            .leaves()
            .into_iter()
            .filter(|leaf| leaf.deleted == deleted && Some(&leaf.rev) != winner.as_ref())
            .map(|leaf| leaf.rev)
            .collect();
        losers.reverse();
        losers
    }

    /// The path from `rev` back to the oldest revision kept, newest first; empty when `rev` is
    /// not in the tree.
    pub fn path_to(&self, rev: &Rev) -> Vec<Rev> {
        let mut path = Vec::new();
        let mut next = self.contains(rev).then(|| rev.clone());
        while let Some(rev) = next {
            next = self.parent_of(&rev).filter(|parent| self.contains(parent));
            path.push(rev);
        }
        path
    }

    /// Keeps only the `limit` newest revisions of every branch (CouchDB's `_revs_limit`, 1000
    /// by default): a revision more than `limit` back from every leaf goes. Leaves always stay.
    /// Gives what went, oldest first.
    pub fn stem(&mut self, limit: usize) -> Vec<Rev> {
        let limit = limit.max(1);
        let kept: BTreeSet<Rev> = self
            .leaves()
            .into_iter()
            .flat_map(|leaf| self.path_to(&leaf.rev).into_iter().take(limit))
            .collect();
        let gone: Vec<Rev> = self.nodes.keys().filter(|rev| !kept.contains(rev)).cloned().collect();
        for rev in &gone {
            self.nodes.remove(rev);
        }
        gone
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(text: &str) -> Rev {
        Rev::parse(text).unwrap()
    }

    fn path(texts: &[&str]) -> Vec<Rev> {
        texts.iter().map(|t| r(t)).collect()
    }

    /// 1-a → 2-b → 3-c, and 2-b → 3-d.
    fn branched() -> RevTree {
        let mut tree = RevTree::default();
        assert_eq!(tree.merge_path(&path(&["3-c", "2-b", "1-a"]), false), Merged::NewLeaf);
        assert_eq!(tree.merge_path(&path(&["3-d", "2-b", "1-a"]), false), Merged::NewBranch);
        tree
    }

    #[test]
    fn a_path_goes_on_from_a_leaf_or_branches() {
        let mut tree = branched();
        assert_eq!(tree.leaves().len(), 2);
        assert_eq!(tree.merge_path(&path(&["4-e", "3-c"]), false), Merged::NewLeaf);
        assert_eq!(tree.merge_path(&path(&["3-c", "2-b"]), false), Merged::Known);
        assert_eq!(tree.merge_path(&[], false), Merged::Known);
        let leaves: Vec<Rev> = tree.leaves().into_iter().map(|l| l.rev).collect();
        assert_eq!(leaves, path(&["3-d", "4-e"]));
    }

    #[test]
    fn a_second_root_is_a_conflict() {
        let mut tree = RevTree::default();
        tree.merge_path(&path(&["1-a"]), false);
        assert_eq!(tree.merge_path(&path(&["1-b"]), false), Merged::NewBranch);
        assert_eq!(tree.conflicts(), path(&["1-a"]));
    }

    #[test]
    fn merging_is_the_same_in_any_order() {
        let one = branched();
        let mut other = RevTree::default();
        other.merge_path(&path(&["3-d", "2-b", "1-a"]), false);
        other.merge_path(&path(&["3-c", "2-b"]), false);
        assert_eq!(one, other);
    }

    #[test]
    fn the_winner_is_not_deleted_then_longest_then_greatest_hash() {
        let tree = branched();
        assert_eq!(tree.winner().unwrap().rev, r("3-d"));
        assert_eq!(tree.conflicts(), path(&["3-c"]));

        let mut deleted_longer = branched();
        deleted_longer.merge_path(&path(&["4-x", "3-d"]), true);
        assert_eq!(
            deleted_longer.winner().unwrap().rev,
            r("3-c"),
            "not deleted beats deleted"
        );
        assert!(deleted_longer.conflicts().is_empty());
        assert_eq!(deleted_longer.deleted_conflicts(), path(&["4-x"]));
        assert!(!deleted_longer.is_deleted());

        let mut longer = branched();
        longer.merge_path(&path(&["4-a", "3-c"]), false);
        assert_eq!(
            longer.winner().unwrap().rev,
            r("4-a"),
            "a higher position beats a greater hash"
        );
    }

    #[test]
    fn a_document_every_leaf_of_which_is_deleted_is_deleted() {
        let mut tree = branched();
        tree.merge_path(&path(&["4-x", "3-c"]), true);
        tree.merge_path(&path(&["4-y", "3-d"]), true);
        assert!(tree.is_deleted());
        assert_eq!(tree.winner().unwrap().rev, r("4-y"));
        assert!(RevTree::default().winner().is_none());
    }

    #[test]
    fn a_path_leads_back_from_a_revision() {
        let tree = branched();
        assert_eq!(tree.path_to(&r("3-d")), path(&["3-d", "2-b", "1-a"]));
        assert!(tree.path_to(&r("9-z")).is_empty());
    }

    #[test]
    fn stemming_keeps_the_newest_of_each_branch() {
        let mut tree = branched();
        tree.merge_path(&path(&["5-f", "4-e", "3-c"]), false);
        let gone = tree.stem(2);
        assert_eq!(
            gone,
            path(&["1-a", "3-c"]),
            "2-b is within 2 of the leaf 3-d, so it stays"
        );
        assert_eq!(tree.path_to(&r("5-f")), path(&["5-f", "4-e"]));
        assert_eq!(tree.path_to(&r("3-d")), path(&["3-d", "2-b"]));
        assert_eq!(tree.leaves().len(), 2, "leaves always stay");
        assert!(tree.stem(2).is_empty(), "stemming again takes nothing more");
    }

    #[test]
    fn a_stored_tree_reads_back_the_same() {
        let mut tree = branched();
        tree.merge_path(&path(&["4-x", "3-c"]), true);
        let text = serde_json::to_string(&tree).unwrap();
        assert!(text.contains(r#"{"rev":"4-x","parent":"c","deleted":true}"#), "{text}");
        assert_eq!(serde_json::from_str::<RevTree>(&text).unwrap(), tree);
    }

    #[test]
    fn a_deletion_built_on_is_the_same_tree_however_it_was_heard() {
        let mut saw_the_deletion = RevTree::default();
        saw_the_deletion.merge_path(&path(&["2-x", "1-a"]), true);
        saw_the_deletion.merge_path(&path(&["3-y", "2-x"]), false);
        let mut saw_only_the_path = RevTree::default();
        saw_only_the_path.merge_path(&path(&["3-y", "2-x", "1-a"]), false);
        assert_eq!(saw_the_deletion, saw_only_the_path);
        assert!(
            !saw_the_deletion.is_deleted(),
            "an edit on a deletion brings the document back"
        );
    }
}

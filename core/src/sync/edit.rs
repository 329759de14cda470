//! Writing on this device: a new version of a document, its deletion, and the resolution of a
//! conflict — each a new revision minted here and added to the tree, ready to replicate.
//!
//! A conflict is resolved as CouchDB advises: the chosen (or merged) version is written on top
//! of the winning leaf and every other leaf still standing gets a deletion on top of it, so every
//! replica that hears of these revisions ends with the one winner and no conflict, whatever it
//! heard first.

use super::rev::{Rev, Revisions, mint};
use super::tree::RevTree;
use serde_json::{Map, Value};

/// A revision written on this device: what to store and what to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Write {
    pub rev: Rev,
    /// Its path back to the oldest revision kept, as a replicated document carries it.
    pub revisions: Revisions,
    pub deleted: bool,
    pub body: Value,
}

fn write(tree: &mut RevTree, parent: Option<&Rev>, deleted: bool, body: Value) -> Write {
    let rev = mint(parent, deleted, &body);
    tree.add_edit(rev.clone(), parent, deleted);
    let path = tree.path_to(&rev);
    let revisions = Revisions::from_path(&path).unwrap_or_else(|| Revisions {
        start: rev.pos,
        ids: vec![rev.hash.clone()],
    });
    Write {
        rev,
        revisions,
        deleted,
        body,
    }
}

/// A new version of the document, written on its winning leaf (its first revision when the tree
/// is empty). Editing a deleted document brings it back on top of the winning deletion.
pub fn edit(tree: &mut RevTree, body: Value) -> Write {
    let parent = tree.winner().map(|leaf| leaf.rev);
    write(tree, parent.as_ref(), false, body)
}

/// Deletes the document: a deletion on every leaf still standing, so no other device's
/// version comes back as the winner. `body` is kept in each deletion (Redress puts the
/// tombstone's who, when and why there); nothing is written when the document is already
/// deleted or unknown.
pub fn delete(tree: &mut RevTree, body: &Value) -> Vec<Write> {
    let standing: Vec<Rev> = tree
        .leaves()
        .into_iter()
        .filter(|leaf| !leaf.deleted)
        .map(|leaf| leaf.rev)
        .collect();
    standing
        .iter()
        .map(|leaf| write(tree, Some(leaf), true, body.clone()))
        .collect()
}

/// Resolves a conflict: `merged` (the version the person chose, or made from both) on the
/// winning leaf, and a deletion with an empty body on each of `settled`, the other leaves the
/// person saw and compared. A leaf they did not see (a third device's, or one that arrived
/// while they chose) is left standing, still in conflict, for them to settle next. Gives
/// nothing when none of `settled` is in conflict.
pub fn resolve(tree: &mut RevTree, merged: Value, settled: &[Rev]) -> Vec<Write> {
    let losers: Vec<Rev> = tree
        .conflicts()
        .into_iter()
        .filter(|rev| settled.contains(rev))
        .collect();
    let Some(winner) = tree.winner().filter(|_| !losers.is_empty()) else {
        return Vec::new();
    };
    let mut writes = vec![write(tree, Some(&winner.rev), false, merged)];
    for loser in &losers {
        writes.push(write(tree, Some(loser), true, Value::Object(Map::new())));
    }
    writes
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn two_devices_edited_one_version() -> (RevTree, Rev, Rev) {
        let mut here = RevTree::default();
        let first = edit(&mut here, json!({"v": 0}));
        let mut there = here.clone();
        let mine = edit(&mut here, json!({"v": "mine"}));
        let theirs = edit(&mut there, json!({"v": "theirs"}));
        here.merge_path(&theirs.revisions.to_path().unwrap(), theirs.deleted);
        assert_eq!(mine.rev.pos, 2);
        assert_eq!(mine.revisions.ids[1], first.rev.hash);
        (here, mine.rev, theirs.rev)
    }

    #[test]
    fn an_edit_goes_on_from_the_winner() {
        let mut tree = RevTree::default();
        let first = edit(&mut tree, json!({"v": 1}));
        assert_eq!(first.rev.pos, 1);
        assert_eq!(first.revisions.to_path().unwrap(), vec![first.rev.clone()]);
        let second = edit(&mut tree, json!({"v": 2}));
        assert_eq!(second.revisions.to_path().unwrap(), vec![second.rev.clone(), first.rev]);
        assert_eq!(tree.winner().unwrap().rev, second.rev);
    }

    #[test]
    fn a_conflict_is_resolved_on_the_winning_branch() {
        let (mut tree, mine, theirs) = two_devices_edited_one_version();
        assert_eq!(tree.conflicts().len(), 1);
        let winner = tree.winner().unwrap().rev;
        let loser = if winner == mine { theirs } else { mine };
        let writes = resolve(&mut tree, json!({"v": "both"}), std::slice::from_ref(&loser));
        assert_eq!(writes.len(), 2);
        assert_eq!(writes[0].revisions.ids[1], winner.hash, "written on the winning leaf");
        assert!(!writes[0].deleted);
        assert!(writes[1].deleted);
        assert_eq!(writes[1].revisions.ids[1], loser.hash, "the other leaf deleted");
        assert!(tree.conflicts().is_empty());
        assert_eq!(tree.winner().unwrap().rev, writes[0].rev);
        assert!(
            resolve(&mut tree, json!({}), &[loser]).is_empty(),
            "nothing left to resolve"
        );
    }

    #[test]
    fn a_resolution_heard_anywhere_ends_the_conflict() {
        let (mut here, _, _) = two_devices_edited_one_version();
        let mut elsewhere = here.clone();
        let settled = here.conflicts();
        let writes = resolve(&mut here, json!({"v": "both"}), &settled);
        for write in &writes {
            elsewhere.merge_path(&write.revisions.to_path().unwrap(), write.deleted);
        }
        assert_eq!(elsewhere, here);
        assert!(elsewhere.conflicts().is_empty());
    }

    #[test]
    fn a_leaf_not_seen_stays_in_conflict() {
        let mut here = RevTree::default();
        edit(&mut here, json!({"v": 0}));
        let (mut second, mut third) = (here.clone(), here.clone());
        edit(&mut here, json!({"v": "mine"}));
        for (tree, v) in [(&mut second, "second"), (&mut third, "third")] {
            let theirs = edit(tree, json!({ "v": v }));
            here.merge_path(&theirs.revisions.to_path().unwrap(), false);
        }
        let others = here.conflicts();
        assert_eq!(others.len(), 2);
        let writes = resolve(&mut here, json!({"v": "chosen"}), &others[..1]);
        assert_eq!(writes.len(), 2, "the chosen version and one deletion");
        assert_eq!(
            here.conflicts(),
            others[1..].to_vec(),
            "the version not seen is still there to settle"
        );
        assert!(
            resolve(&mut here, json!({}), &others[..1]).is_empty(),
            "that one is settled"
        );
    }

    #[test]
    fn deleting_deletes_every_standing_leaf() {
        let (mut tree, _, _) = two_devices_edited_one_version();
        let writes = delete(&mut tree, &json!({"who": "Sam"}));
        assert_eq!(writes.len(), 2);
        assert!(tree.is_deleted());
        assert!(tree.conflicts().is_empty());
        assert!(delete(&mut tree, &json!({})).is_empty(), "already deleted");
        let back = edit(&mut tree, json!({"v": "restored"}));
        assert!(!tree.is_deleted());
        assert_eq!(tree.winner().unwrap().rev, back.rev);
    }
}

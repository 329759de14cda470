//! `_revs_diff`: of the revisions another side offers for each document, which this side lacks,
//! and which of its own leaves might be their ancestors (CouchDB's `possible_ancestors`: the
//! leaves older than a missing revision, so the sender may send only what follows them).

use super::rev::Rev;
use super::tree::RevTree;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One document's answer: the revisions missing here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Missing {
    pub missing: Vec<Rev>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub possible_ancestors: Vec<Rev>,
}

/// The `_revs_diff` request: document id to the revisions offered.
pub type RevsDiffRequest = BTreeMap<String, Vec<Rev>>;
/// The `_revs_diff` response: only the documents that miss something.
pub type RevsDiffResponse = BTreeMap<String, Missing>;

/// What `tree` lacks of `offered`, or `None` when it has them all.
pub fn missing_from(tree: &RevTree, offered: &[Rev]) -> Option<Missing> {
    let mut missing: Vec<Rev> = offered.iter().filter(|rev| !tree.contains(rev)).cloned().collect();
    missing.sort();
    missing.dedup();
    let newest = missing.last()?.pos;
    let possible_ancestors = tree
        .leaves()
        .into_iter()
        .map(|leaf| leaf.rev)
        .filter(|leaf| leaf.pos < newest)
        .collect();
    Some(Missing {
        missing,
        possible_ancestors,
    })
}

/// Answers a whole request; `tree_of` gives this side's tree of a document, `None` for one it
/// has never heard of (every revision offered is then missing).
pub fn revs_diff<'a>(request: &RevsDiffRequest, tree_of: impl Fn(&str) -> Option<&'a RevTree>) -> RevsDiffResponse {
    let empty = RevTree::default();
    request
        .iter()
        .filter_map(|(id, offered)| {
            let tree = tree_of(id).unwrap_or(&empty);
            missing_from(tree, offered).map(|missing| (id.clone(), missing))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(text: &str) -> Rev {
        Rev::parse(text).unwrap()
    }

    fn tree() -> RevTree {
        let mut tree = RevTree::default();
        tree.merge_path(&[r("2-b"), r("1-a")], false);
        tree
    }

    #[test]
    fn only_what_is_lacking_is_missing() {
        let answer = missing_from(&tree(), &[r("3-c"), r("2-b"), r("3-c")]).unwrap();
        assert_eq!(answer.missing, vec![r("3-c")]);
        assert_eq!(answer.possible_ancestors, vec![r("2-b")]);
        assert_eq!(missing_from(&tree(), &[r("1-a"), r("2-b")]), None);
    }

    #[test]
    fn a_leaf_no_older_than_what_is_missing_is_no_ancestor() {
        let answer = missing_from(&tree(), &[r("2-z")]).unwrap();
        assert!(answer.possible_ancestors.is_empty());
    }

    #[test]
    fn a_request_is_answered_per_document_and_reads_as_couchdb_writes_it() {
        let known = tree();
        let request: RevsDiffRequest =
            serde_json::from_str(r#"{"a": ["2-b", "3-c"], "b": ["1-x"], "c": ["1-a"]}"#).unwrap();
        let answer = revs_diff(&request, |id| (id != "b").then_some(&known));
        assert_eq!(
            serde_json::to_value(&answer).unwrap(),
            serde_json::json!({"a": {"missing": ["3-c"], "possible_ancestors": ["2-b"]}, "b": {"missing": ["1-x"]}})
        );
    }
}

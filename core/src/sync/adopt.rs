//! Two equal versions are one: a document this device knows only by a first revision it has not
//! yet sent — a record brought by a file that the team's database already holds, or every record
//! of a device whose sync notes were lost (set up again after they were cleared) — may be on the server
//! already, with the very same body under a longer history. Sent as it is, it would stand beside
//! the server's as a second version of one record, and every such record would show as changed
//! on two devices. Before a push the app asks the server for each one's winning version; where
//! the bodies are equal, the server's revisions become this device's, and nothing is sent.
//! Where they differ, both versions are kept and a person chooses, as for any conflict.

use super::local::Local;
use super::wire::Doc;
use std::collections::BTreeMap;

/// The documents to look for on the server: those noted here as one first revision, changed
/// after `sent` (the device's change number the last push reached).
pub fn candidates(docs: &BTreeMap<String, Local>, sent: u64) -> Vec<String> {
    docs.iter()
        .filter(|(_, local)| local.seq > sent && only_a_first_version(local))
        .map(|(id, _)| id.clone())
        .collect()
}

fn only_a_first_version(local: &Local) -> bool {
    match local.tree.leaves().as_slice() {
        [leaf] => leaf.rev.pos == 1 && !leaf.deleted,
        _ => false,
    }
}

/// Takes `server`'s version (its winner, with its revisions) in place of the one noted here when
/// their bodies are equal and this device still knows the document only by its first revision.
/// Gives whether it did; `seq` counts the change.
pub fn adopt(local: &mut Local, server: &Doc, seq: &mut u64) -> bool {
    if server.deleted || !only_a_first_version(local) {
        return false;
    }
    if local.winner_body() != Some(&server.plain_body()) {
        return false;
    }
    let mut theirs = Local::default();
    let next = *seq + 1;
    if theirs.apply(server, next).is_none() || theirs.winner_body().is_none() {
        return false;
    }
    *seq = next;
    *local = theirs;
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::edit::edit;
    use serde_json::json;

    /// The server's document: three versions, the last with `body`.
    fn on_server(body: serde_json::Value) -> Doc {
        let mut there = Local::default();
        edit(&mut there.tree, json!({"v": 1}));
        edit(&mut there.tree, json!({"v": 2}));
        let last = edit(&mut there.tree, body);
        Doc::of_write("record:1", &last)
    }

    fn noted_here(body: serde_json::Value, seq: u64) -> Local {
        let mut here = Local::default();
        let write = edit(&mut here.tree, body);
        here.keep(write.rev, &write.body, seq);
        here
    }

    #[test]
    fn an_equal_version_takes_the_servers_history() {
        let mut docs = BTreeMap::new();
        docs.insert("record:1".to_string(), noted_here(json!({"v": 3}), 5));
        docs.insert("record:2".to_string(), noted_here(json!({"v": 9}), 2));
        assert_eq!(
            candidates(&docs, 4),
            vec!["record:1".to_string()],
            "record:2 was sent before"
        );
        let server = on_server(json!({"v": 3}));
        let mut seq = 5;
        let here = docs.get_mut("record:1").unwrap();
        assert!(adopt(here, &server, &mut seq));
        assert_eq!(seq, 6);
        assert_eq!(here.seq, 6, "noted as a change, so the push compares it");
        assert_eq!(here.tree.winner().unwrap().rev, server.rev.clone().unwrap());
        assert!(here.tree.conflicts().is_empty());
        assert!(candidates(&docs, 5).is_empty(), "not looked for again");
    }

    #[test]
    fn a_different_version_is_kept_for_a_person() {
        let mut here = noted_here(json!({"v": "changed here"}), 5);
        let before = here.clone();
        let mut seq = 5;
        assert!(!adopt(&mut here, &on_server(json!({"v": 3})), &mut seq));
        assert_eq!(here, before);
        assert_eq!(seq, 5);
    }

    #[test]
    fn a_version_with_a_history_here_is_never_replaced() {
        let mut here = noted_here(json!({"v": 1}), 1);
        let write = edit(&mut here.tree, json!({"v": 3}));
        here.keep(write.rev, &write.body, 2);
        let mut seq = 2;
        assert!(!adopt(&mut here, &on_server(json!({"v": 3})), &mut seq));
        assert!(candidates(&BTreeMap::from([("record:1".to_string(), here)]), 0).is_empty());
    }
}

//! Whatever a server sends, the sync rules never panic: revisions, `_revisions`, document ids and
//! whole documents of any shape, and replies in any order to a replication.

use proptest::prelude::*;
use redress_core::sync::plan::{Failure, Replication, Reply, Step};
use redress_core::sync::receive::{DocKey, Fit, classify};
use redress_core::sync::rev::{Rev, Revisions};
use redress_core::sync::tree::RevTree;
use redress_core::sync::wire::{BulkGetResponse, ChangesResponse, Doc};
use serde_json::{Value, json};

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-z_:0-9-]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// A document whose members are sometimes Redress's and CouchDB's, with any values.
fn doc_like() -> impl Strategy<Value = Value> {
    (
        prop_oneof![
            Just("record:1".to_string()),
            Just("deletion:x".to_string()),
            "[a-z:_/]{0,12}"
        ],
        prop_oneof![Just(json!("1-a")), Just(json!("2-b")), json_value()],
        json_value(),
        prop::option::of(json_value()),
        prop::option::of(json_value()),
        prop::option::of(json_value()),
    )
        .prop_map(|(id, rev, data, format, version, revisions)| {
            let mut doc = json!({"_id": id, "_rev": rev, "data": data});
            if let Some(format) = format {
                doc["format"] = format;
            }
            if let Some(version) = version {
                doc["schema_version"] = version;
            }
            if let Some(revisions) = revisions {
                doc["_revisions"] = revisions;
            }
            doc
        })
}

fn reply() -> impl Strategy<Value = Reply> {
    prop_oneof![
        Just(Reply::Checkpoints { source: None, target: None }),
        Just(Reply::Failed(Failure::Unreachable)),
        Just(Reply::Failed(Failure::Status { status: 500, error: None })),
        Just(Reply::Written { refused: Vec::new(), set_aside: Vec::new() }),
        Just(Reply::CheckpointsWritten { source_rev: None, target_rev: Some("0-1".into()) }),
        (0u64..5, 0usize..4).prop_map(|(seq, n)| {
            let results: Vec<Value> = (0..n).map(|i| json!({"seq": seq + i as u64, "id": format!("record:{i}"), "changes": [{"rev": "1-a"}]})).collect();
            Reply::Changes(serde_json::from_value::<ChangesResponse>(json!({"results": results, "last_seq": seq})).unwrap())
        }),
        Just(Reply::RevsDiff(serde_json::from_value(json!({"record:0": {"missing": ["1-a"]}})).unwrap())),
        Just(Reply::RevsDiff(Default::default())),
        Just(Reply::BulkGet(serde_json::from_value::<BulkGetResponse>(json!({"results": [{"id": "record:0", "docs": [{"ok": {"_id": "record:0", "_rev": "1-a"}}, {"missing": "1-b"}]}]})).unwrap())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_a_revision_or_refused(text in "\\PC{0,24}") {
        if let Ok(rev) = Rev::parse(&text) {
            prop_assert_eq!(rev.to_string(), text.clone(), "a revision reads back as the same text");
        }
        let _ = DocKey::parse(&text);
    }

    #[test]
    fn any_revisions_list_is_a_path_or_none(start in any::<u64>(), ids in prop::collection::vec("[a-z-]{0,4}", 0..5)) {
        if let Some(path) = (Revisions { start, ids }).to_path() {
            let mut tree = RevTree::default();
            tree.merge_path(&path, false);
            prop_assert_eq!(tree.path_to(&path[0]), path);
        }
    }

    #[test]
    fn any_document_is_applied_or_set_aside(value in doc_like()) {
        if let Ok(doc) = serde_json::from_value::<Doc>(value) {
            match classify(&doc) {
                Fit::Apply(incoming) => prop_assert!(!incoming.path.is_empty()),
                Fit::SetAside(aside) => prop_assert!(!aside.why.is_empty()),
            }
        }
    }

    #[test]
    fn replies_in_any_order_end_or_go_on(replies in prop::collection::vec(reply(), 0..24)) {
        let (mut replication, _) = Replication::start("rid", "s", 2);
        for reply in replies {
            let step = replication.next(reply);
            if matches!(step, Step::Stopped { .. } | Step::Done(_)) {
                break;
            }
        }
    }
}

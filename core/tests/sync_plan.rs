//! One replication step by step: the requests it asks for, in the protocol's order, and what it
//! does with each answer — the answers here are the ones pouchdb-server 4.2.0 gave to the same
//! requests (run in memory on 127.0.0.1, 4 December 2026), so the types read a real server's JSON.

use redress_core::sync::checkpoint::{Checkpoint, checkpoint_id};
use redress_core::sync::diff::RevsDiffResponse;
use redress_core::sync::plan::{ATTEMPTS, Failure, Replication, Reply, Step, retry_delay_ms};
use redress_core::sync::receive::SetAside;
use redress_core::sync::rev::Rev;
use redress_core::sync::wire::{BulkDocsItem, BulkGetResponse, ChangesResponse, CouchError, Seq};
use serde_json::{Value, json};

fn read<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).unwrap()
}

/// pouchdb-server's `_changes?style=all_docs&since=0&limit=100` after two documents.
fn changes() -> ChangesResponse {
    read(json!({"results":[
        {"id":"record:1","changes":[{"rev":"2-b"},{"rev":"2-c"}],"seq":2},
        {"id":"record:2","changes":[{"rev":"3-d"}],"deleted":true,"seq":3}
    ],"last_seq":3}))
}

/// pouchdb-server's `_revs_diff` answer.
fn diff() -> RevsDiffResponse {
    read(json!({"record:1":{"missing":["2-c"]},"record:2":{"missing":["3-d"]}}))
}

/// pouchdb-server's `_bulk_get?revs=true` answer, one revision missing.
fn got() -> BulkGetResponse {
    read(json!({"results":[
        {"id":"record:1","docs":[{"ok":{"format":"redress-store","schema_version":4,"data":{"id":"1","v":2},"_id":"record:1","_rev":"2-c","_revisions":{"start":2,"ids":["c","a"]}}}]},
        {"id":"record:2","docs":[{"ok":{"_id":"record:2","_rev":"3-d","_deleted":true,"_revisions":{"start":3,"ids":["d","y","x"]}}}]},
        {"id":"record:1","docs":[{"missing":"9-q"}]}
    ]}))
}

fn start() -> (Replication, Step) {
    Replication::start("rid", "session-2", 100)
}

fn written() -> Reply {
    Reply::Written {
        refused: Vec::new(),
        set_aside: Vec::new(),
    }
}

#[test]
fn a_replication_takes_the_protocols_steps_in_order() {
    let (mut replication, step) = start();
    assert_eq!(
        step,
        Step::ReadCheckpoints {
            doc_id: checkpoint_id("rid")
        }
    );
    let step = replication.next(Reply::Checkpoints {
        source: None,
        target: None,
    });
    assert_eq!(
        step,
        Step::Changes {
            since: Seq::Number(0),
            limit: 100
        }
    );

    let Step::RevsDiff(asked) = replication.next(Reply::Changes(changes())) else {
        panic!("revs_diff")
    };
    assert_eq!(
        asked["record:1"],
        vec![Rev::new(2, "b"), Rev::new(2, "c")],
        "every leaf is offered"
    );
    assert_eq!(
        serde_json::to_value(&asked).unwrap(),
        json!({"record:1": ["2-b", "2-c"], "record:2": ["3-d"]})
    );

    let Step::BulkGet(request) = replication.next(Reply::RevsDiff(diff())) else {
        panic!("bulk_get")
    };
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({"docs": [{"id": "record:1", "rev": "2-c"}, {"id": "record:2", "rev": "3-d"}]})
    );

    let Step::BulkDocs(docs) = replication.next(Reply::BulkGet(got())) else {
        panic!("bulk_docs")
    };
    assert!(!docs.new_edits);
    assert_eq!(docs.docs.len(), 2, "the missing revision is passed over");
    assert!(docs.docs[1].deleted);

    let Step::WriteCheckpoints { source, target } = replication.next(written()) else {
        panic!("checkpoints")
    };
    assert_eq!(source.source_last_seq, Seq::Number(3));
    assert_eq!(source.id, "_local/rid");
    assert_eq!(source.history[0].session_id, "session-2");
    assert_eq!(target.source_last_seq, Seq::Number(3));

    let Step::Done(summary) = replication.next(Reply::CheckpointsWritten {
        source_rev: Some("0-1".into()),
        target_rev: Some("0-1".into()),
    }) else {
        panic!("done: fewer changes than a batch")
    };
    assert_eq!(
        (
            summary.missing_checked,
            summary.missing_found,
            summary.docs_read,
            summary.docs_written
        ),
        (3, 2, 2, 2)
    );
    assert_eq!(summary.last_seq, Seq::Number(3));
}

#[test]
fn a_full_batch_reads_on_from_where_it_stopped() {
    let (mut replication, _) = Replication::start("rid", "s", 2);
    replication.next(Reply::Checkpoints {
        source: None,
        target: None,
    });
    replication.next(Reply::Changes(changes()));
    let Step::WriteCheckpoints { .. } = replication.next(Reply::RevsDiff(RevsDiffResponse::new())) else {
        panic!("nothing missing: straight to the checkpoint")
    };
    let step = replication.next(Reply::CheckpointsWritten {
        source_rev: Some("0-1".into()),
        target_rev: None,
    });
    assert_eq!(
        step,
        Step::Changes {
            since: Seq::Number(3),
            limit: 2
        }
    );
    let Step::Done(summary) = replication.next(Reply::Changes(read(json!({"results": [], "last_seq": 3})))) else {
        panic!("done")
    };
    assert_eq!(summary.docs_read, 0);
}

#[test]
fn it_resumes_from_the_checkpoints_both_sides_share() {
    let earlier = Checkpoint::next("rid", None, "session-1", Seq::Text("7-g1".into()));
    let (mut replication, _) = start();
    let step = replication.next(Reply::Checkpoints {
        source: Some(earlier.clone()),
        target: Some(earlier.clone()),
    });
    assert_eq!(
        step,
        Step::Changes {
            since: Seq::Text("7-g1".into()),
            limit: 100
        }
    );
    replication.next(Reply::Changes(changes()));
    let Step::WriteCheckpoints { source, .. } = replication.next(Reply::RevsDiff(RevsDiffResponse::new())) else {
        panic!("checkpoints")
    };
    let sessions: Vec<&str> = source.history.iter().map(|s| s.session_id.as_str()).collect();
    assert_eq!(sessions, ["session-2", "session-1"]);
}

#[test]
fn refused_and_set_aside_documents_are_reported_and_the_rest_goes_on() {
    let (mut replication, _) = start();
    replication.next(Reply::Checkpoints {
        source: None,
        target: None,
    });
    replication.next(Reply::Changes(changes()));
    replication.next(Reply::RevsDiff(diff()));
    replication.next(Reply::BulkGet(got()));
    let refused: Vec<BulkDocsItem> = read(json!([{"id": "record:1", "error": "forbidden", "reason": "no"}]));
    let set_aside = vec![SetAside {
        id: "record:2".into(),
        why: "newer".into(),
    }];
    let Step::WriteCheckpoints { .. } = replication.next(Reply::Written { refused, set_aside }) else {
        panic!("the checkpoint moves on past what can never fit")
    };
    let summary = replication.summary();
    assert_eq!(summary.docs_written, 0);
    assert_eq!(summary.refused.len(), 1);
    assert_eq!(summary.set_aside[0].id, "record:2");
}

#[test]
fn a_revision_that_could_not_be_read_sends_the_batch_round_again() {
    let (mut replication, _) = start();
    replication.next(Reply::Checkpoints {
        source: None,
        target: None,
    });
    replication.next(Reply::Changes(changes()));
    replication.next(Reply::RevsDiff(diff()));
    let broken: BulkGetResponse = read(json!({"results": [{"id": "record:1", "docs": [
        {"error": {"id": "record:1", "rev": "2-c", "error": "timeout", "reason": "busy"}}]}]}));
    let Step::Retry { after_ms, step } = replication.next(Reply::BulkGet(broken)) else {
        panic!("retry")
    };
    assert_eq!(after_ms, 1000);
    assert_eq!(
        *step,
        Step::Changes {
            since: Seq::Number(0),
            limit: 100
        },
        "from the last checkpoint"
    );
    let Step::RevsDiff(_) = replication.next(Reply::Changes(changes())) else {
        panic!("on again")
    };
}

#[test]
fn failures_are_retried_with_growing_waits_until_it_stops() {
    let (mut replication, first) = start();
    let mut waits = Vec::new();
    loop {
        match replication.next(Reply::Failed(Failure::Unreachable)) {
            Step::Retry { after_ms, step } => {
                assert_eq!(*step, first, "the same step again");
                waits.push(after_ms);
            }
            Step::Stopped { why, .. } => {
                assert_eq!(why, Failure::Unreachable);
                break;
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(waits.len() as u32, ATTEMPTS - 1);
    assert!(waits.windows(2).all(|w| w[0] < w[1]), "{waits:?}");
}

#[test]
fn a_success_after_a_retry_carries_on() {
    let (mut replication, _) = start();
    let Step::Retry { .. } = replication.next(Reply::Failed(Failure::Status {
        status: 503,
        error: None,
    })) else {
        panic!("retry")
    };
    let step = replication.next(Reply::Checkpoints {
        source: None,
        target: None,
    });
    assert_eq!(
        step,
        Step::Changes {
            since: Seq::Number(0),
            limit: 100
        }
    );
}

#[test]
fn what_waiting_cannot_mend_stops_at_once_with_words() {
    for (status, words) in [(401, "password"), (403, "permissions"), (404, "no such database")] {
        let (mut replication, _) = start();
        let why = Failure::Status {
            status,
            error: Some(CouchError {
                error: "x".into(),
                reason: "y".into(),
            }),
        };
        let Step::Stopped { why, .. } = replication.next(Reply::Failed(why)) else {
            panic!("{status} stops")
        };
        assert!(why.words().contains(words), "{}", why.words());
    }
    assert!(Failure::Unreachable.words().contains("offline"));
}

#[test]
fn an_answer_out_of_turn_stops_it() {
    let (mut replication, _) = start();
    let Step::Stopped { why, .. } = replication.next(Reply::Changes(changes())) else {
        panic!("stops")
    };
    assert_eq!(why, Failure::OutOfTurn);
}

#[test]
fn the_waits_double_up_to_two_minutes() {
    let waits: Vec<u64> = (1..=9).map(retry_delay_ms).collect();
    assert_eq!(waits, [1000, 2000, 4000, 8000, 16000, 32000, 64000, 120000, 120000]);
    assert_eq!(retry_delay_ms(0), 1000);
    assert_eq!(retry_delay_ms(u32::MAX), 120_000);
}

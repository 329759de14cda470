//! The core's replication rules against a real CouchDB-compatible server: two devices kept in
//! memory (`sync::local`) push to and pull from it over HTTP, driven by `sync::plan` the way the
//! app will drive it with `fetch`. They make five records, both edit one offline, sync (the
//! server's `?conflicts=true` must name the winner and the conflict the core names), one resolves
//! it, one deletes another, and a last sync must move nothing.
//!
//! Not run by the tests (it needs a server). Start one as `docs/sync.md` says, e.g.
//! `./node_modules/.bin/pouchdb-server --in-memory --host 127.0.0.1 --port 5985`, then
//! `cargo run -p redress-core --example pouchdb_check -- 127.0.0.1:5985`. Plain http, no
//! sign-in: a test server only. Panics on the first check that fails.
use redress_core::sync::checkpoint::{Checkpoint, replication_id};
use redress_core::sync::diff::revs_diff;
use redress_core::sync::edit;
use redress_core::sync::local::{self, Local};
use redress_core::sync::plan::{Failure, Replication, Reply, Step, Summary};
use redress_core::sync::wire::{BulkDocsItem, BulkGetDoc, BulkGetResponse, BulkGetResult};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;

static HOST: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn host() -> &'static str {
    HOST.get().map_or("127.0.0.1:5985", String::as_str)
}

fn http(method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
    let mut stream = TcpStream::connect(host()).expect("the server is up");
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        host(),
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let text = String::from_utf8_lossy(&answer).to_string();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap();
    let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
    let rest = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        dechunk(rest)
    } else {
        rest.to_string()
    };
    (status, serde_json::from_str(&rest).unwrap_or(Value::Null))
}

fn dechunk(mut text: &str) -> String {
    let mut out = String::new();
    loop {
        let (size, rest) = text.split_once("\r\n").unwrap();
        let n = usize::from_str_radix(size.trim(), 16).unwrap();
        if n == 0 {
            return out;
        }
        out.push_str(&rest[..n]);
        text = &rest[n + 2..];
    }
}

#[derive(Default)]
struct Device {
    name: String,
    docs: BTreeMap<String, Local>,
    seq: u64,
    checkpoints: BTreeMap<String, Checkpoint>,
    checkpoint_writes: u64,
}

impl Device {
    fn edit(&mut self, id: &str, body: Value) {
        let local = self.docs.entry(id.into()).or_default();
        let write = edit::edit(&mut local.tree, body);
        self.seq += 1;
        local.keep(write.rev, &write.body, self.seq);
    }
    fn writes(&mut self, id: &str, writes: Vec<edit::Write>) {
        for write in writes {
            self.seq += 1;
            self.docs.get_mut(id).unwrap().keep(write.rev, &write.body, self.seq);
        }
    }
}

enum Side<'a> {
    Device(&'a mut Device),
    Server,
}

const DB: &str = "/redress-check";

fn read_checkpoint(side: &Side, doc_id: &str) -> Option<Checkpoint> {
    match side {
        Side::Device(d) => d.checkpoints.get(doc_id).cloned(),
        Side::Server => match http("GET", &format!("{DB}/{doc_id}"), None) {
            (200, v) => Some(serde_json::from_value(v).unwrap()),
            _ => None,
        },
    }
}

fn write_checkpoint(side: &mut Side, cp: &Checkpoint) -> Result<String, Failure> {
    match side {
        Side::Device(d) => {
            d.checkpoint_writes += 1;
            let rev = format!("0-{}", d.checkpoint_writes);
            let mut cp = cp.clone();
            cp.rev = Some(rev.clone());
            d.checkpoints.insert(cp.id.clone(), cp);
            Ok(rev)
        }
        Side::Server => match http(
            "PUT",
            &format!("{DB}/{}", cp.id),
            Some(&serde_json::to_value(cp).unwrap()),
        ) {
            (201 | 200, v) => Ok(v["rev"].as_str().unwrap().to_string()),
            (status, v) => Err(Failure::Status {
                status,
                error: serde_json::from_value(v).ok(),
            }),
        },
    }
}

fn replicate(source: &mut Side, target: &mut Side, device: &str, session: &str) -> Summary {
    let names = |s: &Side| match s {
        Side::Device(d) => format!("local:{}", d.name),
        Side::Server => format!("http://{}{DB}", host()),
    };
    let rid = replication_id(&names(source), &names(target), device);
    let (mut replication, mut step) = Replication::start(&rid, session, 2);
    loop {
        let reply = match &step {
            Step::Done(summary) => return summary.clone(),
            Step::Stopped { why, .. } => panic!("stopped: {}", why.words()),
            Step::Retry { .. } => panic!("retry"),
            Step::ReadCheckpoints { doc_id } => Reply::Checkpoints {
                source: read_checkpoint(source, doc_id),
                target: read_checkpoint(target, doc_id),
            },
            Step::Changes { since, limit } => match source {
                Side::Device(d) => Reply::Changes(local::changes(
                    d.docs.iter().map(|(i, l)| (i.as_str(), l)),
                    local::seq_number(since),
                    *limit,
                )),
                Side::Server => {
                    let (_, v) = http(
                        "GET",
                        &format!("{DB}/_changes?style=all_docs&since={since}&limit={limit}"),
                        None,
                    );
                    Reply::Changes(serde_json::from_value(v).unwrap())
                }
            },
            Step::RevsDiff(request) => match target {
                Side::Device(d) => Reply::RevsDiff(revs_diff(request, |id| d.docs.get(id).map(|l| &l.tree))),
                Side::Server => {
                    let (_, v) = http(
                        "POST",
                        &format!("{DB}/_revs_diff"),
                        Some(&serde_json::to_value(request).unwrap()),
                    );
                    Reply::RevsDiff(serde_json::from_value(v).unwrap())
                }
            },
            Step::BulkGet(request) => match source {
                Side::Device(d) => Reply::BulkGet(BulkGetResponse {
                    results: request
                        .docs
                        .iter()
                        .map(|item| BulkGetResult {
                            id: item.id.clone(),
                            docs: vec![
                                d.docs
                                    .get(&item.id)
                                    .map_or(BulkGetDoc::Missing(item.rev.to_string()), |l| {
                                        l.get(&item.id, &item.rev)
                                    }),
                            ],
                        })
                        .collect(),
                }),
                Side::Server => {
                    let (_, v) = http(
                        "POST",
                        &format!("{DB}/_bulk_get?revs=true"),
                        Some(&serde_json::to_value(request).unwrap()),
                    );
                    Reply::BulkGet(serde_json::from_value(v).unwrap())
                }
            },
            Step::BulkDocs(request) => match target {
                Side::Device(d) => {
                    for doc in &request.docs {
                        let next = d.seq + 1;
                        if d.docs.entry(doc.id.clone()).or_default().apply(doc, next)
                            != Some(redress_core::sync::tree::Merged::Known)
                        {
                            d.seq = next;
                        }
                    }
                    Reply::Written {
                        refused: vec![],
                        set_aside: vec![],
                    }
                }
                Side::Server => {
                    let (status, v) = http(
                        "POST",
                        &format!("{DB}/_bulk_docs"),
                        Some(&serde_json::to_value(request).unwrap()),
                    );
                    assert_eq!(status, 201, "{v}");
                    let refused: Vec<BulkDocsItem> = serde_json::from_value(v).unwrap();
                    Reply::Written {
                        refused,
                        set_aside: vec![],
                    }
                }
            },
            Step::WriteCheckpoints { source: s, target: t } => {
                match (write_checkpoint(source, s), write_checkpoint(target, t)) {
                    (Ok(a), Ok(b)) => Reply::CheckpointsWritten {
                        source_rev: Some(a),
                        target_rev: Some(b),
                    },
                    (Err(e), _) | (_, Err(e)) => Reply::Failed(e),
                }
            }
        };
        step = replication.next(reply);
    }
}

fn sync(device: &mut Device, n: &mut u32) -> (Summary, Summary) {
    *n += 1;
    let name = device.name.clone();
    let push = replicate(
        &mut Side::Device(device),
        &mut Side::Server,
        &name,
        &format!("push-{n}"),
    );
    let pull = replicate(
        &mut Side::Server,
        &mut Side::Device(device),
        &name,
        &format!("pull-{n}"),
    );
    (push, pull)
}

fn main() {
    if let Some(address) = std::env::args().nth(1) {
        let _ = HOST.set(address);
    }
    // A fresh database every run: an earlier run's documents would change what a sync moves.
    let _ = http("DELETE", DB, None);
    let (status, _) = http("PUT", DB, None);
    assert_eq!(status, 201, "create the database");
    let mut n = 0;
    let mut a = Device {
        name: "device-a".into(),
        ..Default::default()
    };
    let mut b = Device {
        name: "device-b".into(),
        ..Default::default()
    };
    for i in 0..5 {
        a.edit(
            &format!("record:{i}"),
            json!({"format": "redress-store", "schema_version": 4, "data": {"id": i, "v": 0}}),
        );
    }
    let (push, _) = sync(&mut a, &mut n);
    println!("A pushed: {push:?}");
    let (_, pull) = sync(&mut b, &mut n);
    println!("B pulled: docs_read {} written {}", pull.docs_read, pull.docs_written);
    assert_eq!(b.docs.len(), 5);

    // Both edit record:1 offline.
    a.edit("record:1", json!({"data": {"id": 1, "v": "a"}}));
    b.edit("record:1", json!({"data": {"id": 1, "v": "b"}}));
    sync(&mut a, &mut n);
    sync(&mut b, &mut n);
    sync(&mut a, &mut n);
    let (_, server) = http("GET", &format!("{DB}/record:1?conflicts=true"), None);
    let ours = a.docs["record:1"].tree.winner().unwrap().rev.to_string();
    println!(
        "server winner {} conflicts {}; ours {ours} {:?}",
        server["_rev"],
        server["_conflicts"],
        a.docs["record:1"].tree.conflicts()
    );
    assert_eq!(server["_rev"], ours, "the same winner as PouchDB");
    assert_eq!(b.docs["record:1"].tree.winner(), a.docs["record:1"].tree.winner());
    assert_eq!(
        server["_conflicts"][0],
        a.docs["record:1"].tree.conflicts()[0].to_string()
    );

    // B resolves; A learns it.
    let tree = &mut b.docs.get_mut("record:1").unwrap().tree;
    let settled = tree.conflicts();
    let writes = edit::resolve(tree, json!({"data": {"id": 1, "v": "both"}}), &settled);
    b.writes("record:1", writes);
    sync(&mut b, &mut n);
    sync(&mut a, &mut n);
    let (_, server) = http("GET", &format!("{DB}/record:1?conflicts=true"), None);
    println!("after resolving: server {server}");
    assert!(server.get("_conflicts").is_none());
    assert!(a.docs["record:1"].tree.conflicts().is_empty());
    assert_eq!(a.docs["record:1"].winner_body().unwrap()["data"]["v"], "both");

    // A deletes record:2; B learns it.
    let writes = edit::delete(&mut a.docs.get_mut("record:2").unwrap().tree, &json!({}));
    a.writes("record:2", writes);
    sync(&mut a, &mut n);
    sync(&mut b, &mut n);
    let (status, v) = http("GET", &format!("{DB}/record:2"), None);
    println!("deleted on the server: {status} {v}");
    assert_eq!(status, 404);
    assert!(b.docs["record:2"].tree.is_deleted());

    // Nothing left: a further sync reads nothing, from its checkpoint.
    let (push, pull) = sync(&mut b, &mut n);
    println!("again: push {push:?}\n pull {pull:?}");
    assert_eq!((push.docs_read, pull.docs_read), (0, 0));
    let (_, cps) = http(
        "GET",
        &format!(
            "{DB}/_local/{}",
            replication_id(&format!("http://{}{DB}", host()), "local:device-b", "device-b")
        ),
        None,
    );
    println!("server's checkpoint of B's pull: {cps}");
    println!("ALL CHECKS PASSED");
}

//! Team sync's promise, checked on random histories: several devices edit, delete and resolve
//! the same documents, go offline, and replicate through one server in random orders, some
//! runs cut off part-way. When every device has finally pushed and pulled, every device and the
//! server hold every revision ever written, and agree on each document's winner, its conflicts
//! and the winner's body; a replication resumes from its last checkpoint, never before the last
//! one both sides recorded nor after the last the source recorded; and a sync once everything
//! has arrived moves nothing.

mod sync_support;

use proptest::prelude::*;
use redress_core::sync::checkpoint::replication_id;
use redress_core::sync::rev::Rev;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use sync_support::{Db, Link, run};

const DOCS: usize = 5;
/// Small batches, so a run takes several and can be cut between them.
const BATCH: usize = 2;

#[derive(Debug, Clone)]
enum Op {
    Edit {
        device: usize,
        doc: usize,
        value: u8,
    },
    Delete {
        device: usize,
        doc: usize,
    },
    Resolve {
        device: usize,
        doc: usize,
    },
    /// Going offline, or back online.
    Toggle {
        device: usize,
    },
    Sync {
        device: usize,
        push: bool,
        link: Link,
    },
}

fn link() -> impl Strategy<Value = Link> {
    prop_oneof![
        4 => Just(Link::Up),
        2 => (1usize..10).prop_map(Link::CutAfter),
        1 => Just(Link::CutBetweenCheckpoints),
    ]
}

fn op(devices: usize) -> impl Strategy<Value = Op> {
    let device = 0..devices;
    prop_oneof![
        4 => (device.clone(), 0..DOCS, 0u8..3).prop_map(|(device, doc, value)| Op::Edit { device, doc, value }),
        1 => (device.clone(), 0..DOCS).prop_map(|(device, doc)| Op::Delete { device, doc }),
        1 => (device.clone(), 0..DOCS).prop_map(|(device, doc)| Op::Resolve { device, doc }),
        1 => device.clone().prop_map(|device| Op::Toggle { device }),
        4 => (device, any::<bool>(), link()).prop_map(|(device, push, link)| Op::Sync { device, push, link }),
    ]
}

fn history() -> impl Strategy<Value = (usize, Vec<Op>)> {
    (2usize..=4).prop_flat_map(|devices| (Just(devices), prop::collection::vec(op(devices), 1..60)))
}

struct World {
    server: Db,
    devices: Vec<Db>,
    online: Vec<bool>,
    /// Every revision any device wrote.
    written: BTreeMap<String, BTreeSet<Rev>>,
    /// Per replication id: the last sequence checkpointed on both sides, and on the source.
    both: BTreeMap<String, u64>,
    source: BTreeMap<String, u64>,
    sessions: usize,
}

fn doc_id(doc: usize) -> String {
    format!("record:{doc}")
}

impl World {
    fn new(devices: usize) -> World {
        World {
            server: Db::new("https://couch.example/team", true),
            devices: (0..devices)
                .map(|d| Db::new(&format!("local:device-{d}"), false))
                .collect(),
            online: vec![true; devices],
            written: BTreeMap::new(),
            both: BTreeMap::new(),
            source: BTreeMap::new(),
            sessions: 0,
        }
    }

    fn wrote(&mut self, doc: usize, revs: Vec<Rev>) {
        if revs.is_empty() {
            return;
        }
        self.written.entry(doc_id(doc)).or_default().extend(revs);
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Edit { device, doc, value } => {
                let revs = self.devices[device].edit(&doc_id(doc), json!({"value": value}));
                self.wrote(doc, revs);
            }
            Op::Delete { device, doc } => {
                let revs = self.devices[device].delete(&doc_id(doc));
                self.wrote(doc, revs);
            }
            Op::Resolve { device, doc } => {
                let revs = self.devices[device].resolve(&doc_id(doc), json!({"value": "merged"}));
                self.wrote(doc, revs);
            }
            Op::Toggle { device } => self.online[device] = !self.online[device],
            Op::Sync { device, push, link } => {
                let link = if self.online[device] { link } else { Link::Down };
                self.sync(device, push, link);
            }
        }
    }

    /// One replication, checking where it resumed.
    fn sync(&mut self, device: usize, push: bool, link: Link) -> sync_support::Run {
        self.sessions += 1;
        let session = format!("session-{}", self.sessions);
        let name = format!("device-{device}");
        let (source, target) = if push {
            (&mut self.devices[device], &mut self.server)
        } else {
            (&mut self.server, &mut self.devices[device])
        };
        let rid = replication_id(&source.name, &target.name, &name);
        let done = run(source, target, &name, &session, link, BATCH);
        if let Some(resumed) = &done.resumed_from {
            let resumed = Db::number_of(resumed);
            let floor = self.both.get(&rid).copied().unwrap_or(0);
            let ceiling = self.source.get(&rid).copied().unwrap_or(0);
            assert!(
                floor <= resumed && resumed <= ceiling,
                "resumed at {resumed}, not within {floor}..={ceiling}"
            );
        }
        if let Some(seq) = &done.both_checkpointed {
            self.both.insert(rid.clone(), Db::number_of(seq));
        }
        if let Some(seq) = &done.source_checkpointed {
            self.source.insert(rid, Db::number_of(seq));
        }
        if link == Link::Down {
            assert!(!done.finished && done.retries > 0, "offline, it retries and then stops");
        }
        done
    }

    /// Everyone online, every device pushes, then every device pulls.
    fn settle(&mut self) -> (usize, usize) {
        let mut moved = (0, 0);
        for push in [true, false] {
            for device in 0..self.devices.len() {
                let done = self.sync(device, push, Link::Up);
                let summary = done.summary.expect("a run with the link up finishes");
                assert!(done.finished);
                moved.0 += summary.missing_found;
                moved.1 += summary.docs_written;
            }
        }
        moved
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_device_ends_with_every_revision_and_the_same_winner((devices, ops) in history()) {
        let mut world = World::new(devices);
        for op in &ops {
            world.apply(op);
        }
        world.settle();

        for (id, written) in &world.written {
            let on_server = &world.server.docs[id];
            let server_revs: BTreeSet<Rev> = on_server.tree.revs().cloned().collect();
            prop_assert!(written.is_subset(&server_revs), "{id}: a revision was lost");
            let winner = on_server.tree.winner().expect("a written document has a winner");
            for device in &world.devices {
                let here = &device.docs[id];
                prop_assert_eq!(&here.tree, &on_server.tree, "{} on {}", id, device.name);
                prop_assert_eq!(here.tree.winner(), Some(winner.clone()));
                prop_assert_eq!(here.tree.conflicts(), on_server.tree.conflicts());
                prop_assert_eq!(here.tree.deleted_conflicts(), on_server.tree.deleted_conflicts());
                prop_assert_eq!(here.bodies.get(&winner.rev), on_server.bodies.get(&winner.rev));
                for leaf in here.tree.leaves() {
                    prop_assert!(here.bodies.contains_key(&leaf.rev), "{id}: a leaf without its body");
                }
            }
        }

        let (missing_found, docs_written) = world.settle();
        prop_assert_eq!((missing_found, docs_written), (0, 0), "a second sync moves nothing");
    }
}

#[test]
fn a_conflict_resolved_on_one_device_is_resolved_on_all() {
    let mut world = World::new(2);
    world.apply(&Op::Edit {
        device: 0,
        doc: 0,
        value: 0,
    });
    world.settle();
    world.apply(&Op::Edit {
        device: 0,
        doc: 0,
        value: 1,
    });
    world.apply(&Op::Edit {
        device: 1,
        doc: 0,
        value: 2,
    });
    world.settle();
    let id = doc_id(0);
    assert_eq!(
        world.devices[1].docs[&id].tree.conflicts().len(),
        1,
        "both versions kept"
    );
    world.apply(&Op::Resolve { device: 1, doc: 0 });
    world.settle();
    for device in &world.devices {
        let tree = &device.docs[&id].tree;
        assert!(tree.conflicts().is_empty());
        let winner = tree.winner().unwrap().rev;
        assert_eq!(
            Value::Object(device.docs[&id].bodies[&winner].clone()),
            json!({"value": "merged"})
        );
    }
}

#[test]
fn a_sync_cut_part_way_resumes_from_its_checkpoint_and_loses_nothing() {
    let mut world = World::new(2);
    for doc in 0..DOCS {
        world.apply(&Op::Edit {
            device: 0,
            doc,
            value: 1,
        });
    }
    let cut = world.sync(0, true, Link::CutAfter(8));
    assert!(!cut.finished);
    let after_cut = world
        .both
        .values()
        .next()
        .copied()
        .expect("a batch was checkpointed before the cut");
    assert!(after_cut > 0);
    let resumed = world.sync(0, true, Link::Up);
    assert_eq!(resumed.resumed_from.map(|s| Db::number_of(&s)), Some(after_cut));
    assert!(
        resumed.summary.unwrap().docs_read < DOCS,
        "what was copied before the cut is not read again"
    );
    assert_eq!(world.server.docs.len(), DOCS);
}

#[test]
fn a_device_offline_retries_with_growing_waits_then_stops() {
    let mut world = World::new(2);
    world.apply(&Op::Edit {
        device: 0,
        doc: 0,
        value: 1,
    });
    let done = world.sync(0, true, Link::Down);
    assert_eq!(done.retries, redress_core::sync::plan::ATTEMPTS as usize - 1);
    assert!(world.server.docs.is_empty());
    world.settle();
    assert_eq!(world.server.docs.len(), 1);
}

//! An in-memory CouchDB for the sync tests, built only from the core's sync functions: each
//! database keeps a revision tree and the bodies of its revisions per document, a sequence
//! counter and its `_local` checkpoints, and answers the protocol's requests. [`run`] drives a
//! [`Replication`] between two of them the way the app will with `fetch`, optionally cutting
//! the connection after some steps or failing every request (a device offline).
//!
//! A test file takes it with `mod sync_support;`.
#![allow(dead_code)]

use redress_core::sync::checkpoint::{Checkpoint, replication_id};
use redress_core::sync::diff::{RevsDiffRequest, RevsDiffResponse, revs_diff};
use redress_core::sync::edit::{self, Write};
use redress_core::sync::local::{self, Local};
use redress_core::sync::plan::{BATCH, Failure, Replication, Reply, Step, Summary};
use redress_core::sync::rev::Rev;
use redress_core::sync::tree::Merged;
use redress_core::sync::wire::{
    BulkDocsItem, BulkDocsRequest, BulkGetDoc, BulkGetRequest, BulkGetResponse, BulkGetResult, ChangesResponse, Seq,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One database: a device's store or the team's server, each document kept as the device keeps
/// it (`sync::local`).
#[derive(Debug, Clone)]
pub struct Db {
    pub name: String,
    pub docs: BTreeMap<String, Local>,
    seq: u64,
    /// Whether its sequences are text, as CouchDB 2+ writes them (the server), or numbers.
    text_seqs: bool,
    locals: BTreeMap<String, Checkpoint>,
    local_writes: u64,
}

impl Db {
    pub fn new(name: &str, text_seqs: bool) -> Db {
        Db {
            name: name.into(),
            docs: BTreeMap::new(),
            seq: 0,
            text_seqs,
            locals: BTreeMap::new(),
            local_writes: 0,
        }
    }

    fn seq_of(&self, n: u64) -> Seq {
        if self.text_seqs {
            Seq::Text(format!("{n}-g1AAAA{}", n * 7 % 13))
        } else {
            Seq::Number(n)
        }
    }

    pub fn number_of(seq: &Seq) -> u64 {
        match seq {
            Seq::Number(n) => *n,
            Seq::Text(text) => text.split('-').next().and_then(|n| n.parse().ok()).unwrap_or(0),
        }
    }

    fn keep(&mut self, id: &str, writes: Vec<Write>) -> Vec<Rev> {
        let mut revs = Vec::new();
        for write in writes {
            self.seq += 1;
            let seq = self.seq;
            self.docs
                .entry(id.to_string())
                .or_default()
                .keep(write.rev.clone(), &write.body, seq);
            revs.push(write.rev);
        }
        revs
    }

    /// A person edits `id` here.
    pub fn edit(&mut self, id: &str, body: Value) -> Vec<Rev> {
        let write = edit::edit(&mut self.docs.entry(id.to_string()).or_default().tree, body);
        self.keep(id, vec![write])
    }

    /// A person deletes `id` here.
    pub fn delete(&mut self, id: &str) -> Vec<Rev> {
        let Some(local) = self.docs.get_mut(id) else {
            return Vec::new();
        };
        let writes = edit::delete(&mut local.tree, &serde_json::json!({"deleted_by": self.name}));
        self.keep(id, writes)
    }

    /// A person resolves the conflict on `id` here, if there is one.
    pub fn resolve(&mut self, id: &str, merged: Value) -> Vec<Rev> {
        let Some(local) = self.docs.get_mut(id) else {
            return Vec::new();
        };
        let settled = local.tree.conflicts();
        let writes = edit::resolve(&mut local.tree, merged, &settled);
        self.keep(id, writes)
    }

    pub fn changes(&self, since: &Seq, limit: usize) -> ChangesResponse {
        let mut feed = local::changes(
            self.docs.iter().map(|(id, l)| (id.as_str(), l)),
            Self::number_of(since),
            limit,
        );
        for change in &mut feed.results {
            change.seq = self.seq_of(Self::number_of(&change.seq));
        }
        feed.last_seq = self.seq_of(Self::number_of(&feed.last_seq));
        feed
    }

    pub fn revs_diff(&self, request: &RevsDiffRequest) -> RevsDiffResponse {
        revs_diff(request, |id| self.docs.get(id).map(|l| &l.tree))
    }

    pub fn bulk_get(&self, request: &BulkGetRequest) -> BulkGetResponse {
        let results = request
            .docs
            .iter()
            .map(|item| BulkGetResult {
                id: item.id.clone(),
                docs: vec![match self.docs.get(&item.id) {
                    Some(local) => local.get(&item.id, &item.rev),
                    None => BulkGetDoc::Missing(item.rev.to_string()),
                }],
            })
            .collect();
        BulkGetResponse { results }
    }

    pub fn bulk_docs(&mut self, request: &BulkDocsRequest) -> Vec<BulkDocsItem> {
        assert!(!request.new_edits, "replication writes revisions as they are");
        let mut refused = Vec::new();
        for doc in &request.docs {
            let next = self.seq + 1;
            match self.docs.entry(doc.id.clone()).or_default().apply(doc, next) {
                None => refused.push(BulkDocsItem {
                    id: doc.id.clone(),
                    ok: None,
                    rev: None,
                    error: Some("bad_request".into()),
                    reason: Some("no revisions".into()),
                }),
                Some(Merged::Known) => {}
                Some(_) => self.seq = next,
            }
        }
        refused
    }

    pub fn read_local(&self, id: &str) -> Option<Checkpoint> {
        self.locals.get(id).cloned()
    }

    /// `PUT _local/…`: refused (409) unless it names the stored one's `_rev`.
    pub fn write_local(&mut self, checkpoint: &Checkpoint) -> Result<String, Failure> {
        let current = self.locals.get(&checkpoint.id).and_then(|c| c.rev.clone());
        if current != checkpoint.rev {
            return Err(Failure::Status {
                status: 409,
                error: None,
            });
        }
        self.local_writes += 1;
        let rev = format!("0-{}", self.local_writes);
        let mut stored = checkpoint.clone();
        stored.rev = Some(rev.clone());
        self.locals.insert(checkpoint.id.clone(), stored);
        Ok(rev)
    }

    /// Every revision known, by document.
    pub fn all_revs(&self) -> BTreeMap<String, BTreeSet<Rev>> {
        self.docs
            .iter()
            .map(|(id, s)| (id.clone(), s.tree.revs().cloned().collect()))
            .collect()
    }
}

/// How a run goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Up,
    /// Every request fails: the device is offline.
    Down,
    /// The connection breaks after this many steps.
    CutAfter(usize),
    /// The connection breaks after writing the source's checkpoint of the first batch, before
    /// the target's.
    CutBetweenCheckpoints,
}

/// What a run did.
#[derive(Debug, Clone)]
pub struct Run {
    /// Where the first read of changes started.
    pub resumed_from: Option<Seq>,
    /// The summary when it finished or stopped; `None` when the connection was cut.
    pub summary: Option<Summary>,
    pub finished: bool,
    /// Steps retried.
    pub retries: usize,
    /// The sequence of the last checkpoint written on the source, and on both sides.
    pub source_checkpointed: Option<Seq>,
    pub both_checkpointed: Option<Seq>,
}

/// Replicates `source` to `target` for the device `device`, in batches of `batch`.
pub fn run(source: &mut Db, target: &mut Db, device: &str, session: &str, link: Link, batch: usize) -> Run {
    let rid = replication_id(&source.name, &target.name, device);
    let (mut replication, mut step) = Replication::start(&rid, session, batch);
    let mut done = Run {
        resumed_from: None,
        summary: None,
        finished: false,
        retries: 0,
        source_checkpointed: None,
        both_checkpointed: None,
    };
    let mut steps = 0;
    loop {
        if let Step::Retry { step: inner, .. } = step {
            done.retries += 1;
            step = *inner;
            continue;
        }
        if matches!(link, Link::CutAfter(n) if steps >= n) {
            return done;
        }
        steps += 1;
        let reply = match (&step, link) {
            (Step::Done(summary), _) => {
                done.summary = Some(summary.clone());
                done.finished = true;
                return done;
            }
            (Step::Stopped { summary, .. }, _) => {
                done.summary = Some(summary.clone());
                return done;
            }
            (_, Link::Down) => Reply::Failed(Failure::Unreachable),
            (Step::ReadCheckpoints { doc_id }, _) => Reply::Checkpoints {
                source: source.read_local(doc_id),
                target: target.read_local(doc_id),
            },
            (Step::Changes { since, limit }, _) => {
                done.resumed_from.get_or_insert_with(|| since.clone());
                Reply::Changes(source.changes(since, *limit))
            }
            (Step::RevsDiff(request), _) => Reply::RevsDiff(target.revs_diff(request)),
            (Step::BulkGet(request), _) => Reply::BulkGet(source.bulk_get(request)),
            (Step::BulkDocs(request), _) => Reply::Written {
                refused: target.bulk_docs(request),
                set_aside: Vec::new(),
            },
            (Step::WriteCheckpoints { source: s, target: t }, link) => match source.write_local(s) {
                Err(failure) => Reply::Failed(failure),
                Ok(_) if link == Link::CutBetweenCheckpoints => {
                    done.source_checkpointed = Some(s.source_last_seq.clone());
                    return done;
                }
                Ok(source_rev) => match target.write_local(t) {
                    Ok(target_rev) => {
                        done.source_checkpointed = Some(s.source_last_seq.clone());
                        done.both_checkpointed = Some(s.source_last_seq.clone());
                        Reply::CheckpointsWritten {
                            source_rev: Some(source_rev),
                            target_rev: Some(target_rev),
                        }
                    }
                    Err(failure) => {
                        done.source_checkpointed = Some(s.source_last_seq.clone());
                        Reply::Failed(failure)
                    }
                },
            },
            (Step::Retry { .. }, _) => unreachable!("handled above"),
        };
        step = replication.next(reply);
    }
}

/// The default batch size, for runs that do not care.
pub const DEFAULT_BATCH: usize = BATCH;

//! One replication, source to target, as a small state machine the app drives: it asks for a
//! [`Step`] (a request to make), makes it with `fetch` or against its own store, and hands back
//! the [`Reply`]. The steps are the protocol's: read both checkpoints, read a batch of changes,
//! ask the target which revisions it lacks, read those from the source, write them to the target
//! as they are, write both checkpoints, and on to the next batch. A failure worth retrying is
//! retried after a growing wait; one that waiting cannot mend stops the replication, and the
//! next one resumes from the last checkpoint written.
//!
//! A pull is this machine with the server as source and the device as target; a push the other
//! way round. On a pull the app passes every document read through `receive::classify` before
//! storing it, and reports the ones set aside with [`Reply::Written`].

use super::checkpoint::{Checkpoint, resume_from};
use super::diff::{RevsDiffRequest, RevsDiffResponse};
use super::receive::SetAside;
use super::wire::{
    BulkDocsItem, BulkDocsRequest, BulkGetDoc, BulkGetItem, BulkGetRequest, BulkGetResponse, ChangesResponse,
    CouchError, Doc, Seq,
};

/// Changes read at a time (PouchDB's `batch_size`).
pub const BATCH: usize = 100;
/// Failures in a row after which a replication stops (the waits add up to about 4 minutes).
pub const ATTEMPTS: u32 = 8;

/// The wait before retrying after `failures` failures in a row: 1 s, 2 s, 4 s … up to 2 min.
pub fn retry_delay_ms(failures: u32) -> u64 {
    let doubled = 1000u64.saturating_mul(1u64 << failures.saturating_sub(1).min(20));
    doubled.min(120_000)
}

/// A request the app makes next.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// `GET {source}/{doc_id}` and `GET {target}/{doc_id}`; a 404 is `None`, not a failure.
    ReadCheckpoints { doc_id: String },
    /// `GET {source}/_changes?style=all_docs&since={since}&limit={limit}`.
    Changes { since: Seq, limit: usize },
    /// `POST {target}/_revs_diff`.
    RevsDiff(RevsDiffRequest),
    /// `POST {source}/_bulk_get?revs=true` (or, where a server lacks it, one
    /// `GET {source}/{id}?revs=true&open_revs=[…]&latest=true` per document).
    BulkGet(BulkGetRequest),
    /// `POST {target}/_bulk_docs` (`new_edits: false`).
    BulkDocs(BulkDocsRequest),
    /// `PUT` each checkpoint to its side.
    WriteCheckpoints { source: Checkpoint, target: Checkpoint },
    /// Wait, then make `step` again.
    Retry { after_ms: u64, step: Box<Step> },
    /// Everything the source had up to `summary.last_seq` is on the target.
    Done(Summary),
    /// Stopped on `why`; the next replication resumes from the last checkpoint.
    Stopped { why: Failure, summary: Summary },
}

/// What came back from a step.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Checkpoints {
        source: Option<Checkpoint>,
        target: Option<Checkpoint>,
    },
    Changes(ChangesResponse),
    RevsDiff(RevsDiffResponse),
    BulkGet(BulkGetResponse),
    /// The documents the target refused (`_bulk_docs`'s lines with an error) and, on a pull,
    /// those `receive::classify` set aside.
    Written {
        refused: Vec<BulkDocsItem>,
        set_aside: Vec<SetAside>,
    },
    /// Each checkpoint's new `_rev`, as the `PUT` answered it.
    CheckpointsWritten {
        source_rev: Option<String>,
        target_rev: Option<String>,
    },
    Failed(Failure),
}

/// Why a step failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No answer: offline, the server down, a connection broken.
    Unreachable,
    /// An answer with an error status, and its body when it had CouchDB's shape.
    Status { status: u16, error: Option<CouchError> },
    /// An answer that could not be read as the step's.
    BadAnswer(String),
    /// An answer out of turn: the app's mistake, never the server's.
    OutOfTurn,
}

impl Failure {
    /// Whether waiting may mend it: no answer, a server busy or failing, a timeout, too many
    /// requests. Wrong credentials, missing permission and a missing database need a person.
    pub fn worth_retrying(&self) -> bool {
        match self {
            Failure::Unreachable => true,
            Failure::Status { status, .. } => matches!(status, 408 | 429 | 500..=599),
            Failure::BadAnswer(_) | Failure::OutOfTurn => false,
        }
    }

    /// In words for the sync status everyone sees.
    pub fn words(&self) -> String {
        match self {
            Failure::Unreachable => "The server cannot be reached: this device may be offline.".into(),
            Failure::Status { status: 401, .. } => "The server did not accept the name or password.".into(),
            Failure::Status { status: 403, .. } => {
                "The server’s permissions refused this: ask whoever runs it to add you to the team.".into()
            }
            Failure::Status { status: 404, .. } => "There is no such database on the server.".into(),
            Failure::Status { status, error } => match error {
                Some(error) if !error.reason.is_empty() => format!("The server answered {status}: {}.", error.reason),
                _ => format!("The server answered {status}."),
            },
            Failure::BadAnswer(detail) => format!("The server’s answer could not be read ({detail})."),
            Failure::OutOfTurn => "Sync lost its place; it starts again next time.".into(),
        }
    }
}

/// What a replication did, for the status line and the note on what was set aside.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// The source sequence the last checkpoint recorded.
    pub last_seq: Seq,
    pub missing_checked: usize,
    pub missing_found: usize,
    pub docs_read: usize,
    pub docs_written: usize,
    pub refused: Vec<BulkDocsItem>,
    pub set_aside: Vec<SetAside>,
    /// Whether the source said there was more after the last batch (the app may go on).
    pub more: bool,
}

/// The state of one replication.
#[derive(Debug, Clone)]
pub struct Replication {
    replication_id: String,
    session_id: String,
    batch_size: usize,
    source_checkpoint: Option<Checkpoint>,
    target_checkpoint: Option<Checkpoint>,
    /// The batch in hand: its last sequence, and whether the feed has more.
    batch: Option<(Seq, bool)>,
    waiting: Step,
    failures: u32,
    summary: Summary,
}

impl Replication {
    /// A new session of the replication `replication_id` (`checkpoint::replication_id`);
    /// `session_id` is new for every run (the app's random uuid). Gives the first step.
    pub fn start(replication_id: &str, session_id: &str, batch_size: usize) -> (Replication, Step) {
        let first = Step::ReadCheckpoints {
            doc_id: super::checkpoint::checkpoint_id(replication_id),
        };
        let replication = Replication {
            replication_id: replication_id.to_string(),
            session_id: session_id.to_string(),
            batch_size: batch_size.max(1),
            source_checkpoint: None,
            target_checkpoint: None,
            batch: None,
            waiting: first.clone(),
            failures: 0,
            summary: Summary::default(),
        };
        (replication, first)
    }

    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// The step after `reply` to the step last given.
    pub fn next(&mut self, reply: Reply) -> Step {
        let step = match (
            std::mem::replace(&mut self.waiting, Step::Done(Summary::default())),
            reply,
        ) {
            (waiting, Reply::Failed(why)) => return self.failed(waiting, why),
            (Step::ReadCheckpoints { .. }, Reply::Checkpoints { source, target }) => {
                self.summary.last_seq = resume_from(source.as_ref(), target.as_ref());
                self.source_checkpoint = source;
                self.target_checkpoint = target;
                self.changes()
            }
            (Step::Changes { .. }, Reply::Changes(feed)) => self.read_changes(feed),
            (Step::RevsDiff(_), Reply::RevsDiff(diff)) => self.read_diff(diff),
            (Step::BulkGet(_), Reply::BulkGet(got)) => match self.read_docs(got) {
                Ok(step) => step,
                Err(why) => {
                    let again = self.retry_point();
                    return self.failed(again, why);
                }
            },
            (Step::BulkDocs(request), Reply::Written { refused, set_aside }) => {
                let failed = refused.iter().filter(|item| item.failed()).count() + set_aside.len();
                self.summary.docs_written += request.docs.len().saturating_sub(failed);
                self.summary
                    .refused
                    .extend(refused.into_iter().filter(BulkDocsItem::failed));
                self.summary.set_aside.extend(set_aside);
                self.checkpoints()
            }
            (
                Step::WriteCheckpoints { mut source, mut target },
                Reply::CheckpointsWritten { source_rev, target_rev },
            ) => {
                source.rev = source_rev.or(source.rev);
                target.rev = target_rev.or(target.rev);
                self.summary.last_seq = source.source_last_seq.clone();
                self.source_checkpoint = Some(source);
                self.target_checkpoint = Some(target);
                match self.batch.take() {
                    Some((_, true)) => self.changes(),
                    _ => Step::Done(self.summary.clone()),
                }
            }
            (Step::Retry { step, .. }, reply) => {
                self.waiting = *step;
                return self.next(reply);
            }
            (waiting, _) => return self.failed(waiting, Failure::OutOfTurn),
        };
        self.failures = 0;
        self.waiting = step.clone();
        step
    }

    fn failed(&mut self, waiting: Step, why: Failure) -> Step {
        let waiting = match waiting {
            Step::Retry { step, .. } => *step,
            other => other,
        };
        self.failures += 1;
        if !why.worth_retrying() || self.failures >= ATTEMPTS || matches!(waiting, Step::Done(_) | Step::Stopped { .. })
        {
            let stopped = Step::Stopped {
                why,
                summary: self.summary.clone(),
            };
            self.waiting = stopped.clone();
            return stopped;
        }
        let retry = Step::Retry {
            after_ms: retry_delay_ms(self.failures),
            step: Box::new(waiting),
        };
        self.waiting = retry.clone();
        retry
    }

    /// The batch is read again from its start: the changes since the last checkpoint.
    fn retry_point(&mut self) -> Step {
        self.batch = None;
        Step::Changes {
            since: self.summary.last_seq.clone(),
            limit: self.batch_size,
        }
    }

    fn changes(&self) -> Step {
        Step::Changes {
            since: self.summary.last_seq.clone(),
            limit: self.batch_size,
        }
    }

    fn read_changes(&mut self, feed: ChangesResponse) -> Step {
        if feed.results.is_empty() {
            self.summary.more = false;
            return Step::Done(self.summary.clone());
        }
        let more = feed
            .pending
            .map_or(feed.results.len() >= self.batch_size, |pending| pending > 0);
        let last = feed
            .results
            .last()
            .map_or(feed.last_seq.clone(), |change| change.seq.clone());
        self.summary.more = more;
        self.batch = Some((last, more));
        let mut request = RevsDiffRequest::new();
        for change in feed.results {
            let revs = request.entry(change.id).or_default();
            revs.extend(change.changes.into_iter().map(|c| c.rev));
        }
        self.summary.missing_checked += request.values().map(Vec::len).sum::<usize>();
        Step::RevsDiff(request)
    }

    fn read_diff(&mut self, diff: RevsDiffResponse) -> Step {
        let docs: Vec<BulkGetItem> = diff
            .into_iter()
            .flat_map(|(id, missing)| {
                missing
                    .missing
                    .into_iter()
                    .map(move |rev| BulkGetItem { id: id.clone(), rev })
            })
            .collect();
        self.summary.missing_found += docs.len();
        if docs.is_empty() {
            self.checkpoints()
        } else {
            Step::BulkGet(BulkGetRequest { docs })
        }
    }

    /// The documents read, to write; a revision the source no longer has (`not_found` or
    /// `missing`: a newer one replaced it, and comes later in the feed) is passed over, any other error fails the
    /// step, so the batch is read again and never checkpointed with a revision left behind.
    fn read_docs(&mut self, got: BulkGetResponse) -> Result<Step, Failure> {
        let mut docs: Vec<Doc> = Vec::new();
        for result in got.results {
            for doc in result.docs {
                match doc {
                    BulkGetDoc::Ok(doc) => docs.push(doc),
                    BulkGetDoc::Missing(_) => {}
                    BulkGetDoc::Error(error) if error.error == "not_found" => {}
                    BulkGetDoc::Error(error) => {
                        return Err(Failure::Status {
                            status: 500,
                            error: Some(CouchError {
                                error: error.error,
                                reason: format!("{} could not be read: {}", error.id, error.reason),
                            }),
                        });
                    }
                }
            }
        }
        self.summary.docs_read += docs.len();
        if docs.is_empty() {
            return Ok(self.checkpoints());
        }
        Ok(Step::BulkDocs(BulkDocsRequest { docs, new_edits: false }))
    }

    fn checkpoints(&self) -> Step {
        let seq = self
            .batch
            .as_ref()
            .map_or(self.summary.last_seq.clone(), |(seq, _)| seq.clone());
        let next = |previous: Option<&Checkpoint>| {
            Checkpoint::next(&self.replication_id, previous, &self.session_id, seq.clone())
        };
        Step::WriteCheckpoints {
            source: next(self.source_checkpoint.as_ref()),
            target: next(self.target_checkpoint.as_ref()),
        }
    }
}

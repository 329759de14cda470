//! One sync: this device's changes noted, pushed to the team's database, the others' pulled
//! back — each a replication the core's state machine plans step by step, this file making each
//! step with the server (`http`) or the store. A pulled batch is applied, with its notes, in
//! one transaction, or not at all; its checkpoint is written only after, so a sync broken off
//! anywhere starts again from the last batch that arrived whole.

use super::http::{Server, sleep};
use super::join;
use super::note::{Bases, note_changes};
use super::team_key;
use crate::state::AppState;
use crate::store::{self, SyncNotes};
use leptos::prelude::*;
use redress_core::sync::arrive::{conflicted, take_in};
use redress_core::sync::checkpoint::{Checkpoint, checkpoint_id, replication_id};
use redress_core::sync::diff::{RevsDiffResponse, revs_diff};
use redress_core::sync::local::{changes, seq_number};
use redress_core::sync::plan::{BATCH, Failure, Replication, Reply, Step, Summary};
use redress_core::sync::settings as team_settings;
use redress_core::sync::team::encode_part;
use redress_core::sync::wire::{BulkDocsItem, BulkGetResponse, BulkGetResult, ChangesResponse, DbInfo};

/// What a sync did.
#[derive(Debug, Default)]
pub struct Done {
    pub sent: usize,
    pub received: usize,
    /// Records changed on two devices, waiting for a person.
    pub conflicts: Vec<String>,
    /// Whether the team's settings were changed on two devices.
    pub settings_conflict: bool,
    /// Every document from the server set aside, not taken in, by id, with why.
    pub set_aside: Vec<(String, String)>,
    pub refused: Vec<BulkDocsItem>,
}

/// Why a sync stopped.
#[derive(Debug)]
pub enum Stop {
    /// No answer from the server; `waiting` documents changed here and not yet sent.
    Offline { waiting: usize },
    /// A record was saved here after sync noted this device's changes: nothing that arrived was
    /// kept, and the next sync notes it first.
    ChangedMeanwhile,
    /// The server's answer, or none.
    Server(Failure),
    /// This device's storage refused a write, or sync cannot go on here, in words.
    Here(String),
    /// The team's records are encrypted end to end and this device needs the team passphrase:
    /// to `make` the team's key (the team's first device), or to open it (`wrong` when the one
    /// typed did not).
    TeamPassphrase { make: bool, wrong: bool },
}

impl Stop {
    pub fn words(&self) -> String {
        match self {
            Stop::Offline { .. } => Failure::Unreachable.words(),
            Stop::ChangedMeanwhile => {
                "A record changed on this device while it synced; the next sync takes both versions in.".into()
            }
            Stop::Server(failure) => failure.words(),
            Stop::Here(words) => words.clone(),
            Stop::TeamPassphrase { wrong: true, .. } => "That team passphrase does not open the team’s key.".into(),
            Stop::TeamPassphrase { .. } => "Enter the team passphrase.".into(),
        }
    }
}

/// Which way a replication goes.
#[derive(Clone, Copy, PartialEq)]
enum Way {
    Push,
    Pull,
}

/// One whole sync: note, push, pull. `team_passphrase` is the one the person has just typed, if
/// the team's key must be made or opened.
pub async fn sync_once(server: &Server, state: AppState, team_passphrase: Option<&str>) -> Result<Done, Stop> {
    let mut server = server.clone();
    let mut notes = store::read_sync().await.map_err(|e| Stop::Here(e.to_string()))?;
    if !notes.unreadable.is_empty() {
        return Err(Stop::Here(format!(
            "{} of team sync’s notes on this device could not be read; nothing was synced.",
            notes.unreadable.len()
        )));
    }
    let device = format!("redress-device:{}", notes.device);
    let pulled_whole = pulled_whole(&server, &notes);
    // Noted first, offline too: so the status can say how many changes wait to be sent.
    let (mut bases, settings_held) = note_changes(&mut notes, pulled_whole).await?;
    // Reachable, signed in, and the database there.
    match server.json::<DbInfo>("GET", "", None::<&()>).await {
        Ok(_) => {}
        Err(Failure::Unreachable) => {
            return Err(Stop::Offline {
                waiting: waiting(&server, &notes, &device).await,
            });
        }
        Err(other) => return Err(Stop::Server(other)),
    };
    // Encrypted end to end, or plain: as the team is, and this device's lock allows.
    let key = match team_key::prepare(&server, &mut notes, team_passphrase).await {
        Err(Stop::Server(Failure::Unreachable)) => {
            return Err(Stop::Offline {
                waiting: waiting(&server, &notes, &device).await,
            });
        }
        other => other?,
    };
    server.use_team_key(key);
    let server = &server;
    let sent = sent(server, &notes, &device).await;
    join::adopt_known(server, &mut notes, sent).await?;
    // Without a tag (the server refused the claim, or is busy) nothing is lost: references are
    // counted as before, and the claim is tried again at the next sync.
    let _ = join::claim_tag(server, &notes, state).await;
    let mut done = Done::default();
    let outcome = replicate_both(server, &mut notes, &mut bases, state, &device, &mut done).await;
    if let Err(Stop::Server(Failure::Unreachable)) = outcome {
        // The connection went, and did not come back while sync waited.
        return Err(Stop::Offline {
            waiting: waiting(server, &notes, &device).await,
        });
    }
    outcome?;
    if settings_held {
        // The team's first device: its settings were held back until a whole pull showed the
        // database has none, which it just did. Sent now, not at the next sync.
        let (_, still_held) = note_changes(&mut notes, true).await?;
        if !still_held {
            let push = replicate(server, &mut notes, &mut bases, state, Way::Push, &device).await?;
            done.sent += push.docs_written;
        }
    }
    done.conflicts = conflicted(&notes.docs);
    done.settings_conflict = redress_core::sync::arrive::settings_conflicted(&notes.docs);
    Ok(done)
}

/// Whether a pull from this server has read it to its end on this device.
fn pulled_whole(server: &Server, notes: &SyncNotes) -> bool {
    notes.pulled.as_deref() == Some(server.address())
}

/// Push, then pull.
async fn replicate_both(
    server: &Server,
    notes: &mut SyncNotes,
    bases: &mut Bases,
    state: AppState,
    device: &str,
    done: &mut Done,
) -> Result<(), Stop> {
    let push = replicate(server, notes, bases, state, Way::Push, device).await?;
    done.sent = push.docs_written;
    done.refused = push.refused;
    replicate(server, notes, bases, state, Way::Pull, device).await?;
    // What a person would count: records, assessments, deletions and the settings taken in (not
    // device claims, nor a version that changed nothing here).
    done.received = bases.taken_in;
    if notes.pulled.as_deref() != Some(server.address()) {
        store::write_pulled(server.address())
            .await
            .map_err(|e| Stop::Here(format!("Team sync could not keep its notes: {e}.")))?;
        notes.pulled = Some(server.address().to_string());
    }
    if notes.set_aside.schema != redress_core::exchange::SCHEMA_VERSION {
        notes.set_aside.read_whole();
        store::write_set_aside(&notes.set_aside)
            .await
            .map_err(|e| Stop::Here(format!("Team sync could not keep its notes: {e}.")))?;
    }
    done.set_aside = notes.set_aside.docs.clone().into_iter().collect();
    Ok(())
}

/// This device's change number that the last push to the server reached.
pub(super) async fn sent(server: &Server, notes: &SyncNotes, device: &str) -> u64 {
    let push = replication_id(device, server.address(), &notes.device);
    store::read_checkpoint(&checkpoint_id(&push))
        .await
        .ok()
        .flatten()
        .map_or(0, |checkpoint| seq_number(&checkpoint.source_last_seq))
}

/// How many documents changed here after the last push that reached the server.
async fn waiting(server: &Server, notes: &SyncNotes, device: &str) -> usize {
    let sent = sent(server, notes, device).await;
    notes.docs.values().filter(|local| local.seq > sent).count()
}

/// Drives one replication to its end.
async fn replicate(
    server: &Server,
    notes: &mut SyncNotes,
    bases: &mut Bases,
    state: AppState,
    way: Way,
    device: &str,
) -> Result<Summary, Stop> {
    let (source, target) = match way {
        Way::Push => (device, server.address()),
        Way::Pull => (server.address(), device),
    };
    let id = replication_id(source, target, &notes.device);
    let session = uuid::Uuid::new_v4().to_string();
    let (mut replication, mut step) = Replication::start(&id, &session, BATCH);
    loop {
        let reply = match step {
            Step::Done(summary) => return Ok(summary),
            Step::Stopped { why, .. } => return Err(Stop::Server(why)),
            Step::Retry {
                after_ms,
                step: ref again,
            } => {
                sleep(after_ms).await;
                make(server, notes, bases, state, way, again).await?
            }
            ref other => make(server, notes, bases, state, way, other).await?,
        };
        step = replication.next(reply);
    }
}

/// Makes one step: with the server on its side, with the store on this device's.
async fn make(
    server: &Server,
    notes: &mut SyncNotes,
    bases: &mut Bases,
    state: AppState,
    way: Way,
    step: &Step,
) -> Result<Reply, Stop> {
    let on_server = |result: Result<Reply, Failure>| Ok(result.unwrap_or_else(Reply::Failed));
    match (step, way) {
        (Step::ReadCheckpoints { doc_id }, _) => {
            let here = store::read_checkpoint(doc_id)
                .await
                .map_err(|e| Stop::Here(e.to_string()))?
                // With none here, the pull reads the server's changes from the beginning.
                .filter(|_| !(way == Way::Pull && notes.set_aside.read_again()));
            let there = match server.maybe::<Checkpoint>(&Server::local_path(doc_id)).await {
                Ok(there) => there,
                Err(failure) => return Ok(Reply::Failed(failure)),
            };
            let (source, target) = match way {
                Way::Push => (here, there),
                Way::Pull => (there, here),
            };
            Ok(Reply::Checkpoints { source, target })
        }
        (Step::Changes { since, limit }, Way::Push) => Ok(Reply::Changes(changes(
            notes.docs.iter().map(|(id, local)| (id.as_str(), local)),
            seq_number(since),
            *limit,
        ))),
        (Step::Changes { since, limit }, Way::Pull) => {
            let path = format!(
                "/_changes?style=all_docs&since={}&limit={limit}",
                encode_part(&since.to_string())
            );
            on_server(
                server
                    .json::<ChangesResponse>("GET", &path, None::<&()>)
                    .await
                    .map(Reply::Changes),
            )
        }
        (Step::RevsDiff(request), Way::Push) => on_server(
            server
                .json::<RevsDiffResponse>("POST", "/_revs_diff", Some(request))
                .await
                .map(Reply::RevsDiff),
        ),
        (Step::RevsDiff(request), Way::Pull) => Ok(Reply::RevsDiff(revs_diff(request, |id| {
            notes.docs.get(id).map(|local| &local.tree)
        }))),
        (Step::BulkGet(request), Way::Push) => {
            let mut results: Vec<BulkGetResult> = Vec::new();
            for item in &request.docs {
                let doc = match notes.docs.get(&item.id) {
                    Some(local) => local.get(&item.id, &item.rev),
                    None => redress_core::sync::wire::BulkGetDoc::Missing(item.rev.to_string()),
                };
                results.push(BulkGetResult {
                    id: item.id.clone(),
                    docs: vec![doc],
                });
            }
            Ok(Reply::BulkGet(BulkGetResponse { results }))
        }
        (Step::BulkGet(request), Way::Pull) => on_server(server.bulk_get(request).await.map(Reply::BulkGet)),
        (Step::BulkDocs(request), Way::Push) => {
            on_server(server.bulk_docs(request).await.map(|refused| Reply::Written {
                refused,
                set_aside: Vec::new(),
            }))
        }
        (Step::BulkDocs(request), Way::Pull) => take_batch(notes, bases, state, request).await,
        (Step::WriteCheckpoints { source, target }, _) => write_checkpoints(server, way, source, target).await,
        (Step::Retry { .. } | Step::Done(_) | Step::Stopped { .. }, _) => Ok(Reply::Failed(Failure::OutOfTurn)),
    }
}

/// A pulled batch taken in: into a copy of the notes, which change only once the store has
/// taken the batch and its notes, in one transaction.
async fn take_batch(
    notes: &mut SyncNotes,
    bases: &mut Bases,
    state: AppState,
    request: &redress_core::sync::wire::BulkDocsRequest,
) -> Result<Reply, Stop> {
    let mut docs = notes.docs.clone();
    let mut seq = notes.seq;
    let arrived = take_in(&mut docs, &request.docs, &mut seq);
    let noted: Vec<(&str, &redress_core::sync::local::Local)> = arrived
        .noted
        .iter()
        .filter_map(|id| docs.get(id).map(|local| (id.as_str(), local)))
        .collect();
    let mut set_aside = notes.set_aside.clone();
    set_aside.after_batch(&arrived.noted, &arrived.set_aside);
    let mut entries = store::sync_entries(&noted, seq);
    entries.push(store::set_aside_entry(&set_aside));
    let written: Vec<String> = arrived
        .apply
        .records
        .iter()
        .map(|r| r.id.clone())
        .chain(arrived.apply.assessments.iter().map(|a| a.id.clone()))
        .collect();
    let taken_in = arrived.apply.records.len()
        + arrived.apply.assessments.len()
        + arrived.apply.delete.len()
        + usize::from(arrived.settings.is_some());
    let settings = match arrived.settings {
        Some(team) => {
            let here = state.settings.get_untracked();
            if here != bases.settings {
                // The settings were changed here since they were noted: noted first, next time.
                return Err(Stop::ChangedMeanwhile);
            }
            Some(team_settings::taken_in(team, &here))
        }
        None => None,
    };
    state
        .apply_sync(arrived.apply, settings.clone(), entries, &bases.revisions)
        .await
        .map_err(|e| match e {
            // Saved here after sync noted this device's changes: the next sync notes it first.
            store::SaveError::Conflict => Stop::ChangedMeanwhile,
            e => Stop::Here(format!(
                "What arrived could not be kept on this device: {e}. Nothing of it was kept; the next sync tries again."
            )),
        })?;
    for id in written {
        bases.revisions.insert(id.clone(), state.revision(&id));
    }
    if let Some(settings) = settings {
        bases.settings = settings;
    }
    bases.taken_in += taken_in;
    notes.docs = docs;
    notes.seq = seq;
    notes.set_aside = set_aside;
    Ok(Reply::Written {
        refused: Vec::new(),
        set_aside: arrived.set_aside,
    })
}

/// Both checkpoints written: this side's in the store, the server's as its `_local` document.
async fn write_checkpoints(server: &Server, way: Way, source: &Checkpoint, target: &Checkpoint) -> Result<Reply, Stop> {
    #[derive(serde::Deserialize)]
    struct Put {
        rev: String,
    }
    let (here, there) = match way {
        Way::Push => (source, target),
        Way::Pull => (target, source),
    };
    let here_rev = store::write_checkpoint(here)
        .await
        .map_err(|e| Stop::Here(e.to_string()))?;
    let there_rev = match server
        .json::<Put>("PUT", &Server::local_path(&there.id), Some(there))
        .await
    {
        Ok(put) => put.rev,
        Err(failure) => return Ok(Reply::Failed(failure)),
    };
    let (source_rev, target_rev) = match way {
        Way::Push => (here_rev, there_rev),
        Way::Pull => (there_rev, here_rev),
    };
    Ok(Reply::CheckpointsWritten {
        source_rev: Some(source_rev),
        target_rev: Some(target_rev),
    })
}

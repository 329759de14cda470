//! Team sync through CouchDB: the rules of the replication protocol as plain functions over
//! plain data, so the app only moves bytes (with `fetch`) and its store keeps what these give.
//!
//! - [`adopt`]: a version noted here that the server already holds, equal, takes its history.
//! - [`arrive`]: what a sync changes on this device: its own changes noted, a pulled batch taken in.
//! - [`rev`]: revisions (`N-hash`), `_revisions` as a path, and a new revision minted here.
//! - [`tree`]: a document's revision tree: merging a path, leaves, the winner, conflicts.
//! - [`edit`]: an edit, a deletion and a conflict's resolution written on this device.
//! - [`diff`]: `_revs_diff`: which offered revisions this side lacks.
//! - [`local`]: this device's side: a document's tree and leaves kept, its changes feed.
//! - [`checkpoint`]: the `_local` checkpoints, the replication id, where to resume.
//! - [`plan`]: one replication as steps the app makes, with retries after a growing wait.
//! - [`wire`]: CouchDB's JSON: the changes feed, `_bulk_get`, `_bulk_docs`, a document.
//! - [`receive`]: a document read from the server, applied or set aside by its id.
//! - [`reference`](mod@reference): human references that stay unique across a team's devices.
//! - [`settings`]: the team's shared settings, one document, taken in keeping what is this device's.
//! - [`team_key`]: end-to-end encryption for a locked team: the team key and the rule for a device.
//! - [`team`]: where a device syncs, what it changed since it last looked, the status line.
//!
//! The protocol is apache/couchdb's `src/docs/src/replication/protocol.rst`; PouchDB
//! (`pouchdb-merge`, `pouchdb-checkpointer`, `pouchdb-replication`) is the client these rules were
//! learnt from.

pub mod adopt;
pub mod arrive;
pub mod checkpoint;
pub mod diff;
pub mod edit;
pub mod local;
pub mod plan;
pub mod receive;
pub mod reference;
pub mod rev;
pub mod settings;
pub mod team;
pub mod team_key;
pub mod tree;
pub mod wire;

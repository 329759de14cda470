//! Where a replication stopped, kept on both sides as a `_local/{replication id}` document
//! (never replicated itself): the session that wrote it, the last source sequence copied, and
//! the sessions before (five, as PouchDB keeps). A replication resumes from the newest session
//! both sides recorded; when they share none it starts again from the beginning, which is slower
//! but loses nothing (every revision the target already has is skipped by `_revs_diff`).

use super::wire::Seq;
use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};

/// How many earlier sessions a checkpoint keeps.
pub const HISTORY: usize = 5;

/// A checkpoint document, in CouchDB's names (PouchDB's `last_seq` is read as well).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    #[serde(rename = "_id")]
    pub id: String,
    /// The `_local` document's own revision (`0-N`), needed to write over it.
    #[serde(rename = "_rev", default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    pub session_id: String,
    #[serde(alias = "last_seq")]
    pub source_last_seq: Seq,
    #[serde(default)]
    pub history: Vec<Session>,
}

/// One session in a checkpoint's history, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub session_id: String,
    #[serde(alias = "last_seq")]
    pub recorded_seq: Seq,
}

/// The replication id: the same for the same source, target and device, whatever the time, so
/// a device finds its own checkpoints again; another device's, or the other direction's, is
/// another id. The MD5 of the three, in hex (as CouchDB's ids are); a trailing `/` of an address
/// does not count.
pub fn replication_id(source: &str, target: &str, device: &str) -> String {
    let mut hasher = Md5::new();
    for part in [
        "redress-replication-1",
        source.trim_end_matches('/'),
        target.trim_end_matches('/'),
        device,
    ] {
        hasher.update(part.as_bytes());
        hasher.update(b"\n");
    }
    hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The id of the checkpoint document of `replication_id`.
pub fn checkpoint_id(replication_id: &str) -> String {
    format!("_local/{replication_id}")
}

impl Checkpoint {
    /// Every session it records, newest first, with the sequence each reached.
    fn sessions(&self) -> impl Iterator<Item = (&str, &Seq)> {
        std::iter::once((self.session_id.as_str(), &self.source_last_seq))
            .chain(self.history.iter().map(|s| (s.session_id.as_str(), &s.recorded_seq)))
    }

    /// The checkpoint after `session_id` reached `seq`, written over `previous` (this side's
    /// last, if any): the session goes first in the history (once, however often it
    /// checkpoints) and only the [`HISTORY`] newest stay.
    pub fn next(replication_id: &str, previous: Option<&Checkpoint>, session_id: &str, seq: Seq) -> Checkpoint {
        let mut history = vec![Session {
            session_id: session_id.to_string(),
            recorded_seq: seq.clone(),
        }];
        if let Some(previous) = previous {
            history.extend(previous.history.iter().filter(|s| s.session_id != session_id).cloned());
        }
        history.truncate(HISTORY);
        Checkpoint {
            id: checkpoint_id(replication_id),
            rev: previous.and_then(|p| p.rev.clone()),
            session_id: session_id.to_string(),
            source_last_seq: seq,
            history,
        }
    }
}

/// Where to resume, from the checkpoints read from the source and the target (`None` where
/// there was none): the source's sequence of the newest session both recorded — their last
/// session when it is the same — or the start of the feed.
pub fn resume_from(source: Option<&Checkpoint>, target: Option<&Checkpoint>) -> Seq {
    let (Some(source), Some(target)) = (source, target) else {
        return Seq::default();
    };
    source
        .sessions()
        .find(|(session, _)| target.sessions().any(|(other, _)| other == *session))
        .map(|(_, seq)| seq.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(previous: Option<&Checkpoint>, session: &str, seq: u64) -> Checkpoint {
        Checkpoint::next("rid", previous, session, Seq::Number(seq))
    }

    #[test]
    fn the_replication_id_is_the_same_for_the_same_three() {
        let id = replication_id("https://couch.example/team/", "local:device-1", "device-1");
        assert_eq!(
            id,
            replication_id("https://couch.example/team", "local:device-1", "device-1")
        );
        assert_eq!(id.len(), 32);
        assert_ne!(
            id,
            replication_id("local:device-1", "https://couch.example/team", "device-1")
        );
        assert_ne!(
            id,
            replication_id("https://couch.example/team", "local:device-2", "device-2")
        );
        assert_eq!(checkpoint_id("abc"), "_local/abc");
    }

    #[test]
    fn the_same_last_session_resumes_where_it_stopped() {
        let cp = after(None, "s1", 7);
        assert_eq!(resume_from(Some(&cp), Some(&cp)), Seq::Number(7));
    }

    #[test]
    fn a_checkpoint_written_on_one_side_only_falls_back_to_the_shared_session() {
        let both = after(None, "s1", 7);
        let source = after(Some(&both), "s2", 12);
        assert_eq!(resume_from(Some(&source), Some(&both)), Seq::Number(7));
        assert_eq!(resume_from(Some(&both), Some(&source)), Seq::Number(7));
    }

    #[test]
    fn no_shared_session_or_no_checkpoint_starts_again() {
        let a = after(None, "s1", 7);
        let b = after(None, "s2", 9);
        assert_eq!(resume_from(Some(&a), Some(&b)), Seq::default());
        assert_eq!(resume_from(None, Some(&b)), Seq::default());
        assert_eq!(resume_from(Some(&a), None), Seq::default());
    }

    #[test]
    fn the_history_keeps_five_sessions_each_once() {
        let mut cp = after(None, "s0", 0);
        for (n, session) in ["s1", "s1", "s2", "s3", "s4", "s5", "s6"].iter().enumerate() {
            cp = after(Some(&cp), session, n as u64 + 1);
        }
        let sessions: Vec<&str> = cp.history.iter().map(|s| s.session_id.as_str()).collect();
        assert_eq!(sessions, ["s6", "s5", "s4", "s3", "s2"]);
        assert_eq!(cp.source_last_seq, Seq::Number(7));
    }

    #[test]
    fn a_checkpoint_reads_couchdb_and_pouchdb_names_and_keeps_its_rev() {
        let couch: Checkpoint = serde_json::from_str(
            r#"{"_id":"_local/x","_rev":"0-3","session_id":"s","source_last_seq":"5-g1","history":[{"session_id":"s","recorded_seq":"5-g1","docs_read":2}],"replication_id_version":3}"#,
        )
        .unwrap();
        assert_eq!(couch.source_last_seq, Seq::Text("5-g1".into()));
        let pouch: Checkpoint = serde_json::from_str(
            r#"{"_id":"_local/x","session_id":"s","last_seq":5,"history":[{"session_id":"s","last_seq":5}]}"#,
        )
        .unwrap();
        assert_eq!(pouch.history[0].recorded_seq, Seq::Number(5));
        assert_eq!(
            Checkpoint::next("x", Some(&couch), "t", Seq::Number(1)).rev.as_deref(),
            Some("0-3")
        );
    }
}

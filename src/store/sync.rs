//! Team sync's notes, kept in their own object store: each team document's revision tree and
//! the bodies of its leaves (`redress_core::sync::local::Local`, under `doc:{id}`), this
//! device's change counter and id, the team's server (never the password), and this side's
//! replication checkpoints (`local:{id}`). What a pull brings in is written with the records it
//! changes, in one transaction ([`super::Batch::sync`]).

use super::idb::{Tx, stores};
use super::{SaveError, database, write_tx};
use redress_core::sync::checkpoint::Checkpoint;
use redress_core::sync::local::Local;
use redress_core::sync::receive::SetAsideNotes;
use redress_core::sync::reference::Claimed;
use redress_core::sync::team::TeamSync;
use std::collections::BTreeMap;

const TEAM: &str = "meta:team";
const DEVICE: &str = "meta:device";
const SEQ: &str = "meta:seq";
const DOC: &str = "doc:";
const CHECKPOINT: &str = "local:";
const SET_ASIDE: &str = "meta:set_aside";
const TAG: &str = "meta:tag";

/// Everything the sync notes hold.
#[derive(Debug, Clone, Default)]
pub struct SyncNotes {
    pub team: Option<TeamSync>,
    /// This device's id in replication ids: made once, kept.
    pub device: String,
    /// This device's change counter: the last number its changes feed gave.
    pub seq: u64,
    /// Each team document this device knows, by its id in the team's database.
    pub docs: BTreeMap<String, Local>,
    /// Documents from the team's database set aside, not taken in.
    pub set_aside: SetAsideNotes,
    /// This device's reference tag, and the database it was claimed in.
    pub tag: Option<Claimed>,
    /// Notes that could not be read, by key: left where they are.
    pub unreadable: Vec<String>,
}

/// The key of a document's notes.
pub fn doc_key(id: &str) -> String {
    format!("{DOC}{id}")
}

/// Reads the notes whole.
pub async fn read_sync() -> Result<SyncNotes, SaveError> {
    let db = database().await?;
    let tx = Tx::read(&db, &[stores::SYNC])?;
    let all = tx.store(stores::SYNC)?.all().await?;
    tx.done().await?;
    let mut notes = SyncNotes::default();
    for (key, value) in all {
        let text = value.as_string().unwrap_or_default();
        if let Some(id) = key.strip_prefix(DOC) {
            match serde_json::from_str::<Local>(&text) {
                Ok(local) => {
                    notes.docs.insert(id.to_string(), local);
                }
                Err(_) => notes.unreadable.push(key),
            }
        } else if key == TEAM {
            notes.team = serde_json::from_str(&text).ok();
        } else if key == DEVICE {
            notes.device = text;
        } else if key == SEQ {
            notes.seq = text.parse().unwrap_or(0);
        } else if key == TAG {
            notes.tag = serde_json::from_str(&text).ok();
        } else if key == SET_ASIDE {
            // Unreadable, it is as if nothing were set aside: the next one is noted again.
            notes.set_aside = serde_json::from_str(&text).unwrap_or_default();
        }
    }
    Ok(notes)
}

/// Whether team sync is set up on this device.
pub async fn sync_in_use() -> Result<bool, SaveError> {
    let db = database().await?;
    let tx = Tx::read(&db, &[stores::SYNC])?;
    let team = tx.store(stores::SYNC)?.get(TEAM).await?;
    tx.done().await?;
    Ok(team.is_some())
}

/// Forgets what was synced (before the lock is set: the notes hold the records' text, which the
/// lock does not cover). Nothing is lost: the team's database keeps every version, and a device
/// set up again sends and brings back what differs.
pub async fn forget_notes() -> Result<(), SaveError> {
    let db = database().await?;
    let tx = write_tx(&db, &[stores::SYNC], false).await?;
    let outcome = tx.store(stores::SYNC).and_then(|store| store.clear()).map(|_| ());
    if outcome.is_err() {
        tx.abort();
    }
    let done = tx.done().await;
    outcome?;
    done?;
    Ok(())
}

/// The notes' entries for `docs` and the counter, as [`super::Batch::sync`] writes them.
pub fn sync_entries(docs: &[(&str, &Local)], seq: u64) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = docs
        .iter()
        .map(|(id, local)| (doc_key(id), serde_json::to_string(local).unwrap_or_default()))
        .collect();
    out.push((SEQ.into(), seq.to_string()));
    out
}

/// The notes' entry for what is set aside, as [`super::Batch::sync`] writes it.
pub fn set_aside_entry(set_aside: &SetAsideNotes) -> (String, String) {
    (SET_ASIDE.into(), serde_json::to_string(set_aside).unwrap_or_default())
}

/// Keeps what is set aside.
pub async fn write_set_aside(set_aside: &SetAsideNotes) -> Result<(), SaveError> {
    put_many(vec![set_aside_entry(set_aside)]).await
}

/// Keeps the reference tag this device claimed.
pub async fn write_tag(claimed: &Claimed) -> Result<(), SaveError> {
    put_many(vec![(TAG.into(), serde_json::to_string(claimed).unwrap_or_default())]).await
}

/// Writes some documents' notes and the counter, in one transaction.
pub async fn write_docs(docs: &[(&str, &Local)], seq: u64) -> Result<(), SaveError> {
    put_many(sync_entries(docs, seq)).await
}

async fn put_many(entries: Vec<(String, String)>) -> Result<(), SaveError> {
    let db = database().await?;
    let tx = write_tx(&db, &[stores::SYNC], false).await?;
    let outcome = (|| {
        let store = tx.store(stores::SYNC)?;
        for (key, text) in &entries {
            store.put(key, text)?;
        }
        Ok::<(), SaveError>(())
    })();
    if outcome.is_err() {
        tx.abort();
    }
    let done = tx.done().await;
    outcome?;
    done?;
    Ok(())
}

/// Keeps where this device syncs (or forgets it, keeping every document's notes), and makes
/// the device's id the first time.
pub async fn save_team(team: Option<&TeamSync>) -> Result<String, SaveError> {
    let notes = read_sync().await?;
    let device = if notes.device.is_empty() {
        uuid::Uuid::new_v4().to_string()
    } else {
        notes.device
    };
    let db = database().await?;
    let tx = write_tx(&db, &[stores::SYNC], false).await?;
    let outcome = (|| {
        let store = tx.store(stores::SYNC)?;
        store.put(DEVICE, &device)?;
        match team {
            Some(team) => store.put(TEAM, &serde_json::to_string(team).unwrap_or_default())?,
            None => store.delete(TEAM)?,
        };
        Ok::<(), SaveError>(())
    })();
    if outcome.is_err() {
        tx.abort();
    }
    let done = tx.done().await;
    outcome?;
    done?;
    Ok(device)
}

/// This side's checkpoint of a replication (`_local/{id}`), if it has one.
pub async fn read_checkpoint(doc_id: &str) -> Result<Option<Checkpoint>, SaveError> {
    let db = database().await?;
    let tx = Tx::read(&db, &[stores::SYNC])?;
    let text = tx.store(stores::SYNC)?.get(&format!("{CHECKPOINT}{doc_id}")).await?;
    tx.done().await?;
    Ok(text.and_then(|text| serde_json::from_str(&text).ok()))
}

/// Keeps this side's checkpoint of a replication. Gives its new `_rev` (this side counts them).
pub async fn write_checkpoint(checkpoint: &Checkpoint) -> Result<String, SaveError> {
    let n = checkpoint
        .rev
        .as_deref()
        .and_then(|rev| rev.strip_prefix("0-"))
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0);
    let rev = format!("0-{}", n + 1);
    let mut kept = checkpoint.clone();
    kept.rev = Some(rev.clone());
    put_many(vec![(
        format!("{CHECKPOINT}{}", checkpoint.id),
        serde_json::to_string(&kept).unwrap_or_default(),
    )])
    .await?;
    Ok(rev)
}

//! Team sync's notes, kept in their own object store: each team document's revision tree and
//! the bodies of its leaves (`redress_core::sync::local::Local`, under `doc:{id}`), this
//! device's change counter and id, the team's server (never the password), and this side's
//! replication checkpoints (`local:{id}`). What a pull brings in is written with the records it
//! changes, in one transaction ([`super::Batch::sync`]).
//!
//! The notes hold the text of every record synced, so with the lock set they are sealed like
//! every other stored value (`super::sealed`), and opened as they are read.

use super::idb::{Tx, stores};
use super::{SaveError, database, sealed, write_tx};
use redress_core::sync::checkpoint::Checkpoint;
use redress_core::sync::local::Local;
use redress_core::sync::receive::SetAsideNotes;
use redress_core::sync::reference::Claimed;
use redress_core::sync::team::TeamSync;
use redress_core::sync::team_key::KeptTeamKey;
use std::collections::BTreeMap;

const TEAM: &str = "meta:team";
const DEVICE: &str = "meta:device";
const SEQ: &str = "meta:seq";
const DOC: &str = "doc:";
const CHECKPOINT: &str = "local:";
const SET_ASIDE: &str = "meta:set_aside";
const TAG: &str = "meta:tag";
pub(super) const TEAM_KEY: &str = "meta:team_key";
const PULLED: &str = "meta:pulled";

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
    /// The team key, when the team's records are encrypted end to end (kept only sealed).
    pub team_key: Option<KeptTeamKey>,
    /// The database a pull last read to its end.
    pub pulled: Option<String>,
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
    let all = all
        .into_iter()
        .map(|(key, value)| (key, value.as_string().unwrap_or_default()))
        .collect();
    let mut notes = SyncNotes::default();
    for (key, opened) in sealed::open_many(stores::SYNC, all).await {
        let Ok(text) = opened else {
            notes.unreadable.push(key);
            continue;
        };
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
        } else if key == PULLED {
            notes.pulled = Some(text);
        } else if key == TEAM_KEY {
            notes.team_key = serde_json::from_str(&text).ok();
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

/// Keeps the team key. Refused without the lock: the key would be kept in the clear.
pub async fn write_team_key(kept: &KeptTeamKey) -> Result<(), SaveError> {
    if !sealed::lock_set() {
        return Err(SaveError::Blocked(
            "the team key is kept only on a locked device".into(),
        ));
    }
    put_many(vec![(TEAM_KEY.into(), serde_json::to_string(kept).unwrap_or_default())]).await
}

/// Notes that a pull read the database at `address` to its end.
pub async fn write_pulled(address: &str) -> Result<(), SaveError> {
    put_many(vec![(PULLED.into(), address.to_string())]).await
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
    let locked = sealed::lock_set();
    let entries = seal_entries(entries).await?;
    let db = database().await?;
    let tx = write_tx(&db, &[stores::SYNC], locked).await?;
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

/// The notes' entries as stored: sealed when the lock is set (before any transaction opens).
pub(super) async fn seal_entries(entries: Vec<(String, String)>) -> Result<Vec<(String, String)>, SaveError> {
    let keys: Vec<String> = entries.iter().map(|(key, _)| key.clone()).collect();
    let texts = sealed::seal_many(
        entries
            .into_iter()
            .map(|(key, text)| (stores::SYNC, key, 0, text))
            .collect(),
    )
    .await?;
    Ok(keys.into_iter().zip(texts).collect())
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
    let locked = sealed::lock_set();
    let mut entries = vec![(DEVICE.to_string(), device.clone())];
    if let Some(team) = team {
        entries.push((TEAM.to_string(), serde_json::to_string(team).unwrap_or_default()));
    }
    let entries = seal_entries(entries).await?;
    let db = database().await?;
    let tx = write_tx(&db, &[stores::SYNC], locked).await?;
    let outcome = (|| {
        let store = tx.store(stores::SYNC)?;
        for (key, text) in &entries {
            store.put(key, text)?;
        }
        if team.is_none() {
            store.delete(TEAM)?;
        }
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
    let key = format!("{CHECKPOINT}{doc_id}");
    let db = database().await?;
    let tx = Tx::read(&db, &[stores::SYNC])?;
    let text = tx.store(stores::SYNC)?.get(&key).await?;
    tx.done().await?;
    let Some(text) = text else { return Ok(None) };
    // One that cannot be opened is as none: the replication starts from the beginning.
    Ok(sealed::open(stores::SYNC, &key, text)
        .await
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok()))
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

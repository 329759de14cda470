//! End-to-end encryption for a locked team (`redress_core::sync::team_key`): before a sync, the
//! team key is made, opened with the team passphrase, or taken from the sync notes, as the core's
//! rule decides; during it, every body is encrypted on its way to the server and opened on its way
//! back, so the server only ever holds ciphertext.

use super::http::Server;
use super::run::Stop;
use crate::crypto::{self, CryptoError};
use crate::store::{self, SyncNotes};
use redress_core::lock::{Kdf, decode, encode};
use redress_core::sync::plan::Failure;
use redress_core::sync::team_key::{
    BOUND_TO, Decision, KeptTeamKey, TeamKeyDoc, bound_to, came_plain, decide, sealed_body, sealed_for_team, sealed_of,
};
use redress_core::sync::wire::{BulkGetDoc, BulkGetResponse, Doc};
use serde_json::{Map, Value};
use web_sys::CryptoKey;

fn failed(error: CryptoError) -> Stop {
    Stop::Here(format!("The team’s key could not be used on this device: {error}."))
}

/// How many of Redress's records, assessments, deletions and settings the database holds (not
/// design documents, device claims or anything else): asked only when a locked device finds no
/// team key there.
async fn redress_documents(server: &Server) -> Result<u64, Stop> {
    #[derive(serde::Deserialize)]
    struct Row {
        id: String,
    }
    #[derive(serde::Deserialize)]
    struct AllDocs {
        rows: Vec<Row>,
    }
    let listed = server
        .json::<AllDocs>("GET", "/_all_docs", None::<&()>)
        .await
        .map_err(Stop::Server)?;
    Ok(redress_core::sync::team_key::holding_records(
        listed.rows.iter().map(|row| row.id.as_str()),
    ))
}

/// The team key for this sync, or `None` for a plain team. `passphrase` is the team passphrase
/// if the person has just typed it.
pub async fn prepare(
    server: &Server,
    notes: &mut SyncNotes,
    passphrase: Option<&str>,
) -> Result<Option<CryptoKey>, Stop> {
    let on_server = match server
        .maybe::<Map<String, Value>>(&Server::doc_path(redress_core::sync::team_key::DOC_ID))
        .await
    {
        Ok(body) => body,
        Err(failure) => return Err(Stop::Server(failure)),
    };
    let on_server = match on_server.as_ref().map(TeamKeyDoc::read) {
        None => None,
        Some(Ok(doc)) => Some(doc),
        Some(Err(problem)) => return Err(Stop::Here(format!("Team sync stopped: {}.", problem.message))),
    };
    let locked = store::lock_set();
    let documents = if locked && on_server.is_none() {
        redress_documents(server).await?
    } else {
        0
    };
    let decision = decide(
        locked,
        on_server.as_ref(),
        notes.team_key.as_ref(),
        server.address(),
        documents,
    );
    match (decision, on_server, passphrase) {
        (Decision::Plain, _, _) => Ok(None),
        (Decision::Refuse(words), _, _) => Err(Stop::Here(words)),
        (Decision::UseKept, _, _) => {
            let kept = notes.team_key.as_ref().map(|kept| kept.raw.clone()).unwrap_or_default();
            let raw = decode(&kept, "team key").map_err(|p| Stop::Here(p.message))?;
            Ok(Some(crypto::import_raw(&raw).await.map_err(failed)?))
        }
        (Decision::OpenTeamKey, _, None) => Err(Stop::TeamPassphrase {
            make: false,
            wrong: false,
        }),
        (Decision::MakeTeamKey, _, None) => Err(Stop::TeamPassphrase {
            make: true,
            wrong: false,
        }),
        (Decision::OpenTeamKey, Some(doc), Some(passphrase)) => {
            let salt = doc.kdf.checked_salt().map_err(|p| Stop::Here(p.message))?;
            let wrapping = crypto::passphrase_key(passphrase, &doc.kdf, &salt)
                .await
                .map_err(failed)?;
            let key = match crypto::unwrap(&doc.wrapped, &wrapping, BOUND_TO, true).await {
                Ok(key) => key,
                Err(CryptoError::NotOpened) => {
                    return Err(Stop::TeamPassphrase {
                        make: false,
                        wrong: true,
                    });
                }
                Err(other) => return Err(failed(other)),
            };
            keep(server, notes, &doc.key_id, &key).await
        }
        (Decision::MakeTeamKey, _, Some(passphrase)) => {
            let key = crypto::new_team_key().await.map_err(failed)?;
            let salt = crypto::new_salt().map_err(failed)?;
            let kdf = Kdf::new(&salt);
            let wrapping = crypto::passphrase_key(passphrase, &kdf, &salt).await.map_err(failed)?;
            let wrapped = crypto::wrap(&key, &wrapping, BOUND_TO).await.map_err(failed)?;
            let key_id = uuid::Uuid::new_v4().to_string();
            let doc = TeamKeyDoc::new(&key_id, kdf, wrapped);
            match server
                .json::<Value>(
                    "PUT",
                    &Server::doc_path(redress_core::sync::team_key::DOC_ID),
                    Some(&doc),
                )
                .await
            {
                Ok(_) => {}
                // Another device made the team's key a moment before: this one opens it.
                Err(Failure::Status { status: 409, .. }) => return Err(Stop::ChangedMeanwhile),
                Err(other) => return Err(Stop::Server(other)),
            }
            keep(server, notes, &key_id, &key).await
        }
        (Decision::OpenTeamKey, None, Some(_)) => Err(Stop::ChangedMeanwhile),
    }
}

/// Keeps the team key in the sync notes (sealed by the lock), and gives it as this device works
/// with it: not extractable.
async fn keep(
    server: &Server,
    notes: &mut SyncNotes,
    key_id: &str,
    key: &CryptoKey,
) -> Result<Option<CryptoKey>, Stop> {
    let raw = crypto::export_raw(key).await.map_err(failed)?;
    let kept = KeptTeamKey {
        database: server.address().to_string(),
        key_id: key_id.to_string(),
        raw: encode(&raw),
    };
    store::write_team_key(&kept)
        .await
        .map_err(|e| Stop::Here(format!("The team’s key could not be kept on this device: {e}.")))?;
    notes.team_key = Some(kept);
    Ok(Some(crypto::import_raw(&raw).await.map_err(failed)?))
}

/// Each document's body encrypted under the team key, bound to its id.
pub async fn seal_docs(key: &CryptoKey, docs: &mut [Doc]) -> Result<(), Failure> {
    let places: Vec<usize> = (0..docs.len())
        .filter(|&n| sealed_for_team(&docs[n].id, &docs[n].body))
        .collect();
    let jobs = places
        .iter()
        .map(|&n| {
            let text = Value::Object(docs[n].body.clone()).to_string();
            let rev = docs[n].rev.as_ref().map(ToString::to_string).unwrap_or_default();
            (text.into_bytes(), bound_to(&docs[n].id, &rev))
        })
        .collect();
    let sealed = crypto::encrypt_many(key, jobs).await.map_err(|_| Failure::OutOfTurn)?;
    for (n, encrypted) in places.into_iter().zip(sealed) {
        docs[n].body = sealed_body(&encrypted);
    }
    Ok(())
}

/// Each document read opened with the team key; one that does not open stays as it came, and one
/// that came unencrypted is marked so: the core sets either aside with its reason.
pub async fn open_docs(key: &CryptoKey, got: &mut BulkGetResponse) {
    let mut places = Vec::new();
    let mut jobs = Vec::new();
    for (r, result) in got.results.iter_mut().enumerate() {
        for (d, doc) in result.docs.iter_mut().enumerate() {
            let BulkGetDoc::Ok(doc) = doc else { continue };
            match sealed_of(&doc.body) {
                Some(encrypted) => {
                    let rev = doc.rev.as_ref().map(ToString::to_string).unwrap_or_default();
                    places.push((r, d));
                    jobs.push((encrypted, bound_to(&doc.id, &rev)));
                }
                None if !doc.deleted && sealed_for_team(&doc.id, &doc.body) => doc.body = came_plain(),
                None => {}
            }
        }
    }
    let opened = crypto::decrypt_many(key, jobs).await;
    for ((r, d), plain) in places.into_iter().zip(opened) {
        let Ok(plain) = plain else { continue };
        let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&plain) else {
            continue;
        };
        if let Some(BulkGetDoc::Ok(doc)) = got.results.get_mut(r).and_then(|result| result.docs.get_mut(d)) {
            doc.body = body;
        }
    }
}

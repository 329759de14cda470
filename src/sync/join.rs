//! What a sync does for a device joining its team, before it sends anything: records it holds
//! that the team's database already has, equal, take the database's history rather than stand
//! beside it as a second version; and the device claims its reference tag, so every reference
//! it makes from then on is its own.

use super::http::Server;
use super::run::Stop;
use crate::state::AppState;
use crate::store::{self, SyncNotes};
use leptos::prelude::*;
use redress_core::sync::adopt::{adopt, candidates};
use redress_core::sync::plan::{BATCH, Failure};
use redress_core::sync::reference::{Claim, Claimed, choose_tag};
use redress_core::sync::team::encode_part;
use redress_core::sync::wire::BulkGetDoc;
use serde_json::Value;
/// Documents noted here only as a first version not yet sent, that the server holds with the
/// same body, take the server's history (`core::sync::adopt`), so two equal versions never
/// stand as a conflict. Looking is a help, not a step of the protocol: a server that cannot
/// answer it leaves them as they are.
pub(super) async fn adopt_known(server: &Server, notes: &mut SyncNotes, sent: u64) -> Result<(), Stop> {
    #[derive(serde::Serialize)]
    struct Id<'a> {
        id: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Ask<'a> {
        docs: Vec<Id<'a>>,
    }
    let look_for = candidates(&notes.docs, sent);
    let mut adopted = Vec::new();
    for ids in look_for.chunks(BATCH) {
        let ask = Ask {
            docs: ids.iter().map(|id| Id { id }).collect(),
        };
        let Ok(found) = server.bulk_get(&ask).await else {
            return Ok(());
        };
        for result in found.results {
            let Some(BulkGetDoc::Ok(doc)) = result.docs.first() else {
                continue;
            };
            if let Some(local) = notes.docs.get_mut(&result.id)
                && adopt(local, doc, &mut notes.seq)
            {
                adopted.push(result.id.clone());
            }
        }
    }
    if adopted.is_empty() {
        return Ok(());
    }
    let docs: Vec<(&str, &redress_core::sync::local::Local)> = adopted
        .iter()
        .filter_map(|id| notes.docs.get(id).map(|local| (id.as_str(), local)))
        .collect();
    store::write_docs(&docs, notes.seq)
        .await
        .map_err(|e| Stop::Here(format!("Team sync could not keep its notes: {e}.")))
}

/// Claims this device's reference tag in the team's database, once per database: the first
/// free tag (`core::sync::reference::choose_tag`), as a `device:{tag}` document created with an
/// ordinary write, which the server refuses (409) if another device claimed it first; then the
/// next. Every reference made here from then on counts under it.
pub(super) async fn claim_tag(server: &Server, notes: &SyncNotes, state: AppState) -> Result<(), Stop> {
    #[derive(serde::Deserialize)]
    struct Row {
        id: String,
        #[serde(default)]
        doc: Option<Value>,
    }
    #[derive(serde::Deserialize)]
    struct AllDocs {
        rows: Vec<Row>,
    }
    if let Some(claimed) = notes
        .tag
        .as_ref()
        .filter(|claimed| claimed.database == server.address())
    {
        let _ = state.device_tag.try_set(Some(claimed.tag.clone()));
        return Ok(());
    }
    let path = format!(
        "/_all_docs?include_docs=true&startkey={}&endkey={}",
        encode_part("\"device:\""),
        encode_part("\"device:\u{fff0}\"")
    );
    let listed = server
        .json::<AllDocs>("GET", &path, None::<&()>)
        .await
        .map_err(Stop::Server)?;
    let mut claims: Vec<(String, Claim)> = listed
        .rows
        .into_iter()
        .filter_map(|row| {
            let tag = row.id.strip_prefix("device:")?.to_string();
            let claim = serde_json::from_value(row.doc?).unwrap_or(Claim { device: String::new() });
            Some((tag, claim))
        })
        .collect();
    let references: Vec<String> = state
        .records
        .with_untracked(|all| all.iter().map(|r| r.reference.clone()).collect());
    // A few tries: each refusal means another device took that tag a moment before.
    for _ in 0..8 {
        let Some(tag) = choose_tag(&notes.device, &claims, references.iter().map(String::as_str)) else {
            return Ok(());
        };
        let mine = Claim {
            device: notes.device.clone(),
        };
        let already_mine = claims.iter().any(|(t, claim)| *t == tag && *claim == mine);
        let put = if already_mine {
            Ok(())
        } else {
            server
                .json::<Value>(
                    "PUT",
                    &format!("/{}", encode_part(&format!("device:{tag}"))),
                    Some(&mine),
                )
                .await
                .map(|_| ())
        };
        match put {
            Ok(()) => {
                let claimed = Claimed {
                    database: server.address().to_string(),
                    tag: tag.clone(),
                };
                store::write_tag(&claimed)
                    .await
                    .map_err(|e| Stop::Here(format!("Team sync could not keep its notes: {e}.")))?;
                let _ = state.device_tag.try_set(Some(tag));
                return Ok(());
            }
            Err(Failure::Status { status: 409, .. }) => claims.push((tag, Claim { device: String::new() })),
            Err(other) => return Err(Stop::Server(other)),
        }
    }
    Ok(())
}

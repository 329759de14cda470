//! The only code that talks to a server: the team's CouchDB database, with the browser's own
//! `fetch`, the person's name and password in an `Authorization` header (never a cookie, never
//! stored), and every answer sorted into the core's words for what went wrong.

use redress_core::sync::plan::Failure;
use redress_core::sync::team::{TeamSync, basic_auth, encode_part};
use redress_core::sync::wire::{
    BulkDocsItem, BulkDocsRequest, BulkGetDoc, BulkGetResponse, BulkGetResult, CouchError, Doc, refused_by_validation,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, Headers, Request, RequestCache, RequestCredentials, RequestInit, Response};

/// The team's database, signed in; with the team key when the team's records are encrypted end
/// to end, so every body is encrypted on its way out and opened on its way in.
#[derive(Clone)]
pub struct Server {
    database: String,
    auth: String,
    team_key: Option<CryptoKey>,
}

impl Server {
    pub fn new(team: &TeamSync, password: &str) -> Self {
        Server {
            database: team.database_url(),
            auth: basic_auth(&team.user, password),
            team_key: None,
        }
    }

    /// From now on, bodies are encrypted under `key` (or sent plain, with none).
    pub fn use_team_key(&mut self, key: Option<CryptoKey>) {
        self.team_key = key;
    }

    /// A document's path.
    pub fn doc_path(doc_id: &str) -> String {
        format!("/{}", encode_part(doc_id))
    }

    /// Revisions read with `_bulk_get?revs=true` (`docs` as its request's), opened with the team
    /// key.
    pub async fn bulk_get(&self, docs: &impl Serialize) -> Result<BulkGetResponse, Failure> {
        let mut got = match self
            .json::<BulkGetResponse>("POST", "/_bulk_get?revs=true", Some(docs))
            .await
        {
            // A server without `_bulk_get` (before CouchDB 2): each document read by itself.
            Err(Failure::Status {
                status: 400 | 404 | 405 | 501,
                ..
            }) => self.open_revs(docs).await?,
            other => other?,
        };
        if let Some(key) = &self.team_key {
            super::team_key::open_docs(key, &mut got).await;
        }
        Ok(got)
    }

    /// The database's address, which names it in replication ids.
    pub fn address(&self) -> &str {
        &self.database
    }

    /// A `_local` document's path (its id keeps its `/`).
    pub fn local_path(doc_id: &str) -> String {
        match doc_id.strip_prefix("_local/") {
            Some(rest) => format!("/_local/{}", encode_part(rest)),
            None => format!("/{}", encode_part(doc_id)),
        }
    }

    /// `method` on the database's `path` (`""` for the database itself, `/_changes?…`), with
    /// `body` as JSON. Gives the status and the text of a successful answer.
    async fn send(&self, method: &str, path: &str, body: Option<String>) -> Result<(u16, String), Failure> {
        let (status, text) = self.answer(method, path, body).await?;
        if status >= 400 {
            return Err(Failure::Status {
                status,
                error: serde_json::from_str::<CouchError>(&text).ok(),
            });
        }
        Ok((status, text))
    }

    /// Documents written with `_bulk_docs`: gives those the server refused, including when its
    /// validation refused some of them (417).
    pub async fn bulk_docs(&self, request: &BulkDocsRequest) -> Result<Vec<BulkDocsItem>, Failure> {
        let mut request = request.clone();
        if let Some(key) = &self.team_key {
            super::team_key::seal_docs(key, &mut request.docs).await?;
        }
        let request = &request;
        let body = serde_json::to_string(request).unwrap_or_default();
        match self.answer("POST", "/_bulk_docs", Some(body)).await? {
            (417, text) => Ok(refused_by_validation(&text, request)),
            (status, text) if status >= 400 => Err(Failure::Status {
                status,
                error: serde_json::from_str::<CouchError>(&text).ok(),
            }),
            (_, text) => {
                serde_json::from_str(&text).map_err(|error| Failure::BadAnswer(format!("/_bulk_docs: {error}")))
            }
        }
    }

    /// `_bulk_get`'s answer made with `GET /{db}/{id}?revs=true&open_revs=[…]&latest=true` for
    /// each document asked (or `?revs=true` for its winner, when no revision is named).
    async fn open_revs(&self, docs: &impl Serialize) -> Result<BulkGetResponse, Failure> {
        let asked = serde_json::to_value(docs).unwrap_or_default();
        let mut wanted: Vec<(String, Vec<String>)> = Vec::new();
        for item in asked["docs"].as_array().into_iter().flatten() {
            let Some(id) = item["id"].as_str() else { continue };
            let rev = item["rev"].as_str().map(str::to_string);
            match wanted.iter_mut().find(|(known, _)| known == id) {
                Some((_, revs)) => revs.extend(rev),
                None => wanted.push((id.to_string(), rev.into_iter().collect())),
            }
        }
        let mut results = Vec::with_capacity(wanted.len());
        for (id, revs) in wanted {
            let path = Server::doc_path(&id);
            let docs = if revs.is_empty() {
                match self.maybe::<Doc>(&format!("{path}?revs=true")).await? {
                    Some(doc) => vec![BulkGetDoc::Ok(doc)],
                    None => Vec::new(),
                }
            } else {
                let list = serde_json::to_string(&revs).unwrap_or_default();
                let path = format!("{path}?revs=true&latest=true&open_revs={}", encode_part(&list));
                self.json::<Vec<BulkGetDoc>>("GET", &path, None::<&()>).await?
            };
            results.push(BulkGetResult { id, docs });
        }
        Ok(BulkGetResponse { results })
    }

    /// Any answer at all: its status and its text.
    async fn answer(&self, method: &str, path: &str, body: Option<String>) -> Result<(u16, String), Failure> {
        let init = RequestInit::new();
        init.set_method(method);
        init.set_credentials(RequestCredentials::Omit);
        init.set_cache(RequestCache::NoStore);
        let headers = Headers::new().map_err(|_| Failure::OutOfTurn)?;
        let _ = headers.set("Accept", "application/json");
        let _ = headers.set("Authorization", &self.auth);
        if let Some(body) = &body {
            let _ = headers.set("Content-Type", "application/json");
            init.set_body(&JsValue::from_str(body));
        }
        init.set_headers(&headers);
        let url = format!("{}{}", self.database, path);
        let request = Request::new_with_str_and_init(&url, &init).map_err(|_| Failure::Unreachable)?;
        let window = web_sys::window().ok_or(Failure::OutOfTurn)?;
        let response: Response = JsFuture::from(window.fetch_with_request(&request))
            .await
            .map_err(|_| Failure::Unreachable)?
            .dyn_into()
            .map_err(|_| Failure::Unreachable)?;
        let status = response.status();
        let text = match response.text() {
            Ok(promise) => JsFuture::from(promise)
                .await
                .ok()
                .and_then(|text| text.as_string())
                .unwrap_or_default(),
            Err(_) => String::new(),
        };
        Ok((status, text))
    }

    /// As [`Server::send`], the answer read as `T`.
    pub async fn json<T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: Option<&impl Serialize>,
    ) -> Result<T, Failure> {
        let body = body.map(|body| serde_json::to_string(body).unwrap_or_default());
        let (_, text) = self.send(method, path, body).await?;
        serde_json::from_str(&text).map_err(|error| Failure::BadAnswer(format!("{path}: {error}")))
    }

    /// A document that may not be there: `None` for a 404.
    pub async fn maybe<T: DeserializeOwned>(&self, path: &str) -> Result<Option<T>, Failure> {
        match self.json::<T>("GET", path, None::<&()>).await {
            Ok(doc) => Ok(Some(doc)),
            Err(Failure::Status { status: 404, .. }) => Ok(None),
            Err(other) => Err(other),
        }
    }
}

/// Waits `ms` milliseconds without holding anything up.
pub async fn sleep(ms: u64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms.min(i32::MAX as u64) as i32);
        }
    });
    let _ = JsFuture::from(promise).await;
}

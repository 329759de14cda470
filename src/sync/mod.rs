//! Team sync: the one module that talks to a server — the team's own CouchDB database, when a
//! person has set it up (Settings → Team sync) and signed in. It syncs when asked, and by
//! itself every half minute while live sync is on and the device is online, and when the
//! device comes back online. It never holds up a person's work: everything here runs beside
//! the pages, and its status is the line at the top of every page ([`SyncLine`]).
//!
//! The password is kept only in this page's memory: closing the browser, locking the device or
//! "Sign out" forgets it.

mod http;
mod join;
mod line;
mod note;
mod one_at_a_time;
mod run;
mod settle;
mod team_key;

pub use line::SyncLine;
pub use settle::Other;

use crate::lazy::NotFetched;
use crate::state::AppState;
use crate::store;
use http::Server;
use leptos::prelude::*;
use leptos::task::spawn_local;
use one_at_a_time::one_at_a_time;
use redress_core::sync::plan::Failure;
use redress_core::sync::team::{Status, TeamSync};
use run::{Done, Stop};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How often live sync looks for changes, in milliseconds.
const EVERY_MS: i32 = 30_000;

/// What the last sync did, for the Team sync page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LastSync {
    pub sent: usize,
    pub received: usize,
    /// Documents the server refused, by id, with its reason.
    pub refused: Vec<(String, String)>,
}

/// Team sync's state on this page, shared by every page through the context.
#[derive(Clone, Copy)]
pub struct TeamSyncState {
    /// Where this device syncs; `None` when team sync is not set up.
    pub team: RwSignal<Option<TeamSync>>,
    pub status: RwSignal<Status>,
    /// Records changed on two devices, by id.
    pub conflicts: RwSignal<Vec<String>>,
    pub last: RwSignal<Option<LastSync>>,
    /// Documents from the server set aside, not taken in, by id, with why.
    pub set_aside: RwSignal<Vec<(String, String)>>,
    /// Whether the team's settings were changed on two devices.
    pub settings_conflict: RwSignal<bool>,
    password: StoredValue<Option<String>>,
    /// The team passphrase as just typed, until the next sync has used it.
    team_passphrase: StoredValue<Option<String>>,
    running: StoredValue<bool>,
    /// Whether another sync was asked for while one ran.
    again: StoredValue<bool>,
    state: AppState,
}

impl TeamSyncState {
    /// Team sync's state, as yet knowing nothing: [`start_sync`] reads where this device syncs.
    pub fn provide(state: AppState) -> Self {
        let sync = TeamSyncState {
            team: RwSignal::new(None),
            status: RwSignal::new(Status::Off),
            conflicts: RwSignal::new(Vec::new()),
            last: RwSignal::new(None),
            set_aside: RwSignal::new(Vec::new()),
            settings_conflict: RwSignal::new(false),
            password: StoredValue::new(None),
            team_passphrase: StoredValue::new(None),
            running: StoredValue::new(false),
            again: StoredValue::new(false),
            state,
        };
        provide_context(sync);
        sync
    }

    /// Reads where this device syncs, and starts live sync's timer and its ear for the network.
    fn start(self) {
        let sync = self;
        let state = self.state;
        spawn_local(async move {
            if let Ok(notes) = store::read_sync().await {
                let conflicts = redress_core::sync::arrive::conflicted(&notes.docs);
                let _ = sync.conflicts.try_set(conflicts);
                let _ = sync.set_aside.try_set(notes.set_aside.docs.into_iter().collect());
                let _ = sync
                    .settings_conflict
                    .try_set(redress_core::sync::arrive::settings_conflicted(&notes.docs));
                let _ = state.device_tag.try_set(notes.tag.map(|claimed| claimed.tag));
                if let Some(team) = notes.team {
                    let _ = sync.team.try_set(Some(team));
                    let _ = sync.status.try_set(Status::SignedOut);
                }
            }
        });
        sync.listen();
    }

    pub fn get() -> Self {
        expect_context()
    }

    pub fn signed_in(&self) -> bool {
        self.password.with_value(Option::is_some)
    }

    /// Keeps where to sync, signs in, and syncs.
    pub async fn set_up(&self, team: TeamSync, password: String) -> Result<(), String> {
        store::save_team(Some(&team))
            .await
            .map_err(|e| format!("Team sync could not be kept on this device: {e}."))?;
        self.password.set_value(Some(password));
        let _ = self.team.try_set(Some(team));
        self.sync_now();
        Ok(())
    }

    /// Syncs with the team passphrase just typed (to make the team's key, or open it).
    pub fn use_team_passphrase(&self, passphrase: String) {
        self.team_passphrase.set_value(Some(passphrase));
        self.sync_now();
    }

    /// Turns live sync on or off.
    pub async fn set_live(&self, live: bool) -> Result<(), String> {
        let Some(mut team) = self.team.get_untracked() else {
            return Ok(());
        };
        team.live = live;
        store::save_team(Some(&team)).await.map_err(|e| e.to_string())?;
        let _ = self.team.try_set(Some(team));
        if live {
            self.sync_now();
        }
        Ok(())
    }

    /// Forgets the password on this page.
    pub fn sign_out(&self) {
        self.password.set_value(None);
        if self.team.get_untracked().is_some() {
            let _ = self.status.try_set(Status::SignedOut);
        }
    }

    /// Stops syncing on this device: forgets the server; every record stays, and the notes of
    /// what was synced stay too, so setting it up again sends only what changed.
    pub async fn stop(&self) -> Result<(), String> {
        store::save_team(None).await.map_err(|e| e.to_string())?;
        self.password.set_value(None);
        let _ = self.team.try_set(None);
        let _ = self.status.try_set(Status::Off);
        Ok(())
    }

    /// Syncs now, unless a sync is running (then once more after it).
    pub fn sync_now(&self) {
        let sync = *self;
        let (Some(team), Some(password)) = (self.team.get_untracked(), self.password.get_value()) else {
            return;
        };
        if self.running.get_value() {
            self.again.set_value(true);
            return;
        }
        self.running.set_value(true);
        let _ = self.status.try_set(Status::Syncing);
        spawn_local(async move {
            let server = Server::new(&team, &password);
            // The page's own saves go first: what is being saved is synced whole.
            sync.state.saves_done().await;
            // Used once: the team key is kept after this sync, or the person is asked again.
            let passphrase = sync.team_passphrase.get_value();
            sync.team_passphrase.set_value(None);
            let outcome = one_at_a_time(async {
                match syncing(server, sync.state, passphrase).await {
                    Ok(syncing) => syncing.await,
                    Err(NotFetched) => Err(Stop::Here(NotFetched::WORDS.into())),
                }
            })
            .await;
            sync.finished(outcome);
            sync.running.set_value(false);
            if sync.again.get_value() {
                sync.again.set_value(false);
                sync.sync_now();
            }
        });
    }

    fn finished(&self, outcome: Result<Done, Stop>) {
        let stopped = self.team.try_get_untracked().flatten().is_none();
        let signed_out = !self.signed_in();
        if let Ok(done) = &outcome {
            let _ = self.conflicts.try_set(done.conflicts.clone());
            let _ = self.set_aside.try_set(done.set_aside.clone());
            let _ = self.settings_conflict.try_set(done.settings_conflict);
        }
        // Stopped or signed out while it ran: the status says so, not how the sync ended.
        if stopped || signed_out {
            return;
        }
        let status = match outcome {
            Ok(done) => {
                let _ = self.last.try_set(Some(LastSync {
                    sent: done.sent,
                    received: done.received,
                    refused: done
                        .refused
                        .into_iter()
                        .map(|r| (r.id, r.reason.or(r.error).unwrap_or_default()))
                        .collect(),
                }));
                Status::Synced {
                    at: now_hh_mm(),
                    conflicts: done.conflicts.len(),
                    settings: done.settings_conflict,
                }
            }
            Err(Stop::Offline { waiting }) => Status::Offline { waiting },
            Err(Stop::TeamPassphrase { make, wrong }) => Status::TeamPassphrase { make, wrong },
            Err(Stop::Server(Failure::Status { status: 401, .. })) => {
                // The password is wrong, or was changed on the server: asked for again.
                self.password.set_value(None);
                Status::NotAccepted
            }
            Err(stop) => Status::Failed(stop.words()),
        };
        let _ = self.status.try_set(status);
    }

    /// Live sync: every half minute, and as soon as the device is back online.
    fn listen(&self) {
        let sync = *self;
        let tick = Closure::<dyn FnMut()>::new(move || {
            let live = sync.team.try_get_untracked().flatten().is_some_and(|team| team.live);
            let online = web_sys::window().is_some_and(|w| w.navigator().on_line());
            // Not while a person is asked for the team passphrase: the form would be cleared.
            let asking = sync
                .status
                .try_with_untracked(|s| matches!(s, Status::TeamPassphrase { .. }))
                .unwrap_or(false);
            if live && online && sync.signed_in() && !asking {
                sync.sync_now();
            }
        });
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), EVERY_MS);
            let _ = window.add_event_listener_with_callback("online", tick.as_ref().unchecked_ref());
        }
        tick.forget();
    }
}

crate::lazy::split_point!(
    open,
    /// Reads where this device syncs and starts live sync, with the code that reads storage
    /// (team sync's notes are part of it), after the first page is drawn.
    pub fn start_sync(sync: TeamSyncState) -> Result<(), NotFetched> {
        sync.start();
        Ok(())
    }
);

/// One sync, as it runs.
type Syncing = std::pin::Pin<Box<dyn Future<Output = Result<Done, Stop>>>>;

crate::lazy::split_point!(
    sync,
    /// One sync, from the piece of the app that holds team sync (fetched the first time a
    /// device syncs, so a device that never does never downloads it). A record saved here while
    /// it ran means once more at once, after this page's saves: this time the change is noted
    /// before anything arrives.
    fn syncing(server: Server, state: AppState, passphrase: Option<String>) -> Result<Syncing, NotFetched> {
        Ok(Box::pin(async move {
            let passphrase = passphrase.as_deref();
            let outcome = run::sync_once(&server, state, passphrase).await;
            if matches!(outcome, Err(Stop::ChangedMeanwhile)) {
                state.saves_done().await;
                return run::sync_once(&server, state, passphrase).await;
            }
            outcome
        }))
    }
);

/// The time now on this device, `HH:MM`.
fn now_hh_mm() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

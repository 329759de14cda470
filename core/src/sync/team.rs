//! A device's part in a team's database: where it is ([`TeamSync`], checked as a person types
//! it), what this device changed since it last looked (its stored documents against the
//! versions its sync notes hold), and the status line everyone sees, in words.
//!
//! The app keeps the server, the database and the name on this device; the password only in
//! memory, so a closed browser or a shared laptop keeps no way in to the team's case load.

use super::edit;
use super::local::Local;
use super::rev::Rev;
use super::wire::plain;
use crate::problem::Problem;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Where this device syncs, as kept in its sync notes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSync {
    /// The server's address, without a trailing `/`: `https://couch.example.gov.uk`.
    pub server: String,
    /// The team's database on it.
    pub database: String,
    /// The person's name on the server.
    pub user: String,
    /// Whether to sync by itself while online and signed in.
    #[serde(default)]
    pub live: bool,
}

impl TeamSync {
    /// The database's address, each part as CouchDB wants it in a URL.
    pub fn database_url(&self) -> String {
        format!("{}/{}", self.server, encode_part(&self.database))
    }
}

/// A database name (which may hold `/`) or a document id as one part of a URL path.
pub fn encode_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The `Authorization` header for a name and password (HTTP basic authentication).
pub fn basic_auth(user: &str, password: &str) -> String {
    let pair = format!("{user}:{password}");
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(pair))
}

/// Checks what a person typed on the Team sync page. Gives the settings, or a problem per
/// field in the page's order, each saying what to do.
pub fn check(server: &str, database: &str, user: &str, password: &str) -> Result<TeamSync, Vec<Problem>> {
    let mut problems = Vec::new();
    let server = server.trim().trim_end_matches('/').to_string();
    let database = database.trim().to_string();
    let user = user.trim().to_string();
    if server.is_empty() {
        problems.push(Problem::at(
            "server",
            "Enter the server’s address, like https://couch.example.gov.uk",
        ));
    } else if let Err(why) = check_server(&server) {
        problems.push(Problem::at("server", why));
    }
    if database.is_empty() {
        problems.push(Problem::at("database", "Enter the name of your team’s database"));
    } else if !database_name_ok(&database) {
        problems.push(Problem::at(
            "database",
            "The database’s name must start with a small letter and use only small letters, numbers and _ $ ( ) + - /",
        ));
    }
    if user.is_empty() {
        problems.push(Problem::at("user", "Enter your name on the server"));
    } else if user.contains(':') {
        problems.push(Problem::at(
            "user",
            "Your name on the server cannot contain a colon (:)",
        ));
    }
    if password.is_empty() {
        problems.push(Problem::at("password", "Enter your password on the server"));
    }
    if problems.is_empty() {
        Ok(TeamSync {
            server,
            database,
            user,
            live: false,
        })
    } else {
        Err(problems)
    }
}

/// https for any server; plain http only for this computer (a test server, or a tunnel), where
/// nothing crosses a network.
fn check_server(server: &str) -> Result<(), String> {
    let (scheme, rest) = server
        .split_once("://")
        .ok_or_else(|| "Enter the whole address, starting https://".to_string())?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_only = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            host
        }
    });
    if host_only.is_empty() || host_only.contains('@') || host.contains(char::is_whitespace) {
        return Err("Enter the server’s address, like https://couch.example.gov.uk".into());
    }
    if rest.contains(['?', '#']) {
        return Err("Enter the server’s address without ? or #".into());
    }
    match scheme {
        "https" => Ok(()),
        "http" if matches!(host_only, "localhost" | "127.0.0.1") => Ok(()),
        // The page's content security policy cannot name an IPv6 address.
        "http" if host_only.starts_with('[') && host_only.ends_with(']') && host_only.contains("::1") => {
            Err("For a server on this computer, use http://127.0.0.1 or http://localhost".into())
        }
        "http" => {
            Err("The address must start with https:// so that names and passwords are not sent in the clear".into())
        }
        _ => Err("The address must start with https://".into()),
    }
}

/// CouchDB's rule for a database's name.
fn database_name_ok(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c))
        && name.len() <= 238
}

/// Notes a stored document's current version: when it differs from the winner this device last
/// knew, it is written as a new revision on the winner (change number `*seq + 1`). Gives
/// whether anything was written.
pub fn note_version(local: &mut Local, body: Value, seq: &mut u64) -> bool {
    if local.winner_body() == Some(&plain(&body)) {
        return false;
    }
    let write = edit::edit(&mut local.tree, body);
    *seq += 1;
    local.keep(write.rev, &write.body, *seq);
    true
}

/// Notes that a document is gone from this device (deleted, or removed): a deletion on every
/// version still standing. Gives whether anything was written.
pub fn note_gone(local: &mut Local, body: &Value, seq: &mut u64) -> bool {
    if local.tree.is_empty() || local.tree.is_deleted() {
        return false;
    }
    let writes = edit::delete(&mut local.tree, body);
    if writes.is_empty() {
        return false;
    }
    *seq += 1;
    for write in writes {
        local.keep(write.rev, &write.body, *seq);
    }
    true
}

/// Resolves the conflict between the version shown and `settled`, the other version the person
/// compared it with, with `chosen` as the one version: gives whether there was one to resolve.
/// Any other version still in conflict stays, to be settled next.
pub fn note_resolved(local: &mut Local, chosen: Value, settled: &Rev, seq: &mut u64) -> bool {
    let writes = edit::resolve(&mut local.tree, chosen, std::slice::from_ref(settled));
    if writes.is_empty() {
        return false;
    }
    *seq += 1;
    for write in writes {
        local.keep(write.rev, &write.body, *seq);
    }
    true
}

/// A version that lost a conflict, for a person to compare with the one shown.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherVersion<'a> {
    /// Its revision: the one a resolution settles.
    pub rev: Rev,
    pub body: &'a serde_json::Map<String, Value>,
    /// How many other versions are in conflict beside this one (a third device's).
    pub more: usize,
}

/// The first version that lost a conflict whose body this device holds, for a person to
/// compare with the one shown; the others are shown one at a time after it is settled.
pub fn other_version(local: &Local) -> Option<OtherVersion<'_>> {
    let conflicts = local.tree.conflicts();
    let more = conflicts.len().saturating_sub(1);
    conflicts
        .into_iter()
        .find_map(|rev| local.bodies.get(&rev).map(|body| OtherVersion { rev, body, more }))
}

/// Said when a record was changed on more than two devices: the versions are compared two at
/// a time, and `more` wait after the one shown.
pub fn more_versions_words(more: usize) -> String {
    match more {
        0 => String::new(),
        1 => "It was also changed on a third device: that version is shown next, once you have chosen here.".into(),
        n => format!(
            "It was also changed on {n} more devices: their versions are shown one at a time, once you have chosen here."
        ),
    }
}

/// The version a person keeps when a record was changed on two devices, with every history
/// entry of the version dropped that it does not already hold, in time order: what either
/// person did stays on the record, whichever version is kept. An entry on both is kept once.
pub fn keep_with_both_histories(
    kept: &crate::record::Record,
    dropped: &crate::record::Record,
) -> crate::record::Record {
    let mut merged = kept.clone();
    for entry in &dropped.history {
        if !merged.history.contains(entry) {
            merged.history.push(entry.clone());
        }
    }
    // Stable: entries at the same moment keep their order.
    merged.history.sort_by_key(|entry| entry.at);
    merged
}

/// Where sync stands, for the line in the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Not set up on this device.
    Off,
    /// Set up, and waiting for the person's password (it is not kept).
    SignedOut,
    Syncing,
    /// Finished at `at` (local time, `HH:MM`); `conflicts` records changed on two devices, and
    /// whether the team's `settings` were.
    Synced {
        at: String,
        conflicts: usize,
        settings: bool,
    },
    /// No answer from the server; `waiting` changes on this device not yet sent.
    Offline {
        waiting: usize,
    },
    /// The server did not accept the name or password: the password is forgotten here, and
    /// the person signs in again.
    NotAccepted,
    /// The team's records are encrypted end to end: the team passphrase is needed, to `make`
    /// the team's key or to open it (`wrong` when the one typed did not).
    TeamPassphrase {
        make: bool,
        wrong: bool,
    },
    /// Stopped on something a person must put right, in words.
    Failed(String),
}

impl Status {
    /// The line in the header; `None` when sync is off.
    pub fn words(&self) -> Option<String> {
        Some(match self {
            Status::Off => return None,
            Status::SignedOut => "Team sync: sign in to sync".into(),
            Status::Syncing => "Team sync: syncing…".into(),
            Status::Synced {
                at,
                conflicts,
                settings,
            } => {
                let mut words = format!("Team sync: synced at {at}");
                match conflicts {
                    0 => {}
                    1 => words.push_str(", 1 record changed on two devices"),
                    n => words.push_str(&format!(", {n} records changed on two devices")),
                }
                if *settings {
                    words.push_str(", the settings changed on two devices");
                }
                words
            }
            Status::Offline { waiting: 0 } => "Team sync: offline".into(),
            Status::Offline { waiting: 1 } => "Team sync: offline, 1 change waiting".into(),
            Status::Offline { waiting } => format!("Team sync: offline, {waiting} changes waiting"),
            Status::TeamPassphrase { make: true, .. } => {
                "Team sync: choose your team’s passphrase to start syncing".into()
            }
            Status::TeamPassphrase { wrong: true, .. } => {
                "Team sync stopped: That team passphrase does not open the team’s key.".into()
            }
            Status::TeamPassphrase { .. } => "Team sync: enter your team’s passphrase to sync".into(),
            Status::NotAccepted => {
                "Team sync stopped: The server did not accept the name or password. Sign in again.".into()
            }
            Status::Failed(why) => format!("Team sync stopped: {why}"),
        })
    }

    /// Whether the person must sign in before sync can run.
    pub fn needs_sign_in(&self) -> bool {
        matches!(self, Status::SignedOut | Status::NotAccepted)
    }

    /// Whether the line should stand out (a person has something to do).
    pub fn needs_attention(&self) -> bool {
        matches!(
            self,
            Status::Failed(_)
                | Status::SignedOut
                | Status::NotAccepted
                | Status::TeamPassphrase { .. }
                | Status::Synced { conflicts: 1.., .. }
                | Status::Synced { settings: true, .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_good_address_is_kept_without_its_last_slash() {
        let team = check("https://couch.example.gov.uk/", "complaints-team", "sam", "pw").unwrap();
        assert_eq!(team.server, "https://couch.example.gov.uk");
        assert_eq!(team.database_url(), "https://couch.example.gov.uk/complaints-team");
        assert!(check("http://127.0.0.1:5985", "team", "sam", "pw").is_ok());
        assert!(check("http://localhost:5984", "team", "sam", "pw").is_ok());
        let ipv6 = check("http://[::1]:5984", "team", "sam", "pw").unwrap_err();
        assert!(ipv6[0].message.contains("127.0.0.1"), "{ipv6:?}");
    }

    #[test]
    fn plain_http_to_another_machine_is_refused_and_every_field_is_named() {
        let problems = check("http://couch.example.gov.uk", "Team", "", "").unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["server", "database", "user", "password"]);
        assert!(problems[0].message.contains("https://"));
        let problems = check("couch.example.gov.uk", "team", "sam", "pw").unwrap_err();
        assert_eq!(problems[0].field, "server");
        assert!(check("https://sam:pw@couch.example.gov.uk", "team", "sam", "pw").is_err());
        assert!(check("https://couch.example.gov.uk?x=1", "team", "sam", "pw").is_err());
        assert!(check("https://couch", "team", "sa:m", "pw").is_err());
    }

    #[test]
    fn database_names_follow_couchdb() {
        assert!(database_name_ok("childrens-services/2026"));
        assert!(!database_name_ok("_users"));
        assert!(!database_name_ok("9team"));
        assert_eq!(encode_part("a/b c"), "a%2Fb%20c");
        assert_eq!(encode_part("record:0a-1"), "record%3A0a-1");
    }

    #[test]
    fn basic_auth_is_the_name_and_password_in_base64() {
        assert_eq!(basic_auth("sam", "pw"), "Basic c2FtOnB3");
    }

    #[test]
    fn a_version_is_written_once_and_a_deletion_covers_every_leaf() {
        let mut local = Local::default();
        let mut seq = 0;
        assert!(note_version(&mut local, json!({"a": 1}), &mut seq));
        assert!(
            !note_version(&mut local, json!({"a": 1}), &mut seq),
            "the same version again"
        );
        assert!(note_version(&mut local, json!({"a": 2}), &mut seq));
        assert_eq!(seq, 2);
        assert_eq!(local.tree.winner().unwrap().rev.pos, 2);
        assert!(note_gone(&mut local, &json!({"who": "Sam"}), &mut seq));
        assert!(local.tree.is_deleted());
        assert!(!note_gone(&mut local, &json!({}), &mut seq), "already gone");
        assert!(!note_gone(&mut Local::default(), &json!({}), &mut seq), "never known");
    }

    #[test]
    fn both_histories_are_kept_whichever_version_is_kept() {
        use crate::record::HistoryEntry;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let change = crate::record::Change::new("Sam", "2026-12-01T10:00:00Z".parse().unwrap());
        let base = crate::sample::sample_records(today, &crate::settings::Settings::default(), &change).remove(0);
        let entry = |at: &str, what: &str| HistoryEntry {
            at: at.parse().unwrap(),
            who: "Sam".into(),
            what: what.into(),
            fact: None,
            corrected: None,
            withdrawn: false,
        };
        let mut a = base.clone();
        a.summary = "A".into();
        a.history.push(entry("2026-12-03T10:00:00Z", "Changed on A"));
        let mut b = base.clone();
        b.summary = "B".into();
        b.history.push(entry("2026-12-02T10:00:00Z", "Changed on B"));
        let kept = keep_with_both_histories(&a, &b);
        assert_eq!(kept.summary, "A");
        assert_eq!(kept.history.len(), base.history.len() + 2);
        let whats: Vec<&str> = kept.history.iter().rev().take(2).map(|e| e.what.as_str()).collect();
        assert_eq!(whats, ["Changed on A", "Changed on B"], "in time order");
    }

    #[test]
    fn the_status_line_says_what_a_person_needs() {
        assert_eq!(Status::Off.words(), None);
        let synced = Status::Synced {
            at: "12:40".into(),
            conflicts: 2,
            settings: false,
        };
        let settings = Status::Synced {
            at: "12:40".into(),
            conflicts: 0,
            settings: true,
        };
        assert_eq!(
            settings.words().unwrap(),
            "Team sync: synced at 12:40, the settings changed on two devices"
        );
        assert!(settings.needs_attention());
        assert_eq!(
            synced.words().unwrap(),
            "Team sync: synced at 12:40, 2 records changed on two devices"
        );
        assert!(synced.needs_attention());
        assert_eq!(
            Status::Offline { waiting: 3 }.words().unwrap(),
            "Team sync: offline, 3 changes waiting"
        );
        assert!(!Status::Syncing.needs_attention());
        assert!(Status::NotAccepted.needs_sign_in() && Status::SignedOut.needs_sign_in());
        assert!(!synced.needs_sign_in());
        let wrong = Status::TeamPassphrase {
            make: false,
            wrong: true,
        };
        assert!(wrong.needs_attention());
        assert!(wrong.words().unwrap().contains("does not open"));
        assert!(
            Status::NotAccepted
                .words()
                .unwrap()
                .contains("did not accept the name or password")
        );
    }

    #[test]
    fn a_third_version_is_said_to_come_next() {
        assert_eq!(more_versions_words(0), "");
        assert!(more_versions_words(1).contains("a third device"));
        assert!(more_versions_words(3).contains("3 more devices"));
    }
}

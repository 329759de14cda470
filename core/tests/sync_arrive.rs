//! Two devices through the core's own rules: what one gathers reaches the other by `take_in` as
//! records to store; both editing the same record offline give the same winner on both and a
//! record changed on two devices; a deletion travels as its tombstone and the record's removal.

use chrono::NaiveDate;
use redress_core::exchange::seal;
use redress_core::record::deletion::Deletion;
use redress_core::record::{Change, Record};
use redress_core::sample::sample_records;
use redress_core::settings::Settings;
use redress_core::sync::arrive::{conflicted, gather, settings_conflicted, take_in};
use redress_core::sync::local::{Local, envelope_body};
use redress_core::sync::settings as team_settings;
use redress_core::sync::wire::{BulkGetDoc, Doc};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Default)]
struct Device {
    docs: BTreeMap<String, Local>,
    seq: u64,
    records: BTreeMap<String, Record>,
    deletions: BTreeMap<String, Deletion>,
    /// Its settings, once saved here.
    settings: Option<Settings>,
}

impl Device {
    fn current(&self) -> BTreeMap<String, Value> {
        let mut out = BTreeMap::new();
        for record in self.records.values() {
            out.insert(format!("record:{}", record.id), envelope_body(&seal(record)).unwrap());
        }
        for deletion in self.deletions.values() {
            out.insert(
                format!("deletion:{}", deletion.id),
                envelope_body(&seal(deletion)).unwrap(),
            );
        }
        if let Some(settings) = &self.settings {
            out.insert(
                team_settings::DOC_ID.into(),
                envelope_body(&seal(&team_settings::shared(settings))).unwrap(),
            );
        }
        out
    }

    fn gather(&mut self) -> Vec<String> {
        let current = self.current();
        let tombstoned: BTreeSet<String> = self.deletions.keys().cloned().collect();
        gather(&mut self.docs, current, &tombstoned, &mut self.seq)
    }

    /// Every leaf of every document, as `_bulk_get` would give them.
    fn all_docs(&self) -> Vec<Doc> {
        let mut out = Vec::new();
        for (id, local) in &self.docs {
            for leaf in local.tree.leaves() {
                if let BulkGetDoc::Ok(doc) = local.get(id, &leaf.rev) {
                    out.push(doc);
                }
            }
        }
        out
    }

    fn receive(&mut self, docs: &[Doc]) {
        let arrived = take_in(&mut self.docs, docs, &mut self.seq);
        assert!(arrived.set_aside.is_empty(), "{:?}", arrived.set_aside);
        for id in &arrived.apply.delete {
            self.records.remove(id);
        }
        for id in &arrived.apply.remove_deletions {
            self.deletions.remove(id);
        }
        for record in arrived.apply.records {
            self.records.insert(record.id.clone(), record);
        }
        for deletion in arrived.apply.add_deletions {
            self.deletions.insert(deletion.id.clone(), deletion);
        }
        if let Some(team) = arrived.settings {
            let here = self.settings.clone().unwrap_or_default();
            self.settings = Some(team_settings::taken_in(team, &here));
        }
    }
}

fn records() -> Vec<Record> {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let change = Change::new("Sam Officer", "2026-12-01T10:00:00Z".parse().unwrap());
    sample_records(today, &Settings::default(), &change)
}

#[test]
fn a_record_gathered_on_one_device_is_stored_on_the_other_and_not_sent_back_as_new() {
    let mut a = Device::default();
    let mut b = Device::default();
    for record in records().into_iter().take(3) {
        a.records.insert(record.id.clone(), record);
    }
    assert_eq!(a.gather().len(), 3);
    assert!(a.gather().is_empty(), "nothing changed since");
    b.receive(&a.all_docs());
    assert_eq!(b.records, a.records);
    assert!(b.gather().is_empty(), "what arrived is not a change of b's own");
}

#[test]
fn both_editing_offline_give_one_winner_everywhere_and_a_conflict_to_resolve() {
    let mut a = Device::default();
    let mut b = Device::default();
    let record = records().remove(0);
    let id = record.id.clone();
    a.records.insert(id.clone(), record);
    a.gather();
    b.receive(&a.all_docs());
    a.records.get_mut(&id).unwrap().summary = "Changed on A".into();
    b.records.get_mut(&id).unwrap().summary = "Changed on B".into();
    a.gather();
    b.gather();
    let (from_a, from_b) = (a.all_docs(), b.all_docs());
    a.receive(&from_b);
    b.receive(&from_a);
    assert_eq!(
        a.records[&id].summary, b.records[&id].summary,
        "the same winner on both"
    );
    assert_eq!(conflicted(&a.docs), vec![id.clone()]);
    assert_eq!(conflicted(&b.docs), vec![id.clone()]);
    let key = format!("record:{id}");
    let other = redress_core::sync::team::other_version(&a.docs[&key]).unwrap();
    assert_eq!(other.more, 0, "only one other version");
    assert_eq!(Some(&other.rev), a.docs[&key].tree.conflicts().first());
    let loser = other.body;
    let shown = a.records[&id].summary.clone();
    assert_ne!(
        loser["data"]["summary"],
        Value::String(shown),
        "the other version is kept"
    );
}

#[test]
fn a_deletion_travels_as_the_tombstone_and_the_removal() {
    let mut a = Device::default();
    let mut b = Device::default();
    let record = records().remove(0);
    let id = record.id.clone();
    a.records.insert(id.clone(), record.clone());
    a.gather();
    b.receive(&a.all_docs());
    a.records.remove(&id);
    a.deletions.insert(
        id.clone(),
        Deletion {
            id: id.clone(),
            reference: record.reference.clone(),
            who: "Sam Officer".into(),
            at: "2026-12-02T10:00:00Z".parse().unwrap(),
            why: "Made in error".into(),
        },
    );
    assert_eq!(a.gather().len(), 2, "the record's deletion and its tombstone");
    b.receive(&a.all_docs());
    assert!(!b.records.contains_key(&id));
    assert_eq!(b.deletions[&id].why, "Made in error");
}

#[test]
fn a_record_that_is_simply_missing_is_never_deleted_for_the_team() {
    let mut a = Device::default();
    let record = records().remove(0);
    let id = record.id.clone();
    a.records.insert(id.clone(), record);
    a.gather();
    a.records.clear();
    assert!(a.gather().is_empty());
    assert!(!a.docs[&format!("record:{id}")].tree.is_deleted());
}

#[test]
fn a_tombstone_arriving_alone_removes_the_record_and_nothing_revives_it() {
    let mut a = Device::default();
    let mut b = Device::default();
    let record = records().remove(0);
    let id = record.id.clone();
    a.records.insert(id.clone(), record.clone());
    a.gather();
    b.receive(&a.all_docs());
    a.records.remove(&id);
    a.deletions.insert(
        id.clone(),
        Deletion {
            id: id.clone(),
            reference: record.reference.clone(),
            who: "Sam Officer".into(),
            at: "2026-12-02T10:00:00Z".parse().unwrap(),
            why: String::new(),
        },
    );
    a.gather();
    // Only the tombstone reaches b (a sync broken between batches).
    let tombstone: Vec<Doc> = a
        .all_docs()
        .into_iter()
        .filter(|d| d.id.starts_with("deletion:"))
        .collect();
    b.receive(&tombstone);
    assert!(!b.records.contains_key(&id), "the tombstone removes the record");
    b.gather();
    let again = b.gather();
    assert!(again.is_empty(), "nothing revived or deleted again: {again:?}");
}

#[test]
fn the_teams_settings_travel_and_each_device_keeps_its_own_user() {
    let mut a = Device::default();
    let mut b = Device::default();
    let mut settings = Settings {
        organisation_name: "Northshire Council".into(),
        user_name: "Sam on A".into(),
        ..Settings::default()
    };
    settings.services.push("Housing".into());
    a.settings = Some(settings);
    a.gather();
    b.settings = Some(Settings {
        user_name: "Jo on B".into(),
        ..Settings::default()
    });
    b.receive(&a.all_docs());
    let on_b = b.settings.clone().unwrap();
    assert_eq!(on_b.organisation_name, "Northshire Council");
    assert!(on_b.services.contains(&"Housing".to_string()));
    assert_eq!(on_b.user_name, "Jo on B", "a person's name stays on their device");
    assert_eq!(
        a.docs[team_settings::DOC_ID].winner_body().unwrap()["data"]["user_name"],
        Value::String(String::new()),
        "and is never sent"
    );
    // B's change comes back to A; nothing is sent again that did not change.
    b.gather();
    assert!(b.gather().is_empty());
    b.settings.as_mut().unwrap().due_soon_days = 5;
    assert_eq!(b.gather(), vec![team_settings::DOC_ID.to_string()]);
    a.receive(&b.all_docs());
    assert_eq!(a.settings.as_ref().unwrap().due_soon_days, 5);
    assert_eq!(a.settings.as_ref().unwrap().user_name, "Sam on A");
}

#[test]
fn settings_changed_on_two_devices_wait_for_a_person_with_both_versions_kept() {
    let mut a = Device::default();
    let mut b = Device::default();
    a.settings = Some(Settings {
        organisation_name: "Northshire".into(),
        ..Settings::default()
    });
    a.gather();
    b.receive(&a.all_docs());
    b.gather();
    a.settings.as_mut().unwrap().organisation_name = "Northshire County Council".into();
    b.settings.as_mut().unwrap().due_soon_days = 4;
    a.gather();
    b.gather();
    let (from_a, from_b) = (a.all_docs(), b.all_docs());
    a.receive(&from_b);
    b.receive(&from_a);
    assert!(settings_conflicted(&a.docs) && settings_conflicted(&b.docs));
    assert!(conflicted(&a.docs).is_empty(), "not a record");
    let other = redress_core::sync::team::other_version(&a.docs[team_settings::DOC_ID]).unwrap();
    assert!(other.body.contains_key("data"), "the other version is kept whole");
    assert_eq!(
        a.settings,
        b.settings.clone().map(|s| Settings {
            user_name: a.settings.clone().unwrap().user_name,
            ..s
        })
    );
}

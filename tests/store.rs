//! The storage door in a real browser: round trips through IndexedDB, revisions that refuse a
//! stale save, a batch that fails part-way changing nothing, tombstones, unreadable data set
//! aside, and the move from the old door's localStorage — from a fixture the old release wrote,
//! and interrupted half-way. Quota exhaustion is tested end to end (tests/e2e/storage.spec.ts),
//! where the browser's quota can be made small.

use chrono::{DateTime, Utc};
use redress::store::{self, Deletion, SaveError};
use redress_core::assessment::Assessment;
use redress_core::exchange;
use redress_core::record::{DateInput, Record, RecordDraft};
use redress_core::settings::Settings;
use std::collections::BTreeMap;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{
    fixture_2_store, fixture_3_synced_store, fixture_store, make_version_1, make_version_2, make_version_3_synced,
};

/// What Redress 0.1.0 (the localStorage door) left in localStorage; see the script beside it.
const OLD_RELEASE: &str = include_str!("fixtures/localstorage-0.1.0.json");

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn old_keys() -> BTreeMap<String, String> {
    serde_json::from_str(OLD_RELEASE).unwrap()
}

fn left_in_local_storage() -> Vec<String> {
    let storage = local_storage();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("redress:"))
        .collect()
}

async fn fresh() {
    local_storage().clear().unwrap();
    store::clear_everything().await.unwrap();
}

fn record(id: &str, summary: &str) -> Record {
    let now: DateTime<Utc> = "2026-11-22T10:00:00Z".parse().unwrap();
    RecordDraft {
        kind: "complaint".into(),
        received: DateInput::new("19", "12", "2025"),
        service: "Corporate".into(),
        person_name: "Sam Example".into(),
        summary: summary.into(),
        procedure: "lgsco-2024".into(),
        ..RecordDraft::default()
    }
    .to_record(
        id.into(),
        &redress_core::record::Change::new("Sam Officer", now),
        now.date_naive(),
        &Settings::default().procedures(),
        &[],
    )
    .unwrap()
}

fn assessment(id: &str) -> Assessment {
    use redress_core::assessment::FrameworkId;
    let change = redress_core::record::Change::new("Pat Manager", "2026-11-22T10:00:00Z".parse().unwrap());
    let mut assessment = Assessment::new(id, FrameworkId::Ncmg2016, "Exampleshire", "2025 to 2026", &change);
    assessment.edit_entry("1.1", &change, |entry| entry.score = Some(2));
    assessment
}

fn sorted(mut records: Vec<Record>) -> Vec<Record> {
    records.sort_by(|a, b| a.id.cmp(&b.id));
    records
}

#[wasm_bindgen_test]
async fn a_saved_record_loads_back_the_same_with_its_revision() {
    fresh().await;
    let first = record("00000000-0000-4000-8000-000000000001", "First");
    let second = record("00000000-0000-4000-8000-000000000002", "Second");
    assert_eq!(store::save_record(&first, 0).await, Ok(1));
    assert_eq!(store::save_record(&second, 0).await, Ok(1));
    let mut changed = first.clone();
    changed.summary = "First, changed".into();
    assert_eq!(store::save_record(&changed, 1).await, Ok(2));

    let loaded = store::open().await;
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let revisions: BTreeMap<String, u64> = loaded.records.iter().map(|r| (r.data.id.clone(), r.revision)).collect();
    assert_eq!(revisions.values().copied().collect::<Vec<_>>(), vec![2, 1]);
    assert_eq!(
        sorted(loaded.records.into_iter().map(|r| r.data).collect()),
        vec![changed, second]
    );
}

#[wasm_bindgen_test]
async fn a_save_over_a_revision_another_tab_moved_on_is_refused() {
    fresh().await;
    let first = record("00000000-0000-4000-8000-000000000003", "As the other tab saved it");
    assert_eq!(store::save_record(&first, 0).await, Ok(1));
    let mut stale = first.clone();
    stale.summary = "This tab’s, from before".into();
    assert_eq!(store::save_record(&stale, 0).await, Err(SaveError::Conflict));
    let kept = store::load_record(&first.id).await.unwrap().unwrap();
    assert_eq!((kept.data, kept.revision), (first, 1), "nothing was overwritten");

    let one = assessment("a-1");
    assert_eq!(store::save_assessment(&one, 0).await, Ok(1));
    assert_eq!(store::save_assessment(&one, 0).await, Err(SaveError::Conflict));
}

#[wasm_bindgen_test]
async fn a_batch_that_fails_part_way_changes_nothing() {
    fresh().await;
    let kept = record("00000000-0000-4000-8000-000000000010", "Kept as it was");
    store::save_record(&kept, 0).await.unwrap();
    let new_one = record("00000000-0000-4000-8000-000000000011", "New from the file");
    let new_assessment = assessment("a-2");
    let settings = Settings {
        organisation_name: "From the file".into(),
        ..Settings::default()
    };
    let mut stale = kept.clone();
    stale.summary = "Changed from a revision that is not the stored one".into();
    // Everything before the last record would be written; the last one fails, so none is.
    let batch = store::Batch {
        records: vec![(&new_one, 0), (&stale, 0)],
        assessments: vec![(&new_assessment, 0)],
        settings: Some(&settings),
        ..store::Batch::default()
    };
    assert_eq!(store::save_batch(&batch).await, Err(SaveError::Conflict));
    let loaded = store::open().await;
    assert_eq!(
        loaded.records.into_iter().map(|r| r.data).collect::<Vec<_>>(),
        vec![kept.clone()]
    );
    assert!(loaded.assessments.is_empty());
    assert!(!loaded.settings_saved);

    let batch = store::Batch {
        records: vec![(&new_one, 0), (&stale, 1)],
        ..store::Batch::default()
    };
    assert_eq!(store::save_batch(&batch).await, Ok((vec![1, 2], vec![])));
    let loaded = store::open().await;
    assert_eq!(
        sorted(loaded.records.into_iter().map(|r| r.data).collect()),
        vec![stale, new_one]
    );
}

#[wasm_bindgen_test]
async fn deleting_a_record_keeps_its_tombstone() {
    fresh().await;
    let gone = record("00000000-0000-4000-8000-000000000020", "Entered twice");
    store::save_record(&gone, 0).await.unwrap();
    let deletion = Deletion {
        id: gone.id.clone(),
        reference: gone.reference.clone(),
        who: "Sam Officer".into(),
        at: "2026-11-23T09:00:00Z".parse().unwrap(),
        why: "Entered twice".into(),
    };
    store::delete_record(&deletion).await.unwrap();
    let loaded = store::open().await;
    assert!(loaded.records.is_empty());
    assert_eq!(loaded.deletions, vec![deletion]);
}

#[wasm_bindgen_test]
async fn unreadable_stored_data_is_set_aside_unchanged_and_reported() {
    fresh().await;
    let fine = record("00000000-0000-4000-8000-000000000030", "Readable");
    store::save_record(&fine, 0).await.unwrap();
    store::put_raw("records", "broken", "this is not JSON").await.unwrap();
    store::put_raw("assessments", "half", "{\"format\":\"redress-store\"")
        .await
        .unwrap();

    let loaded = store::open().await;
    assert_eq!(
        loaded.records.into_iter().map(|r| r.data).collect::<Vec<_>>(),
        vec![fine]
    );
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    assert!(
        loaded.problems.iter().any(|p| p.0.contains("record (“broken”)")),
        "{:?}",
        loaded.problems
    );
    let aside: Vec<String> = store::set_aside()
        .await
        .unwrap()
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    assert_eq!(aside.len(), 2);
    assert!(aside.contains(&"this is not JSON".to_string()));
    assert!(aside.contains(&"{\"format\":\"redress-store\"".to_string()));
    // Set aside once: the next start finds nothing wrong.
    assert!(store::open().await.problems.is_empty());
}

#[wasm_bindgen_test]
async fn the_old_releases_local_storage_moves_in_whole() {
    fresh().await;
    let old = old_keys();
    for (key, text) in &old {
        local_storage().set_item(key, text).unwrap();
    }
    let loaded = store::open().await;
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(left_in_local_storage().is_empty(), "moved, then removed");

    // Every record, byte for byte as the old door wrote it, read through the same path.
    let expected: Vec<Record> = old
        .iter()
        .filter(|(key, _)| key.starts_with("redress:record:"))
        .map(|(_, text)| exchange::open::<Record>(text).unwrap())
        .collect();
    assert!(expected.len() >= 20, "the fixture holds the sample records and more");
    assert_eq!(
        sorted(loaded.records.into_iter().map(|r| r.data).collect()),
        sorted(expected)
    );

    let assessments: Vec<Assessment> = old
        .iter()
        .filter(|(key, _)| key.starts_with("redress:assessment:"))
        .map(|(_, text)| exchange::open(text).unwrap())
        .collect();
    assert_eq!(assessments.len(), 1);
    assert_eq!(
        loaded.assessments.into_iter().map(|a| a.data).collect::<Vec<_>>(),
        assessments
    );

    let settings: Settings = exchange::open(&old["redress:settings"]).unwrap();
    assert_eq!(settings.organisation_name, "Northshire County Council");
    assert_eq!(loaded.settings, settings);
    assert!(loaded.settings_saved);

    let deletions: Vec<Deletion> = exchange::open(&old["redress:deleted"]).unwrap();
    assert_eq!(deletions.len(), 1);
    assert_eq!(loaded.deletions, deletions);

    // What the old door had set aside is still set aside, unchanged.
    let old_aside: Vec<&String> = old
        .iter()
        .filter(|(key, _)| key.starts_with("redress:set-aside:"))
        .map(|(_, text)| text)
        .collect();
    assert_eq!(old_aside, vec!["this is not JSON"]);
    let aside: Vec<String> = store::set_aside().await.unwrap().into_iter().map(|(_, t)| t).collect();
    assert_eq!(aside, vec!["this is not JSON".to_string()]);
}

#[wasm_bindgen_test]
async fn a_move_interrupted_half_way_leaves_the_old_keys_and_is_tried_again() {
    fresh().await;
    let old = old_keys();
    for (key, text) in &old {
        local_storage().set_item(key, text).unwrap();
    }
    let db = store::test_database().await.unwrap();
    let interrupted = store::move_in(&db, Some(5)).await;
    assert!(interrupted.is_err());
    assert!(
        interrupted.unwrap_err().0.contains("They are safe where they were"),
        "the person is told"
    );
    assert_eq!(left_in_local_storage().len(), old.len(), "every old key is still there");
    let half = store::reload().await.unwrap();
    assert!(half.records.is_empty(), "the aborted copy left nothing behind");

    // The next start moves everything.
    let loaded = store::open().await;
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(left_in_local_storage().is_empty());
    let records = old.keys().filter(|k| k.starts_with("redress:record:")).count();
    assert_eq!(loaded.records.len(), records);
}

#[wasm_bindgen_test]
async fn a_move_after_the_database_was_used_keeps_the_newer_value_and_sets_the_old_aside() {
    fresh().await;
    let old = old_keys();
    let (key, text) = old.iter().find(|(k, _)| k.starts_with("redress:record:")).unwrap();
    let id = key.trim_start_matches("redress:record:");
    let mut newer: Record = exchange::open(text).unwrap();
    newer.summary = "Changed after an earlier move that could not remove the old keys".into();
    store::save_record(&newer, 0).await.unwrap();
    local_storage().set_item(key, text).unwrap();

    let loaded = store::open().await;
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let kept = loaded.records.into_iter().find(|r| r.data.id == id).unwrap();
    assert_eq!(kept.data, newer);
    let aside = store::set_aside().await.unwrap();
    assert_eq!(aside.len(), 1);
    assert_eq!(&aside[0].1, text, "the old copy is kept, not lost");
    assert!(left_in_local_storage().is_empty());
}

#[wasm_bindgen_test]
async fn a_batch_over_a_record_another_tab_deleted_changes_nothing() {
    fresh().await;
    let gone = record("00000000-0000-4000-8000-000000000040", "Deleted in another tab");
    store::save_record(&gone, 0).await.unwrap();
    let deletion = Deletion {
        id: gone.id.clone(),
        reference: gone.reference.clone(),
        who: "Sam Officer".into(),
        at: "2026-11-23T09:00:00Z".parse().unwrap(),
        why: String::new(),
    };
    store::delete_record(&deletion).await.unwrap();
    let other = record("00000000-0000-4000-8000-000000000041", "New");
    // This tab still thinks the record is at revision 1: writing it back would undo the deletion.
    let batch = store::Batch {
        records: vec![(&other, 0), (&gone, 1)],
        ..store::Batch::default()
    };
    assert_eq!(store::save_batch(&batch).await, Err(SaveError::Conflict));
    assert!(store::open().await.records.is_empty(), "neither was written");
}

/// The rows an early read gives, as text.
fn kept(early: &store::Early) -> Vec<String> {
    early.rows().map(str::to_string).collect()
}

#[wasm_bindgen_test]
async fn a_database_the_release_before_wrote_opens_whole_and_gains_the_rows_store() {
    local_storage().clear().unwrap();
    make_version_1().await;
    let loaded = store::open().await;
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    // Every document arrives whole: each is what the core's restore path reads from the very
    // text the old release kept, at the revision it had.
    let records = fixture_store("records");
    assert!(records.len() >= 20);
    assert_eq!(loaded.records.len(), records.len());
    for stored in &loaded.records {
        let old = exchange::restore::record(&records[&stored.data.id]).unwrap();
        assert_eq!(stored.data, old.data, "{}", stored.data.reference);
        assert_eq!(stored.revision, old.revision, "{}", stored.data.reference);
    }
    assert_eq!(loaded.records.iter().filter(|r| r.revision == 3).count(), 1);
    let assessments = fixture_store("assessments");
    assert_eq!(loaded.assessments.len(), 1);
    let a = &loaded.assessments[0];
    // Written by an older schema, each arrives as the restore path reads the old text.
    let old = exchange::restore::assessment(&assessments[&a.data.id]).unwrap();
    assert_eq!(a.data, old.data);
    assert_eq!(a.revision, old.revision);
    let old = exchange::restore::settings(&fixture_store("settings")["settings"]).unwrap();
    assert_eq!(loaded.settings, old.data);
    assert!(loaded.settings_saved);
    let deletions = fixture_store("deletions");
    assert_eq!(loaded.deletions.len(), 1);
    let old: serde_json::Value = serde_json::from_str(&deletions[&loaded.deletions[0].id]).unwrap();
    assert_eq!(serde_json::to_value(&loaded.deletions[0]).unwrap(), old["data"]);
    // The upgrade made the rows store: empty at first, so the list waits for the records.
    assert!(store::early().await.is_none());
    let first = &loaded.records[0].data;
    store::keep_rows(&[(first.id.clone(), "a kept row".into())], &[])
        .await
        .unwrap();
    let early = store::early().await.expect("kept rows are read back");
    assert_eq!(kept(&early), vec!["a kept row".to_string()]);
    assert_eq!(early.settings, loaded.settings);
}

#[wasm_bindgen_test]
async fn a_database_of_version_2_opens_whole_and_gains_team_syncs_notes() {
    local_storage().clear().unwrap();
    make_version_2().await;
    let loaded = store::open().await;
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let records = fixture_2_store("records");
    assert_eq!(loaded.records.len(), records.len());
    for stored in &loaded.records {
        let old = exchange::restore::record(&records[&stored.data.id]).unwrap();
        assert_eq!(stored.data, old.data, "{}", stored.data.reference);
        assert_eq!(stored.revision, old.revision, "{}", stored.data.reference);
    }
    assert_eq!(loaded.assessments.len(), fixture_2_store("assessments").len());
    assert_eq!(loaded.deletions.len(), fixture_2_store("deletions").len());
    let old = exchange::restore::settings(&fixture_2_store("settings")["settings"]).unwrap();
    assert_eq!(loaded.settings, old.data);
    // The rows the old release kept are still read before the records.
    let early = store::early().await.expect("the old release's rows are kept");
    assert_eq!(early.rows().count(), fixture_2_store("rows").len());
    // Every value is where it was, as it was.
    for name in ["records", "assessments", "deletions", "settings", "rows"] {
        let now: std::collections::BTreeMap<String, String> =
            store::raw_values(name).await.unwrap().into_iter().collect();
        assert_eq!(now, fixture_2_store(name), "the {name} store");
    }
    // The upgrade made team sync's notes: empty, and written and read back.
    let notes = store::read_sync().await.unwrap();
    assert!(notes.team.is_none() && notes.docs.is_empty() && notes.seq == 0);
    assert!(!store::sync_in_use().await.unwrap());
}

#[wasm_bindgen_test]
async fn team_syncs_notes_from_the_release_before_arrive_whole() {
    local_storage().clear().unwrap();
    make_version_3_synced().await;
    let loaded = store::open().await;
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.records.len(), fixture_3_synced_store("records").len());
    let old = fixture_3_synced_store("sync");
    let notes = store::read_sync().await.unwrap();
    assert!(notes.unreadable.is_empty(), "{:?}", notes.unreadable);
    // Each document's tree and bodies, the team, the device and the counter, as they were.
    let docs: Vec<&String> = old.keys().filter(|key| key.starts_with("doc:")).collect();
    assert!(!docs.is_empty());
    assert_eq!(notes.docs.len(), docs.len());
    for key in docs {
        let was: redress_core::sync::local::Local = serde_json::from_str(&old[key]).unwrap();
        assert_eq!(notes.docs[&key["doc:".len()..]], was, "{key}");
    }
    let team: redress_core::sync::team::TeamSync = serde_json::from_str(&old["meta:team"]).unwrap();
    assert_eq!(notes.team, Some(team));
    assert_eq!(notes.device, old["meta:device"]);
    assert_eq!(notes.seq.to_string(), old["meta:seq"]);
    // What this release adds reads as absent, and every checkpoint is still read.
    assert!(notes.tag.is_none() && notes.team_key.is_none() && notes.pulled.is_none());
    assert!(notes.set_aside.docs.is_empty());
    for key in old.keys().filter(|key| key.starts_with("local:")) {
        let checkpoint = store::read_checkpoint(&key["local:".len()..]).await.unwrap();
        assert!(checkpoint.is_some(), "{key}");
    }
    // Nothing was changed by reading.
    let now: BTreeMap<String, String> = store::raw_values("sync").await.unwrap().into_iter().collect();
    assert_eq!(now, old);
}

#[wasm_bindgen_test]
async fn what_a_pull_brings_is_kept_with_its_notes_or_neither_is() {
    fresh().await;
    let one = record("00000000-0000-4000-8000-000000000071", "Pulled");
    let mut local = redress_core::sync::local::Local::default();
    let body = serde_json::json!({"data": {"id": one.id}});
    let mut seq = 0;
    redress_core::sync::team::note_version(&mut local, body, &mut seq);
    let key = format!("record:{}", one.id);
    let batch = store::Batch {
        records: vec![(&one, 0)],
        sync: store::sync_entries(&[(key.as_str(), &local)], seq),
        ..store::Batch::default()
    };
    store::save_batch(&batch).await.unwrap();
    let notes = store::read_sync().await.unwrap();
    assert_eq!(notes.docs.get(&key), Some(&local));
    assert_eq!(notes.seq, 1);
    // A batch refused (a record another tab moved on) keeps neither the records nor the notes.
    let two = record("00000000-0000-4000-8000-000000000072", "Refused");
    let mut other = local.clone();
    redress_core::sync::team::note_version(&mut other, serde_json::json!({"data": 2}), &mut seq);
    let refused = store::Batch {
        records: vec![(&two, 0), (&one, 7)],
        sync: store::sync_entries(&[(key.as_str(), &other)], seq),
        ..store::Batch::default()
    };
    assert_eq!(store::save_batch(&refused).await, Err(store::SaveError::Conflict));
    let notes = store::read_sync().await.unwrap();
    assert_eq!(notes.docs.get(&key), Some(&local), "the notes as they were");
    assert_eq!(notes.seq, 1);
    assert!(store::load_record(&two.id).await.unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_early_read_says_how_many_records_are_stored_and_whether_nothing_is() {
    fresh().await;
    let early = store::early().await.expect("a new device is read early");
    assert!(early.nothing_stored && early.records == 0 && early.rows().next().is_none());
    // Records from the storage of a release before, not yet moved in: not nothing.
    local_storage().set_item("redress:record:abc", "{}").unwrap();
    assert!(store::early().await.is_none(), "the old keys are still to be read");
    local_storage().clear().unwrap();
    // A record without a kept row (kept by a release before rows held My work): wait for it.
    let one = record("00000000-0000-4000-8000-000000000071", "No row yet");
    store::save_record(&one, 0).await.unwrap();
    assert!(store::early().await.is_none());
    store::keep_rows(&[(one.id.clone(), "its row".into())], &[])
        .await
        .unwrap();
    let early = store::early().await.expect("its row is read early");
    assert!(!early.nothing_stored);
    assert_eq!((early.records, kept(&early)), (1, vec!["its row".to_string()]));
}

#[wasm_bindgen_test]
async fn a_records_kept_row_goes_when_the_record_does() {
    fresh().await;
    let one = record("00000000-0000-4000-8000-000000000061", "Deleted");
    let two = record("00000000-0000-4000-8000-000000000062", "Removed in a batch");
    let three = record("00000000-0000-4000-8000-000000000063", "Stays");
    for r in [&one, &two, &three] {
        store::save_record(r, 0).await.unwrap();
    }
    let rows: Vec<(String, String)> = [&one, &two, &three]
        .iter()
        .map(|r| (r.id.clone(), format!("row of {}", r.summary)))
        .collect();
    store::keep_rows(&rows, &[]).await.unwrap();
    store::delete_record(&Deletion {
        id: one.id.clone(),
        reference: one.reference.clone(),
        who: "Sam Officer".into(),
        at: "2026-11-23T09:00:00Z".parse().unwrap(),
        why: String::new(),
    })
    .await
    .unwrap();
    store::save_batch(&store::Batch {
        removals: vec![two.id.as_str()],
        ..store::Batch::default()
    })
    .await
    .unwrap();
    assert_eq!(kept(&store::early().await.unwrap()), vec!["row of Stays".to_string()]);
    store::keep_rows(&[], std::slice::from_ref(&three.id)).await.unwrap();
    assert!(store::early().await.is_none());
}

#[wasm_bindgen_test]
async fn records_read_a_part_at_a_time_all_arrive() {
    fresh().await;
    // More than one part (2,000 at a time), written as one batch.
    let many: Vec<Record> = (0..4_100)
        .map(|i| record(&format!("00000000-0000-4000-8000-{i:012}"), &format!("Record {i}")))
        .collect();
    store::save_batch(&store::Batch {
        records: many.iter().map(|r| (r, 0)).collect(),
        ..store::Batch::default()
    })
    .await
    .unwrap();
    let loaded = store::open().await;
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        sorted(loaded.records.into_iter().map(|r| r.data).collect()),
        sorted(many)
    );
}

#[wasm_bindgen_test]
async fn rows_kept_one_by_one_are_folded_into_packs_and_read_back_the_same() {
    fresh().await;
    let rows: Vec<(String, String)> = (0..1_234).map(|i| (format!("id-{i:05}"), format!("row {i}"))).collect();
    store::keep_rows(&rows, &[]).await.unwrap();
    // Few rows on their own are left so.
    assert_eq!(store::pack_rows(5_000).await, Ok(false));
    assert_eq!(store::pack_rows(200).await, Ok(true));
    let mut read = kept(&store::early().await.unwrap());
    read.sort();
    let mut expected: Vec<String> = rows.iter().map(|(_, row)| row.clone()).collect();
    expected.sort();
    assert_eq!(read, expected);
    // A row saved after packing, and one whose record went, win over the packs.
    let odd = "an id with a\ttab".to_string();
    store::keep_rows(
        &[
            ("id-00007".into(), "row 7, changed".into()),
            (odd.clone(), "odd".into()),
        ],
        &["id-00008".into()],
    )
    .await
    .unwrap();
    let read = kept(&store::early().await.unwrap());
    assert_eq!(read.len(), 1_234);
    assert!(read.contains(&"row 7, changed".to_string()) && !read.contains(&"row 7".to_string()));
    assert!(!read.contains(&"row 8".to_string()) && read.contains(&"odd".to_string()));
    // Packed again, nothing changes.
    assert_eq!(store::pack_rows(0).await, Ok(true));
    let mut again = kept(&store::early().await.unwrap());
    again.sort();
    let mut read = read;
    read.sort();
    assert_eq!(again, read);
}

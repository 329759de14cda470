//! The storage door in a real browser: round trips, a write that fails, corrupt data set aside.

use chrono::{DateTime, Utc};
use redress::state::AppState;
use redress::store::{self, SaveError};
use redress_core::exchange;
use redress_core::record::{DateInput, Record, RecordDraft};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
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
        &redress_core::settings::Settings::default().procedures(),
        &[],
    )
    .unwrap()
}

/// Fills localStorage until it refuses more, from big chunks down to small ones.
fn fill_storage() {
    let storage = storage();
    let mut chunk = 1 << 20;
    let mut n = 0;
    while chunk >= 16 {
        if storage.set_item(&format!("filler:{n}"), &"x".repeat(chunk)).is_ok() {
            n += 1;
        } else {
            chunk /= 2;
        }
    }
}

#[wasm_bindgen_test]
fn a_saved_record_loads_back_the_same() {
    storage().clear().unwrap();
    let first = record("00000000-0000-4000-8000-000000000001", "First");
    let second = record("00000000-0000-4000-8000-000000000002", "Second");
    let index = vec![first.id.clone(), second.id.clone()];
    store::save_record(&first, Some(&index)).unwrap();
    store::save_record(&second, Some(&index)).unwrap();

    let loaded = store::load();
    assert!(loaded.problems.is_empty());
    let mut records = loaded.records;
    records.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(records, vec![first.clone(), second]);

    // Each record is its own key inside the versioned envelope.
    let text = storage()
        .get_item(&format!("redress:record:{}", first.id))
        .unwrap()
        .unwrap();
    assert_eq!(exchange::open::<Record>(&text).unwrap(), first);
    assert!(text.starts_with(r#"{"format":"redress-store","schema_version":1"#));
}

#[wasm_bindgen_test]
fn saving_one_record_writes_only_that_record() {
    storage().clear().unwrap();
    let first = record("00000000-0000-4000-8000-000000000001", "First");
    let index = vec![first.id.clone()];
    store::save_record(&first, Some(&index)).unwrap();
    storage().set_item("redress:index", "sentinel").unwrap();
    let changed = Record {
        summary: "Changed".into(),
        ..first.clone()
    };
    store::save_record(&changed, None).unwrap();
    assert_eq!(
        storage().get_item("redress:index").unwrap().as_deref(),
        Some("sentinel")
    );
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_record_missing_from_the_index_is_still_loaded() {
    storage().clear().unwrap();
    let lost = record("00000000-0000-4000-8000-000000000003", "Not in the index");
    store::save_record(&lost, None).unwrap();
    let loaded = store::load();
    assert_eq!(loaded.records, vec![lost.clone()]);
    let index: Vec<String> = exchange::open(&storage().get_item("redress:index").unwrap().unwrap()).unwrap();
    assert_eq!(index, vec![lost.id]);
}

#[wasm_bindgen_test]
fn corrupt_data_is_set_aside_and_reported_never_deleted() {
    storage().clear().unwrap();
    let good = record("00000000-0000-4000-8000-000000000004", "Readable");
    store::save_record(&good, Some(&[good.id.clone(), "broken".into()])).unwrap();
    storage()
        .set_item("redress:record:broken", "{\"format\":\"redress-store\",\"schema_ver")
        .unwrap();

    let loaded = store::load();
    assert_eq!(loaded.records, vec![good]);
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    let message = &loaded.problems[0].0;
    assert!(message.contains("not readable JSON"), "{message}");

    // The text is kept, byte for byte, under a set-aside key that the message names.
    assert_eq!(storage().get_item("redress:record:broken").unwrap(), None);
    let aside = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .find(|key| key.starts_with("redress:set-aside:"))
        .expect("a set-aside key");
    assert!(aside.ends_with(":redress:record:broken"), "{aside}");
    assert!(message.contains(&aside), "{message}");
    assert_eq!(
        storage().get_item(&aside).unwrap().unwrap(),
        "{\"format\":\"redress-store\",\"schema_ver"
    );
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_write_that_fails_says_so_and_keeps_the_record_in_memory() {
    storage().clear().unwrap();
    let state = AppState::load();
    fill_storage();

    let big = record("00000000-0000-4000-8000-000000000005", &"A long account. ".repeat(400));
    assert_eq!(state.add_record(big.clone()), Err(SaveError::Full));
    assert_eq!(state.record(&big.id), Some(big.clone()), "kept in memory");
    assert_eq!(state.unsaved_records.get_untracked(), vec![big.id.clone()]);
    assert_eq!(state.save_error.get_untracked(), Some(SaveError::Full));
    assert!(SaveError::Full.to_string().contains("full"));

    // Once there is room again, trying again saves it and clears the warning.
    let fillers: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|key| key.starts_with("filler:"))
        .collect();
    for key in fillers {
        storage().remove_item(&key).unwrap();
    }
    assert_eq!(state.retry(), Ok(()));
    assert!(state.unsaved_records.get_untracked().is_empty());
    assert_eq!(state.save_error.get_untracked(), None);
    assert_eq!(store::load().records, vec![big]);
    storage().clear().unwrap();
}

use leptos::prelude::GetUntracked;

#[wasm_bindgen_test]
fn deleting_a_record_removes_it_and_records_the_deletion() {
    storage().clear().unwrap();
    let gone = record("00000000-0000-4000-8000-000000000006", "To delete");
    let kept = record("00000000-0000-4000-8000-000000000007", "To keep");
    let index = vec![gone.id.clone(), kept.id.clone()];
    store::save_record(&gone, Some(&index)).unwrap();
    store::save_record(&kept, Some(&index)).unwrap();
    let deletion = store::Deletion {
        id: gone.id.clone(),
        reference: gone.reference.clone(),
        who: "Sam Officer".into(),
        at: gone.created,
    };
    store::delete_record(&gone.id, std::slice::from_ref(&kept.id), deletion.clone()).unwrap();
    assert_eq!(store::load().records, vec![kept]);
    assert_eq!(store::deletions(), vec![deletion]);
    storage().clear().unwrap();
}

fn assessment(id: &str) -> redress_core::assessment::Assessment {
    use redress_core::assessment::{Assessment, FrameworkId};
    let change = redress_core::record::Change::new("Pat Manager", "2026-11-22T10:00:00Z".parse().unwrap());
    let mut assessment = Assessment::new(id, FrameworkId::Ncmg2016, "Exampleshire", "2025 to 2026", &change);
    assessment.edit_entry("1.1", &change, |entry| entry.score = Some(2));
    assessment
}

#[wasm_bindgen_test]
fn assessments_load_back_and_a_failed_save_keeps_them_in_memory() {
    storage().clear().unwrap();
    let first = assessment("a-1");
    store::save_assessment(&first).unwrap();
    storage()
        .set_item("redress:assessment:broken", "{\"format\":\"redress-store\"")
        .unwrap();
    let loaded = store::load();
    assert_eq!(loaded.assessments, vec![first.clone()]);
    assert_eq!(loaded.problems.len(), 1, "the broken one is set aside and reported");
    assert!(
        loaded.problems[0].0.contains("self-assessment"),
        "{:?}",
        loaded.problems
    );

    let state = AppState::load();
    fill_storage();
    let mut changed = first.clone();
    changed.conclusions = "A long conclusion. ".repeat(400);
    assert_eq!(state.save_assessment(changed.clone()), Err(SaveError::Full));
    assert_eq!(state.assessment("a-1"), Some(changed.clone()), "kept in memory");
    assert_eq!(state.unsaved_assessments.get_untracked(), vec!["a-1".to_string()]);
    let fillers: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|key| key.starts_with("filler:"))
        .collect();
    for key in fillers {
        storage().remove_item(&key).unwrap();
    }
    assert_eq!(state.retry(), Ok(()));
    assert_eq!(store::load().assessments, vec![changed]);
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn an_import_that_does_not_fit_changes_nothing_at_all() {
    storage().clear().unwrap();
    let kept = record(
        "00000000-0000-4000-8000-000000000010",
        "Kept as it was, with a summary longer than the change",
    );
    store::save_record(&kept, Some(std::slice::from_ref(&kept.id))).unwrap();
    let state = AppState::load();
    fill_storage();
    let snapshot: Vec<(String, String)> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|key| key.starts_with("redress:"))
        .map(|key| (key.clone(), storage().get_item(&key).unwrap().unwrap()))
        .collect();

    // The first record (a changed copy of the kept one) fits; the big new one does not.
    let mut changed = kept.clone();
    changed.summary = "Changed".into();
    let big = record("00000000-0000-4000-8000-000000000011", "Does not fit");
    let result = state.apply_import(vec![changed, big.clone()], Vec::new(), None);
    assert_eq!(result, Err(SaveError::Full));

    let after: Vec<(String, String)> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|key| key.starts_with("redress:"))
        .map(|key| (key.clone(), storage().get_item(&key).unwrap().unwrap()))
        .collect();
    assert_eq!(after, snapshot, "storage is exactly as it was");
    assert_eq!(state.record(&kept.id), Some(kept.clone()), "memory is as it was");
    assert_eq!(state.record(&big.id), None);
    storage().clear().unwrap();
}

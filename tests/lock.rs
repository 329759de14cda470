//! The lock in a real browser, over the database a release before this one left: setting it
//! seals every stored value (no name left readable), a restart asks for the passphrase, a wrong
//! one changes nothing, the right one brings every document back whole; saving, a revision
//! refused, a tampered value set aside, a new passphrase, the recovery key, and removing the
//! lock with everything plain again.

use redress::store::{self, LockState, SaveError, UnlockError};
use redress_core::exchange;
use redress_core::lock;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{fixture_store, make_version_1};

const STORES: [&str; 7] = [
    "records",
    "assessments",
    "settings",
    "deletions",
    "set-aside",
    "meta",
    "rows",
];
const PASSPHRASE: &str = "kettle orange violin";

/// Every value kept, as text, with its store and key.
async fn everything_kept() -> Vec<(String, String, String)> {
    let mut all = Vec::new();
    for name in STORES {
        for (key, text) in store::raw_values(name).await.unwrap() {
            all.push((name.to_string(), key, text));
        }
    }
    all
}

/// As a new start of the page: the key and the open database dropped.
fn restart() {
    store::forget_key();
    store::forget_database();
}

#[wasm_bindgen_test]
async fn the_lock_seals_an_old_database_and_the_passphrase_brings_it_back_whole() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    make_version_1().await;
    let before = store::open().await;
    assert!(before.problems.is_empty(), "{:?}", before.problems);
    assert_eq!(before.records.len(), fixture_store("records").len());
    let first = before.records[0].data.clone();
    store::keep_rows(&[(first.id.clone(), format!("{} row", first.person.name))], &[])
        .await
        .unwrap();
    assert!(matches!(store::lock_state().await, LockState::None));

    let recovery = store::set_lock(PASSPHRASE).await.unwrap();
    assert_eq!(lock::recovery::read(&recovery).unwrap().len(), 32);
    // A second lock is never set over the first (its values could not be opened again).
    let kept_before = everything_kept().await;
    assert!(store::set_lock("another passphrase here").await.is_err());
    assert_eq!(everything_kept().await, kept_before);
    // Every value is sealed but the lock itself, and no name is left to read.
    let kept = everything_kept().await;
    assert!(kept.len() > 20);
    for (name, key, text) in &kept {
        if name == "meta" && key == lock::LOCK_KEY {
            assert!(text.contains("\"iterations\":600000"));
            continue;
        }
        assert!(lock::is_sealed(text), "{name}/{key} is not sealed: {text:.80}");
        assert!(!text.contains(&first.person.name), "{name}/{key}");
        assert!(!text.contains("blue badge"), "{name}/{key}");
    }

    // A new start: locked. A wrong passphrase changes nothing; the right one opens everything.
    restart();
    assert!(matches!(store::lock_state().await, LockState::Locked(_)));
    assert!(matches!(
        store::open().await.problems.first(),
        Some(problem) if problem.0.contains("locked")
    ));
    assert_eq!(
        store::unlock("kettle orange viola").await,
        Err(UnlockError::WrongPassphrase)
    );
    assert_eq!(everything_kept().await, kept);
    store::unlock(PASSPHRASE).await.unwrap();
    let after = store::open().await;
    assert!(after.problems.is_empty(), "{:?}", after.problems);
    assert_eq!(after.records, before.records);
    assert_eq!(after.assessments, before.assessments);
    assert_eq!(after.settings, before.settings);
    assert_eq!(after.deletions, before.deletions);
    let early = store::early().await.expect("the kept rows are opened too");
    assert_eq!(
        early.rows().collect::<Vec<_>>(),
        vec![format!("{} row", first.person.name)]
    );

    // Saving with the lock set: sealed, counted by revision, a stale save refused.
    let mut edited = first.clone();
    edited.summary = "Edited with the lock set".into();
    let revision = before.records[0].revision;
    assert_eq!(store::save_record(&edited, revision).await, Ok(revision + 1));
    assert_eq!(store::save_record(&edited, revision).await, Err(SaveError::Conflict));
    let read = store::load_record(&edited.id).await.unwrap().unwrap();
    assert_eq!(read.data.summary, "Edited with the lock set");
    let raw = store::raw_values("records").await.unwrap();
    let (_, text) = raw.iter().find(|(key, _)| *key == edited.id).unwrap();
    assert!(lock::is_sealed(text) && !text.contains("Edited with the lock set"));

    // A new passphrase: the old one no longer opens it; the recovery key still does.
    store::change_passphrase(PASSPHRASE, "violin kettle orange")
        .await
        .unwrap();
    restart();
    assert_eq!(store::unlock(PASSPHRASE).await, Err(UnlockError::WrongPassphrase));
    assert_eq!(
        store::recover(&"0".repeat(64), "plum tree harbour").await,
        Err(UnlockError::WrongRecoveryKey)
    );
    store::recover(&recovery, "plum tree harbour").await.unwrap();
    assert_eq!(store::open().await.records.len(), before.records.len());
    restart();
    store::unlock("plum tree harbour").await.unwrap();

    // Removing the lock: the passphrase again, then every value is plain and the same.
    assert_eq!(
        store::remove_lock("violin kettle orange").await,
        Err(UnlockError::WrongPassphrase)
    );
    store::remove_lock("plum tree harbour").await.unwrap();
    restart();
    assert!(matches!(store::lock_state().await, LockState::None));
    for (name, key, text) in everything_kept().await {
        assert!(!lock::is_sealed(&text), "{name}/{key}");
    }
    let plain = store::open().await;
    assert!(plain.problems.is_empty(), "{:?}", plain.problems);
    assert_eq!(plain.records.len(), before.records.len());
    let back = plain.records.iter().find(|r| r.data.id == edited.id).unwrap();
    assert_eq!(back.data.summary, "Edited with the lock set");
    assert_eq!(back.revision, revision + 1);
    let old = exchange::restore::record(&fixture_store("records")[&before.records[1].data.id]).unwrap();
    assert!(plain.records.iter().any(|r| r.data == old.data));
}

#[wasm_bindgen_test]
async fn a_sealed_value_changed_or_moved_is_set_aside_with_its_reason_and_the_rest_opens() {
    make_version_1().await;
    let before = store::open().await;
    store::set_lock(PASSPHRASE).await.unwrap();
    let raw = store::raw_values("records").await.unwrap();
    let (first_key, first_text) = raw[0].clone();
    let (second_key, _) = raw[1].clone();
    // One value's ciphertext changed by a byte; another's replaced with a third's (moved).
    let mut sealed = lock::Sealed::read(&first_text).unwrap();
    let mut bytes = lock::decode(&sealed.data, "data").unwrap();
    bytes[3] ^= 1;
    sealed.data = lock::encode(&bytes);
    store::put_raw("records", &first_key, &sealed.to_text()).await.unwrap();
    store::put_raw("records", &second_key, &raw[2].1).await.unwrap();
    restart();
    store::unlock(PASSPHRASE).await.unwrap();
    let loaded = store::open().await;
    assert_eq!(loaded.records.len(), before.records.len() - 2);
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    for problem in &loaded.problems {
        assert!(problem.0.contains("authentication tag does not match"), "{}", problem.0);
    }
    // Set aside unchanged, under the place it was found.
    let aside = store::set_aside().await.unwrap();
    assert_eq!(aside.len(), 2);
    assert!(
        aside
            .iter()
            .any(|(key, text)| key.ends_with(&first_key) && *text == sealed.to_text())
    );
    // The lock is not removed while a record cannot be decrypted: left sealed without its lock,
    // it could never be opened again. Nothing changes.
    store::put_raw("records", &first_key, &sealed.to_text()).await.unwrap();
    let kept = everything_kept().await;
    let refused = store::remove_lock(PASSPHRASE).await;
    assert!(
        matches!(&refused, Err(UnlockError::Failed(why)) if why.contains("could not be decrypted")),
        "{refused:?}"
    );
    assert_eq!(everything_kept().await, kept);
    store::put_raw("records", &first_key, &first_text).await.unwrap();
    store::remove_lock(PASSPHRASE).await.unwrap();
}

#[wasm_bindgen_test]
async fn sealed_values_read_without_a_key_are_left_where_they_are_never_set_aside() {
    make_version_1().await;
    let before = store::open().await;
    store::set_lock(PASSPHRASE).await.unwrap();
    let kept = everything_kept().await;
    // A page that did not read the lock (the database failed at that moment, say) reads on.
    restart();
    store::forget_lock_state();
    let loaded = store::open().await;
    assert!(loaded.records.is_empty());
    assert!(
        loaded.problems.iter().any(|p| p.0.contains("no key to open them")),
        "{:?}",
        loaded.problems
    );
    assert_eq!(everything_kept().await, kept);
    assert!(store::set_aside().await.unwrap().is_empty());
    // Nor does such a page write plain text beside the sealed values: its save is refused.
    let record = before.records[0].clone();
    let refused = store::save_record(&record.data, record.revision).await;
    assert!(
        matches!(&refused, Err(SaveError::Blocked(why)) if why.contains("another tab")),
        "{refused:?}"
    );
    assert_eq!(everything_kept().await, kept);
    // The lock is still there, and opens everything.
    assert!(matches!(store::lock_state().await, LockState::Locked(_)));
    store::unlock(PASSPHRASE).await.unwrap();
    assert_eq!(store::open().await.records, before.records);
    store::remove_lock(PASSPHRASE).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_lock_seals_team_syncs_notes_and_they_read_back_whole() {
    make_version_1().await;
    let loaded = store::open().await;
    let team = redress_core::sync::team::check("http://127.0.0.1:5984", "team", "sam", "pw").unwrap();
    store::save_team(Some(&team)).await.unwrap();
    let first = &loaded.records[0].data;
    let mut local = redress_core::sync::local::Local::default();
    let mut seq = 0;
    let body = redress_core::sync::local::envelope_body(&exchange::seal(first)).unwrap();
    redress_core::sync::team::note_version(&mut local, body, &mut seq);
    let key = format!("record:{}", first.id);
    store::write_docs(&[(key.as_str(), &local)], seq).await.unwrap();
    let before = store::read_sync().await.unwrap();
    let summary = first.summary.clone();
    assert!(
        store::raw_values("sync")
            .await
            .unwrap()
            .iter()
            .any(|(_, text)| text.contains(&summary)),
        "the notes hold the record's text"
    );

    store::set_lock(PASSPHRASE).await.unwrap();
    for (key, text) in store::raw_values("sync").await.unwrap() {
        assert!(redress_core::lock::is_sealed(&text), "{key} is sealed");
        assert!(!text.contains(&summary));
    }
    // Read back whole, with the key; written again sealed.
    let sealed = store::read_sync().await.unwrap();
    assert!(sealed.unreadable.is_empty(), "{:?}", sealed.unreadable);
    assert_eq!(sealed.docs, before.docs);
    assert_eq!(sealed.team, before.team);
    assert_eq!(sealed.seq, before.seq);
    store::write_docs(&[(key.as_str(), &local)], seq + 1).await.unwrap();
    assert!(
        store::raw_values("sync")
            .await
            .unwrap()
            .iter()
            .all(|(_, text)| redress_core::lock::is_sealed(text))
    );
    // Without the key nothing is read as if it were there.
    restart();
    assert!(!store::read_sync().await.unwrap().unreadable.is_empty());
    store::unlock(PASSPHRASE).await.unwrap();
    assert_eq!(store::read_sync().await.unwrap().docs, before.docs);
    // A team key kept under the lock goes with it: never left in the clear.
    let kept = redress_core::sync::team_key::KeptTeamKey {
        database: "http://127.0.0.1:5984/team".into(),
        key_id: "k1".into(),
        raw: "c2VjcmV0IHRlYW0ga2V5IGJ5dGVzIGhlcmUgMzIgYnl0ZXM=".into(),
    };
    store::write_team_key(&kept).await.unwrap();
    assert_eq!(store::read_sync().await.unwrap().team_key, Some(kept));
    // Removing the lock opens them again.
    store::remove_lock(PASSPHRASE).await.unwrap();
    assert_eq!(store::read_sync().await.unwrap().team_key, None);
    assert!(
        !store::raw_values("sync")
            .await
            .unwrap()
            .iter()
            .any(|(_, text)| text.contains("c2VjcmV0")),
        "the team key is not left in the clear"
    );
    assert!(
        store::raw_values("sync")
            .await
            .unwrap()
            .iter()
            .any(|(_, text)| text.contains(&summary))
    );
    assert_eq!(store::read_sync().await.unwrap().docs, before.docs);
}

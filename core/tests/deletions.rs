//! Deletions are data: tombstones go out in whole exports and come back in, an older file never
//! brings a deleted record back unless the person chooses to, and a record deleted elsewhere is
//! kept here unless the person chooses to delete it too.

use redress_core::exchange::file::{everything, read};
use redress_core::exchange::merge::{ImportDraft, preview};
use redress_core::record::Record;
use redress_core::record::deletion::Deletion;

mod common;
use common::records::{change, records};
use common::{exporter, settings};

fn tombstone(record: &Record, why: &str) -> Deletion {
    Deletion {
        id: record.id.clone(),
        reference: record.reference.clone(),
        who: "Sam Officer".into(),
        at: "2026-11-23T09:00:00Z".parse().unwrap(),
        why: why.into(),
    }
}

#[test]
fn tombstones_go_out_in_a_whole_export_and_come_back() {
    let all = records();
    let deletions = vec![tombstone(&all[0], "Entered twice")];
    let file = everything(&all[1..], &[], &settings(), &deletions, &exporter(), false);
    let back = read(&file.to_json()).expect("the export reads");
    assert_eq!(back.deletions, deletions);
    assert_eq!(back, file);
}

#[test]
fn the_stored_shape_of_a_tombstone_reads_unchanged() {
    // As the app has stored deletions so far: no reason given.
    let stored = r#"{"id":"r-1","reference":"C-2026-0001","who":"Sam Officer","at":"2026-11-23T09:00:00Z"}"#;
    let deletion: Deletion = serde_json::from_str(stored).unwrap();
    assert_eq!(deletion.why, "");
    assert_eq!(deletion.reference, "C-2026-0001");
    let text = include_str!("fixtures/export-schema-1.json");
    assert!(read(text).unwrap().deletions.is_empty(), "older files hold none");
}

#[test]
fn an_older_file_does_not_bring_back_a_record_deleted_here_unless_the_person_chooses() {
    let all = records();
    // The file was exported before the first record was deleted on this device.
    let older = everything(&all, &[], &settings(), &[], &exporter(), false);
    let here = &all[1..];
    let deletions = vec![tombstone(&all[0], "Entered twice")];
    let plan = preview(&older, here, &[], &settings(), &deletions);
    assert!(plan.new_records.is_empty(), "nothing is new: {:?}", plan.new_records);
    assert!(plan.updated_records.is_empty());
    assert_eq!(plan.deleted_here, vec![(deletions[0].clone(), all[0].clone())]);
    assert!(plan.offers_deletion_choices());

    let by_default = plan.to_apply(&ImportDraft::default(), &change());
    assert!(by_default.records.is_empty(), "it stays deleted");
    assert!(by_default.remove_deletions.is_empty());

    let restored = plan.to_apply(
        &ImportDraft {
            restore: vec![true],
            ..ImportDraft::default()
        },
        &change(),
    );
    assert_eq!(restored.records, vec![all[0].clone()]);
    assert_eq!(restored.remove_deletions, vec![all[0].id.clone()]);
}

#[test]
fn a_record_the_file_says_was_deleted_is_kept_unless_the_person_chooses() {
    let all = records();
    // Another device deleted records 0 and 1; this one still has both, and never had record 5.
    let theirs = &all[2..5];
    let file_deletions = vec![
        tombstone(&all[0], "Entered twice"),
        tombstone(&all[1], "Asked to be removed"),
        tombstone(&all[5], "Test record"),
    ];
    let file = everything(theirs, &[], &settings(), &file_deletions, &exporter(), false);
    let file = read(&file.to_json()).unwrap();
    let here = &all[..5];
    let plan = preview(&file, here, &[], &settings(), &[]);
    assert_eq!(
        plan.deleted_in_file,
        vec![
            (file_deletions[0].clone(), all[0].clone()),
            (file_deletions[1].clone(), all[1].clone())
        ]
    );
    assert_eq!(
        plan.new_deletions,
        vec![file_deletions[2].clone()],
        "joins this device's list"
    );
    assert!(plan.changes_anything());

    let by_default = plan.to_apply(&ImportDraft::default(), &change());
    assert_eq!(
        plan.draft(),
        ImportDraft {
            delete: vec![false, false],
            ..ImportDraft::default()
        },
        "the page shows every default"
    );
    assert_eq!(plan.to_apply(&plan.draft(), &change()), by_default);
    assert!(by_default.delete.is_empty(), "nothing lost by default");
    assert_eq!(by_default.add_deletions, vec![file_deletions[2].clone()]);

    let chosen = plan.to_apply(
        &ImportDraft {
            delete: vec![false, true],
            ..ImportDraft::default()
        },
        &change(),
    );
    assert_eq!(chosen.delete, vec![all[1].id.clone()]);
    assert_eq!(
        chosen.add_deletions,
        vec![file_deletions[2].clone(), file_deletions[1].clone()]
    );

    // Imported again, the tombstones already here are not offered twice.
    let known = [file_deletions[2].clone(), file_deletions[1].clone()];
    let again = preview(&file, &[all[0].clone()], &[], &settings(), &known);
    assert!(again.new_deletions.is_empty());
    assert_eq!(again.deleted_in_file.len(), 1);
}

#[test]
fn a_redacted_export_carries_no_names_in_its_tombstones_and_changes_nothing_here() {
    let all = records();
    let deletions = vec![tombstone(&all[0], "Asked by Jo Bloggs to be removed")];
    let file = everything(&all[1..], &[], &settings(), &deletions, &exporter(), true);
    assert_eq!(file.deletions.len(), 1);
    let redacted = &file.deletions[0];
    assert_eq!(redacted.id, all[0].id);
    assert_eq!(redacted.reference, all[0].reference);
    assert!(redacted.who.starts_with("Person "), "{}", redacted.who);
    assert_eq!(redacted.why, "[removed]");
    assert!(!file.to_json().contains("Sam Officer") && !file.to_json().contains("Jo Bloggs"));
    let plan = preview(&file, &all, &[], &settings(), &[]);
    assert!(plan.deleted_in_file.is_empty() && plan.new_deletions.is_empty());
}

#[test]
fn a_tombstone_with_a_far_date_is_refused_by_its_place() {
    let all = records();
    let mut deletion = tombstone(&all[0], "");
    deletion.at = "3000-01-01T00:00:00Z".parse().unwrap();
    let text = everything(&all[1..], &[], &settings(), &[deletion], &exporter(), false).to_json();
    let problems = read(&text).unwrap_err();
    assert_eq!(problems[0].field, "deletions[0].at");
    assert_eq!(problems[0].message, "the year 3000 is outside 1900–2200");
}

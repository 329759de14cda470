//! References never collide on import: a record from a file whose reference is used here by a
//! different record (or by another record earlier in the same file) gets the next free
//! reference of its kind and year; the import preview says so before anything changes, and the
//! record's history says so after. The same record coming back keeps the number it was given
//! here, and is never renumbered twice over.

use redress_core::exchange::file::{ExportFile, everything, read};
use redress_core::exchange::merge::{ImportDraft, Preview, Side, preview};
use redress_core::exchange::renumber::{Clash, When};
use redress_core::record::deletion::Deletion;
use redress_core::record::{Change, EventKind, Record};

mod common;
use common::records::{event, make};
use common::{exporter, settings};

/// The person importing, the day after the tests' "today".
fn importing() -> Change {
    Change::new("Sam Officer", "2026-11-23T09:00:00Z".parse().unwrap())
}

fn with_id(mut record: Record, id: &str) -> Record {
    id.clone_into(&mut record.id);
    record
}

/// A whole export of `records`, written out and read back as an import reads it.
fn file_of(records: &[Record]) -> ExportFile {
    read(&everything(records, &[], &settings(), &[], &exporter(), false).to_json()).expect("the export reads")
}

fn plan(file: &ExportFile, here: &[Record]) -> Preview {
    preview(file, here, &[], &settings(), &[])
}

/// This device's two complaints, C-2026-0001 and C-2026-0002.
fn here() -> Vec<Record> {
    let first = make("complaint", "2026-01-05", "Made here first.", &[]);
    let second = make(
        "complaint",
        "2026-01-06",
        "Made here second.",
        std::slice::from_ref(&first),
    );
    vec![first, second]
}

/// Another device's first complaint: C-2026-0001 there too, a different record.
fn theirs() -> Record {
    with_id(
        make("complaint", "2026-01-07", "Made on another laptop.", &[]),
        "their-0",
    )
}

#[test]
fn a_record_whose_reference_is_used_here_gets_the_next_free_one_and_says_so() {
    let here = here();
    let theirs = theirs();
    assert_eq!(theirs.reference, "C-2026-0001");
    assert_eq!(here[0].reference, theirs.reference, "the clash");

    let plan = plan(&file_of(std::slice::from_ref(&theirs)), &here);
    assert_eq!(
        plan.new_records,
        vec![theirs.clone()],
        "nothing is changed before the import"
    );
    assert_eq!(
        plan.renumbering_lines(),
        vec![
            "C-2026-0001 in the file (a complaint received Wed 7 Jan 2026) becomes C-2026-0003: that reference is \
             used here by another record."
        ],
        "the preview says so first"
    );
    assert_eq!(plan.renumbered[0].clash, Clash::Here);
    assert_eq!(plan.renumbered[0].when, When::Always);

    let apply = plan.to_apply(&ImportDraft::default(), &importing());
    let [record] = apply.records.as_slice() else {
        panic!("one record to write: {:?}", apply.records)
    };
    assert_eq!(
        record.reference, "C-2026-0003",
        "the next free complaint number of 2026"
    );
    let line = record.history.last().unwrap();
    assert_eq!(
        line.what,
        "Renumbered from C-2026-0001 to C-2026-0003 on import: that reference is used here by another record"
    );
    assert_eq!((line.who.as_str(), line.at), ("Sam Officer", importing().at));
    assert_eq!(record.history.len(), theirs.history.len() + 1, "its own history kept");

    // Everything else as the file had it.
    let mut undone = record.clone();
    undone.reference.clone_from(&theirs.reference);
    undone.history.pop();
    undone.updated = theirs.updated;
    assert_eq!(undone, theirs);
}

#[test]
fn the_same_record_and_an_unused_reference_keep_theirs() {
    let here = here();
    // Their first complaint was received in 2025: no clash.
    let other = with_id(make("complaint", "2025-12-01", "Another year.", &[]), "their-0");
    assert_eq!(other.reference, "C-2025-0001");
    let mut updated_here = event(&here[0], EventKind::Acknowledged, "2026-01-06", "Sam Officer");
    updated_here.updated = importing().at;

    let plan = plan(&file_of(&[updated_here.clone(), other.clone()]), &here);
    assert!(plan.renumbered.is_empty(), "{:?}", plan.renumbered);
    assert!(plan.renumbering_lines().is_empty());
    let apply = plan.to_apply(&ImportDraft::default(), &importing());
    assert_eq!(apply.records, vec![other, updated_here], "both as the file has them");
}

#[test]
fn two_records_of_one_file_with_one_reference_are_told_apart() {
    let first = theirs();
    let second = with_id(
        make("complaint", "2026-02-02", "Made on a third laptop.", &[]),
        "third-0",
    );
    let later = with_id(
        make("complaint", "2026-02-03", "Their second.", std::slice::from_ref(&first)),
        "their-1",
    );
    assert_eq!(
        (
            first.reference.as_str(),
            second.reference.as_str(),
            later.reference.as_str()
        ),
        ("C-2026-0001", "C-2026-0001", "C-2026-0002")
    );
    let plan = plan(&file_of(&[first.clone(), second, later]), &[]);
    assert_eq!(
        plan.renumbering_lines(),
        vec![
            "C-2026-0001 in the file (a complaint received Mon 2 Feb 2026) becomes C-2026-0003: another record \
             in the same file has that reference."
        ],
        "the first keeps it; the new number is not one the file uses"
    );
    let apply = plan.to_apply(&ImportDraft::default(), &importing());
    let references: Vec<&str> = apply.records.iter().map(|r| r.reference.as_str()).collect();
    assert_eq!(references, ["C-2026-0001", "C-2026-0003", "C-2026-0002"]);
    assert_eq!(apply.records[0], first);
}

#[test]
fn a_renumbered_record_coming_back_keeps_the_number_given_here() {
    let mut here = here();
    let theirs = theirs();
    let file = file_of(std::slice::from_ref(&theirs));
    let first = plan(&file, &here).to_apply(&ImportDraft::default(), &importing());
    here.extend(first.records);

    // The same file again: nothing to do.
    let again = plan(&file, &here);
    assert_eq!(again.unchanged_records, 1, "the same record, renumbered here");
    assert!(again.renumbered.is_empty());
    assert!(!again.changes_anything());

    // A later version from the other laptop, still C-2026-0001 there.
    let mut later = event(&theirs, EventKind::Acknowledged, "2026-01-08", "Jo Manager");
    later.updated = "2026-11-24T09:00:00Z".parse().unwrap();
    let plan = plan(&file_of(std::slice::from_ref(&later)), &here);
    assert_eq!(plan.updated_records, vec![later.clone()], "newer, not a conflict");
    assert!(plan.conflicts.is_empty());
    assert_eq!(
        plan.renumbering_lines(),
        vec![
            "C-2026-0001 in the file (a complaint received Wed 7 Jan 2026) becomes C-2026-0003: that reference is \
             used here by another record."
        ],
        "the number it was given here, not a fresh one"
    );
    let apply = plan.to_apply(&ImportDraft::default(), &importing());
    assert_eq!(apply.records[0].reference, "C-2026-0003");
}

#[test]
fn a_record_changed_on_both_sides_is_renumbered_only_if_the_file_is_taken() {
    let mut here = here();
    let theirs = theirs();
    let imported = plan(&file_of(std::slice::from_ref(&theirs)), &here)
        .to_apply(&ImportDraft::default(), &importing())
        .records;
    // Changed here after the import, and changed there too.
    let mut ours = event(&imported[0], EventKind::Acknowledged, "2026-01-08", "Sam Officer");
    ours.updated = "2026-11-24T09:00:00Z".parse().unwrap();
    here.push(ours.clone());
    let mut there = event(&theirs, EventKind::Acknowledged, "2026-01-09", "Jo Manager");
    there.updated = "2026-11-25T09:00:00Z".parse().unwrap();

    let plan = plan(&file_of(std::slice::from_ref(&there)), &here);
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(
        plan.renumbering_lines(),
        vec![
            "If you take the file’s version, C-2026-0001 in the file (a complaint received Wed 7 Jan 2026) \
             becomes C-2026-0003: that reference is used here by another record."
        ]
    );
    let kept = plan.to_apply(
        &ImportDraft {
            conflicts: vec![Side::Device],
            ..ImportDraft::default()
        },
        &importing(),
    );
    assert!(kept.records.is_empty(), "this device's version stays as it is");
    let taken = plan.to_apply(
        &ImportDraft {
            conflicts: vec![Side::File],
            ..ImportDraft::default()
        },
        &importing(),
    );
    assert_eq!(taken.records[0].reference, "C-2026-0003");
    assert_eq!(taken.records[0].id, there.id);
}

#[test]
fn a_record_restored_from_the_file_is_renumbered_if_its_reference_was_used_again() {
    // C-2026-0001 was deleted here, and the next complaint made here took its number.
    let deleted = make("complaint", "2026-01-05", "Entered by mistake.", &[]);
    let tombstone = Deletion {
        id: deleted.id.clone(),
        reference: deleted.reference.clone(),
        who: "Sam Officer".into(),
        at: "2026-11-23T09:00:00Z".parse().unwrap(),
        why: "Entered twice".into(),
    };
    let reused = with_id(make("complaint", "2026-01-06", "The real one.", &[]), "id-9");
    assert_eq!(reused.reference, deleted.reference);

    let file = file_of(std::slice::from_ref(&deleted));
    let plan = preview(&file, std::slice::from_ref(&reused), &[], &settings(), &[tombstone]);
    assert_eq!(
        plan.renumbering_lines(),
        vec![
            "If you restore it, C-2026-0001 in the file (a complaint received Mon 5 Jan 2026) becomes \
             C-2026-0002: that reference is used here by another record."
        ]
    );
    assert!(
        plan.to_apply(&ImportDraft::default(), &importing()).records.is_empty(),
        "kept deleted by default"
    );
    let restored = plan.to_apply(
        &ImportDraft {
            restore: vec![true],
            ..ImportDraft::default()
        },
        &importing(),
    );
    assert_eq!(restored.records[0].reference, "C-2026-0002");
}

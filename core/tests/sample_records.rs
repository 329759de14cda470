//! The sample records for exploring a new device: every kind and built-in procedure, marked as
//! samples, with work due.

use redress_core::record::RecordKind;
use redress_core::settings::Settings;
use redress_core::worklist::{WorkFor, my_work};

mod common;
use common::dates::date;
use common::records::change;

#[test]
fn sample_data_covers_every_kind_and_procedure_and_is_marked() {
    let settings = Settings::default();
    let records = redress_core::sample::sample_records(date("2026-11-20"), &settings, &change());
    assert_eq!(records.len(), 20);
    assert!(
        records
            .iter()
            .all(|r| r.sample && r.summary.ends_with("(Sample record)"))
    );
    for kind in [
        RecordKind::Complaint,
        RecordKind::Concern,
        RecordKind::ServiceRequest,
        RecordKind::Compliment,
    ] {
        assert!(records.iter().any(|r| r.kind == kind), "{kind:?}");
    }
    for id in [
        "lgsco-2024",
        "housing-ombudsman-2024",
        "children-act-1989-2006",
        "social-services-nhs-2009",
    ] {
        assert!(
            records
                .iter()
                .any(|r| r.procedure.as_ref().is_some_and(|p| p.id() == id)),
            "{id}"
        );
    }
    assert!(records.iter().any(|r| r.closed.is_some()));
    assert!(records.iter().any(|r| {
        r.stages
            .first()
            .is_some_and(|s| s.acknowledged.is_some() && s.responded.is_none())
    }));
    let work = my_work(&records, &settings.rules(date("2026-11-20")), &WorkFor::Everyone);
    assert!(!work.group("Due in the next 7 days").is_empty() || !work.group("Due today").is_empty());
}

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

#[test]
fn my_work_drawn_from_kept_rows_is_my_work_drawn_from_the_records() {
    use redress_core::record::search::{Rows, keep_row, kept_row};
    use redress_core::worklist::work_from_rows;
    let settings = Settings {
        user_name: "Sam Patel".into(),
        ..Settings::default()
    };
    let records = redress_core::sample::sample_records(date("2026-11-20"), &settings, &change());
    let kept: Vec<String> = Rows::new(&records, &settings.rules(date("2026-11-20")))
        .iter()
        .map(keep_row)
        .collect();
    // Read back on the day they were kept, and on later days: what is due moves between groups
    // and the advocate's cases' dates come into the next seven days.
    for day in ["2026-11-20", "2026-11-27", "2026-12-24", "2027-03-01"] {
        let rules = settings.rules(date(day));
        let mut rows = Rows::default();
        for text in &kept {
            rows.insert(kept_row(text, &rules).expect("a kept row reads back"));
        }
        for who in ["", "mine", "unassigned", "handler:Alex Morgan"] {
            let who = WorkFor::from_value(who, &settings.user_name);
            let from_records = my_work(&records, &rules, &who);
            assert_eq!(
                work_from_rows(rows.iter(), rules.today, &who),
                from_records,
                "{day} {who:?}"
            );
        }
    }
    // The comparison covers work in several groups, for several handlers.
    let work = my_work(&records, &settings.rules(date("2026-11-20")), &WorkFor::Everyone);
    assert!(
        work.groups.iter().filter(|g| !g.items.is_empty()).count() >= 2,
        "{work:?}"
    );
    assert!(work.by_handler.len() >= 2, "{:?}", work.by_handler);
}

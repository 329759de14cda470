//! The Ombudsman's stage: the referral and decision checked, recommendations on My work until
//! complied with.

use redress_core::record::DateInput;
use redress_core::settings::Settings;
use redress_core::worklist::{DueKind, WorkFor, my_work};

mod common;
use common::dates::date;
use common::records::{change, make};

#[test]
fn the_ombudsman_stage_is_recorded_with_recommendations_and_compliance() {
    use redress_core::record::ombudsman::{OmbudsmanDraft, comply};
    let record = make("complaint", "2025-12-19", "A", &[]);
    let mut draft = OmbudsmanDraft {
        referred: DateInput::new("2", "3", "2026"),
        finding: "upheld".into(),
        ..OmbudsmanDraft::default()
    };
    let problems = draft.apply(&record, date("2026-06-01"), &change()).unwrap_err();
    assert_eq!(problems[0].field, "ombudsman-decision");
    draft.decision = "investigated".into();
    draft.recommendation = "Apologise and pay £200".into();
    draft.recommendation_due = DateInput::new("1", "5", "2026");
    let referred = draft.apply(&record, date("2026-06-01"), &change()).unwrap();
    let ombudsman = referred.ombudsman.as_ref().unwrap();
    assert_eq!((ombudsman.upheld, ombudsman.recommendations.len()), (Some(true), 1));
    let work = my_work(
        std::slice::from_ref(&referred),
        &Settings::default().rules(date("2026-06-01")),
        &WorkFor::Everyone,
    );
    let recommendations: Vec<&str> = work
        .group("Overdue")
        .iter()
        .filter(|item| item.kind == DueKind::Recommendation)
        .map(|item| item.label.as_str())
        .collect();
    assert_eq!(recommendations, ["Ombudsman’s recommendation: Apologise and pay £200"]);
    let complied = comply(&referred, 0, date("2026-04-20"), &change()).unwrap();
    let again = comply(&complied, 0, date("2026-04-21"), &change()).unwrap_err();
    assert_eq!(
        again.field, "ombudsman-recommendations",
        "the summary links to the list"
    );
    assert_eq!(
        comply(&referred, 3, date("2026-04-20"), &change()).unwrap_err().field,
        "ombudsman-recommendations"
    );
    assert!(
        my_work(
            &[complied],
            &Settings::default().rules(date("2026-06-01")),
            &WorkFor::Everyone
        )
        .group("Overdue")
        .iter()
        .all(|item| item.kind != DueKind::Recommendation)
    );
}

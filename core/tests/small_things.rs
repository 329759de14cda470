//! The small things a person notices: the procedure offered from the service, words with
//! their plurals, the sample records' question, and letters folded in the correspondence log.

use redress_core::calendar::Nation;
use redress_core::format::plural;
use redress_core::record::casework::{Correspondence, CorrespondenceKind};
use redress_core::record::letter_sent::folded;
use redress_core::record::suggested_procedure;
use redress_core::sample::{removal_question, removed};
use redress_core::settings::Settings;

#[test]
fn the_procedure_is_offered_from_the_service() {
    let procedures = Settings::default().procedures();
    let offered = |service: &str| suggested_procedure(service, Nation::EnglandAndWales, &procedures);
    assert_eq!(
        offered("Children’s social care").as_deref(),
        Some("children-act-1989-2006")
    );
    assert_eq!(
        offered("Adult social care").as_deref(),
        Some("social-services-nhs-2009")
    );
    assert_eq!(offered("Corporate").as_deref(), Some("lgsco-2024"));
    assert_eq!(offered(""), None, "nothing before a service is chosen");
    assert_eq!(
        suggested_procedure("Adult social care", Nation::EnglandAndWales, &[]),
        None,
        "only a procedure on offer"
    );
}

#[test]
fn one_is_singular() {
    assert_eq!(plural(1, "record", "records"), "1 record");
    assert_eq!(plural(0, "record", "records"), "0 records");
    assert_eq!(plural(2500, "record", "records"), "2,500 records");
    assert_eq!(
        removal_question(1),
        "Remove the 1 sample record? Records you made yourself are kept."
    );
    assert_eq!(
        removal_question(20),
        "Remove all 20 sample records? Records you made yourself are kept."
    );
    assert_eq!(removed(1), "1 sample record removed.");
    assert_eq!(removed(20), "20 sample records removed.");
}

#[test]
fn letters_and_long_notes_are_folded_short_notes_shown_whole() {
    let entry = |note: &str, letter: Option<&str>| Correspondence {
        date: "2026-01-07".parse().unwrap(),
        kind: CorrespondenceKind::Letter,
        note: note.into(),
        letter: letter.map(str::to_string),
    };
    assert_eq!(
        folded(&entry("Dear Jo", Some("acknowledgement@1"))).as_deref(),
        Some("Acknowledgement letter, stage 1")
    );
    assert_eq!(
        folded(&entry("Dear Jo", Some("stage-2-acknowledgement@2"))).as_deref(),
        Some("Stage 2 acknowledgement")
    );
    assert_eq!(folded(&entry("Phoned Jo; she will write.", None)), None);
    let long = "Acknowledgement letter sent.\n\nJo Bloggs\n1 High Street\n\nDear Jo";
    assert_eq!(
        folded(&entry(long, None)).as_deref(),
        Some("Acknowledgement letter sent.")
    );
}

#[test]
fn the_first_use_asks_both_names_once() {
    use redress_core::first_use::{WhoDraft, asks};
    let settings = Settings::default();
    assert!(asks(&settings));
    let problems = WhoDraft::default().apply(&settings).unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["first-user-name", "first-organisation-name"]);
    let answered = WhoDraft {
        user_name: "  Sam Officer ".into(),
        organisation_name: "Northshire County Council".into(),
    }
    .apply(&settings)
    .unwrap();
    assert_eq!(answered.user_name, "Sam Officer");
    assert_eq!(answered.organisation_name, "Northshire County Council");
    assert_eq!(answered.services, settings.services, "nothing else changes");
    assert!(!asks(&answered));
}

//! Letters drafted from a record: which are offered, and what the acknowledgement and the stage
//! response say.

use redress_core::record::EventKind;
use redress_core::settings::Settings;

mod common;
use common::dates::date;
use common::records::{event, make};

#[test]
fn letters_are_drafted_from_the_record() {
    use redress_core::record::letters::{LetterKind, available_letters, draft_letter};
    let settings = Settings {
        user_name: "Sam Officer".into(),
        organisation_name: "Northshire Council".into(),
        ..Settings::default()
    };
    let rules = settings.rules(date("2026-01-20"));
    let mut record = make("complaint", "2025-12-19", "Bins not collected for a month.", &[]);
    record.intake.desired_outcome = "Collections restored and an apology.".into();
    let record = event(&record, EventKind::Acknowledged, "2025-12-29", "Ann Handler");
    assert_eq!(
        available_letters(&record),
        vec![LetterKind::Acknowledgement, LetterKind::StageResponse]
    );
    let letter = draft_letter(LetterKind::Acknowledgement, &record, &settings, &rules);
    for expected in [
        "Dear Jo Bloggs",
        "received on Friday 19 December 2025",
        "Our reference is C-2025-0001",
        "Bins not collected for a month.",
        "Collections restored and an apology.",
        "Ann Handler will handle your complaint",
        "by Tuesday 13 January 2026",
        "Sam Officer\nNorthshire Council",
    ] {
        assert!(letter.contains(expected), "{expected:?} missing from:\n{letter}");
    }
    let record = event(&record, EventKind::Responded, "2026-01-12", "");
    let response = draft_letter(LetterKind::StageResponse, &record, &settings, &rules);
    assert!(response.contains("Your complaint is partially upheld."));
    assert!(
        response.contains("You can ask us to consider your complaint at stage 2. You do not need to give reasons.")
    );
    assert!(response.contains("Local Government and Social Care Ombudsman"));
}

//! What the organisation's nation chooses: the procedures offered first, the procedure offered
//! for a service and for an advocate's "not sure", the Ombudsman letters name with their contact
//! details, the calculator's choices; and settings stored before Wales was a nation read whole.

use redress_core::advocacy::pack::ombudsman_pack;
use redress_core::advocacy::{CaseDraft, likely_procedure, not_sure_hint};
use redress_core::calendar::Nation;
use redress_core::deadline::{CalculatorQuestion, DeadlineKind};
use redress_core::exchange::restore;
use redress_core::procedure::BUILT_IN_IDS;
use redress_core::record::letters::{LetterInputs, LetterKind, draft_letter};
use redress_core::record::{
    DateInput, EventDraft, EventKind, Record, RecordDraft, event_choices, record_event, suggested_procedure,
};
use redress_core::settings::{Settings, SettingsDraft};
use std::path::Path;

mod common;
use common::dates::{date, today};
use common::records::change;

fn settings(nation: Nation) -> Settings {
    Settings {
        organisation_name: "Exampleshire Council".into(),
        nation,
        ..Settings::default()
    }
}

fn offered(nation: Nation) -> Vec<String> {
    settings(nation).procedures().into_iter().map(|p| p.id).collect()
}

#[test]
fn the_nations_own_procedures_are_offered_first_and_every_one_is_offered() {
    assert_eq!(offered(Nation::Scotland)[0], "spso-mchp-2020");
    assert_eq!(offered(Nation::NorthernIreland)[0], "nipso-lg-mchp-2024");
    assert_eq!(
        offered(Nation::Wales)[..2],
        ["wales-social-services-2014", "psow-model-policy"]
    );
    // England's order is as it always was.
    assert_eq!(offered(Nation::EnglandAndWales)[..4], BUILT_IN_IDS[..4]);
    for nation in Nation::ALL {
        let mut ids = offered(nation);
        ids.sort();
        let mut all = BUILT_IN_IDS.map(String::from).to_vec();
        all.sort();
        assert_eq!(ids, all, "{nation:?}: every built-in, once");
    }
}

#[test]
fn the_procedure_offered_for_a_service_follows_the_nation() {
    let cases = [
        (Nation::Scotland, "Adult social care", "spso-mchp-2020"),
        (Nation::Scotland, "Corporate", "spso-mchp-2020"),
        (Nation::NorthernIreland, "Corporate", "nipso-lg-mchp-2024"),
        (Nation::Wales, "Children’s social care", "wales-social-services-2014"),
        (Nation::Wales, "Adult social care", "wales-social-services-2014"),
        (Nation::Wales, "Corporate", "psow-model-policy"),
        (
            Nation::EnglandAndWales,
            "Children’s social care",
            "children-act-1989-2006",
        ),
        (Nation::EnglandAndWales, "Corporate", "lgsco-2024"),
    ];
    for (nation, service, id) in cases {
        assert_eq!(likely_procedure(service, nation), id, "{nation:?}, {service}");
        assert_eq!(
            suggested_procedure(service, nation, &settings(nation).procedures()).as_deref(),
            Some(id),
            "{nation:?}, {service}"
        );
    }
    assert!(not_sure_hint(Nation::Wales).contains("2014 Welsh regulations"));
    assert!(not_sure_hint(Nation::Scotland).contains("Scottish Public Services Ombudsman"));
}

#[test]
fn an_advocates_not_sure_in_wales_starts_a_case_under_the_welsh_regulations() {
    let nation = Nation::Wales;
    let draft = CaseDraft {
        person: "Jamie Reed".into(),
        organisation: "Cyngor Sir Example".into(),
        service: "Adult social care".into(),
        procedure: "not-sure".into(),
        nation,
        ..CaseDraft::default()
    };
    let record = draft
        .to_record("case-1", today(), &settings(nation).procedures(), &[], &change())
        .unwrap();
    assert_eq!(record.procedure.as_ref().unwrap().id(), "wales-social-services-2014");
}

fn complaint(id: &str, nation: Nation) -> Record {
    RecordDraft {
        kind: "complaint".into(),
        received: DateInput::from_date(date("2026-01-05")),
        service: "Corporate".into(),
        person_name: "Jo Bloggs".into(),
        summary: "Bins not collected".into(),
        procedure: id.into(),
        ..RecordDraft::default()
    }
    .to_record("id-0".into(), &change(), today(), &settings(nation).procedures(), &[])
    .unwrap()
}

fn response_letter(record: &Record, nation: Nation) -> String {
    let settings = settings(nation);
    let inputs = LetterInputs::for_record(record, date("2026-01-09"));
    draft_letter(
        LetterKind::StageResponse,
        record,
        &settings,
        &settings.rules(today()),
        &inputs,
    )
}

#[test]
fn letters_name_the_procedures_ombudsman_with_contact_details() {
    for (id, nation, name, contact) in [
        (
            "spso-mchp-2020",
            Nation::Scotland,
            "Scottish Public Services Ombudsman",
            "0800 377 7330",
        ),
        (
            "spso-mchp-2020",
            Nation::Scotland,
            "Scottish Public Services Ombudsman",
            "Bridgeside House, 99 McDonald Road, Edinburgh EH7 4NS",
        ),
        (
            "nipso-lg-mchp-2024",
            Nation::NorthernIreland,
            "Northern Ireland Public Services Ombudsman",
            "0800 343424",
        ),
        (
            "wales-social-services-2014",
            Nation::Wales,
            "Public Services Ombudsman for Wales",
            "1 Ffordd yr Hen Gae, Pencoed CF35 5LJ",
        ),
        (
            "psow-model-policy",
            Nation::Wales,
            "Public Services Ombudsman for Wales",
            "0300 790 0203",
        ),
        (
            "lgsco-2024",
            Nation::EnglandAndWales,
            "Local Government and Social Care Ombudsman",
            "0300 061 0614",
        ),
    ] {
        let letter = response_letter(&complaint(id, nation), nation);
        assert!(letter.contains(name) && letter.contains(contact), "{id}:\n{letter}");
        assert!(!letter.contains("Melville Street"), "never SPSO's old address");
    }
    // Scotland's procedure names the SPSO wherever the organisation is.
    let letter = response_letter(
        &complaint("spso-mchp-2020", Nation::EnglandAndWales),
        Nation::EnglandAndWales,
    );
    assert!(letter.contains("Scottish Public Services Ombudsman"), "{letter}");
}

#[test]
fn an_organisations_own_procedure_names_its_nations_ombudsman() {
    let mut record = complaint("lgsco-2024", Nation::Scotland);
    record.procedure = Some(redress_core::procedure::ProcedureRef::Custom {
        id: "custom-ours".into(),
        version: 1,
    });
    let letter = response_letter(&record, Nation::Scotland);
    assert!(letter.contains("Scottish Public Services Ombudsman"), "{letter}");
}

#[test]
fn the_ombudsman_pack_names_the_ombudsman_after_the_welsh_regulations() {
    let mut record = complaint("wales-social-services-2014", Nation::Wales);
    record.outgoing = Some(Default::default());
    let pack = ombudsman_pack(&record, &settings(Nation::Wales).rules(today()));
    assert!(pack.ombudsman.contains("Public Services Ombudsman for Wales"));
}

#[test]
fn the_welsh_discussion_is_recorded_as_a_discussion_and_counts_the_written_resolution_from_it() {
    let nation = Nation::Wales;
    let record = complaint("wales-social-services-2014", nation);
    let record = record_event(
        &record,
        &EventDraft {
            kind: EventKind::Acknowledged.code().into(),
            date: DateInput::from_date(date("2026-01-06")),
            handler: "Ann Handler".into(),
            ..EventDraft::default()
        },
        today(),
        &change(),
        &[],
    )
    .unwrap();
    let choices = event_choices(&record, &[]);
    assert!(
        choices.contains(&(EventKind::PanelHeld, "Discussion held")),
        "{choices:?}"
    );
    let record = record_event(
        &record,
        &EventDraft {
            kind: EventKind::PanelHeld.code().into(),
            date: DateInput::from_date(date("2026-01-12")),
            ..EventDraft::default()
        },
        today(),
        &change(),
        &[],
    )
    .unwrap();
    let deadlines = redress_core::deadline::record_deadlines(&record, &settings(nation).rules(date("2026-01-12")));
    let written = deadlines
        .iter()
        .find(|d| d.kind == DeadlineKind::Response && d.stage == Some(0))
        .unwrap();
    // Five working days after the discussion on Mon 12 Jan: Mon 19 Jan.
    assert_eq!(written.due, date("2026-01-19"));
    assert!(!written.projected);
    assert!(
        written.explanation.rule.contains("after the discussion"),
        "{}",
        written.explanation.rule
    );
    // The children's procedure still holds a review panel.
    assert_eq!(
        redress_core::record::event_name(EventKind::PanelHeld, None),
        "Review panel held"
    );
}

#[test]
fn the_calculator_answers_for_every_nations_procedure() {
    let procedures = settings(Nation::Scotland).procedures();
    for id in [
        "spso-mchp-2020",
        "nipso-lg-mchp-2024",
        "wales-social-services-2014",
        "psow-model-policy",
    ] {
        let question = CalculatorQuestion::from_link(Some(id), Some("2"), Some("2026-04-02"), &procedures)
            .unwrap()
            .unwrap();
        assert_eq!(question.procedure.id, id);
        assert_eq!(question.stage, 1);
    }
}

#[test]
fn settings_stored_before_wales_was_a_nation_read_whole_as_england() {
    // Written by the release before (a schema-3 store document).
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store-schema-3/settings.json");
    let text = std::fs::read_to_string(path).unwrap();
    let stored = restore::settings(&text).unwrap().data;
    assert_eq!(stored.nation, Nation::EnglandAndWales);
    let old: serde_json::Value = serde_json::from_str::<serde_json::Value>(&text).unwrap()["data"].clone();
    assert_eq!(
        serde_json::to_value(&stored).unwrap(),
        old,
        "every setting arrives unchanged"
    );
    assert_eq!(offered(stored.nation)[..4], BUILT_IN_IDS[..4]);
    // Wales is chosen and kept like any nation.
    let draft = SettingsDraft {
        nation: "wales".into(),
        ..SettingsDraft::from_settings(&stored)
    };
    let welsh = draft.apply(&stored).unwrap();
    assert_eq!(welsh.nation, Nation::Wales);
    let json = serde_json::to_string(&welsh).unwrap();
    assert!(json.contains(r#""nation":"wales""#));
    assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), welsh);
}

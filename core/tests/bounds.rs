//! Values that fit their type but not the domain are named by their place: every date of a
//! record, an assessment and the settings, money, risk scores and procedure limits.

use chrono::{DateTime, NaiveDate, Utc};
use redress_core::assessment::Assessment;
use redress_core::exchange::file::Problem;
use redress_core::procedure::{CustomProcedureDraft, CustomStageDraft};
use redress_core::record::bounds::{check_assessment, check_procedure, check_record, check_settings};
use redress_core::record::{Record, RecordKind};
use redress_core::settings::Settings;
use serde_json::{Value, json};
use std::collections::BTreeSet;

mod common;
use common::records::samples;

fn complaint() -> Record {
    samples()
        .into_iter()
        .find(|r| r.kind == RecordKind::Complaint && r.procedure.is_some())
        .expect("the samples hold a complaint")
}

/// A record with every field given, so that a date field added later cannot go unnoticed.
fn full_record() -> Record {
    let mut value = serde_json::to_value(complaint()).unwrap();
    let d = "2026-11-20";
    let fields = json!({
        "person": {"name": "x"}, "issue_date": d, "aware_date": d, "closed": d,
        "concern_outcome": "no-further-contact", "escalated_to": "x", "escalated_from": "x",
        "correspondence": [{"date": d, "kind": "letter", "note": "x"}],
        "remedies": [{"kind": "financial", "what": "x", "amount_pence": 5000, "due": d, "delivered": d,
                      "not_deliverable": {"reason": "x", "alternative": "x"}}],
        "actions": [{"what": "x", "who": "x", "by": d, "done": d, "told": d}],
        "learning": [{"statement": "x", "publish": true}],
        "restrictions": [{"what": "x", "why": "x", "decided_by": "x", "decided": d, "review": d, "lifted": d}],
        "feedback": {"date": d, "satisfied": "Yes", "comments": "x"},
        "ombudsman": {"referred": d, "decision": "investigated", "upheld": true, "remedy_already_given": false,
                      "recommendations": [{"what": "x", "due": d, "complied": d}]},
        "outgoing": {"organisation": "x", "advocate": "x", "authority": d, "letter": "x", "sent": d,
                     "answers": {"what_happened": "x", "when": "x", "who": "x", "impact": "x", "wanted": "x",
                                 "adjustments": "x", "contact": "x"}},
        "intake": {"complainant_type": "carer", "authority": {"basis": "consent", "given": d},
                   "adjustments": [{"what": "x", "agreed": d, "review": d}], "advocacy_offered": true,
                   "advocacy_taken_up": true, "advocate": "x", "service_area": "x", "subjects": ["x"],
                   "desired_outcome": "x", "safeguarding": {"referred_to": "MASH", "date": d},
                   "risk": {"seriousness": 3, "likelihood": 2}, "acceptance": {"decision": "accepted"},
                   "equality": {"age_band": "x", "disability": "x", "ethnicity": "x", "sex": "x"},
                   "time_spent_minutes": 30},
    });
    for (key, field) in fields.as_object().unwrap() {
        value[key] = field.clone();
    }
    value["stages"][0] = json!({
        "started": d, "handler": "x", "outcome": "upheld", "investigating_officer": "x",
        "independent_person": "x", "acknowledged": d, "statement_agreed": d, "agreed_response": d,
        "extensions": [{"to": d, "reason": "x", "good_reason": true, "told": d}],
        "pauses": [{"from": d, "to": d, "reason": "x"}], "panel_held": d, "findings_issued": d, "responded": d,
    });
    serde_json::from_value(value).expect("the full record reads")
}

/// Every empty place in `value` (a null, or an empty list), outside the record's procedure,
/// which is a copy of a procedure and holds no dates.
fn empty_places(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::Null => out.push(path.to_string()),
        Value::Array(items) if items.is_empty() => out.push(path.to_string()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                empty_places(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                if path.is_empty() && key == "procedure" {
                    continue;
                }
                let place = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                empty_places(item, &place, out);
            }
        }
        _ => {}
    }
}

/// Turns every date in `value` into one in the year 3000, returning the places changed.
fn far_future(value: &mut Value, path: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::String(text) => {
            if text.parse::<NaiveDate>().is_ok() {
                *text = "3000-01-01".into();
                out.insert(path.to_string());
            } else if text.parse::<DateTime<Utc>>().is_ok() {
                *text = "3000-01-01T00:00:00Z".into();
                out.insert(path.to_string());
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                far_future(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                let place = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                far_future(item, &place, out);
            }
        }
        _ => {}
    }
}

fn places(problems: &[Problem]) -> BTreeSet<String> {
    problems.iter().map(|p| p.field.clone()).collect()
}

#[test]
fn every_date_of_a_record_is_checked() {
    let record = full_record();
    assert!(check_record(&record).is_empty(), "{:?}", check_record(&record));
    let mut value = serde_json::to_value(&record).unwrap();
    let mut empty = Vec::new();
    empty_places(&value, "", &mut empty);
    assert!(
        empty.is_empty(),
        "give these a value in full_record(), so a date there is checked too: {empty:?}"
    );
    let mut dates = BTreeSet::new();
    far_future(&mut value, "", &mut dates);
    assert!(dates.len() >= 37, "{} dates found", dates.len());
    let far: Record = serde_json::from_value(value).unwrap();
    let problems = check_record(&far);
    assert_eq!(problems.len(), dates.len(), "one problem for each date");
    assert_eq!(places(&problems), dates, "each named by its place");
    let acknowledged = problems.iter().find(|p| p.field == "stages[0].acknowledged").unwrap();
    assert_eq!(acknowledged.message, "the year 3000 is outside 1900–2200");
}

#[test]
fn the_edges_of_the_date_range_are_allowed_and_just_past_them_is_not() {
    let mut record = complaint();
    record.received = "1900-01-01".parse().unwrap();
    record.closed = Some("2200-12-31".parse().unwrap());
    assert!(check_record(&record).is_empty());
    record.received = "1899-12-31".parse().unwrap();
    record.closed = Some("2201-01-01".parse().unwrap());
    record.issue_date = Some(NaiveDate::MAX);
    let found: Vec<(String, String)> = check_record(&record)
        .into_iter()
        .map(|p| (p.field, p.message))
        .collect();
    assert_eq!(
        found,
        [
            ("received".to_string(), "the year 1899 is outside 1900–2200".to_string()),
            (
                "issue_date".to_string(),
                "the year 262142 is outside 1900–2200".to_string()
            ),
            ("closed".to_string(), "the year 2201 is outside 1900–2200".to_string()),
        ]
    );
}

#[test]
fn negative_money_and_risk_outside_one_to_five_are_named() {
    let mut record = full_record();
    record.remedies[0].amount_pence = Some(-1);
    record.intake.risk = Some(serde_json::from_value(json!({"seriousness": 0, "likelihood": 6})).unwrap());
    let found: Vec<(String, String)> = check_record(&record)
        .into_iter()
        .map(|p| (p.field, p.message))
        .collect();
    assert_eq!(
        found,
        [
            ("intake.risk.seriousness".to_string(), "0 is outside 1–5".to_string()),
            ("intake.risk.likelihood".to_string(), "6 is outside 1–5".to_string()),
            (
                "remedies[0].amount_pence".to_string(),
                "-1 is less than nothing: an amount is never negative".to_string()
            ),
        ]
    );
    record.remedies[0].amount_pence = Some(0);
    record.intake.risk = Some(serde_json::from_value(json!({"seriousness": 5, "likelihood": 1})).unwrap());
    assert!(check_record(&record).is_empty(), "nothing, and five, are allowed");
}

fn assessment() -> Assessment {
    serde_json::from_value(json!({
        "id": "assessment-1", "framework": "ncmg-2016", "organisation": "Exampleshire Council",
        "period": "2025 to 2026", "entries": {"1.1": {"score": 2}},
        "plans": {"1": [{"action": "x", "owner": "x", "due": {"day": "1", "month": "2", "year": "2027"}}]},
        "completed": {"day": "1", "month": "3", "year": "2026"},
        "review": {"day": "1", "month": "3", "year": "2027"},
        "created": "2026-11-22T10:00:00Z", "updated": "2026-11-22T10:00:00Z",
    }))
    .unwrap()
}

#[test]
fn every_date_of_an_assessment_is_checked_and_its_scores_too() {
    let good = assessment();
    assert!(check_assessment(&good).is_empty(), "{:?}", check_assessment(&good));
    let mut far = good.clone();
    far.completed.year = "3000".into();
    far.review.year = "9999".into();
    far.plans.get_mut("1").unwrap()[0].due.year = "2201".into();
    far.created = "3000-01-01T00:00:00Z".parse().unwrap();
    far.updated = "3000-01-01T00:00:00Z".parse().unwrap();
    far.entries.get_mut("1.1").unwrap().score = Some(9);
    let found = places(&check_assessment(&far));
    let expected: BTreeSet<String> = [
        "completed",
        "review",
        "plans.1[0].due",
        "created",
        "updated",
        "entries.1.1.score",
    ]
    .map(String::from)
    .into();
    assert_eq!(found, expected);
    // A date still being typed, or one the date boxes refuse (before 1990), is kept as typed
    // and never counted from.
    let mut half_typed = good;
    half_typed.completed.day.clear();
    half_typed.completed.year = "3000".into();
    half_typed.review.year = "1800".into();
    assert!(check_assessment(&half_typed).is_empty());
}

#[test]
fn settings_outside_what_the_settings_page_allows_are_named() {
    let good = Settings::default();
    assert!(check_settings(&good).is_empty());
    let mut settings = good;
    settings.due_soon_days = 21;
    settings.local_targets.children_acknowledgement_days = 0;
    settings.local_targets.adults_response_days = 4_000_000_000;
    settings.organisation_name = "x".repeat(201);
    settings.closure_days = vec![serde_json::from_value(json!({"date": "3000-12-24", "name": "x"})).unwrap()];
    let draft = CustomProcedureDraft {
        name: "Ours".into(),
        applies_to: "Everything".into(),
        stages: vec![CustomStageDraft {
            name: "Stage 1".into(),
            acknowledge_days: "3".into(),
            response_days: "20".into(),
            response_from: "received".into(),
            extension_days: "10".into(),
            next_stage_window: String::new(),
        }],
    };
    let mut procedure = draft.to_procedure("custom-1".into()).expect("a good draft");
    assert!(check_procedure(&procedure).is_empty());
    procedure.stages[0].steps[1].length = redress_core::procedure::Length::WorkingDays(100_000);
    procedure.stages[0].next_stage_window = Some(501);
    settings.custom_procedures = vec![redress_core::procedure::CustomProcedure {
        procedure,
        retired: false,
    }];
    let found = places(&check_settings(&settings));
    let expected: BTreeSet<String> = [
        "organisation_name",
        "due_soon_days",
        "local_targets.children_acknowledgement_days",
        "local_targets.adults_response_days",
        "closure_days[0].date",
        "custom_procedures[0].stages[0].steps[1].length",
        "custom_procedures[0].stages[0].next_stage_window",
    ]
    .map(String::from)
    .into();
    assert_eq!(found, expected);
}

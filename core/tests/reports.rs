//! Every report figure on a small data set whose right answers are worked out by hand.

use chrono::NaiveDate;
use redress_core::assessment::{Assessment, FrameworkId};
use redress_core::deadline::Rules;
use redress_core::record::{Change, Record};
use redress_core::report::annual::annual_report;
use redress_core::report::member::member_report;
use redress_core::report::{Period, Table};
use redress_core::settings::Settings;
use serde_json::{Value, json};

fn rules() -> Rules {
    Settings::default().rules("2026-11-22".parse().unwrap())
}

fn lgsco() -> Value {
    let procedure = Settings::default()
        .procedures()
        .into_iter()
        .find(|p| p.id == "lgsco-2024")
        .unwrap();
    serde_json::to_value(redress_core::procedure::ProcedureRef::naming(&procedure)).unwrap()
}

fn record(id: &str, kind: &str, received: &str, service: &str, extra: Value) -> Record {
    let mut value = json!({
        "id": id, "kind": kind, "received": received, "service": service,
        "person": {"name": "Someone Private"}, "summary": "Private words",
        "created": format!("{received}T09:00:00Z"), "updated": format!("{received}T09:00:00Z"),
    });
    if kind == "complaint" {
        value["procedure"] = lgsco();
    }
    for (key, field) in extra.as_object().unwrap() {
        value[key] = field.clone();
    }
    serde_json::from_value(value).unwrap()
}

/// Financial year 2025–26, Corporate: four complaints (A, B, C answered at stage 1; D not
/// accepted), a concern, a service request and a compliment; one complaint the year before; one
/// complaint in another service.
fn records() -> Vec<Record> {
    vec![
        // A: acknowledged Fri 2 May; limit 10 working days on (Mon 5 May is a bank holiday): Mon 19 May.
        // Answered Fri 16 May, on time: 10 working days after it arrived.
        record(
            "a",
            "complaint",
            "2025-05-01",
            "Corporate",
            json!({
                "stages": [{"started": "2025-05-01", "acknowledged": "2025-05-02", "responded": "2025-05-16", "outcome": "upheld"}],
                "intake": {"complainant_type": "service-user", "subjects": ["Communication", "Delay"], "service_area": "Early help",
                           "advocacy_offered": true, "advocacy_taken_up": true},
                "remedies": [{"kind": "apology", "what": "Sorry"}, {"kind": "financial", "what": "Time and trouble", "amount_pence": 25000}],
                "learning": [{"statement": "We now reply within a week.", "publish": true}],
            }),
        ),
        // B: limit Tue 17 Jun; answered Fri 20 Jun (late) but within its extension to Tue 24 Jun: 14 days.
        record(
            "b",
            "complaint",
            "2025-06-02",
            "Corporate",
            json!({
                "stages": [
                    {"started": "2025-06-02", "acknowledged": "2025-06-03", "responded": "2025-06-20", "outcome": "partially-upheld",
                     "extensions": [{"to": "2025-06-24", "reason": "Waiting for records", "good_reason": false, "told": "2025-06-10"}]},
                    {"started": "2025-07-01"}
                ],
                "intake": {"complainant_type": "relative", "subjects": ["Delay"], "service_area": "Early help", "advocacy_offered": true},
                "learning": [{"statement": "Not for publication.", "publish": false}],
            }),
        ),
        // C: limit Wed 16 Jul; answered Wed 30 Jul, late, with no extension: 21 working days.
        record(
            "c",
            "complaint",
            "2025-07-01",
            "Corporate",
            json!({
                "stages": [{"started": "2025-07-01", "acknowledged": "2025-07-02", "responded": "2025-07-30", "outcome": "not-upheld"}],
                "intake": {"service_area": "First response"},
            }),
        ),
        record(
            "d",
            "complaint",
            "2025-08-01",
            "Corporate",
            json!({
                "intake": {"acceptance": {"decision": "not-accepted", "reason": "older-than12-months", "detail": "2019", "told_of_ombudsman": true}},
            }),
        ),
        record(
            "e",
            "concern",
            "2025-09-01",
            "Corporate",
            json!({"concern_outcome": "resolved-by-timely-discussion"}),
        ),
        record("f", "service-request", "2025-10-01", "Corporate", json!({})),
        record("g", "compliment", "2025-11-03", "Corporate", json!({})),
        record(
            "h",
            "complaint",
            "2024-05-01",
            "Corporate",
            json!({
                "stages": [{"started": "2024-05-01", "acknowledged": "2024-05-02", "responded": "2024-05-10", "outcome": "upheld"}],
            }),
        ),
        record("i", "complaint", "2025-05-01", "Adult social care", json!({})),
    ]
}

fn table<'a>(tables: &'a [Table], id: &str) -> &'a Table {
    tables
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("no table {id}"))
}

/// The words of the row with this label.
fn row(table: &Table, label: &str) -> Vec<String> {
    table
        .rows
        .iter()
        .find(|r| r.label() == label)
        .map(|r| r.words())
        .unwrap_or_else(|| panic!("no row {label} in {}: {:?}", table.id, table.rows))
}

/// The words of every row.
fn words(table: &Table) -> Vec<Vec<String>> {
    table.rows.iter().map(|r| r.words()).collect()
}

fn year() -> Period {
    Period::financial_year("2025-04-01".parse().unwrap())
}

#[test]
fn records_by_kind_with_shares_that_need_not_add_to_100() {
    let report = annual_report(&records(), &[], &rules(), year(), Some("Corporate"));
    let kinds = table(&report.tables, "records-by-kind");
    assert_eq!(kinds.headers, ["Kind", "2025–26", "Share", "2024–25", "Share"]);
    assert_eq!(row(kinds, "Complaint"), ["Complaint", "4", "57%", "1", "100%"]);
    assert_eq!(row(kinds, "Concern"), ["Concern", "1", "14%", "0", "0%"]);
    assert_eq!(row(kinds, "Service request")[1..3], ["1", "14%"]);
    assert_eq!(row(kinds, "Compliment")[1..3], ["1", "14%"]);
    assert_eq!(row(kinds, "Total")[1..3], ["7", "100%"]);
    // 57 + 14 + 14 + 14 = 99: each share is rounded, and the note says so.
    assert!(kinds.note.as_deref().unwrap().contains("may not add up to 100"));
    // The chart is of the first column of numbers, without the total row.
    let bars: Vec<(String, f64)> = kinds.bars().unwrap().into_iter().map(|b| (b.label, b.value)).collect();
    assert_eq!(
        bars,
        [
            ("Complaint", 4.0),
            ("Concern", 1.0),
            ("Service request", 1.0),
            ("Compliment", 1.0)
        ]
        .map(|(label, value)| (label.to_string(), value))
    );
    assert_eq!(
        kinds.rows.iter().map(|r| r.total).collect::<Vec<_>>(),
        [false, false, false, false, true]
    );

    let everyone = annual_report(&records(), &[], &rules(), year(), None);
    assert_eq!(row(table(&everyone.tables, "records-by-kind"), "Complaint")[1], "5");
}

#[test]
fn who_what_and_where() {
    let report = annual_report(&records(), &[], &rules(), year(), Some("Corporate"));
    let who = table(&report.tables, "who-complained");
    assert_eq!(row(who, "The person who uses the service")[1..], ["1", "25%"]);
    assert_eq!(row(who, "Not recorded")[1..], ["2", "50%"]);
    let subjects = table(&report.tables, "subjects");
    assert_eq!(
        words(subjects),
        [
            vec!["Delay".to_string(), "2".into()],
            vec!["Communication".into(), "1".into()]
        ]
    );
    let areas = table(&report.tables, "service-areas");
    assert_eq!(row(areas, "Early help")[1..], ["2", "50%"]);
    assert_eq!(row(areas, "First response")[1..], ["1", "25%"]);
    assert_eq!(row(areas, "Not recorded")[1..], ["1", "25%"]);
    let concerns = table(&report.tables, "concern-outcomes");
    assert_eq!(row(concerns, "Total")[1], "1");
    let refused = table(&report.tables, "not-accepted");
    assert_eq!(refused.rows.len(), 1);
    assert_eq!(words(refused)[0][1], "1");
    let advocacy = table(&report.tables, "advocacy");
    assert_eq!(row(advocacy, "Advocacy offered")[1..], ["2", "50%"]);
    assert_eq!(row(advocacy, "Advocacy taken up")[1..], ["1", "25%"]);
}

#[test]
fn stages_outcomes_timeliness_and_remedies() {
    let report = annual_report(&records(), &[], &rules(), year(), Some("Corporate"));
    let stages = table(&report.tables, "complaints-by-stage");
    assert_eq!(
        stages.headers[1..],
        ["2021–22", "2022–23", "2023–24", "2024–25", "2025–26"]
    );
    assert_eq!(row(stages, "Stage 1")[1..], ["0", "0", "0", "1", "3"]);
    assert_eq!(row(stages, "Stage 2")[5], "1");
    let outcomes = table(&report.tables, "outcomes-by-stage");
    assert_eq!(row(outcomes, "Upheld")[1], "1");
    assert_eq!(row(outcomes, "Partially upheld")[1], "1");
    assert_eq!(row(outcomes, "Not upheld")[1], "1");
    let on_time = table(&report.tables, "on-time");
    assert_eq!(row(on_time, "Stage 1, within the standard limit")[5], "33% (1 of 3)");
    assert_eq!(row(on_time, "Stage 1, within the extended limit")[5], "67% (2 of 3)");
    assert_eq!(row(on_time, "Stage 1, within the standard limit")[4], "100% (1 of 1)");
    assert_eq!(row(on_time, "Stage 2, within the standard limit")[5], "–");
    let average = table(&report.tables, "average-days");
    // 2025–26: (10 + 14 + 21) / 3; 2024–25: Wed 1 May to Fri 10 May 2024, Mon 6 May a bank holiday: 6.
    assert_eq!(row(average, "Stage 1")[1..], ["15.0", "6.0"]);
    let remedies = table(&report.tables, "remedies");
    assert_eq!(row(remedies, "Financial remedy")[1..], ["1", "£250.00"]);
    assert_eq!(row(remedies, "Total")[1..], ["2", "£250.00"]);
    assert_eq!(report.learning, ["We now reply within a week."]);
}

/// The hand-worked records, with two responses whose deadline is not known: J's complaint has
/// no procedure (as an imported history may hold), and K's third stage is one its procedure
/// does not have.
fn with_deadlines_not_known() -> Vec<Record> {
    let mut all = records();
    all.push(record(
        "j",
        "complaint",
        "2025-09-01",
        "Corporate",
        json!({
            "procedure": null,
            "stages": [{"started": "2025-09-01", "responded": "2025-12-19", "outcome": "upheld"}],
        }),
    ));
    all.push(record(
        "k",
        "complaint",
        "2025-04-01",
        "Corporate",
        json!({
            "stages": [
                {"started": "2025-04-01", "acknowledged": "2025-04-02", "responded": "2025-04-10"},
                {"started": "2025-04-14", "acknowledged": "2025-04-15", "responded": "2025-05-01"},
                {"started": "2025-05-06", "responded": "2025-12-01"},
            ],
        }),
    ));
    all
}

#[test]
fn a_response_whose_deadline_is_not_known_is_never_counted_late() {
    let all = with_deadlines_not_known();
    let report = annual_report(&all, &[], &rules(), year(), Some("Corporate"));
    let on_time = table(&report.tables, "on-time");
    // A, B, C as before, and K's first stage on time; J's is counted apart.
    assert_eq!(row(on_time, "Stage 1, within the standard limit")[5], "50% (2 of 4)");
    assert_eq!(row(on_time, "Stage 1, within the extended limit")[5], "75% (3 of 4)");
    assert_eq!(row(on_time, "Stage 1, deadline not known")[5], "1");
    assert_eq!(row(on_time, "Stage 2, within the standard limit")[5], "100% (1 of 1)");
    assert_eq!(row(on_time, "Stage 2, deadline not known")[5], "0");
    assert_eq!(
        row(on_time, "Stage 3, within the standard limit")[5],
        "–",
        "not 0%: no stage 3 response had a deadline"
    );
    assert_eq!(row(on_time, "Stage 3, deadline not known")[5], "1");
    assert_eq!(row(on_time, "Stage 1, deadline not known")[4], "0");
    assert!(on_time.note.as_deref().unwrap().contains("never as late"));

    let member = member_report(&all, &rules(), year(), Some("Corporate"));
    let handling = table(&member.tables, "handling");
    assert_eq!(handling.headers.last().map(String::as_str), Some("Deadline not known"));
    assert_eq!(row(handling, "Stage 1")[1..4], ["5", "50% (2 of 4)", "75% (3 of 4)"]);
    assert_eq!(row(handling, "Stage 1")[5], "1");
    assert_eq!(row(handling, "Stage 3")[1..4], ["1", "–", "–"]);
    assert_eq!(row(handling, "Stage 3")[5], "1");

    // Only a year of such responses: no share at all, rather than 0% on time.
    let only = vec![all[all.len() - 2].clone()];
    let report = annual_report(&only, &[], &rules(), year(), None);
    let on_time = table(&report.tables, "on-time");
    assert_eq!(row(on_time, "Stage 1, within the standard limit")[5], "–");
    assert_eq!(row(on_time, "Stage 1, deadline not known")[5], "1");
}

#[test]
fn no_personal_detail_reaches_a_report() {
    let report = annual_report(&records(), &[], &rules(), year(), None);
    let member = member_report(&records(), &rules(), year(), None);
    for table in report.tables.iter().chain(&member.tables) {
        let text = table.to_csv();
        assert!(
            !text.contains("Someone Private") && !text.contains("Private words"),
            "{}",
            table.id
        );
    }
}

#[test]
fn the_latest_self_assessments_are_summarised() {
    let change = Change::new("Pat", "2026-03-01T09:00:00Z".parse().unwrap());
    let mut ncmg = Assessment::new("n", FrameworkId::Ncmg2016, "Org", "2025 to 2026", &change);
    ncmg.edit_entry("1.1", &change, |e| e.score = Some(3));
    let mut code = Assessment::new("c", FrameworkId::Code2024, "Org", "2025 to 2026", &change);
    code.edit_entry("2", &change, |e| {
        e.follows = Some(redress_core::assessment::Follows::No);
        e.commentary = "No list of exclusions".into();
    });
    let report = annual_report(&records(), &[ncmg, code], &rules(), year(), None);
    assert_eq!(report.assessments.len(), 2);
    assert_eq!(
        report.assessments[0].lines[0],
        "Principle one: 3 of 36 (1 of 12 areas scored)"
    );
    assert_eq!(
        report.assessments[1].non_compliance,
        [(
            "2: Exclusions".to_string(),
            "No".to_string(),
            "No list of exclusions".to_string()
        )]
    );
}

#[test]
fn the_members_update_covers_any_range() {
    let quarter = Period::new(
        "2025-04-01".parse().unwrap(),
        "2025-06-30".parse::<NaiveDate>().unwrap(),
    );
    let report = member_report(&records(), &rules(), quarter, Some("Corporate"));
    let handling = table(&report.tables, "handling");
    assert_eq!(
        row(handling, "Stage 1")[1..],
        ["2", "50% (1 of 2)", "100% (2 of 2)", "12.0", "0"]
    );
    let themes = table(&report.tables, "themes");
    assert_eq!(words(themes)[0], ["Delay", "2"]);
    assert_eq!(row(table(&report.tables, "records-by-kind"), "Complaint")[1], "2");
    assert_eq!(
        words(table(&report.tables, "categories")),
        [vec!["Early help".to_string(), "2".into()]]
    );
}

/// The sample records, counted as real ones, beside the hand-worked ones above: every kind at
/// every point, under every built-in procedure, across two financial years.
fn every_record() -> Vec<Record> {
    let settings = Settings::default();
    let change = Change::new("Sam Officer", "2026-11-22T10:00:00Z".parse().unwrap());
    let mut all = records();
    all.extend(
        redress_core::sample::sample_records("2026-11-22".parse().unwrap(), &settings, &change)
            .into_iter()
            .map(|mut r| {
                r.sample = false;
                r
            }),
    );
    all
}

/// A chart's bars as the report page draws them: each row's label and figure, totals left out.
fn bars(table: &Table) -> Option<Vec<(String, f64)>> {
    Some(table.bars()?.into_iter().map(|b| (b.label, b.value)).collect())
}

/// Every table of every report of `every_record`, for several periods and services: its CSV,
/// byte for byte, and its chart.
fn every_table() -> Vec<Value> {
    let records = every_record();
    let rules = rules();
    let today: NaiveDate = "2026-11-22".parse().unwrap();
    let mut out = Vec::new();
    let mut add = |report: String, tables: &[Table]| {
        for table in tables {
            out.push(json!({
                "report": report,
                "table": table.id,
                "csv": table.to_csv(),
                "chart": bars(table),
            }));
        }
    };
    for service in [None, Some("Corporate"), Some("Adult social care")] {
        let named = service.unwrap_or("all services");
        for period in [Period::financial_year(today), year()] {
            let report = annual_report(&records, &[], &rules, period, service);
            add(format!("annual {}, {named}", period.label()), &report.tables);
        }
        for period in [
            Period::quarter(today),
            Period::new("2025-04-01".parse().unwrap(), "2025-06-30".parse().unwrap()),
            Period::new("2024-01-01".parse().unwrap(), today),
        ] {
            let report = member_report(&records, &rules, period, service);
            add(format!("member {}, {named}", period.label()), &report.tables);
        }
    }
    out
}

#[test]
fn every_report_table_is_written_as_before() {
    let now = every_table();
    // After a deliberate change to the figures (the sample records changed), write it again with
    // REDRESS_WRITE_FIXTURE=1 and read the diff: only the tables meant to change may.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/report-tables.json");
    if std::env::var_os("REDRESS_WRITE_FIXTURE").is_some() {
        std::fs::write(path, serde_json::to_string_pretty(&now).unwrap() + "\n").unwrap();
    }
    let expected: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("the fixture is JSON");
    assert_eq!(now.len(), expected.len(), "the same tables");
    for (now, before) in now.iter().zip(&expected) {
        assert_eq!(now, before, "{} {}", before["report"], before["table"]);
    }
}

//! Never bricked: whatever a stored or imported record holds — any date chrono can read, any
//! text, any number, any count of stages, events and casework — every page's core functions
//! give an answer and never panic. The wasm is built with panic = "abort", so one panic on a
//! stored value would show an empty page at every start.
//!
//! Records are generated from the JSON Schema of the types themselves (`schemars`), so a field
//! added to `Record` is generated too without touching this file. The generated JSON is read
//! with serde exactly as a stored record is; only the procedure part is chosen by
//! [`procedure_part`], so real procedures (with real steps) are common.
//!
//! Case counts are kept CI-friendly; raise them with `PROPTEST_CASES=5000` to hunt.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use proptest::prelude::*;
use proptest::test_runner::Config;
use redress_core::advocacy::letters::CaseLetter;
use redress_core::advocacy::{self, letters as advocacy_letters, next, pack};
use redress_core::deadline::{self, CalculatorQuestion, Rules};
use redress_core::exchange::redact::{Pseudonyms, redact_record};
use redress_core::format::{long_date, short_date};
use redress_core::procedure::{LocalTargets, built_in};
use redress_core::record::casework::{parse_pounds, pounds};
use redress_core::record::casework_edit as edit;
use redress_core::record::letter_sent::LetterSentDraft;
use redress_core::record::letters::{LetterKind, available_letters, draft_letter};
use redress_core::record::search::{RecordFilter, Rows, SortBy, State, list_csv, page};
use redress_core::record::{
    Change, CloseDraft, ConcernOutcome, DateInput, EscalateDraft, EventDraft, Outcome, Record, available_events,
    chosen_concern_outcome, closable, close, escalate_concern, handler_warnings, record_event, reopen,
    set_concern_outcome,
};
use redress_core::report::{Period, annual::annual_report, member::member_report};
use redress_core::settings::Settings;
use redress_core::worklist::{WorkFor, my_work};
use serde_json::{Map, Value};

/// The record that made every start panic before dates were checked.
const END_OF_TIME: &str = "+262142-12-30";

const EVENT_CODES: [&str; 11] = [
    "acknowledged",
    "statement-agreed",
    "response-date-agreed",
    "extended",
    "paused",
    "resumed",
    "panel-held",
    "findings-issued",
    "responded",
    "next-stage-requested",
    "not-an-event",
];

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

fn day(n: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MIN)
}

/// Any date chrono can hold, most of them where records live, many at the very ends.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let min = NaiveDate::MIN.num_days_from_ce();
    let max = NaiveDate::MAX.num_days_from_ce();
    let now = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().num_days_from_ce();
    prop_oneof![
        4 => (now - 50_000..now + 50_000).prop_map(day),
        1 => (min..=max).prop_map(day),
        1 => (0..400i32).prop_map(move |n| day(max - n)),
        1 => (0..400i32).prop_map(move |n| day(min + n)),
        1 => Just(END_OF_TIME.parse::<NaiveDate>().unwrap()),
    ]
}

fn any_datetime() -> impl Strategy<Value = DateTime<Utc>> {
    let min = DateTime::<Utc>::MIN_UTC.timestamp();
    let max = DateTime::<Utc>::MAX_UTC.timestamp();
    prop_oneof![
        3 => 1_500_000_000i64..2_000_000_000,
        1 => min..=max,
        1 => Just(min),
        1 => Just(max),
    ]
    .prop_map(|secs| DateTime::from_timestamp(secs, 0).unwrap_or_default())
}

/// Text a person could type or a file could hold: empty, spaces, any Unicode (including the
/// characters whose lower case is longer), control characters, and very long.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => "[a-zA-Z ]{0,12}",
        2 => "\\PC{0,16}",
        1 => ".{0,8}",
        1 => prop::sample::select(vec![
            "", " ", "\n", "\r\n\t", "\u{0}", "İ", "ß", "ﬁ", "é\u{301}", "ǅ", "Σ", "🏴\u{e0067}\u{e0062}",
            "\u{202e}abc", "    x    ", "…", "“quoted”", "a,b\"c", "Not recorded", "not-sure",
        ])
        .prop_map(str::to_string),
        1 => (any::<char>(), 1_000..30_000usize).prop_map(|(c, n)| c.to_string().repeat(n)),
        1 => any_date().prop_map(|d| d.to_string()),
        1 => any::<i64>().prop_map(|n| n.to_string()),
    ]
}

fn integer(format: Option<&str>) -> BoxedStrategy<Value> {
    match format {
        Some("uint8") => any::<u8>().prop_map(Value::from).boxed(),
        Some("uint16") => any::<u16>().prop_map(Value::from).boxed(),
        Some("int8") => any::<i8>().prop_map(Value::from).boxed(),
        Some("int16") => any::<i16>().prop_map(Value::from).boxed(),
        Some("int32") => prop_oneof![-5..50i32, any::<i32>()].prop_map(Value::from).boxed(),
        Some("uint32") => prop_oneof![0..50u32, Just(u32::MAX), any::<u32>()]
            .prop_map(Value::from)
            .boxed(),
        Some("uint64" | "uint") => prop_oneof![
            0..50u64,
            any::<u32>().prop_map(u64::from),
            Just(u64::from(u32::MAX) + 1)
        ]
        .prop_map(Value::from)
        .boxed(),
        _ => prop_oneof![-50..50i64, Just(i64::MIN), Just(i64::MAX), any::<i64>()]
            .prop_map(Value::from)
            .boxed(),
    }
}

// ---------------------------------------------------------------------------------------------
// A JSON value for a JSON Schema
// ---------------------------------------------------------------------------------------------

/// A strategy for any value `schema` allows. `depth` bounds nesting for recursive schemas.
fn from_schema(schema: &Value, defs: &Map<String, Value>, depth: u32) -> BoxedStrategy<Value> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or_default();
        let target = defs.get(name).unwrap_or_else(|| panic!("no definition {name}"));
        return from_schema(target, defs, depth);
    }
    if let Some(value) = schema.get("const") {
        return Just(value.clone()).boxed();
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return prop::sample::select(values.clone()).boxed();
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(choices) = schema.get(key).and_then(Value::as_array) {
            let choices: Vec<BoxedStrategy<Value>> = choices.iter().map(|c| from_schema(c, defs, depth)).collect();
            return proptest::strategy::Union::new(choices).boxed();
        }
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        assert_eq!(all.len(), 1, "allOf of more than one schema: {schema}");
        return from_schema(&all[0], defs, depth);
    }
    match schema.get("type") {
        Some(Value::Array(types)) => {
            let choices: Vec<BoxedStrategy<Value>> = types
                .iter()
                .map(|t| {
                    let mut one = schema.clone();
                    one["type"] = t.clone();
                    from_schema(&one, defs, depth)
                })
                .collect();
            proptest::strategy::Union::new(choices).boxed()
        }
        Some(Value::String(kind)) => typed(kind, schema, defs, depth),
        // `true`, `{}`: anything at all; a string is as good as any.
        _ => any_text().prop_map(Value::from).boxed(),
    }
}

fn typed(kind: &str, schema: &Value, defs: &Map<String, Value>, depth: u32) -> BoxedStrategy<Value> {
    let format = schema.get("format").and_then(Value::as_str);
    match kind {
        "null" => Just(Value::Null).boxed(),
        "boolean" => any::<bool>().prop_map(Value::from).boxed(),
        "integer" => integer(format),
        "number" => prop_oneof![-1e12..1e12f64, Just(0.0)].prop_map(Value::from).boxed(),
        "string" => match format {
            Some("date") => any_date().prop_map(|d| serde_json::to_value(d).unwrap()).boxed(),
            Some("date-time") => any_datetime().prop_map(|d| serde_json::to_value(d).unwrap()).boxed(),
            _ => any_text().prop_map(Value::from).boxed(),
        },
        "array" => {
            let most = if depth > 3 { 1 } else { 5 };
            match schema.get("items") {
                Some(Value::Array(tuple)) => {
                    let parts: Vec<BoxedStrategy<Value>> =
                        tuple.iter().map(|t| from_schema(t, defs, depth + 1)).collect();
                    parts.prop_map(Value::Array).boxed()
                }
                Some(items) => prop::collection::vec(from_schema(items, defs, depth + 1), 0..=most)
                    .prop_map(Value::Array)
                    .boxed(),
                None => Just(Value::Array(Vec::new())).boxed(),
            }
        }
        "object" => object(schema, defs, depth),
        other => panic!("a schema type this generator does not know: {other}"),
    }
}

fn object(schema: &Value, defs: &Map<String, Value>, depth: u32) -> BoxedStrategy<Value> {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut fields: Vec<BoxedStrategy<Option<(String, Value)>>> = Vec::new();
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (name, property) in properties {
            let name = name.clone();
            let value = from_schema(property, defs, depth + 1);
            if required.contains(&name.as_str()) {
                fields.push(value.prop_map(move |v| Some((name.clone(), v))).boxed());
            } else {
                // A field left out takes its serde default, as in an older file.
                fields.push(
                    proptest::option::weighted(0.85, value)
                        .prop_map(move |v| v.map(|v| (name.clone(), v)))
                        .boxed(),
                );
            }
        }
    }
    let map_values = match schema.get("additionalProperties") {
        Some(Value::Bool(_)) | None => None,
        Some(extra) => Some(from_schema(extra, defs, depth + 1)),
    };
    let extras = match map_values {
        Some(values) => prop::collection::btree_map(any_text(), values, 0..4).boxed(),
        None => Just(Default::default()).boxed(),
    };
    (fields, extras)
        .prop_map(|(fields, extras)| {
            let mut map: Map<String, Value> = extras.into_iter().collect();
            map.extend(fields.into_iter().flatten());
            Value::Object(map)
        })
        .boxed()
}

fn schema_of<T: schemars::JsonSchema>() -> (Value, Map<String, Value>) {
    let mut root = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    let defs = root
        .get_mut("definitions")
        .and_then(Value::as_object_mut)
        .map(std::mem::take)
        .unwrap_or_default();
    (root, defs)
}

// ---------------------------------------------------------------------------------------------
// Records and settings
// ---------------------------------------------------------------------------------------------

/// The procedure part of a record: none, whatever the schema allows (a reference to anything,
/// a copy with any stages, steps and lengths), a custom procedure this device does not hold, or
/// each built-in named as the app names it and as a copy.
fn procedure_part(choice: usize, generated: Option<Value>) -> Value {
    let procedures = built_in(&LocalTargets::default());
    let n = procedures.len();
    match choice % (2 * n + 3) {
        0 => Value::Null,
        1 => generated.unwrap_or(Value::Null),
        2 => serde_json::json!({"custom": {"id": "custom-not-here", "version": 1}}),
        k if k < 3 + n => serde_json::json!({"built-in": {
            "id": procedures[k - 3].id, "version": 1, "targets": LocalTargets::default()
        }}),
        k => serde_json::json!({ "copy": procedures[k - 3 - n] }),
    }
}

fn record_from(mut value: Value, procedure: Value) -> Record {
    value["procedure"] = procedure;
    match serde_json::from_value::<Record>(value.clone()) {
        Ok(record) => record,
        Err(error) => panic!("the generator made a record serde refuses ({error}): {value}"),
    }
}

fn any_record() -> BoxedStrategy<Record> {
    let (schema, defs) = schema_of::<Record>();
    let procedure = defs.get("ProcedureRef").cloned().expect("records name procedures");
    (
        from_schema(&schema, &defs, 0),
        any::<usize>(),
        proptest::option::of(from_schema(&procedure, &defs, 1)),
    )
        .prop_map(|(value, choice, generated)| record_from(value, procedure_part(choice, generated)))
        .boxed()
}

fn any_settings() -> BoxedStrategy<Settings> {
    let (schema, defs) = schema_of::<Settings>();
    prop_oneof![
        1 => Just(Settings::default()),
        3 => from_schema(&schema, &defs, 0).prop_map(|value| match serde_json::from_value::<Settings>(value.clone()) {
            Ok(settings) => settings,
            Err(error) => panic!("the generator made settings serde refuses ({error}): {value}"),
        }),
    ]
    .boxed()
}

fn change(at: DateTime<Utc>, who: &str) -> Change {
    Change::new(who, at)
}

fn typed_date(date: NaiveDate) -> DateInput {
    DateInput::new(
        &date.format("%-d").to_string(),
        &date.format("%-m").to_string(),
        &date.format("%Y").to_string(),
    )
}

// ---------------------------------------------------------------------------------------------
// Every page's core functions
// ---------------------------------------------------------------------------------------------

/// Everything besides the records that a case varies.
#[derive(Debug, Clone)]
struct Inputs {
    settings: Settings,
    today: NaiveDate,
    other_day: NaiveDate,
    text: String,
    number: usize,
    money: i64,
    at: DateTime<Utc>,
}

fn any_inputs() -> impl Strategy<Value = Inputs> {
    (
        any_settings(),
        prop_oneof![4 => (700_000..760_000i32).prop_map(day), 1 => any_date()],
        any_date(),
        any_text(),
        prop_oneof![0..8usize, any::<usize>()],
        any::<i64>(),
        any_datetime(),
    )
        .prop_map(|(settings, today, other_day, text, number, money, at)| Inputs {
            settings,
            today,
            other_day,
            text,
            number,
            money,
            at,
        })
}

fn deadlines_of(record: &Record, rules: &Rules) {
    for d in deadline::record_deadlines(record, rules) {
        let _ = (
            d.status_words(),
            d.explanation.not_counted(),
            d.explanation.holidays_skipped(),
        );
        let _ = (short_date(d.due), long_date(d.due), d.status.map(|s| s.words()));
    }
    let _ = deadline::time_limit(record, rules);
    if let Some(procedure) = rules.procedure(record) {
        let procedure = procedure.as_ref();
        for stage in 0..procedure.stages.len().min(4) {
            let _ = deadline::calculate(procedure, stage, record.received, rules);
            for step in &procedure.stages[stage].steps {
                let _ = advocacy_letters::step_words(&procedure.stages[stage], step);
            }
        }
    }
}

fn one_record(record: &Record, all: &[Record], settings: &Settings, rules: &Rules, input: &Inputs) {
    let change = change(input.at, &input.text);
    deadlines_of(record, rules);
    letters_and_advocacy(record, all, settings, rules, input, &change);
    events(record, settings, rules, input, &change);
    closing(record, all, settings, rules, input, &change);
    casework(record, input, &change);
    let redacted = redact_record(record, &mut Pseudonyms::default());
    deadlines_of(&redacted, rules);
}

/// The record's letters and the advocate's: drafted, and sent.
fn letters_and_advocacy(
    record: &Record,
    all: &[Record],
    settings: &Settings,
    rules: &Rules,
    input: &Inputs,
    change: &Change,
) {
    for kind in available_letters(record).into_iter().chain(LetterKind::ALL) {
        let mut sent = LetterSentDraft::for_record(record, input.today);
        sent.reason = input.text.clone();
        sent.extended_to = DateInput::from_date(input.other_day);
        sent.text = draft_letter(kind, record, settings, rules, &sent.inputs(input.today));
        sent.placeholders_kept = input.number.is_multiple_of(2);
        sent.again = input.number.is_multiple_of(3);
        let _ = sent.apply(kind, record, input.today, &[], change);
    }
    let _ = advocacy_letters::complaint_letter(record, input.other_day, rules);
    let _ = advocacy_letters::chaser_letter(record, rules);
    let _ = advocacy_letters::next_stage_letter(record, rules);
    let _ = next::next_stage_window(record, rules);
    let _ = next::next_steps(record, rules);
    let _ = next::limit_warning(input.other_day, 12, input.today);
    let _ = next::limit_warning(record.received, 6, input.today);
    let _ = pack::ombudsman_pack(record, rules);
    let _ = advocacy::set_answer(record, &input.text, &input.text, change);
    let _ = advocacy::mark_sent(record, &typed_date(input.other_day), &input.text, input.today, change);
    for letter in [CaseLetter::Complaint, CaseLetter::Chaser, CaseLetter::NextStage] {
        let _ = letter.draft(record, rules);
        let sent = letter.send(
            record,
            &typed_date(input.other_day),
            &input.text,
            input.today,
            change,
            &settings.custom_procedures,
        );
        if let Ok(sent) = sent {
            deadlines_of(&sent, rules);
        }
    }
    let _ = advocacy::case_reference(input.today, all, change);
}

/// Every event a record can take, then everything again on what each gives.
fn events(record: &Record, settings: &Settings, rules: &Rules, input: &Inputs, change: &Change) {
    // With the dates a person might type, and nonsense.
    for code in EVENT_CODES {
        for date in [
            typed_date(input.other_day),
            typed_date(input.today),
            DateInput::new(&input.text, "1", "2026"),
        ] {
            let draft = EventDraft {
                kind: code.into(),
                date,
                reason: input.text.clone(),
                good_reason: input.number.is_multiple_of(2),
                told: typed_date(input.other_day),
                handler: input.text.clone(),
                outcome: Outcome::ALL[input.number % Outcome::ALL.len()].code(),
                investigating_officer: input.text.clone(),
                independent_person: String::new(),
            };
            if let Ok(next) = record_event(record, &draft, input.today, change, &settings.custom_procedures) {
                deadlines_of(&next, rules);
                let _ = available_events(&next, &settings.custom_procedures);
            }
        }
    }
    let _ = available_events(record, &settings.custom_procedures);
    let _ = handler_warnings(record);
    let _ = redress_core::record::asks_investigators(record, &settings.custom_procedures);
    for stage in &record.stages {
        let _ = stage.open_pause();
    }
}

/// Outcome, close and reopen, escalation, then everything again on what they give.
fn closing(record: &Record, all: &[Record], settings: &Settings, rules: &Rules, input: &Inputs, change: &Change) {
    let _ = closable(record);
    for closed in [
        close(record, input.other_day, change),
        close(record, input.today, change),
    ]
    .into_iter()
    .flatten()
    {
        deadlines_of(&closed, rules);
        if let Ok(reopened) = reopen(&closed, &input.text, change) {
            deadlines_of(&reopened, rules);
        }
    }
    let _ = reopen(record, &input.text, change);
    let typed_close = CloseDraft {
        closed: typed_date(input.other_day),
    };
    let _ = typed_close.apply(record, input.today, change);
    let _ = chosen_concern_outcome(&input.text);
    let mut escalation = EscalateDraft::new(input.other_day);
    for procedure in settings.procedures().iter().take(2) {
        escalation.procedure = procedure.id.clone();
        let _ = escalation.apply(
            record,
            input.text.clone(),
            all,
            &settings.procedures(),
            input.today,
            change,
        );
    }
    for outcome in ConcernOutcome::CHOOSABLE {
        let _ = set_concern_outcome(record, outcome, change);
    }
    for procedure in settings.procedures().iter().take(2) {
        if let Ok((concern, complaint)) = escalate_concern(
            record,
            input.text.clone(),
            input.text.clone(),
            input.other_day,
            procedure,
            change,
        ) {
            deadlines_of(&concern, rules);
            deadlines_of(&complaint, rules);
        }
    }
}

/// Every casework form and button.
fn casework(record: &Record, input: &Inputs, change: &Change) {
    let when = typed_date(input.other_day);
    let text = input.text.as_str();
    let index = input.number;
    let money = pounds(input.money);
    let _ = parse_pounds(text);
    let _ = parse_pounds(&money);
    let _ = edit::CorrespondenceDraft::letter(when.clone(), text).apply(record, input.today, change);
    let action = edit::ActionDraft {
        what: text.into(),
        who: text.into(),
        by: when.clone(),
    };
    let _ = action.apply(record, change);
    let _ = edit::complete_action(record, index, input.other_day, change);
    let _ = edit::tell_action(record, index, input.other_day, change);
    for (kind, amount) in [("apology", money.as_str()), ("financial", text)] {
        let remedy = edit::RemedyDraft {
            kind: kind.into(),
            what: text.into(),
            amount: amount.into(),
            due: when.clone(),
        };
        let _ = remedy.apply(record, change);
    }
    let _ = edit::deliver_remedy(record, index, input.other_day, change);
    let _ = edit::undeliverable_choices(record);
    for remedy in [index.to_string(), text.to_string()] {
        let not_deliverable = edit::NotDeliverableDraft {
            remedy,
            reason: text.into(),
            alternative: text.into(),
        };
        let _ = not_deliverable.apply(record, change);
    }
    let learning = edit::LearningDraft {
        statement: text.into(),
        publish: true,
    };
    let _ = learning.apply(record, change);
    let restriction = edit::RestrictionDraft {
        what: text.into(),
        why: text.into(),
        decided_by: text.into(),
        decided: when.clone(),
        review: typed_date(input.today),
    };
    let _ = restriction.apply(record, input.today, change);
    let _ = edit::lift_restriction(record, index, input.other_day, change);
    let feedback = edit::FeedbackDraft {
        date: when,
        satisfied: "yes".into(),
        comments: text.into(),
    };
    let _ = feedback.apply(record, input.today, change);
}

fn every_page(records: &[Record], input: &Inputs) {
    for settings in [&input.settings, &Settings::default()] {
        let rules = settings.rules(input.today);
        for record in records {
            one_record(record, records, settings, &rules, input);
        }

        let _ = my_work(records, &rules, &WorkFor::Everyone);
        let _ = my_work(records, &rules, &WorkFor::Handler("x".into()));
        for period in [
            Period::financial_year(input.today),
            Period::financial_year(input.other_day),
            Period::quarter(input.other_day),
            Period::new(input.other_day, input.today),
            Period::new(NaiveDate::MIN, NaiveDate::MAX),
        ] {
            let _ = (period.label(), period.years_before(5), period.years_before(u32::MAX));
            let service = records.first().map(|r| r.service.as_str());
            for service in [None, service] {
                let report = annual_report(records, &[], &rules, period, service);
                for table in &report.tables {
                    let _ = table.to_csv();
                }
                let member = member_report(records, &rules, period, service);
                for table in &member.tables {
                    let _ = table.to_csv();
                }
            }
        }
        let _ = Period::from_typed(&typed_date(input.other_day), &DateInput::new(&input.text, "", "0"));

        // The calculator, asked by link.
        let procedures = settings.procedures();
        let start = input.other_day.to_string();
        for id in procedures
            .iter()
            .map(|p| p.id.as_str())
            .chain([input.text.as_str()])
            .take(3)
        {
            for stage in ["1", "2", "3", "0", input.text.as_str()] {
                if let Some(Ok(question)) =
                    CalculatorQuestion::from_link(Some(id), Some(stage), Some(&start), &procedures)
                {
                    let _ = (question.answer(&rules), question.link());
                }
            }
        }

        // The records list: rows, search, filters, sorting, pages, CSV; then one saved, one gone.
        let mut rows = Rows::new(records, &rules);
        for state in [None, Some(State::Open), Some(State::Closed), Some(State::Overdue)] {
            let filter = RecordFilter {
                text: input.text.clone(),
                state,
                stage: Some(input.number),
                handler: rows.handlers().first().cloned(),
                advocacy: Some(input.number.is_multiple_of(2)),
                service: records.first().map(|r| r.service.clone()),
                kind: records.first().map(|r| r.kind),
            };
            for sort in [SortBy::Newest, SortBy::Oldest, SortBy::NextDue, SortBy::Reference] {
                for filter in [&filter, &RecordFilter::default()] {
                    let found = rows.find(filter, sort);
                    let shown = page(&found, input.number, input.number % 30);
                    let _ = list_csv(shown.items, |id| records.iter().find(|r| r.id == id));
                }
            }
        }
        for record in records {
            rows.upsert(record, &rules);
        }
        if let Some(first) = records.first() {
            rows.remove(&first.id);
        }
    }
}

proptest! {
    #![proptest_config(Config {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48),
        max_shrink_iters: 500,
        ..Config::default()
    })]

    #[test]
    fn no_record_stops_any_page(records in prop::collection::vec(any_record(), 0..4), input in any_inputs()) {
        every_page(&records, &input);
    }
}

#[test]
fn the_record_received_at_the_end_of_time_opens_everywhere() {
    let end: NaiveDate = END_OF_TIME.parse().unwrap();
    let settings = Settings::default();
    let change = Change::new("Test", "2026-11-20T09:00:00Z".parse().unwrap());
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    // Every sample record moved to the end of time: complaints under every built-in procedure,
    // with events, casework, concerns, compliments.
    let mut records = redress_core::sample::sample_records(today, &settings, &change);
    for record in &mut records {
        record.received = end;
        record.aware_date = Some(end);
        for stage in &mut record.stages {
            stage.started = end;
        }
    }
    // As imported: the bare record of the bug report.
    let bare: Record = serde_json::from_value(serde_json::json!({
        "id": "e", "kind": "complaint", "received": END_OF_TIME, "service": "Corporate",
        "summary": "", "created": "2026-11-20T09:00:00Z",
        "updated": "2026-11-20T09:00:00Z",
        "procedure": { "copy": serde_json::to_value(&settings.procedures()[0]).unwrap() },
        "stages": [{ "started": END_OF_TIME }],
    }))
    .unwrap();
    records.push(bare);
    for today in [today, end, NaiveDate::MAX] {
        let input = Inputs {
            settings: settings.clone(),
            today,
            other_day: end,
            text: "x".into(),
            number: 1,
            money: i64::MIN,
            at: DateTime::<Utc>::MAX_UTC,
        };
        every_page(&records, &input);
    }
    // A date that cannot be counted is simply not shown, nor anything projected from it: the
    // bare record owes nothing the calendar can hold, and its row says nothing is due.
    let rules = settings.rules(today);
    let bare = records.last().unwrap();
    assert_eq!(deadline::record_deadlines(bare, &rules), Vec::new());
    let rows = Rows::new(&records, &rules);
    assert_eq!(rows.len(), records.len());
    assert_eq!(rows.get("e").unwrap().next_due, None);
    // The 12-month limit from the end of time is not shown either.
    assert!(
        records
            .iter()
            .flat_map(|r| deadline::time_limit(r, &rules))
            .next()
            .is_none()
    );
}

//! Made-up records for exploring Redress on a new device: every kind, every built-in procedure,
//! at every point from just received to closed. All are marked as samples and dated from today.

use crate::calendar::add_working_days;
use crate::record::casework::{Action, Learning};
use crate::record::{Change, DateInput, EventDraft, EventKind, Record, RecordDraft, close, record_event};
use crate::settings::Settings;
use chrono::{Days, NaiveDate};

/// (kind, service, procedure, name, summary, days ago received, how far it has got)
const CASES: &[(&str, &str, &str, &str, &str, u64, u8)] = &[
    (
        "complaint",
        "Corporate",
        "lgsco-2024",
        "Alex Taylor",
        "Waited six weeks for a reply about a blue badge renewal.",
        1,
        0,
    ),
    (
        "complaint",
        "Corporate",
        "lgsco-2024",
        "Priya Shah",
        "Council tax reminder sent after the bill was paid in full.",
        6,
        1,
    ),
    (
        "complaint",
        "Corporate",
        "lgsco-2024",
        "Tom Wright",
        "Bins missed four weeks running; reports not acted on.",
        12,
        1,
    ),
    (
        "complaint",
        "Corporate",
        "lgsco-2024",
        "Mary O’Neill",
        "Rude reply from the parking team when asking about a fine.",
        40,
        3,
    ),
    (
        "complaint",
        "Corporate",
        "housing-ombudsman-2024",
        "Daniel Evans",
        "Damp and mould in the bedroom reported three times.",
        26,
        1,
    ),
    (
        "complaint",
        "Corporate",
        "housing-ombudsman-2024",
        "Grace Okafor",
        "Repair appointment missed twice without notice.",
        30,
        2,
    ),
    (
        "complaint",
        "Children’s social care",
        "children-act-1989-2006",
        "Sam Green",
        "No reply to three calls about a child’s respite care.",
        2,
        0,
    ),
    (
        "complaint",
        "Children’s social care",
        "children-act-1989-2006",
        "Leah Brown",
        "Social worker changed four times in a year without explanation.",
        8,
        1,
    ),
    (
        "complaint",
        "Children’s social care",
        "children-act-1989-2006",
        "Kai Morgan",
        "Care leaver’s pathway plan not reviewed for eight months.",
        45,
        3,
    ),
    (
        "complaint",
        "Adult social care",
        "social-services-nhs-2009",
        "Joan Fletcher",
        "Home care visits cut short; medication prompts missed.",
        4,
        1,
    ),
    (
        "complaint",
        "Adult social care",
        "social-services-nhs-2009",
        "Ravi Patel",
        "Charged twice for day care in March and April.",
        25,
        2,
    ),
    (
        "complaint",
        "Adult social care",
        "social-services-nhs-2009",
        "Edith Clarke",
        "Discharge from hospital arranged without telling the family.",
        60,
        3,
    ),
    (
        "concern",
        "Adult social care",
        "",
        "Neighbour",
        "Worried an older neighbour is not getting her meals.",
        3,
        0,
    ),
    (
        "concern",
        "Children’s social care",
        "",
        "Aunt",
        "Asked why contact visits were moved at short notice.",
        15,
        0,
    ),
    (
        "concern",
        "Corporate",
        "",
        "",
        "Library opening hours on the website are wrong.",
        20,
        0,
    ),
    (
        "service-request",
        "Corporate",
        "",
        "Chris Hall",
        "Request for a replacement recycling box.",
        5,
        0,
    ),
    (
        "service-request",
        "Adult social care",
        "",
        "Anne Lewis",
        "Request for a carer’s assessment.",
        11,
        0,
    ),
    (
        "compliment",
        "Adult social care",
        "",
        "Frank Moore",
        "Thanks to the reablement team for their patience.",
        7,
        0,
    ),
    (
        "compliment",
        "Children’s social care",
        "",
        "A foster carer",
        "Praise for the out-of-hours duty worker.",
        18,
        0,
    ),
    (
        "compliment",
        "Corporate",
        "",
        "Helen Ward",
        "Quick and friendly help with a housing benefit form.",
        35,
        0,
    ),
];

const HANDLERS: [&str; 3] = ["Ann Handler", "Bo Reviewer", "Cal Officer"];

fn date_input(date: NaiveDate) -> DateInput {
    DateInput::from_date(date)
}

fn event(
    record: &Record,
    kind: EventKind,
    date: NaiveDate,
    handler: &str,
    today: NaiveDate,
    change: &Change,
) -> Record {
    let draft = EventDraft {
        kind: kind.code().into(),
        date: date_input(date),
        handler: handler.into(),
        outcome: "partially-upheld".into(),
        ..EventDraft::default()
    };
    // The sample cases are all under built-in procedures, which need no library.
    record_event(record, &draft, today, change, &[]).unwrap_or_else(|_| record.clone())
}

/// The sample records for a device whose date is `today`.
pub fn sample_records(today: NaiveDate, settings: &Settings, change: &Change) -> Vec<Record> {
    let procedures = settings.procedures();
    let calendar = settings.rules(today).statutory;
    let mut records: Vec<Record> = Vec::new();
    for (n, &(kind, service, procedure, name, summary, days_ago, progress)) in CASES.iter().enumerate() {
        let received = today - Days::new(days_ago);
        let draft = RecordDraft {
            kind: kind.into(),
            received: date_input(received),
            service: service.into(),
            person_name: name.into(),
            summary: format!("{summary} (Sample record)"),
            procedure: procedure.into(),
            ..RecordDraft::default()
        };
        let Ok(mut record) = draft.to_record(format!("sample-{:04}", n + 1), change, today, &procedures, &records)
        else {
            continue;
        };
        record.sample = true;
        // Every fifth raised by a relative for the person, with an address for the letters.
        if n % 5 == 1 && !record.person.name.is_empty() {
            let surname = record.person.name.rsplit(' ').next().unwrap_or_default().to_string();
            record.raised_by = Some(crate::record::Person {
                name: format!("Sam {surname}"),
                address: format!("{} Mill Lane\nExampletown\nEX2 4CD", 10 + n),
                preferred_contact: "Letter".into(),
                ..crate::record::Person::default()
            });
            record.intake.complainant_type = Some(crate::record::intake::ComplainantType::Relative);
            record.intake.authority = Some(crate::record::Authority::Consent { given: received });
        } else {
            record.person.preferred_contact = "Phone".into();
            record.person.phone = format!("07700 900 {:03}", 100 + n);
        }
        let handler = HANDLERS[n % HANDLERS.len()];
        let after =
            |days: u32| add_working_days(&calendar, received, days).map_or(today, |counted| counted.due.min(today));
        if progress >= 1 {
            record = event(&record, EventKind::Acknowledged, after(2), handler, today, change);
        }
        if progress >= 2 {
            record = event(&record, EventKind::Responded, after(9), handler, today, change);
            record.actions.push(Action {
                what: "Check the fix has held".into(),
                who: handler.into(),
                by: after(12),
                done: None,
                told: None,
            });
        }
        if progress >= 3 {
            record = event(&record, EventKind::Responded, after(9), handler, today, change);
            record.learning.push(Learning {
                statement: "We now confirm every change of worker in writing.".into(),
                publish: true,
            });
            record = close(&record, after(10), change).unwrap_or(record);
        }
        records.push(record);
    }
    records
}

/// The question "Remove all sample records" asks before it removes them.
pub fn removal_question(samples: usize) -> String {
    format!(
        "Remove {}? Records you made yourself are kept.",
        match samples {
            1 => "the 1 sample record".to_string(),
            n => format!("all {}", crate::format::plural(n, "sample record", "sample records")),
        }
    )
}

/// What removing them did.
pub fn removed(samples: usize) -> String {
    format!(
        "{} removed.",
        crate::format::plural(samples, "sample record", "sample records")
    )
}

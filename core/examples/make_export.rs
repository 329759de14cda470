//! Makes a realistic "everything" export file of N records for the benchmark (`scripts/bench.sh`):
//! `cargo run --release -p redress-core --example make_export -- 5000 > five-thousand.json`.
//!
//! The records start from the core's own sample cases (`redress_core::sample`), spread over the five
//! years before today, and are then varied the way a council's real caseload varies: every id and
//! reference is its own, names and summaries are drawn from wide pools (so a search finds some and
//! not others), services, service areas and handlers differ, most older cases are answered and
//! closed, some went to a second stage, and many carry correspondence, remedies, actions, learning
//! and feedback. Every change goes through the core's own functions, so each record has the history
//! and size a record made in the app has. The same N and day always make the same file.
//!
//! Options: `--today YYYY-MM-DD` (default: the computer's date, in UTC), `--seed N` (default 11),
//! `--pretty` (indented, as the app's own Export button writes it). Without `--pretty` the JSON is
//! compact: the same records, in about half the bytes, so 50,000 of them stay well inside the
//! import's size limit and the benchmark measures the store rather than the reading of white space.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use redress_core::exchange::file::{Exporter, everything};
use redress_core::record::casework_edit::{
    ActionDraft, CorrespondenceDraft, FeedbackDraft, LearningDraft, RemedyDraft, complete_action, deliver_remedy,
};
use redress_core::record::{
    Change, ConcernOutcome, DateInput, EventDraft, EventKind, Outcome, Record, RecordKind, close, record_event,
    set_concern_outcome,
};
use redress_core::sample::sample_records;
use redress_core::settings::Settings;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

/// How far back the records go: five years of a team's work.
const SPAN_DAYS: u64 = 5 * 365;

const FIRST_NAMES: &[&str] = &[
    "Alex", "Priya", "Tom", "Mary", "Daniel", "Grace", "Sam", "Leah", "Kai", "Joan", "Ravi", "Edith", "Chris", "Anne",
    "Frank", "Helen", "Amir", "Bethan", "Callum", "Deborah", "Eilidh", "Fatima", "George", "Hannah", "Imran",
    "Jasmine", "Kwame", "Lucy", "Mohammed", "Niamh", "Owen", "Patricia", "Rhys", "Sofia", "Tariq", "Ursula", "Vikram",
    "Wendy", "Yusuf", "Zara", "Bronwen", "Declan", "Marek", "Olu", "Siobhan", "Teresa",
];

const LAST_NAMES: &[&str] = &[
    "Taylor",
    "Shah",
    "Wright",
    "O’Neill",
    "Evans",
    "Okafor",
    "Green",
    "Brown",
    "Morgan",
    "Fletcher",
    "Patel",
    "Clarke",
    "Hall",
    "Lewis",
    "Moore",
    "Ward",
    "Hussain",
    "Jones",
    "Williams",
    "Davies",
    "Thomas",
    "Roberts",
    "Khan",
    "Walker",
    "Robinson",
    "Thompson",
    "White",
    "Hughes",
    "Edwards",
    "Begum",
    "Kowalski",
    "Nowak",
    "MacLeod",
    "Campbell",
    "Stewart",
    "Murphy",
    "Kelly",
    "Adeyemi",
    "Mensah",
    "Ahmed",
    "Price",
    "Jenkins",
];

/// What went wrong, by service: the first half of a summary.
const ISSUES: &[(&str, &[&str])] = &[
    (
        "Corporate",
        &[
            "Council tax bill sent to the wrong address",
            "Bins missed on the street for three weeks",
            "Pothole reported twice and not repaired",
            "Parking fine issued while the permit was displayed",
            "Housing benefit claim delayed for two months",
            "Fly-tipping behind the flats not cleared",
            "Library hours on the website are out of date",
            "Planning objection not acknowledged",
            "Blue badge renewal still waiting",
            "Noise complaint about the neighbours not followed up",
            "Streetlight out on the main road since the spring",
            "Garden waste subscription charged twice",
        ],
    ),
    (
        "Children’s social care",
        &[
            "Social worker changed four times this year",
            "Contact visits moved at short notice",
            "Pathway plan not reviewed for eight months",
            "Respite care cancelled without warning",
            "Child protection conference minutes not shared",
            "Foster placement ended without a proper plan",
            "School transport for a disabled child refused",
            "Early help assessment never arrived",
            "Care leaver’s allowance paid late again",
            "Family not told about the change of placement",
        ],
    ),
    (
        "Adult social care",
        &[
            "Home care visits cut short",
            "Charged twice for day care",
            "Discharged from hospital without a care package",
            "Care assessment took five months",
            "Direct payment stopped without explanation",
            "Carer’s assessment request not answered",
            "Residential home fees increased without notice",
            "Medication prompts missed on several visits",
            "Occupational therapy equipment never delivered",
            "Safeguarding concern about the care agency not acted on",
        ],
    ),
    (
        "Other",
        &[
            "Letter about the consultation sent in the wrong language",
            "Phone line for the contact centre kept ringing out",
            "Online form lost the application twice",
            "Complaint about a contractor’s behaviour on site",
        ],
    ),
];

/// The second half of a summary: how it has affected the person.
const DETAILS: &[&str] = &[
    "The family has called several times without a reply.",
    "Wants an apology and an explanation.",
    "Says nobody has taken responsibility.",
    "Asked for a review of the decision.",
    "This has caused distress and extra cost.",
    "Their MP has been copied in.",
    "Asking for the money back.",
    "Reported by a neighbour on their behalf.",
    "Says the letters were confusing and contradictory.",
    "Would like a named contact from now on.",
    "",
];

const HANDLERS: &[&str] = &[
    "Ann Handler",
    "Bo Reviewer",
    "Cal Officer",
    "Dee Caseworker",
    "Eli Manager",
    "Fay Investigator",
    "Gus Team Leader",
    "Hana Complaints Officer",
];

const LEARNING: &[&str] = &[
    "We now confirm every change of worker in writing.",
    "Missed collections are now checked by a supervisor within two days.",
    "Care visit times are logged and checked each week.",
    "Families are told about placement changes before they happen.",
    "Refund requests are answered within ten working days.",
];

const NOTES: &[&str] = &[
    "Called to talk through the complaint and agree what they want to happen.",
    "Emailed the service manager for the records.",
    "Met the family at home with the team manager.",
    "Letter sent explaining the delay and the new date.",
    "Left a voicemail; will try again tomorrow.",
];

/// A small, fast, well-mixed generator (SplitMix64): the same seed always gives the same file.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    /// True with probability `percent` in 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A UUID v4, as the app makes them.
    fn uuid(&mut self) -> String {
        let (a, b) = (self.next(), self.next());
        let b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        let a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xFFFF,
            a & 0xFFFF,
            b >> 48,
            b & 0xFFFF_FFFF_FFFF
        )
    }
}

/// The options given on the command line.
struct Options {
    count: usize,
    today: NaiveDate,
    seed: u64,
    pretty: bool,
}

const USAGE: &str = "usage: make_export N [--today YYYY-MM-DD] [--seed N] [--pretty] > file.json";

fn options() -> Result<Options, String> {
    let mut count = None;
    let mut today = None;
    let mut seed = 11;
    let mut pretty = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--today" => {
                let text = args.next().ok_or("--today needs a date, such as 2026-12-01")?;
                today = Some(
                    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                        .map_err(|_| format!("“{text}” is not a date in the form 2026-12-01"))?,
                );
            }
            "--seed" => {
                let text = args.next().ok_or("--seed needs a whole number")?;
                seed = text.parse().map_err(|_| format!("“{text}” is not a whole number"))?;
            }
            "--pretty" => pretty = true,
            "-h" | "--help" => return Err(USAGE.into()),
            number => {
                let digits: String = number.chars().filter(|c| *c != ',' && *c != '_').collect();
                count = Some(
                    digits
                        .parse::<usize>()
                        .map_err(|_| format!("“{number}” is not a number of records\n{USAGE}"))?,
                );
            }
        }
    }
    let count = count.ok_or(USAGE)?;
    let today = match today {
        Some(day) => day,
        None => {
            let days = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_err(|_| "the computer’s clock is before 1970")?
                .as_secs()
                / 86_400;
            NaiveDate::from_ymd_opt(1970, 1, 1)
                .and_then(|epoch| epoch.checked_add_days(Days::new(days)))
                .ok_or("the computer’s clock is out of range")?
        }
    };
    Ok(Options {
        count,
        today,
        seed,
        pretty,
    })
}

/// Ten in the morning on `date`, when the change is made.
fn at(date: NaiveDate, minutes: u64) -> DateTime<Utc> {
    let time = date.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc();
    time + chrono::Duration::minutes(minutes as i64)
}

fn plus(date: NaiveDate, days: u64, today: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(today).min(today)
}

/// Records one event, keeping the record as it was if the core says it does not fit.
fn event(
    record: Record,
    kind: EventKind,
    date: NaiveDate,
    handler: &str,
    outcome: Outcome,
    today: NaiveDate,
) -> Record {
    let draft = EventDraft {
        kind: kind.code().into(),
        date: DateInput::from_date(date),
        handler: handler.into(),
        outcome: outcome.code(),
        investigating_officer: "Ivy Investigator".into(),
        independent_person: "Ian Independent".into(),
        ..EventDraft::default()
    };
    record_event(&record, &draft, today, &Change::new(handler, at(date, 5)), &[]).unwrap_or(record)
}

/// A person's name, or none (anonymous, or not given) for about one record in twenty.
fn person(random: &mut Random) -> Option<String> {
    (!random.chance(5)).then(|| format!("{} {}", random.pick(FIRST_NAMES), random.pick(LAST_NAMES)))
}

fn summary(random: &mut Random, service: &str, sample: &str) -> String {
    // A third keep the sample's own words, so every sample case has its like in the data.
    if random.chance(33) {
        return sample.trim_end_matches(" (Sample record)").to_string();
    }
    let issues = ISSUES
        .iter()
        .find(|(s, _)| *s == service)
        .map_or(ISSUES[0].1, |(_, issues)| *issues);
    let detail = random.pick(DETAILS);
    format!("{}. {detail}", random.pick(issues)).trim_end().to_string()
}

/// The work done on a complaint after it arrived: letters and calls, remedies, actions, learning.
fn casework(mut record: Record, random: &mut Random, handler: &str, today: NaiveDate) -> Record {
    let received = record.received;
    let change = |days: u64| Change::new(handler, at(plus(received, days, today), 30));
    // Half have nothing logged, most of the rest one or two contacts.
    let contacts = match random.below(20) {
        0..10 => 0,
        10..17 => 1,
        _ => 2,
    };
    for n in 0..contacts {
        let day = plus(received, 1 + n * 4 + random.below(4), today);
        let kind = random.pick(&["letter", "email", "call", "meeting"]);
        let note = random.pick(NOTES);
        let typed = CorrespondenceDraft {
            kind: kind.to_string(),
            date: DateInput::from_date(day),
            note: note.to_string(),
        };
        if let Ok(next) = typed.apply(&record, today, &change(1 + n * 4)) {
            record = next;
        }
    }
    if record.kind != RecordKind::Complaint {
        return record;
    }
    if random.chance(25) {
        let due = plus(received, 20, today);
        let typed = RemedyDraft {
            kind: "apology".into(),
            what: "A written apology from the head of service".into(),
            amount: String::new(),
            due: DateInput::from_date(due),
        };
        if let Ok(next) = typed.apply(&record, &change(15)) {
            record = if random.chance(80) {
                deliver_remedy(&next, next.remedies.len() - 1, due, &change(20)).unwrap_or(next)
            } else {
                next
            };
        }
    }
    if random.chance(8) {
        let pounds = format!("{}.00", 25 + random.below(40) * 25);
        let typed = RemedyDraft {
            kind: "financial".into(),
            what: "A refund of the charges made in error".into(),
            amount: pounds,
            due: DateInput::from_date(plus(received, 30, today)),
        };
        if let Ok(next) = typed.apply(&record, &change(16)) {
            record = next;
        }
    }
    if random.chance(15) {
        let by = plus(received, 40, today);
        let typed = ActionDraft {
            what: "Check the fix has held".into(),
            who: handler.to_string(),
            by: DateInput::from_date(by),
        };
        if let Ok(next) = typed.apply(&record, &change(17)) {
            record = if by < today && random.chance(70) {
                complete_action(&next, next.actions.len() - 1, by, &change(40)).unwrap_or(next)
            } else {
                next
            };
        }
    }
    if random.chance(10) {
        let statement = random.pick(LEARNING);
        let typed = LearningDraft {
            statement: statement.to_string(),
            publish: random.chance(60),
        };
        if let Ok(next) = typed.apply(&record, &change(25)) {
            record = next;
        }
    }
    record
}

/// Older cases are mostly answered and closed, as a real caseload is; a tenth went to stage 2.
fn finish(mut record: Record, random: &mut Random, handler: &str, today: NaiveDate) -> Record {
    if record.closed.is_some() || today.signed_duration_since(record.received).num_days() < 90 || random.chance(8) {
        return record;
    }
    let received = record.received;
    let outcome = *random.pick(&[Outcome::Upheld, Outcome::PartiallyUpheld, Outcome::NotUpheld]);
    let mut answered = plus(received, 8 + random.below(25), today);
    if record.kind == RecordKind::Complaint {
        if record.stages.last().is_some_and(|s| s.acknowledged.is_none()) {
            let day = plus(received, 1 + random.below(4), today);
            record = event(record, EventKind::Acknowledged, day, handler, outcome, today);
        }
        if record.stages.last().is_some_and(|s| s.responded.is_none()) {
            record = event(record, EventKind::Responded, answered, handler, outcome, today);
        }
        if random.chance(10) {
            let second = *random.pick(HANDLERS);
            let asked = plus(answered, 5 + random.below(20), today);
            record = event(record, EventKind::NextStageRequested, asked, second, outcome, today);
            record = event(
                record,
                EventKind::Acknowledged,
                plus(asked, 3, today),
                second,
                outcome,
                today,
            );
            answered = plus(asked, 15 + random.below(30), today);
            let second_outcome = *random.pick(&[Outcome::PartiallyUpheld, Outcome::NotUpheld]);
            record = event(record, EventKind::Responded, answered, second, second_outcome, today);
        }
        if record.closed.is_none() && random.chance(10) {
            let typed = FeedbackDraft {
                date: DateInput::from_date(plus(answered, 14, today)),
                satisfied: random.pick(&["Yes", "Partly", "No"]).to_string(),
                comments: "Thank you for looking into it.".into(),
            };
            let change = Change::new(handler, at(plus(answered, 14, today), 0));
            if let Ok(next) = typed.apply(&record, today, &change) {
                record = next;
            }
        }
    } else if record.kind == RecordKind::Concern {
        let outcome = *random.pick(&ConcernOutcome::CHOOSABLE);
        let change = Change::new(handler, at(answered, 0));
        record = set_concern_outcome(&record, outcome, &change).unwrap_or(record);
    }
    let closed = plus(answered, 1 + random.below(5), today);
    close(&record, closed, &Change::new(handler, at(closed, 60))).unwrap_or(record)
}

/// Gives every record its own reference, numbered in the order received within its kind and year.
fn number(records: &mut [Record]) {
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.sort_by_key(|&i| (records[i].received, records[i].created, i));
    let mut next: BTreeMap<(&'static str, i32), u32> = BTreeMap::new();
    for i in order {
        let record = &mut records[i];
        let counter = next.entry((record.kind.code(), record.received.year())).or_insert(0);
        *counter += 1;
        // The core's own first reference for the kind and year ("C-2026-0001"), renumbered.
        let first = redress_core::record::next_reference(record.kind, record.received, &[]);
        let start = first.strip_suffix("0001").unwrap_or(&first);
        record.reference = format!("{start}{counter:04}");
    }
}

fn make(options: &Options) -> String {
    let Options {
        count,
        today,
        seed,
        pretty,
    } = *options;
    let settings = Settings {
        organisation_name: "Northshire County Council".into(),
        user_name: "Casey Officer".into(),
        ..Settings::default()
    };
    let mut random = Random(seed);
    let mut records: Vec<Record> = Vec::with_capacity(count);
    // Each batch is the sample set made as if on an earlier day, so the batches together cover
    // five years.
    let batches = count.div_ceil(20).max(1) as u64;
    let mut batch = 0;
    while records.len() < count {
        let back = batch * SPAN_DAYS / batches + random.below(3);
        let day = today.checked_sub_days(Days::new(back)).unwrap_or(today);
        let maker = *random.pick(HANDLERS);
        let change = Change::new(maker, at(day, 0));
        for mut record in sample_records(day, &settings, &change) {
            if records.len() == count {
                break;
            }
            let handler = *random.pick(HANDLERS);
            record.id = random.uuid();
            record.sample = false;
            if random.chance(15) {
                record.service = random.pick(&settings.services).clone();
            }
            record.person = redress_core::record::Person::named(&person(&mut random).unwrap_or_default());
            // About one in six raised for the person by a relative, with an address for letters.
            if random.chance(16) {
                let mut raiser = redress_core::record::Person::named(&person(&mut random).unwrap_or_default());
                raiser.address = format!(
                    "{} High Street\nExampletown\nEX1 2AB",
                    1 + random.pick(&[3, 12, 27, 40])
                );
                raiser.preferred_contact = "Letter".into();
                record.raised_by = Some(raiser);
            }
            record.summary = summary(&mut random, &record.service.clone(), &record.summary);
            record.intake.service_area = random.pick(&settings.service_areas).clone();
            record.intake.subjects = vec![random.pick(&settings.subjects).clone()];
            if record.kind == RecordKind::Complaint && random.chance(60) {
                record.intake.desired_outcome = "An apology and for it not to happen again.".into();
            }
            for stage in &mut record.stages {
                if let Some(old) = stage.handler.replace(handler.to_string()) {
                    for entry in &mut record.history {
                        entry.what = entry.what.replace(&old, handler);
                    }
                }
            }
            record = casework(record, &mut random, handler, today);
            record = finish(record, &mut random, handler, today);
            records.push(record);
        }
        batch += 1;
    }
    number(&mut records);
    let exporter = Exporter {
        app_version: format!("make_export {}", env!("CARGO_PKG_VERSION")),
        at: at(today, 0),
        organisation: settings.organisation_name.clone(),
    };
    let file = everything(&records, &[], &settings, &[], &exporter, false);
    if pretty {
        file.to_json()
    } else {
        // Plain data always serialises; an empty file would be refused by the import, loudly.
        serde_json::to_string(&file).unwrap_or_default()
    }
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let text = make(&options);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.write_all(b"\n")) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("could not write the file: {error}");
            ExitCode::FAILURE
        }
    }
}

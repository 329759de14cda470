//! Finding records: by words, filters and sorting, and the list at scale: rows kept per record,
//! search over prepared text, GOV.UK pagination, and the list's CSV, which must not change for
//! anyone's spreadsheet.

use chrono::NaiveDate;
use redress_core::record::search::{
    PageLink, Query, RecordFilter, RecordRow, Rows, SortBy, State, find_rows, headline, list_csv, page,
};
use redress_core::record::{Change, Record, RecordKind};
use redress_core::settings::Settings;

mod common;
use common::dates::date;
use common::records::make;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn sample() -> Vec<Record> {
    let change = Change::new("Test", "2026-11-20T09:00:00Z".parse().unwrap());
    redress_core::sample::sample_records(today(), &Settings::default(), &change)
}

/// The sample records plus one with a long, two-line summary full of CSV's special characters.
fn with_odd_summary() -> Vec<Record> {
    let mut records = sample();
    let mut odd = records[0].clone();
    odd.id = "odd".into();
    odd.reference = "Z-2026-0001".into();
    odd.summary = format!("Line one, with \"quotes\"\nLine two {}", "é".repeat(150));
    odd.person = Default::default();
    records.push(odd);
    records
}

#[test]
fn the_list_csv_is_byte_for_byte_what_it_was_before_rows_got_small() {
    // Written by the list_csv of before this change (rows holding whole records); since then
    // only "Next due" has moved on purpose: two samples' overdue actions are now their next due.
    let before = include_str!("fixtures/records-list-sample.csv");
    let records = with_odd_summary();
    let rules = Settings::default().rules(today());
    let rows = Rows::new(&records, &rules);
    let found = rows.find(&RecordFilter::default(), SortBy::Reference);
    let csv = list_csv(&found, |id| records.iter().find(|r| r.id == id));
    assert_eq!(csv, before);
    // Without the records, the headline stands in for the whole summary.
    let headlines = list_csv(&found, |_| None);
    assert!(headlines.contains("Line one, with \"\"quotes\"\"\","));
    assert!(!headlines.contains("Line two"));
}

#[test]
fn a_row_holds_what_the_list_shows() {
    let records = with_odd_summary();
    let rules = Settings::default().rules(today());
    let odd = records.iter().find(|r| r.id == "odd").unwrap();
    let row = RecordRow::new(odd, &rules);
    assert_eq!(row.id, "odd");
    assert_eq!(row.reference, "Z-2026-0001");
    assert_eq!(row.headline, "Line one, with \"quotes\"");
    assert_eq!(row.received, odd.received);
    assert_eq!(row.updated, odd.updated);
    assert!(!row.advocacy);
    let long = "a".repeat(200);
    assert_eq!(headline(&long).chars().count(), 80);
    assert!(headline(&long).ends_with('…'));
    assert_eq!(headline(""), "");
}

#[test]
fn one_saved_record_changes_one_row_and_a_deleted_one_leaves() {
    let mut records = sample();
    let rules = Settings::default().rules(today());
    let mut rows = Rows::new(&records, &rules);
    assert_eq!(rows.len(), records.len());
    let before: Vec<RecordRow> = records.iter().map(|r| rows.get(&r.id).unwrap().clone()).collect();

    records[3].summary = "Entirely new words: zebra crossing".into();
    records[3].closed = Some(today());
    rows.upsert(&records[3], &rules);
    assert_eq!(rows.len(), records.len());
    let found = rows.find(
        &RecordFilter {
            text: "ZEBRA".into(),
            ..Default::default()
        },
        SortBy::Newest,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, records[3].id);
    assert_eq!(found[0].next_due, None, "a closed record owes nothing");
    for (record, old) in records.iter().zip(&before).filter(|(r, _)| r.id != records[3].id) {
        assert_eq!(rows.get(&record.id), Some(old));
    }

    let mut new = records[0].clone();
    new.id = "new-one".into();
    rows.upsert(&new, &rules);
    assert_eq!(rows.len(), records.len() + 1);
    assert!(rows.remove("new-one").is_some());
    assert!(rows.remove("new-one").is_none());
    assert_eq!(rows.len(), records.len());

    // Rebuilding gives the same rows as keeping them up to date.
    let fresh = Rows::new(&records, &rules);
    assert_eq!(fresh, rows);
}

#[test]
fn search_words_are_lower_cased_once_and_all_must_match() {
    let records = sample();
    let rules = Settings::default().rules(today());
    let rows: Vec<RecordRow> = records.iter().map(|r| RecordRow::new(r, &rules)).collect();
    let query = Query::new("  BLUE   Badge ");
    let hits: Vec<&RecordRow> = rows.iter().filter(|row| query.matches(row)).collect();
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|row| row.headline.to_lowercase().contains("blue badge"))
    );
    assert!(Query::new("").matches(&rows[0]));
    assert!(!Query::new("blue nothing-like-this").matches(&rows[0]));
    // The filter's own check agrees with the prepared query.
    let filter = RecordFilter {
        text: "BLUE badge".into(),
        ..Default::default()
    };
    assert_eq!(rows.iter().filter(|row| filter.matches(row)).count(), hits.len());
}

#[test]
fn filters_by_state_and_advocacy_and_sorts_the_same_whatever_the_order_held() {
    let mut records = sample();
    let rules = Settings::default().rules(today());
    records[1].outgoing = Some(Default::default());
    let rows = Rows::new(&records, &rules);
    let list = RecordFilter {
        advocacy: Some(false),
        ..Default::default()
    };
    assert_eq!(rows.find(&list, SortBy::Newest).len(), records.len() - 1);
    let cases = RecordFilter {
        advocacy: Some(true),
        ..Default::default()
    };
    let found = rows.find(&cases, SortBy::Newest);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, records[1].id);

    let overdue = rows.find(
        &RecordFilter {
            state: Some(State::Overdue),
            ..Default::default()
        },
        SortBy::NextDue,
    );
    assert!(overdue.iter().all(|row| row.overdue));

    let slice: Vec<RecordRow> = records.iter().rev().map(|r| RecordRow::new(r, &rules)).collect();
    for sort in [SortBy::Newest, SortBy::Oldest, SortBy::NextDue, SortBy::Reference] {
        let a: Vec<&str> = rows
            .find(&RecordFilter::default(), sort)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        let b: Vec<&str> = find_rows(&slice, &RecordFilter::default(), sort)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(a, b, "{sort:?}");
    }
}

fn links(items: usize, number: usize) -> String {
    let all: Vec<usize> = (0..items).collect();
    page(&all, number, 10)
        .links
        .iter()
        .map(|link| match link {
            PageLink::Number(n) if *n == number => format!("[{n}]"),
            PageLink::Number(n) => n.to_string(),
            PageLink::Ellipsis => "…".into(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn pagination_shows_first_last_and_either_side_of_this_page_as_govuk_does() {
    assert_eq!(links(420, 1), "[1] 2 … 42");
    assert_eq!(links(420, 3), "1 2 [3] 4 … 42");
    assert_eq!(links(420, 7), "1 … 6 [7] 8 … 42");
    assert_eq!(links(420, 41), "1 … 40 [41] 42");
    assert_eq!(links(420, 42), "1 … 41 [42]");
    // A gap of a single page shows that page rather than an ellipsis.
    assert_eq!(links(420, 4), "1 2 3 [4] 5 … 42");
    assert_eq!(links(30, 1), "[1] 2 3");
    assert_eq!(links(10, 1), "", "one page: no pagination");
    assert_eq!(links(0, 1), "");
}

#[test]
fn a_page_holds_its_items_and_says_where_it_is() {
    let all: Vec<usize> = (1..=95).collect();
    let p = page(&all, 3, 20);
    assert_eq!(p.items, &all[40..60]);
    assert_eq!((p.number, p.pages, p.total, p.first, p.last), (3, 5, 95, 41, 60));
    assert_eq!((p.previous, p.next), (Some(2), Some(4)));
    let last = page(&all, 5, 20);
    assert_eq!(last.items.len(), 15);
    assert_eq!((last.first, last.last, last.next), (81, 95, None));
    // Out of range is brought within range; a nonsense page size is taken as 1.
    assert_eq!(page(&all, 0, 20).number, 1);
    assert_eq!(page(&all, usize::MAX, 20).number, 5);
    assert_eq!(page(&all, 2, 0).items, &[2]);
    assert_eq!(page(&all, usize::MAX, usize::MAX).items.len(), 95);
    let none: Vec<u8> = Vec::new();
    let empty = page(&none, 4, 20);
    assert_eq!(
        (empty.number, empty.pages, empty.total, empty.first, empty.last),
        (1, 1, 0, 0, 0)
    );
    assert_eq!((empty.previous, empty.next), (None, None));
    assert!(empty.items.is_empty());
}

#[test]
fn positions_name_the_same_rows_as_the_search() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let settings = redress_core::settings::Settings::default();
    let change = redress_core::record::Change::new("Sam Officer", "2026-01-05T10:00:00Z".parse().unwrap());
    let records = redress_core::sample::sample_records(today, &settings, &change);
    let rows = redress_core::record::search::Rows::new(&records, &settings.rules(today));
    for text in ["", "care", "zzz"] {
        let filter = redress_core::record::search::RecordFilter {
            text: text.into(),
            ..Default::default()
        };
        for sort in [
            redress_core::record::search::SortBy::Newest,
            redress_core::record::search::SortBy::NextDue,
        ] {
            let found: Vec<&str> = rows.find(&filter, sort).iter().map(|r| r.id.as_str()).collect();
            let by_position: Vec<&str> = rows
                .find_positions(&filter, sort)
                .into_iter()
                .map(|i| rows.as_slice()[i].id.as_str())
                .collect();
            assert_eq!(found, by_position);
        }
    }
}

/// Every search word, every way it can go wrong for a letter set: one letter, a digit, a
/// letter with an accent, punctuation, and words with and without the letters of a row.
#[test]
fn the_letter_set_never_changes_what_a_search_finds() {
    let records = with_odd_summary();
    let rules = Settings::default().rules(today());
    let rows = Rows::new(&records, &rules);
    let plain = |row: &RecordRow, text: &str| {
        let haystack = format!(
            "{} {} {}",
            row.reference,
            row.person_name.as_deref().unwrap_or_default(),
            records.iter().find(|r| r.id == row.id).unwrap().summary
        )
        .to_lowercase();
        text.to_lowercase().split_whitespace().all(|w| haystack.contains(w))
    };
    let mut searched = 0;
    for text in [
        "a",
        "z",
        "q",
        "0",
        "2",
        "9",
        "é",
        "É",
        "-",
        "\"",
        "c-2026",
        "jones",
        "JONES",
        "x y",
        "care home",
        "zz",
        "é a",
        "line two",
        "2026 q",
    ] {
        let query = Query::new(text);
        for row in rows.iter() {
            assert_eq!(query.matches(row), plain(row, text), "{text:?} on {}", row.reference);
            searched += 1;
        }
    }
    assert!(searched > 100);
}

#[test]
fn a_kept_row_reads_back_the_same_and_its_status_is_worked_out_for_the_day_it_is_read() {
    use redress_core::record::search::{keep_row, kept_row};
    let records = with_odd_summary();
    let rules = Settings::default().rules(today());
    let rows = Rows::new(&records, &rules);
    let mut with_due = 0;
    for row in rows.iter() {
        let back = kept_row(&keep_row(row), &rules).expect("a kept row reads back");
        assert_eq!(&back, row, "{}", row.reference);
        assert!(back.same_kept(row));
        with_due += usize::from(row.next_due.is_some());
    }
    assert!(with_due > 0, "the sample has open deadlines");
    // A month on, each open deadline's status is what the record's own row says that day.
    let later = Settings::default().rules(today() + chrono::Days::new(30));
    let then = Rows::new(&records, &later);
    for row in rows.iter() {
        let back = kept_row(&keep_row(row), &later).unwrap();
        let fresh = then.get(&row.id).unwrap();
        assert_eq!(&back, fresh, "{}", row.reference);
        assert!(back.same_kept(row), "the day does not change what is kept");
    }
    assert!(then.iter().any(|r| r.overdue) && rows.iter().any(|r| !r.overdue && r.next_due.is_some()));
}

#[test]
fn a_kept_row_from_another_release_or_broken_is_not_used() {
    use redress_core::record::search::{ROW_FORMAT, keep_row, kept_row};
    let records = sample();
    let rules = Settings::default().rules(today());
    let row = RecordRow::new(&records[0], &rules);
    let kept = keep_row(&row);
    assert!(kept.contains(ROW_FORMAT));
    assert_eq!(kept_row(&kept.replace(ROW_FORMAT, "1/0.0.1"), &rules), None);
    assert_eq!(kept_row(&kept[..kept.len() / 2], &rules), None);
    assert_eq!(kept_row("", &rules), None);
    assert_eq!(kept_row("{\"f\":1}", &rules), None);
    // A changed record keeps a different row.
    let mut changed = records[0].clone();
    changed.summary.push_str(" More.");
    assert!(!RecordRow::new(&changed, &rules).same_kept(&row));
}

#[test]
fn the_order_is_worked_out_once_and_a_search_in_it_finds_what_a_sorted_search_does() {
    let records = with_odd_summary();
    let rules = Settings::default().rules(today());
    let rows = Rows::new(&records, &rules);
    for sort in [SortBy::Newest, SortBy::Oldest, SortBy::NextDue, SortBy::Reference] {
        let order = rows.order(sort);
        assert_eq!(order.len(), rows.len());
        let filters = ["", "a", "e 2", "jones", "c-2026 care", "é"]
            .into_iter()
            .flat_map(|text| {
                [
                    RecordFilter::default(),
                    RecordFilter {
                        advocacy: Some(false),
                        state: Some(State::Open),
                        ..RecordFilter::default()
                    },
                    RecordFilter {
                        state: Some(State::Overdue),
                        stage: Some(1),
                        ..RecordFilter::default()
                    },
                    RecordFilter {
                        state: Some(State::Closed),
                        kind: Some(redress_core::record::RecordKind::Complaint),
                        advocacy: Some(true),
                        ..RecordFilter::default()
                    },
                    RecordFilter {
                        service: Some("Corporate".into()),
                        ..RecordFilter::default()
                    },
                ]
                .map(|f| RecordFilter { text: text.into(), ..f })
            });
        for filter in filters {
            let text = filter.text.clone();
            let a: Vec<&str> = rows
                .find_in_order(&order, &filter)
                .iter()
                .map(|&i| rows.as_slice()[i].id.as_str())
                .collect();
            let b: Vec<&str> = rows.find(&filter, sort).iter().map(|r| r.id.as_str()).collect();
            assert_eq!(a, b, "{sort:?} {text:?}");
        }
    }
}

#[test]
fn records_are_found_by_words_filters_and_sorted() {
    let mut records = Vec::new();
    for (kind, received, summary) in [
        ("complaint", "2026-01-05", "Blue badge delay"),
        ("concern", "2026-01-07", "Carer late"),
        ("complaint", "2025-11-03", "Respite care refused"),
    ] {
        let record = make(kind, received, summary, &records);
        records.push(record);
    }
    let rules = Settings::default().rules(date("2026-01-08"));
    let rows: Vec<RecordRow> = records.iter().map(|r| RecordRow::new(r, &rules)).collect();
    let refs = |filter: &RecordFilter, sort| {
        find_rows(&rows, filter, sort)
            .iter()
            .map(|r| r.reference.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        refs(&RecordFilter::default(), SortBy::Newest),
        vec!["N-2026-0001", "C-2026-0001", "C-2025-0001"]
    );
    assert_eq!(
        refs(
            &RecordFilter {
                text: "CARE".into(),
                ..Default::default()
            },
            SortBy::Oldest
        ),
        vec!["C-2025-0001", "N-2026-0001"]
    );
    assert_eq!(
        refs(
            &RecordFilter {
                text: "c-2026 badge".into(),
                ..Default::default()
            },
            SortBy::Newest
        ),
        vec!["C-2026-0001"]
    );
    assert_eq!(
        refs(
            &RecordFilter {
                kind: Some(RecordKind::Complaint),
                ..Default::default()
            },
            SortBy::Reference
        ),
        vec!["C-2025-0001", "C-2026-0001"]
    );
    assert_eq!(
        refs(
            &RecordFilter {
                state: Some(State::Overdue),
                ..Default::default()
            },
            SortBy::NextDue
        ),
        vec!["C-2025-0001"]
    );
    assert_eq!(refs(&RecordFilter::default(), SortBy::NextDue)[0], "C-2025-0001");
}

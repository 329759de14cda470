//! My work: open deadlines grouped by when they fall and by handler, actions overdue, and
//! reasonable adjustments due for review.

use redress_core::deadline::Status;
use redress_core::record::casework::Action;
use redress_core::record::{EventKind, close};
use redress_core::settings::Settings;
use redress_core::worklist::my_work;

mod common;
use common::dates::date;
use common::records::{change, event, make};

#[test]
fn my_work_groups_open_deadlines_by_when_and_by_handler() {
    let first = make("complaint", "2026-01-05", "A", &[]);
    let first = event(&first, EventKind::Acknowledged, "2026-01-06", "Ann Handler");
    let mut second = make("complaint", "2026-01-12", "B", std::slice::from_ref(&first));
    second.actions.push(Action {
        what: "Apologise".into(),
        who: "Bo".into(),
        by: date("2026-01-13"),
        done: None,
        told: None,
    });
    let closed = close(
        &event(
            &make("complaint", "2026-01-02", "C", &[]),
            EventKind::Responded,
            "2026-01-05",
            "",
        ),
        date("2026-01-06"),
        &change(),
    )
    .unwrap();
    let rules = Settings::default().rules(date("2026-01-19"));
    let work = my_work(&[first, second, closed], &rules);
    let labels = |items: &[redress_core::worklist::WorkItem]| {
        items
            .iter()
            .map(|i| format!("{} {}", i.reference, i.label))
            .collect::<Vec<_>>()
    };
    // A: acknowledged 6 Jan, response due 20 Jan. B: acknowledgement due 19 Jan, response projected 2 Feb.
    assert_eq!(labels(&work.overdue), Vec::<String>::new());
    assert_eq!(labels(&work.due_today), vec!["C-2026-0002 Stage 1 acknowledgement"]);
    assert_eq!(labels(&work.due_this_week), vec!["C-2026-0001 Stage 1 response"]);
    assert_eq!(work.actions_overdue.len(), 1);
    let loads: Vec<(String, usize, usize)> = work
        .by_handler
        .iter()
        .map(|h| (h.handler.clone(), h.due_today, h.due_this_week))
        .collect();
    assert_eq!(
        loads,
        vec![("Ann Handler".into(), 0, 1), ("Not yet assigned".into(), 1, 0)]
    );
    assert_eq!(work.due_today[0].status, Status::DueToday);
}

#[test]
fn adjustments_due_for_review_show_on_my_work() {
    use redress_core::record::intake::Adjustment;
    let mut record = make("concern", "2026-01-05", "Needs large print", &[]);
    record.intake.adjustments.push(Adjustment {
        what: "Large print letters".into(),
        agreed: date("2026-01-05"),
        review: Some(date("2026-01-20")),
    });
    record.intake.adjustments.push(Adjustment {
        what: "Calls after 3pm".into(),
        agreed: date("2026-01-05"),
        review: Some(date("2026-03-01")),
    });
    let work = my_work(&[record], &Settings::default().rules(date("2026-01-15")));
    let due: Vec<&str> = work.reviews_due.iter().map(|r| r.what.as_str()).collect();
    assert_eq!(due, vec!["Review the adjustment: Large print letters"]);
}

//! What has happened at each stage of a record, as a summary list per stage.

use leptos::prelude::*;
use redress_core::format::long_date;
use redress_core::procedure::CustomProcedure;
use redress_core::record::Record;

fn row(key: String, value: String) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
        </div>
    }
}

fn add(rows: &mut Vec<(String, String)>, key: &str, date: Option<chrono::NaiveDate>) {
    if let Some(date) = date {
        rows.push((key.to_string(), long_date(date)));
    }
}

/// Every recorded event, stage by stage; nothing for a record without stages. Stage names come
/// from the record's procedure, its custom ones looked up in `library`.
pub fn history(record: &Record, library: &[CustomProcedure]) -> Option<impl IntoView + use<>> {
    let procedure = record.procedure_with(library)?;
    let stages = record
        .stages
        .iter()
        .enumerate()
        .map(|(index, events)| {
            let name = procedure
                .stages
                .get(index)
                .map_or_else(|| format!("Stage {}", index + 1), |s| s.title());
            let mut rows = vec![(
                if index == 0 {
                    "Received".to_string()
                } else {
                    "Asked for".to_string()
                },
                long_date(events.started),
            )];
            if let Some(handler) = &events.handler {
                rows.push(("Handled by".into(), handler.clone()));
            }
            if let Some(officer) = &events.investigating_officer {
                rows.push(("Investigating officer".into(), officer.clone()));
            }
            if let Some(person) = &events.independent_person {
                rows.push(("Independent person".into(), person.clone()));
            }
            add(&mut rows, "Acknowledged", events.acknowledged);
            add(&mut rows, "Complaint statement agreed", events.statement_agreed);
            add(&mut rows, "Response date agreed", events.agreed_response);
            if let Some(extension) = &events.extension {
                let told = extension.told.map_or("not yet recorded".into(), long_date);
                let good = if extension.good_reason {
                    " A good reason for going past the limit is recorded."
                } else {
                    ""
                };
                rows.push((
                    "Extended".into(),
                    format!(
                        "To {}. Reason: {}.{good} Person told: {told}.",
                        long_date(extension.to),
                        extension.reason.trim_end_matches('.')
                    ),
                ));
            }
            for pause in &events.pauses {
                let until = pause
                    .to
                    .map_or("still paused".into(), |to| format!("until {}", long_date(to)));
                rows.push((
                    "Clock paused".into(),
                    format!("From {} {until}. Reason: {}", long_date(pause.from), pause.reason),
                ));
            }
            add(&mut rows, "Review panel held", events.panel_held);
            add(&mut rows, "Panel’s findings issued", events.findings_issued);
            add(&mut rows, "Response sent", events.responded);
            if let Some(outcome) = events.outcome {
                rows.push(("Outcome".into(), outcome.name().into()));
            }
            view! {
                <h3 class="govuk-heading-s">{name}</h3>
                <dl class="govuk-summary-list">{rows.into_iter().map(|(k, v)| row(k, v)).collect_view()}</dl>
            }
        })
        .collect_view();
    Some(view! {
        <h2 class="govuk-heading-m">"What has happened"</h2>
        {stages}
    })
}

/// The append-only history: when, who, what, newest first.
pub fn change_log(record: &Record) -> impl IntoView + use<> {
    let entries: Vec<_> = record.history.iter().rev().cloned().collect();
    view! {
        <details class="govuk-details">
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{if entries.len() == 1 { "Show the 1 change".to_string() } else { format!("Show all {} changes", entries.len()) }}</span>
            </summary>
            <div class="govuk-details__text">
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-table__caption--s">"Every change to this record, newest first"</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"When"</th>
                            <th scope="col" class="govuk-table__header">"Who"</th>
                            <th scope="col" class="govuk-table__header">"What"</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">
                        {entries.into_iter().map(|entry| view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell app-nowrap">{redress_core::format::uk_time(entry.at)}</td>
                                <td class="govuk-table__cell">{entry.who}</td>
                                <td class="govuk-table__cell">{entry.what}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

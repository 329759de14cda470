//! What has happened at each stage of a record, as a summary list per stage.

use leptos::prelude::*;
use redress_core::format::long_date;
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

/// Every recorded event, stage by stage; nothing for a record without stages.
pub fn history(record: &Record) -> Option<impl IntoView + use<>> {
    let procedure = record.procedure.as_ref()?;
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

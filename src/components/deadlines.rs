//! A list of deadlines: each date with its status, any warning, and "How was this worked out?".

use crate::components::tag::{Colour, Tag, status_colour};
use leptos::prelude::*;
use redress_core::deadline::Deadline;
use redress_core::format::{long_date, short_date};

fn deadline_row(deadline: Deadline) -> impl IntoView {
    let status = deadline
        .status
        .map(|status| (status_colour(status), deadline.status_words().unwrap_or_default()));
    let explanation = deadline.explanation.clone();
    let warnings = deadline.warnings.clone();
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{deadline.label.clone()}</dt>
            <dd class="govuk-summary-list__value">
                <p class="govuk-body govuk-!-margin-bottom-1">
                    <strong class="app-nowrap">{long_date(deadline.due)}</strong>
                    {status.map(|(colour, words)| view! {
                        " " <Tag colour text=words />
                    })}
                    {deadline.projected.then(|| view! { " " <Tag colour=Colour::Grey text="Projected" /> })}
                </p>
                {warnings.into_iter().map(|warning| view! {
                    <div class="govuk-warning-text govuk-!-margin-bottom-2">
                        <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                        <strong class="govuk-warning-text__text">
                            <span class="govuk-visually-hidden">"Warning"</span>
                            {warning}
                        </strong>
                    </div>
                }).collect_view()}
                <details class="govuk-details govuk-!-margin-bottom-0">
                    <summary class="govuk-details__summary">
                        <span class="govuk-details__summary-text">"How was this worked out?"</span>
                    </summary>
                    <div class="govuk-details__text">
                        <p class="govuk-body">{format!("Due {}: {}", short_date(deadline.due), explanation.rule)}</p>
                        {explanation.notes.iter().map(|note| view! { <p class="govuk-body">{note.clone()}</p> }).collect_view()}
                        <p class="govuk-body govuk-!-margin-bottom-0">
                            {explanation.not_counted().unwrap_or_else(|| "Every day in between counted.".into())}
                        </p>
                    </div>
                </details>
            </dd>
        </div>
    }
}

/// Deadlines as a GOV.UK summary list.
#[component]
pub fn DeadlineList(deadlines: Vec<Deadline>) -> impl IntoView {
    view! { <dl class="govuk-summary-list">{deadlines.into_iter().map(deadline_row).collect_view()}</dl> }
}

/// The working-day rules in force, in one sentence for above a list of deadlines.
pub fn counting_note(nation: &str, closures_counted: bool) -> String {
    let closures = if closures_counted {
        " Your closure days do not count towards your own targets."
    } else {
        ""
    };
    format!("Counted in working days: weekends and {nation} bank holidays do not count.{closures}")
}

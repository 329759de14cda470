//! A report table as the reader sees it: the table itself, a simple bar chart of its main figure
//! where it has one (the table is the accessible version of the chart), a note, and a CSV of it.

use crate::files::download;
use leptos::prelude::*;
use redress_core::report::Table;

const WIDTH: f64 = 420.0;
const LABEL: f64 = 170.0;
const BAR: f64 = 20.0;

/// Cuts a long label to fit the chart; the table beside it has the whole label.
fn short(label: &str) -> String {
    if label.chars().count() > 21 {
        format!("{}…", label.chars().take(20).collect::<String>())
    } else {
        label.to_string()
    }
}

fn chart(table: &Table, values: &[f64]) -> impl IntoView + use<> {
    // A total row would dwarf the rest, so it is left out of the chart.
    let bars: Vec<(String, f64)> = table
        .rows
        .iter()
        .zip(values)
        .filter(|(row, _)| row[0] != "Total")
        .map(|(row, value)| (short(&row[0]), *value))
        .collect();
    let max = bars.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let height = bars.len() as f64 * (BAR + 8.0) + 8.0;
    let span = WIDTH - LABEL - 40.0;
    let title_id = format!("{}-chart-title", table.id);
    let labelled_by = title_id.clone();
    view! {
        <svg class="app-chart__svg app-report-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby=labelled_by>
            <title id=title_id>{format!("Chart of {}: the same figures as the table", table.caption.to_lowercase())}</title>
            {bars.into_iter().enumerate().map(|(i, (label, value))| {
                let y = 4.0 + i as f64 * (BAR + 8.0);
                let width = if max > 0.0 { span * value / max } else { 0.0 };
                view! {
                    <g>
                        <text x="0" y=y + BAR - 5.0 class="app-chart__label">{label}</text>
                        <rect x=LABEL y=y width=width height=BAR class="app-chart__after"></rect>
                        <text x=LABEL + width + 6.0 y=y + BAR - 5.0 class="app-chart__value">{value.to_string()}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}

#[component]
pub fn ReportTable(table: Table, #[prop(into)] file_prefix: String) -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let csv = table.to_csv();
    let name = format!("{file_prefix}-{}.csv", table.id);
    let on_csv = move |_| message.set(download(&name, "text/csv;charset=utf-8", &csv).err());
    let chart_view = table
        .chart
        .as_ref()
        .filter(|_| !table.rows.is_empty())
        .map(|values| chart(&table, values));
    let numeric = |index: usize| index > 0;
    view! {
        <section class="app-report-table">
            <h2 class="govuk-heading-m" id=format!("{}-caption", table.id)>{table.caption.clone()}</h2>
            {chart_view}
            {if table.rows.is_empty() {
                view! { <p class="govuk-body">"None in this period."</p> }.into_any()
            } else {
                view! {
                    <div class="app-table-scroll" role="region" aria-label=table.caption.clone() tabindex="0">
                        <table class="govuk-table app-table--compact">
                            <caption class="govuk-visually-hidden">{table.caption.clone()}</caption>
                            <thead class="govuk-table__head">
                                <tr class="govuk-table__row">
                                    {table.headers.iter().enumerate().map(|(i, h)| view! {
                                        <th scope="col" class="govuk-table__header" class:govuk-table__header--numeric=numeric(i)>{h.clone()}</th>
                                    }).collect_view()}
                                </tr>
                            </thead>
                            <tbody class="govuk-table__body">
                                {table.rows.iter().map(|row| view! {
                                    <tr class="govuk-table__row">
                                        <th scope="row" class="govuk-table__header">{row[0].clone()}</th>
                                        {row.iter().skip(1).map(|cell| view! {
                                            <td class="govuk-table__cell govuk-table__cell--numeric">{cell.clone()}</td>
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {table.note.clone().map(|note| view! { <p class="govuk-body-s">{note}</p> })}
            <button type="button" class="govuk-button govuk-button--secondary app-no-print" on:click=on_csv>
                "Download CSV"<span class="govuk-visually-hidden">{format!(" of {}", table.caption.to_lowercase())}</span>
            </button>
            {move || message.get().map(|m| view! { <p class="govuk-error-message">{m}</p> })}
        </section>
    }
}

//! A report table as the reader sees it: the table itself, a simple bar chart of its main figure
//! where it has one (the table is the accessible version of the chart), a note, and a CSV of it.

use crate::components::bar_chart::{BarRow, bar_chart};
use crate::files::download;
use leptos::prelude::*;
use redress_core::report::{Bar, Table};

/// The table's main figure as bars, as the core gives them (without a total row, which would
/// dwarf the rest).
fn chart(table: &Table, bars: Vec<Bar>) -> impl IntoView + use<> {
    let max = bars.iter().map(|bar| bar.value).fold(0.0, f64::max);
    let rows = bars
        .into_iter()
        .map(|bar| BarRow {
            label: bar.label,
            values: vec![bar.value],
            max,
        })
        .collect();
    let title = format!(
        "Chart of {}: the same figures as the table",
        table.caption.to_lowercase()
    );
    bar_chart(
        format!("{}-chart-title", table.id),
        title,
        rows,
        "app-chart__svg app-report-chart",
    )
}

#[component]
pub fn ReportTable(table: Table, #[prop(into)] file_prefix: String) -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let csv = table.to_csv();
    let name = format!("{file_prefix}-{}.csv", table.id);
    let on_csv = move |_| message.set(download(&name, "text/csv;charset=utf-8", &csv).err());
    let chart_view = table
        .bars()
        .filter(|_| !table.rows.is_empty())
        .map(|bars| chart(&table, bars));
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
                                        <th scope="row" class="govuk-table__header">{row.label()}</th>
                                        {row.cells.iter().skip(1).map(|cell| view! {
                                            <td class="govuk-table__cell govuk-table__cell--numeric">{cell.words()}</td>
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

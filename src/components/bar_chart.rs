//! A simple horizontal bar chart in SVG: a row per label, one bar per series (one, or earlier and
//! later), each bar's figure written beside it. Always drawn beside a table of the same figures,
//! which is what assistive technology reads; the chart is titled as such.

use leptos::prelude::*;

const BAR: f64 = 18.0;
const GAP: f64 = 10.0;
const LABEL: f64 = 170.0;
const WIDTH: f64 = 420.0;

/// One row: its label, a value per series, and the value a full-length bar stands for.
pub struct BarRow {
    pub label: String,
    pub values: Vec<f64>,
    pub max: f64,
}

/// Cuts a long label to fit; the table beside the chart has the whole label.
fn short(label: &str) -> String {
    if label.chars().count() > 21 {
        format!("{}…", label.chars().take(20).collect::<String>())
    } else {
        label.to_string()
    }
}

/// The chart; `title_id` must be unique on the page. With two series the first is drawn in grey
/// (earlier) and the second in blue (later); a single series is blue.
pub fn bar_chart(title_id: String, title: String, rows: Vec<BarRow>, class: &'static str) -> impl IntoView {
    let series = rows.iter().map(|r| r.values.len()).max().unwrap_or(1).max(1);
    let group = BAR * series as f64 + GAP;
    let height = group * rows.len() as f64 + GAP;
    let span = WIDTH - LABEL - 36.0;
    let labelled_by = title_id.clone();
    let bars =
        rows.into_iter()
            .enumerate()
            .map(|(index, row)| {
                let top = GAP / 2.0 + index as f64 * group;
                let max = row.max;
                let bars = row
                .values
                .into_iter()
                .enumerate()
                .map(move |(n, value)| {
                    let y = top + n as f64 * BAR;
                    let width = if max > 0.0 { span * value / max } else { 0.0 };
                    let class = if series == 2 && n == 0 { "app-chart__before" } else { "app-chart__after" };
                    view! {
                        <rect x=LABEL y=y width=width height=BAR class=class></rect>
                        <text x=LABEL + width + 6.0 y=y + BAR - 4.0 class="app-chart__value">{value.to_string()}</text>
                    }
                })
                .collect_view();
                view! {
                    <g>
                        <text x="0" y=top + BAR - 4.0 class="app-chart__label">{short(&row.label)}</text>
                        {bars}
                    </g>
                }
            })
            .collect_view();
    view! {
        <svg class=class viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby=labelled_by>
            <title id=title_id>{title}</title>
            {bars}
        </svg>
    }
}

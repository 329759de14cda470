//! Two assessments of one framework side by side: per part, a chart of the totals with a table of
//! the same figures beside it, and per item what went up and what went down.

use super::shared::not_found;
use crate::components::bar_chart::{BarRow, bar_chart};
use crate::components::tag::{Tag, movement_colour};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use redress_core::assessment::compare::{Comparison, compare};
use redress_core::assessment::{Assessment, Framework, Scale};

/// Bars, earlier above later, for each part: the figures are the ones in the table beside it.
fn chart(comparison: &Comparison, scale: Scale, before: &str, after: &str) -> impl IntoView + use<> {
    let row = |label: &str, b: f64, a: f64, max: f64| BarRow {
        label: label.to_string(),
        values: vec![b, a],
        max,
    };
    let rows: Vec<BarRow> = match scale {
        Scale::Score => comparison
            .parts
            .iter()
            .map(|p| {
                row(
                    p.part.title,
                    f64::from(p.before.total),
                    f64::from(p.after.total),
                    f64::from(p.after.max),
                )
            })
            .collect(),
        Scale::Follows => {
            let (b, a) = (comparison.before, comparison.after);
            let max = a.items as f64;
            vec![
                row("Yes", b.yes as f64, a.yes as f64, max),
                row("Partly", b.partly as f64, a.partly as f64, max),
                row("No", b.no as f64, a.no as f64, max),
                row("Not answered", b.left() as f64, a.left() as f64, max),
            ]
        }
    };
    let title = format!("Chart: {before} and {after}, the same figures as the table that follows");
    view! {
        <figure class="app-chart">
            {bar_chart("chart-title".into(), title, rows, "app-chart__svg")}
            <figcaption class="govuk-body-s">
                <span class="app-chart__key app-chart__key--before"></span>{format!(" {before} (upper bar)   ")}
                <span class="app-chart__key app-chart__key--after"></span>{format!(" {after} (lower bar)")}
            </figcaption>
        </figure>
    }
}

fn parts_table(comparison: &Comparison, scale: Scale, before: &str, after: &str) -> impl IntoView + use<> {
    let rows = comparison
        .parts
        .iter()
        .map(|p| {
            let figure = |t: &redress_core::assessment::score::Totals| match scale {
                Scale::Score => format!("{} of {} ({} scored)", t.total, t.max, t.answered),
                Scale::Follows => format!("Yes {}, partly {}, no {}", t.yes, t.partly, t.no),
            };
            let change = match (scale, p.difference) {
                (Scale::Follows, _) => format!("Yes {:+}", p.after.yes as i64 - p.before.yes as i64),
                (_, 0) => "No change".to_string(),
                (_, d) => format!("{d:+}"),
            };
            let note = (!p.like_for_like).then_some(" (different areas scored)");
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">{p.part.title}</th>
                    <td class="govuk-table__cell">{figure(&p.before)}</td>
                    <td class="govuk-table__cell">{figure(&p.after)}</td>
                    <td class="govuk-table__cell">{change}{note}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="govuk-table app-table--compact">
            <caption class="govuk-table__caption govuk-table__caption--m">"By part"</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Part"</th>
                    <th scope="col" class="govuk-table__header">{before.to_string()}</th>
                    <th scope="col" class="govuk-table__header">{after.to_string()}</th>
                    <th scope="col" class="govuk-table__header">"Change"</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
}

fn items_table(
    comparison: &Comparison,
    framework: &'static Framework,
    before: &str,
    after: &str,
) -> impl IntoView + use<> {
    let scale = framework.scale;
    let rows = comparison
        .items
        .iter()
        .map(|c| {
            let heading = framework.item_label(c.item);
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header app-nowrap">{heading.to_string()}</th>
                    <td class="govuk-table__cell">{scale.level_words(c.before)}</td>
                    <td class="govuk-table__cell">{scale.level_words(c.after)}</td>
                    <td class="govuk-table__cell">
                        <Tag colour=movement_colour(c.movement) text=c.movement.words(scale) />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="govuk-table app-table--compact">
            <caption class="govuk-table__caption govuk-table__caption--m">"Item by item"</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Item"</th>
                    <th scope="col" class="govuk-table__header">{before.to_string()}</th>
                    <th scope="col" class="govuk-table__header">{after.to_string()}</th>
                    <th scope="col" class="govuk-table__header">"Change"</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
}

fn label(assessment: &Assessment) -> String {
    if assessment.period.is_empty() {
        format!(
            "Started {}",
            redress_core::format::day_short_month(redress_core::format::uk_clock(assessment.created).0.date())
        )
    } else {
        assessment.period.clone()
    }
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = use_query_map();
    let find = |key: &str| {
        query
            .with_untracked(|q| q.get(key))
            .and_then(|id| state.assessment(&id))
    };
    let (Some(before), Some(after)) = (find("before"), find("after")) else {
        return not_found();
    };
    page_title(|| "Compare self-assessments".into(), || false);
    let back = view! { <a href="/assessments" class="govuk-back-link">"Back to self-assessments"</a> };
    let Ok(comparison) = compare(&before, &after) else {
        return view! {
            {back}
            <h1 class="govuk-heading-l">"These assessments cannot be compared"</h1>
            <p class="govuk-body">"Only two assessments against the same framework can be compared. Choose two of the same kind."</p>
        }
        .into_any();
    };
    let framework = before.framework();
    let scale = framework.scale;
    let (b, a) = (label(&before), label(&after));
    let summary = format!(
        "{} {}s went up and {} went down. Overall: {} then {}.",
        comparison.went_up,
        framework.item_noun,
        comparison.went_down,
        match scale {
            Scale::Score => format!("{} of {}", comparison.before.total, comparison.before.max),
            Scale::Follows => format!("yes {}", comparison.before.yes),
        },
        match scale {
            Scale::Score => format!("{} of {}", comparison.after.total, comparison.after.max),
            Scale::Follows => format!("yes {}", comparison.after.yes),
        },
    );
    view! {
        {back}
        <span class="govuk-caption-l">{framework.title}</span>
        <h1 class="govuk-heading-l">{format!("{b} compared with {a}")}</h1>
        <p class="govuk-body-l">{summary}</p>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half">{chart(&comparison, scale, &b, &a)}</div>
            <div class="govuk-grid-column-one-half">{parts_table(&comparison, scale, &b, &a)}</div>
        </div>
        {items_table(&comparison, framework, &b, &a)}
    }
    .into_any()
}

//! Records: every record on this device, searched as you type (reference, name, summary),
//! filtered and sorted. Rows and their next deadlines are worked out once per change of the
//! records; typing only filters them, and at most 200 rows are drawn at a time.

use crate::clock;
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::format::short_date;
use redress_core::record::RecordKind;
use redress_core::record::search::{RecordFilter, RecordRow, SortBy, State, find_rows, list_csv};

/// Most rows drawn at once; more is a sign to narrow the search.
const SHOWN: usize = 200;

/// The first line of a summary, cut to a length a table cell can hold.
fn headline(summary: &str) -> String {
    let first_line = summary.lines().next().unwrap_or_default();
    if first_line.chars().count() > 80 {
        format!("{}…", first_line.chars().take(79).collect::<String>())
    } else {
        first_line.to_string()
    }
}

fn row(row: RecordRow) -> impl IntoView {
    let record = row.record;
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell app-nowrap">
                <a class="govuk-link" href=format!("/records/{}", record.id)>{record.reference.clone()}</a>
                <br />
                <strong class="govuk-tag govuk-tag--grey">{record.kind.short_name()}</strong>
            </td>
            <td class="govuk-table__cell app-nowrap">{short_date(record.received)}</td>
            <td class="govuk-table__cell">{record.person_name.clone().unwrap_or_else(|| "Not given".into())}</td>
            <td class="govuk-table__cell">{headline(&record.summary)}</td>
            <td class="govuk-table__cell">
                {match (record.closed, row.next_due) {
                    (Some(closed), _) => view! { <span>{format!("Closed {}", short_date(closed))}</span> }.into_any(),
                    (None, Some((due, status, _))) => view! {
                        <span class="app-nowrap">{short_date(due)}</span>
                        " "
                        <strong class=format!("govuk-tag govuk-tag--{}", status.colour())>{status.words()}</strong>
                    }.into_any(),
                    (None, None) => view! { <span>"Nothing due"</span> }.into_any(),
                }}
            </td>
        </tr>
    }
}

/// A GOV.UK select bound to a signal.
fn select(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="govuk-form-group app-filter">
            <label class="govuk-label govuk-label--s" for=id>{label}</label>
            <select class="govuk-select" id=id name=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(v, text)| {
                    let selected = v.clone();
                    view! { <option value=v selected=move || value.get() == selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

fn any(label: &str) -> (String, String) {
    (String::new(), label.to_string())
}

#[component]
pub fn RecordsPage() -> impl IntoView {
    page_title(|| "Records".into(), || false);
    let state = expect_context::<AppState>();
    let rows = Memo::new(move |_| {
        let rules = state.settings.with(|s| s.rules(clock::today()));
        state.records.with(|records| {
            // Complaints made to other organisations live under Advocacy, not here.
            records
                .iter()
                .filter(|r| r.outgoing.is_none())
                .map(|r| RecordRow::new(r, &rules))
                .collect::<Vec<_>>()
        })
    });
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let service = RwSignal::new(String::new());
    let stage = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let handler = RwSignal::new(String::new());
    let sort = RwSignal::new("newest".to_string());
    let found = Memo::new(move |_| {
        let filter = RecordFilter {
            text: text.get(),
            kind: RecordKind::from_code(&kind.get()),
            service: Some(service.get()).filter(|s| !s.is_empty()),
            stage: stage.get().parse().ok(),
            state: match status.get().as_str() {
                "open" => Some(State::Open),
                "closed" => Some(State::Closed),
                "overdue" => Some(State::Overdue),
                _ => None,
            },
            handler: Some(handler.get()).filter(|h| !h.is_empty()),
        };
        let sort = match sort.get().as_str() {
            "oldest" => SortBy::Oldest,
            "due" => SortBy::NextDue,
            "reference" => SortBy::Reference,
            _ => SortBy::Newest,
        };
        rows.with(|rows| find_rows(rows, &filter, sort).into_iter().cloned().collect::<Vec<_>>())
    });
    let handlers = move || {
        let mut names: Vec<String> = rows.with(|rows| rows.iter().filter_map(|r| r.handler.clone()).collect());
        names.sort();
        names.dedup();
        std::iter::once(any("Anyone"))
            .chain(names.into_iter().map(|n| (n.clone(), n)))
            .collect::<Vec<_>>()
    };
    let kinds: Vec<(String, String)> = std::iter::once(any("Any kind"))
        .chain(
            RecordKind::ALL
                .into_iter()
                .map(|k| (k.code().to_string(), k.short_name().to_string())),
        )
        .collect();
    let services: Vec<(String, String)> = std::iter::once(any("Any service"))
        .chain(
            state
                .settings
                .with_untracked(|s| s.services.clone())
                .into_iter()
                .map(|s| (s.clone(), s)),
        )
        .collect();
    let stages = vec![
        any("Any stage"),
        ("1".into(), "Stage 1".into()),
        ("2".into(), "Stage 2".into()),
        ("3".into(), "Stage 3".into()),
    ];
    let states = vec![
        any("Open or closed"),
        ("open".into(), "Open".into()),
        ("overdue".into(), "Overdue".into()),
        ("closed".into(), "Closed".into()),
    ];
    let sorts = vec![
        ("newest".into(), "Newest first".into()),
        ("oldest".into(), "Oldest first".into()),
        ("due".into(), "Next due first".into()),
        ("reference".into(), "Reference".into()),
    ];
    let total = move || rows.with(Vec::len);
    let csv_message = RwSignal::new(None::<String>);
    let download_csv = move |_| {
        let text = found.with_untracked(|found| list_csv(&found.iter().collect::<Vec<_>>()));
        let name = format!("redress-records-{}.csv", clock::today().format("%Y-%m-%d"));
        csv_message.set(crate::files::download(&name, "text/csv;charset=utf-8", &text).err());
    };
    view! {
        <h1 class="govuk-heading-l">"Records"</h1>
        <a href="/records/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">"Create a record"</a>
        <Show
            when=move || total() != 0
            fallback=|| view! {
                <p class="govuk-body">"There are no records on this device yet."</p>
                <p class="govuk-body">"Record every compliment, concern, service request and complaint as it arrives. Redress works out the deadlines for you."</p>
            }
        >
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="search">"Search"</label>
                <div class="govuk-hint" id="search-hint">"By reference, name or words in the summary."</div>
                <input class="govuk-input govuk-!-width-two-thirds" id="search" name="search" type="search" aria-describedby="search-hint"
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
            </div>
            <div class="app-filters">
                {select("filter-kind", "Kind", kinds.clone(), kind)}
                {select("filter-service", "Service", services.clone(), service)}
                {select("filter-stage", "Stage", stages.clone(), stage)}
                {select("filter-state", "State", states.clone(), status)}
                {move || select("filter-handler", "Handler", handlers(), handler)}
                {select("sort", "Sort by", sorts.clone(), sort)}
            </div>
            <p class="govuk-body" role="status">
                {move || {
                    let n = found.with(Vec::len);
                    let of = total();
                    match (n, n > SHOWN) {
                        (0, _) => "No records match. Try fewer words or other filters.".to_string(),
                        (_, true) => format!("Showing the first {SHOWN} of {n} matching records, of {of}. Narrow the search to see the rest."),
                        _ => format!("{n} of {of} records"),
                    }
                }}
            </p>
            <Show when=move || found.with(|f| !f.is_empty())>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=download_csv>
                        {move || match found.with(Vec::len) { 1 => "Download this record as CSV".to_string(), n => format!("Download these {n} records as CSV") }}
                    </button>
                    <a class="govuk-link" href="/data">"Export or import records"</a>
                </div>
                {move || csv_message.get().map(|m| view! { <p class="govuk-error-message">{m}</p> })}
                <div class="app-table-scroll" role="region" aria-label="Records found" tabindex="0">
                    <table class="govuk-table govuk-table--small-text-until-tablet app-table--compact">
                        <caption class="govuk-visually-hidden">"Records found"</caption>
                        <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">"Reference and kind"</th>
                                <th scope="col" class="govuk-table__header">"Received"</th>
                                <th scope="col" class="govuk-table__header">"Person"</th>
                                <th scope="col" class="govuk-table__header">"Summary"</th>
                                <th scope="col" class="govuk-table__header">"Next due"</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body">
                            <For
                                each=move || found.get().into_iter().take(SHOWN)
                                key=|row| (row.record.id.clone(), row.record.updated, row.next_due.clone())
                                children=row
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
        </Show>
    }
    .into_any()
}

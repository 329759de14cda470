//! Records: every record on this device, searched as you type (reference, name, summary),
//! filtered and sorted, a page at a time (GOV.UK pagination). The rows and their next deadlines
//! are kept by the app state, one record at a time; typing only finds where the matches sit, and
//! only the rows of the page shown are drawn.

use crate::clock;
use crate::components::tag::{Colour, Tag, status_colour};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::format::{count, short_date};
use redress_core::record::RecordKind;
use redress_core::record::search::{PageLink, RecordFilter, RecordRow, SortBy, State, list_csv, page};

/// Rows on one page.
const PER_PAGE: usize = 50;

/// The page of matches on screen, and where it sits among them.
#[derive(Clone, PartialEq)]
struct Shown {
    rows: Vec<RecordRow>,
    number: usize,
    pages: usize,
    first: usize,
    last: usize,
    previous: Option<usize>,
    next: Option<usize>,
    links: Vec<PageLink>,
}

fn row(row: RecordRow) -> impl IntoView {
    let record = row.clone();
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell app-nowrap">
                <a class="govuk-link" href=format!("/records/{}", record.id)>{record.reference.clone()}</a>
                <br />
                <Tag colour=Colour::Grey text=record.kind.short_name() />
            </td>
            <td class="govuk-table__cell app-nowrap">{short_date(record.received)}</td>
            <td class="govuk-table__cell">{record.person_name.clone().unwrap_or_else(|| "Not given".into())}</td>
            <td class="govuk-table__cell">{record.headline.clone()}</td>
            <td class="govuk-table__cell">
                {match (record.closed, row.next_due) {
                    (Some(closed), _) => view! { <span>{format!("Closed {}", short_date(closed))}</span> }.into_any(),
                    (None, Some((due, status, _))) => view! {
                        <span class="app-nowrap">{short_date(due)}</span>
                        " "
                        <Tag colour=status_colour(status) text=status.words() />
                    }.into_any(),
                    (None, None) => view! { <span>"Nothing due"</span> }.into_any(),
                }}
            </td>
        </tr>
    }
}

/// GOV.UK pagination: previous, the page numbers with ellipses, next. Links carry the page in
/// their address, as the pattern's do; following one keeps the search and moves to the top.
fn pagination(shown: Shown, page_number: RwSignal<usize>) -> impl IntoView {
    let Shown {
        number: current,
        pages,
        previous,
        next,
        links,
        ..
    } = shown;
    let go = move |n: usize| {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            page_number.set(n);
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    };
    (pages > 1).then(|| {
        view! {
            <nav class="govuk-pagination" aria-label="Pages of records">
                {previous.map(|n| view! {
                    <div class="govuk-pagination__prev">
                        <a class="govuk-link govuk-pagination__link" href=format!("/records?page={n}") rel="prev" on:click=go(n)>
                            <svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
                                <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path>
                            </svg>
                            <span class="govuk-pagination__link-title">"Previous"<span class="govuk-visually-hidden">" page"</span></span>
                        </a>
                    </div>
                })}
                <ul class="govuk-pagination__list">
                    {links.into_iter().map(|link| match link {
                        PageLink::Number(n) if n == current => view! {
                            <li class="govuk-pagination__item govuk-pagination__item--current">
                                <a class="govuk-link govuk-pagination__link" href=format!("/records?page={n}") aria-label=format!("Page {n}") aria-current="page" on:click=go(n)>{n}</a>
                            </li>
                        }.into_any(),
                        PageLink::Number(n) => view! {
                            <li class="govuk-pagination__item">
                                <a class="govuk-link govuk-pagination__link" href=format!("/records?page={n}") aria-label=format!("Page {n}") on:click=go(n)>{n}</a>
                            </li>
                        }.into_any(),
                        PageLink::Ellipsis => view! { <li class="govuk-pagination__item govuk-pagination__item--ellipses">"⋯"</li> }.into_any(),
                    }).collect_view()}
                </ul>
                {next.map(|n| view! {
                    <div class="govuk-pagination__next">
                        <a class="govuk-link govuk-pagination__link" href=format!("/records?page={n}") rel="next" on:click=go(n)>
                            <span class="govuk-pagination__link-title">"Next"<span class="govuk-visually-hidden">" page"</span></span>
                            <svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
                                <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
                            </svg>
                        </a>
                    </div>
                })}
            </nav>
        }
    })
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
    let rows = state.rows_for_today();
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let service = RwSignal::new(String::new());
    let stage = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let handler = RwSignal::new(String::new());
    let sort = RwSignal::new("newest".to_string());
    let page_number = RwSignal::new(1usize);
    let sort_by = Memo::new(move |_| match sort.get().as_str() {
        "oldest" => SortBy::Oldest,
        "due" => SortBy::NextDue,
        "reference" => SortBy::Reference,
        _ => SortBy::Newest,
    });
    // Every row in the order chosen, worked out once while the rows and the order stay the
    // same: a keystroke only filters it.
    let order = Memo::new(move |_| rows.with(|rows| rows.order(sort_by.get())));
    // Where the matches sit among the rows: a few bytes each, however many records there are.
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
            // Complaints made to other organisations live under Advocacy, not here.
            advocacy: Some(false),
        };
        // Measured on the browser's timeline, for the benchmark to set beside a plain JS filter.
        order.with(|order| rows.with(|rows| crate::timing::measure("search", || rows.find_in_order(order, &filter))))
    });
    // A new search starts again at the first page.
    // (Only a change of the search or the filters: the rows being worked out again, when the
    // records have been read or another tab saved one, keep the page where it is.)
    Effect::new(move |previous: Option<()>| {
        text.track();
        kind.track();
        service.track();
        stage.track();
        status.track();
        handler.track();
        sort.track();
        if previous.is_some() && page_number.get_untracked() != 1 {
            page_number.set(1);
        }
    });
    let shown = Memo::new(move |_| {
        found.with(|found| {
            rows.with(|rows| {
                let at = page(found, page_number.get(), PER_PAGE);
                Shown {
                    rows: at
                        .items
                        .iter()
                        .filter_map(|&i| rows.as_slice().get(i).cloned())
                        .collect(),
                    number: at.number,
                    pages: at.pages,
                    first: at.first,
                    last: at.last,
                    previous: at.previous,
                    next: at.next,
                    links: at.links,
                }
            })
        })
    });
    let handlers = move || {
        let names: Vec<String> = rows.with(|rows| rows.handlers());
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
    let total = Memo::new(move |_| rows.with(|rows| rows.iter().filter(|r| !r.advocacy).count()));
    let total = move || total.get();
    let csv_message = RwSignal::new(None::<String>);
    let download_csv = move |_| {
        if state.opening.get_untracked() {
            csv_message.set(Some(
                "Your records are still being read, so the list cannot be downloaded yet. Try again in a moment."
                    .into(),
            ));
            return;
        }
        let text = found.with_untracked(|found| {
            rows.with_untracked(|rows| {
                state.records.with_untracked(|records| {
                    let by_id: std::collections::HashMap<&str, &redress_core::record::Record> =
                        records.iter().map(|r| (r.id.as_str(), r)).collect();
                    let chosen: Vec<&RecordRow> = found.iter().filter_map(|&i| rows.as_slice().get(i)).collect();
                    list_csv(&chosen, |id| by_id.get(id).copied())
                })
            })
        });
        let name = format!("redress-records-{}.csv", redress_core::format::iso_date(clock::today()));
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
                    let Shown { pages, first, last, .. } = shown.get();
                    match n {
                        0 => "No records match. Try fewer words or other filters.".to_string(),
                        _ if pages > 1 => format!("{} of {} records. Showing {} to {}.", count(n), count(of), count(first), count(last)),
                        _ => format!("{} of {} records", count(n), count(of)),
                    }
                }}
            </p>
            <Show when=move || found.with(|f| !f.is_empty())>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=download_csv>
                        {move || match found.with(Vec::len) { 1 => "Download this record as CSV".to_string(), n => format!("Download these {} records as CSV", count(n)) }}
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
                                each=move || shown.get().rows
                                key=|row| (row.id.clone(), row.updated, row.next_due.clone())
                                children=row
                            />
                        </tbody>
                    </table>
                </div>
                {move || pagination(shown.get(), page_number)}
            </Show>
        </Show>
    }
    .into_any()
}

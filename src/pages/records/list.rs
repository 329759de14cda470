//! Records: every record on this device, searched as you type (reference, name, summary),
//! filtered and sorted, a page at a time (GOV.UK pagination). The rows and what each has due next
//! are kept by the app state, one record at a time; typing only finds where the matches sit, and
//! only the rows of the page shown are drawn.

use crate::clock;
use crate::components::tag::{Colour, Tag, status_colour};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use redress_core::format::{count, short_date};
use redress_core::record::RecordKind;
use redress_core::record::search::{PageLink, RecordFilter, RecordRow, Rows, SortBy, State, list_csv, page};

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

/// The search box and filters, each holding its choice as the `<select>` or box shows it.
#[derive(Clone, Copy)]
struct Filters {
    text: RwSignal<String>,
    kind: RwSignal<String>,
    service: RwSignal<String>,
    stage: RwSignal<String>,
    status: RwSignal<String>,
    handler: RwSignal<String>,
    sort: RwSignal<String>,
}

impl Filters {
    fn new() -> Self {
        let empty = || RwSignal::new(String::new());
        Self {
            text: empty(),
            kind: empty(),
            service: empty(),
            stage: empty(),
            status: empty(),
            handler: empty(),
            sort: RwSignal::new("newest".to_string()),
        }
    }

    fn sort_by(&self) -> SortBy {
        match self.sort.get().as_str() {
            "oldest" => SortBy::Oldest,
            "due" => SortBy::NextDue,
            "reference" => SortBy::Reference,
            _ => SortBy::Newest,
        }
    }

    /// The filter as the core reads it (tracked: a change of any box finds again).
    fn filter(&self) -> RecordFilter {
        RecordFilter {
            text: self.text.get(),
            kind: RecordKind::from_code(&self.kind.get()),
            service: Some(self.service.get()).filter(|s| !s.is_empty()),
            stage: self.stage.get().parse().ok(),
            state: match self.status.get().as_str() {
                "open" => Some(State::Open),
                "closed" => Some(State::Closed),
                "overdue" => Some(State::Overdue),
                _ => None,
            },
            handler: Some(self.handler.get()).filter(|h| !h.is_empty()),
            // Complaints made to other organisations live under Advocacy, not here.
            advocacy: Some(false),
        }
    }
}

/// The search box and the filters' selects; the handlers offered are those in the rows.
fn filter_boxes(
    filters: Filters,
    services: Vec<String>,
    handlers: impl Fn() -> Vec<String> + Send + Sync + 'static,
) -> impl IntoView {
    let with_any =
        |label: &str, options: Vec<(String, String)>| std::iter::once(any(label)).chain(options).collect::<Vec<_>>();
    let same = |items: Vec<String>| items.into_iter().map(|n| (n.clone(), n)).collect::<Vec<_>>();
    let pairs = |items: &[(&str, &str)]| {
        items
            .iter()
            .map(|(v, t)| (v.to_string(), t.to_string()))
            .collect::<Vec<_>>()
    };
    let kinds = with_any(
        "Any kind",
        RecordKind::ALL
            .into_iter()
            .map(|k| (k.code().to_string(), k.short_name().to_string()))
            .collect(),
    );
    let stages = with_any(
        "Any stage",
        pairs(&[("1", "Stage 1"), ("2", "Stage 2"), ("3", "Stage 3")]),
    );
    let states = with_any(
        "Open or closed",
        pairs(&[("open", "Open"), ("overdue", "Overdue"), ("closed", "Closed")]),
    );
    let sorts = pairs(&[
        ("newest", "Newest first"),
        ("oldest", "Oldest first"),
        ("due", "Next due first"),
        ("reference", "Reference"),
    ]);
    let services = with_any("Any service", same(services));
    view! {
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="search">"Search"</label>
            <div class="govuk-hint" id="search-hint">"By reference, name or words in the summary."</div>
            <input class="govuk-input govuk-!-width-two-thirds" id="search" name="search" type="search" aria-describedby="search-hint"
                prop:value=move || filters.text.get() on:input=move |ev| filters.text.set(event_target_value(&ev)) />
        </div>
        <div class="app-filters">
            {select("filter-kind", "Kind", kinds, filters.kind)}
            {select("filter-service", "Service", services, filters.service)}
            {select("filter-stage", "Stage", stages, filters.stage)}
            {select("filter-state", "State", states, filters.status)}
            {move || select("filter-handler", "Handler", with_any("Anyone", same(handlers())), filters.handler)}
            {select("sort", "Sort by", sorts, filters.sort)}
        </div>
    }
}

/// The page of rows found.
fn results_table(shown: Memo<Shown>) -> impl IntoView {
    view! {
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
    }
}

/// "12 of 40 records", and where the page shown sits among them.
fn found_words(found: usize, of: usize, shown: &Shown) -> String {
    match found {
        0 => "No records match. Try fewer words or other filters.".to_string(),
        _ if shown.pages > 1 => format!(
            "{} of {}. Showing {} to {}.",
            count(found),
            redress_core::format::plural(of, "record", "records"),
            count(shown.first),
            count(shown.last)
        ),
        _ => format!(
            "{} of {}",
            count(found),
            redress_core::format::plural(of, "record", "records")
        ),
    }
}

/// The matches as a CSV file for a spreadsheet, downloaded; what went wrong, if anything did.
fn download_found(state: AppState, rows: ReadSignal<Rows>, found: Memo<Vec<usize>>) -> Option<String> {
    if state.opening.get_untracked() {
        return Some(
            "Your records are still being read, so the list cannot be downloaded yet. Try again in a moment.".into(),
        );
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
    crate::files::download(&name, "text/csv;charset=utf-8", &text).err()
}

#[component]
pub fn RecordsPage() -> impl IntoView {
    page_title(|| "Records".into(), || false);
    let state = expect_context::<AppState>();
    let rows = state.rows_for_today();
    let filters = Filters::new();
    let page_number = RwSignal::new(1usize);
    let sort_by = Memo::new(move |_| filters.sort_by());
    // Every row in the order chosen, worked out once while the rows and the order stay the
    // same: a keystroke only filters it.
    let order = Memo::new(move |_| rows.with(|rows| rows.order(sort_by.get())));
    // Where the matches sit among the rows: a few bytes each, however many records there are.
    let found = Memo::new(move |_| {
        let filter = filters.filter();
        // Measured on the browser's timeline, for the benchmark to set beside a plain JS filter.
        order.with(|order| rows.with(|rows| crate::timing::measure("search", || rows.find_in_order(order, &filter))))
    });
    // A new search starts again at the first page.
    // (Only a change of the search or the filters: the rows being worked out again, when the
    // records have been read or another tab saved one, keep the page where it is.)
    Effect::new(move |previous: Option<()>| {
        let _ = filters.filter();
        filters.sort.track();
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
    let handlers = move || rows.with(|rows| rows.handlers());
    let services = state.settings.with_untracked(|s| s.services.clone());
    let total = Memo::new(move |_| rows.with(|rows| rows.iter().filter(|r| !r.advocacy).count()));
    let csv_message = RwSignal::new(None::<String>);
    let download_csv = move |_| csv_message.set(download_found(state, rows, found));
    view! {
        <h1 class="govuk-heading-l">"Records"</h1>
        <a href="/records/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">"Create a record"</a>
        <Show
            when=move || total.get() != 0
            fallback=|| view! {
                <p class="govuk-body">"There are no records on this device yet."</p>
                <p class="govuk-body">"Record every compliment, concern, service request and complaint as it arrives. Redress works out the deadlines for you."</p>
            }
        >
            {filter_boxes(filters, services.clone(), handlers)}
            <p class="govuk-body" role="status">
                {move || shown.with(|shown| found_words(found.with(Vec::len), total.get(), shown))}
            </p>
            <Show when=move || found.with(|f| !f.is_empty())>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=download_csv>
                        {move || match found.with(Vec::len) { 1 => "Download this record as CSV".to_string(), n => format!("Download these {} records as CSV", count(n)) }}
                    </button>
                    <a class="govuk-link" href="/data">"Export or import records"</a>
                </div>
                {move || csv_message.get().map(|m| view! { <p class="govuk-error-message">{m}</p> })}
                {results_table(shown)}
                {move || pagination(shown.get(), page_number)}
            </Show>
        </Show>
    }
    .into_any()
}

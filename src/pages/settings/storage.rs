//! Settings → "Your data": how much of the browser's storage Redress uses, whether the browser
//! has agreed to keep it under storage pressure (with a way to ask), and every deletion kept.

use crate::state::AppState;
use crate::store::{self, StorageUse};
use leptos::prelude::*;
use leptos::task::spawn_local;
use redress_core::format::short_date;

/// Bytes in words a person reads: "3.2 MB", "1.5 GB".
fn size(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[0])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// How much is used and whether the browser will keep it.
#[component]
pub fn DeviceStorage() -> impl IntoView {
    let found = RwSignal::new(None::<Option<StorageUse>>);
    let asked = RwSignal::new(None::<bool>);
    let refresh = move || {
        spawn_local(async move {
            let _ = found.try_set(Some(store::storage_use().await));
        });
    };
    refresh();
    let ask = move |_| {
        spawn_local(async move {
            let agreed = store::ask_to_persist().await;
            let _ = asked.try_set(Some(agreed));
            let _ = found.try_set(Some(store::storage_use().await));
        });
    };
    view! {
        <h3 class="govuk-heading-s">"Storage on this device"</h3>
        {move || match found.get() {
            None => view! { <p class="govuk-body">"Finding out how much storage Redress uses…"</p> }.into_any(),
            Some(None) => view! { <p class="govuk-body">"This browser does not say how much storage Redress uses."</p> }.into_any(),
            Some(Some(usage)) => view! {
                <dl class="govuk-summary-list">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Used by Redress"</dt>
                        <dd class="govuk-summary-list__value">
                            {format!("{} of the {} this browser allows", size(usage.used), size(usage.quota))}
                        </dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Kept when space runs low"</dt>
                        <dd class="govuk-summary-list__value">
                            {if usage.persisted {
                                "Yes: the browser has agreed not to clear Redress’s records to free space."
                            } else {
                                "Not promised: if the device runs short of space, the browser may clear Redress’s records. Export a copy regularly."
                            }}
                        </dd>
                    </div>
                </dl>
                <Show when=move || !usage.persisted>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=ask>
                        "Ask the browser to keep Redress’s records"
                    </button>
                </Show>
            }.into_any(),
        }}
        {move || asked.get().filter(|agreed| !agreed).map(|_| view! {
            <p class="govuk-body" role="status">
                "The browser did not agree. Browsers decide this themselves, often once a site has been used for a while or added to the home screen or desktop."
            </p>
        })}
    }
}

/// Every record deleted on this device: what, by whom, when and why.
#[component]
pub fn Deletions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = move || {
        let mut all = state.deletions.get();
        redress_core::order::sort_by_key(&mut all, |d| std::cmp::Reverse(d.at));
        all
    };
    view! {
        <h3 class="govuk-heading-s">"Deleted records"</h3>
        {move || {
            let rows = rows();
            if rows.is_empty() {
                view! { <p class="govuk-body">"No record has been deleted on this device."</p> }.into_any()
            } else {
                view! {
                    <p class="govuk-body">"A note is kept of every record deleted here. An import never brings a deleted record back unless you choose to restore it."</p>
                    <div class="app-table-scroll" role="region" aria-label="Deleted records" tabindex="0">
                    <table class="govuk-table govuk-table--small-text-until-tablet">
                        <caption class="govuk-table__caption govuk-visually-hidden">"Deleted records"</caption>
                        <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">"Reference"</th>
                                <th scope="col" class="govuk-table__header">"Deleted"</th>
                                <th scope="col" class="govuk-table__header">"By"</th>
                                <th scope="col" class="govuk-table__header">"Why"</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body">
                            {rows.into_iter().map(|d| view! {
                                <tr class="govuk-table__row">
                                    <td class="govuk-table__cell app-nowrap">{d.reference}</td>
                                    <td class="govuk-table__cell">{short_date(d.at.date_naive())}</td>
                                    <td class="govuk-table__cell">{if d.who.is_empty() { "Not recorded".to_string() } else { d.who }}</td>
                                    <td class="govuk-table__cell app-wrap">{if d.why.is_empty() { "Not given".to_string() } else { d.why }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }
        }}
    }
}

//! The organisation's closure days: a table with a remove button each, and a form to add one
//! (one draft, checked by the core, with its own error summary).

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{FormErrors, ProblemSummary};
use crate::components::form::TextInput;
use crate::state::AppState;
use crate::{date_lens, lens};
use leptos::prelude::*;
use redress_core::format::long_date;
use redress_core::problem::Problems;
use redress_core::settings::{CLOSURE_DATE, ClosureDayDraft};

#[component]
pub fn ClosureDays() -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = RwSignal::new(ClosureDayDraft::default());
    let problems = RwSignal::new(Problems::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = draft.with_untracked(|typed| state.settings.with_untracked(|settings| typed.apply(settings)));
        match result {
            Ok(settings) => {
                problems.set(Vec::new());
                let _ = state.save_settings(settings);
                draft.set(ClosureDayDraft::default());
            }
            Err(found) => problems.set(found),
        }
    };
    let remove = move |day: chrono::NaiveDate| {
        let mut settings = state.settings.get_untracked();
        settings.closure_days.retain(|c| c.date != day);
        let _ = state.save_settings(settings);
    };
    let today = clock::today();
    view! {
        <h2 class="govuk-heading-m" id="closure-days">"Closure days"</h2>
        <p class="govuk-body">"Days your organisation is closed that are not bank holidays, such as the days between Christmas and New Year."</p>
        <Show
            when=move || !state.settings.with(|s| s.closure_days.is_empty())
            fallback=|| view! { <p class="govuk-body">"You have no closure days."</p> }
        >
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">"Your closure days"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Date"</th>
                        <th scope="col" class="govuk-table__header">"Name"</th>
                        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">"Action"</span></th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    <For each=move || state.settings.with(|s| s.closure_days.clone()) key=|c| c.date let:closure>
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">
                                {long_date(closure.date)}
                                {(closure.date < today).then(|| view! { " " <span class="govuk-hint govuk-!-display-inline">"(past)"</span> })}
                            </td>
                            <td class="govuk-table__cell">{closure.name.clone()}</td>
                            <td class="govuk-table__cell">
                                <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| remove(closure.date)>
                                    "Remove" <span class="govuk-visually-hidden">{format!(" {}", long_date(closure.date))}</span>
                                </button>
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </Show>
        <ProblemSummary problems />
        <form novalidate on:submit=add class="app-form-panel">
            <DateInput id=CLOSURE_DATE legend="Closure date" hint="For example, 29 12 2026" fields=date_lens!(draft, date) error=FormErrors(problems).date(CLOSURE_DATE) />
            <TextInput id="closure-name" label="Name (optional)" hint="For example, Christmas closure." value=lens!(draft, name) />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Add closure day"</button>
        </form>
    }
}

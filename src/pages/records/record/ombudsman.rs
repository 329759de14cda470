//! The Ombudsman stage on the record page: what was recorded, and a form to record or update it.

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{FormErrors, ProblemSummary};
use crate::components::form::{Choice, Radios, TextInput};
use crate::components::tag::{Colour, Tag};
use crate::state::AppState;
use crate::{date_lens, flag, lens};
use leptos::prelude::*;
use redress_core::format::short_date;
use redress_core::problem::Problems;
use redress_core::record::ombudsman::{OmbudsmanDecision, OmbudsmanDraft, comply};
use redress_core::record::{Record, RecordKind};

#[component]
pub fn OmbudsmanSection(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    if record.kind != RecordKind::Complaint {
        return ().into_any();
    }
    let state = expect_context::<AppState>();
    // The form as typed, one draft kept across redraws of the record page; a lens a field.
    let draft = crate::kept!(OmbudsmanDraft::from_record(&record));
    let remedy_given = flag!(draft, remedy_already_given);
    let problems = crate::kept!(Problems::new());
    let errors = FormErrors(problems);
    let problem = move |field: &'static str| errors.message(field);
    let date_problem = move |field: &'static str| errors.date(field);
    let current = record.ombudsman.clone();
    let for_comply = record.clone();
    let complied = move |index: usize| {
        let result = comply(&for_comply, index, clock::today(), &state.change()).map_err(|p| vec![p]);
        super::casework::save(state, flash, problems, "Compliance recorded.", result, || ());
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = draft.with_untracked(|typed| typed.apply(&record, clock::today(), &state.change()));
        if result.is_ok() {
            // The recommendation just added is on the record now; the boxes are for the next.
            draft.update(|typed| {
                typed.recommendation.clear();
                typed.recommendation_due = Default::default();
            });
        }
        super::casework::save(state, flash, problems, "Ombudsman stage saved.", result, || ());
    };
    view! {
        <h2 class="govuk-heading-m">"Ombudsman"</h2>
        <ProblemSummary problems />
        {match current {
            None => view! { <p class="govuk-body">"Not referred to the Ombudsman."</p> }.into_any(),
            Some(o) => view! {
                <dl class="govuk-summary-list" id="ombudsman-recommendations" tabindex="-1">
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">"Referred"</dt><dd class="govuk-summary-list__value">{short_date(o.referred)}</dd></div>
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">"Decision"</dt><dd class="govuk-summary-list__value">{o.decision.map_or("Waiting", OmbudsmanDecision::name)}</dd></div>
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">"Finding"</dt><dd class="govuk-summary-list__value">{match o.upheld { Some(true) => "Upheld: fault causing injustice", Some(false) => "Not upheld", None => "None yet" }}{o.remedy_already_given.then_some(". A satisfactory remedy had already been given.")}</dd></div>
                    {o.recommendations.into_iter().enumerate().map(|(index, r)| {
                        let complied = complied.clone();
                        let what = r.what.clone();
                        view! {
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">"Recommendation"</dt>
                                <dd class="govuk-summary-list__value">{format!("{}, due {}", r.what, short_date(r.due))}</dd>
                                <dd class="govuk-summary-list__actions">{match r.complied {
                                    Some(on) => view! { <Tag colour=Colour::Green text=format!("Complied {}", short_date(on)) /> }.into_any(),
                                    None => view! {
                                        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| complied(index)>
                                            "Mark complied" <span class="govuk-visually-hidden">{format!(": {what}")}</span>
                                        </button>
                                    }.into_any(),
                                }}</dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
            }.into_any(),
        }}
        <details class="govuk-details" prop:open=crate::components::kept::kept_open(concat!(file!(), ":details:", 1)) on:toggle=crate::components::kept::remember_open(concat!(file!(), ":details:", 1))>
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"Record the Ombudsman stage"</span></summary>
            <form novalidate on:submit=save class="govuk-details__text">
                <DateInput id="ombudsman-referred" legend="Date referred to the Ombudsman" hint="For example, 2 3 2026" fields=date_lens!(draft, referred) error=date_problem("ombudsman-referred") />
                <Radios id="ombudsman-decision" legend="The Ombudsman’s decision" choices=std::iter::once(Choice::none("Not decided yet")).chain(Choice::every::<OmbudsmanDecision>()).collect() value=lens!(draft, decision) error=problem("ombudsman-decision") />
                <Radios id="ombudsman-finding" legend="Finding" choices=vec![
                    Choice::none("No finding yet"),
                    Choice::new("upheld", "Upheld: fault causing injustice"),
                    Choice::new("not-upheld", "Not upheld"),
                ] value=lens!(draft, finding) error=problem("ombudsman-finding") />
                <div class="govuk-form-group"><div class="govuk-checkboxes"><div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id="ombudsman-remedy-given" type="checkbox" prop:checked=move || remedy_given.get() on:change=move |ev| remedy_given.set(event_target_checked(&ev)) />
                    <label class="govuk-label govuk-checkboxes__label" for="ombudsman-remedy-given">"We had already given a satisfactory remedy"</label>
                </div></div></div>
                <TextInput id="ombudsman-recommendation" label="Add a recommendation (optional)" value=lens!(draft, recommendation) />
                <DateInput id="ombudsman-recommendation-due" legend="Date the recommendation is due" hint="Needed with a recommendation." fields=date_lens!(draft, recommendation_due) error=date_problem("ombudsman-recommendation-due") />
                <button type="submit" class="govuk-button govuk-button--secondary">"Save Ombudsman stage"</button>
            </form>
        </details>
    }
    .into_any()
}

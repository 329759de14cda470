//! Restrictions on contact for unacceptable behaviour (Code 5.10–5.11): each listed with why, who
//! decided and when, and its review date, with a button to lift it; and a form to record one.
//! The core checks the draft and writes the words; the page shows them.

use super::casework::save;
use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::error_summary::{FormErrors, ProblemSummary};
use crate::components::form::{TextArea, TextInput};
use crate::components::kept::KeptDetails;
use crate::components::summary_list::{LineButton, line_list};
use crate::components::tag::Colour;
use crate::state::AppState;
use crate::{date_lens, lens};
use leptos::prelude::*;
use redress_core::record::Record;
use redress_core::record::casework::Restriction;
use redress_core::record::casework_edit::{Problems, RESTRICTIONS_LIST, RestrictionDraft, lift_restriction};
use redress_core::record::summary::restriction_line;

/// The restrictions with, for each still in force, a button to lift it today.
fn restriction_list(restrictions: Vec<Restriction>, lift: Callback<usize>) -> AnyView {
    let lines = restrictions
        .iter()
        .map(|r| (restriction_line(r), r.what.clone()))
        .collect();
    let lift = LineButton {
        words: "Lift it today",
        on: lift,
    };
    line_list(
        RESTRICTIONS_LIST,
        "No restrictions on contact.",
        lines,
        Colour::Grey,
        lift,
        None,
    )
}

#[component]
pub fn Restrictions(record: Record, flash: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The form as typed: one draft, kept while the page is drawn again.
    let draft = crate::kept!(RestrictionDraft::default());
    let problems = crate::kept!(Problems::new());
    let errors = FormErrors(problems);
    let restrictions = record.restrictions.clone();
    let for_lift = record.clone();
    let lift = Callback::new(move |index: usize| {
        let result = lift_restriction(&for_lift, index, clock::today(), &state.change()).map_err(|p| vec![p]);
        save(
            state,
            flash,
            problems,
            "Restriction on contact lifted today.",
            result,
            || (),
        );
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = draft.with_untracked(|typed| typed.apply(&record, clock::today(), &state.change()));
        let clear = move || {
            let _ = draft.try_set(RestrictionDraft::default());
        };
        save(
            state,
            flash,
            problems,
            "Restriction on contact recorded.",
            result,
            clear,
        );
    };
    view! {
        <h2 class="govuk-heading-m">"Restrictions on contact"</h2>
        <ProblemSummary problems />
        {restriction_list(restrictions, lift)}
        <KeptDetails key=concat!(file!(), ":restriction") summary="Record a restriction on contact">
            <form novalidate on:submit=add>
                <p class="govuk-body">
                    "Only for unacceptable behaviour, decided by someone senior, told to the person in writing with the reasons, and reviewed (Complaint Handling Code 5.10–5.11)."
                </p>
                <TextArea id="restriction-what" label="What is restricted" hint="For example, contact by email only, to one named officer." value=lens!(draft, what) error=errors.message("restriction-what") />
                <TextArea id="restriction-why" label="Why" hint="The behaviour it answers, as the person was told." value=lens!(draft, why) error=errors.message("restriction-why") />
                <TextInput id="restriction-decided-by" label="Who decided" value=lens!(draft, decided_by) error=errors.message("restriction-decided-by") list=crate::components::team::TEAM_LIST />
                <DateInput id="restriction-decided" legend="Date decided" hint="For example, 2 2 2026" fields=date_lens!(draft, decided) error=errors.date("restriction-decided") />
                <DateInput id="restriction-review" legend="Review date" hint="When it will be looked at again. For example, 2 8 2026" fields=date_lens!(draft, review) error=errors.date("restriction-review") />
                <button type="submit" class="govuk-button govuk-button--secondary">"Record restriction"</button>
            </form>
        </KeptDetails>
    }
}

//! A part's action plan: what will be done, by whom and by when, and whether it is done. Rows
//! are added and removed by button; every box saves as it is typed.

use super::fields::{AutoDate, AutoText, set_part};
use super::shared::Working;
use leptos::prelude::*;
use redress_core::assessment::PlanItem;
use redress_core::assessment::review::plan_due_field;
use redress_core::problem::Problem;

fn plan_row(
    working: Working,
    part: &'static str,
    index: usize,
    item: PlanItem,
    redraw: RwSignal<u32>,
    show_errors: RwSignal<bool>,
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    let number = index + 1;
    let edit = move |apply: Box<dyn FnOnce(&mut PlanItem)>| {
        working.edit(|a, change| {
            a.edit_plan(part, change, |plan| {
                if let Some(item) = plan.get_mut(index) {
                    apply(item);
                }
            })
        })
    };
    let remove = move |_| {
        working.edit(|a, change| {
            a.edit_plan(part, change, |plan| {
                if index < plan.len() {
                    plan.remove(index);
                }
            })
        });
        redraw.update(|n| *n += 1);
    };
    let error = Signal::derive(move || {
        if !show_errors.get() {
            return None;
        }
        let field = plan_due_field(index);
        problems.with(|all| {
            all.iter()
                .find(|p| p.field == field)
                .map(|p| (p.message.clone(), p.parts.clone()))
        })
    });
    let done_id = format!("plan-{index}-done");
    view! {
        <div class="app-form-panel">
            <h3 class="govuk-heading-s">{format!("Action {number}")}</h3>
            <AutoText id=format!("plan-{index}-action") label="What will be done".to_string() hidden=format!(" (action {number})")
                value=item.action rows=2 on_input=move |text: String| edit(Box::new(move |i| i.action = text)) />
            <AutoText id=format!("plan-{index}-owner") label="Owner".to_string() hidden=format!(" of action {number}")
                value=item.owner on_input=move |text: String| edit(Box::new(move |i| i.owner = text)) />
            <AutoDate id=plan_due_field(index) legend="Due date".to_string() hidden=format!(" of action {number}")
                hint="For example, 31 3 2027".to_string() value=item.due error
                on_input=move |(date_part, text)| edit(Box::new(move |i| set_part(&mut i.due, date_part, text))) />
            <div class="govuk-form-group">
                <div class="govuk-checkboxes govuk-checkboxes--small">
                    <div class="govuk-checkboxes__item">
                        <input class="govuk-checkboxes__input" id=done_id.clone() type="checkbox" prop:checked=item.done
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                edit(Box::new(move |i| i.done = checked))
                            } />
                        <label class="govuk-label govuk-checkboxes__label" for=done_id>
                            "Done"<span class="govuk-visually-hidden">{format!(" (action {number})")}</span>
                        </label>
                    </div>
                </div>
            </div>
            <button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" on:click=remove>
                "Remove"<span class="govuk-visually-hidden">{format!(" action {number}")}</span>
            </button>
        </div>
    }
}

#[component]
pub fn ActionPlan(
    working: Working,
    part: &'static str,
    show_errors: RwSignal<bool>,
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    // Rows are drawn again only when one is added or removed, never while a box is typed in.
    let redraw = RwSignal::new(0u32);
    let rows = move || {
        redraw.track();
        let plan = working.assessment.with_untracked(|a| a.plan(part).to_vec());
        plan.into_iter()
            .enumerate()
            .map(|(index, item)| plan_row(working, part, index, item, redraw, show_errors, problems))
            .collect_view()
    };
    let add = move |_| {
        working.edit(|a, change| a.edit_plan(part, change, |plan| plan.push(PlanItem::default())));
        redraw.update(|n| *n += 1);
    };
    view! {
        <h2 class="govuk-heading-m">"Action plan"</h2>
        <p class="govuk-body">{move || {
            redraw.track();
            match working.assessment.with_untracked(|a| a.plan(part).len()) {
                0 => "No actions yet.".to_string(),
                1 => "1 action.".to_string(),
                n => format!("{n} actions."),
            }
        }}</p>
        {rows}
        <button type="button" class="govuk-button govuk-button--secondary" on:click=add>"Add an action"</button>
    }
}

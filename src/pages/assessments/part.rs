//! One part of an assessment — an NCMG principle or a Code section — item by item: the answer
//! with the meaning of each choice beside it, the evidence and notes, the part's running total,
//! what is left, and its action plan. Everything saves as it is typed.

use super::fields::AutoText;
use super::plan::ActionPlan;
use super::shared::{SavedNote, Working, not_found, route_assessment};
use crate::components::error_summary::{ErrorSummary, problem_lines};
use crate::components::title::page_title;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::assessment::review::plan_problems;
use redress_core::assessment::score::{left_in_part, part_totals};
use redress_core::assessment::{Follows, Framework, Item, Part, SCORE_MEANINGS, Scale};

/// "1.10" → "1-10", for element ids.
pub fn item_id(code: &str) -> String {
    code.replace('.', "-")
}

/// How an item is named to a screen reader: "area 1.1", "row 6: Complaints stages (Stage 1)".
pub fn item_name(framework: &Framework, item: &'static Item) -> String {
    format!("{} {}", framework.item_noun, framework.item_label(item))
}

/// One radio of an item's answer.
fn radio(working: Working, code: &'static str, name: String, value: Option<u8>, label: String) -> impl IntoView {
    let scale = working.assessment.with_untracked(|a| a.framework().scale);
    let input_id = format!(
        "{name}-{}",
        value.map(|v| v.to_string()).unwrap_or_else(|| "none".into())
    );
    let current = move || {
        working.assessment.with(|a| {
            let entry = a.entry(code);
            match scale {
                Scale::Score => entry.and_then(|e| e.score),
                Scale::Follows => entry.and_then(|e| e.follows).map(Follows::level),
            }
        })
    };
    let choose = move |_| {
        working.edit(|a, change| {
            a.edit_entry(code, change, |entry| match scale {
                Scale::Score => entry.score = value,
                Scale::Follows => entry.follows = value.and_then(|v| Follows::ALL.into_iter().find(|f| f.level() == v)),
            })
        })
    };
    view! {
        <div class="govuk-radios__item">
            <input class="govuk-radios__input" id=input_id.clone() name=name type="radio"
                prop:checked=move || current() == value on:change=choose />
            <label class="govuk-label govuk-radios__label" for=input_id>{label}</label>
        </div>
    }
}

fn item_view(working: Working, framework: &'static Framework, item: &'static Item) -> impl IntoView {
    let code = item.code;
    let id = item_id(code);
    let name = item_name(framework, item);
    let entry = working
        .assessment
        .with_untracked(|a| a.entry(code).cloned().unwrap_or_default());
    let single_table = framework.parts.len() == 1;
    // An NCMG area is one short sentence, so it heads its item; a Code provision can run to a
    // list, so it follows its number.
    let (heading, body) = match (framework.scale, single_table, item.group) {
        (Scale::Score, _, _) => (format!("{code} {}", item.text), None),
        (_, true, Some(group)) => (group.to_string(), Some(item.text)),
        _ => (code.to_string(), Some(item.text)),
    };
    let (legend, choices): (&str, Vec<(Option<u8>, String)>) = match framework.scale {
        Scale::Score => (
            "Score",
            std::iter::once((None, "Not scored yet".to_string()))
                .chain(
                    SCORE_MEANINGS
                        .iter()
                        .rev()
                        .map(|(score, meaning)| (Some(*score), format!("{score} – {meaning}"))),
                )
                .collect(),
        ),
        Scale::Follows => (
            "Do we follow the Code?",
            std::iter::once((None, "Not answered yet".to_string()))
                .chain(Follows::ALL.iter().map(|f| (Some(f.level()), f.words().to_string())))
                .collect(),
        ),
    };
    let radios = choices
        .into_iter()
        .map(|(value, label)| radio(working, code, format!("answer-{id}"), value, label))
        .collect_view();
    let text = |field: &'static str, label: &str, hint: Option<&str>, value: String, rows: u32| {
        let on_input = move |typed: String| {
            working.edit(|a, change| {
                a.edit_entry(code, change, |entry| match field {
                    "evidence" => entry.evidence = typed,
                    "gaps" => entry.gaps = typed,
                    "commentary" => entry.commentary = typed,
                    _ => entry.action = typed,
                })
            })
        };
        view! {
            <AutoText id=format!("{field}-{id}") label=label.to_string() hidden=format!(" for {name}")
                hint=hint.map(str::to_string) value rows on_input />
        }
    };
    let texts = match framework.scale {
        Scale::Score => view! {
            {text("evidence", "Basis for the score", Some("A short summary of the evidence"), entry.evidence, 3)}
            {text("gaps", "Notes and queries (evidence gaps)", None, entry.gaps, 3)}
        }
        .into_any(),
        Scale::Follows => view! {
            {text("evidence", "Evidence", Some("How we show we follow it: policies, quality checks, records"), entry.evidence, 3)}
            {text("commentary", "Explanation and commentary", None, entry.commentary, 3)}
            {text("action", "Action", Some("What we will do where we do not fully follow the Code"), entry.action, 2)}
        }
        .into_any(),
    };
    view! {
        <div class="app-assessment-item" id=format!("item-{id}")>
            <h2 class="govuk-heading-s">{heading}</h2>
            {body.map(|text| view! { <p class="govuk-body app-pre-line">{text}</p> })}
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                        {legend}<span class="govuk-visually-hidden">{format!(" for {name}")}</span>
                    </legend>
                    <div class="govuk-radios govuk-radios--small">{radios}</div>
                </fieldset>
            </div>
            {texts}
        </div>
    }
}

fn part_body(working: Working, framework: &'static Framework, part: &'static Part) -> impl IntoView {
    let mut group = None;
    part.items
        .iter()
        .map(move |item| {
            let new_group = framework.parts.len() > 1 && item.group.is_some() && item.group != group;
            group = item.group;
            view! {
                {new_group.then(|| view! { <h2 class="govuk-heading-m">{item.group}</h2> })}
                {item_view(working, framework, item)}
            }
        })
        .collect_view()
}

/// The part's running total and what is still to answer, with links to each.
fn progress(working: Working, framework: &'static Framework, part: &'static Part) -> impl IntoView {
    let totals = move || working.assessment.with(|a| part_totals(a, part));
    let left = move || {
        working.assessment.with(|a| {
            left_in_part(a, part)
                .into_iter()
                .map(|item| item.code)
                .collect::<Vec<_>>()
        })
    };
    let noun = framework.item_noun;
    let words = move || {
        let t = totals();
        match framework.scale {
            Scale::Score => format!(
                "Total {} of {}. {} of {} {noun}s scored.",
                t.total, t.max, t.answered, t.items
            ),
            Scale::Follows => format!(
                "Yes {}, partly {}, no {}. {} of {} {noun}s answered.",
                t.yes, t.partly, t.no, t.answered, t.items
            ),
        }
    };
    view! {
        <div class="govuk-inset-text" aria-live="polite">
            <p class="govuk-body govuk-!-font-weight-bold">{words}</p>
            {move || {
                let left = left();
                (!left.is_empty() && left.len() < part.items.len()).then(|| view! {
                    <p class="govuk-body">
                        "Still to do: "
                        {left.into_iter().enumerate().map(|(index, code)| view! {
                            {(index > 0).then_some(", ")}
                            <a class="govuk-link" href=format!("#item-{}", item_id(code))>{code}</a>
                        }).collect_view()}
                    </p>
                })
            }}
        </div>
    }
}

#[component]
pub fn PartPage() -> impl IntoView {
    let Some(assessment) = route_assessment() else {
        return not_found();
    };
    let framework = assessment.framework();
    let number = crate::routes::params_now::<crate::routes::PartParams>()
        .and_then(|p| p.part)
        .unwrap_or_default();
    let Some(part) = framework.part(&number) else {
        return not_found();
    };
    let id = assessment.id.clone();
    let period = assessment.period.clone();
    let working = Working::new(assessment);
    let show_errors = RwSignal::new(false);
    let attempt = RwSignal::new(0u32);
    let problems = Memo::new(move |_| working.assessment.with(|a| plan_problems(a, part.number)));
    // The summary follows the due dates as they are put right, but takes the focus only when the
    // page is sent with problems (`attempt`), never while a box is typed in.
    let lines = Signal::derive(move || {
        if !show_errors.get() {
            return Vec::new();
        }
        problems.with(|all| problem_lines(all))
    });
    page_title(
        move || format!("{}: {}", part.title, part.summary),
        move || !lines.with(Vec::is_empty),
    );
    let navigate = use_navigate();
    let back = format!("/assessments/{id}");
    let next = framework
        .parts
        .iter()
        .skip_while(|p| p.number != part.number)
        .nth(1)
        .map(|next| {
            (
                format!("/assessments/{id}/part/{}", next.number),
                format!("{}: {}", next.title, next.summary),
            )
        });
    let done = {
        let back = back.clone();
        move |_| {
            show_errors.set(true);
            if lines.with_untracked(Vec::is_empty) {
                navigate(&back, Default::default());
            } else {
                attempt.update(|n| *n += 1);
            }
        }
    };
    view! {
        <a href=back.clone() class="govuk-back-link">"Back to the assessment"</a>
        <crate::components::conflict::ConflictChoice id=id.clone() />
        <ErrorSummary lines attempt />
        <span class="govuk-caption-l">{format!("{} — {period}", framework.title)}</span>
        <h1 class="govuk-heading-l">{format!("{}: {}", part.title, part.summary)}</h1>
        {part.vision.map(|vision| view! { <p class="govuk-body-l">"Underpinning user-led vision: " {vision}</p> })}
        <SavedNote working />
        {progress(working, framework, part)}
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds-from-desktop">
                {part_body(working, framework, part)}
                <ActionPlan working part=part.number show_errors problems />
            </div>
        </div>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button" on:click=done>"Save and return to the assessment"</button>
            {next.map(|(href, title)| view! { <a class="govuk-link" href=href>{format!("Next: {title}")}</a> })}
        </div>
    }
    .into_any()
}

//! Rows of a GOV.UK summary list: a key and its value, one at a time or as the core lists them,
//! and the lists of remedies, actions and restrictions with where each stands.

use crate::components::tag::{Colour, Tag};
use leptos::prelude::*;
use redress_core::record::summary::{Line, Standing};

pub fn summary_row(key: &'static str, value: impl IntoView) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
        </div>
    }
}

/// The rows the core worked out for a summary list, each value as words (text the person wrote
/// over several lines keeps its line breaks), with GOV.UK's "Change" link (and "Withdraw", for an
/// event recorded by mistake) where the core gives one. `base` is the record's address, which
/// the links continue (`/records/<id>` + `/correct/received`).
pub fn summary_rows(base: &str, rows: Vec<redress_core::record::summary::SummaryRow>) -> impl IntoView + use<> {
    let any_actions = rows.iter().any(|row| row.change.is_some() || row.withdraw.is_some());
    rows.into_iter()
        .map(|row| {
            let hidden = format!(" {}", row.key.to_lowercase());
            let change = row.change.map(|to| {
                let hidden = hidden.clone();
                view! {
                    <li class="govuk-summary-list__actions-list-item">
                        <a class="govuk-link" href=format!("{base}/{to}")>"Change"<span class="govuk-visually-hidden">{hidden}</span></a>
                    </li>
                }
            });
            let withdraw = row.withdraw.map(|to| {
                view! {
                    <li class="govuk-summary-list__actions-list-item">
                        <a class="govuk-link" href=format!("{base}/{to}")>"Withdraw"<span class="govuk-visually-hidden">{hidden}</span></a>
                    </li>
                }
            });
            let has_actions = change.is_some() || withdraw.is_some();
            view! {
                <div class="govuk-summary-list__row" class:govuk-summary-list__row--no-actions=any_actions && !has_actions>
                    <dt class="govuk-summary-list__key">{row.key}</dt>
                    <dd class="govuk-summary-list__value">
                        <span class:app-pre-line=row.multiline>{row.value}</span>
                    </dd>
                    {has_actions.then(|| view! {
                        <dd class="govuk-summary-list__actions">
                            <ul class="govuk-summary-list__actions-list">{change}{withdraw}</ul>
                        </dd>
                    })}
                </div>
            }
        })
        .collect_view()
}

/// A button a line of [`line_list`] offers, and what it runs with the line's index.
#[derive(Clone, Copy)]
pub struct LineButton {
    pub words: &'static str,
    pub on: Callback<usize>,
}

/// The core's lines (remedies, actions, restrictions) as a GOV.UK summary list, each with where
/// it stands: a tag of `done` colour for what is done, the words of what is offered instead, a
/// button for what is still open, and a second button beside the tag where a done line has a
/// step still open. Each line comes with the name its buttons carry for a screen reader.
pub fn line_list(
    id: &'static str,
    empty: &'static str,
    lines: Vec<(Line, String)>,
    done: Colour,
    open: LineButton,
    still_open: Option<LineButton>,
) -> AnyView {
    if lines.is_empty() {
        return view! { <p class="govuk-body">{empty}</p> }.into_any();
    }
    let button = move |b: LineButton, name: String, index: usize| {
        view! {
            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| b.on.run(index)>
                {b.words} <span class="govuk-visually-hidden">{format!(": {name}")}</span>
            </button>
        }
    };
    view! {
        <dl class="govuk-summary-list" id=id tabindex="-1">
            {lines.into_iter().enumerate().map(|(index, (line, name))| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{line.key}</dt>
                    <dd class="govuk-summary-list__value">{line.value}</dd>
                    <dd class="govuk-summary-list__actions">
                        {match line.standing {
                            Standing::Instead(words) => view! { <span>{words}</span> }.into_any(),
                            Standing::Done(words) => view! { <Tag colour=done text=words /> }.into_any(),
                            Standing::DoneAndOpen(words) => view! {
                                <Tag colour=done text=words />
                                {still_open.map(|b| view! { " " {button(b, name, index)} })}
                            }.into_any(),
                            Standing::Open => button(open, name, index).into_any(),
                        }}
                    </dd>
                </div>
            }).collect_view()}
        </dl>
    }
    .into_any()
}

//! The deadline calculator, for anyone (an advocate checking what an organisation owes): choose
//! a procedure, a stage and the day received, and see every date with its explanation. The
//! question lives in the link, so a calculation can be bookmarked or sent.

use crate::clock;
use crate::components::date_input::{DateFields, DateInput};
use crate::components::deadlines::{DeadlineList, counting_note};
use crate::components::error_summary::{ErrorSummary, SummaryLine};
use crate::components::form::{Choice, Radios};
use crate::components::title::page_title;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use redress_core::deadline::CalculatorQuestion;
use redress_core::format::long_date;
use redress_core::record::{DateInput as Typed, DatePart};

#[component]
pub fn CalculatorPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = use_query_map();
    let navigate = use_navigate();
    let procedures = Memo::new(move |_| state.settings.with(|s| s.procedures()));
    let question = Memo::new(move |_| {
        query.with(|q| {
            CalculatorQuestion::from_link(
                q.get("procedure").as_deref(),
                q.get("stage").as_deref(),
                q.get("start").as_deref(),
                &procedures.get(),
            )
        })
    });

    // The form starts from the link, so a bookmarked calculation shows what was asked.
    let initial = query.with_untracked(|q| (q.get("procedure"), q.get("stage"), q.get("start")));
    let procedure = RwSignal::new(initial.0.unwrap_or_default());
    let stage = RwSignal::new(initial.1.unwrap_or_else(|| "1".into()));
    let start = DateFields::default();
    if let Some(date) = initial.2.and_then(|s| s.parse::<chrono::NaiveDate>().ok()) {
        let typed = Typed::from_date(date);
        start.day.set(typed.day);
        start.month.set(typed.month);
        start.year.set(typed.year);
    }
    let date_error = RwSignal::new(None::<(String, Vec<DatePart>)>);
    let attempt = RwSignal::new(0u32);

    let link_errors = move || question.get().and_then(Result::err).unwrap_or_default();
    let lines = Signal::derive(move || {
        let mut lines: Vec<SummaryLine> = link_errors()
            .into_iter()
            .map(|p| SummaryLine {
                anchor: p.anchor(),
                message: p.message,
            })
            .collect();
        if let Some((message, _)) = date_error.get() {
            lines.retain(|line| line.anchor != "start-day");
            lines.push(SummaryLine {
                anchor: "start-day".into(),
                message,
            });
        }
        lines
    });
    let field_error = move |field: &'static str| {
        Signal::derive(move || link_errors().into_iter().find(|p| p.field == field).map(|p| p.message))
    };
    let shown_date_error = Signal::derive(move || {
        date_error.get().or_else(|| {
            link_errors()
                .into_iter()
                .find(|p| p.field == "start")
                .map(|p| (p.message, p.parts))
        })
    });
    page_title(|| "Deadline calculator".into(), move || !lines.get().is_empty());

    let procedure_choices = move || {
        procedures
            .get()
            .into_iter()
            .map(|p| Choice::new(p.id, p.name).with_hint(p.applies_to))
            .collect::<Vec<_>>()
    };
    let stage_choices = move || {
        procedures.with(|all| {
            all.iter()
                .find(|p| p.id == procedure.get())
                .map(|p| {
                    p.stages
                        .iter()
                        .enumerate()
                        .map(|(i, s)| Choice::new((i + 1).to_string(), s.title()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let latest = chrono::NaiveDate::from_ymd_opt(2100, 12, 31).expect("a real date");
        match start.typed().parse("Date received", latest) {
            Ok(date) => {
                date_error.set(None);
                let stage_number = if stage_choices().iter().any(|c| c.value == stage.get_untracked()) {
                    stage.get_untracked()
                } else {
                    "1".into()
                };
                navigate(
                    &format!(
                        "/calculator?procedure={}&stage={stage_number}&start={date}",
                        procedure.get_untracked()
                    ),
                    Default::default(),
                );
            }
            Err(error) => {
                date_error.set(Some((error.message, error.parts)));
                attempt.update(|n| *n += 1);
            }
        }
    };
    let results = move || {
        let question = question.get()?.ok()?;
        let settings = state.settings.get();
        let deadlines = question.answer(&settings.rules(clock::today()));
        let stage_name = question.procedure.stages[question.stage].title();
        let note = counting_note(settings.nation.name(), false);
        Some(view! {
            <section aria-labelledby="dates">
            <h2 class="govuk-heading-m" id="dates">"The dates"</h2>
            <p class="govuk-body">
                {format!("{}, {}, for something received on {}.", question.procedure.name, stage_name, long_date(question.start))}
            </p>
            <p class="govuk-body">{note} " " <a class="govuk-link" href="/settings">"Change the nation in Settings"</a> "."</p>
            <DeadlineList deadlines />
            <p class="govuk-body">
                "Link to this calculation: "
                <a class="govuk-link" href=question.link()>{question.link()}</a>
            </p>
            </section>
        })
    };
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary lines attempt />
                <h1 class="govuk-heading-l">"Deadline calculator"</h1>
                <p class="govuk-body">"Work out what an organisation owes and by when, under the procedure it follows. Nothing is saved."</p>
                <form novalidate on:submit=on_submit>
                    {move || view! {
                        <Radios id="procedure" legend="Which procedure?" choices=procedure_choices() value=procedure error=field_error("procedure") />
                    }}
                    {move || {
                        let choices = stage_choices();
                        (choices.len() > 1).then(|| view! {
                            <Radios id="stage" legend="Which stage?" choices value=stage error=field_error("stage") />
                        })
                    }}
                    <DateInput
                        id="start"
                        legend="Date received"
                        hint="The day the complaint, or the request for this stage, arrived. For example, 19 12 2025"
                        fields=start
                        error=shown_date_error
                    />
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Work out the dates"</button>
                </form>
            </div>
        </div>
        {results}
    }
    .into_any()
}

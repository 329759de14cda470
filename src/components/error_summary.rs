//! The GOV.UK error summary: at the top of the page, focused when it appears, each message a
//! link that moves focus to the field at fault.

use leptos::html;
use leptos::prelude::*;
use redress_core::problem::Problem;
use redress_core::record::DatePart;

/// One line of the summary: the id of the element to focus, and the message.
#[derive(Clone, PartialEq, Eq)]
pub struct SummaryLine {
    pub anchor: String,
    pub message: String,
}

fn focus_field(anchor: &str) {
    if let Some(element) = document().get_element_by_id(anchor) {
        use wasm_bindgen::JsCast;
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
            // Bring the question (the legend or label above the field) into view too.
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}

/// Shows `lines` when there are any. `attempt` changes on each failed submit, and the summary
/// takes the focus then (once it is drawn), even when the same errors remain — and only then:
/// not when it is drawn again with problems still showing (another section of the page saved)
/// nor when it reappears as a box is typed in, either of which would pull the person away from
/// what they were doing.
#[component]
pub fn ErrorSummary(
    #[prop(into)] lines: Signal<Vec<SummaryLine>>,
    #[prop(into)] attempt: Signal<u32>,
) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    // Returns the attempt last focused; the first run counts the attempt it finds as done.
    Effect::new(move |focused: Option<u32>| {
        let now = attempt.get();
        let element = summary.get();
        match (focused, element) {
            (Some(done), Some(element)) if done != now => {
                let _ = element.focus();
                element.scroll_into_view();
                now
            }
            (Some(done), _) => done,
            (None, _) => now,
        }
    });
    view! {
        <Show when=move || !lines.get().is_empty()>
            <div class="govuk-error-summary" data-module="govuk-error-summary" node_ref=summary tabindex="-1">
                <div role="alert">
                    <h2 class="govuk-error-summary__title">"There is a problem"</h2>
                    <div class="govuk-error-summary__body">
                        <ul class="govuk-list govuk-error-summary__list">
                            // Keyed by the message too: a field whose problem changed (empty, then wrong) shows the new one.
                            <For each=move || lines.get() key=|line| (line.anchor.clone(), line.message.clone()) let:line>
                                <li>
                                    <a
                                        href=format!("#{}", line.anchor)
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            focus_field(&line.anchor);
                                        }
                                    >
                                        {line.message.clone()}
                                    </a>
                                </li>
                            </For>
                        </ul>
                    </div>
                </div>
            </div>
        </Show>
    }
}

/// The error summary of a form whose check returns the core's problems: its lines link to the
/// field (for a date, the first box at fault), and it takes the focus each time the form is
/// sent back with problems — not when the page is drawn again with them still showing.
#[component]
pub fn ProblemSummary(problems: RwSignal<Vec<redress_core::problem::Problem>>) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    Effect::new(move |drawn: Option<()>| {
        let any = problems.with(|all| !all.is_empty());
        if drawn.is_some() && any {
            attempt.update(|n| *n += 1);
        }
    });
    let lines = Signal::derive(move || problems.with(|all| problem_lines(all)));
    view! { <ErrorSummary lines attempt /> }
}

/// The summary's lines for the core's problems: each links to its field, or for a date to the
/// first box at fault.
pub fn problem_lines(problems: &[redress_core::problem::Problem]) -> Vec<SummaryLine> {
    problems
        .iter()
        .map(|p| SummaryLine {
            anchor: p.anchor(),
            message: p.message.clone(),
        })
        .collect()
}

/// The problems the core found with a form, as the pieces a page needs: the summary's lines,
/// and each field's message (or, for a date, its message and the boxes at fault), by field id.
#[derive(Clone, Copy)]
pub struct FormErrors(pub RwSignal<Vec<Problem>>);

impl FormErrors {
    pub fn new() -> Self {
        Self(RwSignal::new(Vec::new()))
    }

    /// The error summary's lines, in the order the core found them.
    pub fn lines(self) -> Signal<Vec<SummaryLine>> {
        Signal::derive(move || self.0.with(|all| problem_lines(all)))
    }

    /// The message by a field, if it has a problem.
    pub fn message(self, field: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.0
                .with(|all| all.iter().find(|p| p.field == field).map(|p| p.message.clone()))
        })
    }

    /// A date input's message and the boxes at fault, if it has a problem.
    pub fn date(self, field: &'static str) -> Signal<Option<(String, Vec<DatePart>)>> {
        Signal::derive(move || {
            self.0.with(|all| {
                all.iter()
                    .find(|p| p.field == field)
                    .map(|p| (p.message.clone(), p.parts.clone()))
            })
        })
    }

    pub fn is_empty(self) -> bool {
        self.0.with(Vec::is_empty)
    }
}

impl Default for FormErrors {
    fn default() -> Self {
        Self::new()
    }
}

//! What a person has typed in a section of a page, kept while that section is drawn again.
//!
//! The record page draws its sections from the record; when the record changes — another of its
//! forms saved, or another tab's change arrived — they are drawn afresh, and a signal made while
//! drawing would start empty again. A page that provides a [`FormMemory`] owns its forms' drafts
//! itself instead, one signal per place in the code ([`kept!`](crate::kept!)), so half-typed text
//! survives the redraw.

use leptos::prelude::*;
// Leptos's arena for values that are not `Send` (nothing to do with browser storage).
use leptos::prelude::LocalStorage as ThisThread;
use std::any::Any;
use std::collections::HashMap;

type Cells = HashMap<String, Box<dyn Cell>>;

/// The fields' signals of one page, owned by the page rather than by the section drawn.
#[derive(Clone, Copy)]
pub struct FormMemory {
    // Held in Leptos's arena for values that stay on this thread (they are not `Send`).
    owner: StoredValue<Owner, ThisThread>,
    cells: StoredValue<Cells, ThisThread>,
}

impl FormMemory {
    /// Provides a memory for the page being built; sections below it keep their fields in it.
    pub fn provide() -> Self {
        let memory = FormMemory {
            owner: StoredValue::new_local(Owner::current().unwrap_or_default()),
            cells: StoredValue::new_local(HashMap::new()),
        };
        provide_context(memory);
        memory
    }

    /// Forgets every field (the page now shows another record).
    pub fn clear(&self) {
        self.cells.update_value(HashMap::clear);
    }
}

/// The signal kept under `key`, made from `initial` the first time it is asked for. Without a
/// [`FormMemory`] above, a new signal every time, as `RwSignal::new` would give.
///
/// `initial` is worked out every time (it is a small value: empty text, an empty list), so the
/// code below is compiled once for each kind of value rather than once for each field.
#[inline]
pub fn kept<T: Send + Sync + 'static>(key: &str, initial: impl FnOnce() -> T) -> RwSignal<T> {
    kept_as(key, initial())
}

fn kept_as<T: Send + Sync + 'static>(key: &str, initial: T) -> RwSignal<T> {
    let Some(memory) = use_context::<FormMemory>() else {
        return RwSignal::new(initial);
    };
    if let Some(signal) = memory
        .find(key)
        .and_then(|cell| cell.downcast_ref::<RwSignal<T>>().copied())
    {
        return signal;
    }
    let mut initial = Some(initial);
    let mut made = None;
    memory.under_page(&mut || made = initial.take().map(RwSignal::new));
    let signal = made.expect("Owner::with runs what it is given, at once");
    memory.keep(key, Box::new(signal));
    signal
}

impl FormMemory {
    /// What is kept under `key`, if anything.
    #[inline(never)]
    fn find(&self, key: &str) -> Option<Box<dyn Any>> {
        self.cells
            .with_value(|cells| cells.get(key).map(|cell| cell.duplicate()))
    }

    /// Keeps `cell` under `key`.
    #[inline(never)]
    fn keep(&self, key: &str, cell: Box<dyn Cell>) {
        self.cells
            .update_value(|cells| drop(cells.insert(key.to_string(), cell)));
    }

    /// Runs `make` as the page, so what it makes lives as long as the page, not the section.
    #[inline(never)]
    fn under_page(&self, make: &mut dyn FnMut()) {
        self.owner.with_value(|owner| owner.with(make));
    }
}

/// A kept signal, whatever it holds: signals are handles (`Copy`), so one can be handed out again.
trait Cell: Send + Sync {
    fn duplicate(&self) -> Box<dyn Any>;
}

impl<T: Send + Sync + 'static> Cell for RwSignal<T> {
    fn duplicate(&self) -> Box<dyn Any> {
        Box::new(*self)
    }
}

/// A signal kept across redraws, named by where it is made in the code: a form's whole draft,
/// `kept!(RemedyDraft::default())` in place of `RwSignal::new(RemedyDraft::default())`, its
/// problems, or a single value. Lenses made from a kept draft (`lens!`, `date_lens!`) are made
/// afresh with each redraw and read and write the same kept signal, so what was typed stays.
#[macro_export]
macro_rules! kept {
    ($initial:expr) => {
        $crate::components::kept::kept(concat!(file!(), ":", line!(), ":", column!()), || $initial)
    };
}

/// Whether a details section (GOV.UK details, holding a form) was left open: kept across
/// redraws too, so a form being typed in does not fold away when another one saves.
pub fn kept_open(key: &'static str) -> impl Fn() -> bool + Send + Sync + 'static {
    let open = kept(key, || false);
    move || open.get()
}

/// Notes that a details section was opened or closed, for [`kept_open`].
pub fn remember_open(key: &'static str) -> impl FnMut(leptos::ev::Event) + 'static {
    let open = kept(key, || false);
    move |event: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        if let Some(details) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        {
            open.set(details.open());
        }
    }
}

/// A GOV.UK details section holding a form, whose being open is kept across redraws
/// ([`kept_open`]): `key` names it on the page, `summary` is what the person clicks.
#[component]
pub fn KeptDetails(key: &'static str, summary: &'static str, children: Children) -> impl IntoView {
    view! {
        <details class="govuk-details" prop:open=kept_open(key) on:toggle=remember_open(key)>
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{summary}</span></summary>
            <div class="govuk-details__text">{children()}</div>
        </details>
    }
}

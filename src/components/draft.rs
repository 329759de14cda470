//! The form kit's draft: a form's whole content held as one signal of the core's "as typed"
//! type (`IntakeDraft`, `RecordDraft`, `EventDraft`…), and lenses onto its fields that the
//! form's inputs read and write. The form sends the draft to the core as it is; nothing mirrors
//! it field by field.
//!
//! ```text
//! let draft = RwSignal::new(IntakeDraft::from_record(&record));
//! <TextInput id="advocate" label="Advocate" value=lens!(draft, advocate) error=… />
//! <DateInput id="authority" … fields=date_lens!(draft, authority) error=… />
//! // on submit: draft.get_untracked().apply(&record, &rules, &change)
//! ```
//!
//! Each lens is type-erased (a signal to read, a callback to write), so the inputs stay one
//! function each, not one copy per draft type in the wasm.

use leptos::prelude::*;
use std::sync::Arc;

/// A text field: read as a signal, written through a callback. Made from a lens onto a draft,
/// or from a plain `RwSignal<String>` where a form holds a single value.
#[derive(Clone, Copy)]
pub struct Text {
    read: Signal<String>,
    write: Callback<String>,
}

impl Text {
    /// A field read and written some other way: a choice that stands for a yes or no in the
    /// draft, say.
    pub fn new(read: Signal<String>, write: Callback<String>) -> Text {
        Text { read, write }
    }

    /// The field's text, tracked.
    pub fn get(&self) -> String {
        self.read.get()
    }

    /// The field's text, untracked (when sending the form).
    pub fn get_untracked(&self) -> String {
        self.read.get_untracked()
    }

    /// Replaces the field's text.
    pub fn set(&self, text: impl Into<String>) {
        self.write.run(text.into());
    }

    /// A lens onto one text field of a draft held in `draft`: reading it follows only that
    /// field (a memo), writing it changes only that field.
    pub fn of<D: Send + Sync + 'static>(
        draft: RwSignal<D>,
        read: fn(&D) -> &String,
        write: fn(&mut D) -> &mut String,
    ) -> Text {
        Text::erased(
            Arc::new(move || draft.with(|d| read(d).clone())),
            Arc::new(move |text| draft.update(|d| *write(d) = text)),
        )
    }

    /// A lens onto one text field of the `index`th item of a list in a draft (a procedure's
    /// stages): it reads empty, and writes nothing, once the item is gone.
    pub fn item<D: Send + Sync + 'static>(
        draft: RwSignal<D>,
        index: usize,
        read: fn(&D, usize) -> Option<&String>,
        write: fn(&mut D, usize) -> Option<&mut String>,
    ) -> Text {
        Text::erased(
            Arc::new(move || draft.with(|d| read(d, index).cloned().unwrap_or_default())),
            Arc::new(move |text| {
                draft.update(|d| {
                    if let Some(field) = write(d, index) {
                        *field = text;
                    }
                })
            }),
        )
    }

    /// The memo and the callback, made here once for every draft type: only the two small
    /// closures that reach the field are made per type, so each new draft adds little to the wasm.
    fn erased(read: Arc<dyn Fn() -> String + Send + Sync>, write: Arc<dyn Fn(String) + Send + Sync>) -> Text {
        Text {
            read: Memo::new(move |_| read()).into(),
            write: Callback::new(move |text: String| write(text)),
        }
    }
}

impl From<RwSignal<String>> for Text {
    fn from(signal: RwSignal<String>) -> Self {
        Text {
            read: signal.into(),
            write: Callback::new(move |text: String| signal.set(text)),
        }
    }
}

/// A yes-or-no field (a checkbox), as [`Text`] is for text.
#[derive(Clone, Copy)]
pub struct Flag {
    read: Signal<bool>,
    write: Callback<bool>,
}

impl Flag {
    pub fn get(&self) -> bool {
        self.read.get()
    }

    pub fn set(&self, on: bool) {
        self.write.run(on);
    }

    /// A lens onto one yes-or-no field of a draft.
    pub fn of<D: Send + Sync + 'static>(
        draft: RwSignal<D>,
        read: fn(&D) -> &bool,
        write: fn(&mut D) -> &mut bool,
    ) -> Flag {
        Flag::erased(
            Arc::new(move || draft.with(|d| *read(d))),
            Arc::new(move |on| draft.update(|d| *write(d) = on)),
        )
    }

    /// As [`Text::erased`]: the memo and the callback made once for every draft type.
    fn erased(read: Arc<dyn Fn() -> bool + Send + Sync>, write: Arc<dyn Fn(bool) + Send + Sync>) -> Flag {
        Flag {
            read: Memo::new(move |_| read()).into(),
            write: Callback::new(move |on: bool| write(on)),
        }
    }
}

impl From<RwSignal<bool>> for Flag {
    fn from(signal: RwSignal<bool>) -> Self {
        Flag {
            read: signal.into(),
            write: Callback::new(move |on: bool| signal.set(on)),
        }
    }
}

/// A lens onto a text field of a draft: `lens!(draft, about_name)`, `lens!(draft, equality.sex)`.
#[macro_export]
macro_rules! lens {
    ($draft:expr, $($field:ident).+) => {
        $crate::components::draft::Text::of($draft, |d| &d.$($field).+, |d| &mut d.$($field).+)
    };
}

/// A lens onto a text field of one item of a list in a draft:
/// `item_lens!(draft, stages[index].name)`.
#[macro_export]
macro_rules! item_lens {
    ($draft:expr, $list:ident [$index:expr] . $field:ident) => {
        $crate::components::draft::Text::item(
            $draft,
            $index,
            |d, i| d.$list.get(i).map(|item| &item.$field),
            |d, i| d.$list.get_mut(i).map(|item| &mut item.$field),
        )
    };
}

/// A lens onto a yes-or-no field of a draft: `flag!(draft, advocacy_offered)`.
#[macro_export]
macro_rules! flag {
    ($draft:expr, $($field:ident).+) => {
        $crate::components::draft::Flag::of($draft, |d| &d.$($field).+, |d| &mut d.$($field).+)
    };
}

/// The three boxes of a date input as lenses onto a draft's typed date:
/// `date_lens!(draft, authority)`.
#[macro_export]
macro_rules! date_lens {
    ($draft:expr, $($field:ident).+) => {
        $crate::components::date_input::DateFields {
            day: $crate::components::draft::Text::of($draft, |d| &d.$($field).+.day, |d| &mut d.$($field).+.day),
            month: $crate::components::draft::Text::of($draft, |d| &d.$($field).+.month, |d| &mut d.$($field).+.month),
            year: $crate::components::draft::Text::of($draft, |d| &d.$($field).+.year, |d| &mut d.$($field).+.year),
        }
    };
}

/// A checkbox for a yes-or-no field.
pub fn checkbox(id: &'static str, label: &'static str, value: Flag) -> impl IntoView {
    view! {
        <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id=id type="checkbox" prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev)) />
            <label class="govuk-label govuk-checkboxes__label" for=id>{label}</label>
        </div>
    }
}

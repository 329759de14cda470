//! The team's names, from Settings, offered as suggestions wherever a handler or a person
//! responsible is typed: one `<datalist>` on every page, which those inputs name. Anyone else may
//! still be typed; a name of the team typed in other capitals is saved as the team spells it
//! (the core's `Settings::known_name`).

use crate::state::AppState;
use leptos::prelude::*;

/// The id of the team's `<datalist>`, for a [`super::form::TextInput`]'s `list`.
pub const TEAM_LIST: &str = "team-names";

/// The team's names and the user's, once each, as the settings hold them now.
#[component]
pub fn TeamNames() -> impl IntoView {
    let state = expect_context::<AppState>();
    let names = Memo::new(move |_| state.settings.with(|s| s.team_names()));
    view! {
        <datalist id=TEAM_LIST>
            {move || names.get().into_iter().map(|name| view! { <option value=name></option> }).collect_view()}
        </datalist>
    }
}

//! GOV.UK tags: which colour goes with each status the core names is the app's decision, made
//! here once, not in the core (which says what a status is, never how it looks).

use leptos::prelude::*;
use redress_core::assessment::compare::Movement;
use redress_core::deadline::Status;
use redress_core::record::intake::RiskLevel;

/// The GOV.UK tag colours Redress uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    /// GOV.UK's default tag (dark blue): done.
    Default,
    Grey,
    Blue,
    LightBlue,
    Green,
    Yellow,
    Orange,
    Red,
}

impl Colour {
    /// The modifier class: `govuk-tag--red`, or nothing for the default tag.
    pub fn class(self) -> &'static str {
        match self {
            Colour::Default => "govuk-tag",
            Colour::Grey => "govuk-tag govuk-tag--grey",
            Colour::Blue => "govuk-tag govuk-tag--blue",
            Colour::LightBlue => "govuk-tag govuk-tag--light-blue",
            Colour::Green => "govuk-tag govuk-tag--green",
            Colour::Yellow => "govuk-tag govuk-tag--yellow",
            Colour::Orange => "govuk-tag govuk-tag--orange",
            Colour::Red => "govuk-tag govuk-tag--red",
        }
    }

    /// The colour's name, for the risk matrix's own classes (`app-risk--red`).
    pub fn name(self) -> &'static str {
        match self {
            Colour::Default => "default",
            Colour::Grey => "grey",
            Colour::Blue => "blue",
            Colour::LightBlue => "light-blue",
            Colour::Green => "green",
            Colour::Yellow => "yellow",
            Colour::Orange => "orange",
            Colour::Red => "red",
        }
    }
}

/// A deadline's status: red when overdue or met late, green when met.
pub fn status_colour(status: Status) -> Colour {
    match status {
        Status::NotStarted => Colour::Grey,
        Status::OnTrack => Colour::Blue,
        Status::DueSoon => Colour::Yellow,
        Status::DueToday => Colour::Orange,
        Status::Overdue(_) | Status::MetLate(_) => Colour::Red,
        Status::Met => Colour::Green,
    }
}

/// A change between two self-assessments: green for up, red for down, grey otherwise.
pub fn movement_colour(movement: Movement) -> Colour {
    match movement {
        Movement::Up(_) => Colour::Green,
        Movement::Down(_) => Colour::Red,
        _ => Colour::Grey,
    }
}

/// A risk level, from green (low) to red (extreme).
pub fn risk_colour(level: RiskLevel) -> Colour {
    match level {
        RiskLevel::Low => Colour::Green,
        RiskLevel::Moderate => Colour::Yellow,
        RiskLevel::High => Colour::Orange,
        RiskLevel::Extreme => Colour::Red,
    }
}

/// A GOV.UK tag: `<Tag colour=Colour::Red text="Overdue by 2 days" />`.
#[component]
pub fn Tag(colour: Colour, #[prop(into)] text: String) -> impl IntoView {
    view! { <strong class=colour.class()>{text}</strong> }
}

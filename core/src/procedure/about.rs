//! What Redress knows about each built-in procedure besides its stages: the nation it belongs
//! to, the Ombudsman after it and how to reach them, its time limit for complaining, a window for
//! the next stage counted in months, the responses that may be extended to a revised date with no
//! fixed limit, and each step's rule in the procedure's own terms for "How was this worked out?".
//!
//! Kept beside the definitions rather than in them so that nothing stored changes shape: a
//! record names a built-in by id and version, and these facts follow from the id. A custom
//! procedure has none of them: the 12-month limit, the organisation's nation's Ombudsman.

use super::{Procedure, StepKind};
use crate::calendar::Nation;

/// An Ombudsman, as a letter names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ombudsman {
    /// Name and contact details in one phrase, to follow "contact".
    pub contact: &'static str,
}

/// Contact details: see `docs/research/nations-procedures.md` for each source.
pub const LGSCO: Ombudsman = Ombudsman {
    contact: "the Local Government and Social Care Ombudsman (www.lgo.org.uk, 0300 061 0614)",
};
pub const HOUSING_OMBUDSMAN: Ombudsman = Ombudsman {
    contact: "the Housing Ombudsman Service (www.housing-ombudsman.org.uk, 0300 111 3000)",
};
/// Freephone: spso.org.uk's own header (PRIMARY). Address: SPSO's Complaints Improvement
/// Framework, read from a mirror; Freepost SPSO: mygov.scot and councils (SECONDARY). Not the
/// old Melville Street address some pages still print.
pub const SPSO: Ombudsman = Ombudsman {
    contact: "the Scottish Public Services Ombudsman (SPSO), Freepost SPSO or Bridgeside House, 99 McDonald Road, Edinburgh EH7 4NS (freephone 0800 377 7330, www.spso.org.uk)",
};
/// Freephone and email: nipso.org.uk (PRIMARY). Address and Freepost: two Northern Ireland
/// public bodies' pages (SECONDARY), the same on both.
pub const NIPSO: Ombudsman = Ombudsman {
    contact: "the Northern Ireland Public Services Ombudsman (NIPSO), Freepost NIPSO or Progressive House, 33 Wellington Place, Belfast BT1 6HN (freephone 0800 343424, nipso@nipso.org.uk, www.nipso.org.uk)",
};
/// Address and telephone: ombudsman.wales's own fact sheets (PRIMARY).
pub const PSOW: Ombudsman = Ombudsman {
    contact: "the Public Services Ombudsman for Wales, 1 Ffordd yr Hen Gae, Pencoed CF35 5LJ (0300 790 0203, www.ombudsman.wales)",
};

/// The Ombudsman for complaints in `nation`, when the procedure does not name one.
pub fn ombudsman_of(nation: Nation) -> Ombudsman {
    match nation {
        Nation::EnglandAndWales => LGSCO,
        Nation::Wales => PSOW,
        Nation::Scotland => SPSO,
        Nation::NorthernIreland => NIPSO,
    }
}

/// A window for asking for the next stage counted in months: until `after_response` months
/// after the stage's response or, if later, `after_event` months after the person found out
/// (or the event itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthsWindow {
    pub after_response: u32,
    pub after_event: u32,
}

/// The facts of one built-in procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct About {
    /// The nation whose organisations follow it; offered first there.
    pub nation: Nation,
    /// Short name of the procedure, put before its rules ("SPSO model").
    pub short: &'static str,
    pub ombudsman: Ombudsman,
    /// Months from the event (or finding out) within which a complaint should be made.
    pub time_limit_months: u32,
    /// That limit in the procedure's own terms; empty where it is the usual 12 months.
    pub time_limit_rule: &'static str,
    /// The window after stage 1 for asking for stage 2, where it is counted in months.
    pub stage_1_window: Option<MonthsWindow>,
    /// Stages (from 0) whose response may be put back to a revised date told to the person,
    /// with no fixed limit.
    pub open_extension: &'static [usize],
    /// Each step's rule in the procedure's terms: (stage from 0, step, rule).
    pub rules: &'static [(usize, StepKind, &'static str)],
}

const SIX_MONTHS_OR_TWO_AFTER: Option<MonthsWindow> = Some(MonthsWindow {
    after_response: 2,
    after_event: 6,
});

const ENGLAND: About = About {
    nation: Nation::EnglandAndWales,
    short: "",
    ombudsman: LGSCO,
    time_limit_months: 12,
    time_limit_rule: "",
    stage_1_window: None,
    open_extension: &[],
    rules: &[],
};

/// The facts of built-in `id`; `None` for any other procedure.
pub fn about(id: &str) -> Option<About> {
    use StepKind::*;
    Some(match id {
        "lgsco-2024" | "children-act-1989-2006" | "social-services-nhs-2009" => ENGLAND,
        "housing-ombudsman-2024" => About {
            ombudsman: HOUSING_OMBUDSMAN,
            ..ENGLAND
        },
        // Time limit and window: the 2020 model's public text, "within six months of: the event
        // … or finding out", stage 2 "within six months … or within two months of receiving
        // your stage 1 response (if this is later)" (SECONDARY, adopted word for word).
        "spso-mchp-2020" => About {
            nation: Nation::Scotland,
            short: "SPSO model",
            ombudsman: SPSO,
            time_limit_months: 6,
            time_limit_rule: "SPSO model: a complaint should normally be made within six months of the event or of finding out there is a reason to complain; later only in exceptional circumstances.",
            stage_1_window: SIX_MONTHS_OR_TWO_AFTER,
            open_extension: &[1],
            rules: &[
                (
                    0,
                    Response,
                    "SPSO model, stage 1: a decision in five working days or less, unless there are exceptional circumstances; Redress allows an extension to 10 working days in all.",
                ),
                (
                    1,
                    Acknowledgement,
                    "SPSO model, stage 2: acknowledge receipt within three working days.",
                ),
                (
                    1,
                    Response,
                    "SPSO model, stage 2: a full response normally within 20 working days; longer only with revised time limits told to the person.",
                ),
            ],
        },
        // Window: Ards and North Down's adopted text, the same words as Scotland's (SECONDARY).
        // Time limit: six months in other Northern Ireland bodies' procedures (SECONDARY; the
        // local government model's own words NOT VERIFIED) — six, the stricter of the two.
        "nipso-lg-mchp-2024" => About {
            nation: Nation::NorthernIreland,
            short: "NIPSO model",
            ombudsman: NIPSO,
            time_limit_months: 6,
            time_limit_rule: "NIPSO model: a complaint should normally be made within six months of the event or of finding out there is a reason to complain.",
            stage_1_window: SIX_MONTHS_OR_TWO_AFTER,
            open_extension: &[1],
            rules: &[
                (
                    0,
                    Response,
                    "NIPSO model, stage 1: a decision in 5 working days or less; an extension needs a reason and a revised date, no longer than 10 working days in total.",
                ),
                (
                    1,
                    Acknowledgement,
                    "NIPSO model, stage 2: acknowledge receipt within 3 working days.",
                ),
                (
                    1,
                    Response,
                    "NIPSO model, stage 2: a decision within 20 working days, unless there is clearly a good reason for more time; then the person is told why and a new date.",
                ),
            ],
        },
        // Time limit: 12 months from the matter or, if later, becoming aware of it (Citizens
        // Advice Wales; Cardiff, SECONDARY; reg 13's own words NOT VERIFIED). Stage 2's rules
        // for a longer period were NOT VERIFIED: an extension is recorded with its date and
        // reason, and the person must be told.
        "wales-social-services-2014" => About {
            nation: Nation::Wales,
            short: "2014 Welsh regulations",
            ombudsman: PSOW,
            time_limit_months: 12,
            time_limit_rule: "2014 Welsh regulations: a complaint should be made within 12 months of the matter or, if later, of becoming aware of it.",
            stage_1_window: None,
            open_extension: &[1],
            rules: &[
                (
                    0,
                    Acknowledgement,
                    "2014 Welsh regulations, reg 15(2): acknowledge not later than 2 working days after the day the complaint is received.",
                ),
                (
                    0,
                    Panel,
                    "2014 Welsh regulations, reg 16(3): any discussion must be held within 10 working days of the acknowledgement; in exceptional circumstances it may be later by agreement with the complainant (reg 16(4)).",
                ),
                (
                    0,
                    Response,
                    "2014 Welsh regulations, reg 16(5): written details of the resolution within 5 working days; Redress counts from the discussion.",
                ),
                (
                    1,
                    Response,
                    "2014 Welsh regulations, stage 2: the local authority must respond within 25 working days of the request for a formal investigation.",
                ),
            ],
        },
        // Time limit: "within 6 months … In exceptional circumstances, we may look at
        // complaints … later" (Neath Port Talbot, Carmarthenshire, SECONDARY).
        "psow-model-policy" => About {
            nation: Nation::Wales,
            short: "PSOW model policy",
            ombudsman: PSOW,
            time_limit_months: 6,
            time_limit_rule: "PSOW model policy (as adopted by Welsh bodies): a complaint should normally be made within 6 months; later in exceptional circumstances.",
            stage_1_window: None,
            open_extension: &[1],
            rules: &[
                (
                    0,
                    Response,
                    "PSOW model policy, stage 1 (as adopted by Welsh bodies): resolve within 10 working days.",
                ),
                (
                    1,
                    Acknowledgement,
                    "PSOW model policy, stage 2: acknowledge within 5 working days.",
                ),
                (
                    1,
                    Response,
                    "PSOW model policy, stage 2: a response usually within 20 working days; if not, the person is told in writing why, and a new date, before the deadline.",
                ),
            ],
        },
        _ => return None,
    })
}

/// The rule of step `kind` at stage `stage` (from 0) of `procedure`, in its own terms.
pub fn rule_of(procedure: &Procedure, stage: usize, kind: StepKind) -> Option<&'static str> {
    about(&procedure.id)?
        .rules
        .iter()
        .find(|(s, k, _)| *s == stage && *k == kind)
        .map(|(_, _, rule)| *rule)
}

/// Whether stage `stage`'s response may be put back to a revised date with no fixed limit.
pub fn open_extension(procedure: &Procedure, stage: usize) -> bool {
    about(&procedure.id).is_some_and(|about| about.open_extension.contains(&stage))
}

/// Months within which a complaint under `procedure` should be made (its own limit, or 12),
/// and the rule in its terms where it has its own.
pub fn time_limit_months(procedure: Option<&Procedure>) -> (u32, Option<&'static str>) {
    procedure.and_then(|p| about(&p.id)).map_or((12, None), |about| {
        (
            about.time_limit_months,
            Some(about.time_limit_rule).filter(|rule| !rule.is_empty()),
        )
    })
}

//! The complaint procedures of Scotland, Northern Ireland and Wales, version 1 of each, read
//! from the bodies' own texts where they could be read (`docs/research/nations-procedures.md`
//! holds every quotation, tagged PRIMARY, SECONDARY or NOT VERIFIED). No NOT VERIFIED figure is
//! here: where a source could not be read, the step is left out or the stricter documented
//! reading is taken, and the comment says so. Time limits for complaining, the windows counted
//! in months and the extensions with no fixed limit are in [`mod@super::about`].
//!
//! Every limit counts as the engine does: the N-th working day after the day it counts from,
//! that day not counted — the reading the Welsh regulations state outright ("not later than 2
//! working days after the day on which it receives it", reg 15(2)); the Scottish and Northern
//! Irish texts do not say, and Redress counts them the same way.

use super::built_in::{extended, step};
use super::{Anchor, Basis, Procedure, Stage, Step, StepKind};

/// Version 1 of one of these procedures; `None` for any other id.
pub(super) fn version_1(id: &str) -> Option<Procedure> {
    match id {
        "spso-mchp-2020" => Some(spso()),
        "nipso-lg-mchp-2024" => Some(nipso()),
        "wales-social-services-2014" => Some(wales_social_services()),
        "psow-model-policy" => Some(psow()),
        _ => None,
    }
}

fn stage(name: &str, description: &str, steps: Vec<Step>, next: &str) -> Stage {
    Stage {
        name: name.into(),
        description: description.into(),
        steps,
        next_stage_window: None,
        next: next.into(),
        complaint_statement: false,
    }
}

/// Scotland. SPSO, "How to handle complaints" (spso.org.uk, PRIMARY): every sector's model
/// has "Frontline response to complaints within five working days" and "An investigation stage
/// of 20 working days". The 2020 edition's public text (as adopted word for word by the
/// Scottish Commission on Social Security, SECONDARY): stage 1 "in five working days or less,
/// unless there are exceptional circumstances"; stage 2 "we will acknowledge receipt of your
/// complaint within three working days … normally within 20 working days. If our investigation
/// will take longer than 20 working days, we will tell you … our revised time limits". Social
/// work has used the model since 1 April 2017 (valuingcomplaints.org.uk, PRIMARY); the 2020
/// local authority edition combines the two.
///
/// Stage 1's extension: the model allows one "in exceptional circumstances"; the cap of 10
/// working days in all was NOT VERIFIED for Scotland (it is Northern Ireland's, whose model
/// follows Scotland's). Redress takes the stricter reading: 5 more working days, 10 in all; a
/// longer extension is flagged unless a good reason is recorded.
fn spso() -> Procedure {
    use Anchor::*;
    use StepKind::*;
    Procedure {
        id: "spso-mchp-2020".into(),
        version: 1,
        name: "Scottish Public Services Ombudsman Model Complaints Handling Procedure, 2020".into(),
        applies_to: "Scotland: councils (social work included), housing and the other public services".into(),
        stages: vec![
            stage(
                "Stage 1",
                "frontline response",
                vec![extended(step(Response, "response", 5, StageStart, Basis::Statutory), 5)],
                "stage 2 (investigation)",
            ),
            stage(
                "Stage 2",
                "investigation",
                vec![
                    step(Acknowledgement, "acknowledgement", 3, StageStart, Basis::Statutory),
                    step(Response, "response", 20, StageStart, Basis::Statutory),
                ],
                "the Scottish Public Services Ombudsman",
            ),
        ],
    }
}

/// Northern Ireland, local government. NIPSO, "Model Complaints Handling Procedures"
/// (nipso.org.uk, PRIMARY): "Stage One complaints should be dealt with by public bodies within 5
/// working days and Stage Two within 20 working days". Councils' adopted text (SECONDARY: Ards
/// and North Down; Mid and East Antrim, "updated in accordance with the Local Government Model
/// Complaints Handling Procedure"; Belfast): stage 2 "we will acknowledge receipt of your
/// complaint within 3 working days"; a stage 1 extension with "a reason … and a revised date no
/// longer than 10 working days in total from the date the complaint was registered"; stage 2
/// "no more than 20 working days unless there is clearly a good reason for needing more time",
/// then "explain why and advise a new date". Councils adopted it in October 2023, revised from
/// 1 January 2024.
fn nipso() -> Procedure {
    use Anchor::*;
    use StepKind::*;
    Procedure {
        id: "nipso-lg-mchp-2024".into(),
        version: 1,
        name: "Northern Ireland Public Services Ombudsman Model Complaints Handling Procedure (local government), 2024"
            .into(),
        applies_to: "Northern Ireland: councils and the other bodies that adopt it".into(),
        stages: vec![
            stage(
                "Stage 1",
                "frontline response",
                vec![extended(step(Response, "response", 5, StageStart, Basis::Statutory), 5)],
                "stage 2 (investigation)",
            ),
            stage(
                "Stage 2",
                "investigation",
                vec![
                    step(Acknowledgement, "acknowledgement", 3, StageStart, Basis::Statutory),
                    step(Response, "response", 20, StageStart, Basis::Statutory),
                ],
                "the Northern Ireland Public Services Ombudsman",
            ),
        ],
    }
}

/// Wales, local authority social services: the Social Services Complaints Procedure (Wales)
/// Regulations 2014, SI 2014/1794 (W. 187), in force 1 August 2014 (legislation.gov.uk, PRIMARY).
/// Reg 15(2): acknowledge "not later than 2 working days after the day on which it receives
/// it". Reg 16(3): any discussion "must be held within 10 working days of the date upon which the
/// local authority acknowledges receipt of the complaint"; 16(4): that limit "may, in exceptional
/// circumstances, be extended by agreement" (not counted by Redress: record the agreed date as a
/// note). Reg 16(5): written details of the resolution "within 5 working days of the date u…" —
/// the text read stops there; Redress counts from the discussion, the earliest the matter can be
/// resolved, so the date is never later than the regulation's. Stage 2: "The authority must
/// respond to the complainant within 25 working days of the request to move to this stage"
/// (Welsh Government, PRIMARY). Stage 2's acknowledgement, and any limit on asking for stage 2,
/// were NOT VERIFIED: Redress sets none.
fn wales_social_services() -> Procedure {
    use Anchor::*;
    use StepKind::*;
    Procedure {
        id: "wales-social-services-2014".into(),
        version: 1,
        name: "Social Services Complaints Procedure (Wales) Regulations 2014".into(),
        applies_to: "Wales: local authority social services, for children and adults".into(),
        stages: vec![
            stage(
                "Stage 1",
                "local resolution",
                vec![
                    step(Acknowledgement, "acknowledgement", 2, StageStart, Basis::Statutory),
                    step(Panel, "discussion", 10, Acknowledged, Basis::Statutory),
                    step(Response, "written resolution", 5, PanelHeld, Basis::Statutory),
                ],
                "stage 2 (formal investigation)",
            ),
            stage(
                "Stage 2",
                "formal investigation",
                vec![step(Response, "response", 25, StageStart, Basis::Statutory)],
                "the Public Services Ombudsman for Wales",
            ),
        ],
    }
}

/// Wales, public bodies other than social services: the Public Services Ombudsman for Wales's
/// model concerns and complaints policy. The model's own text could not be read; every figure is
/// from bodies that adopted it (SECONDARY). Stage 1: "We aim to resolve a Stage 1 complaint
/// within 10 working days" (Bro Myrddin). Stage 2: "You will receive an acknowledgment of your
/// Stage 2 complaint within 5 working days. … Usually a response … within 20 working days. Where
/// this is not possible you will be informed in writing of the reason for the delay before the
/// response deadline, together with the date you can expect to receive a full response" (Neath
/// Port Talbot); 20 working days is PSOW's own target (ombudsman.wales, PRIMARY). Some adopters
/// give 5 working days at stage 1: a body whose policy says so can define it in Settings.
fn psow() -> Procedure {
    use Anchor::*;
    use StepKind::*;
    Procedure {
        id: "psow-model-policy".into(),
        version: 1,
        name: "Public Services Ombudsman for Wales Model Concerns and Complaints Policy".into(),
        applies_to: "Wales: councils and other public bodies, apart from statutory social services complaints".into(),
        stages: vec![
            stage(
                "Stage 1",
                "informal resolution",
                vec![step(Response, "response", 10, StageStart, Basis::Statutory)],
                "stage 2 (formal investigation)",
            ),
            stage(
                "Stage 2",
                "formal investigation",
                vec![
                    step(Acknowledgement, "acknowledgement", 5, StageStart, Basis::Statutory),
                    step(Response, "response", 20, StageStart, Basis::Statutory),
                ],
                "the Public Services Ombudsman for Wales",
            ),
        ],
    }
}

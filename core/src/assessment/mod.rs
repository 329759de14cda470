//! Self-assessments: the NCMG good practice principles (2016), scored 0–3 area by area, and the
//! Ombudsman's Complaint Handling Code (2024), answered yes, partly or no — as Appendix A's ten
//! rows or provision by provision. The frameworks are data; scoring, progress, comparison,
//! reminders and the single-assessment file are plain functions over an [`Assessment`].

mod appendix_a;
pub mod compare;
mod complaint_handling_code;
pub mod file;
mod framework;
mod model;
mod ncmg;
pub mod review;
pub mod score;
mod start;

pub use framework::{
    CODE_2024, CODE_2024_DETAILED, Framework, FrameworkId, Item, NCMG_2016, Part, SCORE_MEANINGS, Scale,
};
pub use model::{Assessment, Entry, Follows, PlanItem};
pub use start::StartDraft;

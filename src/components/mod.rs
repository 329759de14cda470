//! Pieces of page shared by every page, after the GOV.UK Design System's components.

pub mod bar_chart;
pub mod confirm_delete;
pub mod conflict;
pub mod date_input;
pub mod deadlines;
pub mod draft;
pub mod error_summary;
pub mod event_form;
pub mod first_use;
pub mod form;
pub mod kept;
pub mod large_print;
pub mod layout;
pub mod not_found;
pub mod notice;
pub mod opening;
pub mod storage_banner;
pub mod summary_list;
pub mod sync_conflict;
pub mod tag;
pub mod team;
pub mod title;

//! One module a page. Pages read core data, render it, and turn events into core calls.

pub mod assessments;
pub mod calculator;
pub mod cases;
pub mod data;
pub mod my_work;
pub mod new_record;
pub mod not_found;
pub mod record;
pub mod records;
pub mod reports;
pub mod settings;

//! One module a page, grouped by area as the service navigation groups them. Pages read core
//! data, render it, and turn events into core calls.

pub mod advocacy;
pub mod assessments;
pub mod calculator;
pub mod lock;
pub mod my_work;
pub mod records;
pub mod reports;
pub mod settings;
pub mod sharing;

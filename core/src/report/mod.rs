//! Reports: the annual complaints report (Code 8.1; the 2006 and 2009 regulations) for a period
//! with earlier years beside it, and the regular update for the Member Responsible for
//! Complaints (Code 9.6, 9.7) for any range. Every figure is worked out here; a report is a list
//! of tables the app draws, charts and offers as CSV. No report holds a personal detail.

pub mod annual;
mod figures;
pub mod member;
mod period;
mod table;

pub use period::{END_FIELD, Period, PeriodDraft, START_FIELD, YEARS_OFFERED};
pub use table::{Bar, Cell, Row, Table, percent};

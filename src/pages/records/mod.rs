//! The records pages: the list with search and filters, a new record, and one record with the
//! forms for what happened, its intake, letters, escalation and deletion.

pub mod list;
pub mod new;
pub mod record;

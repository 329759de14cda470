//! Redress's domain: the rules every page shows but never works out itself.
//!
//! Working days and bank holidays ([`calendar`]), complaint procedures as data ([`procedure`]),
//! self-assessments against the NCMG principles and the Ombudsman's Code ([`assessment`]),
//! the deadlines a record owes ([`deadline`]), records and the checking of what a person typed
//! ([`record`]), settings ([`settings`]) and the versioned envelope that stored and exported data
//! share ([`exchange`]); two versions of one document compared ([`versions`]). Plain functions over plain data: no clock, no browser, no storage.

pub mod advocacy;
pub mod assessment;
pub mod calendar;
pub mod choice;
pub mod deadline;
pub mod exchange;
pub mod format;
pub mod letters;
pub mod problem;
pub mod procedure;
pub mod record;
pub mod report;
pub mod sample;
pub mod settings;
pub mod versions;
pub mod worklist;

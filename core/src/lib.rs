//! Redress's domain: the rules every page shows but never works out itself. Plain functions
//! over plain data: no clock, no browser, no storage.
//!
//! # Module map
//!
//! Every module of the core, and the files inside it, with what each holds; its own `//!` line
//! says more. Linked modules are public; the others are read in `core/src`.
//!
//! - [`advocacy`]: the advocate's workspace, a complaint made *to* another organisation.
//!   - `start`: starting a case: who is supported, the organisation, its procedure, when.
//!   - [`advocacy::letters`]: the complaint itself, a chaser, and the request for the next stage; sending one.
//!   - [`advocacy::next`]: what to do next: send, chase, ask for the next stage, or the Ombudsman.
//!   - [`advocacy::pack`]: the Ombudsman pack: a dated timeline, what was asked, what is left.
//! - [`assessment`]: self-assessments against the NCMG principles and the Ombudsman's Code.
//!   - `framework`: the frameworks as data: parts, items and the scale each is answered on.
//!   - `ncmg`: the NCMG good practice principles (2016) and their 41 areas, as published.
//!   - `complaint_handling_code`: the Complaint Handling Code (2024), every numbered provision, as published.
//!   - `appendix_a`: the ten rows of the Code's Appendix A.
//!   - `model`: one assessment as written: answers, action plans, conclusions and dates.
//!   - `start`: starting an assessment, blank or as a copy of the last one.
//!   - [`assessment::score`]: each part's total, what is left, every "no" and "partly".
//!   - [`assessment::compare`]: two assessments side by side: what went up and what went down.
//!   - [`assessment::review`]: an assessment's dates checked, and reviews due on My work.
//!   - [`assessment::file`]: an assessment read from a file, checked against its framework.
//! - [`calendar`]: working-day calendars, and counting working days after a day.
//!   - `bank_holidays`: the bank holidays of the UK's three divisions, worked out offline.
//!   - `easter`: Easter Sunday by computation.
//!   - `counting`: DOMAIN.md's counting rules: working days, months, receipts and pauses.
//! - [`choice`]: the [`choice::Coded`] trait every coded enum implements, and the stable kebab-case codes forms and stored data share.
//! - [`deadline`]: the deadlines a record owes, each with its status and its reason.
//!   - `engine`: every deadline of a stage, projected where its event is not yet recorded.
//!   - `status`: a deadline's status on a day: on track, due soon, overdue, met …
//!   - `explanation`: why a date is what it is, in words.
//!   - `calculator`: the deadline calculator's question, read from its link, and its form as typed.
//! - [`exchange`]: the versioned envelope that stored data and export files share.
//!   - [`exchange::restore`]: the one way in: open, migrate, read, then check the bounds.
//!   - `migrate`: one step per schema version for each kind of document.
//!   - [`exchange::file`]: the export file: everything, one record or one assessment.
//!   - [`exchange::merge`]: an imported file merged into the device's data, by id.
//!   - [`exchange::renumber`]: an imported record whose reference is used here gets a new one.
//!   - [`exchange::redact`]: redaction for sharing beyond the team: no names, no free text.
//!   - [`exchange::csv`]: CSV for spreadsheets, with formulas made safe.
//!   - [`exchange::pretty`]: indented JSON, laid out as `serde_json` lays it out.
//! - [`format`](mod@format): dates and times in words, the en-GB way; times on UK clocks (BST).
//! - [`lock`]: encryption at rest as data: the lock, sealed values, what stays plain.
//!   - [`lock::passphrase`]: a new passphrase typed twice, its checks and strength hint.
//!   - [`lock::recovery`]: the recovery key as shown once and as typed back.
//!   - [`lock::file`]: an export file protected with its own passphrase.
//! - [`order`]: sorting with one copy of the sorting code (the standard sort is copied for every closure).
//! - [`problem`]: one shape for whatever a check finds wrong in what a person typed.
//! - [`procedure`]: complaint procedures as data: stages, steps, limits and windows.
//!   - `built_in`: DOMAIN.md's procedures, each kept at every published version.
//!   - `custom`: the procedures an organisation defines for itself in Settings.
//!   - `reference`: how a record names its procedure, and the library of custom ones.
//! - [`record`]: records: every compliment, concern, service request and complaint.
//!   - `draft`: the New record form as typed, and the checks it must pass.
//!   - `date_input`: a GOV.UK date input read into a date, with the Design System's messages.
//!   - `reference`: human references such as `C-2026-0042`.
//!   - [`record::intake`]: intake and triage: who raised it, what they want, risk, acceptance.
//!   - [`record::intake_draft`]: the intake page as typed, and its task list.
//!   - `stage`: what has happened at each stage: the dates deadlines count from and are met by.
//!   - `events`: recording what happened at a stage, checked against the procedure.
//!   - `outcome`: outcomes, closing, reopening and escalating a concern, with their forms as typed.
//!   - [`record::casework`]: the correspondence log, remedies, actions and learning.
//!   - [`record::casework_edit`]: the casework forms as typed (`CorrespondenceDraft`, `RemedyDraft`…), each checked and written in the history.
//!   - `history`: the append-only history: who changed what, and when.
//!   - [`record::summary`]: what the record page shows in words: summary rows, remedy and action lines.
//!   - [`record::letters`]: letters drafted from a record: acknowledgement, extension, stage response.
//!   - [`record::ombudsman`]: the Ombudsman's stage: decision, recommendations, compliance.
//!   - [`record::deletion`]: the tombstone a deleted record leaves.
//!   - [`record::bounds`]: values that fit their type but not the domain, named by place.
//!   - [`record::search`]: finding records: search, filters, sorting and pagination.
//!     - `kept`: the list's rows as kept in storage between starts.
//! - [`report`]: the annual complaints report and the update for the Member Responsible.
//!   - [`report::annual`]: the annual report for a period, with earlier years beside it.
//!   - [`report::member`]: the regular update for the Member Responsible for Complaints.
//!   - `figures`: the figures more than one report needs.
//!   - `period`: the period a report covers, by default the financial year.
//!   - `table`: a report table: caption, headings, rows, and the numbers for a chart.
//! - [`sample`]: made-up records for exploring a new device, marked as samples.
//! - [`settings`]: the organisation's settings: its name, calendars, targets and procedures.
//! - [`sync`]: team sync through CouchDB: the replication protocol's rules, no I/O.
//!   - [`sync::rev`]: revisions (`N-hash`), `_revisions` as a path, a new revision minted here.
//!   - [`sync::tree`]: a document's revision tree: merging, leaves, the winner, conflicts.
//!   - [`sync::edit`]: an edit, a deletion and a conflict's resolution written on this device.
//!   - [`sync::diff`]: `_revs_diff`: which offered revisions this side lacks.
//!   - [`sync::local`]: this device's side: a document's tree and leaves kept, its changes feed.
//!   - [`sync::checkpoint`]: the `_local` checkpoints, the replication id, where to resume.
//!   - [`sync::plan`]: one replication as steps the app makes, retried after a growing wait.
//!   - [`sync::wire`]: CouchDB's JSON: the changes feed, `_bulk_get`, `_bulk_docs`, a document.
//!   - [`sync::receive`]: a document read from the server, applied or set aside by its id.
//!   - [`sync::reference`]: references that stay unique across a team's devices.
//! - [`versions`]: two versions of one document side by side: what differs, by place.
//! - [`worklist`]: My work: what is overdue and due soon, by handler; actions; reviews.

// The core never panics on what it is given; outside tests it neither unwraps nor expects.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod advocacy;
pub mod assessment;
pub mod calendar;
pub mod choice;
pub mod deadline;
pub mod exchange;
pub mod first_use;
pub mod format;
pub mod lock;
pub mod order;
pub mod problem;
pub mod procedure;
pub mod record;
pub mod report;
pub mod sample;
pub mod settings;
pub mod sync;
pub mod versions;
pub mod worklist;

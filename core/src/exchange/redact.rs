//! Redaction, for sharing beyond the team: every name, contact detail and piece of free text is
//! removed or replaced; what the figures are made of (kinds, dates, services, areas, subjects,
//! outcomes, stages, amounts, equality monitoring) is kept. Staff names become "Person 1",
//! "Person 2"… the same way throughout one export, so figures by handler still add up.

use crate::assessment::Assessment;
use crate::record::Record;
use crate::record::deletion::Deletion;
use crate::record::intake::Acceptance;
use std::collections::BTreeMap;

/// What replaces free text.
pub const REMOVED: &str = "[removed]";

/// Gives each staff name one stand-in for the whole export.
#[derive(Debug, Default)]
pub struct Pseudonyms(BTreeMap<String, String>);

impl Pseudonyms {
    pub fn name(&mut self, name: &str) -> String {
        let name = name.trim();
        if name.is_empty() || name == "Not recorded" {
            return name.to_string();
        }
        let next = self.0.len() + 1;
        self.0
            .entry(name.to_string())
            .or_insert_with(|| format!("Person {next}"))
            .clone()
    }
}

fn removed(text: &mut String) {
    if !text.trim().is_empty() {
        *text = REMOVED.into();
    }
}

fn cleared(text: &mut String) {
    text.clear();
}

/// A record with nothing that identifies anyone, nor anything anyone wrote.
pub fn redact_record(record: &Record, names: &mut Pseudonyms) -> Record {
    let mut r = record.clone();
    // Who they are and how to reach them goes; how they like to be contacted and the format
    // they need stay when they are one of the choices offered (not free text from a file).
    for person in std::iter::once(&mut r.person).chain(r.raised_by.as_mut()) {
        for detail in [
            &mut person.name,
            &mut person.address,
            &mut person.phone,
            &mut person.email,
        ] {
            cleared(detail);
        }
        if !crate::record::intake::CONTACT_METHODS.contains(&person.preferred_contact.as_str()) {
            cleared(&mut person.preferred_contact);
        }
        if !crate::record::person::FORMATS.contains(&person.format.as_str()) {
            cleared(&mut person.format);
        }
    }
    removed(&mut r.summary);
    let intake = &mut r.intake;
    cleared(&mut intake.advocate);
    removed(&mut intake.desired_outcome);
    for adjustment in &mut intake.adjustments {
        removed(&mut adjustment.what);
    }
    match &mut intake.acceptance {
        Acceptance::Accepted => {}
        Acceptance::AcceptedOutOfTime { reason } => removed(reason),
        Acceptance::NotAccepted { detail, .. } => removed(detail),
    }
    for stage in &mut r.stages {
        for person in [
            &mut stage.handler,
            &mut stage.investigating_officer,
            &mut stage.independent_person,
        ]
        .into_iter()
        .flatten()
        {
            *person = names.name(person);
        }
        for extension in &mut stage.extensions {
            removed(&mut extension.reason);
        }
        for pause in &mut stage.pauses {
            removed(&mut pause.reason);
        }
    }
    for letter in &mut r.correspondence {
        removed(&mut letter.note);
    }
    for remedy in &mut r.remedies {
        removed(&mut remedy.what);
        if let Some(not) = &mut remedy.not_deliverable {
            removed(&mut not.reason);
            removed(&mut not.alternative);
        }
    }
    for action in &mut r.actions {
        removed(&mut action.what);
        action.who = names.name(&action.who);
    }
    for restriction in &mut r.restrictions {
        removed(&mut restriction.what);
        removed(&mut restriction.why);
        restriction.decided_by = names.name(&restriction.decided_by);
    }
    for learning in &mut r.learning {
        removed(&mut learning.statement);
    }
    if let Some(feedback) = &mut r.feedback {
        removed(&mut feedback.comments);
    }
    if let Some(ombudsman) = &mut r.ombudsman {
        for recommendation in &mut ombudsman.recommendations {
            removed(&mut recommendation.what);
        }
    }
    if let Some(outgoing) = &mut r.outgoing {
        outgoing.advocate = names.name(&outgoing.advocate);
        removed(&mut outgoing.letter);
        cleared(&mut outgoing.organisation_address);
        let answers = &mut outgoing.answers;
        for text in [
            &mut answers.what_happened,
            &mut answers.when,
            &mut answers.who,
            &mut answers.impact,
            &mut answers.wanted,
            &mut answers.adjustments,
            &mut answers.contact,
        ] {
            removed(text);
        }
    }
    for entry in &mut r.history {
        entry.who = names.name(&entry.who);
        // History lines name people ("Acknowledged; handler Sam Officer"), so they go too.
        removed(&mut entry.what);
        if let Some(corrected) = &mut entry.corrected {
            removed(&mut corrected.from);
            removed(&mut corrected.to);
        }
    }
    r
}

/// An assessment is about the organisation, not a person; only action owners are named.
pub fn redact_assessment(assessment: &Assessment, names: &mut Pseudonyms) -> Assessment {
    let mut a = assessment.clone();
    for plan in a.plans.values_mut() {
        for item in plan {
            item.owner = names.name(&item.owner);
        }
    }
    a.updated_by = names.name(&a.updated_by);
    a
}

/// A tombstone says which record went and when; who deleted it becomes their stand-in, and why
/// (free text) is removed.
pub fn redact_deletion(deletion: &Deletion, names: &mut Pseudonyms) -> Deletion {
    let mut d = deletion.clone();
    d.who = names.name(&d.who);
    removed(&mut d.why);
    d
}

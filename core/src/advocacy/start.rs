//! Starting a case: who is supported, the organisation complained to, the procedure it follows
//! (or the likely one, when the person is not sure), and when it happened.

use super::Outgoing;
use crate::calendar::Nation;
use crate::problem::Problem;
use crate::procedure::Procedure;
use crate::record::{Change, DateInput, Record, RecordDraft};
use chrono::NaiveDate;

/// The procedure an organisation in `nation` most likely follows for a service, for "not sure":
/// in England, children's social care the 2006 regulations, adults' the 2009 ones, housing the
/// Housing Ombudsman's Code, otherwise the LGSCO Code; in Wales, social services the 2014
/// regulations, otherwise the PSOW model policy; in Scotland the SPSO model (every sector has
/// the same timescales, social work included); in Northern Ireland the NIPSO model.
pub fn likely_procedure(service: &str, nation: Nation) -> &'static str {
    let service = service.to_lowercase();
    let social = ["children", "adult", "social"]
        .iter()
        .any(|word| service.contains(word));
    match nation {
        Nation::Scotland => "spso-mchp-2020",
        Nation::NorthernIreland => "nipso-lg-mchp-2024",
        Nation::Wales if social => "wales-social-services-2014",
        Nation::Wales => "psow-model-policy",
        Nation::EnglandAndWales if service.contains("children") => "children-act-1989-2006",
        Nation::EnglandAndWales if service.contains("adult") => "social-services-nhs-2009",
        Nation::EnglandAndWales if service.contains("housing") => "housing-ombudsman-2024",
        Nation::EnglandAndWales => "lgsco-2024",
    }
}

/// The hint for "When did it happen?": the time limit for complaining in `nation`, and an
/// example of a date.
pub fn time_limit_hint(nation: Nation) -> &'static str {
    match nation {
        Nation::Scotland | Nation::NorthernIreland => {
            "Complaints should normally be made within 6 months of the event or of finding out. For example, 10 11 2025"
        }
        Nation::Wales => {
            "Complaints about social services should be made within 12 months; about other public bodies, normally within 6 months. For example, 10 11 2025"
        }
        Nation::EnglandAndWales => "Complaints should be made within 12 months. For example, 10 11 2025",
    }
}

/// What "Not sure" does, in words, for an organisation in `nation`.
pub fn not_sure_hint(nation: Nation) -> &'static str {
    match nation {
        Nation::Scotland => {
            "Redress uses the Scottish Public Services Ombudsman’s model procedure: every Scottish public service follows it, social work included."
        }
        Nation::NorthernIreland => {
            "Redress uses the Northern Ireland Public Services Ombudsman’s model procedure, which councils follow. Health and social care trusts have their own procedure: choose it or define it if you know it."
        }
        Nation::Wales => {
            "Redress uses the one the service most likely follows: social services, the 2014 Welsh regulations; otherwise the Public Services Ombudsman for Wales’s model policy."
        }
        Nation::EnglandAndWales => {
            "Redress uses the one the service most likely follows: children’s social care, the 2006 statutory procedure; adults’, the 2009 regulations; otherwise the Ombudsman’s Code."
        }
    }
}

/// The next case reference: "A-2026-0003" (A for advocacy), numbered per year; counted under
/// the device's tag once it has joined a team ("A-2026-K7-0003").
pub fn case_reference(today: NaiveDate, existing: &[Record], change: &Change) -> String {
    use chrono::Datelike;
    if let Some(tag) = &change.device_tag {
        return crate::sync::reference::next_tagged(
            "A",
            today.year(),
            tag,
            existing.iter().map(|r| r.reference.as_str()),
        );
    }
    let start = format!("A-{}-", today.year());
    let highest = existing
        .iter()
        .filter_map(|r| r.reference.strip_prefix(&start))
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{start}{:04}", highest.saturating_add(1))
}

/// The start form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseDraft {
    pub person: String,
    pub advocate: String,
    pub authority: DateInput,
    pub organisation: String,
    /// The organisation's postal address, for the letters (optional).
    pub organisation_address: String,
    pub service: String,
    /// A procedure id, or "not-sure".
    pub procedure: String,
    /// When it happened (or when the person found out).
    pub happened: DateInput,
    /// The nation of the organisation complained to, for "not sure": the advocate's own, from
    /// Settings.
    pub nation: Nation,
}

impl CaseDraft {
    /// The case as a record, or every problem with the form: its field "person",
    /// "organisation", "service", "procedure", "authority" or "happened" (a date names the
    /// boxes at fault).
    pub fn to_record(
        &self,
        id: &str,
        today: NaiveDate,
        procedures: &[Procedure],
        existing: &[Record],
        change: &Change,
    ) -> Result<Record, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut problem = |field: &str, message: &str| problems.push(Problem::new(field, message));
        if self.person.trim().is_empty() {
            problem("person", "Enter the name of the person the complaint is for");
        }
        if self.organisation.trim().is_empty() {
            problem("organisation", "Enter the organisation the complaint is to");
        }
        if self.service.trim().is_empty() {
            problem("service", "Select the service the complaint is about");
        }
        let procedure_id = if self.procedure == "not-sure" {
            likely_procedure(&self.service, self.nation).to_string()
        } else {
            self.procedure.clone()
        };
        let procedure = procedures.iter().find(|p| p.id == procedure_id);
        if procedure.is_none() {
            problem(
                "procedure",
                "Select the procedure the organisation follows, or “Not sure”",
            );
        }
        let mut date = |input: &DateInput, field: &'static str, label: &str| {
            if input.is_empty() {
                return None;
            }
            match input.parse(label, today) {
                Ok(date) => Some(date),
                Err(error) => {
                    problems.push(Problem::date(field, error));
                    None
                }
            }
        };
        let authority = date(&self.authority, "authority", "Date they agreed");
        let happened = date(&self.happened, "happened", "Date it happened");
        if !problems.is_empty() {
            return Err(problems);
        }
        let draft = RecordDraft {
            kind: "complaint".into(),
            received: DateInput::from_date(today),
            service: self.service.clone(),
            person_name: self.person.clone(),
            summary: format!("Complaint to {}", self.organisation.trim()),
            procedure: procedure_id,
            ..RecordDraft::default()
        };
        let mut record = draft
            .to_record(id.into(), change, today, procedures, &[])
            .map_err(|errors| {
                errors
                    .into_iter()
                    .map(|e| Problem::new("person", e.message))
                    .collect::<Vec<_>>()
            })?;
        record.issue_date = happened;
        record.reference = case_reference(today, existing, change);
        record.outgoing = Some(Outgoing {
            organisation: self.organisation.trim().into(),
            organisation_address: self.organisation_address.trim().into(),
            advocate: self.advocate.trim().into(),
            authority,
            ..Outgoing::default()
        });
        Ok(record)
    }
}

/// Records the complaint as sent on `when` with the letter as sent: the organisation's clock
/// starts there (stage 1 begins on the day sent), and the letter goes in the dated log. A date
/// that cannot be read names the letter page's `sent` input and its boxes at fault.
pub fn mark_sent(
    record: &Record,
    when: &DateInput,
    letter: &str,
    today: NaiveDate,
    change: &Change,
) -> Result<Record, Problem> {
    let sent = when
        .parse("Date sent", today)
        .map_err(|e| Problem::date(super::letters::SENT, e))?;
    let mut next = record.clone();
    next.received = sent;
    if let Some(stage) = next.stages.first_mut() {
        stage.started = sent;
    }
    if let Some(outgoing) = &mut next.outgoing {
        outgoing.sent = Some(sent);
        outgoing.letter = letter.to_string();
    }
    next.correspondence.push(crate::record::casework::Correspondence {
        date: sent,
        kind: crate::record::casework::CorrespondenceKind::Letter,
        note: format!("Complaint sent.\n\n{letter}"),
        letter: Some("complaint@1".into()),
    });
    next.history
        .push(change.entry(format!("Complaint sent on {}", crate::format::short_date(sent))));
    next.updated = change.at;
    Ok(next)
}

/// Saves one answer to the drafting questions. Answers are a draft, so they change the record's
/// time of change but add no line to its history.
pub fn set_answer(record: &Record, code: &str, text: &str, change: &Change) -> Record {
    let mut next = record.clone();
    if let Some(outgoing) = &mut next.outgoing {
        outgoing.answers.set(code, text.trim().to_string());
    }
    next.updated = change.at;
    next
}

//! The team's shared settings: one document in the team's database, `settings:team`, holding
//! everything on the Settings pages but the name of whoever uses a device — the organisation,
//! its nation and counting rules, closure days, targets, the services, areas, subjects and team
//! lists, and the library of its own procedures. A change on one device reaches every other.
//!
//! A device joining a team takes the team's settings rather than offering its own over them:
//! it notes its settings for the team only once it holds the team's document, or once a whole
//! pull has shown the database has none (the team's first device). Taking the team's settings
//! keeps this device's user name, and every procedure of its own library: records name a
//! procedure by id and version, so one dropped would leave them without deadlines. The union is
//! then sent back, so the team's library gains them too.
//!
//! When two devices change the settings while apart, CouchDB's winner is taken everywhere; the
//! other version stays on the server and in this device's notes, and is not shown to a person
//! yet (records changed on two devices are).

use crate::procedure::CustomProcedure;
use crate::settings::Settings;

/// The document's id in the team's database.
pub const DOC_ID: &str = "settings:team";

/// What a device shares: its settings without the name of whoever uses it.
pub fn shared(settings: &Settings) -> Settings {
    Settings {
        user_name: String::new(),
        ..settings.clone()
    }
}

/// The team's settings as this device keeps them: its own user name, and every procedure of its
/// library that the team's lacks (of a version both hold, the team's copy, retired or not).
pub fn taken_in(team: Settings, here: &Settings) -> Settings {
    let mut custom_procedures = team.custom_procedures;
    for own in &here.custom_procedures {
        if !custom_procedures.iter().any(|p| same_version(p, own)) {
            custom_procedures.push(own.clone());
        }
    }
    Settings {
        user_name: here.user_name.clone(),
        custom_procedures,
        ..team
    }
}

fn same_version(a: &CustomProcedure, b: &CustomProcedure) -> bool {
    a.procedure.id == b.procedure.id && a.procedure.version == b.procedure.version
}

/// Whether this device may offer its settings to the team: it holds the team's document, or a
/// whole pull found none there.
pub fn may_offer(holds_teams: bool, pulled_whole: bool, saved_here: bool) -> bool {
    saved_here && (holds_teams || pulled_whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_procedure(id: &str, version: u32) -> CustomProcedure {
        let mut procedure: CustomProcedure = serde_json::from_value(serde_json::json!({
            "id": id, "version": version, "name": id, "applies_to": "any", "stages": []
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        procedure.retired = false;
        procedure
    }

    #[test]
    fn the_team_settings_keep_the_user_and_every_procedure_here() {
        let here = Settings {
            user_name: "Sam Patel".into(),
            organisation_name: "Here".into(),
            custom_procedures: vec![with_procedure("custom-a", 1), with_procedure("custom-b", 2)],
            ..Settings::default()
        };
        let mut team = shared(&here);
        assert_eq!(team.user_name, "", "a person's name is not shared");
        team.organisation_name = "The team".into();
        team.custom_procedures = vec![with_procedure("custom-a", 1), with_procedure("custom-c", 1)];
        let kept = taken_in(team, &here);
        assert_eq!(kept.user_name, "Sam Patel");
        assert_eq!(kept.organisation_name, "The team");
        let ids: Vec<(String, u32)> = kept
            .custom_procedures
            .iter()
            .map(|p| (p.procedure.id.clone(), p.procedure.version))
            .collect();
        assert_eq!(
            ids,
            [("custom-a".into(), 1), ("custom-c".into(), 1), ("custom-b".into(), 2)],
            "once each, none lost"
        );
    }

    #[test]
    fn a_device_offers_its_settings_only_once_it_knows_the_teams() {
        assert!(!may_offer(false, false, true), "joining: the team's first");
        assert!(may_offer(false, true, true), "the database had none");
        assert!(may_offer(true, false, true));
        assert!(!may_offer(true, true, false), "never saved here: nothing of its own");
    }
}

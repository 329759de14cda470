//! The team in Settings: the names handlers are chosen from, typed one a line; settings
//! stored before the team was kept read whole, with no team.

use redress_core::exchange::restore;
use redress_core::settings::{Settings, SettingsDraft, same_name};
use serde_json::Value;
use std::path::Path;

/// Settings as stored by the release before the team (a schema-2 store document).
fn stored_before_the_team() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store-schema-2/settings.json");
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn settings_stored_before_the_team_read_whole_with_no_team() {
    let text = stored_before_the_team();
    let settings = restore::settings(&text).unwrap().data;
    assert!(settings.team.is_empty());
    assert_eq!(settings.user_name, "Sam Officer");
    let old: Value = serde_json::from_str::<Value>(&text).unwrap()["data"].clone();
    assert_eq!(
        serde_json::to_value(&settings).unwrap(),
        old,
        "every setting arrives, and none is added while the team is empty"
    );
    // And the plain document reads too, as an import's settings would.
    let plain: Settings = serde_json::from_value(old).unwrap();
    assert_eq!(plain, settings);
}

#[test]
fn the_team_is_typed_one_a_line_each_name_once() {
    let draft = SettingsDraft {
        team: "Ann Handler\n\n  bo   baker \nann handler\nBo Baker\nCy Clerk".into(),
        ..SettingsDraft::from_settings(&Settings::default())
    };
    let settings = draft.apply(&Settings::default()).unwrap();
    assert_eq!(settings.team, ["Ann Handler", "bo baker", "Cy Clerk"]);
    assert_eq!(
        SettingsDraft::from_settings(&settings).team,
        "Ann Handler\nbo baker\nCy Clerk"
    );
    let stored = serde_json::to_string(&settings).unwrap();
    assert_eq!(serde_json::from_str::<Settings>(&stored).unwrap().team, settings.team);
}

#[test]
fn handlers_are_chosen_from_the_team_and_the_user_and_kept_as_the_team_spells_them() {
    let settings = Settings {
        user_name: "Sam Officer".into(),
        team: vec!["Ann Handler".into(), "sam officer".into(), "Bo Baker".into()],
        ..Settings::default()
    };
    assert_eq!(settings.team_names(), ["Ann Handler", "sam officer", "Bo Baker"]);
    let alone = Settings {
        user_name: "Sam Officer".into(),
        ..Settings::default()
    };
    assert_eq!(alone.team_names(), ["Sam Officer"]);
    assert_eq!(settings.known_name("  ann   HANDLER"), "Ann Handler");
    assert_eq!(
        settings.known_name(" Dee Locum "),
        "Dee Locum",
        "someone else may be named"
    );
    assert!(same_name("Ann  Handler", "ann handler") && !same_name("Ann", "Ann Handler"));
}

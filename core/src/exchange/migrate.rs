//! Bringing data written by an older schema up to this one, one version at a time. Each step
//! takes the JSON of version n and returns version n + 1; the steps run in order from the file's
//! version. Schema 1 is the first version, so there is no step yet: the chain is where the next
//! change to the stored shape adds its step, with a fixture file of the old version to test it.

use super::SCHEMA_VERSION;
use serde_json::{Map, Value};

type Step = fn(&mut Map<String, Value>);

/// `STEPS[i]` turns version i + 1 into version i + 2.
const STEPS: &[Step] = &[];
const _: () = assert!(
    STEPS.len() as u32 + 1 == SCHEMA_VERSION,
    "one step for each version before this one"
);

/// Migrates `object`, written by schema `from`, to this build's schema.
pub fn migrate(object: &mut Map<String, Value>, from: u32) -> Result<(), String> {
    if from == 0 {
        return Err("0 is not a schema version Redress has written".into());
    }
    for step in STEPS.iter().skip(from as usize - 1) {
        step(object);
    }
    object.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    Ok(())
}

//! How a record names the procedure it is handled under, and the organisation's library of custom
//! procedures that such a name points into. A built-in is named by id, version and the local
//! targets in force when the record was made (its definition depends on them); a custom procedure
//! by id and version, kept once per version in Settings; anything else stays a full copy, so no
//! stored definition is ever lost or changed by being named.

use super::{LocalTargets, Procedure, built_in_version, targets_of};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The procedure a record is handled under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ProcedureRef {
    /// A built-in procedure at a published version, made with these targets.
    BuiltIn {
        id: String,
        version: u32,
        targets: LocalTargets,
    },
    /// A version of one of the organisation's own procedures, kept in Settings.
    Custom { id: String, version: u32 },
    /// A definition that is neither (an older or changed built-in, or a custom procedure from
    /// before the library), kept whole.
    Copy(Procedure),
}

/// One version of a procedure the organisation defined for itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CustomProcedure {
    #[serde(flatten)]
    pub procedure: Procedure,
    /// Removed from the choices in Settings while records still name it: kept, so those
    /// records keep their deadlines, but not offered for new ones.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
}

impl ProcedureRef {
    /// How a record made now names `procedure`: a built-in by reference when making it again
    /// from its id, version and targets gives exactly this definition; a custom procedure
    /// (`custom-…`, chosen from the library) by id and version; otherwise a copy.
    pub fn naming(procedure: &Procedure) -> ProcedureRef {
        let targets = targets_of(procedure);
        if built_in_version(&procedure.id, procedure.version, &targets).as_ref() == Some(procedure) {
            return ProcedureRef::BuiltIn {
                id: procedure.id.clone(),
                version: procedure.version,
                targets,
            };
        }
        if procedure.id.starts_with("custom-") {
            return ProcedureRef::Custom {
                id: procedure.id.clone(),
                version: procedure.version,
            };
        }
        ProcedureRef::Copy(procedure.clone())
    }

    /// The procedure's id, known without looking anything up.
    pub fn id(&self) -> &str {
        match self {
            ProcedureRef::BuiltIn { id, .. } | ProcedureRef::Custom { id, .. } => id,
            ProcedureRef::Copy(procedure) => &procedure.id,
        }
    }

    /// The version named (a copy's own version).
    pub fn version(&self) -> u32 {
        match self {
            ProcedureRef::BuiltIn { version, .. } | ProcedureRef::Custom { version, .. } => *version,
            ProcedureRef::Copy(procedure) => procedure.version,
        }
    }

    /// The definition named, from the built-ins or from `library`; `None` when it names a
    /// version this build does not know or a custom procedure missing from the library.
    pub fn resolve<'a>(&'a self, library: &'a [CustomProcedure]) -> Option<Cow<'a, Procedure>> {
        match self {
            ProcedureRef::BuiltIn { id, version, targets } => built_in_version(id, *version, targets).map(Cow::Owned),
            ProcedureRef::Custom { id, version } => library
                .iter()
                .find(|entry| entry.procedure.id == *id && entry.procedure.version == *version)
                .map(|entry| Cow::Borrowed(&entry.procedure)),
            ProcedureRef::Copy(procedure) => Some(Cow::Borrowed(procedure)),
        }
    }

    /// The same procedure as a self-contained copy, for a file going to a device whose library
    /// may not hold it (a one-record export, a redacted export without settings).
    pub fn embedded(&self, library: &[CustomProcedure]) -> ProcedureRef {
        match self {
            ProcedureRef::Custom { .. } => self
                .resolve(library)
                .map_or_else(|| self.clone(), |p| ProcedureRef::Copy(p.into_owned())),
            other => other.clone(),
        }
    }
}

/// The current version of each custom procedure still offered: for the choice lists.
pub fn current_custom(library: &[CustomProcedure]) -> Vec<Procedure> {
    let mut current: Vec<&Procedure> = Vec::new();
    for entry in library.iter().filter(|entry| !entry.retired) {
        match current.iter_mut().find(|p| p.id == entry.procedure.id) {
            Some(found) if found.version < entry.procedure.version => *found = &entry.procedure,
            Some(_) => {}
            None => current.push(&entry.procedure),
        }
    }
    current.into_iter().cloned().collect()
}

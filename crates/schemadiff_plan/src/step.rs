//! A plan step: one DDL action on one object, with its phase and dependencies.

use crate::action::Action;
use crate::hazard::Hazard;
use schemadiff_model::{ObjectId, SourceSpan};
use serde::Serialize;

/// Coarse ordering class; ties between independent steps are broken by
/// (phase, object), so the same input always gives the same plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Drops run first when nothing orders them otherwise.
    Drop,
    Rename,
    Schema,
    Extension,
    Collation,
    Type,
    EnumValue,
    Sequence,
    Table,
    AlterTable,
    SequenceOwner,
    ForeignKey,
    NotValidConstraint,
    Validate,
    Index,
    View,
    Function,
    Trigger,
    RowSecurity,
    Policy,
    Grant,
    Comment,
    Verbatim,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::Drop => "drops",
            Phase::Rename => "renames",
            Phase::Schema => "schemas",
            Phase::Extension => "extensions",
            Phase::Collation => "collations",
            Phase::Type => "types",
            Phase::Sequence => "sequences",
            Phase::EnumValue => "enum values",
            Phase::Table => "tables",
            Phase::AlterTable => "table changes",
            Phase::SequenceOwner => "sequence ownership",
            Phase::ForeignKey => "foreign keys",
            Phase::NotValidConstraint => "NOT VALID constraints",
            Phase::Validate => "validations",
            Phase::Index => "indexes",
            Phase::View => "views",
            Phase::Function => "functions",
            Phase::Trigger => "triggers",
            Phase::RowSecurity => "row-level security",
            Phase::Policy => "policies",
            Phase::Grant => "grants",
            Phase::Comment => "comments",
            Phase::Verbatim => "statements kept verbatim",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// Position in the plan, from 1.
    pub id: usize,
    pub phase: Phase,
    pub object: ObjectId,
    /// Domain folder that declares the object.
    pub domain: String,
    #[serde(flatten)]
    pub action: Action,
    /// Ids of earlier steps this one needs.
    pub depends_on: Vec<usize>,
    pub source: Option<SourceSpan>,
    pub hazards: Vec<Hazard>,
    /// False for steps PostgreSQL refuses inside a transaction block
    /// (`CREATE INDEX CONCURRENTLY`, enum values used in the same plan).
    pub transactional: bool,
}

/// An ordered list of steps.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {
    pub steps: Vec<Step>,
}

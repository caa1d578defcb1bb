//! A plan step: one DDL action on one object, with its phase and dependencies.

use crate::hazard::Hazard;
use schemadiff_model::{
    Comment, Constraint, Extension, Function, Grant, Index, ObjectId, Policy, QualifiedName,
    Schema, Sequence, SourceSpan, Table, Trigger, UserType, VerbatimStatement, View,
};
use serde::Serialize;

/// What a step does. Objects are carried whole so SQL can be rendered from the step alone.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    CreateSchema(Schema),
    CreateExtension(Extension),
    CreateType(UserType),
    CreateSequence(Sequence),
    /// `ALTER SEQUENCE ... OWNED BY`, once the owning table exists.
    SetSequenceOwner(Sequence),
    /// The table with its columns and non-foreign-key constraints.
    CreateTable(Table),
    /// A constraint added after its table (foreign keys: they may form cycles).
    AddConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    CreateIndex(Index),
    CreateView(View),
    CreateFunction(Function),
    CreateTrigger(Trigger),
    SetRowSecurity {
        table: QualifiedName,
        enabled: bool,
        forced: bool,
    },
    CreatePolicy(Policy),
    Grant(Grant),
    Comment(Comment),
    Verbatim(VerbatimStatement),
}

/// Coarse ordering class; ties between independent steps are broken by
/// (phase, object), so the same input always gives the same plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Schema,
    Extension,
    Type,
    Sequence,
    Table,
    SequenceOwner,
    ForeignKey,
    NotValidConstraint,
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
            Phase::Schema => "schemas",
            Phase::Extension => "extensions",
            Phase::Type => "types",
            Phase::Sequence => "sequences",
            Phase::Table => "tables",
            Phase::SequenceOwner => "sequence ownership",
            Phase::ForeignKey => "foreign keys",
            Phase::NotValidConstraint => "NOT VALID constraints",
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

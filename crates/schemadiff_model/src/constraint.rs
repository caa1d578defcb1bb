//! Primary key, unique, foreign key, check and exclusion constraints.

use crate::expr::Expr;
use crate::ident::{Ident, QualifiedName};
use crate::meta::ObjectMeta;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Constraint {
    pub name: Ident,
    /// True when PostgreSQL would have generated the name (none was written).
    pub name_generated: bool,
    pub kind: ConstraintKind,
    pub deferrable: Deferrable,
    /// `NOT VALID`: existing rows are not checked (FK and CHECK only).
    pub not_valid: bool,
    #[serde(skip)]
    pub meta: ObjectMeta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Deferrable {
    #[default]
    No,
    InitiallyImmediate,
    InitiallyDeferred,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ConstraintKind {
    PrimaryKey {
        columns: Vec<Ident>,
        include: Vec<Ident>,
    },
    Unique {
        columns: Vec<Ident>,
        include: Vec<Ident>,
        nulls_not_distinct: bool,
    },
    ForeignKey(ForeignKey),
    Check {
        expr: Expr,
        no_inherit: bool,
    },
    Exclusion {
        method: String,
        /// `element WITH operator` pairs as SQL text.
        elements: Vec<(String, String)>,
        predicate: Option<Expr>,
    },
}

impl ConstraintKind {
    pub fn label(&self) -> &'static str {
        match self {
            ConstraintKind::PrimaryKey { .. } => "primary key",
            ConstraintKind::Unique { .. } => "unique",
            ConstraintKind::ForeignKey(_) => "foreign key",
            ConstraintKind::Check { .. } => "check",
            ConstraintKind::Exclusion { .. } => "exclusion",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForeignKey {
    pub columns: Vec<Ident>,
    pub ref_table: QualifiedName,
    /// Empty until resolved to the referenced table's primary key.
    pub ref_columns: Vec<Ident>,
    pub on_delete: FkAction,
    pub on_update: FkAction,
    pub match_full: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FkAction {
    #[default]
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

impl FkAction {
    pub fn sql(self) -> &'static str {
        match self {
            FkAction::NoAction => "NO ACTION",
            FkAction::Restrict => "RESTRICT",
            FkAction::Cascade => "CASCADE",
            FkAction::SetNull => "SET NULL",
            FkAction::SetDefault => "SET DEFAULT",
        }
    }
}

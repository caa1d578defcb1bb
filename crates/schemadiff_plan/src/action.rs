//! What a step does: one DDL statement's worth of intent, rendered to SQL by
//! `schemadiff_render::sql`.

use schemadiff_diff::EnumPosition;
use schemadiff_model::{
    Collation, Column, Comment, CompositeAttribute, Constraint, Deferrable, Expr, Extension,
    Function, Grant, Ident, Identity, Index, ObjectId, Policy, QualifiedName, Schema, Sequence,
    Table, Trigger, TypeName, UserType, VerbatimStatement, View,
};
use serde::Serialize;

/// What a step does. Objects are carried whole (creates) or by name (drops, alters) so
/// SQL can be rendered from the step alone.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    CreateSchema(Schema),
    DropSchema {
        name: Ident,
    },
    CreateExtension(Extension),
    DropExtension {
        name: Ident,
    },
    /// `ALTER EXTENSION ... UPDATE [TO version]`.
    AlterExtension {
        name: Ident,
        version: Option<String>,
    },

    CreateCollation(Collation),
    DropCollation {
        name: QualifiedName,
    },

    CreateType(UserType),
    DropType {
        name: QualifiedName,
    },
    RenameType {
        from: QualifiedName,
        to: Ident,
    },
    /// `ALTER TYPE ... ADD VALUE`: PostgreSQL refuses to use the label in the transaction
    /// that added it, so the step is non-transactional.
    AddEnumValue {
        ty: QualifiedName,
        value: String,
        position: EnumPosition,
    },
    /// Composite attributes added, dropped or retyped, in one `ALTER TYPE`.
    AlterComposite {
        name: QualifiedName,
        drop: Vec<Ident>,
        add: Vec<CompositeAttribute>,
        alter: Vec<CompositeAttribute>,
    },
    AlterDomain {
        name: QualifiedName,
        change: DomainChange,
    },

    CreateSequence(Sequence),
    DropSequence {
        name: QualifiedName,
    },
    /// Options changed: `to` holds the desired options, only those that differ from
    /// `from` are written.
    AlterSequence {
        from: Box<Sequence>,
        to: Box<Sequence>,
    },
    /// `ALTER SEQUENCE ... OWNED BY`, once the owning table exists.
    SetSequenceOwner(Sequence),

    /// The table with its columns and non-foreign-key constraints.
    CreateTable(Table),
    DropTable {
        name: QualifiedName,
    },
    RenameTable {
        from: QualifiedName,
        to: Ident,
    },
    AddColumn {
        table: QualifiedName,
        column: Column,
    },
    DropColumn {
        table: QualifiedName,
        column: Ident,
    },
    RenameColumn {
        table: QualifiedName,
        from: Ident,
        to: Ident,
    },
    /// One `ALTER TABLE ... ALTER COLUMN` clause.
    AlterColumn {
        table: QualifiedName,
        column: Ident,
        change: ColumnChange,
    },
    /// A constraint added to a table; `constraint.not_valid` writes `NOT VALID`.
    AddConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    /// `ADD CONSTRAINT name {PRIMARY KEY | UNIQUE} USING INDEX name`: the index was
    /// built concurrently under the constraint's name.
    AddConstraintUsingIndex {
        table: QualifiedName,
        name: Ident,
        primary_key: bool,
        deferrable: Deferrable,
    },
    /// `ADD CONSTRAINT name CHECK (column IS NOT NULL) NOT VALID`: the first step of
    /// SET NOT NULL on an existing table (a validated check spares SET NOT NULL its scan).
    AddNotNullCheck {
        table: QualifiedName,
        column: Ident,
        name: Ident,
    },
    ValidateConstraint {
        table: QualifiedName,
        name: Ident,
    },
    DropConstraint {
        table: QualifiedName,
        name: Ident,
    },
    RenameConstraint {
        table: QualifiedName,
        from: Ident,
        to: Ident,
    },
    SetRowSecurity {
        table: QualifiedName,
        enabled: bool,
        forced: bool,
    },
    /// Row-level security of an existing table, both switches written out.
    AlterRowSecurity {
        table: QualifiedName,
        enabled: bool,
        forced: bool,
    },
    SetLogged {
        table: QualifiedName,
        unlogged: bool,
    },
    SetTableOptions {
        table: QualifiedName,
        set: Vec<String>,
        reset: Vec<String>,
    },

    CreateIndex(Index),
    /// `CREATE [UNIQUE] INDEX CONCURRENTLY`: cannot run in a transaction block.
    CreateIndexConcurrently(Index),
    DropIndex {
        name: QualifiedName,
    },
    RenameIndex {
        from: QualifiedName,
        to: Ident,
    },

    CreateView(View),
    DropView {
        name: QualifiedName,
        materialized: bool,
    },

    CreateFunction(Function),
    /// `CREATE OR REPLACE` of the files' definition.
    ReplaceFunction(Function),
    DropFunction {
        procedure: bool,
        name: QualifiedName,
        /// Canonical argument types, e.g. `integer, text`.
        args: String,
    },

    CreateTrigger(Trigger),
    DropTrigger {
        table: QualifiedName,
        name: Ident,
    },

    CreatePolicy(Policy),
    AlterPolicy(Policy),
    DropPolicy {
        table: QualifiedName,
        name: Ident,
    },

    Grant(Grant),
    /// Takes away `privileges` (only those) from the grantee.
    Revoke(Grant),
    Comment(Comment),
    /// `COMMENT ON ... IS NULL`.
    RemoveComment(ObjectId),
    Verbatim(VerbatimStatement),
}

/// One `ALTER COLUMN` clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ColumnChange {
    /// `TYPE t [COLLATE c] [USING c::t]`.
    Type {
        ty: TypeName,
        collation: Option<QualifiedName>,
        /// None when PostgreSQL converts implicitly (collation change only).
        using: Option<UsingCast>,
    },
    SetDefault(Expr),
    DropDefault,
    SetNotNull,
    DropNotNull,
    AddIdentity(Identity),
    DropIdentity,
    /// `SET GENERATED {ALWAYS|BY DEFAULT}` and/or sequence options as written.
    SetIdentity {
        always: Option<bool>,
        options: Option<String>,
    },
    /// `DROP EXPRESSION`: a generated column becomes a plain one, keeping its values.
    DropExpression,
}

/// How `ALTER COLUMN ... TYPE` converts existing values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UsingCast {
    /// `USING c::t`.
    Direct,
    /// `USING c::text::t`: between enum types, which have no cast to each other.
    ViaText,
}

/// One `ALTER DOMAIN` action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum DomainChange {
    SetDefault(Expr),
    DropDefault,
    SetNotNull,
    DropNotNull,
    AddCheck { name: Ident, expr: Expr },
    DropCheck { name: Ident },
}

/// What kind of change a step makes, for summaries and the plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    Create,
    Alter,
    Drop,
    Rename,
}

impl Operation {
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Create => "create",
            Operation::Alter => "alter",
            Operation::Drop => "drop",
            Operation::Rename => "rename",
        }
    }
}

impl Action {
    pub fn operation(&self) -> Operation {
        use Action::*;
        match self {
            CreateSchema(_)
            | CreateExtension(_)
            | CreateCollation(_)
            | CreateType(_)
            | CreateSequence(_)
            | CreateTable(_)
            | AddColumn { .. }
            | AddConstraint { .. }
            | AddConstraintUsingIndex { .. }
            | AddNotNullCheck { .. }
            | CreateIndex(_)
            | CreateIndexConcurrently(_)
            | CreateView(_)
            | CreateFunction(_)
            | CreateTrigger(_)
            | CreatePolicy(_)
            | Grant(_)
            | Comment(_)
            | Verbatim(_) => Operation::Create,
            DropSchema { .. }
            | DropExtension { .. }
            | DropCollation { .. }
            | DropType { .. }
            | DropSequence { .. }
            | DropTable { .. }
            | DropColumn { .. }
            | DropConstraint { .. }
            | DropIndex { .. }
            | DropView { .. }
            | DropFunction { .. }
            | DropTrigger { .. }
            | DropPolicy { .. }
            | Revoke(_)
            | RemoveComment(_) => Operation::Drop,
            RenameType { .. }
            | RenameTable { .. }
            | RenameColumn { .. }
            | RenameConstraint { .. }
            | RenameIndex { .. } => Operation::Rename,
            AlterExtension { .. }
            | AddEnumValue { .. }
            | AlterComposite { .. }
            | AlterDomain { .. }
            | AlterSequence { .. }
            | SetSequenceOwner(_)
            | AlterColumn { .. }
            | ValidateConstraint { .. }
            | SetRowSecurity { .. }
            | AlterRowSecurity { .. }
            | SetLogged { .. }
            | SetTableOptions { .. }
            | ReplaceFunction(_)
            | AlterPolicy(_) => Operation::Alter,
        }
    }
}

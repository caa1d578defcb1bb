//! The typed changes between two catalogs: the contract between `diff` and `plan`.
//!
//! Every change carries whole objects (the current one for drops, the desired one for
//! creates, both for alters) so the planner can order it and the renderer can write its
//! SQL without looking anything up. A definition PostgreSQL cannot alter in place is a
//! drop plus a create of the same identity; the planner orders the drop first.

use schemadiff_model::{
    Collation, Column, Comment, Constraint, Extension, Function, Grant, Ident, Index, ObjectId,
    Policy, QualifiedName, Schema, Sequence, Table, Trigger, UserType, View,
};
use serde::Serialize;

/// Where a new enum label goes (`ALTER TYPE ... ADD VALUE 'x' BEFORE|AFTER 'y'`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EnumPosition {
    /// Appended at the end.
    Last,
    Before(String),
    After(String),
}

/// One typed change. Desired objects are taken from the files' static catalog when it
/// has them (so SQL is written as the files have it) and from the canonical catalog
/// otherwise; comparison always uses the canonical catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    CreateSchema(Schema),
    DropSchema(Schema),

    CreateExtension(Extension),
    DropExtension(Extension),
    /// `ALTER EXTENSION ... UPDATE TO`.
    AlterExtension {
        from: Extension,
        to: Extension,
    },

    CreateCollation(Collation),
    DropCollation(Collation),

    CreateType(UserType),
    DropType(UserType),
    /// `ALTER TYPE ... ADD VALUE` (cannot be used in the transaction that adds it).
    AddEnumValue {
        ty: QualifiedName,
        value: String,
        position: EnumPosition,
    },
    /// Labels removed or reordered: the safe strategy (rename the old type, create the
    /// new one, convert the columns through text, drop the old one) is the planner's.
    RecreateEnum {
        from: UserType,
        to: UserType,
        /// Columns `(table, column)` of the current catalog that use the type.
        columns: Vec<(QualifiedName, Ident)>,
    },
    /// Domain default / not null / checks, or composite attributes, changed in place.
    AlterType {
        from: UserType,
        to: UserType,
    },

    CreateSequence(Sequence),
    DropSequence(Sequence),
    /// Options (increment, min/max, start, cache, cycle, type) or ownership changed.
    AlterSequence {
        from: Sequence,
        to: Sequence,
    },

    /// The table with its columns and the constraints it is created with; foreign keys
    /// and NOT VALID constraints come as separate `AddConstraint` changes.
    CreateTable(Table),
    DropTable(Table),
    RenameTable {
        from: QualifiedName,
        to: QualifiedName,
    },
    AddColumn {
        table: QualifiedName,
        column: Column,
    },
    DropColumn {
        table: QualifiedName,
        column: Column,
    },
    RenameColumn {
        table: QualifiedName,
        from: Ident,
        to: Ident,
    },
    /// Type, collation, default, not null, identity or generation changed; the planner
    /// and renderer split it into the ALTER COLUMN actions needed.
    AlterColumn {
        table: QualifiedName,
        from: Column,
        to: Column,
    },
    AddConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    DropConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    RenameConstraint {
        table: QualifiedName,
        from: Ident,
        to: Ident,
    },
    /// A NOT VALID constraint that the files want valid, same definition otherwise.
    ValidateConstraint {
        table: QualifiedName,
        name: Ident,
    },
    SetRowSecurity {
        table: QualifiedName,
        enabled: bool,
        forced: bool,
    },
    /// `ALTER TABLE ... SET LOGGED | SET UNLOGGED`.
    SetLogged {
        table: QualifiedName,
        unlogged: bool,
    },
    /// Storage parameters: `SET (a=1)` / `RESET (b)`.
    SetTableOptions {
        table: QualifiedName,
        set: Vec<String>,
        reset: Vec<String>,
    },

    CreateIndex(Index),
    DropIndex(Index),
    RenameIndex {
        from: QualifiedName,
        to: QualifiedName,
    },

    /// Views and materialized views. A changed view is a drop plus a create; views that
    /// use a changed column, type or function are dropped and recreated too.
    CreateView(View),
    DropView(View),

    CreateFunction(Function),
    DropFunction(Function),
    /// `CREATE OR REPLACE` (same identity, same return type and argument names).
    ReplaceFunction {
        from: Function,
        to: Function,
    },

    CreateTrigger(Trigger),
    DropTrigger(Trigger),

    CreatePolicy(Policy),
    DropPolicy(Policy),
    /// `ALTER POLICY` (roles, USING, WITH CHECK); command or permissiveness changes are a
    /// drop plus a create.
    AlterPolicy {
        from: Policy,
        to: Policy,
    },

    /// Privileges to add: `grant.privileges` holds only the new ones.
    Grant(Grant),
    /// Privileges to take away: `grant.privileges` holds only the removed ones.
    Revoke(Grant),

    SetComment(Comment),
    /// `COMMENT ON ... IS NULL`.
    RemoveComment(ObjectId),
}

/// Everything that differs between two catalogs, in a deterministic order (by kind,
/// then identity); the planner decides the execution order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ChangeSet {
    pub changes: Vec<Change>,
}

impl ChangeSet {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

//! Test helpers: catalogs from SQL text (through the static loader) and one-line
//! summaries of changes.

use crate::{diff, Change, DiffInput};
use schemadiff_model::Catalog;
use schemadiff_parse::{load_sources, SourceFile};

pub(crate) fn catalog(sql: &str) -> Catalog {
    let loaded = load_sources(vec![SourceFile {
        path: "test.sql".into(),
        domain: "test".to_string(),
        text: sql.into(),
    }]);
    loaded.catalog
}

/// The changes from `from` to `to`, both static catalogs.
pub(crate) fn diff_sql(from: &str, to: &str) -> Vec<Change> {
    let (cur, des) = (catalog(from), catalog(to));
    diff(DiffInput {
        current: &cur,
        desired: &des,
        source: None,
    })
    .changes
}

/// `kind identity` per change, e.g. `add_column public.t.a`.
pub(crate) fn names(changes: &[Change]) -> Vec<String> {
    changes.iter().map(name).collect()
}

pub(crate) fn name(c: &Change) -> String {
    use Change::*;
    match c {
        CreateSchema(s) => format!("create_schema {}", s.name),
        DropSchema(s) => format!("drop_schema {}", s.name),
        CreateExtension(e) => format!("create_extension {}", e.name),
        DropExtension(e) => format!("drop_extension {}", e.name),
        AlterExtension { to, .. } => format!("alter_extension {}", to.name),
        CreateCollation(c) => format!("create_collation {}", c.name),
        DropCollation(c) => format!("drop_collation {}", c.name),
        CreateType(t) => format!("create_type {}", t.name),
        DropType(t) => format!("drop_type {}", t.name),
        AddEnumValue {
            ty,
            value,
            position,
        } => {
            format!("add_enum_value {ty} {value} {position:?}")
        }
        RecreateEnum { to, columns, .. } => format!("recreate_enum {} {columns:?}", to.name),
        AlterType { to, .. } => format!("alter_type {}", to.name),
        CreateSequence(s) => format!("create_sequence {}", s.name),
        DropSequence(s) => format!("drop_sequence {}", s.name),
        AlterSequence { to, .. } => format!("alter_sequence {}", to.name),
        CreateTable(t) => format!("create_table {}", t.name),
        DropTable(t) => format!("drop_table {}", t.name),
        RenameTable { from, to } => format!("rename_table {from} {to}"),
        AddColumn { table, column } => format!("add_column {table}.{}", column.name),
        DropColumn { table, column } => format!("drop_column {table}.{}", column.name),
        RenameColumn { table, from, to } => format!("rename_column {table}.{from} {to}"),
        AlterColumn { table, to, .. } => format!("alter_column {table}.{}", to.name),
        AddConstraint { table, constraint } => {
            format!("add_constraint {table}.{}", constraint.name)
        }
        DropConstraint { table, constraint } => {
            format!("drop_constraint {table}.{}", constraint.name)
        }
        RenameConstraint { table, from, to } => format!("rename_constraint {table}.{from} {to}"),
        ValidateConstraint { table, name } => format!("validate_constraint {table}.{name}"),
        SetRowSecurity {
            table,
            enabled,
            forced,
        } => format!("set_row_security {table} {enabled} {forced}"),
        SetLogged { table, unlogged } => format!("set_logged {table} {unlogged}"),
        SetTableOptions { table, set, reset } => {
            format!("set_table_options {table} {set:?} {reset:?}")
        }
        CreateIndex(i) => format!("create_index {}", i.name),
        DropIndex(i) => format!("drop_index {}", i.name),
        RenameIndex { from, to } => format!("rename_index {from} {to}"),
        CreateView(v) => format!("create_view {}", v.name),
        DropView(v) => format!("drop_view {}", v.name),
        CreateFunction(f) => format!("create_function {}({})", f.name, f.signature()),
        DropFunction(f) => format!("drop_function {}({})", f.name, f.signature()),
        ReplaceFunction { to, .. } => format!("replace_function {}({})", to.name, to.signature()),
        CreateTrigger(t) => format!("create_trigger {} on {}", t.name, t.table),
        DropTrigger(t) => format!("drop_trigger {} on {}", t.name, t.table),
        CreatePolicy(p) => format!("create_policy {} on {}", p.name, p.table),
        DropPolicy(p) => format!("drop_policy {} on {}", p.name, p.table),
        AlterPolicy { to, .. } => format!("alter_policy {} on {}", to.name, to.table),
        Grant(g) => format!("grant {} {}", g.on, g.grantee),
        Revoke(g) => format!("revoke {} {}", g.on, g.grantee),
        SetComment(c) => format!("set_comment {}", c.on),
        RemoveComment(on) => format!("remove_comment {on}"),
    }
}

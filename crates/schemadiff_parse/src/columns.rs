//! Checks that the columns constraints and indexes name exist in their tables.
//! Tables whose columns come from elsewhere (partitions, inheritance children) are
//! skipped: their full column list is only known to the server.

use crate::diagnostic::{Code, Diagnostic};
use crate::pending::Pending;
use schemadiff_model::{
    Catalog, ConstraintKind, Ident, Index, IndexTarget, ObjectMeta, QualifiedName, Table,
};

pub fn check_columns(catalog: &Catalog, diags: &mut Vec<Diagnostic>, pending: &Pending) {
    // Read-only and per table: big catalogs are checked on every core.
    let tables: Vec<&Table> = catalog.tables.values().filter(|t| complete(t)).collect();
    diags.extend(crate::parallel::collect_each(
        &tables,
        2_000,
        |table, found| check_table(catalog, table, found, pending),
    ));
    let indexes: Vec<&Index> = catalog.indexes.values().collect();
    diags.extend(crate::parallel::collect_each(
        &indexes,
        4_000,
        |index, found| check_index(catalog, index, found, pending),
    ));
}

fn complete(t: &Table) -> bool {
    t.partition_of.is_none() && t.inherits.is_empty()
}

fn check_table(catalog: &Catalog, table: &Table, diags: &mut Vec<Diagnostic>, pending: &Pending) {
    for c in table.constraints.values() {
        let (own, referenced): (Vec<&Ident>, Option<(&QualifiedName, &Vec<Ident>)>) = match &c.kind
        {
            ConstraintKind::PrimaryKey { columns, include }
            | ConstraintKind::Unique {
                columns, include, ..
            } => (columns.iter().chain(include).collect(), None),
            ConstraintKind::ForeignKey(fk) => (
                fk.columns.iter().collect(),
                Some((&fk.ref_table, &fk.ref_columns)),
            ),
            _ => (Vec::new(), None),
        };
        // Built only when a column is missing (almost never).
        let what = || format!("constraint {} on {}", c.name, table.name);
        for col in own {
            report_missing(table, col, &what, &c.meta, diags, pending);
        }
        if let Some((ref_table, ref_columns)) = referenced {
            if let Some(target) = catalog.tables.get(ref_table).filter(|t| complete(t)) {
                for col in ref_columns {
                    report_missing(target, col, &what, &c.meta, diags, pending);
                }
            }
        }
    }
}

fn check_index(catalog: &Catalog, index: &Index, diags: &mut Vec<Diagnostic>, pending: &Pending) {
    let Some(table) = catalog.tables.get(&index.table).filter(|t| complete(t)) else {
        return;
    };
    let what = || format!("index {}", index.name);
    let keys = index.keys.iter().filter_map(|k| match &k.target {
        IndexTarget::Column(c) => Some(c),
        IndexTarget::Expression(_) => None,
    });
    for col in keys.chain(&index.include) {
        report_missing(table, col, &what, &index.meta, diags, pending);
    }
}

fn report_missing(
    table: &Table,
    column: &Ident,
    what: &dyn Fn() -> String,
    meta: &ObjectMeta,
    diags: &mut Vec<Diagnostic>,
    pending: &Pending,
) {
    if table.column(column).is_some() {
        return;
    }
    let mut d = Diagnostic::error(
        Code::UndefinedReference,
        format!(
            "{} names column {column}, which table {} does not have",
            what(),
            table.name
        ),
    )
    .with_help(format!(
        "declare `{column}` in the CREATE TABLE of {}, or fix the column name",
        table.name
    ));
    if let Some(loc) = meta.origin.span().and_then(|s| pending.location_of(s)) {
        d = d.at(loc, "unknown column");
    }
    diags.push(d);
}

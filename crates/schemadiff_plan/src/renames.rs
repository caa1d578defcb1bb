//! Drops that look like renames: a table dropped while a table of the same columns is
//! created, or a column dropped while one of the same type is added to the same table,
//! with no `-- schemadiff:renamed-from` saying so. The drop step carries
//! `possible-rename`: applying it loses the data a rename would have kept.

use schemadiff_diff::{Change, ChangeSet};
use schemadiff_model::{ObjectId, QualifiedName, Table, TypeName};
use std::collections::{BTreeSet, HashMap};

type Shape = BTreeSet<(String, TypeName)>;

fn shape(t: &Table) -> Shape {
    t.columns
        .iter()
        .map(|c| (c.name.as_str().to_string(), c.ty.clone()))
        .collect()
}

/// Dropped object -> message naming what it may have been renamed to.
pub(crate) fn possible_renames(changes: &ChangeSet) -> HashMap<ObjectId, String> {
    let mut created: HashMap<Shape, Vec<&QualifiedName>> = HashMap::new();
    let mut added: HashMap<(&QualifiedName, &TypeName), Vec<&str>> = HashMap::new();
    for c in &changes.changes {
        match c {
            Change::CreateTable(t) if !t.columns.is_empty() => {
                created.entry(shape(t)).or_default().push(&t.name);
            }
            Change::AddColumn { table, column } => {
                added
                    .entry((table, &column.ty))
                    .or_default()
                    .push(column.name.as_str());
            }
            _ => {}
        }
    }
    let mut out = HashMap::new();
    if created.is_empty() && added.is_empty() {
        return out;
    }
    for c in &changes.changes {
        match c {
            Change::DropTable(t) if !t.columns.is_empty() => {
                if let Some(names) = created.get(&shape(t)) {
                    let to: Vec<String> = names.iter().map(|n| n.to_string()).collect();
                    out.insert(
                        ObjectId::table(t.name.clone()),
                        format!(
                            "table {} is dropped while {} with the same columns is created: if it \
                             was renamed, write `-- schemadiff:renamed-from {}` on the new table \
                             to keep its rows",
                            t.name,
                            to.join(", "),
                            t.name.name
                        ),
                    );
                }
            }
            Change::DropColumn { table, column } => {
                if let Some(names) = added.get(&(table, &column.ty)) {
                    out.insert(
                        ObjectId::Column {
                            table: table.clone(),
                            column: column.name.clone(),
                        },
                        format!(
                            "column {table}.{} is dropped while {} of the same type is added: if it \
                             was renamed, write `-- schemadiff:renamed-from {}` on the new column \
                             to keep its values",
                            column.name,
                            names.join(", "),
                            column.name
                        ),
                    );
                }
            }
            _ => {}
        }
    }
    out
}

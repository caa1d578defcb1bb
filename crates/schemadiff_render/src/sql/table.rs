//! CREATE TABLE, column definitions, and constraint clauses.

use super::names::{id, list, qn, type_sql};
use schemadiff_model::{Column, Constraint, ConstraintKind, Deferrable, QualifiedName, Table};

pub fn create_table(t: &Table) -> String {
    let mut elements: Vec<String> = t.columns.iter().map(column_definition).collect();
    elements.extend(
        t.constraints
            .values()
            .map(|c| format!("CONSTRAINT {} {}", id(&c.name), constraint_body(c))),
    );
    let unlogged = if t.unlogged { "UNLOGGED " } else { "" };
    let mut out = format!("CREATE {unlogged}TABLE {}", qn(&t.name));
    if let Some(p) = &t.partition_of {
        out.push_str(&format!(" PARTITION OF {}", qn(&p.parent)));
        if !elements.is_empty() {
            out.push_str(&format!(" (\n    {}\n)", elements.join(",\n    ")));
        }
        out.push_str(&format!(" {}", p.bound));
    } else if elements.is_empty() {
        out.push_str(" ()");
    } else {
        out.push_str(&format!(" (\n    {}\n)", elements.join(",\n    ")));
    }
    if !t.inherits.is_empty() {
        out.push_str(&format!(
            " INHERITS ({})",
            t.inherits.iter().map(qn).collect::<Vec<_>>().join(", ")
        ));
    }
    if let Some(pb) = &t.partition_by {
        let strategy = match pb.strategy {
            schemadiff_model::PartitionStrategy::Range => "RANGE",
            schemadiff_model::PartitionStrategy::List => "LIST",
            schemadiff_model::PartitionStrategy::Hash => "HASH",
        };
        out.push_str(&format!(
            " PARTITION BY {strategy} ({})",
            pb.keys.join(", ")
        ));
    }
    if !t.options.is_empty() {
        out.push_str(&format!(" WITH ({})", t.options.join(", ")));
    }
    out
}

/// A column for a partition is only its options; for other tables the full definition.
pub fn column_definition(c: &Column) -> String {
    let mut out = format!("{} {}", id(&c.name), type_sql(&c.ty));
    if let Some(coll) = &c.collation {
        out.push_str(&format!(" COLLATE {}", qn(coll)));
    }
    if let Some(g) = &c.generated {
        out.push_str(&format!(" GENERATED ALWAYS AS ({}) STORED", g.sql));
    }
    if let Some(ident) = &c.identity {
        let kind = if ident.always { "ALWAYS" } else { "BY DEFAULT" };
        out.push_str(&format!(" GENERATED {kind} AS IDENTITY"));
        if let Some(opts) = &ident.options {
            out.push_str(&format!(" ({opts})"));
        }
    }
    if let Some(d) = &c.default {
        out.push_str(&format!(" DEFAULT {}", d.sql));
    }
    if c.not_null && c.identity.is_none() {
        out.push_str(" NOT NULL");
    }
    out
}

/// The part after `CONSTRAINT name`.
pub fn constraint_body(c: &Constraint) -> String {
    let mut out = match &c.kind {
        ConstraintKind::PrimaryKey { columns, include } => {
            format!("PRIMARY KEY ({}){}", list(columns), include_clause(include))
        }
        ConstraintKind::Unique {
            columns,
            include,
            nulls_not_distinct,
        } => {
            let nnd = if *nulls_not_distinct {
                " NULLS NOT DISTINCT"
            } else {
                ""
            };
            format!("UNIQUE{nnd} ({}){}", list(columns), include_clause(include))
        }
        ConstraintKind::ForeignKey(fk) => {
            let mut s = format!(
                "FOREIGN KEY ({}) REFERENCES {}",
                list(&fk.columns),
                qn(&fk.ref_table)
            );
            if !fk.ref_columns.is_empty() {
                s.push_str(&format!(" ({})", list(&fk.ref_columns)));
            }
            if fk.match_full {
                s.push_str(" MATCH FULL");
            }
            if fk.on_update != schemadiff_model::FkAction::NoAction {
                s.push_str(&format!(" ON UPDATE {}", fk.on_update.sql()));
            }
            if fk.on_delete != schemadiff_model::FkAction::NoAction {
                s.push_str(&format!(" ON DELETE {}", fk.on_delete.sql()));
            }
            s
        }
        ConstraintKind::Check { expr, no_inherit } => {
            format!(
                "CHECK ({}){}",
                expr.sql,
                if *no_inherit { " NO INHERIT" } else { "" }
            )
        }
        ConstraintKind::Exclusion {
            method,
            elements,
            predicate,
        } => {
            let els = elements
                .iter()
                .map(|(e, op)| format!("{e} WITH {op}"))
                .collect::<Vec<_>>()
                .join(", ");
            let mut s = format!("EXCLUDE USING {method} ({els})");
            if let Some(p) = predicate {
                s.push_str(&format!(" WHERE ({})", p.sql));
            }
            s
        }
    };
    match c.deferrable {
        Deferrable::No => {}
        Deferrable::InitiallyImmediate => out.push_str(" DEFERRABLE"),
        Deferrable::InitiallyDeferred => out.push_str(" DEFERRABLE INITIALLY DEFERRED"),
    }
    out
}

fn include_clause(include: &[schemadiff_model::Ident]) -> String {
    if include.is_empty() {
        String::new()
    } else {
        format!(" INCLUDE ({})", list(include))
    }
}

pub fn add_constraint(table: &QualifiedName, c: &Constraint) -> String {
    let not_valid = if c.not_valid { " NOT VALID" } else { "" };
    format!(
        "ALTER TABLE {} ADD CONSTRAINT {} {}{not_valid}",
        qn(table),
        id(&c.name),
        constraint_body(c)
    )
}

pub fn row_security(table: &QualifiedName, enabled: bool, forced: bool) -> String {
    let mut parts = Vec::new();
    if enabled {
        parts.push(format!(
            "ALTER TABLE {} ENABLE ROW LEVEL SECURITY",
            qn(table)
        ));
    }
    if forced {
        parts.push(format!(
            "ALTER TABLE {} FORCE ROW LEVEL SECURITY",
            qn(table)
        ));
    }
    parts.join(";\n")
}

//! ALTER TABLE: columns, constraints (NOT VALID, VALIDATE, USING INDEX), logging,
//! storage options and row-level security switches.

use super::names::{id, qn, type_sql};
use super::table::column_definition;
use schemadiff_model::{Column, Deferrable, Ident, QualifiedName};
use schemadiff_plan::{ColumnChange, UsingCast};

fn alter_table(table: &QualifiedName) -> String {
    format!("ALTER TABLE {}", qn(table))
}

pub fn add_column(table: &QualifiedName, c: &Column) -> String {
    format!("{} ADD COLUMN {}", alter_table(table), column_definition(c))
}

pub fn drop_column(table: &QualifiedName, c: &Ident) -> String {
    format!("{} DROP COLUMN {}", alter_table(table), id(c))
}

pub fn rename_column(table: &QualifiedName, from: &Ident, to: &Ident) -> String {
    format!(
        "{} RENAME COLUMN {} TO {}",
        alter_table(table),
        id(from),
        id(to)
    )
}

pub fn alter_column(table: &QualifiedName, column: &Ident, change: &ColumnChange) -> String {
    let head = format!("{} ALTER COLUMN {}", alter_table(table), id(column));
    match change {
        ColumnChange::Type {
            ty,
            collation,
            using,
        } => {
            let mut out = format!("{head} TYPE {}", type_sql(ty));
            if let Some(c) = collation {
                out.push_str(&format!(" COLLATE {}", qn(c)));
            }
            match using {
                Some(UsingCast::Direct) => {
                    out.push_str(&format!(" USING {}::{}", id(column), type_sql(ty)))
                }
                Some(UsingCast::ViaText) => {
                    let text = if ty.array_dims > 0 { "text[]" } else { "text" };
                    out.push_str(&format!(" USING {}::{text}::{}", id(column), type_sql(ty)))
                }
                None => {}
            }
            out
        }
        ColumnChange::SetDefault(e) => format!("{head} SET DEFAULT {}", e.sql),
        ColumnChange::DropDefault => format!("{head} DROP DEFAULT"),
        ColumnChange::SetNotNull => format!("{head} SET NOT NULL"),
        ColumnChange::DropNotNull => format!("{head} DROP NOT NULL"),
        ColumnChange::AddIdentity(i) => {
            let kind = if i.always { "ALWAYS" } else { "BY DEFAULT" };
            let mut out = format!("{head} ADD GENERATED {kind} AS IDENTITY");
            if let Some(opts) = &i.options {
                out.push_str(&format!(" ({opts})"));
            }
            out
        }
        ColumnChange::DropIdentity => format!("{head} DROP IDENTITY"),
        ColumnChange::SetIdentity { always, options } => {
            let mut out = head;
            if let Some(a) = always {
                let kind = if *a { "ALWAYS" } else { "BY DEFAULT" };
                out.push_str(&format!(" SET GENERATED {kind}"));
            }
            for opt in options.as_deref().map(identity_options).unwrap_or_default() {
                out.push_str(&format!(" SET {opt}"));
            }
            out
        }
        ColumnChange::DropExpression => format!("{head} DROP EXPRESSION"),
    }
}

/// Splits identity options as written (`START WITH 10 INCREMENT BY 5 NO CYCLE`) into
/// one option each, for `SET option` clauses.
pub fn identity_options(opts: &str) -> Vec<String> {
    const STARTS: [&str; 8] = [
        "START",
        "INCREMENT",
        "MINVALUE",
        "MAXVALUE",
        "CACHE",
        "CYCLE",
        "NO",
        "RESTART",
    ];
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut after_no = false;
    for word in opts.split_whitespace() {
        let upper = word.to_ascii_uppercase();
        let starts = STARTS.contains(&upper.as_str()) && !after_no;
        if starts || out.is_empty() {
            out.push(vec![word]);
        } else if let Some(last) = out.last_mut() {
            last.push(word);
        }
        after_no = upper == "NO";
    }
    out.into_iter()
        // `AS type` and `SEQUENCE NAME` cannot be changed with SET.
        .filter(|o| {
            !o.first()
                .is_some_and(|w| w.eq_ignore_ascii_case("as") || w.eq_ignore_ascii_case("sequence"))
        })
        .map(|o| o.join(" "))
        .collect()
}

pub fn add_not_null_check(table: &QualifiedName, column: &Ident, name: &Ident) -> String {
    format!(
        "{} ADD CONSTRAINT {} CHECK ({} IS NOT NULL) NOT VALID",
        alter_table(table),
        id(name),
        id(column)
    )
}

pub fn add_constraint_using_index(
    table: &QualifiedName,
    name: &Ident,
    primary_key: bool,
    deferrable: Deferrable,
) -> String {
    let kind = if primary_key { "PRIMARY KEY" } else { "UNIQUE" };
    let mut out = format!(
        "{} ADD CONSTRAINT {} {kind} USING INDEX {}",
        alter_table(table),
        id(name),
        id(name)
    );
    match deferrable {
        Deferrable::No => {}
        Deferrable::InitiallyImmediate => out.push_str(" DEFERRABLE"),
        Deferrable::InitiallyDeferred => out.push_str(" DEFERRABLE INITIALLY DEFERRED"),
    }
    out
}

pub fn validate_constraint(table: &QualifiedName, name: &Ident) -> String {
    format!("{} VALIDATE CONSTRAINT {}", alter_table(table), id(name))
}

pub fn drop_constraint(table: &QualifiedName, name: &Ident) -> String {
    format!("{} DROP CONSTRAINT {}", alter_table(table), id(name))
}

pub fn rename_constraint(table: &QualifiedName, from: &Ident, to: &Ident) -> String {
    format!(
        "{} RENAME CONSTRAINT {} TO {}",
        alter_table(table),
        id(from),
        id(to)
    )
}

pub fn set_logged(table: &QualifiedName, unlogged: bool) -> String {
    let what = if unlogged { "UNLOGGED" } else { "LOGGED" };
    format!("{} SET {what}", alter_table(table))
}

/// `SET (a=1)` and `RESET (b)` in one statement.
pub fn set_options(table: &QualifiedName, set: &[String], reset: &[String]) -> String {
    let mut parts = Vec::new();
    if !set.is_empty() {
        parts.push(format!("SET ({})", set.join(", ")));
    }
    if !reset.is_empty() {
        parts.push(format!("RESET ({})", reset.join(", ")));
    }
    format!("{} {}", alter_table(table), parts.join(", "))
}

/// Row-level security switched on or off (and forced or not) on an existing table.
pub fn alter_row_security(table: &QualifiedName, enabled: bool, forced: bool) -> String {
    let e = if enabled { "ENABLE" } else { "DISABLE" };
    let f = if forced { "FORCE" } else { "NO FORCE" };
    format!(
        "{t} {e} ROW LEVEL SECURITY, {f} ROW LEVEL SECURITY",
        t = alter_table(table)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_options_split_per_option() {
        assert_eq!(
            identity_options("START WITH 10 INCREMENT BY 5 NO CYCLE no maxvalue CACHE 3"),
            vec![
                "START WITH 10",
                "INCREMENT BY 5",
                "NO CYCLE",
                "no maxvalue",
                "CACHE 3"
            ]
        );
        assert_eq!(identity_options("AS bigint START 1"), vec!["START 1"]);
    }
}

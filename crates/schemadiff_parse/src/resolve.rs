//! The pass after all files are read: applies ALTER TABLE effects, expands serial
//! columns, names unnamed constraints and indexes as PostgreSQL would, fills in
//! implied foreign-key columns, and reports references to objects defined nowhere.

use crate::convert::schema::is_builtin_schema;
use crate::convert::using_index;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::pending::{AlterEffect, Expect, Pending, Reference, UnnamedConstraint};
use schemadiff_model::names::{index_column_names, name_addition, NameSpace, SchemaNames};
use schemadiff_model::types::extension_types;
use schemadiff_model::{
    quote, Catalog, ConstraintKind, Expr, Ident, ObjectRef, QualifiedName, RefKind, Sequence,
};
use std::collections::{BTreeMap, BTreeSet};

/// Well-known extensions and the types they bring.
const KNOWN_EXTENSIONS: [&str; 7] = [
    "postgis", "vector", "citext", "hstore", "ltree", "cube", "isn",
];

/// The extension that provides a type name, if a well-known one does.
pub fn extension_providing(type_name: &str) -> Option<&'static str> {
    KNOWN_EXTENSIONS
        .into_iter()
        .find(|e| extension_types(e).contains(&type_name))
}

pub fn run(catalog: &mut Catalog, diags: &mut Vec<Diagnostic>, pending: &mut Pending) {
    apply_alters(catalog, diags, pending);
    crate::convert::collation::resolve_unqualified(catalog);
    let mut names = ReservedNames::default();
    expand_serials(catalog, pending, &mut names);
    name_constraints(catalog, diags, pending, &mut names);
    name_indexes(catalog, diags, pending, &mut names);
    fill_fk_columns(catalog, diags, pending);
    check_references(catalog, diags, &pending.references, &pending.broken);
    crate::columns::check_columns(catalog, diags, pending);
}

fn apply_alters(catalog: &mut Catalog, diags: &mut Vec<Diagnostic>, pending: &mut Pending) {
    for alter in std::mem::take(&mut pending.alters) {
        // A missing table is reported by the reference check.
        let Some(table) = catalog.tables.get_mut(&alter.table) else {
            continue;
        };
        match alter.effect {
            AlterEffect::AddConstraint(c) => {
                if table.constraints.contains_key(&c.name) {
                    diags.push(
                        Diagnostic::error(
                            Code::DuplicateObject,
                            format!("constraint {} on {} is defined twice", c.name, alter.table),
                        )
                        .at(alter.location, "added again here")
                        .with_help("constraint names must be unique per table"),
                    );
                } else {
                    if let ConstraintKind::ForeignKey(fk) = &c.kind {
                        pending.references.push(Reference {
                            expect: Expect::Table,
                            name: fk.ref_table.clone(),
                            location: alter.location.clone(),
                            context: format!("foreign key on {}", alter.table),
                        });
                    }
                    table.constraints.insert(c.name.clone(), c);
                }
            }
            AlterEffect::AddUnnamedConstraint(u) => {
                if let ConstraintKind::ForeignKey(fk) = &u.constraint.kind {
                    pending.references.push(Reference {
                        expect: Expect::Table,
                        name: fk.ref_table.clone(),
                        location: alter.location.clone(),
                        context: format!("foreign key on {}", alter.table),
                    });
                }
                pending.unnamed_constraints.push(u)
            }
            AlterEffect::AddConstraintUsingIndex(using) => {
                if let Err(d) = using_index::adopt(catalog, &alter.table, using, alter.location) {
                    diags.push(*d);
                }
            }
            AlterEffect::Rls(enable, force) => {
                if let Some(e) = enable {
                    table.rls_enabled = e;
                }
                if let Some(f) = force {
                    table.rls_forced = f;
                }
            }
            AlterEffect::NotNull(column, value) => match table.column_mut(&column) {
                Some(c) => c.not_null = value,
                None => diags.push(missing_column(&alter.table, &column, alter.location)),
            },
            AlterEffect::Default(column, value) => match table.column_mut(&column) {
                Some(c) => c.default = value,
                None => diags.push(missing_column(&alter.table, &column, alter.location)),
            },
        }
    }
}

fn missing_column(table: &QualifiedName, column: &Ident, location: Location) -> Diagnostic {
    Diagnostic::error(
        Code::UndefinedReference,
        format!("column {column} does not exist in table {table}"),
    )
    .at(location, "refers to an undeclared column")
    .with_help(format!(
        "declare `{column}` in the CREATE TABLE of {table}, or fix the name"
    ))
}

/// Names already taken in each schema, so generated names avoid them. A schema's names
/// are gathered the first time a name is generated in it; from then on every name
/// added to that schema is chosen (and reserved) here. Schemas where everything is
/// named explicitly are never gathered.
#[derive(Default)]
struct ReservedNames {
    schemas: BTreeMap<Ident, SchemaNames>,
}

impl ReservedNames {
    fn schema(&mut self, catalog: &Catalog, schema: &Ident) -> &mut SchemaNames {
        self.schemas
            .entry(schema.clone())
            .or_insert_with(|| gather(catalog, schema))
    }
}

/// The relation and constraint names `schema` already holds.
fn gather(catalog: &Catalog, schema: &Ident) -> SchemaNames {
    let mut names = SchemaNames::default();
    let relations = in_schema(&catalog.tables, schema)
        .map(|(q, _)| q)
        .chain(in_schema(&catalog.views, schema).map(|(q, _)| q))
        .chain(in_schema(&catalog.sequences, schema).map(|(q, _)| q))
        .chain(in_schema(&catalog.indexes, schema).map(|(q, _)| q));
    for q in relations {
        names.reserve_relation(&q.name);
    }
    for (_, t) in in_schema(&catalog.tables, schema) {
        for c in t.constraints.keys() {
            names.reserve_constraint(c);
        }
    }
    names
}

/// The entries of a map keyed by qualified name that lie in `schema` (a sorted range).
fn in_schema<'a, V>(
    map: &'a BTreeMap<QualifiedName, V>,
    schema: &'a Ident,
) -> impl Iterator<Item = (&'a QualifiedName, &'a V)> {
    map.range(QualifiedName::new(schema.clone(), Ident::new(""))..)
        .take_while(move |(q, _)| &q.schema == schema)
}

/// `serial` = integer column + owned sequence `<table>_<column>_seq` + nextval default.
fn expand_serials(catalog: &mut Catalog, pending: &mut Pending, names: &mut ReservedNames) {
    for serial in std::mem::take(&mut pending.serials) {
        let seq_name = names.schema(catalog, &serial.table.schema).choose(
            serial.table.name.as_str(),
            Some(serial.column.as_str()),
            "seq",
            NameSpace::Relation,
        );
        let qname = QualifiedName::new(serial.table.schema.clone(), seq_name);
        let mut seq = Sequence::new(qname.clone(), serial.meta.clone());
        seq.data_type = Some(serial.kind.integer_type());
        seq.owned_by = Some((serial.table.clone(), serial.column.clone()));
        let literal = quote::quote_literal(&quote::qualified(&qname));
        let mut default = Expr::new(format!("nextval({literal}::regclass)"));
        default.refs.insert(ObjectRef {
            kind: RefKind::Sequence,
            name: qname.clone(),
        });
        if let Some(col) = catalog
            .tables
            .get_mut(&serial.table)
            .and_then(|t| t.column_mut(&serial.column))
        {
            col.default = Some(default);
        }
        // The name was chosen free of every relation, so this cannot clash.
        let _ = catalog.add_sequence(seq);
    }
}

fn name_constraints(
    catalog: &mut Catalog,
    diags: &mut Vec<Diagnostic>,
    pending: &mut Pending,
    names: &mut ReservedNames,
) {
    for UnnamedConstraint {
        table,
        mut constraint,
        name_columns,
    } in std::mem::take(&mut pending.unnamed_constraints)
    {
        if !catalog.tables.contains_key(&table) {
            continue;
        }
        let schema_names = names.schema(catalog, &table.schema);
        let Some(t) = catalog.tables.get_mut(&table) else {
            continue;
        };
        let tname = table.name.as_str();
        let addition = name_addition(name_columns.iter().map(String::as_str));
        constraint.name = match &constraint.kind {
            ConstraintKind::PrimaryKey { .. } => {
                schema_names.choose(tname, None, "pkey", NameSpace::IndexConstraint)
            }
            ConstraintKind::Unique { .. } => {
                schema_names.choose(tname, Some(&addition), "key", NameSpace::IndexConstraint)
            }
            ConstraintKind::Exclusion { .. } => {
                schema_names.choose(tname, Some(&addition), "excl", NameSpace::IndexConstraint)
            }
            ConstraintKind::ForeignKey(_) => {
                schema_names.choose(tname, Some(&addition), "fkey", NameSpace::Constraint)
            }
            ConstraintKind::Check { .. } => {
                // PostgreSQL uses the column name only when exactly one column appears.
                let mut cols: Vec<&String> = name_columns
                    .iter()
                    .filter(|c| t.column(&Ident::new(c.as_str())).is_some())
                    .collect();
                cols.sort();
                cols.dedup();
                let col = (cols.len() == 1).then(|| cols[0].as_str());
                schema_names.choose(tname, col, "check", NameSpace::Constraint)
            }
        };
        if matches!(constraint.kind, ConstraintKind::PrimaryKey { .. }) {
            if let Some(existing) = t.primary_key() {
                let loc = constraint
                    .meta
                    .origin
                    .span()
                    .and_then(|s| pending.location_of(s));
                let mut d = Diagnostic::error(
                    Code::DuplicateObject,
                    format!(
                        "table {table} has more than one primary key (already {})",
                        existing.name
                    ),
                );
                if let Some(loc) = loc {
                    d = d.at(loc, "second primary key");
                }
                diags.push(d.with_help(
                    "a table has at most one PRIMARY KEY; make the other a UNIQUE constraint",
                ));
                continue;
            }
        }
        t.constraints.insert(constraint.name.clone(), constraint);
    }
}

fn name_indexes(
    catalog: &mut Catalog,
    diags: &mut Vec<Diagnostic>,
    pending: &mut Pending,
    names: &mut ReservedNames,
) {
    for (mut index, hints) in std::mem::take(&mut pending.unnamed_indexes) {
        let keys = hints.iter().map(|h| h.as_deref());
        let mut cols =
            index_column_names(keys.chain(index.include.iter().map(|i| Some(i.as_str()))));
        if cols.is_empty() {
            cols.push("expr".to_string());
        }
        let addition = name_addition(cols.iter().map(String::as_str));
        let name = names.schema(catalog, &index.table.schema).choose(
            index.table.name.as_str(),
            Some(&addition),
            "idx",
            NameSpace::Relation,
        );
        index.name = QualifiedName::new(index.table.schema.clone(), name);
        if let Err(dup) = catalog.add_index(index) {
            diags.push(Diagnostic::error(
                Code::DuplicateObject,
                format!("{} is defined twice", dup.id),
            ));
        }
    }
}

/// `REFERENCES t` without columns means t's primary key.
fn fill_fk_columns(catalog: &mut Catalog, diags: &mut Vec<Diagnostic>, pending: &Pending) {
    // Looked up first, written after: most foreign keys name their columns.
    let mut implied: Vec<(QualifiedName, Ident, Vec<Ident>)> = Vec::new();
    for t in catalog.tables.values() {
        for c in t.constraints.values() {
            let ConstraintKind::ForeignKey(fk) = &c.kind else {
                continue;
            };
            if !fk.ref_columns.is_empty() {
                continue;
            }
            // A missing table is reported by the reference check.
            let Some(target) = catalog.tables.get(&fk.ref_table) else {
                continue;
            };
            if let Some(ConstraintKind::PrimaryKey { columns, .. }) =
                target.primary_key().map(|c| &c.kind)
            {
                implied.push((t.name.clone(), c.name.clone(), columns.clone()));
                continue;
            }
            let loc = c.meta.origin.span().and_then(|s| pending.location_of(s));
            let mut d = Diagnostic::error(
                Code::UndefinedReference,
                format!(
                    "foreign key {} on {} names no columns, and {} has no primary key",
                    c.name, t.name, fk.ref_table
                ),
            );
            if let Some(loc) = loc {
                d = d.at(loc, "referenced columns are implied");
            }
            diags.push(d.with_help(format!(
                "write the referenced columns: `REFERENCES {} (column)`",
                fk.ref_table
            )));
        }
    }
    for (table, constraint, columns) in implied {
        let fk = catalog
            .tables
            .get_mut(&table)
            .and_then(|t| t.constraints.get_mut(&constraint))
            .map(|c| &mut c.kind);
        if let Some(ConstraintKind::ForeignKey(fk)) = fk {
            fk.ref_columns = columns;
        }
    }
}

fn check_references(
    catalog: &Catalog,
    diags: &mut Vec<Diagnostic>,
    references: &[Reference],
    broken: &BTreeSet<QualifiedName>,
) {
    // A statement kept verbatim may create what is referenced (e.g. an exotic CREATE FUNCTION).
    let created_verbatim: BTreeSet<&QualifiedName> = catalog
        .statements
        .iter()
        .filter_map(|s| s.creates.as_ref())
        .collect();
    // Lookups only: big schemas (a reference or more per table) use every core.
    diags.extend(crate::parallel::collect_each(
        references,
        4_000,
        |r, found| {
            if !created_verbatim.contains(&r.name) && !broken.contains(&r.name) {
                check_reference(catalog, r, found);
            }
        },
    ));
}

fn check_reference(catalog: &Catalog, r: &Reference, diags: &mut Vec<Diagnostic>) {
    let (found, kind) = match r.expect {
        Expect::Schema => (
            is_builtin_schema(&r.name.schema) || catalog.schemas.contains_key(&r.name.schema),
            "schema",
        ),
        Expect::Table => (catalog.tables.contains_key(&r.name), "table"),
        Expect::Relation => (catalog.relation_id(&r.name).is_some(), "relation"),
        Expect::Sequence => (catalog.sequences.contains_key(&r.name), "sequence"),
        Expect::Function => (
            catalog.functions_named(&r.name).next().is_some()
                || r.name.schema.as_str() == "pg_catalog",
            "function",
        ),
        Expect::Type => {
            if r.name.schema.as_str().is_empty() {
                // An extension's type: fine when the extension is created.
                let ext = extension_providing(r.name.name.as_str()).unwrap_or("");
                if catalog.extensions.contains_key(&Ident::new(ext)) {
                    return;
                }
                diags.push(
                    Diagnostic::error(
                        Code::UndefinedReference,
                        format!(
                            "type {} comes from extension {ext}, which no file creates ({})",
                            r.name.name, r.context
                        ),
                    )
                    .at(r.location.clone(), "needs an extension")
                    .with_help(format!(
                        "add `CREATE EXTENSION IF NOT EXISTS {ext};` to the domain that uses it"
                    )),
                );
                return;
            }
            (catalog.types.contains_key(&r.name), "type")
        }
    };
    if found {
        return;
    }
    // Named only for the message (most references resolve).
    let what = match r.expect {
        Expect::Schema => format!("{kind} {}", r.name.schema),
        _ => format!("{kind} {}", r.name),
    };
    let help = match r.expect {
        Expect::Schema => format!("add `CREATE SCHEMA {};` to the domain that owns it", quote::ident(&r.name.schema)),
        Expect::Type => "define it with CREATE TYPE / CREATE DOMAIN, or fix the name (PostgreSQL built-in types need no definition)".to_string(),
        _ => format!("define {what} in one of the schema files, or fix the name"),
    };
    diags.push(
        Diagnostic::error(
            Code::UndefinedReference,
            format!("{} refers to {what}, which is defined nowhere", r.context),
        )
        .at(r.location.clone(), "not defined in any file")
        .with_help(help),
    );
}

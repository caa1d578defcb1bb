//! The `schemadiff dump` layout: a create plan split into schema files, one folder per schema.
//!
//! Every step of the plan goes to the file of the object it belongs to:
//! `<schema>/schema.sql` (the schema, its comment and grants), `<schema>/tables/<table>.sql`
//! (the table and everything attached to it: owned sequences, constraints added later,
//! indexes, triggers, row-level security, policies, comments, grants), and one file per
//! kind for the rest (`collations.sql`, `types.sql`, `sequences.sql`, `views.sql`,
//! `materialized_views.sql`, `functions.sql`, `extensions.sql`). Extensions go to the folder of the schema they are
//! installed in when that schema is dumped, else to `_extensions/`. Within a file, steps
//! keep the plan's order; files are sorted by path. The SQL is [`crate::sql::step_sql`]'s,
//! so the files load back through `schemadiff plan` in any order.

use crate::sql::step_sql;
use schemadiff_model::{Catalog, Ident, ObjectId, ObjectKind, QualifiedName};
use schemadiff_plan::{Action, Plan};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// One schema file: its path relative to the output folder and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DumpFile {
    pub path: PathBuf,
    pub content: String,
}

/// Folder for extensions whose schema is not dumped.
pub const EXTENSIONS_FOLDER: &str = "_extensions";
/// Folder for statements kept verbatim, which belong to no schema.
pub const STATEMENTS_FOLDER: &str = "_statements";

/// The file a step belongs to. Ordered, so the files come out sorted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Home {
    /// Extensions installed in a dumped schema (`Some`), or anywhere else (`None`).
    Extensions(Option<Ident>),
    Schema(Ident),
    Collations(Ident),
    Types(Ident),
    Sequences(Ident),
    Table(QualifiedName),
    Views(Ident),
    MaterializedViews(Ident),
    Functions(Ident),
    Statements,
}

/// Splits `plan` (the create plan of `catalog`) into schema files, sorted by path.
pub fn dump_files(catalog: &Catalog, plan: &Plan) -> Vec<DumpFile> {
    let mut files: BTreeMap<Home, Vec<String>> = BTreeMap::new();
    for step in &plan.steps {
        let home = action_home(catalog, &step.action);
        let sql = step_sql(&step.action);
        files
            .entry(home)
            .or_default()
            .push(sql.trim_end().to_string());
    }
    let mut out: Vec<DumpFile> = files
        .into_iter()
        .map(|(home, statements)| {
            let mut content = format!("-- {}\n", one_line(&header(&home)));
            for sql in statements {
                content.push('\n');
                content.push_str(&sql);
                content.push_str(";\n");
            }
            DumpFile {
                path: path(&home),
                content,
            }
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn action_home(c: &Catalog, action: &Action) -> Home {
    match action {
        Action::CreateSchema(s) => Home::Schema(s.name.clone()),
        Action::CreateExtension(e) => extension_home(c, e.schema.as_ref()),
        Action::CreateCollation(co) => Home::Collations(co.name.schema.clone()),
        Action::CreateType(t) => Home::Types(t.name.schema.clone()),
        Action::CreateSequence(s) | Action::SetSequenceOwner(s) => sequence_home(c, &s.name),
        Action::CreateTable(t) => Home::Table(t.name.clone()),
        Action::AddConstraint { table, .. } | Action::SetRowSecurity { table, .. } => {
            relation_home(c, table)
        }
        Action::CreateIndex(ix) => relation_home(c, &ix.table),
        Action::CreateView(v) => view_home(v.materialized, &v.name),
        Action::CreateFunction(f) => Home::Functions(f.name.schema.clone()),
        Action::CreateTrigger(t) => relation_home(c, &t.table),
        Action::CreatePolicy(p) => relation_home(c, &p.table),
        Action::Grant(g) => object_home(c, &g.on),
        Action::Comment(cm) => object_home(c, &cm.on),
        Action::Verbatim(_) => Home::Statements,
        // Dumps are from-empty plans: only create steps occur.
        _ => Home::Statements,
    }
}

/// Where the grants and comments on an object go: with the object.
fn object_home(c: &Catalog, id: &ObjectId) -> Home {
    match id {
        ObjectId::Schema { name } => Home::Schema(name.clone()),
        ObjectId::Extension { name } => {
            extension_home(c, c.extensions.get(name).and_then(|e| e.schema.as_ref()))
        }
        ObjectId::Collation { name } => Home::Collations(name.schema.clone()),
        ObjectId::Type { name } => Home::Types(name.schema.clone()),
        ObjectId::Sequence { name } => sequence_home(c, name),
        ObjectId::Relation { kind, name } => match kind {
            ObjectKind::View => view_home(false, name),
            ObjectKind::MaterializedView => view_home(true, name),
            _ => relation_home(c, name),
        },
        ObjectId::Column { table, .. }
        | ObjectId::Constraint { table, .. }
        | ObjectId::Trigger { table, .. }
        | ObjectId::Policy { table, .. } => relation_home(c, table),
        ObjectId::Index { name } => match c.indexes.get(name) {
            Some(ix) => relation_home(c, &ix.table),
            None => Home::Table(name.clone()),
        },
        ObjectId::Function { name, .. } => Home::Functions(name.schema.clone()),
        ObjectId::Grant { on, .. } | ObjectId::Comment { on } => object_home(c, on),
        ObjectId::Statement { .. } => Home::Statements,
    }
}

/// A table's own file; a view's or materialized view's kind file (for their indexes,
/// triggers and column comments).
fn relation_home(c: &Catalog, name: &QualifiedName) -> Home {
    match c.views.get(name) {
        Some(v) if !c.tables.contains_key(name) => view_home(v.materialized, name),
        _ => Home::Table(name.clone()),
    }
}

fn view_home(materialized: bool, name: &QualifiedName) -> Home {
    if materialized {
        Home::MaterializedViews(name.schema.clone())
    } else {
        Home::Views(name.schema.clone())
    }
}

/// Sequences owned by a table's column live in that table's file.
fn sequence_home(c: &Catalog, name: &QualifiedName) -> Home {
    match c.sequences.get(name).and_then(|s| s.owned_by.as_ref()) {
        Some((table, _)) if c.tables.contains_key(table) => Home::Table(table.clone()),
        _ => Home::Sequences(name.schema.clone()),
    }
}

fn extension_home(c: &Catalog, schema: Option<&Ident>) -> Home {
    Home::Extensions(schema.filter(|s| c.schemas.contains_key(*s)).cloned())
}

fn path(home: &Home) -> PathBuf {
    let (folder, file) = match home {
        Home::Extensions(None) => (EXTENSIONS_FOLDER.to_string(), "extensions.sql".into()),
        Home::Extensions(Some(s)) => (file_name(s.as_str()), "extensions.sql".into()),
        Home::Schema(s) => (file_name(s.as_str()), "schema.sql".into()),
        Home::Collations(s) => (file_name(s.as_str()), "collations.sql".into()),
        Home::Types(s) => (file_name(s.as_str()), "types.sql".into()),
        Home::Sequences(s) => (file_name(s.as_str()), "sequences.sql".into()),
        Home::Table(t) => (
            file_name(t.schema.as_str()),
            format!("tables/{}.sql", file_name(t.name.as_str())),
        ),
        Home::Views(s) => (file_name(s.as_str()), "views.sql".into()),
        Home::MaterializedViews(s) => (file_name(s.as_str()), "materialized_views.sql".into()),
        Home::Functions(s) => (file_name(s.as_str()), "functions.sql".into()),
        Home::Statements => (STATEMENTS_FOLDER.to_string(), "statements.sql".into()),
    };
    PathBuf::from(folder).join(file)
}

/// What the file holds, for its first line.
fn header(home: &Home) -> String {
    let q = |i: &Ident| schemadiff_model::quote::ident(i);
    match home {
        Home::Extensions(None) => "Extensions.".to_string(),
        Home::Extensions(Some(s)) => format!("Extensions installed in schema {}.", q(s)),
        Home::Schema(s) if s.as_str() == "public" => {
            "Schema public (it exists in every database): its comment and grants.".to_string()
        }
        Home::Schema(s) => format!("Schema {}: its creation, comment and grants.", q(s)),
        Home::Collations(s) => format!("Collations of schema {}.", q(s)),
        Home::Types(s) => format!("Types of schema {}: enums, composites and domains.", q(s)),
        Home::Sequences(s) => format!("Standalone sequences of schema {}.", q(s)),
        Home::Table(t) => format!(
            "Table {}: its columns, constraints, owned sequences, indexes, triggers, \
             row-level security, policies, comments and grants.",
            schemadiff_model::quote::qualified(t)
        ),
        Home::Views(s) => format!("Views of schema {}.", q(s)),
        Home::MaterializedViews(s) => {
            format!("Materialized views of schema {}, with their indexes.", q(s))
        }
        Home::Functions(s) => format!("Functions and procedures of schema {}.", q(s)),
        Home::Statements => "Statements kept verbatim.".to_string(),
    }
}

/// A `--` comment ends at the line end: control characters in names must not end it.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// A file or folder name for an identifier: letters, digits, `_` and `-` as they are,
/// everything else (`/`, `.`, `%`, spaces, quotes...) as `%XX` per UTF-8 byte, so
/// every name maps to a distinct, safe path component.
pub fn file_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    if out.is_empty() {
        out.push_str("%00");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_distinct() {
        assert_eq!(file_name("users"), "users");
        assert_eq!(file_name("Été_2-x"), "Été_2-x");
        assert_eq!(file_name("a/b"), "a%2Fb");
        assert_eq!(file_name(".."), "%2E%2E");
        assert_eq!(
            file_name("a\"; drop table b; --"),
            "a%22%3B%20drop%20table%20b%3B%20--"
        );
        assert_ne!(file_name("a%2F"), file_name("a/"));
        assert_eq!(file_name(""), "%00");
    }

    fn layout_of(c: &Catalog) -> Vec<(String, String)> {
        let plan = schemadiff_plan::plan_create(c).expect("no cycle");
        dump_files(c, &plan)
            .into_iter()
            .map(|f| (f.path.display().to_string(), f.content))
            .collect()
    }

    /// Owned sequences and comments go with their table, indexes with their
    /// materialized view, extensions outside dumped schemas to `_extensions/`.
    #[test]
    fn steps_go_to_the_file_of_the_object_they_belong_to() {
        use schemadiff_model::{
            Column, Comment, Extension, Schema, Sequence, Table, TypeName, View,
        };
        let meta = schemadiff_model::ObjectMeta::default();
        let qn = |n: &str| QualifiedName::new("s", n);
        let mut c = Catalog::default();
        c.schemas.insert(
            Ident::new("s"),
            Schema {
                name: Ident::new("s"),
                authorization: None,
                meta: meta.clone(),
            },
        );
        c.extensions.insert(
            Ident::new("e"),
            Extension {
                name: Ident::new("e"),
                schema: Some(Ident::new("public")),
                version: None,
                meta: meta.clone(),
            },
        );
        let mut t = Table::new(qn("t"), meta.clone());
        t.columns
            .push(Column::new(Ident::new("id"), TypeName::builtin("integer")));
        c.tables.insert(qn("t"), t);
        let mut owned = Sequence::new(qn("t_id_seq"), meta.clone());
        owned.owned_by = Some((qn("t"), Ident::new("id")));
        c.sequences.insert(qn("t_id_seq"), owned);
        c.sequences
            .insert(qn("free"), Sequence::new(qn("free"), meta.clone()));
        c.views.insert(
            qn("mv"),
            View {
                name: qn("mv"),
                materialized: true,
                columns: Vec::new(),
                query: "SELECT 1 AS x".into(),
                options: Vec::new(),
                check_option: None,
                with_data: true,
                refs: Default::default(),
                meta: meta.clone(),
            },
        );
        c.indexes.insert(
            qn("mv_x"),
            schemadiff_model::Index {
                name: qn("mv_x"),
                name_generated: false,
                table: qn("mv"),
                unique: false,
                nulls_not_distinct: false,
                method: "btree".into(),
                keys: vec![schemadiff_model::IndexKey {
                    target: schemadiff_model::IndexTarget::Column(Ident::new("x")),
                    collation: None,
                    opclass: None,
                    descending: false,
                    nulls_first: None,
                }],
                include: Vec::new(),
                predicate: None,
                with: Vec::new(),
                meta: meta.clone(),
            },
        );
        let column = ObjectId::Column {
            table: qn("t"),
            column: Ident::new("id"),
        };
        c.comments.insert(
            column.clone(),
            Comment {
                on: column,
                text: "the key".into(),
                meta,
            },
        );
        let files = layout_of(&c);
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "_extensions/extensions.sql",
                "s/materialized_views.sql",
                "s/schema.sql",
                "s/sequences.sql",
                "s/tables/t.sql",
            ]
        );
        let table = &files[4].1;
        assert!(table.starts_with("-- Table s.t: "), "{table}");
        for part in [
            "CREATE SEQUENCE s.t_id_seq;",
            "CREATE TABLE s.t (",
            "ALTER SEQUENCE s.t_id_seq OWNED BY s.t.id;",
            "COMMENT ON COLUMN s.t.id IS 'the key';",
        ] {
            assert!(table.contains(part), "{part} missing from:\n{table}");
        }
        assert!(
            files[3].1.contains("CREATE SEQUENCE s.free;"),
            "{}",
            files[3].1
        );
    }

    #[test]
    fn headers_stay_on_one_line() {
        let t = QualifiedName::new("s", "evil\nDROP TABLE x");
        let h = one_line(&header(&Home::Table(t)));
        assert!(!h.contains('\n'), "{h}");
    }
}

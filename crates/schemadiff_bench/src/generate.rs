//! Deterministic benchmark schema generator: decides which objects exist, where their
//! files live and in which domain; the DDL text itself comes from [`ddl`].
//!
//! Layout (for `tables = 50, schemas = 4`):
//! - `core/schema.sql` (`CREATE SCHEMA core`), `core/users.sql` (the hub table `core.users`)
//! - `dNN/schema.sql` for every domain `d00`, `d01`, ...
//! - `dNN/tIIIII.sql`: table `i` lives in domain `i % schemas`; it holds the table and
//!   its two indexes. Its `parent_id` references the previous table of the same domain
//!   (`i - schemas`), or for a domain's first table the previous table overall (`i - 1`,
//!   in another domain), or for table 0 `core.users`. With `hub_fanin`, every table
//!   also has `user_id` referencing `core.users(id)`.
//! - `dNN/report_KKKK.sql`: one view per 10 tables, joining table `10k + 9` to its parent.
//!   Report files sort *before* `schema.sql` and the tables, so alphabetical order is
//!   deliberately not a valid load order.

mod ddl;
mod mutate;

pub use mutate::mutate;

use std::io;
use std::path::{Component, Path};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Number of tables besides `core.users`.
    pub tables: usize,
    /// Number of domains (`d00`, `d01`, ...) the tables are spread over; 0 counts as 1.
    pub schemas: usize,
    /// Give every table an extra FK to `core.users(id)` (the "everything references
    /// the users table" fan-in shape).
    pub hub_fanin: bool,
}

/// One generated SQL file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// `core` or `dNN`: the schema (and directory) the file belongs to.
    pub domain: String,
    /// Relative path with `/` separators, e.g. `d03/t00042.sql`.
    pub path: String,
    /// The SQL text.
    pub text: String,
}

/// Generates the schema. The result is sorted by path (like a directory listing),
/// which is *not* a valid load order; see the module docs for one that is.
pub fn generate(opts: &GenerateOptions) -> Vec<GeneratedFile> {
    let schemas = opts.schemas.max(1);
    let mut files = vec![
        file("core", "core/schema.sql", ddl::create_schema("core")),
        file("core", "core/users.sql", ddl::users_table()),
    ];
    for d in 0..schemas {
        let domain = domain_name(d);
        let text = ddl::create_schema(&domain);
        files.push(file(&domain, &format!("{domain}/schema.sql"), text));
    }
    for i in 0..opts.tables {
        let table = table_ref(i, schemas);
        let text = ddl::table(i, &table, &parent_of(i, schemas), opts.hub_fanin);
        files.push(file(
            &table.schema,
            &format!("{}/{}.sql", table.schema, table.name),
            text,
        ));
    }
    for k in 0..opts.tables / 10 {
        let child_index = 10 * k + 9;
        let child = table_ref(child_index, schemas);
        let view = ddl::QualifiedName {
            schema: child.schema.clone(),
            name: format!("report_{k:04}"),
        };
        let text = ddl::view(&view, &child, &parent_of(child_index, schemas));
        files.push(file(
            &view.schema,
            &format!("{}/{}.sql", view.schema, view.name),
            text,
        ));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Writes every file under `dir`, creating subdirectories. Paths must be relative
/// and stay inside `dir`.
pub fn write_to_dir(files: &[GeneratedFile], dir: &Path) -> io::Result<()> {
    for f in files {
        let rel = Path::new(&f.path);
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("generated path {:?} is not a plain relative path", f.path),
            ));
        }
        let target = dir.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&target, &f.text)?;
    }
    Ok(())
}

fn file(domain: &str, path: &str, text: String) -> GeneratedFile {
    GeneratedFile {
        domain: domain.to_owned(),
        path: path.to_owned(),
        text,
    }
}

fn domain_name(d: usize) -> String {
    format!("d{d:02}")
}

fn table_ref(i: usize, schemas: usize) -> ddl::QualifiedName {
    ddl::QualifiedName {
        schema: domain_name(i % schemas),
        name: format!("t{i:05}"),
    }
}

/// The table `i`'s `parent_id` points at, and whether that table's key is a uuid.
fn parent_of(i: usize, schemas: usize) -> ddl::Parent {
    let parent = if i >= schemas {
        Some(i - schemas)
    } else {
        i.checked_sub(1)
    };
    match parent {
        Some(p) => ddl::Parent {
            table: table_ref(p, schemas),
            key_is_uuid: ddl::key_is_uuid(p),
        },
        None => ddl::Parent {
            table: ddl::QualifiedName {
                schema: "core".into(),
                name: "users".into(),
            },
            key_is_uuid: true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(tables: usize, schemas: usize, hub_fanin: bool) -> GenerateOptions {
        GenerateOptions {
            tables,
            schemas,
            hub_fanin,
        }
    }

    #[test]
    fn is_deterministic_and_counts_files() {
        let a = generate(&opts(25, 3, true));
        assert_eq!(a, generate(&opts(25, 3, true)));
        // 2 core + 3 schema + 25 tables + 2 views.
        assert_eq!(a.len(), 32);
        assert!(a
            .iter()
            .any(|f| f.path == "d01/t00004.sql" && f.domain == "d01"));
    }

    #[test]
    fn hub_fanin_adds_a_users_fk_everywhere() {
        let count = |hub| {
            generate(&opts(20, 2, hub))
                .iter()
                .filter(|f| f.text.contains("REFERENCES core.users"))
                .count()
        };
        assert_eq!(count(true), 20);
        assert_eq!(count(false), 1, "only table 0's parent is core.users");
    }

    #[test]
    fn write_to_dir_rejects_escaping_paths() {
        let bad = [file("x", "../evil.sql", String::new())];
        let err = write_to_dir(&bad, &std::env::temp_dir()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}

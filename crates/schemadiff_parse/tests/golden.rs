//! Golden diagnostics: loads every case under `tests/cases/parse/*` and compares the
//! rendered diagnostics, catalog counts and `renamed-from` markers with the case's
//! `expected.txt`.
//!
//! A case is `input.sql` (one file) or `schemas/<domain>/*.sql` (a folder). Refresh the
//! expected files with `UPDATE_EXPECT=1 cargo test -p schemadiff_parse --test golden`.

use schemadiff_model::Catalog;
use schemadiff_parse::{load_path, Loaded};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases/parse")
}

fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/cases/parse exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// What the case loads: its single `input.sql`, or its `schemas` folder.
fn case_input(dir: &Path) -> PathBuf {
    let single = dir.join("input.sql");
    if single.is_file() {
        return single;
    }
    let folder = dir.join("schemas");
    assert!(
        folder.is_dir(),
        "{}: needs input.sql or schemas/",
        dir.display()
    );
    folder
}

fn catalog_counts(c: &Catalog) -> String {
    let counts = [
        ("schemas", c.schemas.len()),
        ("extensions", c.extensions.len()),
        ("types", c.types.len()),
        ("sequences", c.sequences.len()),
        ("tables", c.tables.len()),
        ("indexes", c.indexes.len()),
        ("views", c.views.len()),
        ("functions", c.functions.len()),
        ("triggers", c.triggers.len()),
        ("policies", c.policies.len()),
        ("grants", c.grants.len()),
        ("comments", c.comments.len()),
        ("verbatim", c.statements.len()),
    ];
    let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{k}={n}")).collect();
    parts.join(" ")
}

/// Objects a `-- schemadiff:renamed-from` marker gave an old name (shown only when any).
fn renames(c: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = |what: String, old: &Option<Box<schemadiff_model::Ident>>| {
        if let Some(old) = old {
            out.push(format!("{what} <- {old}"));
        }
    };
    for (name, t) in &c.tables {
        line(format!("table {name}"), &t.meta.renamed_from);
        for col in &t.columns {
            line(
                format!("column {name}.{}", col.name),
                &col.meta.renamed_from,
            );
        }
        for (cname, con) in &t.constraints {
            line(
                format!("constraint {cname} on {name}"),
                &con.meta.renamed_from,
            );
        }
    }
    for (name, i) in &c.indexes {
        line(format!("index {name}"), &i.meta.renamed_from);
    }
    for (name, v) in &c.views {
        line(format!("view {name}"), &v.meta.renamed_from);
    }
    out
}

/// Each extension with its schema and version, when given.
fn extensions(c: &Catalog) -> Vec<String> {
    c.extensions
        .values()
        .map(|e| {
            let mut line = format!("extension {}", e.name);
            if let Some(schema) = &e.schema {
                line.push_str(&format!(" schema {schema}"));
            }
            if let Some(version) = &e.version {
                line.push_str(&format!(" version {version}"));
            }
            line
        })
        .collect()
}

/// Each domain's CHECK names in order (shown only when any domain has checks).
fn domain_checks(c: &Catalog) -> Vec<String> {
    c.types
        .iter()
        .filter_map(|(name, t)| match &t.def {
            schemadiff_model::TypeDef::Domain { checks, .. } if !checks.is_empty() => {
                let names: Vec<&str> = checks.iter().map(|(n, _)| n.as_str()).collect();
                Some(format!("domain {name}: {}", names.join(", ")))
            }
            _ => None,
        })
        .collect()
}

/// Everything a case shows, with paths relative to the case folder.
fn render(loaded: &Loaded, case_dir: &Path) -> String {
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100)
            .with_links(false)
            .without_syntax_highlighting();
    let mut out = String::from("== diagnostics ==\n");
    for d in &loaded.diagnostics {
        out.push_str(&d.short());
        out.push('\n');
    }
    out.push_str("\n== reports ==\n");
    for d in &loaded.diagnostics {
        handler
            .render_report(&mut out, d)
            .expect("rendering into a String cannot fail");
        out.push('\n');
    }
    out.push_str("== catalog ==\n");
    out.push_str(&catalog_counts(&loaded.catalog));
    out.push('\n');
    let extensions = extensions(&loaded.catalog);
    if !extensions.is_empty() {
        out.push_str("== extensions ==\n");
        for line in extensions {
            out.push_str(&line);
            out.push('\n');
        }
    }
    let checks = domain_checks(&loaded.catalog);
    if !checks.is_empty() {
        out.push_str("== domain checks ==\n");
        for line in checks {
            out.push_str(&line);
            out.push('\n');
        }
    }
    let renames = renames(&loaded.catalog);
    if !renames.is_empty() {
        out.push_str("== renames ==\n");
        for line in renames {
            out.push_str(&line);
            out.push('\n');
        }
    }
    let prefix = format!("{}/", case_dir.display());
    out.replace(&prefix, "")
}

fn run_case(dir: &Path) -> Result<(), String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let loaded = load_path(&case_input(dir));
        let actual = render(&loaded, dir);
        expect_test::expect_file![dir.join("expected.txt")].assert_eq(&actual);
    }));
    outcome.map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .map(|s| s.lines().next().unwrap_or_default().to_string())
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "output differs from expected.txt (diff printed above)".to_string())
    })
}

#[test]
fn golden_cases() {
    let dirs = case_dirs();
    assert!(
        dirs.len() >= 20,
        "expected the parse cases, found {}",
        dirs.len()
    );
    let failures: Vec<String> = dirs
        .iter()
        .filter_map(|dir| {
            let name = dir.file_name().unwrap_or_default().to_string_lossy();
            run_case(dir).err().map(|why| format!("{name}: {why}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} golden cases differ (rerun with UPDATE_EXPECT=1 to accept):\n  {}",
        failures.len(),
        dirs.len(),
        failures.join("\n  ")
    );
}

//! Loading on several threads gives exactly what loading on one gives: the same catalog
//! and the same diagnostics, including clashes between files that different threads
//! read (each thread loads its own run of files; the runs are merged afterwards).

use schemadiff_parse::diagnostic::SourceFile;
use schemadiff_parse::{load_sources_with, LoadOptions, Loaded};

fn file(path: impl Into<String>, domain: &str, text: String) -> SourceFile {
    SourceFile {
        path: path.into().into(),
        domain: domain.to_string(),
        text: text.into(),
    }
}

/// Enough files to be split over threads (the loader stays on one thread below 256 KB).
fn files(clashes: bool) -> Vec<SourceFile> {
    let mut files = Vec::new();
    let schemas = ["alpha", "beta", "gamma", "delta"];
    for s in schemas {
        files.push(file(
            format!("{s}/schema.sql"),
            s,
            format!("CREATE SCHEMA {s};\n"),
        ));
    }
    for i in 0..900 {
        let s = schemas[i % schemas.len()];
        let text = format!(
            "CREATE TABLE {s}.t{i:04} (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    \
             code text NOT NULL UNIQUE,\n    note text DEFAULT 'x',\n    amount numeric(12,2) CHECK (amount > 0),\n    \
             created_at timestamptz NOT NULL DEFAULT now()\n);\nCREATE INDEX ON {s}.t{i:04} (lower(code));\n\
             COMMENT ON TABLE {s}.t{i:04} IS 'table {i}';\n"
        );
        files.push(file(format!("{s}/t{i:04}.sql"), s, text));
    }
    if clashes {
        // Read by the last thread, clashing with names the first thread took: a table
        // defined twice, an index and a view named like tables, an enum named like a
        // table's row type, a view taking the name an unnamed index would get, and a
        // comment replacing an earlier one.
        let text = "CREATE TABLE alpha.t0000 (id int);\n\
                    CREATE INDEX t0004 ON alpha.t0008 (code);\n\
                    CREATE VIEW alpha.t0020 AS SELECT 1 AS one;\n\
                    CREATE VIEW alpha.t0000_lower_idx AS SELECT 1 AS one;\n\
                    CREATE TYPE alpha.t0012 AS ENUM ('a');\n\
                    COMMENT ON TABLE alpha.t0016 IS 'replaced';\n";
        files.push(file("zeta/late.sql", "zeta", text.to_string()));
    }
    files
}

fn load(files: Vec<SourceFile>, threads: usize) -> Loaded {
    let options = LoadOptions {
        threads: Some(threads),
        ..LoadOptions::default()
    };
    load_sources_with(files, &options)
}

fn rendered(loaded: &Loaded) -> Vec<String> {
    loaded
        .diagnostics
        .iter()
        .map(|d| format!("{d:?}"))
        .collect()
}

#[test]
fn threads_do_not_change_the_result() {
    for clashes in [false, true] {
        let total: usize = files(clashes).iter().map(|f| f.text.len()).sum();
        assert!(
            total > 256 * 1024,
            "input too small to be split: {total} bytes"
        );
        let one = load(files(clashes), 1);
        for threads in [2, 3, 8] {
            let many = load(files(clashes), threads);
            assert_eq!(rendered(&one), rendered(&many), "{threads} threads");
            assert!(
                one.catalog == many.catalog,
                "{threads} threads: catalogs differ"
            );
        }
        let errors = one.diagnostics.iter().filter(|d| d.is_error()).count();
        assert_eq!(errors, if clashes { 4 } else { 0 }, "{:#?}", rendered(&one));
        let index = schemadiff_model::QualifiedName::new("alpha", "t0000_lower_idx1");
        assert_eq!(clashes, one.catalog.indexes.contains_key(&index));
    }
}

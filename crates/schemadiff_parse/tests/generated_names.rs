//! Names PostgreSQL generates avoid the names a schema already holds, in that schema
//! only: relations for indexes, constraints for checks, both for unique constraints.

use schemadiff_model::{Ident, QualifiedName};
use schemadiff_parse::diagnostic::SourceFile;
use schemadiff_parse::load_sources;

const SQL: &str = "
CREATE SCHEMA s;
CREATE SCHEMA s2;
CREATE TABLE s.t (a int, b int, CONSTRAINT t_a_check CHECK (b > 0), CHECK (a > 0), UNIQUE (a));
CREATE TABLE s.t_a_key (x int);
CREATE TABLE s.u (a int);
CREATE INDEX ON s.u (a);
CREATE TABLE s.u_a_idx (y int);
CREATE TABLE s2.t (a int CHECK (a > 0) UNIQUE);
CREATE INDEX ON s2.t (a);
";

#[test]
fn generated_names_skip_taken_ones_per_schema() {
    let loaded = load_sources(vec![SourceFile {
        path: "core/names.sql".into(),
        domain: "core".to_string(),
        text: SQL.into(),
    }]);
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
    let constraints = |schema: &str| -> Vec<String> {
        let t = &loaded.catalog.tables[&QualifiedName::new(schema, "t")];
        t.constraints
            .keys()
            .map(|c| c.as_str().to_string())
            .collect()
    };
    assert_eq!(constraints("s"), ["t_a_check", "t_a_check1", "t_a_key1"]);
    assert_eq!(constraints("s2"), ["t_a_check", "t_a_key"]);
    let index = |schema: &str, name: &str| QualifiedName::new(schema, Ident::new(name));
    assert!(loaded.catalog.indexes.contains_key(&index("s", "u_a_idx1")));
    assert!(loaded.catalog.indexes.contains_key(&index("s2", "t_a_idx")));
}

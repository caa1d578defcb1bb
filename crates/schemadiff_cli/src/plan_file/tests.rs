//! The plan file round-trips through serde; fingerprints follow definitions, not metas.

use super::fingerprint::{lookup, of_catalog, of_value};
use super::*;
use schemadiff_model::{Column, Ident, ObjectMeta, QualifiedName, Table, TypeName};

fn catalog(column_type: &str) -> Catalog {
    let name = QualifiedName::new("app", "users");
    let mut t = Table::new(name, ObjectMeta::default());
    t.columns.push(Column::new(
        Ident::new("id"),
        TypeName::builtin(column_type),
    ));
    let mut c = Catalog::default();
    c.add_table(t).expect("one table");
    c
}

fn users() -> ObjectId {
    ObjectId::table(QualifiedName::new("app", "users"))
}

#[test]
fn plan_file_round_trips_through_serde() {
    let current = catalog("integer");
    let desired = catalog("bigint");
    let target = TargetIdentity {
        host: "db".into(),
        port: 5432,
        database: "app".into(),
        user: "u".into(),
    };
    let mut file = build(PlanFileInput {
        plan: &Plan::default(),
        current: &current,
        desired: &desired,
        target: Some(&target),
        mode: "canonical",
        schemas: &["app".to_string()],
    });
    file.objects.insert(users().to_string(), Some("ab".into()));
    file.steps.push(FileStep {
        id: 1,
        domain: "core".into(),
        object: "table app.users".into(),
        kind: "table".into(),
        operation: "alter_column".into(),
        phase: "table".into(),
        sql: "ALTER TABLE app.users ALTER COLUMN id TYPE bigint".into(),
        hazards: vec![FileHazard {
            code: "table-rewrite".into(),
            severity: "warning".into(),
            message: "rewrites app.users".into(),
        }],
        lock: Some("ACCESS EXCLUSIVE".into()),
        transactional: true,
        depends_on: vec![],
        source: Some(FileSource {
            file: "core/users.sql".into(),
            line: 3,
            column: 1,
        }),
    });
    let text = serde_json::to_string(&file).expect("serializes");
    let back: PlanFile = serde_json::from_str(&text).expect("deserializes");
    assert_eq!(back, file);
    assert_eq!(back.format_version, FORMAT_VERSION);
    assert_ne!(back.current_fingerprint, back.desired_hash);
}

#[test]
fn fingerprints_change_with_the_definition_only() {
    let a = catalog("integer");
    let b = catalog("bigint");
    let fa = of_value(&lookup(&a, &users()).expect("table found"));
    let fb = of_value(&lookup(&b, &users()).expect("table found"));
    assert_ne!(
        fa, fb,
        "a changed column type changes the table's fingerprint"
    );
    assert_ne!(of_catalog(&a), of_catalog(&b));

    // Bookkeeping (domain, origin) is not part of the definition.
    let mut c = catalog("integer");
    if let Some(t) = c.tables.values_mut().next() {
        t.meta.domain = "elsewhere".into();
    }
    assert_eq!(of_catalog(&a), of_catalog(&c));
    assert_eq!(fa.len(), 64);
}

//! Row-level security policies and grants.

use crate::common::{ident, idents, load, qn};
use schemadiff_model::{Expr, ObjectId, ObjectKind};
use schemadiff_testkit::TestDb;
use std::collections::BTreeSet;

#[tokio::test]
async fn policies_roles_commands_and_expressions() {
    let (_db, result) = load(
        "isp_policies",
        r#"
        CREATE SCHEMA app;
        CREATE TABLE app.docs (tenant_id int, owner text, body text);
        ALTER TABLE app.docs ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON app.docs
            USING (tenant_id = current_setting('app.tenant_id')::int);
        CREATE POLICY owner_insert ON app.docs AS RESTRICTIVE FOR INSERT TO pg_read_all_data, CURRENT_USER
            WITH CHECK (owner = current_user);
        CREATE POLICY readers ON app.docs FOR SELECT TO PUBLIC USING (true);
        "#,
    )
    .await;
    let c = result.catalog;
    let docs = qn("app", "docs");
    let all = &c.policies[&(docs.clone(), ident("tenant_isolation"))];
    assert!(all.permissive);
    assert_eq!(all.command, "all");
    assert_eq!(all.roles, idents(&["public"]));
    assert_eq!(
        all.using,
        Some(Expr::new(
            "tenant_id = current_setting('app.tenant_id'::text)::integer"
        ))
    );
    assert_eq!(all.with_check, None);

    let insert = &c.policies[&(docs.clone(), ident("owner_insert"))];
    assert!(!insert.permissive);
    assert_eq!(insert.command, "insert");
    assert_eq!(insert.roles, idents(&["pg_read_all_data", "root"]));
    assert_eq!(insert.using, None);
    assert_eq!(insert.with_check, Some(Expr::new("owner = CURRENT_USER")));

    let readers = &c.policies[&(docs, ident("readers"))];
    assert_eq!(
        (readers.command.as_str(), readers.using.clone()),
        ("select", Some(Expr::new("true")))
    );
}

/// Roles are cluster-wide: this test creates its own and drops them afterwards.
const ROLES: [&str; 2] = ["sdx_isp_grants_reader", "sdx_isp_grants_writer"];

#[tokio::test]
async fn grants_beyond_the_defaults() {
    let setup = format!(
        r#"
        DROP ROLE IF EXISTS {r}; DROP ROLE IF EXISTS {w};
        CREATE ROLE {r}; CREATE ROLE {w};
        CREATE SCHEMA app;
        CREATE TABLE app.t (id int, secret text, note text);
        CREATE SEQUENCE app.s;
        CREATE VIEW app.v AS SELECT id FROM app.t;
        CREATE TYPE app.mood AS ENUM ('ok');
        CREATE FUNCTION app.f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
        CREATE FUNCTION app.g() RETURNS int LANGUAGE sql AS 'SELECT 1';
        GRANT SELECT ON app.t TO PUBLIC;
        GRANT INSERT, UPDATE ON app.t TO {w} WITH GRANT OPTION;
        GRANT SELECT (id, note), UPDATE (note) ON app.t TO {r};
        GRANT USAGE, SELECT ON SEQUENCE app.s TO {w};
        GRANT SELECT ON app.v TO {r};
        GRANT USAGE ON SCHEMA app TO {r};
        GRANT USAGE ON TYPE app.mood TO {r};
        GRANT EXECUTE ON FUNCTION app.f(int) TO {r};
        REVOKE EXECUTE ON FUNCTION app.g() FROM PUBLIC;
        "#,
        r = ROLES[0],
        w = ROLES[1]
    );
    let (db, result) = load("isp_grants", &setup).await;
    drop(db);
    let cleanup = TestDb::create("isp_grants_cleanup");
    for role in ROLES {
        let _ = cleanup.psql(&format!("DROP ROLE IF EXISTS {role}"));
    }
    let c = result.catalog;
    let (r, w) = (ident(ROLES[0]), ident(ROLES[1]));
    let table = ObjectId::table(qn("app", "t"));
    let privs = |on: &ObjectId, grantee: &schemadiff_model::Ident| {
        c.grants.get(&(on.clone(), grantee.clone())).map(|g| {
            (
                g.privileges.iter().cloned().collect::<Vec<_>>(),
                g.with_grant_option,
            )
        })
    };
    assert_eq!(
        privs(&table, &ident("public")),
        Some((vec!["SELECT".into()], false))
    );
    assert_eq!(
        privs(&table, &w),
        Some((vec!["INSERT".into(), "UPDATE".into()], true))
    );
    assert_eq!(
        privs(&table, &r),
        Some((
            vec!["SELECT (id, note)".into(), "UPDATE (note)".into()],
            false
        ))
    );
    let seq = ObjectId::Sequence {
        name: qn("app", "s"),
    };
    assert_eq!(
        privs(&seq, &w),
        Some((vec!["SELECT".into(), "USAGE".into()], false))
    );
    let view = ObjectId::view(qn("app", "v"), false);
    assert_eq!(privs(&view, &r), Some((vec!["SELECT".into()], false)));
    let schema = ObjectId::Schema { name: ident("app") };
    assert_eq!(privs(&schema, &r), Some((vec!["USAGE".into()], false)));
    let ty = ObjectId::Type {
        name: qn("app", "mood"),
    };
    assert_eq!(privs(&ty, &r), Some((vec!["USAGE".into()], false)));
    let f = ObjectId::Function {
        kind: ObjectKind::Function,
        name: qn("app", "f"),
        args: "integer".into(),
    };
    assert_eq!(privs(&f, &r), Some((vec!["EXECUTE".into()], false)));

    // Nothing for the owner, nothing for defaults (PUBLIC EXECUTE on functions, USAGE
    // on types), nothing for a revoked default, nothing outside schema app but the
    // public schema's PUBLIC USAGE (PostgreSQL 15 grants it explicitly).
    let grantees: BTreeSet<_> = c.grants.keys().map(|(_, g)| g.as_str()).collect();
    assert!(!grantees.contains("root"), "{grantees:?}");
    let on: BTreeSet<_> = c
        .grants
        .keys()
        .map(|(on, g)| format!("{on} to {g}"))
        .collect();
    assert_eq!(on.len(), 9, "{on:#?}");
}

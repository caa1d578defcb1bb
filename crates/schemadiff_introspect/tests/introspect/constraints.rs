//! Constraints: primary key, unique (INCLUDE, NULLS NOT DISTINCT), foreign key, check, exclusion.

use crate::common::{catalog, ident, idents, qn, table};
use schemadiff_model::{Constraint, ConstraintKind, Deferrable, FkAction};

fn con<'a>(t: &'a schemadiff_model::Table, name: &str) -> &'a Constraint {
    match t.constraints.get(&ident(name)) {
        Some(c) => c,
        None => panic!(
            "no constraint {name}; have {:?}",
            t.constraints.keys().collect::<Vec<_>>()
        ),
    }
}

#[tokio::test]
async fn keys_foreign_keys_checks_and_exclusions() {
    let c = catalog(
        "isp_constraints",
        r#"
        CREATE EXTENSION btree_gist;
        CREATE SCHEMA app;
        CREATE TABLE app.parent (
            a int,
            b int,
            c text,
            note text,
            PRIMARY KEY (b, a),
            CONSTRAINT parent_c_key UNIQUE NULLS NOT DISTINCT (c) INCLUDE (note),
            UNIQUE (note, c)
        );
        CREATE TABLE app.child (
            id int PRIMARY KEY,
            pa int,
            pb int,
            qty int,
            room int,
            during tsrange,
            CONSTRAINT child_parent_fkey FOREIGN KEY (pb, pa) REFERENCES app.parent (b, a)
                MATCH FULL ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
            CONSTRAINT child_qty_check CHECK (qty > 0),
            CONSTRAINT child_room_excl EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0)
        );
        ALTER TABLE app.child ADD CONSTRAINT child_self_fkey FOREIGN KEY (pa)
            REFERENCES app.child (id) ON DELETE RESTRICT DEFERRABLE NOT VALID;
        ALTER TABLE app.child ADD CONSTRAINT child_room_check CHECK (room < 100) NOT VALID;
        "#,
    )
    .await;
    let parent = table(&c, "app", "parent");
    let pk = con(parent, "parent_pkey");
    assert_eq!(
        pk.kind,
        ConstraintKind::PrimaryKey {
            columns: idents(&["b", "a"]),
            include: vec![]
        }
    );
    assert!(!pk.name_generated && !pk.not_valid && pk.deferrable == Deferrable::No);
    assert_eq!(
        con(parent, "parent_c_key").kind,
        ConstraintKind::Unique {
            columns: idents(&["c"]),
            include: idents(&["note"]),
            nulls_not_distinct: true
        }
    );
    assert_eq!(
        con(parent, "parent_note_c_key").kind,
        ConstraintKind::Unique {
            columns: idents(&["note", "c"]),
            include: vec![],
            nulls_not_distinct: false
        }
    );

    let child = table(&c, "app", "child");
    let fk = con(child, "child_parent_fkey");
    let ConstraintKind::ForeignKey(k) = &fk.kind else {
        panic!("{fk:?}")
    };
    assert_eq!(k.columns, idents(&["pb", "pa"]));
    assert_eq!(k.ref_table, qn("app", "parent"));
    assert_eq!(k.ref_columns, idents(&["b", "a"]));
    assert_eq!(
        (k.on_delete, k.on_update, k.match_full),
        (FkAction::Cascade, FkAction::SetNull, true)
    );
    assert_eq!(fk.deferrable, Deferrable::InitiallyDeferred);
    assert!(!fk.not_valid);

    let self_fk = con(child, "child_self_fkey");
    let ConstraintKind::ForeignKey(k) = &self_fk.kind else {
        panic!("{self_fk:?}")
    };
    assert_eq!(
        (k.on_delete, k.on_update, k.match_full),
        (FkAction::Restrict, FkAction::NoAction, false)
    );
    assert_eq!(self_fk.deferrable, Deferrable::InitiallyImmediate);
    assert!(self_fk.not_valid);

    let check = con(child, "child_qty_check");
    assert_eq!(
        check.kind,
        ConstraintKind::Check {
            expr: schemadiff_model::Expr::new("qty > 0"),
            no_inherit: false
        }
    );
    let not_valid = con(child, "child_room_check");
    assert!(not_valid.not_valid);
    let ConstraintKind::Check { expr, .. } = &not_valid.kind else {
        panic!()
    };
    assert_eq!(expr.sql, "room < 100");

    let ConstraintKind::Exclusion {
        method,
        elements,
        predicate,
    } = &con(child, "child_room_excl").kind
    else {
        panic!("not an exclusion")
    };
    assert_eq!(method, "gist");
    assert_eq!(
        elements,
        &[
            ("room".to_string(), "=".to_string()),
            ("during".to_string(), "&&".to_string())
        ]
    );
    assert_eq!(predicate.as_ref().map(|p| p.sql.as_str()), Some("room > 0"));

    // Indexes backing constraints are not separate objects.
    assert!(
        c.indexes.is_empty(),
        "{:?}",
        c.indexes.keys().collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn keys_name_inherited_columns_and_targets_outside_the_scope() {
    let db = schemadiff_testkit::TestDb::create("isp_con_inherited");
    let sql = r#"
        CREATE SCHEMA app;
        CREATE SCHEMA other;
        CREATE TABLE other.owner (code text PRIMARY KEY);
        CREATE TABLE app.parent (id int, owner text, note text);
        CREATE TABLE app.child (extra int) INHERITS (app.parent);
        ALTER TABLE app.child ADD PRIMARY KEY (id) INCLUDE (note, extra);
        ALTER TABLE app.child ADD FOREIGN KEY (owner) REFERENCES other.owner (code);
        CREATE TABLE app.part (k int, v text) PARTITION BY LIST (k);
        CREATE TABLE app.part_1 PARTITION OF app.part FOR VALUES IN (1);
        ALTER TABLE app.part_1 ADD UNIQUE (v, k);
    "#;
    if let Err(e) = db.psql(sql) {
        panic!("{e}");
    }
    let scope = schemadiff_introspect::Scope {
        schemas: vec!["app".into()],
    };
    let c = crate::common::read(&db, &scope).await.catalog;
    let child = table(&c, "app", "child");
    let names: Vec<_> = child.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["extra"]);
    match &child.constraints[&ident("child_pkey")].kind {
        ConstraintKind::PrimaryKey { columns, include } => {
            assert_eq!(columns, &idents(&["id"]));
            assert_eq!(include, &idents(&["note", "extra"]));
        }
        other => panic!("{other:?}"),
    }
    match &child.constraints[&ident("child_owner_fkey")].kind {
        ConstraintKind::ForeignKey(fk) => {
            assert_eq!(fk.columns, idents(&["owner"]));
            assert_eq!(fk.ref_table, qn("other", "owner"));
            assert_eq!(fk.ref_columns, idents(&["code"]));
        }
        other => panic!("{other:?}"),
    }
    let part = table(&c, "app", "part_1");
    match &part.constraints[&ident("part_1_v_k_key")].kind {
        ConstraintKind::Unique { columns, .. } => assert_eq!(columns, &idents(&["v", "k"])),
        other => panic!("{other:?}"),
    }
}

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

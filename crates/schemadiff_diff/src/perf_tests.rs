//! A size check: two 10,000-table catalogs differing in 10% of their tables
//! (`cargo test -p schemadiff_diff --release -- --ignored --nocapture`).

use crate::{diff, DiffInput};
use schemadiff_model::{
    Catalog, Column, Constraint, ConstraintKind, Deferrable, Expr, FkAction, ForeignKey, Ident,
    Index, IndexKey, IndexTarget, ObjectMeta, ObjectRef, QualifiedName, RefKind, Table, TypeName,
    View,
};
use std::time::Instant;

fn constraint(name: String, kind: ConstraintKind) -> Constraint {
    Constraint {
        name: Ident::new(name),
        name_generated: true,
        kind,
        deferrable: Deferrable::No,
        not_valid: false,
        meta: ObjectMeta::default(),
    }
}

fn generate(n: usize) -> Catalog {
    let mut c = Catalog::default();
    for i in 0..n {
        let name = QualifiedName::new("app", format!("t{i}").as_str());
        let mut t = Table::new(name.clone(), ObjectMeta::default());
        for k in 0..10 {
            let ty = if k % 2 == 0 { "integer" } else { "text" };
            t.columns.push(Column::new(
                Ident::new(format!("c{k}")),
                TypeName::builtin(ty),
            ));
        }
        let pk = ConstraintKind::PrimaryKey {
            columns: vec![Ident::new("c0")],
            include: vec![],
        };
        t.constraints.insert(
            Ident::new(format!("t{i}_pkey")),
            constraint(format!("t{i}_pkey"), pk),
        );
        let check = ConstraintKind::Check {
            expr: Expr::new("c2 > 0"),
            no_inherit: false,
        };
        t.constraints.insert(
            Ident::new(format!("t{i}_c2_check")),
            constraint(format!("t{i}_c2_check"), check),
        );
        if i > 0 {
            let fk = ConstraintKind::ForeignKey(ForeignKey {
                columns: vec![Ident::new("c4")],
                ref_table: QualifiedName::new("app", format!("t{}", i - 1).as_str()),
                ref_columns: vec![Ident::new("c0")],
                on_delete: FkAction::NoAction,
                on_update: FkAction::NoAction,
                match_full: false,
            });
            t.constraints.insert(
                Ident::new(format!("t{i}_c4_fkey")),
                constraint(format!("t{i}_c4_fkey"), fk),
            );
        }
        for col in ["c1", "c3"] {
            let ix = Index {
                name: QualifiedName::new("app", format!("t{i}_{col}_idx").as_str()),
                name_generated: true,
                table: name.clone(),
                unique: false,
                nulls_not_distinct: false,
                method: "btree".into(),
                keys: vec![IndexKey {
                    target: IndexTarget::Column(Ident::new(col)),
                    collation: None,
                    opclass: None,
                    descending: false,
                    nulls_first: None,
                }],
                include: vec![],
                predicate: None,
                with: vec![],
                meta: ObjectMeta::default(),
            };
            c.indexes.insert(ix.name.clone(), ix);
        }
        if i % 10 == 0 {
            let v = View {
                name: QualifiedName::new("app", format!("v{i}").as_str()),
                materialized: false,
                columns: vec![],
                query: format!("SELECT c0, c1 FROM app.t{i}"),
                options: vec![],
                check_option: None,
                with_data: true,
                refs: [ObjectRef {
                    kind: RefKind::Relation,
                    name: name.clone(),
                }]
                .into(),
                meta: ObjectMeta::default(),
            };
            c.views.insert(v.name.clone(), v);
        }
        c.tables.insert(name, t);
    }
    c
}

#[test]
#[ignore = "timing; run with --release -- --ignored --nocapture"]
fn ten_thousand_tables_ten_percent_changed() {
    let cur = generate(10_000);
    let mut des = generate(10_000);
    for (i, t) in des.tables.values_mut().enumerate() {
        match i % 30 {
            0 => t
                .columns
                .push(Column::new(Ident::new("extra"), TypeName::builtin("text"))),
            10 => t.columns[1].ty = TypeName::builtin("character varying"),
            20 => {
                t.columns.remove(9);
            }
            _ => {}
        }
    }
    let start = Instant::now();
    let changes = diff(DiffInput {
        current: &cur,
        desired: &des,
        source: None,
    });
    let took = start.elapsed();
    println!(
        "diff of 10,000 tables: {} changes in {took:?}",
        changes.changes.len()
    );
    assert!(changes.changes.len() >= 1000);
}

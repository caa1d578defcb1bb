//! Timing of `plan_changes` on two 10,000-table catalogs differing in 10% of the tables
//! (`cargo test --release -p schemadiff_plan perf -- --ignored --nocapture`).

use crate::changes_tests::{catalog, check, col, fk, index, qn, table, view};
use crate::{plan_changes, plan_create, PlanInput};
use schemadiff_diff::{Change, ChangeSet};
use schemadiff_model::{Catalog, Ident, ObjectMeta, Schema};
use std::time::Instant;

fn generate(n: usize) -> Catalog {
    let mut tables = vec![table("core.users", vec![col("id", "integer")])];
    for i in 0..n {
        let name = format!("d{}.t{i}", i % 10);
        let mut cols = vec![col("id", "integer"), col("user_id", "integer")];
        for c in 0..8 {
            cols.push(col(&format!("c{c}"), "text"));
        }
        let mut t = table(&name, cols);
        t.constraints.insert(
            Ident::new(format!("t{i}_user_fkey")),
            fk(&format!("t{i}_user_fkey"), &["user_id"], "core.users"),
        );
        t.constraints.insert(
            Ident::new(format!("t{i}_check")),
            check(&format!("t{i}_check"), "id > 0"),
        );
        tables.push(t);
    }
    let mut c = catalog(tables);
    for s in [
        "core", "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9",
    ] {
        c.schemas.insert(
            Ident::new(s),
            Schema {
                name: Ident::new(s),
                authorization: None,
                meta: ObjectMeta::default(),
            },
        );
    }
    for i in 0..n {
        let t = format!("d{}.t{i}", i % 10);
        for k in 0..2 {
            let ix = index(&format!("t{i}_c{k}_idx"), &t, &[&format!("c{k}")]);
            c.indexes.insert(ix.name.clone(), ix);
        }
        if i % 10 == 0 {
            let v = view(&format!("d0.v{i}"), &[&t]);
            c.views.insert(v.name.clone(), v);
        }
    }
    c
}

#[test]
#[ignore]
fn perf_plan_changes_10k_tables_10_percent_changed() {
    let n = 10_000;
    let current = generate(n);
    let mut desired = current.clone();
    let mut changes = Vec::new();
    for i in (0..n).step_by(10) {
        let t = qn(&format!("d{}.t{i}", i % 10));
        let added = col("extra", "bigint");
        changes.push(Change::AddColumn {
            table: t.clone(),
            column: added.clone(),
        });
        let from = col("c7", "text");
        let mut to = col("c7", "text");
        to.not_null = true;
        changes.push(Change::AlterColumn {
            table: t.clone(),
            from,
            to,
        });
        changes.push(Change::CreateIndex(index(
            &format!("t{i}_extra_idx"),
            &format!("{}.{}", t.schema, t.name),
            &["extra"],
        )));
        changes.push(Change::DropIndex(
            current.indexes[&qn(&format!("{}.t{i}_c1_idx", t.schema))].clone(),
        ));
        let v = current.views[&qn(&format!("d0.v{i}"))].clone();
        changes.push(Change::DropView(v.clone()));
        changes.push(Change::CreateView(v));
        if let Some(dt) = desired.tables.get_mut(&t) {
            dt.columns.push(added);
        }
    }
    let changes = ChangeSet { changes };
    let mut changes_time = std::time::Duration::MAX;
    let mut plan = None;
    for _ in 0..3 {
        let start = Instant::now();
        plan = Some(
            plan_changes(PlanInput {
                changes: &changes,
                current: &current,
                desired: &desired,
            })
            .expect("plan"),
        );
        changes_time = changes_time.min(start.elapsed());
    }
    let plan = plan.expect("planned");
    let start = Instant::now();
    let full = plan_create(&current).expect("plan");
    eprintln!(
        "plan_changes: {} changes -> {} steps in {:?}; plan_create: {} steps in {:?}",
        changes.changes.len(),
        plan.steps.len(),
        changes_time,
        full.steps.len(),
        start.elapsed()
    );
}

//! Tests of the change planner on hand-built change sets: ordering, online forms, hazards.

use crate::action::{Action, ColumnChange};
use crate::hazard::HazardCode;
use crate::{plan_changes, Plan, PlanInput};
use schemadiff_diff::{Change, ChangeSet, EnumPosition};
use schemadiff_model::{
    Catalog, Column, Constraint, ConstraintKind, Deferrable, Expr, FkAction, ForeignKey, Ident,
    Index, IndexKey, IndexTarget, ObjectMeta, ObjectRef, QualifiedName, RefKind, Table, TypeName,
    View,
};
use std::collections::BTreeSet;

pub(crate) fn qn(s: &str) -> QualifiedName {
    let (a, b) = s.split_once('.').unwrap_or(("public", s));
    QualifiedName::new(a, b)
}

pub(crate) fn col(name: &str, ty: &str) -> Column {
    Column::new(Ident::new(name), TypeName::builtin(ty))
}

pub(crate) fn table(name: &str, cols: Vec<Column>) -> Table {
    let mut t = Table::new(qn(name), ObjectMeta::default());
    t.columns = cols;
    t
}

pub(crate) fn fk(name: &str, cols: &[&str], to: &str) -> Constraint {
    Constraint {
        name: Ident::new(name),
        name_generated: false,
        kind: ConstraintKind::ForeignKey(ForeignKey {
            columns: cols.iter().map(|c| Ident::new(*c)).collect(),
            ref_table: qn(to),
            ref_columns: vec![Ident::new("id")],
            on_delete: FkAction::NoAction,
            on_update: FkAction::NoAction,
            match_full: false,
        }),
        deferrable: Deferrable::No,
        not_valid: false,
        meta: ObjectMeta::default(),
    }
}

pub(crate) fn check(name: &str, sql: &str) -> Constraint {
    Constraint {
        name: Ident::new(name),
        name_generated: false,
        kind: ConstraintKind::Check {
            expr: Expr::new(sql),
            no_inherit: false,
        },
        deferrable: Deferrable::No,
        not_valid: false,
        meta: ObjectMeta::default(),
    }
}

pub(crate) fn index(name: &str, on: &str, cols: &[&str]) -> Index {
    let t = qn(on);
    Index {
        name: QualifiedName::new(t.schema.clone(), Ident::new(name)),
        name_generated: false,
        table: t,
        unique: false,
        nulls_not_distinct: false,
        method: "btree".into(),
        keys: cols
            .iter()
            .map(|c| IndexKey {
                target: IndexTarget::Column(Ident::new(*c)),
                collation: None,
                opclass: None,
                descending: false,
                nulls_first: None,
            })
            .collect(),
        include: vec![],
        predicate: None,
        with: vec![],
        meta: ObjectMeta::default(),
    }
}

pub(crate) fn view(name: &str, uses: &[&str]) -> View {
    View {
        name: qn(name),
        materialized: false,
        columns: vec![],
        query: "SELECT 1".into(),
        options: vec![],
        check_option: None,
        with_data: true,
        refs: uses
            .iter()
            .map(|u| ObjectRef {
                kind: RefKind::Relation,
                name: qn(u),
            })
            .collect::<BTreeSet<_>>(),
        meta: ObjectMeta::default(),
    }
}

pub(crate) fn catalog(tables: Vec<Table>) -> Catalog {
    let mut c = Catalog::default();
    for t in tables {
        c.tables.insert(t.name.clone(), t);
    }
    c
}

pub(crate) fn plan(changes: Vec<Change>, current: &Catalog, desired: &Catalog) -> Plan {
    let changes = ChangeSet { changes };
    plan_changes(PlanInput {
        changes: &changes,
        current,
        desired,
    })
    .expect("no cycle")
}

/// Position of the first step matching `f`.
pub(crate) fn pos(p: &Plan, f: impl Fn(&Action) -> bool) -> usize {
    p.steps
        .iter()
        .position(|s| f(&s.action))
        .expect("step present")
}

#[test]
fn foreign_keys_drop_before_the_tables_they_reference_and_dependents_go_with_tables() {
    let users = table("users", vec![col("id", "integer")]);
    let mut posts = table(
        "posts",
        vec![col("id", "integer"), col("user_id", "integer")],
    );
    posts.constraints.insert(
        Ident::new("posts_user_id_fkey"),
        fk("posts_user_id_fkey", &["user_id"], "users"),
    );
    let current = catalog(vec![users.clone(), posts.clone()]);
    let desired = catalog(vec![posts.clone()]);
    let p = plan(
        vec![
            Change::DropConstraint {
                table: qn("posts"),
                constraint: posts.constraints.values().next().cloned().expect("fk"),
            },
            Change::DropIndex(index("users_idx", "users", &["id"])),
            Change::DropTable(users),
        ],
        &current,
        &desired,
    );
    assert_eq!(p.steps.len(), 2, "the index goes with its table: {p:#?}");
    let fk = pos(&p, |a| matches!(a, Action::DropConstraint { .. }));
    let t = pos(&p, |a| matches!(a, Action::DropTable { .. }));
    assert!(fk < t);
    let drop = &p.steps[t];
    assert!(drop.hazards.iter().any(|h| h.code == HazardCode::DataLoss));
}

#[test]
fn dropped_tables_referencing_each_other_drop_their_foreign_keys_first() {
    let mut a = table("a", vec![col("id", "integer"), col("b_id", "integer")]);
    let mut b = table("b", vec![col("id", "integer"), col("a_id", "integer")]);
    a.constraints
        .insert(Ident::new("a_b_fkey"), fk("a_b_fkey", &["b_id"], "b"));
    b.constraints
        .insert(Ident::new("b_a_fkey"), fk("b_a_fkey", &["a_id"], "a"));
    let current = catalog(vec![a.clone(), b.clone()]);
    let p = plan(
        vec![Change::DropTable(a), Change::DropTable(b)],
        &current,
        &Catalog::default(),
    );
    let first_table = pos(&p, |x| matches!(x, Action::DropTable { .. }));
    assert!(p.steps[..first_table]
        .iter()
        .any(|s| matches!(s.action, Action::DropConstraint { .. })));
}

#[test]
fn indexes_on_existing_tables_are_built_concurrently_outside_transactions() {
    let t = table("t", vec![col("a", "integer")]);
    let current = catalog(vec![t.clone()]);
    let p = plan(
        vec![Change::CreateIndex(index("t_a_idx", "t", &["a"]))],
        &current,
        &current,
    );
    assert!(matches!(
        p.steps[0].action,
        Action::CreateIndexConcurrently(_)
    ));
    assert!(!p.steps[0].transactional);
    let codes: Vec<_> = p.steps[0].hazards.iter().map(|h| h.code).collect();
    assert!(codes.contains(&HazardCode::NonTransactional));

    // On a table created by the same plan: the plain form.
    let n = table("n", vec![col("a", "integer")]);
    let desired = catalog(vec![n.clone()]);
    let p = plan(
        vec![
            Change::CreateIndex(index("n_a_idx", "n", &["a"])),
            Change::CreateTable(n),
        ],
        &Catalog::default(),
        &desired,
    );
    assert!(matches!(p.steps[0].action, Action::CreateTable(_)));
    assert!(matches!(p.steps[1].action, Action::CreateIndex(_)));
    assert!(p.steps[1].transactional && p.steps[1].hazards.is_empty());
}

#[test]
fn set_not_null_on_an_existing_column_goes_through_a_validated_check() {
    let from = col("a", "integer");
    let mut to = from.clone();
    to.not_null = true;
    let t = table("t", vec![from.clone()]);
    let current = catalog(vec![t.clone()]);
    let desired = catalog(vec![table("t", vec![to.clone()])]);
    let p = plan(
        vec![Change::AlterColumn {
            table: qn("t"),
            from,
            to,
        }],
        &current,
        &desired,
    );
    let kinds: Vec<&str> = p
        .steps
        .iter()
        .map(|s| match &s.action {
            Action::AddNotNullCheck { .. } => "check",
            Action::ValidateConstraint { .. } => "validate",
            Action::AlterColumn {
                change: ColumnChange::SetNotNull,
                ..
            } => "set",
            Action::DropConstraint { .. } => "drop",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["check", "validate", "set", "drop"]);
    assert!(p.steps[1]
        .hazards
        .iter()
        .any(|h| h.code == HazardCode::FullTableScan));
}

#[test]
fn new_checks_on_existing_tables_are_added_not_valid_then_validated() {
    let t = table("t", vec![col("a", "integer")]);
    let current = catalog(vec![t.clone()]);
    let p = plan(
        vec![Change::AddConstraint {
            table: qn("t"),
            constraint: check("t_a_check", "a > 0"),
        }],
        &current,
        &current,
    );
    assert_eq!(p.steps.len(), 2);
    match &p.steps[0].action {
        Action::AddConstraint { constraint, .. } => assert!(constraint.not_valid),
        other => panic!("unexpected {other:?}"),
    }
    assert!(matches!(
        p.steps[1].action,
        Action::ValidateConstraint { .. }
    ));
}

#[test]
fn views_are_dropped_before_and_created_after_a_column_type_change() {
    let from = col("a", "integer");
    let to = col("a", "bigint");
    let current = catalog(vec![table("t", vec![from.clone()])]);
    let desired = catalog(vec![table("t", vec![to.clone()])]);
    let p = plan(
        vec![
            Change::CreateView(view("v", &["t"])),
            Change::DropView(view("v", &["t"])),
            Change::AlterColumn {
                table: qn("t"),
                from,
                to,
            },
        ],
        &current,
        &desired,
    );
    let d = pos(&p, |a| matches!(a, Action::DropView { .. }));
    let alter = pos(&p, |a| matches!(a, Action::AlterColumn { .. }));
    let c = pos(&p, |a| matches!(a, Action::CreateView(_)));
    assert!(d < alter && alter < c, "{p:#?}");
    let codes: Vec<_> = p.steps[alter].hazards.iter().map(|h| h.code).collect();
    assert!(codes.contains(&HazardCode::TableRewrite));
}

#[test]
fn enum_values_are_added_before_columns_use_them_outside_transactions() {
    let ty = qn("s.mood");
    let mut c = col("m", "mood");
    c.ty = TypeName::user(ty.clone());
    let current = catalog(vec![table("s.t", vec![])]);
    let p = plan(
        vec![
            Change::AddColumn {
                table: qn("s.t"),
                column: c,
            },
            Change::AddEnumValue {
                ty,
                value: "meh".into(),
                position: EnumPosition::Last,
            },
        ],
        &current,
        &current,
    );
    assert!(matches!(p.steps[0].action, Action::AddEnumValue { .. }));
    assert!(!p.steps[0].transactional);
}

#[test]
fn a_drop_and_add_of_the_same_shape_warns_of_a_possible_rename() {
    let t = table("t", vec![col("a", "text")]);
    let current = catalog(vec![t.clone()]);
    let p = plan(
        vec![
            Change::DropColumn {
                table: qn("t"),
                column: col("a", "text"),
            },
            Change::AddColumn {
                table: qn("t"),
                column: col("b", "text"),
            },
        ],
        &current,
        &current,
    );
    let d = pos(&p, |a| matches!(a, Action::DropColumn { .. }));
    assert!(p.steps[d]
        .hazards
        .iter()
        .any(|h| h.code == HazardCode::PossibleRename));
}

#[test]
fn renamed_columns_are_renamed_before_they_are_altered() {
    let from = col("a", "integer");
    let mut to = col("b", "integer");
    to.default = Some(Expr::new("1"));
    let current = catalog(vec![table("t", vec![from.clone()])]);
    let desired = catalog(vec![table("t", vec![to.clone()])]);
    let mut renamed = from.clone();
    renamed.name = Ident::new("b");
    let p = plan(
        vec![
            Change::AlterColumn {
                table: qn("t"),
                from: renamed,
                to,
            },
            Change::RenameColumn {
                table: qn("t"),
                from: Ident::new("a"),
                to: Ident::new("b"),
            },
        ],
        &current,
        &desired,
    );
    assert!(matches!(p.steps[0].action, Action::RenameColumn { .. }));
}

//! Change plans rendered to SQL and applied to a real PostgreSQL database holding rows:
//! the online forms, drop orders and type changes must run with ON_ERROR_STOP and leave
//! the catalog as a database built from the target files would be.

use schemadiff_diff::{Change, ChangeSet, EnumPosition};
use schemadiff_model::{Catalog, Ident, QualifiedName};
use schemadiff_parse::{load_sources, SourceFile};
use schemadiff_plan::{plan_changes, PlanInput};
use schemadiff_render::sql::script;
use schemadiff_testkit::TestDb;

fn load(sql: &str) -> Catalog {
    let loaded = load_sources(vec![SourceFile {
        path: "app/schema.sql".into(),
        domain: "app".into(),
        text: sql.into(),
    }]);
    loaded.catalog
}

fn qn(s: &str) -> QualifiedName {
    let (a, b) = s.split_once('.').expect("qualified");
    QualifiedName::new(a, b)
}

/// Plans `changes`, applies the script to `db`, and returns it.
fn apply(db: &TestDb, changes: Vec<Change>, current: &Catalog, desired: &Catalog) -> String {
    let changes = ChangeSet { changes };
    let plan = plan_changes(PlanInput {
        changes: &changes,
        current,
        desired,
    })
    .expect("plan");
    let sql = script(&plan);
    if let Err(e) = db.psql(&sql) {
        panic!("plan failed:\n{sql}\n{e}");
    }
    sql
}

const FROM: &str = "
CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY, a integer, b text);
CREATE TABLE app.t2 (id integer PRIMARY KEY, t_id integer);
CREATE VIEW app.v AS SELECT id, a FROM app.t;
";

const TO: &str = "
CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY, a bigint NOT NULL DEFAULT 1, b text,
  c bigint NOT NULL DEFAULT 0, CONSTRAINT t_a_check CHECK (a > 0), CONSTRAINT t_b_key UNIQUE (b));
CREATE INDEX t_b_idx ON app.t (b);
CREATE TABLE app.t2 (id integer PRIMARY KEY, t_id integer REFERENCES app.t (id));
CREATE VIEW app.v AS SELECT id, a FROM app.t;
CREATE TABLE app.n (id integer PRIMARY KEY, t_id integer REFERENCES app.t (id));
CREATE INDEX n_t_idx ON app.n (t_id);
";

#[test]
fn online_forms_apply_to_a_table_with_rows() {
    let db = TestDb::create("plan_online");
    db.psql(FROM).expect("from");
    db.psql("INSERT INTO app.t SELECT g, g, 'x' || g FROM generate_series(1, 100) g; INSERT INTO app.t2 VALUES (1, 1)")
        .expect("rows");
    let current = load(FROM);
    let desired = load(TO);
    let t = &desired.tables[&qn("app.t")];
    let t2 = &desired.tables[&qn("app.t2")];
    let col = |name: &str| t.column(&Ident::new(name)).cloned().expect("column");
    let from_a = current.tables[&qn("app.t")]
        .column(&Ident::new("a"))
        .cloned()
        .expect("a");
    let changes = vec![
        Change::AddColumn {
            table: qn("app.t"),
            column: col("c"),
        },
        Change::DropView(current.views[&qn("app.v")].clone()),
        Change::AlterColumn {
            table: qn("app.t"),
            from: from_a,
            to: col("a"),
        },
        Change::CreateView(desired.views[&qn("app.v")].clone()),
        Change::AddConstraint {
            table: qn("app.t"),
            constraint: t.constraints[&Ident::new("t_a_check")].clone(),
        },
        Change::AddConstraint {
            table: qn("app.t"),
            constraint: t.constraints[&Ident::new("t_b_key")].clone(),
        },
        Change::CreateIndex(desired.indexes[&qn("app.t_b_idx")].clone()),
        Change::AddConstraint {
            table: qn("app.t2"),
            constraint: t2.constraints[&Ident::new("t2_t_id_fkey")].clone(),
        },
        Change::CreateTable(desired.tables[&qn("app.n")].clone()),
        Change::CreateIndex(desired.indexes[&qn("app.n_t_idx")].clone()),
    ];
    let sql = apply(&db, changes, &current, &desired);
    assert!(sql.contains("CREATE INDEX CONCURRENTLY t_b_idx"), "{sql}");
    assert!(
        sql.contains("CREATE UNIQUE INDEX CONCURRENTLY t_b_key"),
        "{sql}"
    );
    assert!(sql.contains("UNIQUE USING INDEX t_b_key"), "{sql}");
    assert!(sql.contains("CREATE INDEX n_t_idx"), "{sql}");
    assert!(sql.contains("NOT VALID"), "{sql}");
    let q = |s: &str| db.query_scalar(s);
    assert_eq!(
        q("SELECT string_agg(conname || ':' || convalidated, ',' ORDER BY conname) FROM pg_constraint WHERE conrelid IN ('app.t'::regclass, 'app.t2'::regclass)"),
        "t2_pkey:true,t2_t_id_fkey:true,t_a_check:true,t_b_key:true,t_pkey:true"
    );
    assert_eq!(
        q("SELECT attnotnull || ':' || format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'app.t'::regclass AND attname = 'a'"),
        "true:bigint"
    );
    assert_eq!(q("SELECT count(*) FROM pg_index WHERE NOT indisvalid"), "0");
    assert_eq!(q("SELECT count(*) FROM app.v"), "100");
}

const DROP_FROM: &str = "
CREATE SCHEMA app;
CREATE TABLE app.a (id integer PRIMARY KEY, b_id integer);
CREATE TABLE app.b (id integer PRIMARY KEY, a_id integer REFERENCES app.a (id));
ALTER TABLE app.a ADD CONSTRAINT a_b_fkey FOREIGN KEY (b_id) REFERENCES app.b (id);
CREATE TABLE app.k (id serial PRIMARY KEY, gone text, keep text);
CREATE INDEX k_gone_idx ON app.k (gone);
CREATE VIEW app.kv AS SELECT id, gone FROM app.k;
CREATE FUNCTION app.f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER k_t BEFORE INSERT ON app.k FOR EACH ROW EXECUTE FUNCTION app.f();
CREATE TYPE app.mood AS ENUM ('sad', 'ok');
CREATE TABLE app.m (id integer, mood app.mood DEFAULT 'ok');
";

const DROP_TO: &str = "
CREATE SCHEMA app;
CREATE TABLE app.k (id serial PRIMARY KEY, keep text);
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE app.m (id integer, mood app.mood DEFAULT 'happy');
";

#[test]
fn drops_run_dependents_first_and_enum_values_commit_before_use() {
    let db = TestDb::create("plan_drops");
    db.psql(DROP_FROM).expect("from");
    db.psql(
        "INSERT INTO app.k (gone, keep) VALUES ('g', 'k'); INSERT INTO app.m VALUES (1, 'sad')",
    )
    .expect("rows");
    let current = load(DROP_FROM);
    let desired = load(DROP_TO);
    let k = &current.tables[&qn("app.k")];
    let m_from = current.tables[&qn("app.m")]
        .column(&Ident::new("mood"))
        .cloned()
        .expect("mood");
    let m_to = desired.tables[&qn("app.m")]
        .column(&Ident::new("mood"))
        .cloned()
        .expect("mood");
    let changes = vec![
        Change::DropTable(current.tables[&qn("app.a")].clone()),
        Change::DropTable(current.tables[&qn("app.b")].clone()),
        Change::DropColumn {
            table: qn("app.k"),
            column: k.column(&Ident::new("gone")).cloned().expect("gone"),
        },
        Change::DropIndex(current.indexes[&qn("app.k_gone_idx")].clone()),
        Change::DropView(current.views[&qn("app.kv")].clone()),
        Change::DropFunction(current.functions.values().next().cloned().expect("f")),
        Change::DropTrigger(current.triggers.values().next().cloned().expect("t")),
        Change::AlterColumn {
            table: qn("app.m"),
            from: m_from,
            to: m_to,
        },
        Change::AddEnumValue {
            ty: qn("app.mood"),
            value: "happy".into(),
            position: EnumPosition::Last,
        },
    ];
    let sql = apply(&db, changes, &current, &desired);
    assert!(
        sql.find("ADD VALUE").expect("add value") < sql.find("'happy'::").unwrap_or(usize::MAX)
            || sql.contains("DEFAULT 'happy'"),
        "{sql}"
    );
    assert_eq!(
        db.query_scalar("SELECT count(*) FROM pg_class WHERE relnamespace = 'app'::regnamespace AND relname IN ('a', 'b', 'kv', 'k_gone_idx')"),
        "0"
    );
    db.psql("INSERT INTO app.m (id) VALUES (2)")
        .expect("default");
    assert_eq!(
        db.query_scalar("SELECT mood FROM app.m WHERE id = 2"),
        "happy"
    );
}

const RECREATE_FROM: &str = "
CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('new', 'old', 'gone');
CREATE TABLE app.s (id integer, st app.status DEFAULT 'new', hist app.status[]);
CREATE TABLE app.r (id integer PRIMARY KEY, name text);
";

const RECREATE_TO: &str = "
CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('old', 'new');
CREATE TABLE app.s (id integer, st app.status DEFAULT 'new', hist app.status[]);
CREATE TABLE app.renamed (id integer PRIMARY KEY, title text);
";

#[test]
fn enums_are_recreated_through_text_and_renames_keep_rows() {
    let db = TestDb::create("plan_recreate");
    db.psql(RECREATE_FROM).expect("from");
    db.psql("INSERT INTO app.s VALUES (1, 'old', '{new,old}'); INSERT INTO app.r VALUES (1, 'x')")
        .expect("rows");
    let current = load(RECREATE_FROM);
    let desired = load(RECREATE_TO);
    let changes = vec![
        Change::RecreateEnum {
            from: current.types[&qn("app.status")].clone(),
            to: desired.types[&qn("app.status")].clone(),
            columns: vec![
                (qn("app.s"), Ident::new("st")),
                (qn("app.s"), Ident::new("hist")),
            ],
        },
        Change::RenameTable {
            from: qn("app.r"),
            to: qn("app.renamed"),
        },
        Change::RenameColumn {
            table: qn("app.renamed"),
            from: Ident::new("name"),
            to: Ident::new("title"),
        },
    ];
    apply(&db, changes, &current, &desired);
    assert_eq!(
        db.query_scalar("SELECT enum_range(NULL::app.status)::text"),
        "{old,new}"
    );
    assert_eq!(
        db.query_scalar("SELECT st || ' ' || hist::text FROM app.s"),
        "old {new,old}"
    );
    assert_eq!(db.query_scalar("SELECT title FROM app.renamed"), "x");
}

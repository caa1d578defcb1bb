//! Tables: partitioning, partitions, inheritance, unlogged, row security, options.

use crate::common::{catalog, ident, qn, table};
use schemadiff_model::{ConstraintKind, PartitionStrategy};

#[tokio::test]
async fn partitioned_tables_and_their_partitions() {
    let c = catalog(
        "isp_partitions",
        r#"
        CREATE SCHEMA app;
        CREATE TABLE app.events (
            id bigint NOT NULL,
            at timestamptz NOT NULL,
            kind text,
            PRIMARY KEY (id, at)
        ) PARTITION BY RANGE (at);
        CREATE TABLE app.events_2024 PARTITION OF app.events
            FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
        CREATE TABLE app.events_other PARTITION OF app.events DEFAULT;
        CREATE INDEX events_kind_idx ON app.events (kind);
        CREATE TABLE app.by_key (k text, v int) PARTITION BY LIST (lower(k));
        CREATE TABLE app.hashed (id int) PARTITION BY HASH (id);
        CREATE TABLE app.hashed_0 PARTITION OF app.hashed FOR VALUES WITH (MODULUS 2, REMAINDER 0);
        CREATE TABLE app.refs (event_id bigint, event_at timestamptz,
            CONSTRAINT refs_event_fkey FOREIGN KEY (event_id, event_at) REFERENCES app.events);
        CREATE FUNCTION app.noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
        CREATE TRIGGER events_noop BEFORE INSERT ON app.events FOR EACH ROW EXECUTE FUNCTION app.noop();
        "#,
    )
    .await;
    let events = table(&c, "app", "events");
    let by = events.partition_by.as_ref().expect("partition key");
    assert_eq!(
        (by.strategy, by.keys.clone()),
        (PartitionStrategy::Range, vec!["at".to_string()])
    );
    assert_eq!(events.partition_of, None);

    let p2024 = table(&c, "app", "events_2024");
    let of = p2024.partition_of.as_ref().expect("partition of");
    assert_eq!(of.parent, qn("app", "events"));
    assert!(
        of.bound.starts_with("FOR VALUES FROM ('2024-01-01"),
        "{}",
        of.bound
    );
    assert!(p2024.inherits.is_empty());
    // Columns, the primary key and the index all come from the parent.
    assert!(p2024.columns.is_empty(), "{:?}", p2024.columns);
    assert!(p2024.constraints.is_empty(), "{:?}", p2024.constraints);
    let indexes: Vec<_> = c.indexes.keys().map(|k| k.to_string()).collect();
    assert_eq!(indexes, ["app.events_kind_idx"]);

    // A foreign key to a partitioned table is one constraint, not one per partition;
    // a trigger on a partitioned table is not repeated on its partitions.
    let refs = table(&c, "app", "refs");
    assert_eq!(
        refs.constraints.keys().collect::<Vec<_>>(),
        [&ident("refs_event_fkey")]
    );
    let triggers: Vec<_> = c.triggers.keys().map(|(t, n)| format!("{t}.{n}")).collect();
    assert_eq!(triggers, ["app.events.events_noop"]);

    let other = table(&c, "app", "events_other");
    assert_eq!(
        other.partition_of.as_ref().map(|p| p.bound.as_str()),
        Some("DEFAULT")
    );

    let by_key = table(&c, "app", "by_key")
        .partition_by
        .as_ref()
        .expect("list");
    assert_eq!(by_key.strategy, PartitionStrategy::List);
    assert_eq!(by_key.keys, ["lower(k)"]);
    let hashed = table(&c, "app", "hashed_0")
        .partition_of
        .as_ref()
        .expect("hash part");
    assert_eq!(hashed.bound, "FOR VALUES WITH (modulus 2, remainder 0)");
    assert_eq!(
        table(&c, "app", "hashed")
            .partition_by
            .as_ref()
            .map(|p| p.strategy),
        Some(PartitionStrategy::Hash)
    );
}

#[tokio::test]
async fn inheritance_unlogged_rls_and_options() {
    let c = catalog(
        "isp_tableflags",
        r#"
        CREATE SCHEMA app;
        CREATE TABLE app.base (id int, CONSTRAINT base_id_check CHECK (id > 0));
        CREATE TABLE app.other_base (note text);
        CREATE TABLE app.child (extra text) INHERITS (app.base, app.other_base);
        CREATE UNLOGGED TABLE app.cache (k text) WITH (fillfactor = 70, autovacuum_enabled = false);
        CREATE TABLE app.secure (tenant int);
        ALTER TABLE app.secure ENABLE ROW LEVEL SECURITY;
        ALTER TABLE app.secure FORCE ROW LEVEL SECURITY;
        CREATE TABLE app.half (tenant int);
        ALTER TABLE app.half ENABLE ROW LEVEL SECURITY;
        "#,
    )
    .await;
    let child = table(&c, "app", "child");
    assert_eq!(child.inherits, [qn("app", "base"), qn("app", "other_base")]);
    // Only the columns and constraints the child declares itself.
    let cols: Vec<_> = child.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(cols, ["extra"]);
    assert!(child.constraints.is_empty());
    assert!(matches!(
        table(&c, "app", "base").constraints[&ident("base_id_check")].kind,
        ConstraintKind::Check { .. }
    ));

    let cache = table(&c, "app", "cache");
    assert!(cache.unlogged);
    assert_eq!(cache.options, ["fillfactor=70", "autovacuum_enabled=false"]);
    assert!(!child.unlogged && child.options.is_empty());

    let secure = table(&c, "app", "secure");
    assert!(secure.rls_enabled && secure.rls_forced);
    let half = table(&c, "app", "half");
    assert!(half.rls_enabled && !half.rls_forced);
    assert!(!child.rls_enabled);
}

//! The introspect benchmark path against a real (throwaway) database: the schema loads,
//! introspection sees every generated object, psql runs the same queries, and the number
//! of queries does not grow with the schema. So the benchmark cannot silently time a
//! broken introspection.

use schemadiff_bench::generate::GenerateOptions;
use schemadiff_bench::introspect_bench::{load_schema, run, Expected, IntrospectReport};
use schemadiff_testkit::TestDb;

fn bench(tables: usize) -> IntrospectReport {
    let shape = GenerateOptions {
        tables,
        schemas: 4,
        hub_fanin: true,
    };
    let db = TestDb::create(&format!("bench_introspect_{tables}"));
    if let Err(e) = load_schema(&db.conninfo(), &shape) {
        panic!("loading the generated schema failed: {e}");
    }
    let report = match run(&db.url(), &shape, 1, true) {
        Ok(report) => report,
        Err(e) => panic!("the introspect benchmark failed: {e}"),
    };
    assert!(report.is_sound(), "{:#?}", report.problems);
    assert_eq!(report.expected, Expected::of(&shape));
    assert_eq!(report.introspect.runs(), 1);
    assert_eq!(report.psql.runs(), 1);
    assert_eq!(report.raw_fetch.runs(), 1);
    assert_eq!(report.profile.len(), report.catalog_queries);
    assert_eq!(
        report.rows,
        report.profile.iter().map(|q| q.rows).sum::<usize>(),
        "the raw fetch and the per-query pass read the same rows"
    );
    report
}

#[test]
fn introspect_path_reads_30_tables_with_a_fixed_query_count() {
    let small = bench(5);
    let report = bench(30);
    assert_eq!(
        report.counts.tables, 31,
        "30 generated tables plus core.users"
    );
    assert_eq!(report.counts.views, 3);
    assert_eq!(report.counts.indexes, 62);
    assert_eq!(report.counts.constraints, 5 * 30 + 3);
    assert_eq!(small.counts.tables, 6);
    assert_eq!(
        report.queries, small.queries,
        "the query count must not depend on the number of tables"
    );
    assert_eq!(report.queries, report.catalog_queries + 2);
}

//! The `introspect` benchmark: times `schemadiff_introspect::introspect_url` (what the CLI
//! runs: two connections sharing one snapshot, connects included) against a live database
//! holding a generated schema, and times the same catalog queries through `psql` for
//! comparison (DESIGN §6: under 1.5 s for 5,000 tables, and under 1.5× psql). The
//! one-connection `connect` + `introspect` path is timed too, with the backend's CPU time.
//!
//! The database is built once per shape ([`prepare`], not timed): the generated files are
//! loaded, planned with `plan_create` and the rendered script runs through one `psql`.
//! A `COMMENT ON DATABASE` marker written after a complete load lets later runs reuse it.

use crate::generate::GenerateOptions;
use crate::input::Input;
use crate::measure::{children_cpu, peak_rss_kib, postgres_process_cpu, process_cpu, Timings};
use crate::parse_bench::LoadOutcome;
use schemadiff_introspect::{
    catalog_queries, connect, introspect, introspect_url, Introspected, Scope,
};
use schemadiff_model::Catalog;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;
use tokio_postgres::types::ToSql;
use tokio_postgres::Client;

/// The maintenance database the benchmark databases are created from.
pub const DEFAULT_SERVER: &str = "host=/var/run/postgresql user=root dbname=postgres";

/// A replica of `schemadiff_introspect`'s transaction prologue (`fetch::BEGIN`, private to
/// that crate), so the `psql` script runs the queries under the same settings. A test
/// compares it with the crate's source.
pub const PROLOGUE: [&str; 4] = [
    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    "SET LOCAL search_path = pg_catalog, public",
    "SET LOCAL jit = off",
    "SET LOCAL work_mem = '64MB'",
];

/// A benchmark failure that makes the figures meaningless (not a missed target).
pub type BenchError = String;

/// `schemadiff_bench_<N>`, plus `_s<S>` when the schema count is not the default 20 and
/// `_hub` with hub fan-in, so differently shaped databases never get mixed up.
pub fn database_name(shape: &GenerateOptions) -> String {
    let mut name = format!("schemadiff_bench_{}", shape.tables);
    if shape.schemas.max(1) != 20 {
        name.push_str(&format!("_s{}", shape.schemas.max(1)));
    }
    if shape.hub_fanin {
        name.push_str("_hub");
    }
    name
}

/// `server` (a libpq keyword/value conninfo or a `postgres://` URL) with another database.
pub fn with_dbname(server: &str, dbname: &str) -> String {
    let trimmed = server.trim();
    for scheme in ["postgresql://", "postgres://"] {
        if let Some(rest) = trimmed.strip_prefix(scheme) {
            let (before_query, query) = match rest.find('?') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, ""),
            };
            let authority = before_query.split('/').next().unwrap_or("");
            return format!("{scheme}{authority}/{dbname}{query}");
        }
    }
    if trimmed.contains('\'') {
        // Quoted values may hide spaces: append, since libpq and tokio-postgres both
        // let a later keyword win.
        return format!("{trimmed} dbname={dbname}");
    }
    let mut parts: Vec<&str> = trimmed
        .split_whitespace()
        .filter(|part| !part.starts_with("dbname="))
        .collect();
    let db = format!("dbname={dbname}");
    parts.push(&db);
    parts.join(" ")
}

/// The schemas the generated catalog lives in: `core` and `d00` … `dNN`.
pub fn scope_schemas(shape: &GenerateOptions) -> Vec<String> {
    let mut schemas = vec!["core".to_string()];
    schemas.extend((0..shape.schemas.max(1)).map(|d| format!("d{d:02}")));
    schemas
}

/// What the introspected catalog must hold for the generated shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected {
    pub tables: usize,
    pub views: usize,
    /// Indexes that back no constraint: two per table (core.users included).
    pub indexes: usize,
    /// PK, FK to the parent, UNIQUE and CHECK per table (plus the hub FK); core.users
    /// has PK, UNIQUE and CHECK.
    pub constraints: usize,
}

impl Expected {
    pub fn of(shape: &GenerateOptions) -> Expected {
        let per_table = if shape.hub_fanin { 5 } else { 4 };
        Expected {
            tables: shape.tables + 1,
            views: shape.tables / 10,
            indexes: 2 * (shape.tables + 1),
            constraints: per_table * shape.tables + 3,
        }
    }
}

/// Object counts of an introspected catalog.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tables: usize,
    pub columns: usize,
    pub indexes: usize,
    pub views: usize,
    pub constraints: usize,
    pub sequences: usize,
}

impl Counts {
    pub fn of(catalog: &Catalog) -> Counts {
        Counts {
            tables: catalog.tables.len(),
            columns: catalog.tables.values().map(|t| t.columns.len()).sum(),
            indexes: catalog.indexes.len(),
            views: catalog.views.len(),
            constraints: catalog.tables.values().map(|t| t.constraints.len()).sum(),
            sequences: catalog.sequences.len(),
        }
    }

    /// Mismatches against what the generator produced; empty when the catalog is complete.
    pub fn problems(&self, expected: &Expected) -> Vec<String> {
        [
            ("tables", self.tables, expected.tables),
            ("views", self.views, expected.views),
            ("indexes", self.indexes, expected.indexes),
            ("constraints", self.constraints, expected.constraints),
        ]
        .into_iter()
        .filter(|(_, got, want)| got != want)
        .map(|(what, got, want)| format!("introspected {got} {what}, expected {want}"))
        .collect()
    }
}

/// How the benchmark database came to be.
#[derive(Debug, Clone)]
pub enum Preparation {
    /// It existed with the complete-load marker and the right table count.
    Reused,
    /// Created and loaded now (untimed as far as the benchmark goes).
    Built(LoadSummary),
}

/// What loading the generated schema into a database took.
#[derive(Debug, Clone)]
pub struct LoadSummary {
    pub steps: usize,
    pub script_bytes: usize,
    /// Generate + load_sources + plan_create + sql::script.
    pub prepare: Duration,
    /// The one `psql` run.
    pub psql: Duration,
}

/// The marker `COMMENT ON DATABASE` holds after a complete load.
fn marker(shape: &GenerateOptions) -> String {
    format!(
        "schemadiff-bench: tables={} schemas={} hub_fanin={}",
        shape.tables,
        shape.schemas.max(1),
        shape.hub_fanin
    )
}

/// Makes sure `database_name(shape)` exists on `server` holding the generated schema:
/// reuses it when its marker and table count match (unless `rebuild`), otherwise drops,
/// creates and loads it. Returns the database's connection string.
pub fn prepare(
    server: &str,
    shape: &GenerateOptions,
    rebuild: bool,
) -> Result<(String, Preparation), BenchError> {
    let name = database_name(shape);
    let conn = with_dbname(server, &name);
    if !rebuild && is_complete(server, &conn, &name, shape)? {
        return Ok((conn, Preparation::Reused));
    }
    psql(
        server,
        &[
            "-c",
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        ],
    )?;
    psql(
        server,
        &[
            "-c",
            &format!(
                "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' \
                 LC_COLLATE 'C' LC_CTYPE 'C'"
            ),
        ],
    )?;
    let summary = load_schema(&conn, shape)?;
    psql(
        &conn,
        &[
            "-c",
            &format!("COMMENT ON DATABASE {name} IS '{}'", marker(shape)),
        ],
    )?;
    Ok((conn, Preparation::Built(summary)))
}

/// Drops the benchmark database for `shape` (if it exists).
pub fn drop_database(server: &str, shape: &GenerateOptions) -> Result<(), BenchError> {
    let name = database_name(shape);
    psql(
        server,
        &[
            "-c",
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        ],
    )
    .map(|_| ())
}

fn is_complete(
    server: &str,
    conn: &str,
    name: &str,
    shape: &GenerateOptions,
) -> Result<bool, BenchError> {
    let comment = psql(
        server,
        &[
            "-tA",
            "-c",
            &format!(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database \
                 WHERE datname = '{name}'"
            ),
        ],
    )?;
    if comment.trim() != marker(shape) {
        return Ok(false);
    }
    let list = scope_schemas(shape)
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let tables = psql(
        conn,
        &[
            "-tA",
            "-c",
            &format!(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
                 WHERE c.relkind = 'r' AND n.nspname IN ({list})"
            ),
        ],
    )?;
    Ok(tables.trim() == (shape.tables + 1).to_string())
}

/// Generates the schema and loads it with [`load_files`].
pub fn load_schema(conn: &str, shape: &GenerateOptions) -> Result<LoadSummary, BenchError> {
    load_files(conn, shape, &crate::generate::generate(shape))
}

/// Plans `files` from empty and runs the script with one `psql` (`ON_ERROR_STOP`,
/// `synchronous_commit = off` since the database is throwaway).
pub fn load_files(
    conn: &str,
    shape: &GenerateOptions,
    files: &[crate::generate::GeneratedFile],
) -> Result<LoadSummary, BenchError> {
    let start = Instant::now();
    let input = Input::from_files(shape, files.to_vec());
    let loaded = schemadiff_parse::load_sources(input.sources());
    let outcome = LoadOutcome::check(&loaded, &input);
    if !outcome.is_sound() {
        return Err(format!(
            "the schema files did not load cleanly: {}",
            outcome.problems.join("; ")
        ));
    }
    let plan = schemadiff_plan::plan_create(&loaded.catalog)
        .map_err(|e| format!("plan_create failed: {e}"))?;
    let mut script = String::from("SET synchronous_commit = off;\n");
    script.push_str(&schemadiff_render::sql::script(&plan));
    let steps = plan.steps.len();
    drop((plan, loaded, input));
    let prepare = start.elapsed();
    let path = temp_path("load");
    std::fs::write(&path, &script).map_err(|e| format!("writing {}: {e}", path.display()))?;
    let start = Instant::now();
    let result = psql(conn, &["-v", "ON_ERROR_STOP=1", "-f", path_str(&path)?]);
    let _ = std::fs::remove_file(&path);
    result?;
    Ok(LoadSummary {
        steps,
        script_bytes: script.len(),
        prepare,
        psql: start.elapsed(),
    })
}

/// The catalog queries as one `psql` script: the same prologue, every query with `$1`
/// replaced by the literal schema array, then `COMMIT`.
pub fn psql_script(schemas: &[String]) -> String {
    let literal = format!("'{{{}}}'", schemas.join(","));
    let mut out = String::new();
    for statement in PROLOGUE {
        out.push_str(statement);
        out.push_str(";\n");
    }
    for (name, sql) in catalog_queries() {
        out.push_str(&format!("\n-- {name}\n"));
        out.push_str(&sql.replace("$1", &literal));
        // On its own line: a query may end with a comment.
        out.push_str("\n;\n");
    }
    out.push_str("\nCOMMIT;\n");
    out
}

/// One catalog query's profile: rows, server-side time and client round trip (each the
/// minimum over [`PROFILE_PASSES`]).
#[derive(Debug, Clone)]
pub struct QueryProfile {
    pub name: &'static str,
    pub rows: usize,
    /// `EXPLAIN (ANALYZE, TIMING OFF)` planning time.
    pub planning: Duration,
    /// `EXPLAIN (ANALYZE, TIMING OFF)` execution time: the server's work, rows not sent.
    pub execution: Duration,
    /// The query alone through tokio-postgres (prepare, execute, receive, decode to `Row`s).
    pub client: Duration,
    /// The backend's CPU time during that round trip (local servers only).
    pub server_cpu: Option<Duration>,
}

/// Everything the `introspect` command prints.
#[derive(Debug, Clone)]
pub struct IntrospectReport {
    pub options: GenerateOptions,
    pub database: String,
    pub schemas: Vec<String>,
    /// Connecting (a fresh connection per run).
    pub connect: Timings,
    /// `introspect` alone.
    pub introspect: Timings,
    /// Connect + introspect on one connection.
    pub total: Timings,
    /// `introspect_url`: two connections sharing one snapshot, connects included. What
    /// the CLI runs, and what the targets are judged on.
    pub shared_snapshot: Timings,
    /// Requests `introspect_url` sent (both connections).
    pub shared_snapshot_queries: usize,
    /// The same queries pipelined through tokio-postgres without building a catalog
    /// (fresh connection included): `total` minus this is the catalog build.
    pub raw_fetch: Timings,
    /// `psql -X -q -o /dev/null -f script` end to end (process start and connect included).
    pub psql: Timings,
    /// CPU time of this process (all threads) during `introspect`: receiving and
    /// decoding rows plus building the catalog.
    pub introspect_client_cpu: Timings,
    /// CPU time of the server backend during `introspect` (local servers only).
    pub introspect_server_cpu: Timings,
    /// CPU time of this process during the raw fetch: the protocol-level client cost.
    pub raw_fetch_client_cpu: Timings,
    /// CPU time of the psql process (10 ms resolution).
    pub psql_cpu: Timings,
    pub queries: usize,
    pub catalog_queries: usize,
    pub counts: Counts,
    pub expected: Expected,
    pub rows: usize,
    pub peak_rss_kib: Option<u64>,
    pub profile: Vec<QueryProfile>,
    /// Count mismatches and query-count changes between runs; empty when sound.
    pub problems: Vec<String>,
}

impl IntrospectReport {
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Times introspection of the database at `conn` (which holds `shape`'s schema): one
/// warm-up, then `iterations` rounds of introspect (fresh connection), raw fetch and
/// psql, interleaved so all three see the same machine load. `profile` adds one
/// per-query pass (EXPLAIN ANALYZE and a client round trip per query).
pub fn run(
    conn: &str,
    shape: &GenerateOptions,
    iterations: usize,
    profile: bool,
) -> Result<IntrospectReport, BenchError> {
    let rt = runtime()?;
    let schemas = scope_schemas(shape);
    let script_path = temp_path("queries");
    std::fs::write(&script_path, psql_script(&schemas))
        .map_err(|e| format!("writing {}: {e}", script_path.display()))?;
    let result = run_inner(
        &rt,
        conn,
        shape,
        &schemas,
        &script_path,
        iterations,
        profile,
    );
    let _ = std::fs::remove_file(&script_path);
    result
}

fn run_inner(
    rt: &Runtime,
    conn: &str,
    shape: &GenerateOptions,
    schemas: &[String],
    script: &Path,
    iterations: usize,
    profile: bool,
) -> Result<IntrospectReport, BenchError> {
    let expected = Expected::of(shape);
    let mut report = IntrospectReport {
        options: shape.clone(),
        database: redact(conn),
        schemas: schemas.to_vec(),
        connect: Timings::default(),
        introspect: Timings::default(),
        total: Timings::default(),
        shared_snapshot: Timings::default(),
        shared_snapshot_queries: 0,
        raw_fetch: Timings::default(),
        psql: Timings::default(),
        introspect_client_cpu: Timings::default(),
        introspect_server_cpu: Timings::default(),
        raw_fetch_client_cpu: Timings::default(),
        psql_cpu: Timings::default(),
        queries: 0,
        catalog_queries: catalog_queries().len(),
        counts: Counts::default(),
        expected,
        rows: 0,
        peak_rss_kib: None,
        profile: Vec::new(),
        problems: Vec::new(),
    };
    // Warm-up: server caches, the psql binary's pages, our allocator.
    let warm = rt.block_on(timed_introspect(conn, schemas))?;
    report.queries = warm.result.queries;
    report.counts = Counts::of(&warm.result.catalog);
    report.problems = report.counts.problems(&expected);
    drop(warm);
    if !report.is_sound() {
        return Ok(report);
    }
    rt.block_on(raw_fetch(conn, schemas))?;
    run_psql_script(conn, script)?;
    for _ in 0..iterations.max(1) {
        let run = rt.block_on(timed_introspect(conn, schemas))?;
        report.connect.push(run.connect);
        report.introspect.push(run.introspect);
        report.total.push(run.connect + run.introspect);
        report.introspect_client_cpu.extend(run.client_cpu);
        report.introspect_server_cpu.extend(run.server_cpu);
        if run.result.queries != report.queries {
            report.problems.push(format!(
                "query count changed between runs: {} then {}",
                report.queries, run.result.queries
            ));
        }
        drop(run);
        let (elapsed, shared) = rt.block_on(timed_introspect_url(conn, schemas))?;
        report.shared_snapshot.push(elapsed);
        report.shared_snapshot_queries = shared.queries;
        let shared_counts = Counts::of(&shared.catalog);
        if shared_counts != report.counts {
            report.problems.push(format!(
                "two connections read {shared_counts:?}, one read {:?}",
                report.counts
            ));
        }
        drop(shared);
        let cpu_before = process_cpu();
        let (elapsed, rows) = rt.block_on(raw_fetch(conn, schemas))?;
        report
            .raw_fetch_client_cpu
            .extend(delta(cpu_before, process_cpu()));
        report.raw_fetch.push(elapsed);
        report.rows = rows;
        let cpu_before = children_cpu();
        report.psql.push(run_psql_script(conn, script)?);
        report.psql_cpu.extend(delta(cpu_before, children_cpu()));
    }
    report.peak_rss_kib = peak_rss_kib();
    if profile {
        report.profile = rt.block_on(profile_queries(conn, schemas))?;
    }
    Ok(report)
}

fn runtime() -> Result<Runtime, BenchError> {
    // The CLI's runtime (`schemadiff_cli::runtime`): the connection task runs on a
    // worker while the caller's thread collects rows and builds the catalog.
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))
}

struct IntrospectRun {
    connect: Duration,
    introspect: Duration,
    client_cpu: Option<Duration>,
    server_cpu: Option<Duration>,
    result: Introspected,
}

fn delta(before: Option<Duration>, after: Option<Duration>) -> Option<Duration> {
    Some(after?.saturating_sub(before?))
}

async fn open(conn: &str) -> Result<(Client, schemadiff_introspect::ConnectionTask), BenchError> {
    connect(conn)
        .await
        .map_err(|e| format!("connecting to {}: {e}", redact(conn)))
}

async fn close(client: Client, task: schemadiff_introspect::ConnectionTask) {
    drop(client);
    let _ = task.await;
}

async fn timed_introspect(conn: &str, schemas: &[String]) -> Result<IntrospectRun, BenchError> {
    let start = Instant::now();
    let (client, task) = open(conn).await?;
    let connected = start.elapsed();
    let scope = Scope {
        schemas: schemas.to_vec(),
    };
    // Not timed: which backend serves us, to read its CPU time from /proc.
    let backend: Option<u32> = client
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .ok()
        .and_then(|row| row.try_get::<_, i32>(0).ok())
        .and_then(|pid| u32::try_from(pid).ok());
    let server_before = backend.and_then(postgres_process_cpu);
    let client_before = process_cpu();
    let start = Instant::now();
    let result = introspect(&client, &scope)
        .await
        .map_err(|e| format!("introspect failed: {e}"))?;
    let introspect = start.elapsed();
    let client_cpu = delta(client_before, process_cpu());
    let server_cpu = delta(server_before, backend.and_then(postgres_process_cpu));
    close(client, task).await;
    Ok(IntrospectRun {
        connect: connected,
        introspect,
        client_cpu,
        server_cpu,
        result,
    })
}

/// `introspect_url` (two fresh connections sharing one snapshot), timed as a whole.
async fn timed_introspect_url(
    conn: &str,
    schemas: &[String],
) -> Result<(Duration, Introspected), BenchError> {
    let scope = Scope {
        schemas: schemas.to_vec(),
    };
    let start = Instant::now();
    let result = introspect_url(conn, &scope)
        .await
        .map_err(|e| format!("introspect_url failed: {e}"))?;
    Ok((start.elapsed(), result))
}

/// The catalog queries pipelined on a fresh connection inside the same prologue, rows
/// received and dropped: the protocol-level floor for `connect + introspect`.
async fn raw_fetch(conn: &str, schemas: &[String]) -> Result<(Duration, usize), BenchError> {
    let start = Instant::now();
    let (client, task) = open(conn).await?;
    let client = Arc::new(client);
    client
        .batch_execute(&PROLOGUE.join("; "))
        .await
        .map_err(|e| format!("BEGIN: {e}"))?;
    let param = Arc::new(schemas.to_vec());
    let handles: Vec<_> = catalog_queries()
        .into_iter()
        .map(|(name, sql)| {
            let client = Arc::clone(&client);
            let param = Arc::clone(&param);
            tokio::spawn(async move {
                let params: Vec<&(dyn ToSql + Sync)> = if sql.contains("$1") {
                    vec![&*param]
                } else {
                    vec![]
                };
                client
                    .query(sql, &params)
                    .await
                    .map(|rows| rows.len())
                    .map_err(|e| format!("{name}: {e}"))
            })
        })
        .collect();
    let mut rows = 0;
    for handle in handles {
        rows += handle.await.map_err(|e| format!("raw fetch task: {e}"))??;
    }
    client
        .batch_execute("COMMIT")
        .await
        .map_err(|e| format!("COMMIT: {e}"))?;
    let elapsed = start.elapsed();
    match Arc::try_unwrap(client) {
        Ok(client) => close(client, task).await,
        Err(_) => return Err("raw fetch: client still shared".into()),
    }
    Ok((elapsed, rows))
}

/// Passes of the per-query profile; each figure is the minimum over them.
pub const PROFILE_PASSES: usize = 3;

/// Each query alone, in one snapshot, [`PROFILE_PASSES`] times: `EXPLAIN (ANALYZE,
/// TIMING OFF)` for the server's planning and execution time, then the query itself for
/// the client's wall time and the backend's CPU time (local servers only).
async fn profile_queries(conn: &str, schemas: &[String]) -> Result<Vec<QueryProfile>, BenchError> {
    let (client, task) = open(conn).await?;
    let backend: Option<u32> = client
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .ok()
        .and_then(|row| row.try_get::<_, i32>(0).ok())
        .and_then(|pid| u32::try_from(pid).ok());
    client
        .batch_execute(&PROLOGUE.join("; "))
        .await
        .map_err(|e| format!("BEGIN: {e}"))?;
    let param = schemas.to_vec();
    let mut out: Vec<QueryProfile> = Vec::new();
    for pass in 0..PROFILE_PASSES {
        for (i, (name, sql)) in catalog_queries().into_iter().enumerate() {
            let params: Vec<&(dyn ToSql + Sync)> = if sql.contains("$1") {
                vec![&param]
            } else {
                vec![]
            };
            let explain = format!("EXPLAIN (ANALYZE, TIMING OFF) {sql}");
            let plan: Vec<String> = client
                .query(&explain, &params)
                .await
                .map_err(|e| format!("EXPLAIN {name}: {e}"))?
                .iter()
                .map(|row| row.try_get::<_, String>(0))
                .collect::<Result<_, _>>()
                .map_err(|e| format!("EXPLAIN {name}: {e}"))?;
            let (planning, execution) = explain_times(&plan);
            let server_before = backend.and_then(postgres_process_cpu);
            let start = Instant::now();
            let rows = client
                .query(sql, &params)
                .await
                .map_err(|e| format!("{name}: {e}"))?;
            let profile = QueryProfile {
                name,
                rows: rows.len(),
                planning,
                execution,
                client: start.elapsed(),
                server_cpu: delta(server_before, backend.and_then(postgres_process_cpu)),
            };
            if pass == 0 {
                out.push(profile);
            } else if let Some(best) = out.get_mut(i) {
                best.planning = best.planning.min(profile.planning);
                best.execution = best.execution.min(profile.execution);
                best.client = best.client.min(profile.client);
                best.server_cpu = match (best.server_cpu, profile.server_cpu) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
    }
    client
        .batch_execute("COMMIT")
        .await
        .map_err(|e| format!("COMMIT: {e}"))?;
    close(client, task).await;
    Ok(out)
}

/// `Planning Time` and `Execution Time` from `EXPLAIN ANALYZE`'s text lines.
fn explain_times(plan: &[String]) -> (Duration, Duration) {
    let ms = |key: &str| {
        plan.iter()
            .find_map(|line| line.trim().strip_prefix(key))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("ms")
                    .trim()
                    .parse::<f64>()
                    .ok()
            })
            .map_or(Duration::ZERO, |ms| Duration::from_secs_f64(ms / 1e3))
    };
    (ms("Planning Time:"), ms("Execution Time:"))
}

/// Runs the query script with `psql -X -q -o /dev/null -f script` (plus
/// `ON_ERROR_STOP`, so a failing query cannot make psql look fast) and times it.
fn run_psql_script(conn: &str, script: &Path) -> Result<Duration, BenchError> {
    let start = Instant::now();
    psql(
        conn,
        &[
            "-v",
            "ON_ERROR_STOP=1",
            "-o",
            "/dev/null",
            "-f",
            path_str(script)?,
        ],
    )?;
    Ok(start.elapsed())
}

/// `psql -X -q -d conn args...`; stdout, or an error carrying stderr (the connection
/// string's password redacted).
pub(crate) fn psql(conn: &str, args: &[&str]) -> Result<String, BenchError> {
    let output = Command::new("psql")
        .args(["-X", "-q", "-d", conn])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run psql: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!(
            "psql {} on {} failed ({}): {}",
            args.join(" "),
            redact(conn),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim_end()
        ))
    }
}

fn temp_path(what: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    std::env::temp_dir().join(format!(
        "schemadiff_bench_{what}_{}_{}.sql",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

fn path_str(path: &Path) -> Result<&str, BenchError> {
    path.to_str()
        .ok_or_else(|| format!("path is not valid UTF-8: {}", path.display()))
}

/// The connection string without a password, for messages.
pub fn redact(conn: &str) -> String {
    conn.split_whitespace()
        .map(|part| {
            if part.starts_with("password=") {
                "password=***"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dbname_replacement_handles_both_forms() {
        assert_eq!(
            with_dbname(DEFAULT_SERVER, "schemadiff_bench_5"),
            "host=/var/run/postgresql user=root dbname=schemadiff_bench_5"
        );
        assert_eq!(
            with_dbname("host='/a b' dbname='x y'", "z"),
            "host='/a b' dbname='x y' dbname=z"
        );
        assert_eq!(
            with_dbname("postgres://u:p@h:5433/postgres?sslmode=disable", "x"),
            "postgres://u:p@h:5433/x?sslmode=disable"
        );
        assert_eq!(with_dbname("postgresql://h", "x"), "postgresql://h/x");
        let shape = GenerateOptions {
            tables: 5000,
            schemas: 20,
            hub_fanin: false,
        };
        assert_eq!(database_name(&shape), "schemadiff_bench_5000");
        let hub = GenerateOptions {
            schemas: 3,
            hub_fanin: true,
            ..shape
        };
        assert_eq!(database_name(&hub), "schemadiff_bench_5000_s3_hub");
    }

    /// The prologue must stay what `schemadiff_introspect` sends, or psql would be timed
    /// under other settings.
    #[test]
    fn prologue_matches_the_introspect_crate() {
        let source = include_str!("../../schemadiff_introspect/src/fetch.rs");
        let start = source
            .find("const BEGIN: &str = \"")
            .expect("fetch.rs defines BEGIN")
            + "const BEGIN: &str = \"".len();
        let end = start + source[start..].find("\";").expect("BEGIN ends");
        // A Rust string continuation: `\`, newline, leading whitespace.
        let mut text = String::new();
        let mut lines = source[start..end].lines();
        if let Some(first) = lines.next() {
            text.push_str(first.trim_end_matches('\\'));
        }
        for line in lines {
            text.push_str(line.trim_start().trim_end_matches('\\'));
        }
        assert_eq!(text, PROLOGUE.join("; "));
    }

    #[test]
    fn psql_script_substitutes_the_schema_array() {
        let script = psql_script(&["core".into(), "d00".into()]);
        assert!(!script.contains("$1"));
        assert!(script.contains("'{core,d00}'::text[]"));
        assert!(script.starts_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n"));
        assert!(script.trim_end().ends_with("COMMIT;"));
        assert_eq!(
            script.matches("\n;\n").count(),
            catalog_queries().len(),
            "one terminator per query"
        );
    }

    #[test]
    fn explain_text_times() {
        let plan: Vec<String> = [
            "Sort  (cost=1.00..2.00 rows=1 width=8) (actual rows=3 loops=1)",
            "Planning Time: 1.500 ms",
            "Execution Time: 20.250 ms",
        ]
        .map(String::from)
        .into();
        assert_eq!(
            explain_times(&plan),
            (Duration::from_micros(1500), Duration::from_micros(20250))
        );
    }
}

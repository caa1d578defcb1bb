//! Printing benchmark reports, and the one-line rows the `all` summary table is built from.

mod diff;
mod whole_plan;

pub use diff::diff;
pub use whole_plan::{whole_plan, WHOLE_PLAN_FLOOR_RATIO, WHOLE_PLAN_MIGRA_FACTOR};

use crate::generate::GenerateOptions;
use crate::introspect_bench::{IntrospectReport, Preparation};
use crate::measure::{mb_from_kib, ms, sum, verdict, TimeTarget, Timings};
use crate::parse_bench::{LoadOutcome, ParseReport};
use crate::plan_bench::PlanReport;
use std::time::Duration;

/// DESIGN §6: parse 10,000 tables' DDL in under 0.5 s.
pub const PARSE_TARGET: Duration = Duration::from_millis(500);
/// DESIGN §6: diff + plan of 10,000 tables in under 0.3 s ...
pub const PLAN_TARGET: Duration = Duration::from_millis(300);
/// ... in under 300 MB RSS.
pub const PLAN_RSS_TARGET_MB: f64 = 300.0;
/// The table count the targets are stated for.
pub const TARGET_TABLES: usize = 10_000;
/// DESIGN §6: introspect a 5,000-table database in under 1.5 s ...
pub const INTROSPECT_TARGET: Duration = Duration::from_millis(1500);
/// ... and in under 1.5× the time `psql` needs for the same catalog queries.
pub const INTROSPECT_PSQL_RATIO: f64 = 1.5;
/// The table count the introspection target is stated for.
pub const INTROSPECT_TABLES: usize = 5_000;

/// One line of the summary table: a measured figure against its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    pub figure: String,
    pub target: String,
    pub pass: bool,
}

impl Row {
    const PREFIX: &'static str = "schemadiff-bench-row";

    /// A tab-separated line a parent process can pick out of a child's output.
    pub fn to_line(&self) -> String {
        let Row {
            name,
            figure,
            target,
            pass,
        } = self;
        format!(
            "{}\t{name}\t{figure}\t{target}\t{}",
            Row::PREFIX,
            verdict(*pass)
        )
    }

    pub fn from_line(line: &str) -> Option<Row> {
        let mut parts = line.split('\t');
        if parts.next()? != Row::PREFIX {
            return None;
        }
        let (name, figure, target, pass) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        Some(Row {
            name: name.into(),
            figure: figure.into(),
            target: target.into(),
            pass: pass == "PASS",
        })
    }
}

/// Prints the `parse` report; returns its summary rows.
pub fn parse(r: &ParseReport) -> Vec<Row> {
    println!("parse: {}", shape(&r.options));
    println!(
        "  input         {} files, ~{} statements, {:.2} MB (generated in memory, not timed)",
        r.files,
        r.statements,
        r.bytes as f64 / 1e6
    );
    println!("  load_sources  {}", spread(&r.load));
    println!("    lex only    {}", spread(&r.lex));
    println!("    split only  {}", spread(&r.split));
    let secs = r.load.median().as_secs_f64();
    println!(
        "  throughput    {:.1} MB/s, {:.0} tables/s (median run)",
        r.bytes as f64 / 1e6 / secs,
        r.options.tables as f64 / secs
    );
    println!("  peak RSS      {}", rss(r.peak_rss_kib));
    outcome(&r.outcome);
    let target = TimeTarget::scaled(PARSE_TARGET, TARGET_TABLES, r.options.tables);
    let pass = r.outcome.is_sound() && target.passes(r.load.median());
    println!(
        "  result        median {}, target: {}  {}",
        ms(r.load.median()),
        target.text,
        verdict(pass)
    );
    vec![Row {
        name: format!("parse {}", short_shape(&r.options)),
        figure: ms(r.load.median()),
        target: target.text,
        pass,
    }]
}

/// Prints the `plan` report; returns its summary rows.
pub fn plan(r: &PlanReport) -> Vec<Row> {
    println!("plan: {}", shape(&r.options));
    println!("  input         {:.2} MB", r.bytes as f64 / 1e6);
    println!("  load_sources  {}", spread(&r.load));
    println!("  plan_create   {}", spread(&r.plan));
    println!("  sql::script   {}", spread(&r.render));
    let plan_render = sum(&r.plan, &r.render);
    println!("  plan + script {}", spread(&plan_render));
    println!(
        "  output        {} steps, {:.2} MB of SQL",
        r.steps,
        r.script_bytes as f64 / 1e6
    );
    println!("  peak RSS      {}", rss(r.peak_rss_kib));
    outcome(&r.outcome);
    if let Some(e) = &r.plan_error {
        println!("  plan_create failed: {e}");
    }
    let target = TimeTarget::scaled(PLAN_TARGET, TARGET_TABLES, r.options.tables);
    let time_pass = r.is_sound() && target.passes(plan_render.median());
    println!(
        "  result        plan + script median {}, target: {}  {}",
        ms(plan_render.median()),
        target.text,
        verdict(time_pass)
    );
    let rss_mb = r.peak_rss_kib.map(mb_from_kib);
    let rss_pass = r.is_sound() && rss_mb.is_some_and(|m| m < PLAN_RSS_TARGET_MB);
    let rss_target = format!("< {PLAN_RSS_TARGET_MB:.0} MB for {TARGET_TABLES} tables");
    println!(
        "  result        peak RSS {}, target: {rss_target}  {}",
        rss(r.peak_rss_kib),
        verdict(rss_pass)
    );
    let name = short_shape(&r.options);
    vec![
        Row {
            name: format!("plan+script {name}"),
            figure: ms(plan_render.median()),
            target: target.text,
            pass: time_pass,
        },
        Row {
            name: format!("plan peak RSS {name}"),
            figure: rss(r.peak_rss_kib),
            target: rss_target,
            pass: rss_pass,
        },
    ]
}

/// How the benchmark database came to be, for the report's `database` line.
pub fn preparation(p: &Preparation) -> String {
    match p {
        Preparation::Reused => "reused".into(),
        Preparation::Built(l) => format!(
            "built, not timed: generate + plan {:.1} s, psql load of {} steps / {:.1} MB {:.1} s",
            l.prepare.as_secs_f64(),
            l.steps,
            l.script_bytes as f64 / 1e6,
            l.psql.as_secs_f64()
        ),
    }
}

/// Prints the `introspect` report; returns its summary rows.
pub fn introspect(r: &IntrospectReport, preparation: &str) -> Vec<Row> {
    println!("introspect: {}", shape(&r.options));
    println!("  database      {} ({preparation})", r.database);
    println!(
        "  scope         {} schemas ({} … {})",
        r.schemas.len(),
        r.schemas.first().map_or("", String::as_str),
        r.schemas.last().map_or("", String::as_str)
    );
    let c = &r.counts;
    println!(
        "  catalog       {} tables, {} columns, {} indexes, {} views, {} constraints, {} sequences",
        c.tables, c.columns, c.indexes, c.views, c.constraints, c.sequences
    );
    println!(
        "  queries       {} requests ({} catalog queries + BEGIN batch + COMMIT), \
         independent of N; {} rows",
        r.queries, r.catalog_queries, r.rows
    );
    println!(
        "  introspect_url {}  (what the CLI runs: two connections sharing one snapshot, \
         connects included; {} requests)",
        spread(&r.shared_snapshot),
        r.shared_snapshot_queries
    );
    println!("  one connection:");
    println!("    connect     {}", spread(&r.connect));
    println!("    introspect  {}", spread(&r.introspect));
    println!("    connect + introspect {}", spread(&r.total));
    println!(
        "  raw fetch     {}  (same queries pipelined through tokio-postgres, fresh \
         connection, no catalog build)",
        spread(&r.raw_fetch)
    );
    println!(
        "  psql          {}  (psql -X -q -o /dev/null -f script: process, connect, queries)",
        spread(&r.psql)
    );
    println!(
        "  CPU time (medians; wall time minus these is waiting, mostly for the other CPU users):"
    );
    let cpu = |t: &Timings| {
        if t.runs() == 0 {
            "unknown".to_string()
        } else {
            ms(t.median())
        }
    };
    println!(
        "    server backend during introspect  {}  (one connection: every query on one backend)",
        cpu(&r.introspect_server_cpu)
    );
    println!(
        "    client during introspect          {}  (one connection: receive + decode + catalog build)",
        cpu(&r.introspect_client_cpu)
    );
    println!(
        "    client during raw fetch           {}  (receive only; the difference is decode + build)",
        cpu(&r.raw_fetch_client_cpu)
    );
    println!(
        "    psql process                      {}  (10 ms ticks; parse + format rows)",
        cpu(&r.psql_cpu)
    );
    println!("  peak RSS      {}", rss(r.peak_rss_kib));
    if !r.is_sound() {
        println!("  INTROSPECTION IS BROKEN; timings measure an incomplete catalog:");
        for p in &r.problems {
            println!("    {p}");
        }
    }
    let target = introspect_target(r.options.tables);
    // The headline is the path the CLI runs (`introspect_url`, connects included).
    let headline = r.shared_snapshot.median();
    let time_pass = r.is_sound() && target.passes(headline);
    println!(
        "  result        introspect_url median {}, target: {}  {}",
        ms(headline),
        target.text,
        verdict(time_pass)
    );
    let psql_secs = r.psql.median().as_secs_f64();
    let ratio = if psql_secs > 0.0 {
        headline.as_secs_f64() / psql_secs
    } else {
        f64::INFINITY
    };
    let ratio_pass = r.is_sound() && ratio < INTROSPECT_PSQL_RATIO;
    let ratio_target = format!("< {INTROSPECT_PSQL_RATIO}x psql");
    println!(
        "  result        introspect_url / psql (medians) {ratio:.2}x, target: \
         {ratio_target}  {}",
        verdict(ratio_pass)
    );
    println!(
        "  (one connection, not what the CLI runs: connect + introspect median {}, {})",
        ms(r.total.median()),
        verdict(r.is_sound() && target.passes(r.total.median()))
    );
    if !r.profile.is_empty() {
        println!(
            "  per query (each alone in one snapshot, min of {} passes; plan/exec = EXPLAIN \
             (ANALYZE, TIMING OFF); backend CPU and tokio-pg wall = the query itself):",
            crate::introspect_bench::PROFILE_PASSES
        );
        let line = |name: &str,
                    rows: usize,
                    plan: Duration,
                    exec: Duration,
                    cpu: Option<Duration>,
                    wall: Duration| {
            println!(
                "    {name:<20} {rows:>8}  {:>10}  {:>11}  {:>11}  {:>11}",
                ms(plan),
                ms(exec),
                cpu.map_or_else(|| "?".to_string(), ms),
                ms(wall)
            );
        };
        println!(
            "    {:<20} {:>8}  {:>10}  {:>11}  {:>11}  {:>11}",
            "query", "rows", "plan", "exec", "backend CPU", "tokio-pg"
        );
        for q in &r.profile {
            line(
                q.name,
                q.rows,
                q.planning,
                q.execution,
                q.server_cpu,
                q.client,
            );
        }
        let cpu: Option<Duration> = r.profile.iter().map(|q| q.server_cpu).sum();
        line(
            "total",
            r.profile.iter().map(|q| q.rows).sum(),
            r.profile.iter().map(|q| q.planning).sum(),
            r.profile.iter().map(|q| q.execution).sum(),
            cpu,
            r.profile.iter().map(|q| q.client).sum(),
        );
    }
    let name = short_shape(&r.options);
    vec![
        Row {
            name: format!("introspect {name}"),
            figure: ms(headline),
            target: target.text,
            pass: time_pass,
        },
        Row {
            name: format!("introspect/psql {name}"),
            figure: format!("{ratio:.2}x"),
            target: ratio_target,
            pass: ratio_pass,
        },
    ]
}

/// The introspection time limit. Not scaled with the table count: a fixed cost per
/// query (catalog scans of `pg_depend` and friends, round trips) dominates small databases.
pub fn introspect_target(tables: usize) -> TimeTarget {
    let mut target = TimeTarget::scaled(INTROSPECT_TARGET, INTROSPECT_TABLES, INTROSPECT_TABLES);
    if tables != INTROSPECT_TABLES {
        target.text.push_str(", not scaled");
    }
    target
}

/// The `all` summary table.
pub fn table(rows: &[Row]) -> String {
    let w =
        |f: fn(&Row) -> usize, head: &str| rows.iter().map(f).max().unwrap_or(0).max(head.len());
    let (wn, wf, wt) = (
        w(|r| r.name.len(), "benchmark"),
        w(|r| r.figure.len(), "measured"),
        w(|r| r.target.len(), "target"),
    );
    let mut out = format!(
        "{:wn$}  {:>wf$}  {:wt$}  result\n",
        "benchmark", "measured", "target"
    );
    for r in rows {
        out.push_str(&format!(
            "{:wn$}  {:>wf$}  {:wt$}  {}\n",
            r.name,
            r.figure,
            r.target,
            verdict(r.pass)
        ));
    }
    out
}

fn outcome(o: &LoadOutcome) {
    println!(
        "  catalog       {} tables, {} views, {} indexes; {} error diagnostics, {} warnings",
        o.tables, o.views, o.indexes, o.errors, o.warnings
    );
    if !o.is_sound() {
        println!("  LOAD IS BROKEN; timings measure a failed parse:");
        for p in &o.problems {
            println!("    {p}");
        }
    }
}

fn spread(t: &Timings) -> String {
    format!(
        "min {:>9}  median {:>9}  max {:>9}  ({} runs)",
        ms(t.min()),
        ms(t.median()),
        ms(t.max()),
        t.runs()
    )
}

fn rss(kib: Option<u64>) -> String {
    kib.map_or_else(
        || "unknown (no /proc/self/status)".into(),
        |k| format!("{:.1} MB (VmHWM)", mb_from_kib(k)),
    )
}

fn shape(o: &GenerateOptions) -> String {
    format!(
        "{} tables (+ core.users) in {} schemas, hub fan-in {}",
        o.tables,
        o.schemas.max(1),
        if o.hub_fanin { "on" } else { "off" }
    )
}

fn short_shape(o: &GenerateOptions) -> String {
    let hub = if o.hub_fanin { ", hub fan-in" } else { "" };
    format!("{} tables{hub}", o.tables)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_round_trip_through_a_line() {
        let row = Row {
            name: "parse 10000 tables".into(),
            figure: "412.0 ms".into(),
            target: "< 500 ms for 10000 tables".into(),
            pass: true,
        };
        assert_eq!(Row::from_line(&row.to_line()), Some(row.clone()));
        assert_eq!(Row::from_line("parse: 10 tables"), None);
        assert!(table(&[row]).contains("PASS"));
    }
}

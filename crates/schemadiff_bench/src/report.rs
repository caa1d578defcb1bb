//! Printing benchmark reports, and the one-line rows the `all` summary table is built from.

use crate::generate::GenerateOptions;
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

//! The `diff` benchmark's report.

use super::{rss, shape, short_shape, spread, Row, PLAN_RSS_TARGET_MB, PLAN_TARGET, TARGET_TABLES};
use crate::diff_bench::DiffReport;
use crate::measure::{mb_from_kib, ms, sum, verdict, TimeTarget};

/// Prints the `diff` report; returns its summary rows.
pub fn diff(r: &DiffReport) -> Vec<Row> {
    println!("diff: {}", shape(&r.options));
    println!(
        "  desired side  {} tables edited (column added/dropped/widened, index added/dropped)",
        r.edited_tables
    );
    println!("  diff          {}", spread(&r.diff));
    println!("  plan_changes  {}", spread(&r.plan));
    let total = sum(&r.diff, &r.plan);
    println!("  diff + plan   {}", spread(&total));
    println!("  output        {} changes, {} steps", r.changes, r.steps);
    println!(
        "  RSS           {} with both catalogs loaded, peak {}",
        rss(r.loaded_rss_kib),
        rss(r.peak_rss_kib)
    );
    if let Some(e) = &r.error {
        println!("  failed        {e}");
    }
    let target = TimeTarget::scaled(PLAN_TARGET, TARGET_TABLES, r.options.tables);
    let time_pass = r.is_sound() && target.passes(total.median());
    println!(
        "  result        diff + plan median {}, target: {}  {}",
        ms(total.median()),
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
            name: format!("diff+plan {name}"),
            figure: ms(total.median()),
            target: target.text,
            pass: time_pass,
        },
        Row {
            name: format!("diff peak RSS {name}"),
            figure: rss(r.peak_rss_kib),
            target: rss_target,
            pass: rss_pass,
        },
    ]
}

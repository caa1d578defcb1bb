//! The `whole-plan` benchmark's report: both plans and migra side by side, the ratios
//! the DESIGN §6 targets are stated in, and whether each plan changes exactly the
//! edited tables.

use super::{rss, shape, short_shape, spread, Row};
use crate::measure::{ms, verdict};
use crate::whole_plan_bench::changes::{list, Changes, Check};
use crate::whole_plan_bench::{Measured, WholePlanReport};

/// DESIGN §6: a whole static plan at least 5× faster than migra on the same databases ...
pub const WHOLE_PLAN_MIGRA_FACTOR: f64 = 5.0;
/// ... and within 1.5× of the catalog-query floor.
pub const WHOLE_PLAN_FLOOR_RATIO: f64 = 1.5;

/// How many table names a mismatch lists.
const LISTED: usize = 8;

/// Prints the `whole-plan` report after `setup` (label, value lines); returns its
/// summary rows. `migra_missing` says why migra was not run, when it was not.
pub fn whole_plan(
    r: &WholePlanReport,
    setup: &[(&str, String)],
    migra_missing: Option<&str>,
) -> Vec<Row> {
    println!(
        "whole-plan: {}; {} tables edited",
        shape(&r.options),
        r.edited.len()
    );
    for (label, value) in setup {
        println!("  {label:<13} {value}");
    }
    let unedited = &r.static_identical;
    println!(
        "  unedited      static plan: {} steps touching {} tables ({}; {})",
        unedited.changes.items,
        unedited.changes.tables.len(),
        ms(unedited.wall.median()),
        kinds(&unedited.changes)
    );
    match &r.canonical_identical {
        Some(m) if m.changes.items == 0 => println!(
            "  {:<13} canonical plan: empty ({})  OK",
            "",
            ms(m.wall.median())
        ),
        Some(m) => println!(
            "  {:<13} canonical plan: {} steps ({}; {})  NOT EMPTY: the files the current \
             database was built from differ from it canonically",
            "",
            m.changes.items,
            ms(m.wall.median()),
            kinds(&m.changes)
        ),
        None => {}
    }
    measured("static plan", &r.static_plan);
    match &r.canonical_plan {
        Some(m) => measured("canonical", m),
        None => println!("  canonical     not run (--no-canonical)"),
    }
    match (&r.migra, migra_missing) {
        (Some(m), _) => measured("migra", m),
        (None, Some(why)) => println!("  migra         not run: {why}"),
        (None, None) => println!("  migra         not run (--no-migra)"),
    }
    measured("catalog floor", &r.catalog_floor);
    println!("  changes       (edited tables: {})", r.edited.len());
    changes("static", &r.static_plan, &r.static_check());
    if let (Some(m), Some(check)) = (&r.canonical_plan, r.canonical_check()) {
        changes("canonical", m, &check);
    }
    if let (Some(m), Some(check)) = (&r.migra, r.migra_check()) {
        changes("migra", m, &check);
    }
    results(r)
}

fn measured(label: &str, m: &Measured) {
    println!("  {label:<13} {}", spread(&m.wall));
    println!(
        "  {:<13} client CPU median {}, peak RSS {}",
        "",
        ms(m.cpu.median()),
        rss(m.peak_rss_kib).replace("VmHWM", "VmHWM sampled")
    );
}

fn changes(label: &str, m: &Measured, check: &Check) {
    let c = &m.changes;
    let verdict = if check.is_exact() {
        "exactly the edited tables".to_string()
    } else {
        let mut parts = Vec::new();
        if !check.missing.is_empty() {
            parts.push(format!("misses {}", list(&check.missing, LISTED)));
        }
        if !check.extra.is_empty() {
            parts.push(format!("also touches {}", list(&check.extra, LISTED)));
        }
        if check.other > 0 {
            let shown: Vec<&str> = c.other.iter().take(3).map(String::as_str).collect();
            parts.push(format!(
                "{} items about other objects ({})",
                check.other,
                shown.join("; ")
            ));
        }
        if !c.kinds.is_empty() {
            parts.push(format!("steps: {}", kinds(c)));
        }
        format!("MISMATCH: {}", parts.join("; "))
    };
    let unit = if label == "migra" {
        "statements"
    } else {
        "steps"
    };
    println!(
        "  {:<13} {label}: {} {unit} touching {} tables: {verdict}{}",
        "",
        c.items,
        c.tables.len(),
        if m.unstable {
            " (UNSTABLE: runs differed)"
        } else {
            ""
        }
    );
}

/// `column alter 109, constraint drop 17, ...`, most frequent first.
fn kinds(c: &Changes) -> String {
    let mut counted: Vec<(&String, &usize)> = c.kinds.iter().collect();
    counted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let shown: Vec<String> = counted.iter().map(|(k, n)| format!("{k} {n}")).collect();
    if shown.is_empty() {
        "no steps".into()
    } else {
        shown.join(", ")
    }
}

fn results(r: &WholePlanReport) -> Vec<Row> {
    let name = short_shape(&r.options);
    let static_median = r.static_plan.wall.median();
    let static_exact = r.static_check().is_exact();
    // A time verdict on a plan that is not the expected one would mislead.
    let caveat = if static_exact {
        ""
    } else {
        " (the static plan does not match the edits: see changes)"
    };
    let mut rows = Vec::new();
    if let Some(m) = &r.migra {
        let (factor, each) = r.static_plan.ratio_per_round(m);
        let pass = static_exact && factor >= WHOLE_PLAN_MIGRA_FACTOR;
        let target = format!("≥ {WHOLE_PLAN_MIGRA_FACTOR:.0}× faster than migra");
        println!(
            "  result        static plan vs migra: {} (median per round; migra ÷ plan per \
             round: {}; medians {} vs {}), target: {target}  {}{caveat}",
            faster(factor),
            rounds(&each),
            ms(static_median),
            ms(m.wall.median()),
            verdict(pass)
        );
        if let Some(canonical) = &r.canonical_plan {
            let (factor, each) = canonical.ratio_per_round(m);
            println!(
                "  result        canonical plan vs migra: {} (median per round; migra ÷ plan \
                 per round: {}; medians {} vs {}), no target",
                faster(factor),
                rounds(&each),
                ms(canonical.wall.median()),
                ms(m.wall.median())
            );
        }
        rows.push(Row {
            name: format!("whole static plan vs migra {name}"),
            figure: format!("{factor:.1}×"),
            target,
            pass,
        });
    }
    let (over, each) = r.catalog_floor.ratio_per_round(&r.static_plan);
    let pass = static_exact && over <= WHOLE_PLAN_FLOOR_RATIO;
    let target = format!("≤ {WHOLE_PLAN_FLOOR_RATIO}× the catalog-query floor (psql)");
    println!(
        "  result        static plan vs catalog floor: {over:.2}× (median per round; plan ÷ \
         floor per round: {}; medians {} vs {}), target: {target}  {}{caveat}",
        rounds(&each),
        ms(static_median),
        ms(r.catalog_floor.wall.median()),
        verdict(pass)
    );
    rows.push(Row {
        name: format!("whole static plan {name}"),
        figure: ms(static_median),
        target,
        pass,
    });
    if let (Some(m), Some(check)) = (&r.canonical_plan, r.canonical_check()) {
        let empty = r
            .canonical_identical
            .as_ref()
            .is_some_and(|u| u.changes.items == 0);
        rows.push(Row {
            name: format!("whole canonical plan {name}"),
            figure: ms(m.wall.median()),
            target: "exact plan, empty when unedited (no time target)".into(),
            pass: empty && check.is_exact(),
        });
    }
    rows
}

/// `8.4× faster`, or `2.0× slower` below 1.
fn faster(factor: f64) -> String {
    if factor >= 1.0 || factor == 0.0 {
        format!("{factor:.1}× faster")
    } else {
        format!("{:.1}× slower", 1.0 / factor)
    }
}

/// `5.80, 5.41, 9.52`.
fn rounds(ratios: &[f64]) -> String {
    let shown: Vec<String> = ratios.iter().map(|x| format!("{x:.2}")).collect();
    shown.join(", ")
}

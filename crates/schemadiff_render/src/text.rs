//! The human summary: counts per domain and kind, then the SQL.

use crate::sql::script;
use schemadiff_plan::{Phase, Plan};
use std::collections::BTreeMap;

/// What the plan was computed against, for the header line.
#[derive(Debug, Clone)]
pub struct Context {
    pub from: String,
    pub to: String,
    pub mode: String,
}

pub fn summary(plan: &Plan, ctx: &Context) -> String {
    let mut out = format!(
        "schemadiff plan: {} -> {} ({})\n",
        ctx.from, ctx.to, ctx.mode
    );
    if plan.steps.is_empty() {
        out.push_str("\nNo changes: the database already matches the files.\n");
        return out;
    }
    out.push_str(&format!(
        "{} steps; per domain (total, then per kind):\n\n",
        plan.steps.len()
    ));
    let mut counts: BTreeMap<&str, BTreeMap<Phase, usize>> = BTreeMap::new();
    for s in &plan.steps {
        *counts
            .entry(s.domain.as_str())
            .or_default()
            .entry(s.phase)
            .or_default() += 1;
    }
    let width = counts.keys().map(|d| d.len()).max().unwrap_or(6).max(6);
    for (domain, phases) in &counts {
        let parts: Vec<String> = phases
            .iter()
            .map(|(p, n)| format!("{}: {n}", p.label()))
            .collect();
        let total: usize = phases.values().sum();
        out.push_str(&format!(
            "  {domain:<width$}  {total:>5}  {}\n",
            parts.join(", ")
        ));
    }
    out.push('\n');
    out.push_str(&script(plan));
    out
}

//! The human summaries: for from-empty plans counts per domain and kind, for change
//! plans one line per object with its hazards; then the SQL.

use crate::sql::script;
use schemadiff_plan::{HazardCode, Operation, Phase, Plan};
use std::collections::{BTreeMap, BTreeSet};

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

/// The human summary of a change plan: per domain, one line per object (`+` created,
/// `~` altered or renamed, `-` dropped) with its hazards inline, then the SQL.
pub fn change_summary(plan: &Plan, ctx: &Context) -> String {
    let mut out = format!(
        "schemadiff plan: {} -> {} ({})\n",
        ctx.from, ctx.to, ctx.mode
    );
    if plan.steps.is_empty() {
        out.push_str("\nNo changes: the database already matches the files.\n");
        return out;
    }
    let lines = object_lines(plan);
    let objects: usize = lines.values().map(|o| o.len()).sum();
    out.push_str(&format!(
        "{} steps on {objects} objects ({} with hazards):\n",
        plan.steps.len(),
        lines
            .values()
            .flat_map(|o| o.values())
            .filter(|l| !l.hazards.is_empty())
            .count()
    ));
    for (domain, objects) in &lines {
        let name = if domain.is_empty() {
            "(no domain)"
        } else {
            domain
        };
        out.push_str(&format!("\n{name}\n"));
        for (object, line) in objects {
            out.push_str(&format!("  {} {object}", line.sign()));
            if !line.hazards.is_empty() {
                let codes: Vec<&str> = line.hazards.iter().map(|c| c.as_str()).collect();
                out.push_str(&format!("  [{}]", codes.join(", ")));
            }
            out.push('\n');
        }
    }
    let non_tx = plan.steps.iter().filter(|s| !s.transactional).count();
    if non_tx > 0 {
        out.push_str(&format!(
            "\n{non_tx} step(s) cannot run inside a transaction block (marked below).\n"
        ));
    }
    out.push('\n');
    out.push_str(&script(plan));
    out
}

/// What the steps on one object do, taken together.
#[derive(Default)]
struct ObjectLine {
    ops: BTreeSet<Operation>,
    hazards: BTreeSet<HazardCode>,
}

impl ObjectLine {
    fn sign(&self) -> char {
        let only = |op| self.ops.len() == 1 && self.ops.contains(&op);
        if only(Operation::Create) {
            '+'
        } else if only(Operation::Drop) {
            '-'
        } else {
            '~'
        }
    }
}

/// Domain -> object -> line; objects listed by identity so the summary is stable.
fn object_lines(plan: &Plan) -> BTreeMap<&str, BTreeMap<String, ObjectLine>> {
    let mut out: BTreeMap<&str, BTreeMap<String, ObjectLine>> = BTreeMap::new();
    for s in &plan.steps {
        let key = s.object.to_string();
        let line = out
            .entry(s.domain.as_str())
            .or_default()
            .entry(key)
            .or_default();
        line.ops.insert(s.action.operation());
        line.hazards.extend(s.hazards.iter().map(|h| h.code));
    }
    out
}

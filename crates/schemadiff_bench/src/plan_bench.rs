//! The `plan` benchmark: times load, `plan_create` and SQL rendering separately.

use crate::generate::GenerateOptions;
use crate::input::Input;
use crate::measure::{peak_rss_kib, Timings};
use crate::parse_bench::LoadOutcome;
use schemadiff_parse::load_sources;
use schemadiff_plan::plan_create;
use schemadiff_render::sql::script;

/// Everything the `plan` command prints.
#[derive(Debug, Clone)]
pub struct PlanReport {
    pub options: GenerateOptions,
    pub bytes: usize,
    pub load: Timings,
    pub plan: Timings,
    pub render: Timings,
    pub steps: usize,
    pub script_bytes: usize,
    pub outcome: LoadOutcome,
    /// Set when planning failed (a dependency cycle); the run stops there.
    pub plan_error: Option<String>,
    pub peak_rss_kib: Option<u64>,
}

impl PlanReport {
    pub fn is_sound(&self) -> bool {
        self.outcome.is_sound() && self.plan_error.is_none()
    }
}

/// Generates the schema (untimed), then runs load, plan and render `iterations`
/// times, timing each step; stops at the first unsound load or planning error.
pub fn run(options: &GenerateOptions, iterations: usize) -> PlanReport {
    let input = Input::generate(options);
    let mut report = PlanReport {
        options: options.clone(),
        bytes: input.bytes(),
        load: Timings::default(),
        plan: Timings::default(),
        render: Timings::default(),
        steps: 0,
        script_bytes: 0,
        outcome: LoadOutcome::default(),
        plan_error: None,
        peak_rss_kib: None,
    };
    for _ in 0..iterations.max(1) {
        let sources = input.sources();
        let loaded = report.load.time(|| load_sources(sources));
        report.outcome = LoadOutcome::check(&loaded, &input);
        if !report.outcome.is_sound() {
            break;
        }
        let plan = match report.plan.time(|| plan_create(&loaded.catalog)) {
            Ok(plan) => plan,
            Err(e) => {
                report.plan_error = Some(e.to_string());
                break;
            }
        };
        let sql = report.render.time(|| script(&plan));
        report.steps = plan.steps.len();
        report.script_bytes = sql.len();
    }
    report.peak_rss_kib = peak_rss_kib();
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_path_plans_200_tables() {
        let report = run(
            &GenerateOptions {
                tables: 200,
                schemas: 5,
                hub_fanin: true,
            },
            2,
        );
        assert!(report.is_sound(), "{:#?}", report);
        assert_eq!(report.plan.runs(), 2);
        assert_eq!(report.render.runs(), 2);
        // At least: schemas, tables, indexes and views each get a step.
        assert!(
            report.steps >= 1 + 5 + 201 + 2 * 201 + 20,
            "{}",
            report.steps
        );
        assert!(report.script_bytes > report.bytes / 2);
    }
}

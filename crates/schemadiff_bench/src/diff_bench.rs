//! The `diff` benchmark: `diff` + `plan_changes` between two generated catalogs that
//! differ in a share of their tables (DESIGN §6: 10,000 tables, 10% changed, under
//! 0.3 s and 300 MB RSS).

use crate::generate::{generate, mutate, GenerateOptions};
use crate::input::Input;
use crate::measure::{peak_rss_kib, Timings};
use schemadiff_diff::{diff, DiffInput};
use schemadiff_parse::load_sources;
use schemadiff_plan::{plan_changes, PlanInput};

/// Everything the `diff` command prints.
#[derive(Debug, Clone)]
pub struct DiffReport {
    pub options: GenerateOptions,
    /// Tables edited on the desired side.
    pub edited_tables: usize,
    pub diff: Timings,
    pub plan: Timings,
    pub changes: usize,
    pub steps: usize,
    /// Peak RSS once both catalogs are loaded, before the first diff.
    pub loaded_rss_kib: Option<u64>,
    pub peak_rss_kib: Option<u64>,
    /// Set when a side did not load cleanly or planning failed.
    pub error: Option<String>,
}

impl DiffReport {
    pub fn is_sound(&self) -> bool {
        self.error.is_none()
    }
}

/// Loads both sides statically (untimed), then times `diff` and `plan_changes`.
pub fn run(options: &GenerateOptions, every: usize, iterations: usize) -> DiffReport {
    let current_input = Input::generate(options);
    let mut files = generate(options);
    let edited_tables = mutate(&mut files, every);
    let desired_input = Input::from_files(options, files);
    let mut report = DiffReport {
        options: options.clone(),
        edited_tables,
        diff: Timings::default(),
        plan: Timings::default(),
        changes: 0,
        steps: 0,
        loaded_rss_kib: None,
        peak_rss_kib: None,
        error: None,
    };
    let current = load_sources(current_input.sources());
    let desired = load_sources(desired_input.sources());
    if current.has_errors() || desired.has_errors() {
        report.error = Some("a generated side did not load cleanly".to_string());
        return report;
    }
    report.loaded_rss_kib = peak_rss_kib();
    for _ in 0..iterations.max(1) {
        let input = DiffInput {
            current: &current.catalog,
            desired: &desired.catalog,
            source: None,
        };
        let changes = report.diff.time(|| diff(input));
        report.changes = changes.changes.len();
        let planned = report.plan.time(|| {
            plan_changes(PlanInput {
                changes: &changes,
                current: &current.catalog,
                desired: &desired.catalog,
            })
        });
        match planned {
            Ok(plan) => report.steps = plan.steps.len(),
            Err(e) => {
                report.error = Some(e.to_string());
                break;
            }
        }
    }
    report.peak_rss_kib = peak_rss_kib();
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_path_finds_the_edits() {
        let report = run(
            &GenerateOptions {
                tables: 200,
                schemas: 5,
                hub_fanin: false,
            },
            10,
            2,
        );
        assert!(report.is_sound(), "{report:#?}");
        assert_eq!(report.edited_tables, 20);
        assert_eq!(report.diff.runs(), 2);
        // Every edited table yields at least one change and one step.
        assert!(report.changes >= 20, "{report:#?}");
        assert!(report.steps >= report.changes, "{report:#?}");
    }
}

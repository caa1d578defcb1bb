//! `schemadiff plan`: load the files, (optionally) validate them on a dev database,
//! plan from an empty database, print.

use crate::args::{Format, PlanArgs};
use crate::desired::{canonical, DevOutcome};
use crate::exit::ExitCode;
use crate::report::{fail, print_diagnostics};
use schemadiff_render::text::Context;

pub fn run(args: &PlanArgs) -> ExitCode {
    let loaded = schemadiff_parse::load_path(&args.schemas);
    print_diagnostics(&loaded.diagnostics, args.warnings);
    if loaded.has_errors() {
        fail(
            "the schema files have errors; no plan was made",
            "fix the errors above and run `schemadiff plan` again",
        );
        return ExitCode::Failure;
    }
    let plan = match schemadiff_plan::plan_create(&loaded.catalog) {
        Ok(plan) => plan,
        Err(cycle) => {
            fail(
                &cycle.to_string(),
                "break the cycle: one of these objects must not reference the next",
            );
            return ExitCode::Failure;
        }
    };
    let mut mode = "static: parsed from files, no database".to_string();
    if let Some(dev_url) = &args.dev_url {
        let runtime = match crate::runtime::runtime() {
            Ok(rt) => rt,
            Err(code) => return code,
        };
        match runtime.block_on(canonical(&loaded, &plan, dev_url)) {
            Ok(DevOutcome::Canonical { catalog, queries }) => {
                mode = format!(
                    "validated on a dev database: {} objects as PostgreSQL stores them, read with {queries} catalog queries",
                    catalog.object_count()
                );
            }
            Ok(DevOutcome::Rejected(report)) => {
                print_diagnostics(&report.diagnostics, true);
                fail(
                    &format!("PostgreSQL rejected {} statement(s) of the files ({} skipped as dependents)", report.failed, report.skipped),
                    "fix the statements above; the dev database has been dropped",
                );
                return ExitCode::Failure;
            }
            Ok(DevOutcome::Unreachable(why)) => {
                eprintln!(
                    "warning: no dev database server reachable ({why}); using the static catalog"
                );
                mode = "static: dev database server unreachable".to_string();
            }
            Err(e) => {
                fail(
                    &format!("{e:#}"),
                    "check --dev-url and that the role may CREATE DATABASE",
                );
                return ExitCode::Failure;
            }
        }
    }
    let output = match args.format {
        Format::Text => {
            let ctx = Context {
                from: "empty database".to_string(),
                to: args.schemas.display().to_string(),
                mode,
            };
            schemadiff_render::text::summary(&plan, &ctx)
        }
        Format::Sql => schemadiff_render::sql::script(&plan),
        Format::Json => {
            let mode = if args.dev_url.is_some() {
                "validated"
            } else {
                "static"
            };
            let mut s =
                serde_json::to_string_pretty(&schemadiff_render::json::plan_json(&plan, mode))
                    .unwrap_or_default();
            s.push('\n');
            s
        }
    };
    if let Err(e) = write_stdout(&output) {
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            fail(
                &format!("cannot write the plan: {e}"),
                "check the output destination",
            );
            return ExitCode::Failure;
        }
    }
    if args.check && !plan.steps.is_empty() {
        return ExitCode::Findings;
    }
    ExitCode::Clean
}

fn write_stdout(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

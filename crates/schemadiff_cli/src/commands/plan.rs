//! `schemadiff plan`: load the files, plan from an empty database, print.

use crate::args::{Format, PlanArgs};
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
    let mode = "static: parsed from files, no database";
    let output = match args.format {
        Format::Text => {
            let ctx = Context {
                from: "empty database".to_string(),
                to: args.schemas.display().to_string(),
                mode: mode.to_string(),
            };
            schemadiff_render::text::summary(&plan, &ctx)
        }
        Format::Sql => schemadiff_render::sql::script(&plan),
        Format::Json => {
            let mut s =
                serde_json::to_string_pretty(&schemadiff_render::json::plan_json(&plan, "static"))
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

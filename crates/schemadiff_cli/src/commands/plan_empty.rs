//! `schemadiff plan` without `--database-url`: the plan that creates the files from an
//! empty database, optionally validated on a dev database (`--dev-url`).

use crate::args::PlanArgs;
use crate::desired::{canonical, DevOutcome, DevServer};
use crate::exit::ExitCode;
use crate::output::Header;
use crate::pipeline::static_plan;
use crate::report::{fail, print_diagnostics};
use schemadiff_parse::Loaded;
use schemadiff_plan::Plan;

/// The plan and how it was checked.
pub fn plan(args: &PlanArgs, loaded: &Loaded) -> Result<(Plan, Header), ExitCode> {
    let plan = static_plan(&loaded.catalog)?;
    let mut header = Header {
        from: "empty database".to_string(),
        to: args.schemas.display().to_string(),
        mode: "static: parsed from files, no database".to_string(),
        mode_word: "static",
        changes: false,
    };
    let Some(dev_url) = &args.desired.dev_url else {
        return Ok((plan, header));
    };
    let runtime = crate::runtime::runtime()?;
    match runtime.block_on(canonical(loaded, &plan, DevServer::Explicit(dev_url), None)) {
        Ok(DevOutcome::Canonical { catalog, queries }) => {
            header.mode = format!(
                "validated on a dev database: {} objects as PostgreSQL stores them, read with {queries} catalog queries",
                catalog.object_count()
            );
            header.mode_word = "validated";
        }
        Ok(DevOutcome::Rejected(report)) => {
            print_diagnostics(&report.diagnostics, true);
            fail(
                &format!(
                    "PostgreSQL rejected {} statement(s) of the files ({} skipped as dependents)",
                    report.failed, report.skipped
                ),
                "fix the statements above; the dev database has been dropped",
            );
            return Err(ExitCode::Failure);
        }
        Ok(DevOutcome::Unreachable(why)) => {
            eprintln!(
                "warning: no dev database server reachable ({why}); using the static catalog"
            );
            header.mode = "static: dev database server unreachable".to_string();
        }
        Err(e) => {
            fail(
                &format!("{e:#}"),
                "check --dev-url and that the role may CREATE DATABASE",
            );
            return Err(ExitCode::Failure);
        }
    }
    Ok((plan, header))
}

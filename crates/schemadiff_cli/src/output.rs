//! Rendering a plan in the chosen format and writing it to stdout.

use crate::args::Format;
use crate::exit::ExitCode;
use crate::report::fail;
use schemadiff_plan::Plan;
use schemadiff_render::text::Context;

/// What the plan was computed between, for headers.
#[derive(Debug, Clone)]
pub struct Header {
    pub from: String,
    pub to: String,
    /// Human description of how the sides were obtained.
    pub mode: String,
    /// One word for JSON: `static`, `validated`, `canonical`, `live`.
    pub mode_word: &'static str,
    /// A plan between two states (`+`/`~`/`-` per object), not a creation plan.
    pub changes: bool,
}

pub fn render(plan: &Plan, format: Format, header: &Header) -> String {
    match format {
        Format::Text => {
            let ctx = Context {
                from: header.from.clone(),
                to: header.to.clone(),
                mode: header.mode.clone(),
            };
            if header.changes {
                schemadiff_render::text::change_summary(plan, &ctx)
            } else {
                schemadiff_render::text::summary(plan, &ctx)
            }
        }
        Format::Sql => schemadiff_render::sql::script(plan),
        Format::Json => {
            let value = schemadiff_render::json::plan_json(plan, header.mode_word);
            let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

/// Writes to stdout; a closed pipe (`| head`) is the reader's choice, not a failure.
pub fn print(text: &str) -> Result<(), ExitCode> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            fail(
                &format!("cannot write the plan: {e}"),
                "check the output destination",
            );
            Err(ExitCode::Failure)
        }
    }
}

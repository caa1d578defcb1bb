//! Prints diagnostics on stderr with miette (colour only on a terminal).

use miette::{GraphicalReportHandler, GraphicalTheme};
use schemadiff_parse::Diagnostic;
use std::io::IsTerminal;

pub fn print_diagnostics(diags: &[Diagnostic], warnings: bool) {
    let theme = if std::io::stderr().is_terminal() {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(110);
    for d in diags.iter().filter(|d| warnings || d.is_error()) {
        let mut out = String::new();
        if handler.render_report(&mut out, d).is_err() {
            out = d.short();
        }
        eprintln!("{out}");
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warns = diags.len() - errors;
    if errors > 0 || (warnings && warns > 0) {
        eprintln!("{errors} error(s), {warns} warning(s)");
    }
}

/// A one-line error for failures that have no source location.
pub fn fail(message: &str, help: &str) {
    eprintln!("error: {message}\n  help: {help}");
}

//! Executes a plan on the dev database and maps PostgreSQL's errors back to the
//! file, line and column of the statement that declared the object.

use schemadiff_parse::line_index::LineIndex;
use schemadiff_parse::{Code, Diagnostic, Location, SourceFile};
use schemadiff_plan::{Plan, Step};
use std::collections::BTreeSet;
use std::sync::Arc;
use tokio_postgres::Client;

/// Steps per transaction: one transaction over thousands of tables overflows the
/// lock table (`max_locks_per_transaction`), and a scratch database need not be atomic.
const CHUNK: usize = 1000;

#[derive(Debug, Default)]
pub struct LoadReport {
    pub executed: usize,
    pub failed: usize,
    /// Steps not run because something they depend on failed.
    pub skipped: usize,
    pub diagnostics: Vec<Diagnostic>,
}

pub async fn load(
    client: &Client,
    plan: &Plan,
    sources: &[Arc<SourceFile>],
) -> Result<LoadReport, tokio_postgres::Error> {
    let mut report = LoadReport::default();
    let mut failed_ids: BTreeSet<usize> = BTreeSet::new();
    for chunk in plan.steps.chunks(CHUNK) {
        let mut script = String::from("BEGIN;\nSET LOCAL check_function_bodies = off;\n");
        for step in chunk {
            script.push_str(&schemadiff_render::sql::step_sql(&step.action));
            script.push_str(";\n");
        }
        script.push_str("COMMIT;");
        if failed_ids.is_empty() && client.batch_execute(&script).await.is_ok() {
            report.executed += chunk.len();
            continue;
        }
        client.batch_execute("ROLLBACK").await.ok();
        // Slow path: one savepoint per step to report every failure, not just the first.
        client
            .batch_execute("BEGIN; SET LOCAL check_function_bodies = off;")
            .await?;
        for step in chunk {
            if step.depends_on.iter().any(|d| failed_ids.contains(d)) {
                failed_ids.insert(step.id);
                report.skipped += 1;
                continue;
            }
            let sql = schemadiff_render::sql::step_sql(&step.action);
            client.batch_execute("SAVEPOINT step").await?;
            match client.batch_execute(&sql).await {
                Ok(()) => {
                    client.batch_execute("RELEASE SAVEPOINT step").await?;
                    report.executed += 1;
                }
                Err(e) => {
                    client.batch_execute("ROLLBACK TO SAVEPOINT step").await?;
                    failed_ids.insert(step.id);
                    report.failed += 1;
                    report.diagnostics.push(diagnostic(step, &sql, &e, sources));
                }
            }
        }
        client.batch_execute("COMMIT").await?;
    }
    Ok(report)
}

fn diagnostic(
    step: &Step,
    sql: &str,
    e: &tokio_postgres::Error,
    sources: &[Arc<SourceFile>],
) -> Diagnostic {
    let (message, hint, position) = match e.as_db_error() {
        Some(db) => {
            let position = match db.position() {
                Some(tokio_postgres::error::ErrorPosition::Original(p)) => Some(*p as usize),
                _ => None,
            };
            let mut msg = db.message().to_string();
            if let Some(detail) = db.detail() {
                msg.push_str(&format!(" ({detail})"));
            }
            (msg, db.hint().map(str::to_string), position)
        }
        None => (e.to_string(), None, None),
    };
    let mut diag = Diagnostic::error(
        Code::ServerError,
        format!("PostgreSQL rejected {}: {message}", step.object),
    );
    let location = step.source.as_ref().and_then(|span| {
        let source = sources.iter().find(|s| s.path == span.file)?;
        let original = source.text.get(span.start..span.end)?;
        // The server's position is a 1-based character index into what was executed;
        // it points into the file only when the file's text was executed as written.
        let (start, end) = match position {
            Some(p) if original == sql => {
                let offset = sql
                    .char_indices()
                    .nth(p.saturating_sub(1))
                    .map(|(i, _)| i)
                    .unwrap_or(0);
                let len = sql[offset..]
                    .chars()
                    .take_while(|c| !c.is_whitespace())
                    .map(char::len_utf8)
                    .sum::<usize>()
                    .max(1);
                (span.start + offset, span.start + offset + len)
            }
            _ => (span.start, span.end),
        };
        Some(Location {
            source: source.clone(),
            start,
            end,
            line: 0,
            column: 0,
        })
    });
    if let Some(mut loc) = location {
        let (line, column) = LineIndex::new(&loc.source.text).line_col(&loc.source.text, loc.start);
        loc.line = line;
        loc.column = column;
        diag = diag.at(loc, "rejected by PostgreSQL");
    }
    let help = match hint {
        Some(h) => format!("{h}\nexecuted: {}", first_line(sql)),
        None => format!("executed: {}", first_line(sql)),
    };
    diag.with_help(help)
}

fn first_line(sql: &str) -> String {
    let line = sql.lines().next().unwrap_or("");
    if sql.lines().nth(1).is_some() {
        format!("{line} ...")
    } else {
        line.to_string()
    }
}

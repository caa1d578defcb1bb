//! Runs a check over corpus cases on a few threads, collecting one [`Outcome`] per case.

use super::{Case, Outcome};
use std::sync::Mutex;

/// Workers when `SCHEMADIFF_CORPUS_JOBS` is unset: cases mostly wait on PostgreSQL and
/// child processes, so a few more than the 2 CI cores keep both busy.
pub const DEFAULT_JOBS: usize = 4;
pub const JOBS_ENV: &str = "SCHEMADIFF_CORPUS_JOBS";

/// `check` on every case, `SCHEMADIFF_CORPUS_JOBS` (default 4) at a time; the outcomes
/// come back sorted by case id. A panic inside `check` becomes that case's failure.
pub fn run_cases<F>(cases: &[Case], check: F) -> Vec<Outcome>
where
    F: Fn(&Case) -> Result<(), String> + Sync,
{
    let jobs = std::env::var(JOBS_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(DEFAULT_JOBS);
    let queue = Mutex::new(cases.iter());
    let outcomes = Mutex::new(Vec::with_capacity(cases.len()));
    std::thread::scope(|s| {
        for _ in 0..jobs.min(cases.len().max(1)) {
            s.spawn(|| loop {
                let next = queue.lock().unwrap_or_else(|p| p.into_inner()).next();
                let Some(case) = next else { break };
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(case)))
                    .unwrap_or_else(|panic| Err(panic_text(&panic)));
                outcomes
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(Outcome {
                        id: case.id(),
                        result,
                    });
            });
        }
    });
    let mut outcomes = outcomes.into_inner().unwrap_or_else(|p| p.into_inner());
    outcomes.sort_by(|a, b| a.id.cmp(&b.id));
    outcomes
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    let text = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    format!("panicked: {text}")
}

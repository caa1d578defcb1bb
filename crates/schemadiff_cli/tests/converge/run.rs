//! One convergence case: load `from.sql` into A, plan A -> `to.sql` with the real
//! binary, apply the plan with psql, then require an empty second plan and A equal to
//! a database B built directly from `to.sql`.

use crate::expect;
use schemadiff_testkit::corpus::{fingerprint_compare, Case, Comparison, Side, Variant};
use schemadiff_testkit::TestDb;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A plan that takes longer than this is reported as hung.
const PLAN_TIMEOUT: Duration = Duration::from_secs(120);

/// Where a case stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// The harness could not build A or B (a broken case, not a schemadiff failure).
    Setup,
    /// `schemadiff plan` exited non-zero.
    Plan,
    /// The first plan lacks a hazard or SQL text the case's `expect.txt` names.
    Expectation,
    /// The binary panicked, was killed or hung: never an acceptable known failure.
    Crash,
    /// psql rejected the plan.
    Apply,
    /// The plan after applying was not empty.
    SecondPlan,
    /// A differs from B.
    Fingerprint,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Setup => "setup",
            Stage::Plan => "plan",
            Stage::Expectation => "expectation",
            Stage::Crash => "crash",
            Stage::Apply => "apply",
            Stage::SecondPlan => "second-plan",
            Stage::Fingerprint => "fingerprint",
        }
    }
}

#[derive(Debug)]
pub struct Outcome {
    /// Empty when the case converged.
    pub failures: Vec<(Stage, String)>,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }

    pub fn crashed(&self) -> bool {
        self.failures.iter().any(|(s, _)| *s == Stage::Crash)
    }
}

pub fn run_case(case: &Case, scratch: &Path) -> Outcome {
    let start = Instant::now();
    let failures = stages(case, scratch).err().unwrap_or_default();
    Outcome {
        failures,
        elapsed: start.elapsed(),
    }
}

fn stages(case: &Case, scratch: &Path) -> Result<(), Vec<(Stage, String)>> {
    let one = |stage: Stage| move |msg: String| vec![(stage, msg)];
    let a = TestDb::create("cv_a");
    case.load(&a, Side::From, Variant::Loadable)
        .map_err(one(Stage::Setup))?;
    let desired = desired_path(case, scratch).map_err(one(Stage::Setup))?;

    // Cases written for another search_path (sqldef's `foo, public`) say so; the plan
    // then runs as the case's role, so what it creates has the owner B's objects have.
    let mut first_args = vec!["--allow", "data-loss"];
    let mut check_args = vec!["--allow", "data-loss", "--check"];
    if let Some(path) = &case.search_path {
        for args in [&mut first_args, &mut check_args] {
            args.extend(["--search-path", path.as_str()]);
        }
    }
    let first = plan(&desired, &a, &first_args);
    let script = first.check(0).map_err(|(s, m)| vec![(s, m)])?;
    check_expectations(case, &desired, &a, &first_args, &script)?;
    let script_path = scratch.join("plan.sql");
    let prelude = case
        .run_as
        .as_ref()
        .map(|_| case.session_prelude())
        .unwrap_or_default();
    std::fs::write(&script_path, format!("{prelude}{script}"))
        .map_err(|e| vec![(Stage::Setup, format!("cannot write the plan: {e}"))])?;
    a.psql_file(&script_path).map_err(|e| {
        vec![(
            Stage::Apply,
            format!(
                "{}\n--- plan ---\n{}",
                e.stderr.trim(),
                excerpt(&script, 40)
            ),
        )]
    })?;

    // B only now: a case that fails earlier never needs it.
    let b = TestDb::create("cv_b");
    case.load(&b, Side::To, Variant::Loadable)
        .map_err(one(Stage::Setup))?;
    let mut failures = Vec::new();
    let second = plan(&desired, &a, &check_args);
    match second.check(0) {
        Ok(_) => {}
        Err((Stage::Plan, _)) if second.code == Some(1) => failures.push((
            Stage::SecondPlan,
            format!(
                "pending after apply:\n{}",
                excerpt(body(&second.stdout), 25)
            ),
        )),
        Err(f) => failures.push(f),
    }
    match fingerprint_compare(&a.conninfo(), &b.conninfo()) {
        Ok(Comparison::Equal) => {}
        Ok(Comparison::Differ(diff)) => failures.push((Stage::Fingerprint, changed_lines(&diff))),
        Err(e) => failures.push((Stage::Setup, e)),
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures)
    }
}

/// The case's `expect.txt` against its first plan (a JSON run of the same plan gives
/// the hazards).
fn check_expectations(
    case: &Case,
    desired: &Path,
    a: &TestDb,
    args: &[&str],
    script: &str,
) -> Result<(), Vec<(Stage, String)>> {
    let expected = expect::read(&case.dir).map_err(|e| vec![(Stage::Setup, e)])?;
    if expected.is_empty() {
        return Ok(());
    }
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let json = plan(desired, a, &json_args)
        .check(0)
        .map_err(|(s, m)| vec![(s, m)])?;
    let unmet = expect::unmet(&expected, script, &json);
    if unmet.is_empty() {
        Ok(())
    } else {
        Err(vec![(Stage::Expectation, unmet.join("\n"))])
    }
}

/// `to.sql` itself, or — when the case has a `setup.sql` (run on every database of
/// the case) — a folder holding both, so the desired state includes what setup made.
fn desired_path(case: &Case, scratch: &Path) -> Result<PathBuf, String> {
    let to = case.path(Side::To, Variant::AsWritten);
    let Some(setup) = case.setup_path() else {
        return Ok(to);
    };
    let dir = scratch.join("desired");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::copy(&setup, dir.join("00_setup.sql")).map_err(|e| e.to_string())?;
    std::fs::copy(&to, dir.join("to.sql")).map_err(|e| e.to_string())?;
    Ok(dir)
}

/// One run of the binary.
struct PlanRun {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    hung: bool,
}

impl PlanRun {
    /// The stdout when the exit code is `want`; otherwise the failure to report.
    fn check(&self, want: i32) -> Result<String, (Stage, String)> {
        if self.hung {
            return Err((Stage::Crash, format!("no answer within {PLAN_TIMEOUT:?}")));
        }
        if self.code.is_none() || self.stderr.contains("panicked at") {
            return Err((Stage::Crash, excerpt(&self.stderr, 30)));
        }
        if self.code == Some(want) {
            return Ok(self.stdout.clone());
        }
        Err((
            Stage::Plan,
            format!("exit {:?}\n{}", self.code, excerpt(&self.stderr, 30)),
        ))
    }
}

fn plan(desired: &Path, db: &TestDb, extra: &[&str]) -> PlanRun {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_schemadiff"));
    cmd.arg("plan")
        .arg("--schemas")
        .arg(desired)
        .args(["--database-url", &db.url()])
        .args(extra);
    if !extra.contains(&"--format") {
        cmd.args(["--format", "sql"]);
    }
    cmd.env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return PlanRun {
                code: None,
                stdout: String::new(),
                stderr: format!("cannot start the binary: {e}"),
                hung: false,
            }
        }
    };
    // Drain both pipes on threads so a large plan cannot block the child.
    let mut out_pipe = child.stdout.take();
    let mut err_pipe = child.stderr.take();
    let out = std::thread::spawn(move || read_all(out_pipe.as_mut()));
    let err = std::thread::spawn(move || read_all(err_pipe.as_mut()));
    let start = Instant::now();
    let (code, hung) = loop {
        match child.try_wait() {
            Ok(Some(status)) => break (status.code(), false),
            Ok(None) if start.elapsed() > PLAN_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break (None, true);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => break (None, false),
        }
    };
    PlanRun {
        code,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        hung,
    }
}

fn read_all<R: Read>(pipe: Option<&mut R>) -> String {
    let mut buf = Vec::new();
    if let Some(p) = pipe {
        let _ = p.read_to_end(&mut buf);
    }
    String::from_utf8_lossy(&buf).into_owned()
}

/// The statements of a `--format sql` script (without its two header lines).
fn body(script: &str) -> &str {
    let mut rest = script;
    for _ in 0..2 {
        rest = rest.split_once('\n').map(|(_, r)| r).unwrap_or("");
    }
    rest.trim_start()
}

/// The first `n` lines of `text`.
pub fn excerpt(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = lines.iter().take(n).copied().collect::<Vec<_>>().join("\n");
    if lines.len() > n {
        out.push_str(&format!("\n... ({} more lines)", lines.len() - n));
    }
    out
}

/// The `-`/`+` lines of the oracle's unified diff (`-` B = expected, `+` A = migrated).
fn changed_lines(diff: &str) -> String {
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('-') || l.starts_with('+'))
                && !l.starts_with("---")
                && !l.starts_with("+++")
        })
        .collect();
    excerpt(&changed.join("\n"), 20)
}

//! The `whole-plan` benchmark: the real `schemadiff plan` binary, end to end, against
//! a database holding the generated schema, with the files edited in one table in
//! `every`; static (`--static`) and canonical (temporary dev database), next to migra
//! comparing the same two databases (DESIGN §6: a whole static plan against 5,000
//! tables at least 5× faster than migra, within 1.5× of the catalog-query floor).
//!
//! [`prepare`] builds or reuses the databases and writes the files (not timed); [`run`]
//! times the child processes and checks that every plan changes exactly the edited
//! tables, and that a canonical plan of the unedited files is empty.

pub mod changes;
pub mod child;
pub mod inputs;
pub mod server;
pub mod tools;

use crate::generate::GenerateOptions;
use crate::introspect_bench::{self, psql_script, scope_schemas, Preparation};
use crate::measure::Timings;
use changes::{Changes, Check};
use child::ChildRun;
use inputs::SchemaFiles;
use server::Server;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

pub use introspect_bench::BenchError;

/// What [`prepare`] needs.
#[derive(Debug, Clone)]
pub struct PrepareOptions<'a> {
    pub shape: &'a GenerateOptions,
    pub every: usize,
    /// A libpq conninfo or URL of a maintenance database (superuser).
    pub server: &'a str,
    /// Drop and reload both databases even if complete ones exist.
    pub rebuild: bool,
    /// Where the `current/` and `desired/` schema folders are written.
    pub work_dir: &'a Path,
}

/// The two states, ready to be compared.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub files: SchemaFiles,
    pub current_url: String,
    pub desired_url: String,
    pub current: Preparation,
    pub desired: Preparation,
}

/// Writes both states' files and builds (or reuses) both databases; nothing is timed.
pub fn prepare(options: &PrepareOptions<'_>) -> Result<Prepared, BenchError> {
    let server = Server::parse(options.server)?;
    let files = inputs::write_schema_files(options.shape, options.every, options.work_dir)?;
    let (_, current) = introspect_bench::prepare(options.server, options.shape, options.rebuild)?;
    let desired_name = inputs::desired_database_name(options.shape, options.every);
    let (desired_url, desired) = inputs::prepare_desired(
        &server,
        &desired_name,
        options.shape,
        &files.desired,
        options.rebuild,
    )?;
    Ok(Prepared {
        current_url: server.url(&introspect_bench::database_name(options.shape)),
        desired_url,
        files,
        current,
        desired,
    })
}

/// Drops both benchmark databases of `shape` and `every` on `server`.
pub fn drop_databases(
    server: &str,
    shape: &GenerateOptions,
    every: usize,
) -> Result<(), BenchError> {
    introspect_bench::drop_database(server, shape)?;
    let desired = inputs::desired_database_name(shape, every);
    inputs::drop_database(&Server::parse(server)?, &desired)
}

/// What [`run`] times.
#[derive(Debug, Clone)]
pub struct RunOptions<'a> {
    pub shape: &'a GenerateOptions,
    pub iterations: usize,
    /// The `schemadiff` binary.
    pub schemadiff: &'a Path,
    /// The migra program, or `None` to leave migra out.
    pub migra: Option<&'a str>,
    /// Also time the canonical plan (a dev database per run: minutes at 5,000 tables).
    pub canonical: bool,
}

/// One measured command over its runs.
#[derive(Debug, Clone, Default)]
pub struct Measured {
    pub wall: Timings,
    /// The wall time of each run, in order (rounds line up across commands).
    pub rounds: Vec<Duration>,
    /// The child's user + system CPU per run.
    pub cpu: Timings,
    /// The largest peak RSS over the runs, in KiB.
    pub peak_rss_kib: Option<u64>,
    /// The changes of the first run.
    pub changes: Changes,
    /// Set when a later run's changes differed from the first run's.
    pub unstable: bool,
}

impl Measured {
    /// `other`'s time over this one's, per round (both measured in the same rounds);
    /// the median, and each round's. Steadier than a ratio of medians when the machine
    /// load drifts during the run.
    pub fn ratio_per_round(&self, other: &Measured) -> (f64, Vec<f64>) {
        let ratios: Vec<f64> = self
            .rounds
            .iter()
            .zip(&other.rounds)
            .filter(|(mine, _)| !mine.is_zero())
            .map(|(mine, theirs)| theirs.as_secs_f64() / mine.as_secs_f64())
            .collect();
        let mut sorted = ratios.clone();
        sorted.sort_by(f64::total_cmp);
        let median = sorted
            .get(sorted.len().saturating_sub(1) / 2)
            .copied()
            .unwrap_or(0.0);
        (median, ratios)
    }

    fn record(&mut self, run: &ChildRun, changes: Changes) {
        if self.wall.runs() == 0 {
            self.changes = changes;
        } else if changes != self.changes {
            self.unstable = true;
        }
        self.wall.push(run.wall);
        self.rounds.push(run.wall);
        self.cpu.extend(run.cpu);
        self.peak_rss_kib = self.peak_rss_kib.max(run.peak_rss_kib);
    }
}

/// Everything the `whole-plan` command prints.
#[derive(Debug, Clone)]
pub struct WholePlanReport {
    pub options: GenerateOptions,
    pub edited: BTreeSet<usize>,
    /// `schemadiff plan --static` of the edited files.
    pub static_plan: Measured,
    /// `schemadiff plan` (dev database) of the edited files; `None` when left out.
    pub canonical_plan: Option<Measured>,
    /// migra between the current and the desired database; `None` when left out.
    pub migra: Option<Measured>,
    /// The catalog-query floor: psql running the introspection queries on the current
    /// database (the introspect benchmark's script).
    pub catalog_floor: Measured,
    /// One static plan of the unedited files (also the warm-up run).
    pub static_identical: Measured,
    /// One canonical plan of the unedited files: must be empty. `None` when left out.
    pub canonical_identical: Option<Measured>,
}

impl WholePlanReport {
    pub fn static_check(&self) -> Check {
        self.static_plan.changes.check(&self.edited)
    }

    pub fn canonical_check(&self) -> Option<Check> {
        self.canonical_plan
            .as_ref()
            .map(|m| m.changes.check(&self.edited))
    }

    pub fn migra_check(&self) -> Option<Check> {
        self.migra.as_ref().map(|m| m.changes.check(&self.edited))
    }
}

/// Times every command: one static and one canonical plan of the unedited files first
/// (the static one doubles as a warm-up), then `iterations` rounds of static plan,
/// canonical plan, migra and the catalog-query floor, interleaved so all of them see
/// the same machine load.
pub fn run(options: &RunOptions<'_>, prepared: &Prepared) -> Result<WholePlanReport, BenchError> {
    let files = &prepared.files;
    let current = prepared.current_url.as_str();
    let mut report = WholePlanReport {
        options: options.shape.clone(),
        edited: files.edited.clone(),
        static_plan: Measured::default(),
        canonical_plan: options.canonical.then(Measured::default),
        migra: options.migra.map(|_| Measured::default()),
        catalog_floor: Measured::default(),
        static_identical: Measured::default(),
        canonical_identical: options.canonical.then(Measured::default),
    };
    let plan = |dir: &Path, mode: PlanMode| plan_run(options.schemadiff, dir, current, mode);
    let (run, changes) = plan(&files.current_dir, PlanMode::Static)?;
    report.static_identical.record(&run, changes);
    if let Some(measured) = report.canonical_identical.as_mut() {
        let (run, changes) = plan(&files.current_dir, PlanMode::Canonical)?;
        measured.record(&run, changes);
    }
    let floor_script = write_floor_script(options.shape)?;
    for _ in 0..options.iterations.max(1) {
        let (run, changes) = plan(&files.desired_dir, PlanMode::Static)?;
        report.static_plan.record(&run, changes);
        if let Some(measured) = report.canonical_plan.as_mut() {
            let (run, changes) = plan(&files.desired_dir, PlanMode::Canonical)?;
            measured.record(&run, changes);
        }
        if let (Some(program), Some(measured)) = (options.migra, report.migra.as_mut()) {
            let (run, changes) = migra_run(program, current, &prepared.desired_url)?;
            measured.record(&run, changes);
        }
        let run = floor_run(current, &floor_script)?;
        report.catalog_floor.record(&run, Changes::default());
    }
    let _ = std::fs::remove_file(&floor_script);
    Ok(report)
}

/// Whether the plan loads the files into a dev database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlanMode {
    Static,
    Canonical,
}

impl PlanMode {
    fn word(self) -> &'static str {
        match self {
            PlanMode::Static => "static",
            PlanMode::Canonical => "canonical",
        }
    }
}

/// `schemadiff plan --schemas DIR --database-url URL --format json --check [--static]`.
/// `--check` makes the exit code say whether there are steps (0 none, 1 some, 2
/// failure) and skips the hazard gates, which would refuse the dropped columns.
fn plan_run(
    binary: &Path,
    dir: &Path,
    url: &str,
    mode: PlanMode,
) -> Result<(ChildRun, Changes), BenchError> {
    let mut command = Command::new(binary);
    command.arg("plan").arg("--schemas").arg(dir);
    command.args(["--database-url", url, "--format", "json", "--check"]);
    if mode == PlanMode::Static {
        command.arg("--static");
    }
    let what = format!("schemadiff plan ({}) of {}", mode.word(), dir.display());
    let run = child::run(command).map_err(|e| format!("cannot run {what}: {e}"))?;
    if !matches!(run.code, Some(0 | 1)) {
        return Err(failed(&what, &run));
    }
    let (got_mode, changes) = Changes::from_plan_json(&run.stdout)
        .map_err(|e| format!("{what}: {e}\n{}", run.stderr_tail(5)))?;
    if got_mode != mode.word() {
        return Err(format!(
            "{what} ran in {got_mode} mode, not {}:\n{}",
            mode.word(),
            run.stderr_tail(5)
        ));
    }
    if (changes.items == 0) != (run.code == Some(0)) {
        return Err(format!(
            "{what} exited {:?} with {} steps",
            run.code, changes.items
        ));
    }
    Ok((run, changes))
}

/// `migra --unsafe CURRENT DESIRED`: exit 0 without changes, 2 with.
fn migra_run(
    program: &str,
    current: &str,
    desired: &str,
) -> Result<(ChildRun, Changes), BenchError> {
    let mut command = Command::new(program);
    command.args(["--unsafe", current, desired]);
    let what = format!("{program} --unsafe <current> <desired>");
    let run = child::run(command).map_err(|e| format!("cannot run {what}: {e}"))?;
    if !matches!(run.code, Some(0 | 2)) {
        return Err(failed(&what, &run));
    }
    let changes = Changes::from_migra_sql(&run.stdout);
    Ok((run, changes))
}

/// The introspect benchmark's psql script (the catalog queries, as `schemadiff_introspect`
/// runs them) in a temporary file.
fn write_floor_script(shape: &GenerateOptions) -> Result<PathBuf, BenchError> {
    let path = std::env::temp_dir().join(format!(
        "schemadiff_bench_whole_plan_floor_{}.sql",
        std::process::id()
    ));
    std::fs::write(&path, psql_script(&scope_schemas(shape)))
        .map_err(|e| format!("writing {}: {e}", path.display()))?;
    Ok(path)
}

fn floor_run(url: &str, script: &Path) -> Result<ChildRun, BenchError> {
    let mut command = Command::new("psql");
    command.args([
        "-X",
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
        "-o",
        "/dev/null",
        "-d",
        url,
    ]);
    command.arg("-f").arg(script);
    let run = child::run(command).map_err(|e| format!("cannot run psql: {e}"))?;
    if run.code != Some(0) {
        return Err(failed("psql with the catalog queries", &run));
    }
    Ok(run)
}

fn failed(what: &str, run: &ChildRun) -> String {
    format!(
        "{what} failed (exit {:?}):\n{}",
        run.code,
        run.stderr_tail(15)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(ms: &[u64]) -> Measured {
        let mut m = Measured::default();
        for &ms in ms {
            m.wall.push(Duration::from_millis(ms));
            m.rounds.push(Duration::from_millis(ms));
        }
        m
    }

    #[test]
    fn ratios_are_taken_round_by_round() {
        // The load fell during the run: each round's ratio is 5, the medians' is not.
        let fast = measured(&[200, 100, 60]);
        let slow = measured(&[1000, 500, 300]);
        let (median, each) = fast.ratio_per_round(&slow);
        assert_eq!(each, vec![5.0, 5.0, 5.0]);
        assert_eq!(median, 5.0);
        let (median, _) = fast.ratio_per_round(&measured(&[1000, 200, 300]));
        assert_eq!(median, 5.0, "the middle of 5, 2 and 5");
        assert_eq!(Measured::default().ratio_per_round(&slow).0, 0.0);
    }
}

//! `schemadiff-bench`: generates benchmark schemas and times parse / plan / introspect
//! against DESIGN §6.

use clap::{Args, Parser, Subcommand};
use schemadiff_bench::generate::{generate, write_to_dir, GenerateOptions};
use schemadiff_bench::introspect_bench::{self, DEFAULT_SERVER};
use schemadiff_bench::report::{self, Row, INTROSPECT_TABLES, TARGET_TABLES};
use schemadiff_bench::whole_plan_bench::{self, tools, PrepareOptions, RunOptions};
use schemadiff_bench::{diff_bench, parse_bench, plan_bench};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

// The same allocator as the `schemadiff` binary, so the figures are the product's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(name = "schemadiff-bench", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Write a generated schema as a folder of domain folders (for `schemadiff plan --schemas`).
    Generate {
        #[command(flatten)]
        shape: Shape,
        /// Folder to write into (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
    /// Time `load_sources` on a generated schema (generation is not timed).
    Parse(Run),
    /// Time load, `plan_create` and `sql::script` separately.
    Plan(Run),
    /// Time `diff` + `plan_changes` between a generated schema and a copy with one
    /// table in `--every` edited (both loaded statically, not timed).
    Diff(DiffRun),
    /// Time `schemadiff_introspect::introspect` on a database holding the generated
    /// schema (built once per shape, not timed), against psql running the same queries.
    Introspect(IntrospectRun),
    /// Time the `schemadiff plan` binary end to end (static and canonical) against a
    /// database holding the generated schema, with one table in `--every` edited in the
    /// files; next to migra comparing the same two databases. Not part of `all`.
    WholePlan(WholePlanRun),
    /// Create and load the benchmark database unless a complete one exists (used by
    /// `introspect` in a child process, so the build does not count in its peak RSS).
    #[command(hide = true)]
    PrepareDb {
        #[command(flatten)]
        shape: Shape,
        #[arg(long, default_value = DEFAULT_SERVER)]
        url: String,
        #[arg(long)]
        rebuild: bool,
    },
    /// Run parse (with and without --hub-fanin) and plan at 10000 tables and introspect
    /// at 5000 tables, each in its own process so peak RSS is per benchmark; print a
    /// summary table.
    All {
        #[arg(long, default_value_t = 5)]
        iterations: usize,
        /// Server for the introspect benchmark (maintenance database conninfo or URL).
        #[arg(long, default_value = DEFAULT_SERVER)]
        url: String,
    },
}

#[derive(Debug, Args)]
struct IntrospectRun {
    #[command(flatten)]
    shape: Shape,
    /// Timed repetitions (after one warm-up); min, median and max are reported.
    #[arg(long, default_value_t = 5)]
    iterations: usize,
    /// Server to create `schemadiff_bench_<N>` on: a libpq conninfo or postgres:// URL
    /// of a maintenance database, as a superuser.
    #[arg(long, default_value = DEFAULT_SERVER)]
    url: String,
    /// Drop and reload the benchmark database even if a complete one exists.
    #[arg(long)]
    rebuild: bool,
    /// Drop the benchmark database when done.
    #[arg(long)]
    drop: bool,
    /// Skip the per-query pass (EXPLAIN ANALYZE and a client round trip per query).
    #[arg(long)]
    no_profile: bool,
    /// Also print machine-readable summary rows (used by `all`).
    #[arg(long, hide = true)]
    rows: bool,
}

#[derive(Debug, Args)]
struct WholePlanRun {
    #[command(flatten)]
    shape: Shape,
    /// Edit one table in this many on the desired side (10 = 10% of the tables).
    #[arg(long, default_value_t = 10)]
    every: usize,
    /// Timed rounds (static plan, canonical plan, migra, psql floor in each); min,
    /// median and max are reported.
    #[arg(long, default_value_t = 3)]
    iterations: usize,
    /// Server to create `schemadiff_bench_<N>` and `schemadiff_bench_<N>_desired_e<E>`
    /// on: a libpq conninfo or postgres:// URL of a maintenance database, as a superuser.
    #[arg(long, default_value = DEFAULT_SERVER)]
    url: String,
    /// The `schemadiff` binary (default: next to this one, as built by
    /// `cargo build --release -p schemadiff_cli`).
    #[arg(long, value_name = "PATH")]
    schemadiff: Option<PathBuf>,
    /// The migra program.
    #[arg(long, default_value = "migra")]
    migra: String,
    /// Leave migra out.
    #[arg(long)]
    no_migra: bool,
    /// Leave the canonical plans out (each loads the files into a dev database:
    /// about two minutes at 5,000 tables).
    #[arg(long)]
    no_canonical: bool,
    /// Drop and reload both databases even if complete ones exist.
    #[arg(long)]
    rebuild: bool,
    /// Drop both databases when done.
    #[arg(long)]
    drop: bool,
    /// Where the `current/` and `desired/` schema folders are written (kept afterwards).
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    /// Also print machine-readable summary rows.
    #[arg(long, hide = true)]
    rows: bool,
}

#[derive(Debug, Args)]
struct DiffRun {
    #[command(flatten)]
    run: Run,
    /// Edit one table in this many on the desired side (10 = 10% of the tables).
    #[arg(long, default_value_t = 10)]
    every: usize,
}

#[derive(Debug, Args)]
struct Shape {
    /// Number of generated tables (besides core.users).
    #[arg(long)]
    tables: usize,
    /// Number of domain schemas the tables are spread over.
    #[arg(long, default_value_t = 20)]
    schemas: usize,
    /// Give every table a foreign key to core.users (the fan-in shape).
    #[arg(long)]
    hub_fanin: bool,
}

#[derive(Debug, Args)]
struct Run {
    #[command(flatten)]
    shape: Shape,
    /// Timed repetitions; min, median and max are reported.
    #[arg(long, default_value_t = 5)]
    iterations: usize,
    /// Also print machine-readable summary rows (used by `all`).
    #[arg(long, hide = true)]
    rows: bool,
}

impl Shape {
    fn options(&self) -> GenerateOptions {
        GenerateOptions {
            tables: self.tables,
            schemas: self.schemas,
            hub_fanin: self.hub_fanin,
        }
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Cmd::Generate { shape, out } => generate_cmd(&shape.options(), &out),
        Cmd::Parse(run) => {
            let r = parse_bench::run(&run.shape.options(), run.iterations);
            finish(report::parse(&r), r.outcome.is_sound(), run.rows)
        }
        Cmd::Plan(run) => {
            let r = plan_bench::run(&run.shape.options(), run.iterations);
            finish(report::plan(&r), r.is_sound(), run.rows)
        }
        Cmd::Diff(d) => {
            let r = diff_bench::run(&d.run.shape.options(), d.every, d.run.iterations);
            finish(report::diff(&r), r.is_sound(), d.run.rows)
        }
        Cmd::Introspect(run) => introspect_cmd(&run),
        Cmd::WholePlan(run) => whole_plan_cmd(&run),
        Cmd::PrepareDb {
            shape,
            url,
            rebuild,
        } => match introspect_bench::prepare(&url, &shape.options(), rebuild) {
            Ok((_, preparation)) => {
                println!("{}", report::preparation(&preparation));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: preparing the benchmark database: {e}");
                ExitCode::FAILURE
            }
        },
        Cmd::All { iterations, url } => all(iterations, &url),
    }
}

/// Builds (or reuses) the database in a child process, then times introspection here.
fn introspect_cmd(run: &IntrospectRun) -> ExitCode {
    let shape = run.shape.options();
    let mut args = vec![
        "prepare-db".to_string(),
        "--tables".into(),
        shape.tables.to_string(),
        "--schemas".into(),
        shape.schemas.to_string(),
        "--url".into(),
        run.url.clone(),
    ];
    if shape.hub_fanin {
        args.push("--hub-fanin".into());
    }
    if run.rebuild {
        args.push("--rebuild".into());
    }
    eprintln!(
        "preparing database {} (a first build of thousands of tables takes minutes)...",
        introspect_bench::database_name(&shape)
    );
    let output = std::env::current_exe().and_then(|exe| {
        Command::new(exe)
            .args(&args)
            .stderr(Stdio::inherit())
            .output()
    });
    let preparation = match output {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        Ok(_) => return ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: running prepare-db: {e}");
            return ExitCode::FAILURE;
        }
    };
    let conn = introspect_bench::with_dbname(&run.url, &introspect_bench::database_name(&shape));
    let result = introspect_bench::run(&conn, &shape, run.iterations, !run.no_profile);
    let code = match result {
        Ok(r) => finish(report::introspect(&r, &preparation), r.is_sound(), run.rows),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    };
    if run.drop {
        if let Err(e) = introspect_bench::drop_database(&run.url, &shape) {
            eprintln!("error: dropping the benchmark database: {e}");
            return ExitCode::FAILURE;
        }
    }
    code
}

/// Prepares both states (untimed), then times the plans and migra.
fn whole_plan_cmd(run: &WholePlanRun) -> ExitCode {
    let shape = run.shape.options();
    let schemadiff = match tools::schemadiff(run.schemadiff.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (migra, migra_missing) = match (run.no_migra, tools::migra(&run.migra)) {
        (true, _) => (None, None),
        (false, tools::Migra::Ready) => (Some(run.migra.as_str()), None),
        (false, tools::Migra::Unavailable(why)) => {
            eprintln!("note: migra is left out: {why}");
            (None, Some(why))
        }
    };
    let work_dir = run.work_dir.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!(
            "{}_whole_plan",
            introspect_bench::database_name(&shape)
        ))
    });
    eprintln!(
        "preparing {} and its desired-state database (a first build of thousands of \
         tables takes minutes)...",
        introspect_bench::database_name(&shape)
    );
    let prepared = match whole_plan_bench::prepare(&PrepareOptions {
        shape: &shape,
        every: run.every,
        server: &run.url,
        rebuild: run.rebuild,
        work_dir: &work_dir,
    }) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: preparing the databases: {e}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!("timing (static plan, canonical plan, migra, psql floor per round)...");
    let options = RunOptions {
        shape: &shape,
        iterations: run.iterations,
        schemadiff: &schemadiff.path,
        migra,
        canonical: !run.no_canonical,
    };
    let code = match whole_plan_bench::run(&options, &prepared) {
        Ok(r) => {
            let setup = [
                (
                    "schemadiff",
                    format!(
                        "{} ({}, built {})",
                        schemadiff.path.display(),
                        schemadiff.version,
                        schemadiff
                            .age
                            .map_or("at an unknown time".into(), |a| format!(
                                "{} min ago",
                                a.as_secs() / 60
                            ))
                    ),
                ),
                (
                    "current",
                    format!(
                        "{} ({})",
                        introspect_bench::redact(&prepared.current_url),
                        report::preparation(&prepared.current)
                    ),
                ),
                (
                    "desired",
                    format!(
                        "{} ({})",
                        introspect_bench::redact(&prepared.desired_url),
                        report::preparation(&prepared.desired)
                    ),
                ),
                ("files", work_dir.display().to_string()),
            ];
            finish(
                report::whole_plan(&r, &setup, migra_missing.as_deref()),
                true,
                run.rows,
            )
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    };
    if run.drop {
        let dropped = whole_plan_bench::drop_databases(&run.url, &shape, run.every);
        if let Err(e) = dropped {
            eprintln!("error: dropping the benchmark databases: {e}");
            return ExitCode::FAILURE;
        }
    }
    code
}

fn generate_cmd(options: &GenerateOptions, out: &Path) -> ExitCode {
    let files = generate(options);
    if let Err(e) = write_to_dir(&files, out) {
        eprintln!("error: writing {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    println!(
        "wrote {} files ({:.2} MB) to {}; load them with: schemadiff plan --schemas {}",
        files.len(),
        bytes as f64 / 1e6,
        out.display(),
        out.display()
    );
    ExitCode::SUCCESS
}

/// A broken load (error diagnostics, missing objects, a cycle) fails the command; a
/// missed target only prints FAIL, since these are benchmarks, not timed tests.
fn finish(rows: Vec<Row>, sound: bool, print_rows: bool) -> ExitCode {
    if print_rows {
        for row in &rows {
            println!("{}", row.to_line());
        }
    }
    if sound {
        ExitCode::SUCCESS
    } else {
        eprintln!("error: the schema did not load cleanly; the timings above are meaningless");
        ExitCode::FAILURE
    }
}

fn all(iterations: usize, url: &str) -> ExitCode {
    let tables = TARGET_TABLES.to_string();
    let introspect_tables = INTROSPECT_TABLES.to_string();
    let iterations = iterations.to_string();
    let runs: [&[&str]; 5] = [
        &["parse", "--tables", &tables],
        &["parse", "--tables", &tables, "--hub-fanin"],
        &["plan", "--tables", &tables],
        &["diff", "--tables", &tables],
        &["introspect", "--tables", &introspect_tables, "--url", url],
    ];
    let mut rows = Vec::new();
    let mut ok = true;
    for args in runs {
        match child(args, &iterations) {
            Ok((child_rows, success)) => {
                rows.extend(child_rows);
                ok &= success;
            }
            Err(e) => {
                eprintln!("error: running {}: {e}", args.join(" "));
                ok = false;
            }
        }
        println!();
    }
    print!("{}", report::table(&rows));
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs this binary with `args`, echoing its report and collecting its summary rows.
fn child(args: &[&str], iterations: &str) -> std::io::Result<(Vec<Row>, bool)> {
    let mut child = Command::new(std::env::current_exe()?)
        .args(args)
        .args(["--iterations", iterations, "--rows"])
        .stdout(Stdio::piped())
        .spawn()?;
    let mut rows = Vec::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line?;
            match Row::from_line(&line) {
                Some(row) => rows.push(row),
                None => println!("{line}"),
            }
        }
    }
    Ok((rows, child.wait()?.success()))
}

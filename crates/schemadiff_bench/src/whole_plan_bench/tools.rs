//! The two programs the whole-plan benchmark times: the `schemadiff` CLI binary (from
//! the same target directory as this binary, or `--schemadiff PATH`) and migra (on
//! PATH, optional).

use super::BenchError;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// How to install migra, for the report when it is missing or broken.
pub const MIGRA_INSTALL: &str = "pip install migra psycopg2-binary setuptools \
    (schemainspect imports pkg_resources, which comes with setuptools; \
    Python 3.12+ environments no longer include it)";

/// The CLI binary to time.
#[derive(Debug, Clone)]
pub struct Schemadiff {
    pub path: PathBuf,
    /// `schemadiff --version`.
    pub version: String,
    /// How long ago the binary was built (its modification time), so a stale build
    /// shows in the report.
    pub age: Option<std::time::Duration>,
}

/// `explicit`, or `schemadiff` in this executable's directory (or its parent, for test
/// binaries in `target/<profile>/deps`).
pub fn schemadiff(explicit: Option<&Path>) -> Result<Schemadiff, BenchError> {
    let this = std::env::current_exe().map_err(|e| format!("locating this binary: {e}"))?;
    let name = format!("schemadiff{}", std::env::consts::EXE_SUFFIX);
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => this
            .ancestors()
            .skip(1)
            .take(2)
            .map(|dir| dir.join(&name))
            .find(|candidate| candidate.is_file())
            .ok_or_else(|| {
                format!(
                    "no {name} binary next to {}: build it into the same target directory \
                     with `cargo build --release -p schemadiff_cli`, or pass --schemadiff PATH",
                    this.display()
                )
            })?,
    };
    let output = Command::new(&path)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("running {} --version: {e}", path.display()))?;
    if !output.status.success() {
        return Err(format!("{} --version failed", path.display()));
    }
    let version = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let age = modified(&path).and_then(|m| m.elapsed().ok());
    Ok(Schemadiff { path, version, age })
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).ok()?.modified().ok()
}

/// Whether migra can run here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Migra {
    Ready,
    /// Not installed, or installed but broken (the reason, with the install hint).
    Unavailable(String),
}

/// Runs `program --help` to see whether migra is installed and imports cleanly.
pub fn migra(program: &str) -> Migra {
    let output = Command::new(program)
        .arg("--help")
        .stdin(Stdio::null())
        .output();
    match output {
        Ok(out) if out.status.success() => Migra::Ready,
        Ok(out) => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let last = stderr.lines().last().unwrap_or("no message");
            Migra::Unavailable(format!(
                "`{program} --help` failed ({last}); install it with: {MIGRA_INSTALL}"
            ))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Migra::Unavailable(format!(
            "`{program}` is not installed (not on PATH); install it with: {MIGRA_INSTALL}"
        )),
        Err(e) => Migra::Unavailable(format!(
            "cannot run `{program}`: {e}; install it with: {MIGRA_INSTALL}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_migra_says_how_to_install_it() {
        let Migra::Unavailable(why) = migra("/nonexistent/schemadiff-bench/migra") else {
            panic!("a missing program cannot be ready");
        };
        assert!(why.contains("not installed"), "{why}");
        assert!(why.contains("pip install migra psycopg2-binary"), "{why}");
        // A program that runs but fails `--help` is reported with its last stderr line.
        let Migra::Unavailable(why) = migra("false") else {
            panic!("`false --help` fails");
        };
        assert!(why.contains("failed"), "{why}");
    }

    #[test]
    fn an_explicit_path_that_is_not_the_cli_is_refused() {
        let err = schemadiff(Some(Path::new("/nonexistent/schemadiff"))).unwrap_err();
        assert!(err.contains("/nonexistent/schemadiff"), "{err}");
    }
}

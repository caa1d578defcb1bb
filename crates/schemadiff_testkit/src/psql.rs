//! Running the `psql` binary: the one place that spawns processes, plus [`PsqlError`].

use std::fmt;
use std::io::Write;
use std::process::{Command, Stdio};

/// Why a `psql` invocation failed: the exit status (if it ran at all) and its stderr,
/// which carries the server's error message (`ERROR:  relation "x" does not exist`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PsqlError {
    /// Exit code of `psql`; `None` when it could not be started or was killed by a signal.
    pub status: Option<i32>,
    /// Everything `psql` wrote to stderr (or the spawn error when it could not start).
    pub stderr: String,
}

impl fmt::Display for PsqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.status {
            Some(code) => write!(
                f,
                "psql exited with status {code}: {}",
                self.stderr.trim_end()
            ),
            None => write!(f, "psql failed: {}", self.stderr.trim_end()),
        }
    }
}

impl std::error::Error for PsqlError {}

/// Runs `psql -X -q -v ON_ERROR_STOP=1 -d <conn> <args...>`, feeding `stdin` if given.
/// `conn` may be a keyword/value string or a URL; psql accepts both via `-d`.
pub(crate) fn run(conn: &str, args: &[&str], stdin: Option<&str>) -> Result<String, PsqlError> {
    let mut cmd = Command::new("psql");
    // -X: ignore ~/.psqlrc so a developer's settings cannot change output.
    cmd.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", conn])
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Fail fast instead of hanging forever when a TCP server is unreachable.
    if std::env::var_os("PGCONNECT_TIMEOUT").is_none() {
        cmd.env("PGCONNECT_TIMEOUT", "10");
    }
    let mut child = cmd.spawn().map_err(|e| PsqlError {
        status: None,
        stderr: format!(
            "could not start `psql` (is the PostgreSQL client installed and on PATH?): {e}"
        ),
    })?;
    // Write stdin from a separate thread: a big script and a big result could
    // otherwise deadlock with both pipes full.
    let writer = match (stdin, child.stdin.take()) {
        (Some(text), Some(mut pipe)) => {
            let text = text.to_owned();
            // A write error (psql exited early) surfaces through psql's stderr/status.
            Some(std::thread::spawn(move || {
                let _ = pipe.write_all(text.as_bytes());
            }))
        }
        _ => None,
    };
    let output = child.wait_with_output().map_err(|e| PsqlError {
        status: None,
        stderr: format!("waiting for psql failed: {e}"),
    })?;
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if output.status.success() {
        Ok(stdout)
    } else {
        Err(PsqlError {
            status: output.status.code(),
            stderr,
        })
    }
}

//! Runs one external command end to end and measures it: wall time, CPU time and peak
//! RSS of the child process, plus its exit status and output.
//!
//! Peak RSS is sampled from `/proc/<pid>/status` (`VmHWM`, a high-water mark) while the
//! child runs: std has no `wait4`, and the workspace forbids `unsafe`. Growth in the
//! last [`RSS_POLL`] before the child exits can be missed.

use crate::measure::children_cpu;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// How often the child's `VmHWM` is read.
pub const RSS_POLL: Duration = Duration::from_millis(5);

/// What one run of a child process took and printed.
#[derive(Debug, Clone)]
pub struct ChildRun {
    /// From spawn to exit, output fully read.
    pub wall: Duration,
    /// User + system CPU of the child (and anything it waited for), if known.
    pub cpu: Option<Duration>,
    /// Largest `VmHWM` seen while the child ran, in KiB.
    pub peak_rss_kib: Option<u64>,
    /// The exit code; `None` when a signal ended the child.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl ChildRun {
    /// The last lines of stderr, for error messages.
    pub fn stderr_tail(&self, lines: usize) -> String {
        let all: Vec<&str> = self.stderr.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }
}

/// Spawns `command` with piped output, waits for it and measures it.
pub fn run(mut command: Command) -> std::io::Result<ChildRun> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let cpu_before = children_cpu();
    let start = Instant::now();
    let child = command.spawn()?;
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let stop = Arc::clone(&stop);
        let pid = child.id();
        thread::spawn(move || sample_peak_rss(pid, &stop))
    };
    let output = child.wait_with_output();
    let wall = start.elapsed();
    stop.store(true, Ordering::Relaxed);
    let peak_rss_kib = sampler.join().unwrap_or(None);
    let output = output?;
    let cpu = match (cpu_before, children_cpu()) {
        (Some(before), Some(after)) => Some(after.saturating_sub(before)),
        _ => None,
    };
    Ok(ChildRun {
        wall,
        cpu,
        peak_rss_kib,
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

/// Reads `VmHWM` of `pid` until `stop` is set or the process is gone; the largest value.
fn sample_peak_rss(pid: u32, stop: &AtomicBool) -> Option<u64> {
    let path = format!("/proc/{pid}/status");
    let mut peak = None;
    while !stop.load(Ordering::Relaxed) {
        // A zombie's status has no VmHWM any more; the last value read stands.
        if let Some(kib) = std::fs::read_to_string(&path)
            .ok()
            .as_deref()
            .and_then(vm_hwm_kib)
        {
            peak = peak.max(Some(kib));
        }
        thread::sleep(RSS_POLL);
    }
    peak
}

/// `VmHWM:   1234 kB` → 1234.
fn vm_hwm_kib(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_a_child_that_allocates() {
        // python3 is not guaranteed; a shell that fills a 40 MB variable is.
        let mut command = Command::new("sh");
        command.args([
            "-c",
            "x=$(head -c 40000000 /dev/zero | tr '\\0' a); sleep 0.1; echo ${#x}; exit 3",
        ]);
        let run = run(command).expect("sh runs");
        assert_eq!(run.code, Some(3));
        assert_eq!(run.stdout.trim(), "40000000");
        assert!(run.wall >= Duration::from_millis(100), "{run:?}");
        if cfg!(target_os = "linux") {
            let peak = run.peak_rss_kib.expect("VmHWM sampled");
            assert!(peak > 40_000, "peak {peak} KiB for a 40 MB string");
            assert!(run.cpu.is_some());
        }
    }

    #[test]
    fn parses_vm_hwm() {
        assert_eq!(vm_hwm_kib("Name:\tx\nVmHWM:\t  1234 kB\n"), Some(1234));
        assert_eq!(vm_hwm_kib("Name:\tx\n"), None);
    }
}

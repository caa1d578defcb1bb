//! Timing samples (min/median/max), peak RSS from `/proc/self/status`, and targets.

use std::time::{Duration, Instant};

/// Wall-clock samples of one measured step.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    samples: Vec<Duration>,
}

impl Timings {
    /// Runs `f` and records how long it took; returns its result.
    pub fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.samples.push(start.elapsed());
        out
    }

    pub fn push(&mut self, d: Duration) {
        self.samples.push(d);
    }

    /// Records `d` if it was measured.
    pub fn extend(&mut self, d: Option<Duration>) {
        self.samples.extend(d);
    }

    pub fn runs(&self) -> usize {
        self.samples.len()
    }

    pub fn min(&self) -> Duration {
        self.samples.iter().copied().min().unwrap_or_default()
    }

    pub fn max(&self) -> Duration {
        self.samples.iter().copied().max().unwrap_or_default()
    }

    /// The middle sample (the lower middle for an even count).
    pub fn median(&self) -> Duration {
        let mut sorted = self.samples.clone();
        sorted.sort();
        sorted
            .get(sorted.len().saturating_sub(1) / 2)
            .copied()
            .unwrap_or_default()
    }
}

/// Adds two timings sample by sample (e.g. plan + render of the same run).
pub fn sum(a: &Timings, b: &Timings) -> Timings {
    Timings {
        samples: a
            .samples
            .iter()
            .zip(&b.samples)
            .map(|(x, y)| *x + *y)
            .collect(),
    }
}

/// Milliseconds with one decimal, for reports.
pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Peak resident set size of this process in KiB (`VmHWM`), if the kernel reports it.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time this process's live threads have run (the sum of
/// `/proc/self/task/*/schedstat`, nanoseconds), if known.
pub fn process_cpu() -> Option<Duration> {
    let mut total = Duration::ZERO;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let path = task.ok()?.path().join("schedstat");
        // A thread may end between the listing and the read.
        if let Some(cpu) = path.to_str().and_then(schedstat) {
            total += cpu;
        }
    }
    Some(total)
}

/// CPU time of process `pid` on this machine (`/proc/<pid>/schedstat`), if it is a
/// PostgreSQL process (so a remote server's backend pid is never misread as a local one).
pub fn postgres_process_cpu(pid: u32) -> Option<Duration> {
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    let is_postgres =
        comm.trim() == "postgres" || String::from_utf8_lossy(&cmdline).starts_with("postgres");
    if !is_postgres {
        return None;
    }
    schedstat(&format!("/proc/{pid}/schedstat"))
}

fn schedstat(path: &str) -> Option<Duration> {
    let text = std::fs::read_to_string(path).ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// User + system CPU of this process's waited-for children (`cutime` + `cstime` of
/// `/proc/self/stat`, in 10 ms clock ticks), if known.
pub fn children_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name start at field 3 (state).
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |field: usize| fields.get(field - 3)?.parse::<u64>().ok();
    let total = ticks(16)? + ticks(17)?;
    // USER_HZ is 100 on every Linux ABI.
    Some(Duration::from_millis(total * 10))
}

/// `12.3 MB` from KiB (MB = 10^6 bytes, as in the targets).
pub fn mb_from_kib(kib: u64) -> f64 {
    kib as f64 * 1024.0 / 1e6
}

/// A wall-time limit for a number of tables, scaled linearly from the DESIGN §6
/// figure given for `reference_tables`.
#[derive(Debug, Clone)]
pub struct TimeTarget {
    pub limit: Duration,
    pub text: String,
}

impl TimeTarget {
    pub fn scaled(reference: Duration, reference_tables: usize, tables: usize) -> TimeTarget {
        let base = format!("< {} for {reference_tables} tables", ms_whole(reference));
        if tables == reference_tables {
            return TimeTarget {
                limit: reference,
                text: base,
            };
        }
        let limit = reference.mul_f64(tables as f64 / reference_tables as f64);
        TimeTarget {
            limit,
            text: format!("< {} ({base}, scaled linearly)", ms(limit)),
        }
    }

    pub fn passes(&self, d: Duration) -> bool {
        d < self.limit
    }
}

fn ms_whole(d: Duration) -> String {
    format!("{} ms", d.as_millis())
}

pub fn verdict(pass: bool) -> &'static str {
    if pass {
        "PASS"
    } else {
        "FAIL"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_scaling() {
        let mut t = Timings::default();
        for ms in [30, 10, 20] {
            t.push(Duration::from_millis(ms));
        }
        assert_eq!(t.median(), Duration::from_millis(20));
        assert_eq!(t.min(), Duration::from_millis(10));
        assert_eq!(t.max(), Duration::from_millis(30));
        let target = TimeTarget::scaled(Duration::from_millis(500), 10_000, 1_000);
        assert_eq!(target.limit, Duration::from_millis(50));
        assert!(target.passes(Duration::from_millis(49)));
        assert!(!target.passes(Duration::from_millis(50)));
    }

    #[test]
    fn reads_peak_rss_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss_kib().is_some_and(|k| k > 0));
        }
    }

    #[test]
    fn reads_cpu_times_on_linux() {
        if cfg!(target_os = "linux") {
            let before = process_cpu().expect("schedstat");
            let mut x = 0u64;
            for i in 0..1_000_000u64 {
                x = std::hint::black_box(x.wrapping_add(i));
            }
            assert!(process_cpu().expect("schedstat") > before);
            assert!(children_cpu().is_some());
            assert_eq!(postgres_process_cpu(std::process::id()), None);
        }
    }
}

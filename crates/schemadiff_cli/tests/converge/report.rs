//! The harness's report: each failure with its stage and excerpt, pass counts per corpus
//! and per topic, failures per stage, and the known-failure bookkeeping.

use crate::run::{excerpt, Outcome, Stage};
use schemadiff_testkit::corpus::Case;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

#[derive(Debug)]
pub struct Summary {
    pub text: String,
    /// Violations that fail the test: crashes, unlisted failures, listed passes.
    pub problems: Vec<String>,
}

#[derive(Debug, Default)]
struct Count {
    passed: usize,
    total: usize,
}

pub fn summarize(results: &[(Case, Outcome)], known: &BTreeMap<String, String>) -> Summary {
    let mut text = String::new();
    let mut problems = Vec::new();
    let mut per_corpus: BTreeMap<String, Count> = BTreeMap::new();
    let mut per_topic: BTreeMap<String, Count> = BTreeMap::new();
    let mut per_stage: BTreeMap<Stage, usize> = BTreeMap::new();
    let mut elapsed = Duration::ZERO;
    for (case, outcome) in results {
        let id = case.id();
        elapsed += outcome.elapsed;
        let topic = format!(
            "{}/{}",
            case.peer,
            case.topic.clone().unwrap_or_else(|| "-".to_string())
        );
        for key in [
            &mut per_corpus.entry(case.peer.clone()).or_default(),
            &mut per_topic.entry(topic).or_default(),
        ] {
            key.total += 1;
            key.passed += usize::from(outcome.passed());
        }
        let listed = known.get(&id);
        if outcome.passed() {
            if listed.is_some() {
                problems.push(format!(
                    "{id} converges now: remove it from the known failures"
                ));
            }
            continue;
        }
        if let Some((stage, _)) = outcome.failures.first() {
            *per_stage.entry(*stage).or_default() += 1;
        }
        let stages: Vec<&str> = outcome.failures.iter().map(|(s, _)| s.label()).collect();
        let tag = match listed {
            Some(reason) => format!("known: {reason}"),
            None => "NEW".to_string(),
        };
        let _ = writeln!(text, "FAIL {id} [{}] ({tag})", stages.join(", "));
        for (stage, message) in &outcome.failures {
            let _ = writeln!(text, "  {}:", stage.label());
            for line in excerpt(message, 30).lines() {
                let _ = writeln!(text, "    {line}");
            }
        }
        if outcome.crashed() {
            problems.push(format!("{id} crashed the binary (never acceptable)"));
        } else if listed.is_none() {
            problems.push(format!(
                "{id} fails at {} and is not a known failure",
                stages.join(", ")
            ));
        }
    }
    let _ = writeln!(text, "\nconvergence per corpus:");
    for (name, c) in &per_corpus {
        let _ = writeln!(
            text,
            "  {name:<10} {:>4}/{:<4} {}",
            c.passed,
            c.total,
            percent(c)
        );
    }
    let _ = writeln!(text, "convergence per topic:");
    for (name, c) in &per_topic {
        let _ = writeln!(text, "  {name:<28} {:>4}/{:<4}", c.passed, c.total);
    }
    let _ = writeln!(text, "first failing stage:");
    for (stage, n) in &per_stage {
        let _ = writeln!(text, "  {:<12} {n}", stage.label());
    }
    let _ = writeln!(
        text,
        "{} cases, {:.1} s of case time",
        results.len(),
        elapsed.as_secs_f64()
    );
    Summary { text, problems }
}

fn percent(c: &Count) -> String {
    if c.total == 0 {
        return String::new();
    }
    format!("({:.1}%)", 100.0 * c.passed as f64 / c.total as f64)
}

/// `target/tmp/converge-results.tsv`: one line per case (id, pass/fail, stages, first
/// line of the first message), for triage across runs.
pub fn write_tsv(results: &[(Case, Outcome)], known: &BTreeMap<String, String>) {
    let mut out = String::from("case\tstatus\tstages\tknown\tseconds\tfirst_line\n");
    for (case, outcome) in results {
        let stages: Vec<&str> = outcome.failures.iter().map(|(s, _)| s.label()).collect();
        let first = outcome
            .failures
            .first()
            .map(|(_, m)| {
                m.lines()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("")
                    .to_string()
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{:.2}\t{}",
            case.id(),
            if outcome.passed() { "pass" } else { "fail" },
            stages.join(","),
            known.contains_key(&case.id()),
            outcome.elapsed.as_secs_f64(),
            first.replace('\t', " ")
        );
    }
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("converge-results.tsv");
    if std::fs::write(&path, out).is_ok() {
        eprintln!("per-case results: {}", path.display());
    }
}

/// Appends one line per finished case to `target/tmp/converge-progress.tsv` (long runs
/// can be watched with `tail -f`).
pub fn progress(case: &Case, outcome: &Outcome) {
    use std::io::Write as _;
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("converge-progress.tsv");
    let stages: Vec<&str> = outcome.failures.iter().map(|(s, _)| s.label()).collect();
    let line = format!(
        "{}\t{}\t{:.1}\n",
        case.id(),
        if outcome.passed() { "pass" } else { "fail" },
        outcome.elapsed.as_secs_f64()
    );
    let line = if stages.is_empty() {
        line
    } else {
        line.replace("fail", &format!("fail:{}", stages.join(",")))
    };
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = f.write_all(line.as_bytes());
    }
}

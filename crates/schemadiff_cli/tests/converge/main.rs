//! The convergence harness: for every case folder with `from.sql` and `to.sql` — our own
//! `tests/cases/diff/<name>` and the acceptance corpus `tests/corpus/<peer>/<case>` — plan
//! a database loaded with `from.sql` to `to.sql` with the real binary, apply the plan,
//! and require (a) an empty second plan and (b) a database equal to one built directly
//! from `to.sql` (by `tools/schema_fingerprint.py --ignore-column-order`).
//!
//! CI runs our cases and a fixed sample of the corpus; `SCHEMADIFF_CORPUS=all` runs every
//! case, `SCHEMADIFF_CORPUS=<text>` the cases whose id contains it. Known failures are
//! listed in `tests/corpus/known-failures/converge.txt` and enforced both ways.

mod expect;
mod known;
mod report;
mod run;

use run::{run_case, Outcome};
use schemadiff_testkit::corpus::{self, Case, CORPUS_ENV};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Parallel cases; each holds up to three databases. `SCHEMADIFF_CONVERGE_JOBS` overrides.
const DEFAULT_JOBS: usize = 3;

#[test]
fn plans_converge() {
    let repo = corpus::repo_root();
    let known_path = repo.join("tests/corpus/known-failures/converge.txt");
    let known = known::read(&known_path).unwrap_or_else(|e| panic!("{e}"));
    let listed: BTreeSet<String> = known.keys().cloned().collect();

    let all_corpus = corpus::cases(&corpus::corpus_root()).unwrap_or_else(|e| panic!("{e}"));
    let all_ids: BTreeSet<String> = all_corpus.iter().map(Case::id).collect();
    let ours = own_cases(&repo.join("tests/cases/diff"));
    let our_ids: BTreeSet<String> = ours.iter().map(Case::id).collect();
    let selection = corpus::sample(all_corpus, &listed);
    let filter = std::env::var(CORPUS_ENV).unwrap_or_default();
    let mut cases: Vec<Case> = ours
        .into_iter()
        .filter(|c| matches!(filter.trim(), "" | "all") || c.id().contains(filter.trim()))
        .collect();
    cases.extend(selection.cases);
    eprintln!(
        "converge: {} cases (our tests/cases/diff, corpus: {})",
        cases.len(),
        selection.how
    );

    let results = run_all(cases);
    let summary = report::summarize(&results, &known);
    eprintln!("{}", summary.text);
    let report_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("converge-report.txt");
    let _ = std::fs::write(&report_path, &summary.text);
    report::write_tsv(&results, &known);

    let mut problems = summary.problems;
    for id in &listed {
        if !all_ids.contains(id) && !our_ids.contains(id) {
            problems.push(format!("{id} is listed as a known failure but is no case"));
        }
    }
    assert!(
        problems.is_empty(),
        "convergence harness: {} problem(s)\n{}\n(known failures: {})",
        problems.len(),
        problems.join("\n"),
        known_path.display()
    );
}

/// `tests/cases/diff/<name>/{from.sql,to.sql}` as corpus cases of the peer `ours`.
fn own_cases(root: &Path) -> Vec<Case> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("from.sql").is_file() && p.join("to.sql").is_file())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| Case {
            peer: "ours".to_string(),
            name: dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            topic: Some("ours".to_string()),
            // Roles the case grants to, one per line in `roles.txt`.
            roles: std::fs::read_to_string(dir.join("roles.txt"))
                .map(|t| {
                    t.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
            login_roles: Vec::new(),
            run_as: None,
            search_path: None,
            min_version: None,
            has_setup: dir.join("setup.sql").is_file(),
            has_from_loadable: dir.join("from.loadable.sql").is_file(),
            has_to_loadable: dir.join("to.loadable.sql").is_file(),
            dir,
        })
        .collect()
}

fn run_all(cases: Vec<Case>) -> Vec<(Case, Outcome)> {
    let jobs = std::env::var("SCHEMADIFF_CONVERGE_JOBS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(DEFAULT_JOBS);
    let queue = Mutex::new(cases.into_iter().rev().collect::<Vec<_>>());
    let results = Mutex::new(Vec::new());
    let scratch_root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("converge");
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let next = queue.lock().unwrap_or_else(|p| p.into_inner()).pop();
                let Some(case) = next else { break };
                let scratch = scratch_root.join(case.id().replace('/', "__"));
                let _ = std::fs::remove_dir_all(&scratch);
                let _ = std::fs::create_dir_all(&scratch);
                let outcome = run_case(&case, &scratch);
                let _ = std::fs::remove_dir_all(&scratch);
                report::progress(&case, &outcome);
                results
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push((case, outcome));
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    results.sort_by_key(|(c, _)| c.id());
    results
}
